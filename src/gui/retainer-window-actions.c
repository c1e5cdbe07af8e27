/* retainer-window-actions.c: documents, autosave and the window's actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <string.h>

#include "retainer-accept-dialog.h"
#include "retainer-clients-dialog.h"
#include "retainer-json.h"
#include "retainer-money.h"
#include "retainer-pdf.h"
#include "retainer-revision.h"
#include "retainer-window-pitch.h"
#include "retainer-window-private.h"

#define RECENT_MAX 8

/* ------------------------------------------------------------------ */
/* Autosave                                                            */

char *
retainer_window_autosave_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "retainer", "autosave.retainer", NULL);
}

void
retainer_window_remove_autosave (RetainerWindow *self)
{
  g_autofree char *path = retainer_window_autosave_path ();

  if (g_unlink (path) != 0 && errno != ENOENT)
    g_debug ("Could not remove %s: %s", path, g_strerror (errno));
  g_settings_set_string (self->settings, "autosave-document", "");
}

static gboolean
autosave_cb (gpointer user_data)
{
  RetainerWindow *self = user_data;
  g_autofree char *path = retainer_window_autosave_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;

  self->autosave_source = 0;

  if (!self->modified)
    {
      retainer_window_remove_autosave (self);
      return G_SOURCE_REMOVE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *folder = g_filename_display_name (dir);
      g_autofree char *message = NULL;

      /* Translators: %1$s is a folder, %2$s says why, like "Permission denied". */
      message = g_strdup_printf (_("Unsaved work could not be kept safe: the folder %1$s "
                                   "could not be made: %2$s"),
                                 folder, g_strerror (saved_errno));
      retainer_window_toast (self, message);
      return G_SOURCE_REMOVE;
    }
  if (!retainer_proposal_save (self->proposal, path, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, like "No space left on device". */
      message = g_strdup_printf (_("Unsaved work could not be kept safe: %s"),
                                 retainer_error_message (error));
      retainer_window_toast (self, message);
      return G_SOURCE_REMOVE;
    }

  g_settings_set_string (self->settings, "autosave-document", self->path != NULL ? self->path : "");
  return G_SOURCE_REMOVE;
}

void
retainer_window_schedule_autosave (RetainerWindow *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_source = g_timeout_add (g_settings_get_uint (self->settings, "autosave-delay"),
                                         autosave_cb, self);
}

static void
restore_response_cb (AdwAlertDialog *dialog,
                     const char     *response,
                     RetainerWindow *self)
{
  g_autofree char *path = retainer_window_autosave_path ();
  g_autoptr (GError) error = NULL;
  RetainerProposal *restored;
  RetainerProposal *saved = NULL;
  g_autofree char *document = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    {
      retainer_window_remove_autosave (self);
      return;
    }

  restored = retainer_proposal_load (path, &error);
  if (restored == NULL)
    {
      retainer_window_show_error (self, _("Could Not Restore the Unsaved Work"), retainer_error_message (error));
      retainer_window_remove_autosave (self);
      return;
    }

  /* Compare with the file it belongs to, so the unsaved mark is right. */
  document = g_settings_get_string (self->settings, "autosave-document");
  if (*document != '\0')
    saved = retainer_proposal_load (document, NULL);
  if (saved == NULL)
    g_clear_pointer (&document, g_free);

  retainer_window_set_document (self, restored, saved, document, FALSE);
}

gboolean
retainer_window_offer_restore (RetainerWindow *self)
{
  g_autofree char *path = retainer_window_autosave_path ();
  AdwDialog *dialog;

  g_return_val_if_fail (RETAINER_IS_WINDOW (self), FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  dialog = retainer_alert_new (_("Restore Unsaved Work?"),
                               _("Retainer closed before the last proposal was saved. "
                                 "Its unsaved changes can be restored."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "discard", _("_Discard"),
                                  "restore", _("_Restore"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "discard",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "restore",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "restore");
  /* Escape keeps the work: nothing is thrown away without a click. */
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "restore");
  /* Connected to the window: a window destroyed under the dialog is not called. */
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Recent files                                                        */

void
retainer_window_add_recent (RetainerWindow *self,
                            const char     *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  GtkRecentData data = { 0 };

  if (uri == NULL)
    return;

  data.mime_type = (char *) RETAINER_PROPOSAL_MIME_TYPE;
  data.app_name = (char *) "Retainer";
  data.app_exec = (char *) "retainer %f";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

void
retainer_window_update_recent_menu (RetainerWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr (GPtrArray) proposals = g_ptr_array_new ();
  guint shown = 0;

  g_menu_remove_all (self->recent_menu);

  for (GList *l = items; l != NULL; l = l->next)
    if (g_str_has_suffix (gtk_recent_info_get_uri (l->data), RETAINER_PROPOSAL_EXTENSION))
      g_ptr_array_add (proposals, l->data);
  g_ptr_array_sort (proposals, compare_recent);

  for (guint i = 0; i < proposals->len && shown < RECENT_MAX; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (proposals, i);
      g_autofree char *path = g_filename_from_uri (gtk_recent_info_get_uri (info), NULL, NULL);
      g_autoptr (GMenuItem) item = NULL;

      if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (path));
      g_menu_append_item (self->recent_menu, item);
      shown++;
    }

  if (shown == 0)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_("No Recent Proposals"), "win.none");

      g_menu_append_item (self->recent_menu, item);
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
recent_changed_cb (GtkRecentManager *manager,
                   RetainerWindow   *self)
{
  retainer_window_update_recent_menu (self);
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

gboolean
retainer_window_save_to (RetainerWindow *self,
                         const char     *path,
                         GError        **error)
{
  g_return_val_if_fail (RETAINER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!retainer_proposal_save (self->proposal, path, error))
    return FALSE;

  g_clear_pointer (&self->saved, retainer_proposal_free);
  self->saved = retainer_proposal_copy (self->proposal);
  if (self->path != path)
    {
      g_free (self->path);
      self->path = g_strdup (path);
    }
  self->is_sample = FALSE;
  self->modified = FALSE;
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  retainer_window_remove_autosave (self);
  g_settings_set_string (self->settings, "last-document", path);
  retainer_window_add_recent (self, path);
  retainer_window_update_title (self);
  retainer_window_update_actions (self);
  return TRUE;
}

static void run_pending (RetainerWindow *self);

/* Saves where the document lives; reports a failure in a dialog. */
static gboolean
save_in_place (RetainerWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (retainer_window_save_to (self, self->path, &error))
    return TRUE;

  retainer_window_show_error (self, _("Could Not Save the Proposal"), retainer_error_message (error));
  return FALSE;
}

static char *
suggest_file_name (RetainerWindow *self)
{
  const char *company = self->proposal->company;
  g_autofree char *name = NULL;

  if (company == NULL || *company == '\0')
    name = g_strdup (_("Proposal"));
  else
    name = g_strdelimit (g_strdup (company), "/\\:", '-');
  return g_strconcat (name, RETAINER_PROPOSAL_EXTENSION, NULL);
}

/* The filters a file dialog offers: just `filter`, chosen at first. */
static void
set_filter (GtkFileDialog *dialog,
            GtkFileFilter *filter)
{
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
}

static GtkFileFilter *
create_proposal_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Retainer Proposals"));
  gtk_file_filter_add_pattern (filter, "*" RETAINER_PROPOSAL_EXTENSION);
  gtk_file_filter_add_mime_type (filter, RETAINER_PROPOSAL_MIME_TYPE);
  return filter;
}

/* A file dialog (or the launcher) answered after its window was closed:
 * the reference it held keeps `self` valid, but the window is no longer
 * on screen, and may be half disposed. */
static gboolean
window_closed (RetainerWindow *self)
{
  return self->file_cancellable == NULL || g_cancellable_is_cancelled (self->file_cancellable);
}

/* Shows why a file dialog failed; a dialog the founder dismissed is no failure. */
static void
show_dialog_error (RetainerWindow *self,
                   const char     *heading,
                   const GError   *error)
{
  if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED)
      || g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    return;
  retainer_window_show_error (self, heading, retainer_error_message (error));
}

/* Reads a chosen file's path; a file without one is shown as a failure. */
static char *
local_path (RetainerWindow *self,
            GFile          *file,
            const char     *heading)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *parse_name = g_file_get_parse_name (file);
      g_autofree char *message = g_strdup_printf (_("%s is not a local file"), parse_name);

      retainer_window_show_error (self, heading, message);
    }
  return path;
}

gboolean
retainer_window_save_as_file (RetainerWindow *self,
                              GFile          *file)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (RETAINER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = local_path (self, file, _("Could Not Save the Proposal"));
  if (path == NULL)
    {
      retainer_window_clear_pending (self);
      return FALSE;
    }

  if (!g_str_has_suffix (path, RETAINER_PROPOSAL_EXTENSION))
    {
      char *with_extension = g_strconcat (path, RETAINER_PROPOSAL_EXTENSION, NULL);

      g_free (path);
      path = with_extension;
    }

  if (!retainer_window_save_to (self, path, &error))
    {
      retainer_window_show_error (self, _("Could Not Save the Proposal"), retainer_error_message (error));
      retainer_window_clear_pending (self);
      return FALSE;
    }

  run_pending (self);
  return TRUE;
}

static void
save_as_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (RetainerWindow) self = user_data;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  if (window_closed (self))
    return;

  if (file == NULL)
    {
      show_dialog_error (self, _("Could Not Save the Proposal"), error);
      /* Not saved: whatever waited for the save (closing, another file) does not happen. */
      retainer_window_clear_pending (self);
      return;
    }

  retainer_window_save_as_file (self, file);
}

