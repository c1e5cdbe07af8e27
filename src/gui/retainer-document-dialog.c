/* retainer-document-dialog.c: what the proposal's PDF states and offers,
 * and the revisions it was issued in
 *
 * Opened from the primary menu ("Proposal Document…"). Every switch and
 * figure here is one undo step of the window (retainer-window-pitch.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "retainer-document-dialog.h"
#include "retainer-money.h"
#include "retainer-revision.h"
#include "retainer-window-pitch.h"

struct _RetainerDocumentDialog
{
  AdwPreferencesDialog  parent_instance;

  RetainerWindow       *window;          /* weak */
  AdwSwitchRow         *cautious_row;
  AdwSpinRow           *extra_row;
  AdwSwitchRow         *annual_row;
  AdwActionRow         *without_row;
  GtkLabel             *without_label;
  AdwActionRow         *all_row;
  GtkLabel             *all_label;
  AdwPreferencesGroup  *revisions_group;
  GListStore           *revision_rows;   /* the rows shown in revisions_group */
  GtkWidget            *no_revision_row;
  guint                 updating;
};

G_DEFINE_FINAL_TYPE (RetainerDocumentDialog, retainer_document_dialog, ADW_TYPE_PREFERENCES_DIALOG)

static char *
money (const RetainerProposal *proposal,
       gint64                  amount)
{
  return retainer_money_format (amount, proposal->currency, RETAINER_MONEY_FORMAT_DEFAULT);
}

static GtkLabel *
add_value_label (AdwActionRow *row)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (row, label);
  return GTK_LABEL (label);
}

static const char *
tier_name (const RetainerProposal *proposal,
           const char             *tier_id)
{
  int tier = retainer_rate_card_find_tier (proposal->rate_card, tier_id);

  return tier >= 0 ? proposal->rate_card->tiers[tier].name : tier_id;
}

static void
refresh_options (RetainerDocumentDialog *self,
                 const RetainerProposal *proposal,
                 const RetainerResult   *result)
{
  const RetainerOptionTotals *options = &result->options;
  g_autofree char *without = money (proposal, options->first_year_total);
  g_autofree char *all = money (proposal, options->all_options_first_year);
  g_autofree char *extra = NULL;
  g_autofree char *annual = NULL;

  adw_switch_row_set_active (self->cautious_row, proposal->show_cautious_range);
  {
    g_autofree char *sentence = retainer_result_describe_cautious (result, proposal);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->cautious_row),
                                 sentence != NULL ? sentence
                                                  : _("Nothing to state for these figures: "
                                                      "the expected case does not pay back"));
  }

  /* The option and the proposal's own use cases are at most 50 together. */
  gtk_adjustment_set_upper (adw_spin_row_get_adjustment (self->extra_row),
                            retainer_proposal_max_extra_use_cases (proposal));
  adw_spin_row_set_value (self->extra_row, proposal->option_extra_use_cases);
  if (options->extra_use_cases > 0)
    {
      g_autofree char *monthly = money (proposal, options->extra_use_cases_monthly);
      g_autofree char *first_year = money (proposal, options->extra_use_cases_first_year);

      /* Translators: %1$s is what the option adds a month, %2$s the first
       * year's total with it; both amounts. */
      extra = g_strdup_printf (_("%1$s more a month; first year %2$s"), monthly, first_year);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->extra_row),
                               extra != NULL ? extra : _("Not offered"));

  adw_switch_row_set_active (self->annual_row, proposal->option_annual_prepay);
  if (options->annual_prepay)
    {
      g_autofree char *first_year = money (proposal, options->annual_prepay_first_year);

      /* Translators: %s is the first year's total, paid up front. */
      annual = g_strdup_printf (_("First year %s, paid up front"), first_year);
    }
  else if (proposal->option_annual_prepay)
    annual = g_strdup (_("Not shown: the proposal is billed annually already, or the rate card "
                         "has no annual discount"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->annual_row),
                               annual != NULL ? annual : _("Not offered"));

  gtk_label_set_label (self->without_label, without);
  gtk_label_set_label (self->all_label, all);
  gtk_widget_set_visible (GTK_WIDGET (self->all_row),
                          options->extra_use_cases > 0 || options->annual_prepay);
}

