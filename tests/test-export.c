/* test-export.c: Export PDF from the window, as the save dialog's answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "retainer-agency.h"
#include "retainer-application.h"
#include "retainer-money.h"
#include "retainer-tier-card.h"
#include "retainer-window.h"
#include "ui-test-util.h"

static RetainerApplication *application;

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static RetainerWindow *
create_window (void)
{
  return retainer_test_new_window (application, 1280, 800);
}

/* Stores the fixture as the user's agency profile. */
static void
store_agency (const char *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", fixture, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerAgency) agency = retainer_agency_load (path, &error);

  g_assert_no_error (error);
  g_assert_true (retainer_agency_save_user (agency, &error));
  g_assert_no_error (error);
}

static guint
stored_next_number (void)
{
  g_autofree char *path = retainer_agency_user_path ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerAgency) agency = retainer_agency_load (path, &error);

  g_assert_no_error (error);
  return agency->next_number;
}

static char *
today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
set_company (RetainerWindow *window,
             const char     *company)
{
  gtk_editable_set_text (GTK_EDITABLE (retainer_test_window_child (window, "company_row")), company);
  retainer_test_settle ();
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */

static void
test_suggested_name (void)
{
  RetainerWindow *window = create_window ();
  g_autofree char *date = today ();
  g_autofree char *name = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (RetainerProposal) dated = NULL;

  set_company (window, "Zakład Usług Księgowych Łódź");
  name = retainer_window_suggest_pdf_name (window);
  expected = g_strdup_printf ("Proposal - Zakład Usług Księgowych Łódź - %s.pdf", date);
  g_assert_cmpstr (name, ==, expected);

  /* No folders, no characters other systems refuse. */
  set_company (window, "Smith/Jones: \"A|B\" <Partners>?*");
  g_free (name);
  g_free (expected);
  name = retainer_window_suggest_pdf_name (window);
  expected = g_strdup_printf ("Proposal - Smith-Jones- AB Partners - %s.pdf", date);
  g_assert_cmpstr (name, ==, expected);

  set_company (window, "");
  g_free (name);
  g_free (expected);
  name = retainer_window_suggest_pdf_name (window);
  expected = g_strdup_printf ("Proposal - New Proposal - %s.pdf", date);
  g_assert_cmpstr (name, ==, expected);

  /* A 120-character name still fits a file system's 255 bytes. */
  set_company (window, "Ąęśćźżółń Ąęśćźżółń Ąęśćźżółń Ąęśćźżółń Ąęśćźżółń Ąęśćźżółń "
                       "Ąęśćźżółń Ąęśćźżółń Ąęśćźżółń Ąęśćźżółń Ąęśćźżółń Ąęśćźż");
  g_free (name);
  name = retainer_window_suggest_pdf_name (window);
  g_assert_cmpuint (strlen (name), <=, 255);
  g_assert_true (g_str_has_suffix (name, ".pdf"));
  g_assert_true (g_utf8_validate (name, -1, NULL));

  /* An exported proposal keeps its date. */
  dated = retainer_proposal_copy (retainer_window_get_proposal (window));
  g_free (dated->company);
  dated->company = g_strdup ("Acme");
  dated->number = g_strdup ("RT-0007");
  dated->date = g_strdup ("2025-03-04");
  retainer_window_load_proposal (window, g_steal_pointer (&dated), NULL);
  g_free (name);
  name = retainer_window_suggest_pdf_name (window);
  g_assert_cmpstr (name, ==, "Proposal - Acme - 2025-03-04.pdf");

  retainer_test_destroy_window (window);
}

static void
test_export_numbers_proposal (void)
{
  RetainerWindow *window;
  g_autofree char *path = retainer_test_data_path ("proposal.pdf");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autofree char *date = today ();
  g_autofree char *uri = NULL;
  const RetainerProposal *proposal;

  if (!retainer_test_have_pdftotext ())
    return;

  store_agency ("agency-acme.json");
  g_assert_cmpuint (stored_next_number (), ==, 42);

  window = create_window ();
  g_assert_true (gtk_widget_get_sensitive (retainer_test_window_child (window, "export_button")));
  set_company (window, "Zakład Usług Księgowych Łódź");
  g_assert_null (retainer_window_get_proposal (window)->number);

  g_assert_true (retainer_window_export_pdf_to (window, file));
  retainer_test_settle ();
  g_assert_null (retainer_test_find_alert_dialog (window));

  text = retainer_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "Zakład Usług Księgowych Łódź"));
  g_assert_nonnull (strstr (text, "AC-0042"));

  /* The number is the proposal's now, and used up in the profile. */
  proposal = retainer_window_get_proposal (window);
  g_assert_cmpstr (proposal->number, ==, "AC-0042");
  g_assert_cmpstr (proposal->date, ==, date);
  g_assert_true (retainer_window_get_modified (window));
  g_assert_cmpuint (stored_next_number (), ==, 43);

  /* The toast names the proposal and its revision, and offers to open the PDF. */
  g_assert_nonnull (retainer_test_find_label (window, "Exported AC-0042, revision 1"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "open-exported"));
  /* Open goes through GtkFileLauncher; the isolated test folders register
   * no PDF viewer, so it says why it could not. */
  uri = g_file_get_uri (file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-exported", "s", uri));
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *why = g_strdup_printf ("Could not open %s: ", name);

    for (guint i = 0; i < 200 && retainer_test_find_label (window, why) == NULL; i++)
      retainer_test_wait_ms (50);
    g_assert_nonnull (retainer_test_find_label (window, why));
  }

  /* Exporting again prints the same number and uses up no other. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (retainer_window_export_pdf_to (window, file));
  g_free (text);
  text = retainer_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "AC-0042"));
  g_assert_cmpstr (retainer_window_get_proposal (window)->number, ==, "AC-0042");
  g_assert_cmpuint (stored_next_number (), ==, 43);

  retainer_test_destroy_window (window);
}

static void
test_failed_export_changes_nothing (void)
{
  RetainerWindow *window;
  g_autofree char *plain = retainer_test_data_path ("plain-file.txt");
  g_autofree char *path = g_build_filename (plain, "proposal.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (RetainerProposal) before = NULL;
  AdwAlertDialog *dialog;

  store_agency ("agency-acme.json");
  /* Root ignores permissions; a file where a folder should be stops anyone. */
  g_assert_true (g_file_set_contents (plain, "not a folder", -1, NULL));

  window = create_window ();
  set_company (window, "Acme Robotics");
  before = retainer_proposal_copy (retainer_window_get_proposal (window));

  g_assert_false (retainer_window_export_pdf_to (window, file));
  dialog = retainer_test_find_alert_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Could Not Export the PDF");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "proposal.pdf"));
  retainer_test_respond (dialog, "close");

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (stored_next_number (), ==, 42);
  g_assert_true (retainer_proposal_equal (retainer_window_get_proposal (window), before));
  g_assert_null (retainer_window_get_proposal (window)->number);
  g_assert_null (retainer_test_find_label (window, "Exported"));

  /* The proposal's own file, chosen for the PDF: refused, the file intact. */
  {
    g_autofree char *proposal_path = retainer_test_data_path ("acme.retainer");
    g_autoptr (GFile) proposal_file = g_file_new_for_path (proposal_path);
    g_autoptr (GError) error = NULL;
    g_autofree char *saved = NULL;
    g_autofree char *after = NULL;

    g_assert_true (retainer_window_save_to (window, proposal_path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (proposal_path, &saved, NULL, NULL));
    g_assert_false (retainer_window_export_pdf_to (window, proposal_file));
    dialog = retainer_test_find_alert_dialog (window);
    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog),
                              "acme.retainer is the proposal itself"));
    retainer_test_respond (dialog, "close");
    g_assert_true (g_file_get_contents (proposal_path, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, saved);
    g_assert_cmpuint (stored_next_number (), ==, 42);
  }

  retainer_test_destroy_window (window);
}