static void
show_save_as (RetainerWindow *self)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autofree char *name = suggest_file_name (self);
  g_autoptr (GtkFileFilter) filter = create_proposal_filter ();

  gtk_file_dialog_set_title (dialog, _("Save Proposal"));
  gtk_file_dialog_set_accept_label (dialog, _("_Save"));
  gtk_file_dialog_set_modal (dialog, TRUE);
  set_filter (dialog, filter);
  gtk_file_dialog_set_initial_name (dialog, name);
  if (self->path != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_path (self->path);
      g_autoptr (GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_dialog_set_initial_folder (dialog, folder);
    }
  /* The reference is the callback's: the window may be closed meanwhile. */
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), self->file_cancellable, save_as_cb,
                        g_object_ref (self));
}

/* ------------------------------------------------------------------ */
/* Unsaved changes                                                     */

void
retainer_window_clear_pending (RetainerWindow *self)
{
  self->pending = RETAINER_PENDING_NONE;
  g_clear_pointer (&self->pending_proposal, retainer_proposal_free);
  g_clear_pointer (&self->pending_path, g_free);
}

static void
new_proposal (RetainerWindow *self)
{
  g_autofree char *card_id = g_settings_get_string (self->settings, "rate-card");
  g_autoptr (RetainerRateCard) card = retainer_rate_card_load_builtin (card_id, NULL);
  RetainerProposal *proposal;

  if (card == NULL)
    card = retainer_rate_card_load_builtin (RETAINER_RATE_CARD_DEFAULT_ID, NULL);
  g_return_if_fail (card != NULL);

  proposal = retainer_proposal_new (card);
  retainer_window_set_document (self, proposal, retainer_proposal_copy (proposal), NULL, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->company_row));
}

