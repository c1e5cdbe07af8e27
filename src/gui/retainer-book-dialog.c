/* retainer-book-dialog.c: every client with its retainer, cost, hours and
 * margin, the totals, the flags and the months recorded
 *
 * The dialog only shows what the core computed (retainer-book.h): no
 * arithmetic here, money and hours formatted by the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "retainer-alert.h"
#include "retainer-book-dialog.h"
#include "retainer-json.h"
#include "retainer-money.h"

struct _RetainerBookDialog
{
  AdwDialog      parent_instance;

  RetainerBook  *book;
  GPtrArray     *problems;
  AdwToastOverlay *toast_overlay;
  GCancellable  *cancellable;
};

G_DEFINE_FINAL_TYPE (RetainerBookDialog, retainer_book_dialog, ADW_TYPE_DIALOG)

static char *
format_money (RetainerBookDialog *self,
              gint64              amount)
{
  return retainer_money_format (amount, self->book->currency != NULL ? self->book->currency : "USD",
                                RETAINER_MONEY_FORMAT_DEFAULT);
}

static GtkWidget *
figure_label (const char *text,
              gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "numeric-figure");
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* A row of the totals: title, optional subtitle, the figure on the right. */
static GtkWidget *
add_figure_row (AdwPreferencesGroup *group,
                const char          *title,
                const char          *subtitle,
                const char          *figure)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = figure_label (figure, FALSE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "title-4");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
  return label;
}

static void
add_warning_row (AdwPreferencesGroup *group,
                 const char          *text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (group, row);
}

static GtkWidget *
build_warnings (RetainerBookDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  static const RetainerBookFlags flags[] = { RETAINER_BOOK_FLAG_OVER_CAPACITY,
                                             RETAINER_BOOK_FLAG_MARGIN_BELOW_FLOOR };
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if ((self->book->totals.flags & flags[i]) != 0)
      {
        g_autofree char *text = retainer_book_describe_flag (&self->book->totals, flags[i]);

        add_warning_row (ADW_PREFERENCES_GROUP (group), text);
        any = TRUE;
      }
  for (guint i = 0; self->problems != NULL && i < self->problems->len; i++)
    {
      add_warning_row (ADW_PREFERENCES_GROUP (group), g_ptr_array_index (self->problems, i));
      any = TRUE;
    }
  gtk_widget_set_visible (group, any);
  return group;
}

static GtkWidget *
build_totals (RetainerBookDialog *self)
{
  const RetainerBookTotals *totals = &self->book->totals;
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *mrr = format_money (self, totals->mrr);
  g_autofree char *costs = format_money (self, totals->total_costs);
  g_autofree char *margin = format_money (self, totals->gross_margin);
  g_autofree char *margin_pct = retainer_format_percent (totals->margin_pct, 1);
  g_autofree char *hours = retainer_book_describe_capacity (totals->staff_hours,
                                                            totals->team_capacity_hours);
  g_autofree char *platform = format_money (self, totals->platform_cost);
  g_autofree char *compute = format_money (self, totals->compute_cost);
  g_autofree char *staff = format_money (self, totals->staff_cost);
  g_autofree char *overhead = format_money (self, totals->fixed_overhead);
  g_autofree char *costs_detail = NULL;
  g_autofree char *clients = NULL;
  g_autofree char *floor = retainer_format_percent (totals->margin_floor_pct, 0);
  g_autofree char *floor_detail = NULL;

  clients = g_strdup_printf (ngettext ("%u client", "%u clients", totals->n_clients),
                             totals->n_clients);
  adw_preferences_group_set_title (group, _("Totals"));
  adw_preferences_group_set_description (group, clients);
  /* Translators: the parts of the agency's monthly costs, each an amount. */
  costs_detail = g_strdup_printf (_("Platform %1$s, compute %2$s, staff %3$s, overhead %4$s"),
                                  platform, compute, staff, overhead);
  /* Translators: %s is a percentage, the rate card's margin floor, like "60%". */
  floor_detail = g_strdup_printf (_("The card’s floor is %s"), floor);

  add_figure_row (group, _("Monthly recurring revenue"), NULL, mrr);
  add_figure_row (group, _("Total costs a month"), costs_detail, costs);
  add_figure_row (group, _("Gross margin a month"), NULL, margin);
  add_figure_row (group, _("Gross margin"), floor_detail, margin_pct);
  add_figure_row (group, _("Staff hours a month"), _("Against the team’s capacity"), hours);
  return GTK_WIDGET (group);
}

static void
attach (GtkGrid    *grid,
        GtkWidget  *widget,
        int         column,
        int         row)
{
  gtk_widget_set_margin_start (widget, 6);
  gtk_widget_set_margin_end (widget, 6);
  gtk_grid_attach (grid, widget, column, row, 1, 1);
}