/* The export dialog opens in Documents, not wherever the process was
 * started, then in the folder of the last export while it exists. */
static void
test_export_folder (void)
{
  /* Documents as the session names it; the isolated test session names
   * none, and then it is the home folder. */
  const char *special = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  const char *documents = special != NULL && g_file_test (special, G_FILE_TEST_IS_DIR)
                            ? special : g_get_home_dir ();
  g_autofree char *exports = g_build_filename (g_get_user_data_dir (), "Exports", "Acme", NULL);
  g_autofree char *path = g_build_filename (exports, "proposal.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *cwd = g_get_current_dir ();
  RetainerWindow *window;
  GFile *folder;

  store_agency ("agency-acme.json");
  g_assert_cmpint (g_mkdir_with_parents (exports, 0700), ==, 0);

  window = create_window ();
  folder = retainer_window_get_export_folder (window);
  g_assert_cmpstr (g_file_peek_path (folder), ==, documents);
  /* The test runs in the build folder: not where the dialog opens. */
  g_assert_cmpstr (g_file_peek_path (folder), !=, cwd);
  g_object_unref (folder);

  g_assert_true (retainer_window_export_pdf_to (window, file));
  retainer_test_settle ();
  folder = retainer_window_get_export_folder (window);
  g_assert_cmpstr (g_file_peek_path (folder), ==, exports);
  g_object_unref (folder);
  retainer_test_destroy_window (window);

  /* Remembered for the next window; gone, it is Documents again. */
  window = create_window ();
  folder = retainer_window_get_export_folder (window);
  g_assert_cmpstr (g_file_peek_path (folder), ==, exports);
  g_object_unref (folder);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (exports), ==, 0);
  folder = retainer_window_get_export_folder (window);
  g_assert_cmpstr (g_file_peek_path (folder), ==, documents);
  g_object_unref (folder);
  retainer_test_destroy_window (window);
}

