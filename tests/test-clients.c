/* test-clients.c: after the yes, in the window: accepting the proposal,
 * the clients list, recording months and the client's documents
 *
 * docs/calculation.md's worked example ("After the yes") is typed through the
 * window as a founder would: months 1 to 7, E = 3,900 … 4,200, B = 2,000,
 * the five metrics measured in February and March. The file dialogs
 * cannot be answered from a test (portals in the Flatpak): the tests call
 * what their answers call, with a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "retainer-accept-dialog.h"
#include "retainer-application.h"
#include "retainer-client-view.h"
#include "retainer-clients-dialog.h"
#include "retainer-month-editor.h"
#include "retainer-revision.h"
#include "retainer-window.h"
#include "ui-test-util.h"

#define NBSP "\u00a0"

static RetainerApplication *application;

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static RetainerWindow *
create_window (void)
{
  RetainerWindow *window = retainer_window_new (GTK_APPLICATION (application));

  gtk_window_set_default_size (GTK_WINDOW (window), 960, 1080);
  retainer_window_load_sample (window);
  retainer_test_present (GTK_WINDOW (window));
  return window;
}

static AdwDialog *
visible_dialog (RetainerWindow *window)
{
  retainer_test_settle ();
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
}

static void
activate (gpointer    widget,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL));
  retainer_test_settle ();
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  retainer_test_settle ();
}

static void
set_text (GtkWidget  *editable,
          const char *text)
{
  g_assert_nonnull (editable);
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

/* Accepts the sample proposal on 2025-09-02, live from 2025-09, through
 * the menu's Accept Proposal… and its dialog. */
static char *
accept_sample (RetainerWindow *window)
{
  RetainerAcceptDialog *dialog;
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *path = NULL;

  activate (window, "win.accept-proposal");
  dialog = RETAINER_ACCEPT_DIALOG (visible_dialog (window));
  g_assert_true (RETAINER_IS_ACCEPT_DIALOG (dialog));
  set_text (GTK_WIDGET (retainer_accept_dialog_get_date (dialog)), "2025-09-02");
  set_text (GTK_WIDGET (retainer_accept_dialog_get_go_live (dialog)), "2025-09");
  retainer_test_respond (ADW_ALERT_DIALOG (dialog), "accept");

  entries = retainer_clients_list (NULL);
  g_assert_cmpuint (entries->len, ==, 1);
  path = g_strdup (((RetainerClientEntry *) g_ptr_array_index (entries, 0))->path);
  return g_steal_pointer (&path);
}

static RetainerClientsDialog *
open_clients (RetainerWindow *window)
{
  RetainerClientsDialog *dialog;

  activate (window, "win.clients");
  dialog = RETAINER_CLIENTS_DIALOG (visible_dialog (window));
  g_assert_true (RETAINER_IS_CLIENTS_DIALOG (dialog));
  retainer_test_wait_frame (window);
  return dialog;
}

static gpointer
dialog_child (RetainerClientsDialog *dialog,
              const char            *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                  RETAINER_TYPE_CLIENTS_DIALOG, name);

  g_assert_nonnull (child);
  return child;
}

static gpointer
view_child (RetainerClientView *view,
            const char         *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (view), RETAINER_TYPE_CLIENT_VIEW,
                                                  name);

  g_assert_nonnull (child);
  return child;
}

static RetainerMonthEditor *
visible_editor (RetainerWindow *window)
{
  AdwDialog *dialog = visible_dialog (window);

  g_assert_true (RETAINER_IS_MONTH_EDITOR (dialog));
  return RETAINER_MONTH_EDITOR (dialog);
}

typedef struct
{
  const char *name;
  const char *unit;
  gboolean    lower_is_better;
  const char *february;
  const char *march;
} MetricInput;

/* docs/calculation.md, "After the yes": February and March. */
static const MetricInput worked_metrics[] = {
  { "Overall accuracy", "%", FALSE, "92.3", "94.1" },
  { "Refund queries", "%", FALSE, "89.1", "94.2" },
  { "Shipping queries", "%", FALSE, "95.7", "96.1" },
  { "Hallucination rate", "%", TRUE, "3.4", "2.1" },
  { "Average response time", "s", TRUE, "1.4", "1.2" },
};

static const char *const worked_api_costs[] = {
  "3900", "4000", "4100", "4200", "4200", "4200", "4200",
};