static GtkWidget *
heading_label (const char *text,
               float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

/* The clients as a table: who, on which tier, what they pay, what serving
 * them costs (and whether those are the card's figures or the founder's),
 * the staff hours and the margin. */
static GtkWidget *
build_clients (RetainerBookDialog *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());

  adw_preferences_group_set_title (group, _("Clients"));
  adw_preferences_group_set_description (group,
                                         _("Costs are the rate card’s midpoints unless you "
                                           "entered the client’s actual costs."));
  gtk_grid_set_row_spacing (grid, 8);
  gtk_grid_set_column_spacing (grid, 12);
  gtk_widget_set_margin_top (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (grid), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (grid), 6);

  attach (grid, heading_label (_("Client"), 0), 0, 0);
  attach (grid, heading_label (_("Tier"), 0), 1, 0);
  attach (grid, heading_label (_("Retainer"), 1), 2, 0);
  attach (grid, heading_label (_("Cost"), 1), 3, 0);
  attach (grid, heading_label (_("Costs from"), 0), 4, 0);
  attach (grid, heading_label (_("Hours"), 1), 5, 0);
  attach (grid, heading_label (_("Margin"), 1), 6, 0);

  for (guint i = 0; i < self->book->rows->len; i++)
    {
      const RetainerBookRow *row = g_ptr_array_index (self->book->rows, i);
      g_autofree char *retainer = format_money (self, row->monthly_retainer);
      g_autofree char *cost = format_money (self, row->monthly_cost);
      g_autofree char *hours = retainer_book_format_hours (row->staff_hours);
      g_autofree char *margin = format_money (self, row->margin);
      g_autofree char *margin_pct = retainer_format_percent (row->margin_pct, 1);
      g_autofree char *margin_text = g_strdup_printf ("%s (%s)", margin, margin_pct);
      const char *source;
      GtkWidget *company = gtk_label_new (row->company != NULL && *row->company != '\0'
                                            ? row->company
                                            : (row->file != NULL ? row->file : _("Unnamed client")));
      GtkWidget *tier = gtk_label_new (row->tier_name);
      GtkWidget *source_label;
      GtkWidget *margin_label = figure_label (margin_text, FALSE);
      int y = (int) i + 1;

      if (row->actuals == (RETAINER_BOOK_ACTUAL_PLATFORM | RETAINER_BOOK_ACTUAL_COMPUTE
                           | RETAINER_BOOK_ACTUAL_STAFF_HOURS))
        source = _("Entered");
      else if (row->actuals != 0)
        source = _("Entered in part");
      else
        source = _("Card midpoints");
      source_label = gtk_label_new (source);

      gtk_label_set_xalign (GTK_LABEL (company), 0);
      gtk_label_set_ellipsize (GTK_LABEL (company), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (company), 14);
      gtk_widget_set_hexpand (company, TRUE);
      gtk_widget_set_tooltip_text (company, row->company);
      gtk_label_set_xalign (GTK_LABEL (tier), 0);
      gtk_label_set_xalign (GTK_LABEL (source_label), 0);
      gtk_widget_add_css_class (source_label, "dim-label");
      if ((row->flags & RETAINER_BOOK_FLAG_MARGIN_BELOW_FLOOR) != 0)
        gtk_widget_add_css_class (margin_label, "warning");

      attach (grid, company, 0, y);
      attach (grid, tier, 1, y);
      attach (grid, figure_label (retainer, FALSE), 2, y);
      attach (grid, figure_label (cost, FALSE), 3, y);
      attach (grid, source_label, 4, y);
      attach (grid, figure_label (hours, FALSE), 5, y);
      attach (grid, margin_label, 6, y);
    }

  if (self->book->rows->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No clients yet: accepted proposals kept as clients "
                                          "appear here."));

      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_grid_attach (grid, empty, 0, 1, 7, 1);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (grid));
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (group, frame);
  return GTK_WIDGET (group);
}

/* The months recorded, as a compact table: revenue, margin and margin %,
 * staff hours (the "month 1 vs month 6" effect shows in the hours). */
static GtkWidget *
build_months (RetainerBookDialog *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());

  adw_preferences_group_set_title (group, _("Months Recorded"));
  adw_preferences_group_set_description (group,
                                         _("Revenue and margin of the months recorded in the "
                                           "clients’ files, overhead included."));
  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  gtk_widget_set_margin_top (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (grid), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (grid), 6);

  attach (grid, heading_label (_("Month"), 0), 0, 0);
  attach (grid, heading_label (_("Clients"), 1), 1, 0);
  attach (grid, heading_label (_("Revenue"), 1), 2, 0);
  attach (grid, heading_label (_("Margin"), 1), 3, 0);
  attach (grid, heading_label (_("Hours"), 1), 4, 0);
  for (guint i = 0; i < self->book->months->len; i++)
    {
      const RetainerBookMonth *month = &g_array_index (self->book->months, RetainerBookMonth, i);
      g_autofree char *clients = g_strdup_printf ("%u", month->n_clients);
      g_autofree char *mrr = format_money (self, month->mrr);
      g_autofree char *margin = format_money (self, month->gross_margin);
      g_autofree char *margin_pct = retainer_format_percent (month->margin_pct, 1);
      g_autofree char *margin_text = g_strdup_printf ("%s (%s)", margin, margin_pct);
      g_autofree char *hours = retainer_book_format_hours (month->staff_hours);
      GtkWidget *name = gtk_label_new (month->month);
      int y = (int) i + 1;

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_hexpand (name, TRUE);
      attach (grid, name, 0, y);
      attach (grid, figure_label (clients, FALSE), 1, y);
      attach (grid, figure_label (mrr, FALSE), 2, y);
      attach (grid, figure_label (margin_text, FALSE), 3, y);
      attach (grid, figure_label (hours, FALSE), 4, y);
    }

  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (grid));
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (group, frame);
  gtk_widget_set_visible (GTK_WIDGET (group), self->book->months->len > 0);
  return GTK_WIDGET (group);
}

