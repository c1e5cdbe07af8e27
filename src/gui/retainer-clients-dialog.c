/* retainer-clients-dialog.c: the clients kept in the app's data folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "retainer-alert.h"
#include "retainer-client-report.h"
#include "retainer-clients-dialog.h"
#include "retainer-json.h"
#include "retainer-money.h"
#include "retainer-rate-card.h"

struct _RetainerClientsDialog
{
  AdwDialog          parent_instance;

  AdwToastOverlay   *toast_overlay;
  AdwNavigationView *navigation_view;
  GtkStack          *stack;
  GtkLabel          *problems_label;
  GtkListBox        *clients_list;

  RetainerWindow    *window;       /* weak */
  GPtrArray         *entries;      /* RetainerClientEntry, as listed */
  GCancellable      *cancellable;  /* the file dialogs */
};

G_DEFINE_FINAL_TYPE (RetainerClientsDialog, retainer_clients_dialog, ADW_TYPE_DIALOG)

static void
show_error (RetainerClientsDialog *self,
            const char            *heading,
            const char            *message)
{
  AdwDialog *dialog = retainer_alert_new (heading, message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "close");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "close");
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
toast (RetainerClientsDialog *self,
       const char            *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* ------------------------------------------------------------------ */
/* The list                                                            */

static char *
describe_client (const RetainerClient *client)
{
  const RetainerTier *tier = retainer_client_tier (client);
  guint n_months = client->months->len;
  g_autofree char *retainer = retainer_money_format (retainer_client_monthly_retainer (client),
                                                     client->proposal->currency,
                                                     RETAINER_MONEY_FORMAT_DEFAULT);
  g_autofree char *saved = retainer_money_format (retainer_client_cumulative_saving (client, n_months),
                                                  client->proposal->currency,
                                                  RETAINER_MONEY_FORMAT_DEFAULT);
  g_autofree char *months = NULL;

  /* Translators: %u months recorded since go-live. */
  months = g_strdup_printf (ngettext ("%u month recorded", "%u months recorded", n_months), n_months);
  /* Translators: one client in the list; %1$s is the plan, %2$s the
   * monthly retainer, %3$s the months recorded ("7 months recorded"), %4$s
   * the savings since go-live. */
  return g_strdup_printf (_("%1$s · %2$s a month · %3$s · %4$s saved"),
                          tier != NULL ? retainer_rate_card_text (tier->name) : client->promise.tier_id,
                          retainer, months, saved);
}

static void export_clicked_cb (GtkButton             *button,
                               RetainerClientsDialog *self);

static GtkWidget *
create_client_row (RetainerClientsDialog     *self,
                   const RetainerClientEntry *entry,
                   guint                      index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *export = gtk_button_new_from_icon_name ("document-save-as-symbolic");
  g_autofree char *subtitle = describe_client (entry->client);
  const char *company = entry->client->proposal->company;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 company != NULL && *company != '\0' ? company : _("Client"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_set_valign (export, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (export, _("Export Client File…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (export), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export Client File…"), -1);
  gtk_widget_add_css_class (export, "flat");
  g_object_set_data (G_OBJECT (export), "retainer-client-index", GUINT_TO_POINTER (index));
  g_signal_connect (export, "clicked", G_CALLBACK (export_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), export);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

void
retainer_clients_dialog_reload (RetainerClientsDialog *self)
{
  g_autoptr (GPtrArray) problems = NULL;

  g_return_if_fail (RETAINER_IS_CLIENTS_DIALOG (self));

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = retainer_clients_list (&problems);

  gtk_list_box_remove_all (self->clients_list);
  for (guint i = 0; i < self->entries->len; i++)
    gtk_list_box_append (self->clients_list,
                         create_client_row (self, g_ptr_array_index (self->entries, i), i));

  /* A file that does not read is named, not hidden: it is still in the folder. */
  if (problems->len > 0)
    {
      g_ptr_array_add (problems, NULL);
      g_autofree char *text = g_strjoinv ("\n", (char **) problems->pdata);

      gtk_label_set_label (self->problems_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), problems->len > 0);
  gtk_stack_set_visible_child_name (self->stack,
                                    self->entries->len > 0 || problems->len > 0 ? "list" : "empty");
}

guint
retainer_clients_dialog_get_n_clients (RetainerClientsDialog *self)
{
  g_return_val_if_fail (RETAINER_IS_CLIENTS_DIALOG (self), 0);
  return self->entries->len;
}

int
retainer_clients_dialog_find (RetainerClientsDialog *self,
                              const char            *path)
{
  g_return_val_if_fail (RETAINER_IS_CLIENTS_DIALOG (self), -1);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const RetainerClientEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (entry->path, path) == 0)
        return (int) i;
    }
  return -1;
}

RetainerClientView *
retainer_clients_dialog_open_client (RetainerClientsDialog *self,
                                     guint                  index)
{
  const RetainerClientEntry *entry;
  RetainerClientView *view;

  g_return_val_if_fail (RETAINER_IS_CLIENTS_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  entry = g_ptr_array_index (self->entries, index);
  view = retainer_client_view_new (self->window, entry->path, retainer_client_copy (entry->client));
  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (view));
  return view;
}

static void
client_activated_cb (RetainerClientsDialog *self,
                     GtkListBoxRow         *row)
{
  retainer_clients_dialog_open_client (self, (guint) gtk_list_box_row_get_index (row));
}

/* Back from a client's page: its months may have changed. */
static void
popped_cb (RetainerClientsDialog *self)
{
  retainer_clients_dialog_reload (self);
}

/* ------------------------------------------------------------------ */
/* Import and export                                                   */

typedef struct
{
  RetainerClientsDialog *dialog;
  char                  *path;
} ReplaceQuestion;

static void
replace_question_free (ReplaceQuestion *question)
{
  g_object_unref (question->dialog);
  g_free (question->path);
  g_free (question);
}

static void
imported (RetainerClientsDialog *self,
          const char            *kept_path)
{
  g_autofree char *message = NULL;
  int index;

  retainer_clients_dialog_reload (self);
  index = retainer_clients_dialog_find (self, kept_path);
  if (index >= 0)
    {
      const RetainerClientEntry *entry = g_ptr_array_index (self->entries, index);

      /* Translators: %s is the client's company. */
      message = g_strdup_printf (_("Imported %s"), entry->client->proposal->company);
      toast (self, message);
    }
}

static void
replace_response_cb (AdwAlertDialog  *alert,
                     const char      *response,
                     ReplaceQuestion *question)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *kept = NULL;

  if (g_strcmp0 (response, "replace") != 0)
    return;

  kept = retainer_clients_import (question->path, TRUE, &error);
  if (kept == NULL)
    show_error (question->dialog, _("Could Not Import the Client"), retainer_error_message (error));
  else
    imported (question->dialog, kept);
}

gboolean
retainer_clients_dialog_import_file (RetainerClientsDialog *self,
                                     GFile                 *file)
{
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (RETAINER_IS_CLIENTS_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *parse_name = g_file_get_parse_name (file);
      g_autofree char *message = g_strdup_printf (_("%s is not a local file"), parse_name);

      show_error (self, _("Could Not Import the Client"), message);
      return FALSE;
    }

  kept = retainer_clients_import (path, FALSE, &error);
  if (kept == NULL && g_error_matches (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_EXISTS))
    {
      AdwDialog *alert = retainer_alert_new (_("Replace the Client?"), retainer_error_message (error));
      ReplaceQuestion *question = g_new0 (ReplaceQuestion, 1);

      question->dialog = g_object_ref (self);
      question->path = g_steal_pointer (&path);
      adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                      "cancel", _("_Cancel"),
                                      "replace", _("_Replace"),
                                      NULL);
      adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "replace",
                                                ADW_RESPONSE_DESTRUCTIVE);
      adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "cancel");
      g_signal_connect_data (alert, "response", G_CALLBACK (replace_response_cb), question,
                             (GClosureNotify) (void (*) (void)) replace_question_free, 0);
      adw_dialog_present (alert, GTK_WIDGET (self));
      return FALSE;
    }
  if (kept == NULL)
    {
      show_error (self, _("Could Not Import the Client"), retainer_error_message (error));
      return FALSE;
    }

  imported (self, kept);
  return TRUE;
}

