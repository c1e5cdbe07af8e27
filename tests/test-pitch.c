/* test-pitch.c: the spend estimator, the proposal document's options and
 * revisions, the brand before the first PDF and the cautious case, in the
 * window (issue 10)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "retainer-agency.h"
#include "retainer-application.h"
#include "retainer-brand-dialog.h"
#include "retainer-document-dialog.h"
#include "retainer-estimator-dialog.h"
#include "retainer-savings-chart.h"
#include "retainer-window-pitch.h"
#include "retainer-window.h"
#include "ui-test-util.h"

static RetainerApplication *application;

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static RetainerWindow *
create_window (void)
{
  return retainer_test_new_window (application, 1280, 900);
}

/* The first widget of `type` in `widget`, depth first. */
static gpointer
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      gpointer found = find_widget (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Waits for a label (a queued toast shows once the one before it goes). */
static gboolean
wait_for_label (GtkWidget  *widget,
                const char *needle)
{
  for (guint i = 0; i < 400 && retainer_test_find_label (widget, needle) == NULL; i++)
    retainer_test_wait_ms (50);
  return retainer_test_find_label (widget, needle) != NULL;
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
store_agency (const char *fixture)
{
  g_autofree char *path = data_path (fixture);
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerAgency) agency = retainer_agency_load (path, &error);

  g_assert_no_error (error);
  g_assert_true (retainer_agency_save_user (agency, &error));
  g_assert_no_error (error);
}

static void
load_fixture (RetainerWindow *window,
              const char     *fixture,
              guint           horizon)
{
  g_autofree char *path = data_path (fixture);
  g_autoptr (GError) error = NULL;
  RetainerProposal *proposal = retainer_proposal_load (path, &error);

  g_assert_no_error (error);
  if (horizon > 0)
    proposal->horizon_months = horizon;
  retainer_window_load_proposal (window, proposal, NULL);
  retainer_test_settle ();
}

static gpointer
dialog_child (gpointer    dialog,
              GType       type,
              const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), type, name);

  g_assert_nonnull (object);
  return object;
}

static void
type_text (gpointer    editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  retainer_test_settle ();
}

static const char *
label_text (gpointer label)
{
  return gtk_label_get_label (GTK_LABEL (label));
}

/* Both colour schemes, of the whole window with what is on top of it. */
static void
screenshots (RetainerWindow *window,
             const char     *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strdup_printf ("pitch-%s-light.png", name);
  g_autofree char *dark = g_strdup_printf ("pitch-%s-dark.png", name);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  retainer_test_write_png (window, light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  retainer_test_write_png (window, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
undo (RetainerWindow *window)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  retainer_test_settle ();
}

static void
redo (RetainerWindow *window)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "redo"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "redo", NULL);
  retainer_test_settle ();
}

/* ------------------------------------------------------------------ */
/* The spend estimator                                                 */

