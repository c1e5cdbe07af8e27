/* retainer-window-pitch.c: the spend estimate, the cautious case, the
 * proposal document's options and revisions, and the brand before the
 * first PDF, on the window's side
 *
 * Kept apart from retainer-window.c, which calls in at four places: the
 * class and instance setup, the end of read_inputs () and the end of
 * refresh_results ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "retainer-agency.h"
#include "retainer-brand-dialog.h"
#include "retainer-document-dialog.h"
#include "retainer-estimator-dialog.h"
#include "retainer-json.h"
#include "retainer-money.h"
#include "retainer-revision.h"
#include "retainer-window-pitch.h"
#include "retainer-window-private.h"

/* ------------------------------------------------------------------ */
/* Setup                                                               */

void
retainer_window_class_init_pitch (GtkWidgetClass *widget_class)
{
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RetainerWindow, name)
  BIND (spend_basis_row);
  BIND (cautious_group);
  BIND (cautious_saving_label);
  BIND (cautious_break_even_label);
  BIND (cautious_net_12_label);
  BIND (expected_net_12_label);
#undef BIND
}

static void
estimate_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  retainer_window_open_estimator (user_data);
}

static void
document_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  retainer_window_open_document_dialog (user_data);
}

static const GActionEntry pitch_actions[] = {
  { "estimate-spend", estimate_action },
  { "proposal-document", document_action },
};

void
retainer_window_init_pitch (RetainerWindow *self)
{
  GtkWidget *button;

  g_action_map_add_action_entries (G_ACTION_MAP (self), pitch_actions,
                                   G_N_ELEMENTS (pitch_actions), self);

  /* On the spend row itself, where the founder looks when the prospect
   * knows their requests but not their bill. */
  button = gtk_button_new_from_icon_name ("accessories-calculator-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Estimate from Usage…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Estimate from Usage…"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.estimate-spend");
  gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->monthly_spend_row), button);
  self->estimate_button = button;

  /* The cautious rows are private figures, hidden with the others. */
  g_object_bind_property (self->private_group, "visible", self->cautious_group, "visible",
                          G_BINDING_SYNC_CREATE);

  /* The proposal document's settings in the primary menu. */
  {
    GtkMenuButton *menu_button = GTK_MENU_BUTTON (gtk_widget_get_template_child (
      GTK_WIDGET (self), RETAINER_TYPE_WINDOW, "primary_menu_button"));
    GMenuModel *model = menu_button != NULL ? gtk_menu_button_get_menu_model (menu_button) : NULL;

    if (model != NULL && G_IS_MENU (model))
      {
        g_autoptr (GMenu) section = g_menu_new ();

        g_menu_append (section, _("Proposal _Document…"), "win.proposal-document");
        g_menu_insert_section (G_MENU (model), 1, NULL, G_MENU_MODEL (section));
      }
  }
}

/* ------------------------------------------------------------------ */
/* The spend estimate                                                  */

/* An estimate to the cent may show as whole units in the spend field;
 * the basis holds while the spend is its estimate either way. */
static gboolean
basis_matches (const RetainerProposal *proposal)
{
  RetainerSpendEstimate estimate;
  gint64 whole;

  if (proposal->spend_estimate == NULL
      || g_strcmp0 (proposal->spend_estimate->currency, proposal->currency) != 0
      || !retainer_spend_estimate_compute (proposal->spend_estimate, &estimate, NULL))
    return FALSE;

  whole = retainer_money_from_major (round (retainer_money_to_major (estimate.monthly_spend)));
  return proposal->monthly_api_spend == estimate.monthly_spend
         || proposal->monthly_api_spend == whole;
}

void
retainer_window_read_pitch_inputs (RetainerWindow *self)
{
  /* A spend typed by hand, or a currency changed, is no longer the estimate. */
  if (self->proposal->spend_estimate != NULL && !basis_matches (self->proposal))
    g_clear_pointer (&self->proposal->spend_estimate, retainer_spend_basis_free);
}