static gboolean
close_idle_cb (gpointer user_data)
{
  RetainerWindow *self = user_data;

  self->closing_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
run_pending (RetainerWindow *self)
{
  RetainerPending pending = self->pending;
  RetainerProposal *proposal = g_steal_pointer (&self->pending_proposal);
  g_autofree char *path = g_steal_pointer (&self->pending_path);

  retainer_window_clear_pending (self);
  /* The old work was saved or given up: no restore offer for it. */
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  retainer_window_remove_autosave (self);

  switch (pending)
    {
    case RETAINER_PENDING_CLOSE:
      /* After the dialog that asked has gone, not from inside its response. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self),
                       g_object_unref);
      break;
    case RETAINER_PENDING_NEW:
      new_proposal (self);
      break;
    case RETAINER_PENDING_REPLACE:
      retainer_window_load_proposal (self, proposal, path);
      proposal = NULL;
      break;
    case RETAINER_PENDING_NONE:
    default:
      break;
    }

  g_clear_pointer (&proposal, retainer_proposal_free);
}

static void
unsaved_response_cb (AdwAlertDialog *dialog,
                     const char     *response,
                     RetainerWindow *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    run_pending (self);
  else if (g_strcmp0 (response, "save") == 0)
    {
      if (self->path == NULL)
        show_save_as (self);
      else if (save_in_place (self))
        run_pending (self);
      else
        retainer_window_clear_pending (self);
    }
  else
    retainer_window_clear_pending (self);
}

void
retainer_window_confirm_pending (RetainerWindow *self)
{
  AdwDialog *dialog;
  const char *company = self->proposal->company;
  g_autofree char *heading = NULL;

  if (!self->modified)
    {
      run_pending (self);
      return;
    }

  if (company != NULL && *company != '\0')
    /* Translators: %s is the prospect's company. */
    heading = g_strdup_printf (_("Save Changes to “%s”?"), company);
  else
    heading = g_strdup (_("Save Changes?"));

  dialog = retainer_alert_new (heading,
                               _("The proposal has unsaved changes. Changes that are not "
                                 "saved are lost."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "discard", _("_Discard"),
                                  "save", _("_Save"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "discard",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "save",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "save");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* Errors a founder can act on                                         */

/* Whether the technical message names the field `key`: keys are not
 * translated, and stand between characters that cannot be part of one. */
static gboolean
message_names_field (const char *message,
                     const char *key)
{
  size_t length = strlen (key);

  for (const char *p = strstr (message, key); p != NULL; p = strstr (p + 1, key))
    {
      gboolean starts = p == message || !(g_ascii_isalnum (p[-1]) || p[-1] == '_');
      gboolean ends = !(g_ascii_isalnum (p[length]) || p[length] == '_' || p[length] == '.'
                        || p[length] == '[');

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

/* The technical detail as the founder reads it: the file's name instead of
 * its path, long numbers grouped the way the locale writes them. */
static char *
readable_detail (const char *message,
                 const char *path)
{
  g_autofree char *display_path = g_filename_display_name (path);
  g_autofree char *name = g_filename_display_basename (path);
  g_auto (GStrv) parts = g_strsplit (message, display_path, -1);
  g_autofree char *named = g_strjoinv (name, parts);
  GString *out = g_string_new (NULL);

  for (const char *p = named; *p != '\0';)
    {
      const char *end = p;

      while (g_ascii_isdigit (*end))
        end++;
      /* Five digits or more, whole: a limit or a value, never a line number. */
      if (end - p >= 5 && (p == named || !(g_ascii_isalnum (p[-1]) || p[-1] == '.'))
          && *end != '.' && !g_ascii_isalnum (*end))
        {
          g_autofree char *digits = g_strndup (p, end - p);
          g_autofree char *grouped = retainer_format_number (g_ascii_strtod (digits, NULL), 0);

          g_string_append (out, grouped);
          p = end;
        }
      else if (end > p)
        {
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
        }
    }
  return g_string_free (out, FALSE);
}

/* What went wrong with the file `name`, in plain words, and what to do next. */
static char *
describe_open_problem (const GError *error,
                       const char   *name)
{
  g_autofree char *money_max = retainer_format_number (RETAINER_MONEY_MAX_MAJOR, 0);
  const char *message = retainer_error_message (error);

  if (g_error_matches (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_FIELD)
      || g_error_matches (error, RETAINER_PROPOSAL_ERROR, RETAINER_PROPOSAL_ERROR_INVALID))
    {
      if (message_names_field (message, "monthly_api_spend"))
        /* Translators: %1$s is a file name, %2$s the largest amount, like "1,000,000,000,000". */
        return g_strdup_printf (_("The monthly API spend in “%1$s” is not an amount Retainer can "
                                  "use: it must be from 0 to %2$s. Fix the number in the file, or "
                                  "open another proposal."), name, money_max);
      if (message_names_field (message, "setup_fee"))
        /* Translators: %1$s is a file name, %2$s the largest amount. */
        return g_strdup_printf (_("The setup fee in “%1$s” is not an amount Retainer can use: it "
                                  "must be from 0 to %2$s. Fix the number in the file, or open "
                                  "another proposal."), name, money_max);
      if (message_names_field (message, "api_growth_pct"))
        {
          g_autofree char *low = retainer_format_percent (RETAINER_GROWTH_MIN_PCT, 0);
          g_autofree char *high = retainer_format_percent (RETAINER_GROWTH_MAX_PCT, 0);

          /* Translators: %1$s is a file name, %2$s and %3$s percentages. */
          return g_strdup_printf (_("The monthly growth in “%1$s” must be from %2$s to %3$s. Fix "
                                    "the number in the file, or open another proposal."),
                                  name, low, high);
        }
      if (message_names_field (message, "coverage_pct"))
        {
          g_autofree char *high = retainer_format_percent (100, 0);
          g_autofree char *low = retainer_format_percent (0, 0);

          /* Translators: %1$s is a file name, %2$s and %3$s percentages. */
          return g_strdup_printf (_("The coverage in “%1$s” must be from %2$s to %3$s. Fix the "
                                    "number in the file, or open another proposal."),
                                  name, low, high);
        }
      /* Translators: %s is a file name. */
      return g_strdup_printf (_("A value in “%s” is not one Retainer can use. Fix it in the file, "
                                "or open another proposal."), name);
    }
  if (g_error_matches (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_VERSION))
    /* Translators: %s is a file name. */
    return g_strdup_printf (_("“%s” was made by a newer version of Retainer. Update Retainer to "
                              "open it."), name);
  if (g_error_matches (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_READ))
    /* Translators: %s is a file name. */
    return g_strdup_printf (_("Retainer could not read “%s”. Check that the file is still there "
                              "and that you may open it, or open another proposal."), name);
  /* Translators: %s is a file name. */
  return g_strdup_printf (_("“%s” is not a Retainer proposal, or it is damaged. Open another "
                            "proposal."), name);
}

static void
open_problem_response_cb (AdwAlertDialog *dialog,
                          const char     *response,
                          RetainerWindow *self)
{
  if (g_strcmp0 (response, "open") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open", NULL);
}

/* A file that could not be opened: the plain words, the next step as a
 * button, and the technical detail folded below for whoever asks. */
static void
show_open_problem (RetainerWindow *self,
                   const char     *path,
                   const GError   *error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *body = describe_open_problem (error, name);
  g_autofree char *detail = readable_detail (retainer_error_message (error), path);
  AdwDialog *dialog = retainer_alert_new (_("Could Not Open the Proposal"), body);
  GtkWidget *expander = gtk_expander_new_with_mnemonic (_("_Technical Details"));
  GtkWidget *label = gtk_label_new (detail);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_expander_set_child (GTK_EXPANDER (expander), label);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), expander);

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "close", _("_Close"),
                                  "open", _("_Open Another Proposal…"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "open",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "open");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_problem_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

void
retainer_window_open_file (RetainerWindow *self,
                           const char     *path)
{
  g_autoptr (GError) error = NULL;
  RetainerProposal *proposal;

  g_return_if_fail (RETAINER_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  /* Load first: a file that fails leaves the current work as it is. */
  proposal = retainer_proposal_load (path, &error);
  if (proposal == NULL)
    {
      show_open_problem (self, path, error);
      return;
    }

  retainer_window_clear_pending (self);
  self->pending = RETAINER_PENDING_REPLACE;
  self->pending_proposal = proposal;
  self->pending_path = g_strdup (path);
  retainer_window_confirm_pending (self);
}

static void
open_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (RetainerWindow) self = user_data;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);
  if (window_closed (self))
    return;

  if (file == NULL)
    show_dialog_error (self, _("Could Not Open the Proposal"), error);
  else if ((path = local_path (self, file, _("Could Not Open the Proposal"))) != NULL)
    retainer_window_open_file (self, path);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  RetainerWindow *self = user_data;

  retainer_window_clear_pending (self);
  self->pending = RETAINER_PENDING_NEW;
  retainer_window_confirm_pending (self);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RetainerWindow *self = user_data;
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GtkFileFilter) filter = create_proposal_filter ();

  gtk_file_dialog_set_title (dialog, _("Open Proposal"));
  gtk_file_dialog_set_accept_label (dialog, _("_Open"));
  gtk_file_dialog_set_modal (dialog, TRUE);
  set_filter (dialog, filter);
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), self->file_cancellable, open_cb,
                        g_object_ref (self));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  retainer_window_open_file (user_data, g_variant_get_string (parameter, NULL));
}

static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RetainerWindow *self = user_data;

  retainer_window_clear_pending (self);
  if (self->path == NULL || self->is_sample)
    show_save_as (self);
  else
    save_in_place (self);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  RetainerWindow *self = user_data;

  retainer_window_clear_pending (self);
  show_save_as (self);
}

/* ------------------------------------------------------------------ */
/* PDF export                                                          */

/* The file name part of a company: no folder separators or characters
 * other systems refuse, and short enough for any file system. */
static char *
sanitize_file_name_part (const char *text)
{
  GString *out = g_string_new (NULL);
  g_autofree char *stripped = NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':')
        g_string_append_c (out, '-');
      else if (g_unichar_iscntrl (c) || strchr ("*?\"<>|", (int) c) != NULL)
        continue;
      else if (g_unichar_isspace (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);

      /* Room for the rest of the name within 255 bytes. */
      if (out->len > 180)
        break;
    }

  stripped = g_strstrip (g_string_free (out, FALSE));
  /* A leading dot would hide the file. */
  while (*stripped == '.')
    memmove (stripped, stripped + 1, strlen (stripped));
  return g_strdup (g_strstrip (stripped));
}

static char *
today_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
retainer_window_suggest_pdf_name (RetainerWindow *self)
{
  const RetainerProposal *proposal;
  g_autofree char *company = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (RETAINER_IS_WINDOW (self), NULL);

  proposal = self->proposal;
  if (proposal->company != NULL)
    company = sanitize_file_name_part (proposal->company);
  if (company == NULL || *company == '\0')
    {
      g_free (company);
      company = g_strdup (_("New Proposal"));
    }
  /* The date printed on the PDF: the proposal's once it has one. */
  date = proposal->date != NULL && *proposal->date != '\0' ? sanitize_file_name_part (proposal->date)
                                                           : today_iso ();

  /* Translators: the suggested name of an exported PDF; %1$s is the
   * prospect's company, %2$s the date like 2025-03-04. Keep the ".pdf". */
  return g_strdup_printf (_("Proposal - %1$s - %2$s.pdf"), company, date);
}

GFile *
retainer_window_get_export_folder (RetainerWindow *self)
{
  g_autofree char *last = NULL;
  const char *documents;

  g_return_val_if_fail (RETAINER_IS_WINDOW (self), NULL);

  last = g_settings_get_string (self->settings, "last-export-folder");
  if (*last != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (last);
  /* Not the process's working folder, which is wherever it was started. */
  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

static void
launch_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (RetainerWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error)
      && !window_closed (self)
      && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED)
      && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    {
      GFile *file = gtk_file_launcher_get_file (GTK_FILE_LAUNCHER (source));
      g_autofree char *name = file != NULL ? g_file_get_basename (file) : g_strdup ("");
      g_autofree char *message = NULL;

      /* Translators: %1$s is the PDF's file name, %2$s says why, like "No
       * application is registered for PDF files". */
      message = g_strdup_printf (_("Could not open %1$s: %2$s"), name, retainer_error_message (error));
      retainer_window_toast (self, message);
    }
}

static void
open_exported_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RetainerWindow *self = user_data;
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  g_autoptr (GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  /* Through the OpenURI portal inside the Flatpak; the task keeps the
   * launcher, the callback's reference the window. No parent: GTK 4.18
   * reads the parent's surface again when the launch completes, which
   * crashes once the window was closed in between (the export test
   * /ui/export/late-answer-after-close does that); opening a PDF in its
   * viewer needs no dialog to attach. */
  gtk_file_launcher_launch (launcher, NULL, self->file_cancellable, launch_cb,
                            g_object_ref (self));
}

gboolean
retainer_window_export_pdf_to (RetainerWindow *self,
                               GFile          *file)
{
  g_autoptr (RetainerAgency) agency = NULL;
  g_autoptr (RetainerProposal) numbered = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *today = today_iso ();
  g_autofree char *label = NULL;
  gboolean numbering;
  guint issued_before;
  guint revision = 0;
  AdwToast *toast;

  g_return_val_if_fail (RETAINER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->result != NULL, FALSE);

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  if (path == NULL)
    {
      g_autofree char *parse_name = g_file_get_parse_name (file);

      /* Translators: %s is where the PDF was to go. */
      message = g_strdup_printf (_("Could not save %s: only local folders can hold the PDF"),
                                 parse_name);
      retainer_window_show_error (self, _("Could Not Export the PDF"), message);
      return FALSE;
    }
  /* The PDF never goes over the proposal it comes from. */
  if (self->path != NULL && retainer_file_is_same (path, self->path))
    {
      /* Translators: %s is the proposal's file name. */
      message = g_strdup_printf (_("%s is the proposal itself: the PDF would write over it. "
                                   "Choose another name for the PDF."),
                                 name);
      retainer_window_show_error (self, _("Could Not Export the PDF"), message);
      return FALSE;
    }

  agency = retainer_agency_load_user (&error);
  if (agency == NULL)
    {
      retainer_window_show_error (self, _("Could Not Export the PDF"), retainer_error_message (error));
      return FALSE;
    }

  /* The first export gives the proposal its number and date; they are
   * the proposal's only once the PDF exists, so a failure uses up nothing. */
  numbered = retainer_proposal_copy (self->proposal);
  numbering = retainer_agency_number_proposal (agency, numbered, today);
  /* The revision the PDF carries, issued on the copy like the number. */
  issued_before = numbered->revisions != NULL ? numbered->revisions->len : 0;
  if (!retainer_proposal_issue_revision (numbered, self->result, today, &revision, &error))
    {
      retainer_window_show_error (self, _("Could Not Export the PDF"), retainer_error_message (error));
      return FALSE;
    }

  if (!retainer_pdf_export (numbered, self->result, agency, path, warnings, &error))
    {
      retainer_window_show_error (self, _("Could Not Export the PDF"), retainer_error_message (error));
      return FALSE;
    }

  if (!numbering && numbered->revisions->len != issued_before)
    retainer_window_keep_revision (self, numbered);

  if (numbering)
    {
      g_free (self->proposal->number);
      self->proposal->number = g_strdup (numbered->number);
      g_free (self->proposal->date);
      self->proposal->date = g_strdup (numbered->date);
      retainer_window_keep_revision (self, numbered);

      if (!retainer_agency_advance_number (agency, &error))
        {
          g_autofree char *problem = NULL;

          /* Translators: %1$s is a proposal number, %2$s says why. */
          problem = g_strdup_printf (_("The PDF was exported as proposal %1$s, but the next "
                                       "number could not be stored, so the next export may "
                                       "use it again. %2$s"),
                                     numbered->number, retainer_error_message (error));
          retainer_window_show_error (self, _("Could Not Store the Next Proposal Number"),
                                      problem);
        }
    }

  {
    g_autofree char *folder = g_path_get_dirname (path);

    g_settings_set_string (self->settings, "last-export-folder", folder);
  }

  /* Translators: %s is the proposal's number and revision, like "AC-0042, revision 2". */
  label = retainer_revision_format_label (numbered->number, revision);
  message = g_strdup_printf (_("Exported %s"), label);
  uri = g_file_get_uri (file);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  /* After the toast with the Open button, which is what the founder wants next. */
  for (guint i = 0; i < warnings->len; i++)
    retainer_window_toast (self, g_ptr_array_index (warnings, i));
  return TRUE;
}

static void
export_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (RetainerWindow) self = user_data;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  if (window_closed (self))
    return;

  if (file == NULL)
    show_dialog_error (self, _("Could Not Export the PDF"), error);
  else
    retainer_window_export_pdf_to (self, file);
}

