/* test-book-ui.c: the book in the window: the Book dialog, what a
 * prospect adds to it in the private panel, and presentation mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "retainer-agency.h"
#include "retainer-application.h"
#include "retainer-book-dialog.h"
#include "retainer-client.h"
#include "retainer-preferences-dialog.h"
#include "retainer-window-book.h"
#include "ui-test-util.h"

static RetainerApplication *application;

#define N_SEED 10

/* The seed: ten clients in the clients folder, and the agency profile with
 * the seed's overhead ($500), hourly cost ($80) and capacity (160 hours). */
static void
put_seed (void)
{
  g_autofree char *dir = retainer_clients_dir ();
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 1; i <= N_SEED; i++)
    {
      g_autofree char *name = g_strdup_printf ("seed-%02u.retainer", i);
      g_autofree char *from = g_test_build_filename (G_TEST_DIST, "data", "book", name, NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (from, &text, &length, NULL));
      g_assert_true (g_file_set_contents (to, text, (gssize) length, NULL));
    }

  g_free (agency->name);
  agency->name = g_strdup ("Seed Agency");
  agency->fixed_overhead = 50000;
  agency->staff_cost_per_hour = 8000;
  agency->team_capacity_hours = 160;
  g_assert_true (retainer_agency_save_user (agency, &error));
  g_assert_no_error (error);
}

/* A label on screen (mapped) whose text is exactly `text`. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_label (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A Growth prospect at list price: $5,000 a month, one use case. */
static void
load_growth_prospect (RetainerWindow *window)
{
  static const char text[] =
    "{\"format\": \"retainer-proposal\", \"version\": 1, \"monthly_api_spend\": 12000,\n"
    " \"complexity\": \"moderate\", \"tier\": \"growth\",\n"
    " \"prospect\": {\"company\": \"Harbour Freight Co\"}}\n";
  g_autoptr (GError) error = NULL;
  RetainerProposal *proposal = retainer_proposal_load_data (text, strlen (text), "growth.retainer",
                                                            &error);

  g_assert_no_error (error);
  retainer_window_load_proposal (window, proposal, NULL);
  retainer_test_settle ();
}

static AdwDialog *
open_book (RetainerWindow *window)
{
  AdwDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.book", NULL));
  dialog = retainer_window_get_book_dialog (window);
  g_assert_nonnull (dialog);
  retainer_test_wait_frame (dialog);
  return dialog;
}

static void
assert_seed_totals_shown (GtkWidget *widget)
{
  g_assert_nonnull (find_label (widget, "$48,000"));
  g_assert_nonnull (find_label (widget, "$10,045"));
  g_assert_nonnull (find_label (widget, "$37,955"));
  g_assert_nonnull (find_label (widget, "79.1%"));
  g_assert_nonnull (find_label (widget, "80 of 160 hours"));
}