/* Whitespace runs as one space, no-break spaces too: a cell that wraps in
 * the PDF reads as the line it is on screen. */
static char *
collapse_spaces (const char *text)
{
  g_autoptr (GRegex) spaces = g_regex_new ("[\\s\u00a0\u202f]+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

static void
assert_in_pdf (const char *pdf_text_collapsed,
               const char *what,
               const char *window_text)
{
  g_autofree char *needle = collapse_spaces (window_text);

  g_test_message ("%s: “%s”", what, needle);
  g_assert_cmpstr (needle, !=, "");
  if (strstr (pdf_text_collapsed, needle) == NULL)
    g_error ("the window says “%s” for %s, the PDF does not", needle, what);
}

/* The window and the PDF say the same for the same proposal: the
 * break-even phrase, the plan names, what each plan saves (a plan that
 * saves nothing included) and when it is paid back. Read from the
 * window's labels, found in pdftotext's text. */
static void
test_same_words_as_pdf (void)
{
  g_autofree char *path = retainer_test_data_path ("same-words.pdf");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  RetainerWindow *window;
  RetainerProposal *proposal;
  GtkWidget *tiers;
  guint n_cards = 0;
  gboolean saw_no_saving = FALSE;

  if (!retainer_test_have_pdftotext ())
    return;

  store_agency ("agency-acme.json");
  window = create_window ();
  /* A spend at which the dearest plan saves nothing. */
  proposal = retainer_proposal_copy (retainer_window_get_proposal (window));
  proposal->monthly_api_spend = retainer_money_from_major (9000);
  retainer_window_load_proposal (window, proposal, NULL);
  retainer_test_wait_frame (window);

  g_assert_true (retainer_window_export_pdf_to (window, file));
  retainer_test_settle ();
  raw = retainer_test_pdf_text (path);
  text = collapse_spaces (raw);

  assert_in_pdf (text, "the break-even",
                 gtk_label_get_text (retainer_test_window_child (window, "break_even_value")));
  assert_in_pdf (text, "the plan", gtk_label_get_text (retainer_test_window_child (window,
                                                                                  "tier_name_label")));
  assert_in_pdf (text, "the monthly saving",
                 gtk_label_get_text (retainer_test_window_child (window, "saving_value")));
  tiers = retainer_test_window_child (window, "tiers_box");
  for (GtkWidget *card = gtk_widget_get_first_child (tiers); card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      static const char * const labels[] = { "name_label", "saving_label", "break_even_label" };
      const RetainerTierOption *option =
        &g_array_index (retainer_window_get_result (window)->tier_options, RetainerTierOption,
                        n_cards);

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        {
          GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (card, RETAINER_TYPE_TIER_CARD,
                                                                      labels[i]));

          assert_in_pdf (text, labels[i], gtk_label_get_text (label));
        }
      if (option->monthly_saving <= 0)
        saw_no_saving = TRUE;
      n_cards++;
    }
  g_assert_cmpuint (n_cards, ==, 3);
  g_assert_true (saw_no_saving);
  /* Nowhere a saving below zero a month. */
  g_assert_null (strstr (text, "−"));

  retainer_test_destroy_window (window);
}

static void
test_missing_logo_warns (void)
{
  RetainerWindow *window;
  g_autofree char *profile = retainer_agency_user_path ();
  g_autofree char *dir = g_path_get_dirname (profile);
  g_autofree char *path = retainer_test_data_path ("no-logo.pdf");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  const char *json = "{ \"format\": \"retainer-agency\", \"version\": 1, "
                     "\"name\": \"Lost Logo Ltd\", \"logo\": \"agency-logo.png\", "
                     "\"number_prefix\": \"LL-\", \"next_number\": 5 }";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (profile, json, -1, NULL));

  window = create_window ();
  g_assert_true (retainer_window_export_pdf_to (window, file));
  retainer_test_settle ();
  g_assert_null (retainer_test_find_alert_dialog (window));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (retainer_window_get_proposal (window)->number, ==, "LL-0005");
  /* A logo gone missing does not stop the numbers. */
  g_assert_cmpuint (stored_next_number (), ==, 6);

  /* The warning follows the success toast. */
  g_assert_nonnull (retainer_test_find_label (window, "Exported LL-0005, revision 1"));
  for (guint i = 0; i < 100 && retainer_test_find_label (window, "could not be found") == NULL; i++)
    retainer_test_wait_ms (100);
  g_assert_nonnull (retainer_test_find_label (window, "agency-logo.png could not be found"));

  retainer_test_destroy_window (window);
}