void
retainer_window_export_pdf (RetainerWindow *self)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = retainer_window_suggest_pdf_name (self);
  g_autoptr (GFile) folder = retainer_window_get_export_folder (self);

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");

  gtk_file_dialog_set_title (dialog, _("Export the Proposal as PDF"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_set_modal (dialog, TRUE);
  set_filter (dialog, filter);
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_initial_folder (dialog, folder);
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), self->file_cancellable, export_cb,
                        g_object_ref (self));
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  /* The brand setup first when no agency profile exists yet. */
  retainer_window_begin_export (user_data, NULL);
}

static void
present_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  RetainerWindow *self = user_data;

  retainer_window_set_presenting (self, !self->presenting);
}

static void
leave_presentation_action (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  retainer_window_set_presenting (user_data, FALSE);
}

static void
use_recommendation_action (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  RetainerWindow *self = user_data;

  g_clear_pointer (&self->proposal->tier_id, g_free);
  retainer_window_inputs_changed (self);
}

static void
reset_setup_fee_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  RetainerWindow *self = user_data;

  self->proposal->has_setup_fee = FALSE;
  self->proposal->setup_fee = 0;
  retainer_window_inputs_changed (self);
}

/* ------------------------------------------------------------------ */
/* Clients                                                             */

static RetainerClientsDialog *
present_clients (RetainerWindow *self)
{
  RetainerClientsDialog *dialog = retainer_clients_dialog_new (self);

  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
  return dialog;
}