static void
test_dialog (void)
{
  RetainerWindow *window;
  AdwDialog *dialog;
  g_autofree char *csv_path = g_build_filename (g_get_user_data_dir (), "book.csv", NULL);
  g_autofree char *bad_path = g_build_filename (g_get_user_data_dir (), "missing", "book.csv",
                                                NULL);
  g_autoptr (GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr (GFile) bad = g_file_new_for_path (bad_path);
  g_autofree char *written = NULL;
  AdwAlertDialog *alert;
  AdwStyleManager *style = adw_style_manager_get_default ();

  put_seed ();
  window = retainer_test_new_window (application, 1280, 900);
  dialog = open_book (window);

  assert_seed_totals_shown (GTK_WIDGET (dialog));
  /* Every client, with its tier and its figures; where the costs came from. */
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Atlas Capital Partners"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Vantage Freight Systems"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Enterprise"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "$7,365.50 (73.7%)"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Entered"));
  /* 80 of 160 hours and 79% against a 60% floor: no warning. */
  g_assert_null (retainer_test_find_label (dialog, "more than the team"));

  retainer_test_write_png (window, "book-light.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  retainer_test_wait_frame (dialog);
  retainer_test_write_png (window, "book-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* The accountant's CSV, through the Export dialog's answer. */
  g_assert_true (retainer_book_dialog_export_csv_to (RETAINER_BOOK_DIALOG (dialog), csv));
  g_assert_true (g_file_get_contents (csv_path, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "row,company,file,month,tier,"));
  g_assert_nonnull (strstr (written, "\r\ntotal,,,,,48000,145,3000,80,6400,500,10045,37955,79.07,,USD\r\n"));

  /* A folder that does not exist: an alert that names the file. */
  g_assert_false (retainer_book_dialog_export_csv_to (RETAINER_BOOK_DIALOG (dialog), bad));
  retainer_test_settle ();
  alert = retainer_test_find_alert_dialog (window);
  g_assert_nonnull (alert);
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (alert), "book.csv"));
  retainer_test_respond (alert, "close");

  adw_dialog_force_close (dialog);
  retainer_test_settle ();
  g_assert_null (retainer_window_get_book_dialog (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* At 960 pixels the table still fits: a screenshot to look at. */
static void
test_dialog_narrow (void)
{
  RetainerWindow *window;
  AdwDialog *dialog;

  put_seed ();
  window = retainer_test_new_window (application, 960, 800);
  dialog = open_book (window);
  assert_seed_totals_shown (GTK_WIDGET (dialog));
  retainer_test_write_png (window, "book-960.png");
  adw_dialog_force_close (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_prospect (void)
{
  RetainerWindow *window;
  AdwSpinRow *use_cases;

  put_seed ();
  window = retainer_test_new_window (application, 1280, 900);
  load_growth_prospect (window);
  retainer_test_wait_frame (window);

  /* Growth: $5,000, the card's midpoints $14.50 + $300 + 5 hours at $80. */
  g_assert_nonnull (find_label (GTK_WIDGET (window), "$48,000 → $53,000"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "79.1% → 79.7%"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "80 → 85 of 160 hours"));
  {
    GtkWidget *group = gtk_widget_get_ancestor (
      GTK_WIDGET (find_label (GTK_WIDGET (window), "$48,000 → $53,000")),
      ADW_TYPE_PREFERENCES_GROUP);

    g_assert_nonnull (group);
    retainer_test_write_png (group, "book-prospect.png");
  }

  /* Live: a second use case bills $1,500 more a month. */
  use_cases = retainer_test_window_child (window, "use_cases_row");
  adw_spin_row_set_value (use_cases, 2);
  retainer_test_settle ();
  g_assert_nonnull (find_label (GTK_WIDGET (window), "$48,000 → $54,500"));
  g_assert_null (find_label (GTK_WIDGET (window), "$48,000 → $53,000"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_presentation (void)
{
  RetainerWindow *window;
  AdwDialog *dialog;
  GAction *book;

  put_seed ();
  window = retainer_test_new_window (application, 1280, 900);
  load_growth_prospect (window);
  dialog = open_book (window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "$48,000 → $53,000"));

  retainer_window_set_presenting (window, TRUE);
  retainer_test_settle ();
  retainer_test_wait_frame (window);

  /* The dialog closed, its action (and menu item) gone, the panel hidden. */
  g_assert_null (retainer_window_get_book_dialog (window));
  book = g_action_map_lookup_action (G_ACTION_MAP (window), "book");
  g_assert_false (g_action_get_enabled (book));
  g_assert_null (retainer_window_open_book (window));
  g_assert_null (retainer_test_find_label (window, "$48,000"));
  g_assert_null (retainer_test_find_label (window, "$10,045"));
  g_assert_null (retainer_test_find_label (window, "79.1%"));
  g_assert_null (retainer_test_find_label (window, "of 160 hours"));
  g_assert_null (retainer_test_find_label (window, "Adds to the Book"));
  retainer_test_write_png (window, "book-presenting.png");

  retainer_window_set_presenting (window, FALSE);
  retainer_test_settle ();
  retainer_test_wait_frame (window);
  g_assert_true (g_action_get_enabled (book));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "$48,000 → $53,000"));

  gtk_window_destroy (GTK_WINDOW (window));
  retainer_test_settle ();
  g_assert_null (dialog);
}

/* Agency Economics in the preferences: the seed's figures, a change saved
 * exactly, a figure that cannot be read marked and kept out; the window's
 * book follows once the preferences close. */
static void
test_preferences (void)
{
  RetainerWindow *window;
  RetainerPreferencesDialog *preferences;
  g_autoptr (GListModel) dialogs = NULL;
  GtkEditable *overhead, *staff_cost, *capacity;
  g_autoptr (RetainerAgency) stored = NULL;
  g_autoptr (GError) error = NULL;

  put_seed ();
  window = retainer_test_new_window (application, 1280, 900);
  load_growth_prospect (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  retainer_test_settle ();
  dialogs = adw_application_window_get_dialogs (ADW_APPLICATION_WINDOW (window));
  g_assert_cmpuint (g_list_model_get_n_items (dialogs), ==, 1);
  preferences = RETAINER_PREFERENCES_DIALOG (g_list_model_get_item (dialogs, 0));
  g_object_unref (preferences);   /* the window holds it */
  retainer_test_wait_frame (preferences);

  overhead = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                          RETAINER_TYPE_PREFERENCES_DIALOG,
                                                          "overhead_row"));
  staff_cost = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                            RETAINER_TYPE_PREFERENCES_DIALOG,
                                                            "staff_cost_row"));
  capacity = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                          RETAINER_TYPE_PREFERENCES_DIALOG,
                                                          "capacity_row"));
  g_assert_cmpstr (gtk_editable_get_text (overhead), ==, "500.00");
  g_assert_cmpstr (gtk_editable_get_text (staff_cost), ==, "80.00");
  g_assert_cmpstr (gtk_editable_get_text (capacity), ==, "160");

  /* 80 hours against 60: the team is over capacity. */
  gtk_editable_set_text (capacity, "60");
  gtk_editable_set_text (overhead, "1,000.50");
  gtk_editable_set_text (staff_cost, "eighty");
  g_assert_false (retainer_preferences_dialog_save (preferences));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (staff_cost), "error"));
  stored = retainer_agency_load_user (&error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->fixed_overhead, ==, 100050);
  g_assert_cmpint (stored->staff_cost_per_hour, ==, 8000);
  g_assert_cmpuint (stored->team_capacity_hours, ==, 60);

  gtk_editable_set_text (staff_cost, "80");
  g_assert_true (retainer_preferences_dialog_save (preferences));
  adw_dialog_close (ADW_DIALOG (preferences));
  retainer_test_settle ();
  retainer_test_wait_frame (window);

  /* $10,045 - $500 + $1,000.50 of costs: 78.0%; with the prospect
   * ($714.50 more) $11,260 of $53,000: 78.8%; 85 hours of 60. */
  g_assert_nonnull (find_label (GTK_WIDGET (window), "78.0% → 78.8%"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "80 → 85 of 60 hours"));
  g_assert_nonnull (find_label (GTK_WIDGET (window),
                               "The clients take 85 staff hours a month, more than the team’s "
                               "capacity of 60 hours."));
  /* And in the book itself, without the prospect. */
  {
    AdwDialog *dialog = open_book (window);

    g_assert_nonnull (find_label (GTK_WIDGET (dialog),
                                  "The clients take 80 staff hours a month, more than the team’s "
                                  "capacity of 60 hours."));
    g_assert_nonnull (find_label (GTK_WIDGET (dialog), "$10,545.50"));
    retainer_test_write_png (window, "book-over-capacity.png");
    adw_dialog_force_close (dialog);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  application = retainer_test_init_window_tests (&argc, &argv);

  g_test_add_func ("/ui/book/dialog", test_dialog);
  g_test_add_func ("/ui/book/dialog-960", test_dialog_narrow);
  g_test_add_func ("/ui/book/prospect", test_prospect);
  g_test_add_func ("/ui/book/presentation", test_presentation);
  g_test_add_func ("/ui/book/preferences", test_preferences);

  return retainer_test_run (application);
}