static void
refresh_revisions (RetainerDocumentDialog *self,
                   const RetainerProposal *proposal,
                   const RetainerResult   *result)
{
  guint current = retainer_proposal_current_revision (proposal, result);
  guint n = proposal->revisions != NULL ? proposal->revisions->len : 0;

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->revision_rows)); i > 0; i--)
    {
      g_autoptr (GtkWidget) row = g_list_model_get_item (G_LIST_MODEL (self->revision_rows), i - 1);

      adw_preferences_group_remove (self->revisions_group, row);
    }
  g_list_store_remove_all (self->revision_rows);

  gtk_widget_set_visible (self->no_revision_row, n == 0);
  for (guint i = 0; i < n; i++)
    {
      const RetainerRevision *revision = g_ptr_array_index (proposal->revisions, i);
      g_autofree char *label = retainer_revision_format_label (revision->number,
                                                               revision->revision);
      g_autofree char *fee = retainer_money_format (revision->setup_fee, revision->currency,
                                                    RETAINER_MONEY_FORMAT_DEFAULT);
      g_autofree char *retainer = retainer_money_format (revision->monthly_retainer,
                                                         revision->currency,
                                                         RETAINER_MONEY_FORMAT_DEFAULT);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: an issued revision: %1$s its date (YYYY-MM-DD), %2$s
       * the tier, %3$s the setup fee, %4$s the monthly retainer. */
      subtitle = g_strdup_printf (_("%1$s · %2$s · setup fee %3$s · %4$s a month"),
                                  revision->date, tier_name (proposal, revision->tier_id),
                                  fee, retainer);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
      if (revision->revision == current && i + 1 == n)
        {
          GtkWidget *tag = gtk_label_new (_("Current figures"));

          gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (tag, "accent");
          gtk_widget_add_css_class (tag, "caption-heading");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
          gtk_widget_add_css_class (row, "current-revision");
        }
      adw_preferences_group_add (self->revisions_group, row);
      g_list_store_append (self->revision_rows, row);
    }

  if (n > 0 && current == 0)
    adw_preferences_group_set_description (self->revisions_group,
                                           _("The figures changed since the last revision: the "
                                             "next export issues a new one."));
  else
    adw_preferences_group_set_description (self->revisions_group, NULL);
}

void
retainer_document_dialog_refresh (RetainerDocumentDialog *self)
{
  const RetainerProposal *proposal;
  const RetainerResult *result;

  g_return_if_fail (RETAINER_IS_DOCUMENT_DIALOG (self));

  if (self->window == NULL)
    return;
  proposal = retainer_window_get_proposal (self->window);
  result = retainer_window_get_result (self->window);
  if (proposal == NULL || result == NULL)
    return;

  self->updating++;
  refresh_options (self, proposal, result);
  refresh_revisions (self, proposal, result);
  self->updating--;
}

GListModel *
retainer_document_dialog_get_revision_rows (RetainerDocumentDialog *self)
{
  g_return_val_if_fail (RETAINER_IS_DOCUMENT_DIALOG (self), NULL);

  return G_LIST_MODEL (self->revision_rows);
}

static void
cautious_changed_cb (RetainerDocumentDialog *self)
{
  if (self->updating > 0 || self->window == NULL)
    return;
  retainer_window_set_show_cautious_range (self->window,
                                           adw_switch_row_get_active (self->cautious_row));
  retainer_document_dialog_refresh (self);
}

static void
extra_changed_cb (RetainerDocumentDialog *self)
{
  if (self->updating > 0 || self->window == NULL)
    return;
  retainer_window_set_option_extra_use_cases (self->window,
                                              (guint) adw_spin_row_get_value (self->extra_row));
  retainer_document_dialog_refresh (self);
}

static void
annual_changed_cb (RetainerDocumentDialog *self)
{
  if (self->updating > 0 || self->window == NULL)
    return;
  retainer_window_set_option_annual_prepay (self->window,
                                            adw_switch_row_get_active (self->annual_row));
  retainer_document_dialog_refresh (self);
}