/* Adds month @k (1 = go-live) with Add Month and its editor. */
static void
record_month (RetainerWindow     *window,
              RetainerClientView *view,
              guint               k)
{
  RetainerMonthEditor *editor;

  activate (view, "client.add-month");
  editor = visible_editor (window);

  if (k == 1)
    for (guint i = 0; i < G_N_ELEMENTS (worked_metrics); i++)
      {
        set_text (retainer_month_editor_get_field (editor, "new_metric_name"), worked_metrics[i].name);
        set_text (retainer_month_editor_get_field (editor, "new_metric_unit"), worked_metrics[i].unit);
        adw_combo_row_set_selected (ADW_COMBO_ROW (retainer_month_editor_get_field (editor, "new_metric_direction")),
                                    worked_metrics[i].lower_is_better ? 1 : 0);
        click (retainer_month_editor_get_field (editor, "add_metric"));
        g_assert_null (retainer_month_editor_get_problem (editor));
      }

  set_text (retainer_month_editor_get_field (editor, "api_cost_equivalent"), worked_api_costs[k - 1]);
  set_text (retainer_month_editor_get_field (editor, "retainer_billed"), "2,000");
  for (guint i = 0; (k == 6 || k == 7) && i < G_N_ELEMENTS (worked_metrics); i++)
    {
      g_autofree char *field = g_strconcat ("metric:", worked_metrics[i].name, NULL);
      GtkWidget *row = retainer_month_editor_get_field (editor, field);

      /* The new month starts with last month's metric names. */
      g_assert_nonnull (row);
      set_text (row, k == 6 ? worked_metrics[i].february : worked_metrics[i].march);
    }
  if (k == 7)
    {
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (retainer_month_editor_get_field (editor, "retrained")), TRUE);
      set_text (retainer_month_editor_get_field (editor, "new_examples"), "1240");
      set_text (retainer_month_editor_get_field (editor, "training_source"),
                "Refund and shipping tickets the model escalated in February");
      set_text (retainer_month_editor_get_field (editor, "training_hours"), "3.5");
      set_text (retainer_month_editor_get_field (editor, "hardware"), "1 x NVIDIA A100 80 GB");
      set_text (retainer_month_editor_get_field (editor, "actual_platform"), "14.50");
      set_text (retainer_month_editor_get_field (editor, "actual_compute"), "90");
      set_text (retainer_month_editor_get_field (editor, "actual_staff_hours"), "1.5");
    }

  g_object_ref (editor);
  click (retainer_month_editor_get_field (editor, "save"));
  g_assert_null (retainer_month_editor_get_problem (editor));
  /* Saved and closed. */
  g_assert_true ((gpointer) visible_dialog (window) != (gpointer) editor);
  g_object_unref (editor);
}

static const char *
month_cell (RetainerClientView *view,
            int                 index,
            guint               column)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (view_child (view, "months_list"), index);
  GtkWidget *cell;

  g_assert_nonnull (row);
  cell = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));
  for (guint i = 0; i < column; i++)
    cell = gtk_widget_get_next_sibling (cell);
  return gtk_label_get_label (GTK_LABEL (cell));
}

static const char *
metric_cell (RetainerClientView *view,
             int                 column,
             int                 row)
{
  GtkWidget *cell = gtk_grid_get_child_at (view_child (view, "metrics_grid"), column, row);

  g_assert_nonnull (cell);
  return gtk_label_get_label (GTK_LABEL (cell));
}

static char *
read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