gboolean
retainer_clients_dialog_export_file (RetainerClientsDialog *self,
                                     guint                  index,
                                     GFile                 *file)
{
  const RetainerClientEntry *entry;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (RETAINER_IS_CLIENTS_DIALOG (self), FALSE);
  g_return_val_if_fail (index < self->entries->len, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  entry = g_ptr_array_index (self->entries, index);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *parse_name = g_file_get_parse_name (file);

      message = g_strdup_printf (_("%s is not a local file"), parse_name);
      show_error (self, _("Could Not Export the Client"), message);
      return FALSE;
    }
  if (!retainer_client_export (entry->client, path, &error))
    {
      show_error (self, _("Could Not Export the Client"), retainer_error_message (error));
      return FALSE;
    }

  name = g_file_get_basename (file);
  /* Translators: %s is the file's name. */
  message = g_strdup_printf (_("Exported “%s”"), name);
  toast (self, message);
  return TRUE;
}

typedef struct
{
  RetainerClientsDialog *dialog;
  gboolean               import;
  guint                  index;
} FileRequest;

static void
file_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  FileRequest *request = user_data;
  g_autoptr (RetainerClientsDialog) self = request->dialog;
  gboolean import = request->import;
  guint index = request->index;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  g_free (request);
  if (import)
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);
  else
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (file == NULL)
    {
      if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED)
          && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        show_error (self, _("Could Not Open the File"), retainer_error_message (error));
      return;
    }

  if (import)
    retainer_clients_dialog_import_file (self, file);
  else if (index < self->entries->len)
    retainer_clients_dialog_export_file (self, index, file);
}