static void
test_estimator (void)
{
  RetainerWindow *window = create_window ();
  g_autofree char *table_path = data_path ("price-table-example.json");
  g_autoptr (GFile) table_file = g_file_new_for_path (table_path);
  g_autofree char *kept = NULL;
  g_autofree char *shared_path = retainer_test_data_path ("shared-table.json");
  g_autoptr (GFile) shared_file = g_file_new_for_path (shared_path);
  g_autofree char *saved_path = retainer_test_data_path ("estimated.retainer");
  g_autofree char *user_dir = NULL;
  g_autoptr (RetainerProposal) saved = NULL;
  g_autoptr (RetainerPriceTable) shared = NULL;
  g_autoptr (GError) error = NULL;
  const RetainerProposal *proposal;
  AdwDialog *dialog;
  GtkWidget *basis_row = retainer_test_window_child (window, "spend_basis_row");
  gint64 spend_before = retainer_window_get_proposal (window)->monthly_api_spend;

  /* The spend row offers the estimator by name. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "estimate-spend"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "estimate-spend", NULL);
  retainer_test_settle ();
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (RETAINER_IS_ESTIMATOR_DIALOG (dialog));
  g_assert_false (gtk_widget_get_visible (basis_row));

  /* The founder's own table, through the file dialog's answer: listed,
   * selected with its date, and kept in the user's tables folder. */
  g_assert_true (retainer_estimator_dialog_open_table_file (RETAINER_ESTIMATOR_DIALOG (dialog),
                                                            table_file, &error));
  g_assert_no_error (error);
  user_dir = retainer_price_table_user_dir ();
  kept = g_build_filename (user_dir, "price-table-example.json", NULL);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (adw_combo_row_get_selected_item (dialog_child (dialog,
                     RETAINER_TYPE_ESTIMATOR_DIALOG, "table_row")) != NULL
                     ? gtk_string_object_get_string (adw_combo_row_get_selected_item (
                         dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG, "table_row")))
                     : NULL, ==, "Worked example");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (dialog_child (dialog,
                              RETAINER_TYPE_ESTIMATOR_DIALOG, "table_row")), "2026-11-02"));
  g_assert_true (retainer_estimator_dialog_select_model (RETAINER_ESTIMATOR_DIALOG (dialog),
                                                         "OpenAI", "GPT-4o"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (dialog_child (dialog,
                              RETAINER_TYPE_ESTIMATOR_DIALOG, "prices_row")),
                            "https://openai.com/api/pricing/"));

  /* Nothing to use until the usage is typed. */
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG,
                                                          "use_button")));
  type_text (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG, "requests_row"), "40,000");
  type_text (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG, "input_tokens_row"), "1,200");
  type_text (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG, "output_tokens_row"), "300");

  /* docs/calculation.md's worked example, live. */
  g_assert_cmpstr (label_text (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG,
                                             "monthly_spend_label")), ==, "$7,200");
  g_assert_nonnull (strstr (label_text (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG,
                                                      "request_cost_label")), "0.006"));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG,
                                                        "problem_label")));

  /* A figure that is not a whole number is named, and nothing can be used. */
  type_text (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG, "output_tokens_row"), "3x0");
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG,
                                                       "problem_label")));
  g_assert_true (g_str_has_prefix (label_text (dialog_child (dialog,
                                     RETAINER_TYPE_ESTIMATOR_DIALOG, "problem_label")),
                                   "Output tokens a request"));
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG,
                                                          "use_button")));
  type_text (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG, "output_tokens_row"), "300");
  screenshots (window, "estimator");

  /* Sharing: the chosen table, written to a file anyone can open. */
  g_assert_true (retainer_estimator_dialog_save_table_to (RETAINER_ESTIMATOR_DIALOG (dialog),
                                                          shared_file, &error));
  g_assert_no_error (error);
  shared = retainer_price_table_load (shared_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shared->name, ==, "Worked example");
  g_assert_cmpint (retainer_price_table_find_model (shared, "OpenAI", "GPT-4o"), ==, 0);

  /* Use This Spend: the spend and its basis, one undo step. */
  /* A click, not gtk_widget_activate (): a realized button only emits
   * "clicked" after its activation timeout, which a settle may not cover. */
  g_signal_emit_by_name (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG, "use_button"),
                         "clicked");
  retainer_test_settle ();
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  proposal = retainer_window_get_proposal (window);
  g_assert_cmpint (proposal->monthly_api_spend, ==, 720000);
  g_assert_nonnull (proposal->spend_estimate);
  g_assert_cmpint (proposal->spend_estimate->requests, ==, 40000);
  g_assert_cmpstr (proposal->spend_estimate->model, ==, "GPT-4o");
  g_assert_true (gtk_widget_get_visible (basis_row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (basis_row)),
                            "40,000 requests a day"));

  retainer_test_write_png (gtk_widget_get_parent (gtk_widget_get_parent (
                             gtk_widget_get_parent (basis_row))), "pitch-spend-basis.png");

  undo (window);
  proposal = retainer_window_get_proposal (window);
  g_assert_cmpint (proposal->monthly_api_spend, ==, spend_before);
  g_assert_null (proposal->spend_estimate);
  g_assert_false (gtk_widget_get_visible (basis_row));
  redo (window);
  proposal = retainer_window_get_proposal (window);
  g_assert_cmpint (proposal->monthly_api_spend, ==, 720000);
  g_assert_nonnull (proposal->spend_estimate);

  /* The basis is in the file. */
  g_assert_true (retainer_window_save_to (window, saved_path, &error));
  g_assert_no_error (error);
  saved = retainer_proposal_load (saved_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved->spend_estimate);
  g_assert_cmpint (saved->monthly_api_spend, ==, 720000);
  g_assert_cmpint (saved->spend_estimate->requests, ==, 40000);
  g_assert_cmpint (saved->spend_estimate->input_tokens, ==, 1200);
  g_assert_cmpint (saved->spend_estimate->output_tokens, ==, 300);
  g_assert_cmpint (saved->spend_estimate->input_price, ==, 2500000);
  g_assert_cmpint (saved->spend_estimate->output_price, ==, 10000000);
  g_assert_cmpstr (saved->spend_estimate->prices_read, ==, "2026-11-02");

  /* Opened again, the estimator starts from the basis. */
  dialog = retainer_window_open_estimator (window);
  retainer_test_settle ();
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG,
                                                        "requests_row")), ==, "40,000");
  g_assert_cmpstr (label_text (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG,
                                             "monthly_spend_label")), ==, "$7,200");
  adw_dialog_force_close (dialog);
  retainer_test_settle ();

  /* A spend typed by hand is no longer the estimate. */
  type_text (retainer_test_window_child (window, "monthly_spend_row"), "8,000");
  proposal = retainer_window_get_proposal (window);
  g_assert_cmpint (proposal->monthly_api_spend, ==, 800000);
  g_assert_null (proposal->spend_estimate);
  g_assert_false (gtk_widget_get_visible (basis_row));

  retainer_test_destroy_window (window);
}