static void
retainer_document_dialog_dispose (GObject *object)
{
  RetainerDocumentDialog *self = RETAINER_DOCUMENT_DIALOG (object);

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->revision_rows);

  G_OBJECT_CLASS (retainer_document_dialog_parent_class)->dispose (object);
}

static void
retainer_document_dialog_class_init (RetainerDocumentDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = retainer_document_dialog_dispose;
}

static void
retainer_document_dialog_init (RetainerDocumentDialog *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *pdf_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *options_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkAdjustment *adjustment = gtk_adjustment_new (0, 0, RETAINER_USE_CASES_MAX, 1, 5, 0);

  self->revision_rows = g_list_store_new (GTK_TYPE_WIDGET);

  adw_dialog_set_title (ADW_DIALOG (self), _("Proposal Document"));
  adw_dialog_set_content_width (ADW_DIALOG (self), 560);
  adw_dialog_set_content_height (ADW_DIALOG (self), 640);
  adw_preferences_page_set_title (page, _("Proposal Document"));
  adw_preferences_page_set_icon_name (page, "x-office-document-symbolic");

  adw_preferences_group_set_title (pdf_group, _("In the PDF"));
  self->cautious_row = ADW_SWITCH_ROW (adw_switch_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cautious_row),
                                 _("Show the cautious range"));
  g_signal_connect_swapped (self->cautious_row, "notify::active",
                            G_CALLBACK (cautious_changed_cb), self);
  adw_preferences_group_add (pdf_group, GTK_WIDGET (self->cautious_row));
  adw_preferences_page_add (page, pdf_group);

  adw_preferences_group_set_title (options_group, _("Options the Client May Tick"));
  adw_preferences_group_set_description (options_group,
                                         _("The acceptance block offers each option with a box "
                                           "and its first-year total."));
  self->extra_row = ADW_SPIN_ROW (adw_spin_row_new (adjustment, 1, 0));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->extra_row),
                                 _("Extra use cases offered"));
  g_signal_connect_swapped (self->extra_row, "notify::value", G_CALLBACK (extra_changed_cb), self);
  adw_preferences_group_add (options_group, GTK_WIDGET (self->extra_row));

  self->annual_row = ADW_SWITCH_ROW (adw_switch_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->annual_row),
                                 _("Annual prepay offered"));
  g_signal_connect_swapped (self->annual_row, "notify::active",
                            G_CALLBACK (annual_changed_cb), self);
  adw_preferences_group_add (options_group, GTK_WIDGET (self->annual_row));

  self->without_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->without_row),
                                 _("First year without options"));
  adw_action_row_set_subtitle (self->without_row, _("Setup fee and twelve months of retainer"));
  self->without_label = add_value_label (self->without_row);
  adw_preferences_group_add (options_group, GTK_WIDGET (self->without_row));

  self->all_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->all_row),
                                 _("First year with every option"));
  self->all_label = add_value_label (self->all_row);
  adw_preferences_group_add (options_group, GTK_WIDGET (self->all_row));
  adw_preferences_page_add (page, options_group);

  self->revisions_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->revisions_group, _("Issued Revisions"));
  self->no_revision_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->no_revision_row),
                                 _("None yet: the first export issues revision 1"));
  gtk_widget_add_css_class (self->no_revision_row, "dim-label");
  adw_preferences_group_add (self->revisions_group, self->no_revision_row);
  adw_preferences_page_add (page, self->revisions_group);

  adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (self), page);
  adw_preferences_dialog_set_search_enabled (ADW_PREFERENCES_DIALOG (self), FALSE);
}

AdwDialog *
retainer_document_dialog_new (RetainerWindow *window)
{
  RetainerDocumentDialog *self = g_object_new (RETAINER_TYPE_DOCUMENT_DIALOG, NULL);

  g_set_weak_pointer (&self->window, window);
  retainer_document_dialog_refresh (self);
  return ADW_DIALOG (self);
}