/* An answer that comes after its window was closed (here the launcher's,
 * as the file dialogs' would) finds the window still valid, through the
 * reference it holds, does nothing with it, and then lets it go. */
static void
test_late_answer_after_close (void)
{
  RetainerWindow *window = create_window ();
  g_autofree char *path = retainer_test_data_path ("late.pdf");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  store_agency ("agency-acme.json");
  g_assert_true (retainer_window_export_pdf_to (window, file));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-exported", "s", uri));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  /* Not yet: the launcher's callback still holds it. */
  g_assert_nonnull (window);
  for (guint i = 0; i < 200 && window != NULL; i++)
    retainer_test_wait_ms (50);
  g_assert_null (window);
}

int
main (int   argc,
      char *argv[])
{
  application = retainer_test_init_window_tests (&argc, &argv);

  g_test_add_func ("/ui/export/suggested-name", test_suggested_name);
  g_test_add_func ("/ui/export/numbers-proposal", test_export_numbers_proposal);
  g_test_add_func ("/ui/export/failure-changes-nothing", test_failed_export_changes_nothing);
  g_test_add_func ("/ui/export/missing-logo-warns", test_missing_logo_warns);
  g_test_add_func ("/ui/export/starts-in-documents", test_export_folder);
  g_test_add_func ("/ui/export/same-words-as-pdf", test_same_words_as_pdf);
  g_test_add_func ("/ui/export/late-answer-after-close", test_late_answer_after_close);

  return retainer_test_run (application);
}