/* Not in US dollars: the rate is asked for, and converts exactly. */
static void
test_estimator_exchange_rate (void)
{
  RetainerWindow *window = create_window ();
  g_autofree char *table_path = data_path ("price-table-example.json");
  g_autoptr (GFile) table_file = g_file_new_for_path (table_path);
  g_autoptr (RetainerProposal) euros = NULL;
  g_autoptr (GError) error = NULL;
  AdwDialog *dialog;

  euros = retainer_proposal_copy (retainer_window_get_proposal (window));
  g_free (euros->currency);
  euros->currency = g_strdup ("EUR");
  retainer_window_load_proposal (window, g_steal_pointer (&euros), NULL);
  retainer_test_settle ();

  dialog = retainer_window_open_estimator (window);
  retainer_test_settle ();
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG,
                                                       "rate_group")));
  g_assert_true (retainer_estimator_dialog_open_table_file (RETAINER_ESTIMATOR_DIALOG (dialog),
                                                            table_file, &error));
  g_assert_true (retainer_estimator_dialog_select_model (RETAINER_ESTIMATOR_DIALOG (dialog),
                                                         "OpenAI", "GPT-4o"));
  type_text (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG, "requests_row"), "40,000");
  type_text (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG, "input_tokens_row"), "1,200");
  type_text (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG, "output_tokens_row"), "300");
  /* No rate yet: said so, nothing to use. */
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG,
                                                       "problem_label")));
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG,
                                                          "use_button")));
  type_text (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG, "rate_row"), "0.92");
  g_assert_cmpstr (label_text (dialog_child (dialog, RETAINER_TYPE_ESTIMATOR_DIALOG,
                                             "monthly_spend_label")), ==, "€6,624");
  g_assert_true (retainer_estimator_dialog_use (RETAINER_ESTIMATOR_DIALOG (dialog)));
  retainer_test_settle ();
  g_assert_cmpint (retainer_window_get_proposal (window)->monthly_api_spend, ==, 662400);
  g_assert_cmpstr (retainer_window_get_proposal (window)->spend_estimate->currency, ==, "EUR");
  g_assert_cmpint (retainer_window_get_proposal (window)->spend_estimate->exchange_rate, ==, 920000);

  retainer_test_destroy_window (window);
}

/* ------------------------------------------------------------------ */
/* Options and revisions                                               */