/* pdftotext breaks lines where the page does: compare with single spaces. */
static char *
squeeze_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
screenshot (RetainerWindow *window,
            const char     *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (retainer_test_color_schemes); i++)
    {
      const RetainerTestColorScheme *scheme = &retainer_test_color_schemes[i];
      g_autofree char *file = g_strdup_printf ("%s-%s.png", name, scheme->name);

      adw_style_manager_set_color_scheme (style, scheme->scheme);
      retainer_test_write_png (window, file);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */

/* A proposal sent out as revisions 1 and 2: the client signed one of
 * those, the latest unless the founder says otherwise, and no later one. */
static void
test_accept_latest_revision (void)
{
  RetainerWindow *window = create_window ();
  RetainerProposal *proposal = retainer_proposal_copy (retainer_window_get_proposal (window));
  RetainerAcceptDialog *dialog;
  AdwSpinRow *revision;
  g_autoptr (GError) error = NULL;
  guint issued = 0;

  g_free (proposal->number);
  proposal->number = g_strdup ("AC-0042");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (RetainerResult) result = NULL;

      proposal->monthly_api_spend += 100000;
      result = retainer_recommend (proposal);
      g_assert_true (retainer_proposal_issue_revision (proposal, result, "2026-11-30", &issued,
                                                       &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (issued, ==, 2);
  retainer_window_load_proposal (window, proposal, NULL);
  retainer_test_settle ();

  activate (window, "win.accept-proposal");
  dialog = RETAINER_ACCEPT_DIALOG (visible_dialog (window));
  revision = retainer_accept_dialog_get_revision (dialog);
  g_assert_cmpfloat (adw_spin_row_get_value (revision), ==, 2);
  adw_spin_row_set_value (revision, 3);
  g_assert_cmpfloat (adw_spin_row_get_value (revision), ==, 2);
  adw_spin_row_set_value (revision, 1);
  g_assert_cmpfloat (adw_spin_row_get_value (revision), ==, 1);
  retainer_test_respond (ADW_ALERT_DIALOG (dialog), "cancel");
  retainer_test_destroy_window (window);
}

static void
test_accept_defaults (void)
{
  RetainerWindow *window = create_window ();
  RetainerAcceptDialog *dialog;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) first = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now), 1, 0, 0, 0);
  g_autoptr (GDateTime) next = g_date_time_add_months (first, 1);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *next_month = g_date_time_format (next, "%Y-%m");
  GtkEditable *go_live;
  g_autoptr (GPtrArray) entries = NULL;

  activate (window, "win.accept-proposal");
  dialog = RETAINER_ACCEPT_DIALOG (visible_dialog (window));
  g_assert_true (RETAINER_IS_ACCEPT_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (retainer_accept_dialog_get_date (dialog)), ==, today);
  g_assert_cmpfloat (adw_spin_row_get_value (retainer_accept_dialog_get_revision (dialog)), ==, 1);
  go_live = retainer_accept_dialog_get_go_live (dialog);
  g_assert_cmpstr (gtk_editable_get_text (go_live), ==, next_month);
  g_assert_true (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "accept"));

  /* A go-live before the acceptance is refused before anything is kept. */
  gtk_editable_set_text (retainer_accept_dialog_get_date (dialog), "2025-09-02");
  gtk_editable_set_text (go_live, "2025-08");
  g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "accept"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (go_live), "error"));
  gtk_editable_set_text (go_live, "2025-9");
  g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "accept"));

  retainer_test_respond (ADW_ALERT_DIALOG (dialog), "cancel");
  entries = retainer_clients_list (NULL);
  g_assert_cmpuint (entries->len, ==, 0);
  retainer_test_destroy_window (window);
}