static GtkFileDialog *
create_file_dialog (const char *title,
                    const char *accept_label)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("Retainer Proposals"));
  gtk_file_filter_add_pattern (filter, "*" RETAINER_PROPOSAL_EXTENSION);
  gtk_file_filter_add_mime_type (filter, RETAINER_PROPOSAL_MIME_TYPE);
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  gtk_file_dialog_set_modal (dialog, TRUE);
  return dialog;
}

static void
import_clicked_cb (RetainerClientsDialog *self)
{
  g_autoptr (GtkFileDialog) dialog = create_file_dialog (_("Import a Client"), _("_Import"));
  FileRequest *request = g_new0 (FileRequest, 1);

  request->dialog = g_object_ref (self);
  request->import = TRUE;
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                        self->cancellable, file_chosen_cb, request);
}

static void
export_clicked_cb (GtkButton             *button,
                   RetainerClientsDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "retainer-client-index"));
  g_autoptr (GtkFileDialog) dialog = create_file_dialog (_("Export the Client"), _("_Export"));
  g_autofree char *name = NULL;
  FileRequest *request;

  if (index >= self->entries->len)
    return;
  name = retainer_client_file_name (((RetainerClientEntry *) g_ptr_array_index (self->entries, index))->client);
  gtk_file_dialog_set_initial_name (dialog, name);
  request = g_new0 (FileRequest, 1);
  request->dialog = g_object_ref (self);
  request->index = index;
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                        self->cancellable, file_chosen_cb, request);
}

/* ------------------------------------------------------------------ */
/* The object                                                          */

static void
closed_cb (RetainerClientsDialog *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
retainer_clients_dialog_dispose (GObject *object)
{
  RetainerClientsDialog *self = RETAINER_CLIENTS_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->window);
  gtk_widget_dispose_template (GTK_WIDGET (self), RETAINER_TYPE_CLIENTS_DIALOG);

  G_OBJECT_CLASS (retainer_clients_dialog_parent_class)->dispose (object);
}

static void
retainer_clients_dialog_finalize (GObject *object)
{
  RetainerClientsDialog *self = RETAINER_CLIENTS_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (retainer_clients_dialog_parent_class)->finalize (object);
}

static void
retainer_clients_dialog_class_init (RetainerClientsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = retainer_clients_dialog_dispose;
  object_class->finalize = retainer_clients_dialog_finalize;

  g_type_ensure (RETAINER_TYPE_CLIENT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/retainer/Retainer/retainer-clients-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RetainerClientsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RetainerClientsDialog, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, RetainerClientsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RetainerClientsDialog, problems_label);
  gtk_widget_class_bind_template_child (widget_class, RetainerClientsDialog, clients_list);
  gtk_widget_class_bind_template_callback (widget_class, client_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, popped_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
}

static void
retainer_clients_dialog_init (RetainerClientsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self, "closed", G_CALLBACK (closed_cb), NULL);
}

RetainerClientsDialog *
retainer_clients_dialog_new (RetainerWindow *window)
{
  RetainerClientsDialog *self;

  g_return_val_if_fail (RETAINER_IS_WINDOW (window), NULL);

  self = g_object_new (RETAINER_TYPE_CLIENTS_DIALOG, NULL);
  g_set_weak_pointer (&self->window, window);
  retainer_clients_dialog_reload (self);
  return self;
}