static void
test_revisions (void)
{
  RetainerWindow *window;
  g_autofree char *pdf_path = retainer_test_data_path ("revised.pdf");
  g_autofree char *proposal_path = retainer_test_data_path ("revised.retainer");
  g_autoptr (GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr (RetainerProposal) saved = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  const RetainerProposal *proposal;
  const RetainerRevision *first, *second;
  AdwDialog *dialog;
  GListModel *rows;
  g_autoptr (GtkWidget) row_1 = NULL;
  g_autoptr (GtkWidget) row_2 = NULL;

  if (!retainer_test_have_pdftotext ())
    return;

  store_agency ("agency-acme.json");
  window = create_window ();
  load_fixture (window, "good-worked-example-1.retainer", 0);
  g_assert_true (retainer_window_save_to (window, proposal_path, &error));
  g_assert_no_error (error);

  /* The first export: the number and revision 1, recorded in the file. */
  g_assert_true (retainer_window_export_pdf_to (window, pdf));
  retainer_test_settle ();
  g_assert_null (retainer_test_find_alert_dialog (window));
  g_assert_nonnull (retainer_test_find_label (window, "Exported AC-0042, revision 1"));
  g_assert_false (retainer_window_get_modified (window));

  /* An option, from the Proposal Document dialog: one undo step. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "proposal-document"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "proposal-document", NULL);
  retainer_test_settle ();
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (RETAINER_IS_DOCUMENT_DIALOG (dialog));
  rows = retainer_document_dialog_get_revision_rows (RETAINER_DOCUMENT_DIALOG (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  g_assert_false (retainer_window_get_proposal (window)->option_annual_prepay);
  retainer_window_set_option_annual_prepay (window, TRUE);
  adw_spin_row_set_value (find_widget (GTK_WIDGET (dialog), ADW_TYPE_SPIN_ROW), 2);
  retainer_test_settle ();
  /* The first-year totals with and without the options (the dialog may
   * still be laying itself out after the change). */
  g_assert_true (wait_for_label (GTK_WIDGET (dialog), "$30,000"));
  g_assert_true (wait_for_label (GTK_WIDGET (dialog), "first year $66,000"));
  g_assert_true (wait_for_label (GTK_WIDGET (dialog), "First year $27,600, paid up front"));
  proposal = retainer_window_get_proposal (window);
  g_assert_true (proposal->option_annual_prepay);
  g_assert_cmpuint (proposal->option_extra_use_cases, ==, 2);
  g_assert_true (retainer_window_get_modified (window));
  undo (window);
  g_assert_cmpuint (retainer_window_get_proposal (window)->option_extra_use_cases, ==, 0);
  g_assert_true (retainer_window_get_proposal (window)->option_annual_prepay);
  /* The open dialog follows the undo. */
  g_assert_cmpfloat (adw_spin_row_get_value (find_widget (GTK_WIDGET (dialog), ADW_TYPE_SPIN_ROW)),
                     ==, 0);
  redo (window);
  g_assert_cmpfloat (adw_spin_row_get_value (find_widget (GTK_WIDGET (dialog), ADW_TYPE_SPIN_ROW)),
                     ==, 2);
  g_assert_cmpuint (retainer_window_get_proposal (window)->option_extra_use_cases, ==, 2);
  adw_dialog_force_close (dialog);
  retainer_test_settle ();

  /* A figure changes: the spend. */
  type_text (retainer_test_window_child (window, "monthly_spend_row"), "6,000");
  g_assert_cmpint (retainer_window_get_proposal (window)->monthly_api_spend, ==, 600000);

  /* The second export is revision 2, and the file lists both. */
  g_assert_cmpint (g_unlink (pdf_path), ==, 0);
  g_assert_true (retainer_window_export_pdf_to (window, pdf));
  retainer_test_settle ();
  g_assert_null (retainer_test_find_alert_dialog (window));
  g_assert_true (wait_for_label (GTK_WIDGET (window), "Exported AC-0042, revision 2"));
  text = retainer_test_pdf_text (pdf_path);
  g_assert_nonnull (strstr (text, "AC-0042, revision 2"));

  saved = retainer_proposal_load (proposal_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->number, ==, "AC-0042");
  g_assert_nonnull (saved->revisions);
  g_assert_cmpuint (saved->revisions->len, ==, 2);
  first = g_ptr_array_index (saved->revisions, 0);
  second = g_ptr_array_index (saved->revisions, 1);
  g_assert_cmpuint (first->revision, ==, 1);
  g_assert_cmpuint (second->revision, ==, 2);
  g_assert_cmpstr (first->digest, !=, second->digest);
  g_assert_true (saved->option_annual_prepay);
  g_assert_cmpuint (saved->option_extra_use_cases, ==, 2);
  g_assert_false (retainer_window_get_modified (window));

  /* The dialog lists both, the second as the current figures. */
  dialog = retainer_window_open_document_dialog (window);
  retainer_test_settle ();
  rows = retainer_document_dialog_get_revision_rows (RETAINER_DOCUMENT_DIALOG (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  row_1 = g_list_model_get_item (rows, 0);
  row_2 = g_list_model_get_item (rows, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_1)), ==,
                   "AC-0042, revision 1");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_2)), ==,
                   "AC-0042, revision 2");
  g_assert_false (gtk_widget_has_css_class (row_1, "current-revision"));
  g_assert_true (gtk_widget_has_css_class (row_2, "current-revision"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_2)), "Essentials"));
  screenshots (window, "document");

  /* The cautious switch, from the dialog: one undo step, and the
   * document changed. */
  g_assert_true (retainer_window_get_proposal (window)->show_cautious_range);
  {
    AdwSwitchRow *cautious_row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_SWITCH_ROW);

    g_assert_nonnull (cautious_row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (cautious_row)), ==,
                     "Show the cautious range");
    g_assert_true (adw_switch_row_get_active (cautious_row));
    adw_switch_row_set_active (cautious_row, FALSE);
    retainer_test_settle ();
  }
  g_assert_false (retainer_window_get_proposal (window)->show_cautious_range);
  g_assert_true (retainer_window_get_modified (window));
  undo (window);
  g_assert_true (retainer_window_get_proposal (window)->show_cautious_range);
  g_assert_false (retainer_window_get_modified (window));
  adw_dialog_force_close (dialog);
  retainer_test_settle ();
  retainer_test_destroy_window (window);
}