static void
test_worked_example (void)
{
  RetainerWindow *window = create_window ();
  g_autofree char *path = accept_sample (window);
  g_autofree char *clients_dir = retainer_clients_dir ();
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "retainer", "clients", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "report-2026-03.pdf", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *program = NULL;
  g_autoptr (GFile) csv_file = NULL;
  g_autoptr (GFile) pdf_file = NULL;
  g_autoptr (RetainerClient) stored = NULL;
  g_autoptr (RetainerClient) kept = NULL;
  g_autoptr (GError) error = NULL;
  RetainerClientsDialog *clients;
  RetainerClientView *view;
  AdwActionRow *row;
  AdwAlertDialog *alert;
  GtkLabel *agency_costs;

  /* Kept in the app's own data folder (isolated by the test). */
  g_assert_cmpstr (clients_dir, ==, data_dir);
  g_assert_cmpstr (dir, ==, clients_dir);
  stored = retainer_client_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->proposal->company, ==, "Northwind Legal LLP");
  g_assert_cmpstr (stored->accepted_date, ==, "2025-09-02");
  g_assert_cmpuint (stored->accepted_revision, ==, 1);
  g_assert_cmpstr (stored->go_live_month, ==, "2025-09");
  g_assert_cmpuint (stored->months->len, ==, 0);

  /* The list shows it. */
  clients = open_clients (window);
  g_assert_cmpuint (retainer_clients_dialog_get_n_clients (clients), ==, 1);
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (dialog_child (clients, "clients_list"), 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Northwind Legal LLP");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "0 months recorded"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "$0 saved"));

  /* The worked example's months 1 to 7 (docs/calculation.md), typed. */
  view = retainer_clients_dialog_open_client (clients, 0);
  retainer_test_wait_frame (window);
  for (guint k = 1; k <= 7; k++)
    record_month (window, view, k);

  g_assert_cmpint (retainer_client_view_get_selected_month (view), ==, 6);
  g_assert_cmpstr (month_cell (view, 6, 0), ==, "March 2026");
  g_assert_cmpstr (month_cell (view, 6, 1), ==, "$4,200");
  g_assert_cmpstr (month_cell (view, 6, 2), ==, "$2,000");
  g_assert_cmpstr (month_cell (view, 6, 3), ==, "$2,200");
  g_assert_cmpstr (month_cell (view, 6, 4), ==, "$14,800");
  g_assert_cmpstr (month_cell (view, 0, 3), ==, "$1,900");

  /* February to March, with better or worse by each metric's direction. */
  {
    const char *expected[][5] = {
      { "Overall accuracy", "92.3%", "94.1%", "+1.8" NBSP "pts", "better" },
      { "Refund queries", "89.1%", "94.2%", "+5.1" NBSP "pts", "better" },
      { "Shipping queries", "95.7%", "96.1%", "+0.4" NBSP "pts", "better" },
      { "Hallucination rate", "3.4%", "2.1%", "−1.3" NBSP "pts", "better" },
      { "Average response time", "1.4" NBSP "s", "1.2" NBSP "s", "−0.2" NBSP "s", "better" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      for (guint column = 0; column < 5; column++)
        g_assert_cmpstr (metric_cell (view, (int) column, (int) i + 1), ==, expected[i][column]);
  }
  /* February, the first month measured, has nothing to compare with. */
  retainer_client_view_select_month (view, 5);
  g_assert_cmpstr (metric_cell (view, 4, 1), ==, "new");
  retainer_client_view_select_month (view, 6);

  /* Recorded on disk, not just on screen. */
  kept = retainer_client_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->months->len, ==, 7);
  g_assert_true (retainer_client_equal (kept, retainer_client_view_get_client (view)));

  /* The agency's own costs: shown to the founder, hidden while presenting. */
  agency_costs = view_child (view, "agency_costs_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (agency_costs)));
  g_assert_nonnull (strstr (gtk_label_get_label (agency_costs), "$14.50"));
  retainer_window_set_presenting (window, TRUE);
  retainer_test_settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (agency_costs)));
  retainer_window_set_presenting (window, FALSE);
  retainer_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (agency_costs)));

  screenshot (window, "client-view");
  /* Scrolled to the month's metrics, as the founder reads them. */
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (view_child (view, "metrics_grid"),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    screenshot (window, "client-view-month");
  }

  /* A bad CSV is refused with its line and field, and changes nothing. */
  csv = g_test_build_filename (G_TEST_DIST, "data", "months-bad-amount.csv", NULL);
  csv_file = g_file_new_for_path (csv);
  before = read_file (path);
  g_assert_false (retainer_client_view_import_months_file (view, csv_file));
  alert = retainer_test_find_alert_dialog (window);
  g_assert_nonnull (alert);
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (alert), "months-bad-amount.csv"));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (alert), "line 4"));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (alert), "api_cost_equivalent"));
  retainer_test_respond (alert, "close");
  after = read_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (retainer_client_equal (kept, retainer_client_view_get_client (view)));
  g_assert_cmpstr (month_cell (view, 6, 4), ==, "$14,800");

  /* The month-7 report has the window's numbers and none of the agency's. */
  pdf_file = g_file_new_for_path (pdf);
  g_assert_true (retainer_client_view_export_report_to (view, pdf_file));
  g_assert_null (retainer_test_find_alert_dialog (window));
  program = g_find_program_in_path ("pdftotext");
  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
    }
  else
    {
      const char *figures[] = { "$4,200", "$2,000", "$2,200", "$14,800", "92.3%", "94.1%", "+1.8",
                                "−0.2", "1,240" };

      text = retainer_test_pdf_text (pdf);
      for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
        if (strstr (text, figures[i]) == NULL)
          g_error ("“%s” is not in the report:\n%s", figures[i], text);
      g_assert_null (strstr (text, "14.50"));
      g_assert_null (strstr (text, "$90"));
    }

  /* Back in the list: the months and the savings. */
  adw_navigation_view_pop (dialog_child (clients, "navigation_view"));
  retainer_test_settle ();
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (dialog_child (clients, "clients_list"), 0));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "7 months recorded"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "$14,800 saved"));
  screenshot (window, "clients-list");

  retainer_test_destroy_window (window);
}

