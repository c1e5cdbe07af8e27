/* retainer-window-book.c: the book in the pitch window
 *
 * The window keeps one loaded book (every client kept and the agency
 * profile's overhead, hourly cost and capacity), loaded the first time
 * the results are shown and again each time the Book dialog opens. After
 * each recompute the private panel's "What This Deal Adds to the Book"
 * shows the core's retainer_book_prospect_impact() for the proposal on
 * screen. Both are the founder's private view: presentation mode hides
 * the group, disables win.book (its menu item hides) and closes the dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "retainer-book-dialog.h"
#include "retainer-json.h"
#include "retainer-money.h"
#include "retainer-window-book.h"
#include "retainer-window-private.h"

static void
load_book (RetainerWindow *self,
           GPtrArray     **problems)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerAgency) agency = retainer_agency_load_user (&error);

  g_clear_pointer (&self->book, retainer_book_free);
  g_clear_pointer (&self->book_error, g_free);
  if (agency == NULL)
    {
      self->book_error = g_strdup (retainer_error_message (error));
      if (problems != NULL)
        *problems = NULL;
      return;
    }
  self->book = retainer_book_load (agency, problems);
}

static char *
format_money (const char *currency,
              gint64      amount)
{
  return retainer_money_format (amount, currency, RETAINER_MONEY_FORMAT_DEFAULT);
}

static char *
before_after (const char *before,
              const char *after)
{
  /* Translators: a figure before and after the prospect joins the book,
   * like "$48,000 → $53,000". */
  return g_strdup_printf (_("%1$s → %2$s"), before, after);
}

static void
set_impact_unknown (RetainerWindow *self,
                    const char     *why)
{
  gtk_label_set_label (self->book_mrr_label, "—");
  gtk_label_set_label (self->book_margin_label, "—");
  gtk_label_set_label (self->book_hours_label, "—");
  gtk_widget_set_visible (GTK_WIDGET (self->book_warning_row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->book_warning_row), why);
}

void
retainer_window_refresh_book (RetainerWindow *self)
{
  RetainerBookImpact impact;
  g_autoptr (GError) error = NULL;
  g_autofree char *mrr_before = NULL, *mrr_after = NULL, *mrr = NULL;
  g_autofree char *margin_before = NULL, *margin_after = NULL, *margin = NULL;
  g_autofree char *hours_before = NULL, *hours_after = NULL, *hours = NULL;
  g_autofree char *warning = NULL;
  const char *currency;

  g_return_if_fail (RETAINER_IS_WINDOW (self));

  if (self->book_group == NULL || self->result == NULL || self->proposal == NULL)
    return;
  gtk_widget_set_visible (self->book_group, !self->presenting);
  if (self->book == NULL && self->book_error == NULL)
    load_book (self, NULL);
  if (self->book == NULL)
    {
      set_impact_unknown (self, self->book_error);
      return;
    }
  if (!retainer_book_prospect_impact (self->book, self->proposal, self->result, &impact, &error))
    {
      set_impact_unknown (self, retainer_error_message (error));
      return;
    }

  currency = self->book->currency != NULL ? self->book->currency : self->proposal->currency;
  mrr_before = format_money (currency, impact.before.mrr);
  mrr_after = format_money (currency, impact.after.mrr);
  mrr = before_after (mrr_before, mrr_after);
  margin_before = retainer_format_percent (impact.before.margin_pct, 1);
  margin_after = retainer_format_percent (impact.after.margin_pct, 1);
  margin = before_after (margin_before, margin_after);
  hours_before = retainer_book_format_hours (impact.before.staff_hours);
  hours_after = retainer_book_describe_capacity (impact.after.staff_hours,
                                                 impact.after.team_capacity_hours);
  hours = before_after (hours_before, hours_after);
  gtk_label_set_label (self->book_mrr_label, mrr);
  gtk_label_set_label (self->book_margin_label, margin);
  gtk_label_set_label (self->book_hours_label, hours);

  if ((impact.after.flags & RETAINER_BOOK_FLAG_OVER_CAPACITY) != 0)
    warning = retainer_book_describe_flag (&impact.after, RETAINER_BOOK_FLAG_OVER_CAPACITY);
  else if ((impact.after.flags & RETAINER_BOOK_FLAG_MARGIN_BELOW_FLOOR) != 0)
    warning = retainer_book_describe_flag (&impact.after, RETAINER_BOOK_FLAG_MARGIN_BELOW_FLOOR);
  gtk_widget_set_visible (GTK_WIDGET (self->book_warning_row), warning != NULL);
  if (warning != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->book_warning_row), warning);
}