/* ------------------------------------------------------------------ */
/* The brand before the first PDF                                      */

static void
test_brand_first (void)
{
  RetainerWindow *window;
  g_autofree char *pdf_path = retainer_test_data_path ("neutral.pdf");
  g_autofree char *branded_path = retainer_test_data_path ("branded.pdf");
  g_autoptr (GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr (GFile) branded = g_file_new_for_path (branded_path);
  g_autofree char *profile = retainer_agency_user_path ();
  g_autofree char *text = NULL;
  g_autoptr (RetainerAgency) agency = NULL;
  g_autoptr (GError) error = NULL;
  AdwDialog *dialog;

  if (!retainer_test_have_pdftotext ())
    return;

  retainer_brand_setup_reset ();
  g_assert_false (g_file_test (profile, G_FILE_TEST_EXISTS));
  window = create_window ();
  g_assert_true (retainer_window_needs_brand (window));

  /* Export, on a clean profile, asks for the brand first. */
  retainer_window_begin_export (window, pdf);
  retainer_test_settle ();
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (RETAINER_IS_BRAND_DIALOG (dialog));
  g_assert_false (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
  screenshots (window, "brand");

  /* Skip: a neutral document, and no second question this session. */
  retainer_brand_dialog_skip (RETAINER_BRAND_DIALOG (dialog));
  retainer_test_settle ();
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));
  text = retainer_test_pdf_text (pdf_path);
  g_assert_null (strstr (text, "our agency"));
  g_assert_null (strstr (text, "Our agency"));
  g_assert_false (retainer_window_needs_brand (window));
  retainer_window_begin_export (window, pdf);
  retainer_test_settle ();
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));

  /* Another session (the skip forgotten): Continue stores the brand, and
   * the PDF carries it. */
  retainer_brand_setup_reset ();
  g_assert_true (retainer_window_needs_brand (window));
  retainer_window_begin_export (window, branded);
  retainer_test_settle ();
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (RETAINER_IS_BRAND_DIALOG (dialog));
  {
    AdwEntryRow *name_row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);

    g_assert_nonnull (name_row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (name_row)), ==,
                     "Agency name");
    gtk_editable_set_text (GTK_EDITABLE (name_row), "Northwind Labs");
  }
  g_assert_true (retainer_brand_dialog_continue (RETAINER_BRAND_DIALOG (dialog)));
  retainer_test_settle ();
  agency = retainer_agency_load_user (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (agency->name, ==, "Northwind Labs");
  g_free (text);
  text = retainer_test_pdf_text (branded_path);
  g_assert_nonnull (strstr (text, "Northwind Labs"));
  g_assert_false (retainer_window_needs_brand (window));

  retainer_test_destroy_window (window);
}