static void
test_editor_keeps_typing (void)
{
  RetainerWindow *window = create_window ();
  g_autofree char *path = accept_sample (window);
  RetainerClientsDialog *clients = open_clients (window);
  RetainerClientView *view = retainer_clients_dialog_open_client (clients, 0);
  RetainerMonthEditor *editor;
  GtkWidget *api;

  activate (view, "client.add-month");
  editor = visible_editor (window);
  api = retainer_month_editor_get_field (editor, "api_cost_equivalent");
  set_text (api, "4.200,5x");
  g_assert_false (retainer_month_editor_save (editor));
  /* Named, marked, kept: nothing recorded, the text still there. */
  g_assert_nonnull (strstr (retainer_month_editor_get_problem (editor), "API cost equivalent"));
  g_assert_true (gtk_widget_has_css_class (api, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (api)), ==, "4.200,5x");
  g_assert_true (visible_dialog (window) == ADW_DIALOG (editor));
  g_assert_cmpuint (retainer_client_view_get_client (view)->months->len, ==, 0);

  screenshot (window, "month-editor");

  /* Exact: 4,200.05 is 420005 cents, not a float's neighbour. */
  set_text (api, "4,200.05");
  g_assert_true (retainer_month_editor_save (editor));
  g_assert_cmpint (((RetainerClientMonth *) g_ptr_array_index (retainer_client_view_get_client (view)->months, 0))->api_cost_equivalent,
                   ==, 420005);

  /* In front of the client, the editor offers no field for the agency's own costs. */
  retainer_window_set_presenting (window, TRUE);
  retainer_test_settle ();
  activate (view, "client.edit-month");
  editor = visible_editor (window);
  g_assert_nonnull (retainer_month_editor_get_field (editor, "api_cost_equivalent"));
  g_assert_null (retainer_month_editor_get_field (editor, "actual_platform"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (retainer_month_editor_get_field (editor, "api_cost_equivalent"))),
                   ==, "4,200.05");

  /* Esc or Cancel after typing asks first; Keep Editing keeps the text. */
  api = retainer_month_editor_get_field (editor, "api_cost_equivalent");
  set_text (api, "5,100");
  adw_dialog_close (ADW_DIALOG (editor));
  {
    AdwDialog *question = visible_dialog (window);

    g_assert_true (ADW_IS_ALERT_DIALOG (question));
    g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (question)), ==,
                     "Discard This Month’s Changes?");
    retainer_test_respond (ADW_ALERT_DIALOG (question), "edit");
  }
  g_assert_true (visible_dialog (window) == ADW_DIALOG (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (api)), ==, "5,100");
  /* Discard throws it away, and the recorded month stays as it was. */
  adw_dialog_close (ADW_DIALOG (editor));
  retainer_test_respond (ADW_ALERT_DIALOG (visible_dialog (window)), "discard");
  g_assert_true ((gpointer) visible_dialog (window) != (gpointer) editor);
  g_assert_cmpint (((RetainerClientMonth *) g_ptr_array_index (retainer_client_view_get_client (view)->months, 0))->api_cost_equivalent,
                   ==, 420005);

  /* Nothing typed: it closes at once. */
  activate (view, "client.edit-month");
  editor = visible_editor (window);
  adw_dialog_close (ADW_DIALOG (editor));
  g_assert_false (ADW_IS_ALERT_DIALOG (visible_dialog (window)));
  g_assert_true ((gpointer) visible_dialog (window) != (gpointer) editor);
  retainer_test_destroy_window (window);
}