void
retainer_window_reload_book (RetainerWindow *self)
{
  g_return_if_fail (RETAINER_IS_WINDOW (self));

  load_book (self, NULL);
  retainer_window_refresh_book (self);
}

static void
book_dialog_closed_cb (RetainerWindow *self)
{
  g_clear_weak_pointer (&self->book_dialog);
}

AdwDialog *
retainer_window_open_book (RetainerWindow *self)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerAgency) agency = NULL;
  AdwDialog *dialog;

  g_return_val_if_fail (RETAINER_IS_WINDOW (self), NULL);

  if (self->presenting)
    return NULL;
  if (self->book_dialog != NULL)
    return self->book_dialog;

  load_book (self, NULL);
  retainer_window_refresh_book (self);

  /* The dialog's own copy of the same folder and profile. */
  agency = retainer_agency_load_user (&error);
  if (agency == NULL)
    {
      retainer_window_show_error (self, _("Could Not Open the Book"), retainer_error_message (error));
      return NULL;
    }
  dialog = retainer_book_dialog_new (retainer_book_load (agency, &problems), problems);
  g_set_weak_pointer (&self->book_dialog, dialog);
  g_signal_connect_object (dialog, "closed", G_CALLBACK (book_dialog_closed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  return dialog;
}

AdwDialog *
retainer_window_get_book_dialog (RetainerWindow *self)
{
  g_return_val_if_fail (RETAINER_IS_WINDOW (self), NULL);

  return self->book_dialog;
}

static void
book_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  retainer_window_open_book (RETAINER_WINDOW (user_data));
}

static GtkLabel *
add_impact_row (AdwPreferencesGroup *group,
                const char          *title,
                const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "numeric-figure");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
  return GTK_LABEL (label);
}

/* The private panel's group, right under "Agency Figures". */
static void
build_book_group (RetainerWindow *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *parent = gtk_widget_get_parent (self->private_group);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_group_set_title (group, _("What This Deal Adds to the Book"));
  adw_preferences_group_set_description (group,
                                         _("Your clients’ totals before and after this "
                                           "proposal, with the card’s costs for it."));
  self->book_mrr_label = add_impact_row (group, _("Monthly recurring revenue"),
                                         _("Before and after this deal"));
  self->book_margin_label = add_impact_row (group, _("Gross margin"),
                                            _("Overhead included"));
  self->book_hours_label = add_impact_row (group, _("Staff hours a month"),
                                           _("Against the team’s capacity"));
  self->book_warning_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->book_warning_row), FALSE);
  adw_action_row_set_title_lines (self->book_warning_row, 0);
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (self->book_warning_row, icon);
  gtk_widget_set_visible (GTK_WIDGET (self->book_warning_row), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (self->book_warning_row));

  self->book_group = GTK_WIDGET (group);
  gtk_widget_set_visible (self->book_group, FALSE);
  if (GTK_IS_BOX (parent))
    gtk_box_insert_child_after (GTK_BOX (parent), self->book_group, self->private_group);
  else
    g_critical ("The private panel is not in a box: the book's group has no place");
}

static const GActionEntry book_actions[] = {
  { "book", book_action },
};

void
retainer_window_init_book (RetainerWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), book_actions, G_N_ELEMENTS (book_actions),
                                   self);
  build_book_group (self);
}

/* Presentation mode: the book's menu item hides (hidden-when
 * action-disabled), the dialog closes, the panel's group hides. */
void
retainer_window_update_book_actions (RetainerWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "book");

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !self->presenting);
  if (self->presenting && self->book_dialog != NULL)
    adw_dialog_force_close (self->book_dialog);
  if (self->book_group != NULL)
    gtk_widget_set_visible (self->book_group, !self->presenting && self->result != NULL);
}

void
retainer_window_dispose_book (RetainerWindow *self)
{
  g_clear_weak_pointer (&self->book_dialog);
  g_clear_pointer (&self->book, retainer_book_free);
  g_clear_pointer (&self->book_error, g_free);
}