/* ------------------------------------------------------------------ */
/* The cautious case                                                   */

static void
test_cautious (void)
{
  RetainerWindow *window = create_window ();
  RetainerSavingsChart *chart = retainer_test_window_child (window, "savings_chart");

  /* docs/calculation.md's worked example 1, over 12 months: $500 a month once live,
   * -$1,000 at 12 months, no break-even. */
  load_fixture (window, "good-worked-example-1.retainer", 12);
  g_assert_true (gtk_widget_get_visible (retainer_test_window_child (window, "cautious_group")));
  g_assert_cmpstr (label_text (retainer_test_window_child (window, "cautious_saving_label")), ==,
                   "$500");
  g_assert_cmpstr (label_text (retainer_test_window_child (window, "cautious_net_12_label")), ==,
                   "−$1,000");
  g_assert_cmpstr (label_text (retainer_test_window_child (window, "cautious_break_even_label")),
                   ==, "no break-even within 12 months");
  g_assert_cmpuint (retainer_savings_chart_get_n_cautious_months (chart), ==, 13);

  /* Over 24 months the cautious case breaks even exactly at month 14. */
  load_fixture (window, "good-worked-example-1.retainer", 24);
  g_assert_cmpstr (label_text (retainer_test_window_child (window, "cautious_break_even_label")),
                   ==, "month 14");
  g_assert_cmpstr (label_text (retainer_test_window_child (window, "cautious_net_12_label")), ==,
                   "−$1,000");
  g_assert_cmpuint (retainer_savings_chart_get_n_cautious_months (chart), ==, 25);
  screenshots (window, "cautious");
  retainer_test_write_png (retainer_test_window_child (window, "cautious_group"),
                           "pitch-cautious-panel.png");

  /* Private figures: hidden while presenting. */
  retainer_window_set_presenting (window, TRUE);
  retainer_test_settle ();
  g_assert_false (gtk_widget_get_visible (retainer_test_window_child (window, "cautious_group")));
  retainer_window_set_presenting (window, FALSE);
  retainer_test_settle ();
  g_assert_true (gtk_widget_get_visible (retainer_test_window_child (window, "cautious_group")));

  retainer_test_destroy_window (window);
}

/* The proposal's use cases and those its option offers are at most 50
 * together: neither field goes past what the other leaves, and what the
 * window saves opens again. */
static void
test_use_case_limit (void)
{
  g_autofree char *proposal_path = retainer_test_data_path ("limit.retainer");
  g_autoptr (RetainerProposal) saved = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *use_cases_row;
  RetainerWindow *window;
  AdwDialog *dialog;
  AdwSpinRow *extra;
  const char *subtitle;

  window = create_window ();
  load_fixture (window, "good-worked-example-1.retainer", 0);
  use_cases_row = retainer_test_window_child (window, "use_cases_row");
  type_text (use_cases_row, "4");
  g_assert_cmpuint (retainer_window_get_proposal (window)->use_cases, ==, 4);

  dialog = retainer_window_open_document_dialog (window);
  retainer_test_settle ();
  extra = find_widget (GTK_WIDGET (dialog), ADW_TYPE_SPIN_ROW);
  g_assert_nonnull (extra);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adw_spin_row_get_adjustment (extra)), ==, 46);
  adw_spin_row_set_value (extra, 50);
  retainer_test_settle ();
  g_assert_cmpuint (retainer_window_get_proposal (window)->option_extra_use_cases, ==, 46);
  g_assert_cmpfloat (adw_spin_row_get_value (extra), ==, 46);
  adw_dialog_force_close (dialog);
  retainer_test_settle ();

  /* One more use case would make 51: refused, and the field says what it takes. */
  type_text (use_cases_row, "5");
  g_assert_cmpuint (retainer_window_get_proposal (window)->use_cases, ==, 4);
  g_assert_true (gtk_widget_has_css_class (use_cases_row, "error"));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (use_cases_row));
  g_assert_nonnull (strstr (subtitle, "range of 1 to 4"));
  g_assert_nonnull (strstr (subtitle, "The value stays 4"));
  type_text (use_cases_row, "3");
  g_assert_false (gtk_widget_has_css_class (use_cases_row, "error"));
  g_assert_cmpuint (retainer_window_get_proposal (window)->use_cases, ==, 3);

  dialog = retainer_window_open_document_dialog (window);
  retainer_test_settle ();
  extra = find_widget (GTK_WIDGET (dialog), ADW_TYPE_SPIN_ROW);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adw_spin_row_get_adjustment (extra)), ==, 47);
  g_assert_cmpfloat (adw_spin_row_get_value (extra), ==, 46);
  adw_dialog_force_close (dialog);
  retainer_test_settle ();

  g_assert_true (retainer_window_save_to (window, proposal_path, &error));
  g_assert_no_error (error);
  saved = retainer_proposal_load (proposal_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->use_cases, ==, 3);
  g_assert_cmpuint (saved->option_extra_use_cases, ==, 46);

  retainer_test_destroy_window (window);
}