static void
test_import_and_export_client (void)
{
  RetainerWindow *window = create_window ();
  g_autofree char *path = accept_sample (window);
  g_autofree char *exported = g_build_filename (g_get_user_data_dir (), "northwind-copy.retainer", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "client-bad-months-out-of-order.retainer", NULL);
  g_autoptr (GFile) exported_file = g_file_new_for_path (exported);
  g_autoptr (GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerClient) copy = NULL;
  RetainerClientsDialog *clients = open_clients (window);
  AdwAlertDialog *alert;
  g_autofree char *display_name = g_path_get_basename (bad);

  g_assert_true (retainer_clients_dialog_export_file (clients, 0, exported_file));
  copy = retainer_client_load (exported, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy->proposal->company, ==, "Northwind Legal LLP");

  /* A broken file is named, and the list stays as it was. */
  g_assert_false (retainer_clients_dialog_import_file (clients, bad_file));
  alert = retainer_test_find_alert_dialog (window);
  g_assert_nonnull (alert);
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (alert), display_name));
  retainer_test_respond (alert, "close");
  g_assert_cmpuint (retainer_clients_dialog_get_n_clients (clients), ==, 1);

  /* The same client again: asked before anything is replaced. */
  g_assert_false (retainer_clients_dialog_import_file (clients, exported_file));
  alert = retainer_test_find_alert_dialog (window);
  g_assert_nonnull (alert);
  retainer_test_respond (alert, "replace");
  g_assert_cmpuint (retainer_clients_dialog_get_n_clients (clients), ==, 1);

  /* A client from another computer joins the list. */
  {
    g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "client-worked-example.retainer", NULL);
    g_autoptr (GFile) fixture_file = g_file_new_for_path (fixture);

    g_assert_true (retainer_clients_dialog_import_file (clients, fixture_file));
    g_assert_cmpuint (retainer_clients_dialog_get_n_clients (clients), ==, 2);
  }
  retainer_test_destroy_window (window);
}

/* The seed's offer, from the client's page: a second use case on
 * Essentials for $1,500 a month more. */
static void
test_quarterly_review (void)
{
  RetainerWindow *window = create_window ();
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "client-worked-example.retainer", NULL);
  g_autoptr (GFile) fixture_file = g_file_new_for_path (fixture);
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "review-2026-Q1.pdf", NULL);
  g_autoptr (GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr (RetainerClient) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = retainer_clients_dir ();
  g_autofree char *kept = NULL;
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  RetainerExpansionRequest offer = { 1, 400000, RETAINER_COMPLEXITY_SIMPLE, FALSE };
  RetainerClientsDialog *clients;
  RetainerClientView *view;
  int index;

  loaded = retainer_client_load (fixture, &error);
  g_assert_no_error (error);
  name = retainer_client_file_name (loaded);
  kept = g_build_filename (dir, name, NULL);

  clients = open_clients (window);
  g_assert_true (retainer_clients_dialog_import_file (clients, fixture_file));
  index = retainer_clients_dialog_find (clients, kept);
  g_assert_cmpint (index, >=, 0);
  view = retainer_clients_dialog_open_client (clients, (guint) index);
  retainer_test_wait_frame (window);

  /* The offer's questions, then the file the dialog would ask for. */
  activate (view, "client.export-review");
  g_assert_nonnull (retainer_test_find_alert_dialog (window));
  retainer_test_respond (retainer_test_find_alert_dialog (window), "cancel");
  g_assert_true (retainer_client_view_export_review_to (view, "2026-Q1", &offer, pdf_file));
  g_assert_null (retainer_test_find_alert_dialog (window));
  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
    }
  else
    {
      g_autofree char *raw = retainer_test_pdf_text (pdf);
      g_autofree char *text = squeeze_spaces (raw);

      if (strstr (text, "+$1,500 a month") == NULL || strstr (text, "$14,800") == NULL)
        g_error ("The review lacks “+$1,500 a month” or “$14,800”:\n%s", text);
      /* The agency's own costs of March stay out. */
      g_assert_null (strstr (text, "14.50"));
    }

  /* A quarter not recorded is named, and nothing is written. */
  g_assert_cmpint (g_unlink (pdf), ==, 0);
  g_assert_false (retainer_client_view_export_review_to (view, "2027-Q1", &offer, pdf_file));
  g_assert_nonnull (retainer_test_find_alert_dialog (window));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (retainer_test_find_alert_dialog (window)), "2027"));
  retainer_test_respond (retainer_test_find_alert_dialog (window), "close");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  retainer_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  application = retainer_test_init_window_tests (&argc, &argv);

  g_test_add_func ("/ui/clients/accept-defaults", test_accept_defaults);
  g_test_add_func ("/ui/clients/accept-latest-revision", test_accept_latest_revision);
  g_test_add_func ("/ui/clients/worked-example", test_worked_example);
  g_test_add_func ("/ui/clients/editor-keeps-typing", test_editor_keeps_typing);
  g_test_add_func ("/ui/clients/import-and-export", test_import_and_export_client);
  g_test_add_func ("/ui/clients/quarterly-review", test_quarterly_review);

  return retainer_test_run (application);
}
