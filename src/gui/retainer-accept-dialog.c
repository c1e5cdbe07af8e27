/* retainer-accept-dialog.c: accepting the proposal shown makes it a client
 *
 * The client is a frozen copy of the proposal: the window keeps the
 * proposal as it was, and the client's figures no longer change with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "retainer-accept-dialog.h"
#include "retainer-alert.h"
#include "retainer-client.h"
#include "retainer-json.h"

struct _RetainerAcceptDialog
{
  AdwAlertDialog    parent_instance;

  AdwEntryRow      *date_row;
  AdwSpinRow       *revision_row;
  AdwEntryRow      *go_live_row;
  GtkLabel         *problem_label;

  RetainerProposal *proposal;
  RetainerClient   *client;   /* what "accept" keeps; NULL while a field is wrong */
};

G_DEFINE_FINAL_TYPE (RetainerAcceptDialog, retainer_accept_dialog, ADW_TYPE_ALERT_DIALOG)

enum
{
  CLIENT_STORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_error_class (gpointer widget,
                 gboolean wrong)
{
  if (wrong)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

/* Accepts a copy on every change: the core says which field is wrong,
 * and "accept" is offered only when nothing is. */
static void
validate (RetainerAcceptDialog *self)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  const char *go_live = gtk_editable_get_text (GTK_EDITABLE (self->go_live_row));
  guint revision = (guint) adw_spin_row_get_value (self->revision_row);
  g_autoptr (GError) error = NULL;
  int date_index, go_live_index;

  g_clear_pointer (&self->client, retainer_client_free);
  self->client = retainer_client_accept (self->proposal, date, revision, go_live, &error);

  set_error_class (self->date_row, !retainer_date_parse (date, &date_index));
  set_error_class (self->go_live_row, !retainer_month_parse (go_live, &go_live_index)
                                        || (retainer_date_parse (date, &date_index)
                                            && go_live_index < date_index));
  gtk_label_set_label (self->problem_label, error != NULL ? retainer_error_message (error) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), error != NULL);
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (self), "accept", self->client != NULL);
}

static void
field_changed_cb (RetainerAcceptDialog *self)
{
  validate (self);
}

static void
show_failure (RetainerAcceptDialog *self,
              const char           *message)
{
  GtkWidget *parent = adw_dialog_get_child (ADW_DIALOG (self));
  AdwDialog *alert = retainer_alert_new (_("Could Not Keep the Client"), message);
  GtkRoot *root;

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "close");
  /* This dialog is closing: the alert goes on the window under it. */
  root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  adw_dialog_present (alert, root != NULL ? GTK_WIDGET (root) : NULL);
}

static void
retainer_accept_dialog_response (AdwAlertDialog *dialog,
                                 const char     *response)
{
  RetainerAcceptDialog *self = RETAINER_ACCEPT_DIALOG (dialog);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (g_strcmp0 (response, "accept") != 0)
    return;

  validate (self);
  if (self->client == NULL)
    {
      show_failure (self, gtk_label_get_label (self->problem_label));
      return;
    }

  path = retainer_clients_store (self->client, &error);
  if (path == NULL)
    {
      show_failure (self, retainer_error_message (error));
      return;
    }
  g_signal_emit (self, signals[CLIENT_STORED], 0, path);
}

static void
retainer_accept_dialog_finalize (GObject *object)
{
  RetainerAcceptDialog *self = RETAINER_ACCEPT_DIALOG (object);

  g_clear_pointer (&self->proposal, retainer_proposal_free);
  g_clear_pointer (&self->client, retainer_client_free);

  G_OBJECT_CLASS (retainer_accept_dialog_parent_class)->finalize (object);
}

static void
retainer_accept_dialog_class_init (RetainerAcceptDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwAlertDialogClass *alert_class = ADW_ALERT_DIALOG_CLASS (klass);

  object_class->finalize = retainer_accept_dialog_finalize;
  alert_class->response = retainer_accept_dialog_response;

  /**
   * RetainerAcceptDialog::client-stored:
   * @path: where the client is kept
   */
  signals[CLIENT_STORED] = g_signal_new ("client-stored", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_STRING);
}

static char *
next_month_text (GDateTime *now)
{
  g_autoptr (GDateTime) next = g_date_time_add_months (now, 1);

  return g_date_time_format (next, "%Y-%m");
}

static void
retainer_accept_dialog_init (RetainerAcceptDialog *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *next_month = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();

  /* The first of the month: adding a month to the 31st could skip one. */
  {
    g_autoptr (GDateTime) first = g_date_time_new_local (g_date_time_get_year (now),
                                                        g_date_time_get_month (now), 1, 0, 0, 0);

    next_month = next_month_text (first);
  }

  adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), _("Accept the Proposal?"));
  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (self),
                             _("The proposal becomes a client: its figures are frozen as "
                               "accepted, and its months are recorded from the go-live month."));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  self->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                 /* Translators: keep the date's format as it is written. */
                                 _("Acceptance Date (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->date_row));

  self->revision_row = ADW_SPIN_ROW (adw_spin_row_new_with_range (1, RETAINER_CLIENT_MAX_REVISION, 1));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->revision_row), _("Accepted Revision"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->revision_row),
                               _("The revision of the proposal the client signed"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->revision_row));

  self->go_live_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->go_live_row),
                                 /* Translators: keep the month's format as it is written. */
                                 _("Go-Live Month (YYYY-MM)"));
  gtk_editable_set_text (GTK_EDITABLE (self->go_live_row), next_month);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->go_live_row));

  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_xalign (self->problem_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problem_label));
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (self), box);

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (self),
                                  "cancel", _("_Cancel"),
                                  "accept", _("_Accept"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (self), "accept",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (self), "accept");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (self), "cancel");

  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->go_live_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->revision_row, "notify::value", G_CALLBACK (field_changed_cb), self);
}

RetainerAcceptDialog *
retainer_accept_dialog_new (const RetainerProposal *proposal)
{
  RetainerAcceptDialog *self;
  const RetainerRevision *latest;

  g_return_val_if_fail (proposal != NULL, NULL);

  self = g_object_new (RETAINER_TYPE_ACCEPT_DIALOG, NULL);
  self->proposal = retainer_proposal_copy (proposal);
  /* The client signed a revision that went out: the latest by default,
   * never one that was not issued. */
  latest = retainer_proposal_get_latest_revision (self->proposal);
  if (latest != NULL)
    {
      gtk_adjustment_set_upper (adw_spin_row_get_adjustment (self->revision_row),
                                latest->revision);
      adw_spin_row_set_value (self->revision_row, latest->revision);
    }
  validate (self);
  return self;
}

GtkEditable *
retainer_accept_dialog_get_date (RetainerAcceptDialog *self)
{
  g_return_val_if_fail (RETAINER_IS_ACCEPT_DIALOG (self), NULL);
  return GTK_EDITABLE (self->date_row);
}

AdwSpinRow *
retainer_accept_dialog_get_revision (RetainerAcceptDialog *self)
{
  g_return_val_if_fail (RETAINER_IS_ACCEPT_DIALOG (self), NULL);
  return self->revision_row;
}

GtkEditable *
retainer_accept_dialog_get_go_live (RetainerAcceptDialog *self)
{
  g_return_val_if_fail (RETAINER_IS_ACCEPT_DIALOG (self), NULL);
  return GTK_EDITABLE (self->go_live_row);
}