gboolean
retainer_window_use_estimate (RetainerWindow           *self,
                              const RetainerSpendBasis *basis,
                              GError                  **error)
{
  RetainerSpendEstimate estimate;

  g_return_val_if_fail (RETAINER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (basis != NULL, FALSE);

  if (!retainer_spend_estimate_compute (basis, &estimate, error))
    return FALSE;
  if (g_strcmp0 (basis->currency, self->proposal->currency) != 0)
    {
      g_set_error (error, RETAINER_SPEND_ESTIMATE_ERROR, RETAINER_SPEND_ESTIMATE_ERROR_INVALID,
                   /* Translators: %1$s and %2$s are currency codes like EUR. */
                   _("The estimate is in %1$s but the proposal is in %2$s"),
                   basis->currency, self->proposal->currency);
      return FALSE;
    }

  self->proposal->monthly_api_spend = estimate.monthly_spend;
  retainer_spend_basis_free (self->proposal->spend_estimate);
  self->proposal->spend_estimate = retainer_spend_basis_copy (basis);
  /* The fields show the new spend, then it is read back as one edit of its
   * own (no typing key: one undo step). */
  retainer_window_show_proposal (self);
  retainer_window_inputs_changed (self);
  return TRUE;
}

static void
refresh_basis (RetainerWindow *self)
{
  g_autofree char *sentence = NULL;

  if (self->proposal->spend_estimate != NULL)
    sentence = retainer_spend_basis_describe (self->proposal->spend_estimate);
  adw_action_row_set_subtitle (self->spend_basis_row, sentence != NULL ? sentence : "");
  gtk_widget_set_visible (GTK_WIDGET (self->spend_basis_row), sentence != NULL);
}

/* ------------------------------------------------------------------ */
/* The cautious case                                                   */

static void
refresh_cautious (RetainerWindow *self)
{
  const RetainerResult *result = self->result;
  const RetainerCautiousCase *cautious = &result->cautious;
  const char *currency = self->proposal->currency;
  g_autofree char *saving = retainer_money_format (cautious->monthly_saving, currency,
                                                   RETAINER_MONEY_FORMAT_DEFAULT);
  g_autofree char *net_12 = retainer_money_format (cautious->net_saving_12, currency,
                                                   RETAINER_MONEY_FORMAT_DEFAULT);
  g_autofree char *expected_12 = retainer_money_format (result->net_saving_12, currency,
                                                        RETAINER_MONEY_FORMAT_DEFAULT);
  g_autofree char *break_even = retainer_break_even_describe (cautious->break_even_month,
                                                              cautious->break_even_months,
                                                              result->horizon_months,
                                                              RETAINER_BREAK_EVEN_FIGURE);

  /* No spend yet: a dash, as for the expected figures, not a loss. */
  if (retainer_window_waiting_for_spend (self))
    {
      gtk_label_set_label (self->cautious_saving_label, _("—"));
      gtk_label_set_label (self->cautious_break_even_label, _("—"));
      gtk_label_set_label (self->cautious_net_12_label, _("—"));
      gtk_label_set_label (self->expected_net_12_label, _("—"));
    }
  else
    {
      gtk_label_set_label (self->cautious_saving_label, saving);
      gtk_label_set_label (self->cautious_break_even_label, break_even);
      gtk_label_set_label (self->cautious_net_12_label, net_12);
      gtk_label_set_label (self->expected_net_12_label, expected_12);
    }

  if (cautious->months != NULL)
    retainer_savings_chart_set_cautious_series (self->savings_chart,
                                                (const RetainerMonth *) (gpointer) cautious->months->data,
                                                cautious->months->len);
  else
    retainer_savings_chart_set_cautious_series (self->savings_chart, NULL, 0);
}

void
retainer_window_refresh_pitch (RetainerWindow *self)
{
  if (self->result == NULL || self->spend_basis_row == NULL)
    return;

  refresh_basis (self);
  refresh_cautious (self);

  /* An undo while the Proposal Document dialog is open shows in it too. */
  {
    AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self));

    if (RETAINER_IS_DOCUMENT_DIALOG (dialog))
      retainer_document_dialog_refresh (RETAINER_DOCUMENT_DIALOG (dialog));
  }
}

/* ------------------------------------------------------------------ */
/* The proposal document                                               */

void
retainer_window_set_show_cautious_range (RetainerWindow *self,
                                         gboolean        show)
{
  g_return_if_fail (RETAINER_IS_WINDOW (self));

  if (self->proposal->show_cautious_range == !!show)
    return;
  self->proposal->show_cautious_range = !!show;
  retainer_window_inputs_changed (self);
}