static void
clients_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  present_clients (user_data);
}

static void
show_client_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RetainerClientsDialog *dialog = present_clients (user_data);
  int index = retainer_clients_dialog_find (dialog, g_variant_get_string (parameter, NULL));

  if (index >= 0)
    retainer_clients_dialog_open_client (dialog, (guint) index);
}

static void
client_stored_cb (RetainerAcceptDialog *dialog,
                  const char           *path,
                  RetainerWindow       *self)
{
  const char *company = self->proposal->company;
  g_autofree char *message = NULL;
  AdwToast *toast;

  /* Translators: %s is the company that accepted the proposal. */
  message = g_strdup_printf (_("%s is now a client"),
                             company != NULL && *company != '\0' ? company : _("The prospect"));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.show-client");
  adw_toast_set_action_target_value (toast, g_variant_new_string (path));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
accept_proposal_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  RetainerWindow *self = user_data;
  RetainerAcceptDialog *dialog = retainer_accept_dialog_new (self->proposal);

  g_signal_connect_object (dialog, "client-stored", G_CALLBACK (client_stored_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  retainer_window_undo (user_data);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  retainer_window_redo (user_data);
}

static const GActionEntry window_actions[] = {
  { "new", new_action },
  { "open", open_action },
  { "open-recent", open_recent_action, "s" },
  { "save", save_action },
  { "save-as", save_as_action },
  { "undo", undo_action },
  { "redo", redo_action },
  { "export", export_action },
  { "open-exported", open_exported_action, "s" },
  { "present", present_action, NULL, "false" },
  { "leave-presentation", leave_presentation_action },
  { "use-recommendation", use_recommendation_action },
  { "reset-setup-fee", reset_setup_fee_action },
  { "clients", clients_action },
  { "show-client", show_client_action, "s" },
  { "accept-proposal", accept_proposal_action },
};

static void
set_enabled (RetainerWindow *self,
             const char     *name,
             gboolean        enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
retainer_window_update_actions (RetainerWindow *self)
{
  GAction *present = g_action_map_lookup_action (G_ACTION_MAP (self), "present");
  gboolean overridden = self->result != NULL
                        && (self->result->flags & RETAINER_FLAG_TIER_OVERRIDDEN) != 0;

  set_enabled (self, "export", self->proposal != NULL && self->result != NULL);
  set_enabled (self, "undo", self->history != NULL && retainer_history_can_undo (self->history));
  set_enabled (self, "redo", self->history != NULL && retainer_history_can_redo (self->history));
  set_enabled (self, "leave-presentation", self->presenting);
  set_enabled (self, "use-recommendation", overridden);
  set_enabled (self, "reset-setup-fee", self->proposal != NULL && self->proposal->has_setup_fee);
  set_enabled (self, "accept-proposal", self->proposal != NULL && self->result != NULL);
  g_simple_action_set_state (G_SIMPLE_ACTION (present), g_variant_new_boolean (self->presenting));
  retainer_window_update_book_actions (self);
}

/* gtk_window_destroy () takes the window off the screen (unrealizes it)
 * but does not dispose of it while a file dialog holds a reference: the
 * dialogs are closed here, so their answers find a closed window. */
static void
cancel_file_dialogs_cb (RetainerWindow *self)
{
  g_cancellable_cancel (self->file_cancellable);
}

void
retainer_window_init_actions (RetainerWindow *self)
{
  /* Cancelled when the window is destroyed, so a file dialog still open
   * closes and answers "cancelled" instead of acting on a window that is gone. */
  self->file_cancellable = g_cancellable_new ();
  g_signal_connect (self, "unrealize", G_CALLBACK (cancel_file_dialogs_cb), NULL);

  /* win.present is a stateful toggle whose state follows the window. */
  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions,
                                   G_N_ELEMENTS (window_actions), self);
  retainer_window_init_book (self);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (recent_changed_cb), self, 0);
  retainer_window_update_recent_menu (self);
}