/* An export is on paper: undo takes back the edit before it, not the
 * revision, so the next export is revision 2, never a second revision 1. */
static void
test_undo_keeps_revisions (void)
{
  g_autofree char *pdf_path = retainer_test_data_path ("undone.pdf");
  g_autofree char *proposal_path = retainer_test_data_path ("undone.retainer");
  g_autoptr (GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr (RetainerProposal) saved = NULL;
  g_autoptr (RetainerProposal) reopened = NULL;
  g_autoptr (GError) error = NULL;
  const RetainerProposal *proposal;
  RetainerWindow *window;

  store_agency ("agency-acme.json");
  window = create_window ();
  load_fixture (window, "good-worked-example-1.retainer", 0);
  g_assert_true (retainer_window_save_to (window, proposal_path, &error));
  g_assert_no_error (error);

  type_text (retainer_test_window_child (window, "monthly_spend_row"), "6,000");
  g_assert_cmpint (retainer_window_get_proposal (window)->monthly_api_spend, ==, 600000);
  g_assert_true (retainer_window_export_pdf_to (window, pdf));
  retainer_test_settle ();
  g_assert_true (wait_for_label (GTK_WIDGET (window), "Exported AC-0042, revision 1"));

  undo (window);
  proposal = retainer_window_get_proposal (window);
  g_assert_cmpint (proposal->monthly_api_spend, ==, 500000);
  g_assert_cmpstr (proposal->number, ==, "AC-0042");
  g_assert_cmpuint (proposal->revisions->len, ==, 1);
  redo (window);
  g_assert_cmpint (retainer_window_get_proposal (window)->monthly_api_spend, ==, 600000);
  g_assert_cmpuint (retainer_window_get_proposal (window)->revisions->len, ==, 1);
  undo (window);

  g_assert_true (retainer_window_save_to (window, proposal_path, &error));
  g_assert_no_error (error);
  saved = retainer_proposal_load (proposal_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->monthly_api_spend, ==, 500000);
  g_assert_cmpuint (saved->revisions->len, ==, 1);

  type_text (retainer_test_window_child (window, "setup_fee_row"), "7,000");
  g_assert_cmpint (g_unlink (pdf_path), ==, 0);
  g_assert_true (retainer_window_export_pdf_to (window, pdf));
  retainer_test_settle ();
  g_assert_true (wait_for_label (GTK_WIDGET (window), "Exported AC-0042, revision 2"));
  reopened = retainer_proposal_load (proposal_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reopened->revisions->len, ==, 2);
  g_assert_cmpstr (((RetainerRevision *) g_ptr_array_index (reopened->revisions, 0))->digest, !=,
                   ((RetainerRevision *) g_ptr_array_index (reopened->revisions, 1))->digest);

  retainer_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  application = retainer_test_init_window_tests (&argc, &argv);

  g_test_add_func ("/ui/pitch/estimator", test_estimator);
  g_test_add_func ("/ui/pitch/estimator-exchange-rate", test_estimator_exchange_rate);
  g_test_add_func ("/ui/pitch/revisions", test_revisions);
  g_test_add_func ("/ui/pitch/brand-first", test_brand_first);
  g_test_add_func ("/ui/pitch/cautious", test_cautious);
  g_test_add_func ("/ui/pitch/use-case-limit", test_use_case_limit);
  g_test_add_func ("/ui/pitch/undo-keeps-revisions", test_undo_keeps_revisions);

  return retainer_test_run (application);
}