void
retainer_window_set_option_extra_use_cases (RetainerWindow *self,
                                            guint           use_cases)
{
  g_return_if_fail (RETAINER_IS_WINDOW (self));

  use_cases = MIN (use_cases, retainer_proposal_max_extra_use_cases (self->proposal));
  if (self->proposal->option_extra_use_cases == use_cases)
    return;
  self->proposal->option_extra_use_cases = use_cases;
  retainer_window_inputs_changed (self);
}

void
retainer_window_set_option_annual_prepay (RetainerWindow *self,
                                          gboolean        offered)
{
  g_return_if_fail (RETAINER_IS_WINDOW (self));

  if (self->proposal->option_annual_prepay == !!offered)
    return;
  self->proposal->option_annual_prepay = !!offered;
  retainer_window_inputs_changed (self);
}

AdwDialog *
retainer_window_open_document_dialog (RetainerWindow *self)
{
  AdwDialog *dialog;

  g_return_val_if_fail (RETAINER_IS_WINDOW (self), NULL);

  dialog = retainer_document_dialog_new (self);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  return dialog;
}

AdwDialog *
retainer_window_open_estimator (RetainerWindow *self)
{
  AdwDialog *dialog;

  g_return_val_if_fail (RETAINER_IS_WINDOW (self), NULL);

  dialog = retainer_estimator_dialog_new (self);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  return dialog;
}

/* ------------------------------------------------------------------ */
/* Revisions                                                           */

void
retainer_window_keep_revision (RetainerWindow   *self,
                               RetainerProposal *numbered)
{
  GPtrArray *revisions;
  g_autoptr (GError) error = NULL;

  g_free (self->proposal->number);
  self->proposal->number = g_strdup (numbered->number);
  g_free (self->proposal->date);
  self->proposal->date = g_strdup (numbered->date);
  revisions = self->proposal->revisions;
  self->proposal->revisions = numbered->revisions;
  numbered->revisions = revisions;

  /* Not the founder's edit: no undo step takes the number or a revision back. */
  retainer_history_amend (self->history, self->proposal);
  retainer_window_inputs_changed (self);

  /* The file records what was issued, as `retainer --export-pdf --record`
   * does; a proposal not saved yet keeps it until it is. */
  if (self->path != NULL && !self->is_sample
      && !retainer_window_save_to (self, self->path, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why. */
      message = g_strdup_printf (_("The PDF was exported, but the proposal could not record "
                                   "the revision: %s"), retainer_error_message (error));
      retainer_window_show_error (self, _("Could Not Save the Proposal"), message);
    }
}

/* ------------------------------------------------------------------ */
/* The brand before the first PDF                                      */

/* No profile, or one with neither a name nor a logo (a first export that
 * was skipped stores the default profile with the next number): the PDF
 * would carry no brand. A skip holds until Retainer quits. */
gboolean
retainer_window_needs_brand (RetainerWindow *self)
{
  g_autofree char *path = retainer_agency_user_path ();
  g_autoptr (RetainerAgency) agency = NULL;

  g_return_val_if_fail (RETAINER_IS_WINDOW (self), FALSE);

  if (retainer_brand_setup_was_skipped ())
    return FALSE;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  agency = retainer_agency_load_user (NULL);
  /* A profile that does not load is Export's to report, not a brand to ask for. */
  if (agency == NULL)
    return FALSE;
  return (agency->name == NULL || *agency->name == '\0')
         && agency->logo_path == NULL && agency->logo_data == NULL;
}

static void
continue_export (RetainerWindow *self,
                 GFile          *file)
{
  if (file != NULL)
    retainer_window_export_pdf_to (self, file);
  else
    retainer_window_export_pdf (self);
}

static void
brand_done_cb (RetainerBrandDialog *dialog,
               gboolean             proceed,
               RetainerWindow      *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "retainer-export-file");

  if (proceed)
    continue_export (self, file);
}

void
retainer_window_begin_export (RetainerWindow *self,
                              GFile          *file)
{
  AdwDialog *dialog;

  g_return_if_fail (RETAINER_IS_WINDOW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (!retainer_window_needs_brand (self))
    {
      continue_export (self, file);
      return;
    }

  dialog = retainer_brand_dialog_new ();
  if (file != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "retainer-export-file", g_object_ref (file),
                            g_object_unref);
  g_signal_connect_object (dialog, "done", G_CALLBACK (brand_done_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}