static void
show_export_error (RetainerBookDialog *self,
                   const char         *message)
{
  AdwDialog *alert = retainer_alert_new (_("Could Not Export the Book"), message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
  adw_dialog_present (alert, GTK_WIDGET (self));
}

gboolean
retainer_book_dialog_export_csv_to (RetainerBookDialog *self,
                                    GFile              *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (RETAINER_IS_BOOK_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message =
        /* Translators: %s is where the user chose to save the CSV. */
        g_strdup_printf (_("%s is not a local file: choose a folder on this computer."), uri);

      show_export_error (self, message);
      return FALSE;
    }
  if (!retainer_book_save_csv (self->book, path, &error))
    {
      show_export_error (self, retainer_error_message (error));
      return FALSE;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Book exported as CSV")));
  return TRUE;
}

static void
save_dialog_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (RetainerBookDialog) self = user_data;
  g_autoptr (GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    retainer_book_dialog_export_csv_to (self, file);
}

static void
export_clicked_cb (RetainerBookDialog *self)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Export the Book"));
  /* Translators: the suggested name of the book's CSV file. */
  gtk_file_dialog_set_initial_name (dialog, _("Book.csv"));
  gtk_file_dialog_save (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                        self->cancellable, save_dialog_done_cb, g_object_ref (self));
}

static void
build (RetainerBookDialog *self)
{
  GtkWidget *toolbar_view = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *export_button = gtk_button_new_with_mnemonic (_("_Export CSV…"));
  GtkWidget *page = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *description;

  gtk_widget_set_tooltip_text (export_button, _("Export the book as CSV for your accountant"));
  g_signal_connect_swapped (export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), export_button);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), header);

  /* Wider than a preferences page's 600 pixels: the clients' table has
   * seven columns. */
  description = gtk_label_new (_("Only you see the book: it is hidden in presentation mode and "
                                 "never printed."));
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (box), description);
  gtk_box_append (GTK_BOX (box), build_warnings (self));
  gtk_box_append (GTK_BOX (box), build_totals (self));
  gtk_box_append (GTK_BOX (box), build_clients (self));
  gtk_box_append (GTK_BOX (box), build_months (self));
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (page), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (page), clamp);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, page);
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar_view), GTK_WIDGET (self->toast_overlay));
  adw_dialog_set_child (ADW_DIALOG (self), toolbar_view);
}

static void
retainer_book_dialog_dispose (GObject *object)
{
  RetainerBookDialog *self = RETAINER_BOOK_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (retainer_book_dialog_parent_class)->dispose (object);
}

static void
retainer_book_dialog_finalize (GObject *object)
{
  RetainerBookDialog *self = RETAINER_BOOK_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->book, retainer_book_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  G_OBJECT_CLASS (retainer_book_dialog_parent_class)->finalize (object);
}

static void
retainer_book_dialog_class_init (RetainerBookDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = retainer_book_dialog_dispose;
  object_class->finalize = retainer_book_dialog_finalize;
}

static void
retainer_book_dialog_init (RetainerBookDialog *self)
{
  self->cancellable = g_cancellable_new ();
  adw_dialog_set_title (ADW_DIALOG (self), _("The Book"));
  adw_dialog_set_content_width (ADW_DIALOG (self), 900);
  adw_dialog_set_content_height (ADW_DIALOG (self), 760);
}

AdwDialog *
retainer_book_dialog_new (RetainerBook    *book,
                          const GPtrArray *problems)
{
  RetainerBookDialog *self;

  g_return_val_if_fail (book != NULL, NULL);

  self = g_object_new (RETAINER_TYPE_BOOK_DIALOG, NULL);
  self->book = book;
  self->problems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_ptr_array_add (self->problems, g_strdup (g_ptr_array_index (problems, i)));
  build (self);
  return ADW_DIALOG (self);
}

const RetainerBook *
retainer_book_dialog_get_book (RetainerBookDialog *self)
{
  g_return_val_if_fail (RETAINER_IS_BOOK_DIALOG (self), NULL);

  return self->book;
}
