/* test-window-files.c: the window's documents: save, open, autosave and
 * the question about unsaved changes
 *
 * Split from test-window.c to keep each program well inside its timeout
 * under AddressSanitizer. The file dialogs (GtkFileDialog, a portal in the
 * Flatpak) cannot be answered from a test: the tests call what their
 * callbacks call (retainer_window_open_file (),
 * retainer_window_save_as_file ()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "retainer-application.h"
#include "retainer-money.h"
#include "retainer-tier-card.h"
#include "retainer-window.h"
#include "ui-test-util.h"

static RetainerApplication *application;

/* ------------------------------------------------------------------ */
/* Tests                                                               */

static void
test_save_and_reopen (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);
  g_autofree char *path = retainer_test_data_path ("northwind.retainer");
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerProposal) copy = NULL;
  g_autoptr (RetainerProposal) loaded = NULL;

  gtk_editable_set_text (GTK_EDITABLE (retainer_test_window_child (window, "company_row")), "Acme Robotics");
  retainer_test_select_tier_card (window, 2);
  copy = retainer_proposal_copy (retainer_window_get_proposal (window));
  g_assert_true (retainer_window_get_modified (window));

  g_assert_true (retainer_window_save_to (window, path, &error));
  g_assert_no_error (error);
  g_assert_false (retainer_window_get_modified (window));
  g_assert_false (retainer_window_get_is_sample (window));
  g_assert_cmpstr (adw_window_title_get_subtitle (retainer_test_window_child (window, "window_title")), ==,
                   "northwind.retainer");

  loaded = retainer_proposal_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (retainer_proposal_equal (loaded, copy));
  retainer_test_destroy_window (window);

  window = retainer_test_new_window (application, 1280, 800);
  retainer_window_open_file (window, path);
  retainer_test_settle ();
  g_assert_null (retainer_test_find_alert_dialog (window));
  g_assert_true (retainer_proposal_equal (retainer_window_get_proposal (window), copy));
  g_assert_cmpstr (retainer_test_label_text (window, "tier_name_label"), ==, "Enterprise");
  g_assert_cmpstr (adw_window_title_get_title (retainer_test_window_child (window, "window_title")), ==,
                   "Acme Robotics");
  retainer_test_destroy_window (window);
}

/* The label in the alert's technical details, opened. */
static GtkLabel *
open_details (AdwAlertDialog *dialog)
{
  GtkWidget *extra = adw_alert_dialog_get_extra_child (dialog);

  g_assert_true (GTK_IS_EXPANDER (extra));
  /* Closed at first: the plain words come first. */
  g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (extra)));
  gtk_expander_set_expanded (GTK_EXPANDER (extra), TRUE);
  retainer_test_settle ();
  g_assert_true (GTK_IS_LABEL (gtk_expander_get_child (GTK_EXPANDER (extra))));
  return GTK_LABEL (gtk_expander_get_child (GTK_EXPANDER (extra)));
}

/* A spend of −5 in a file: plain words that name the file and the field,
 * the limit written the locale's way, a next step; the path, the line and
 * the JSON key only in the details. */
static void
test_open_error_in_plain_words (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);
  g_autofree char *path = retainer_test_data_path ("spend.retainer");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *limit = retainer_format_number (1e12, 0);
  const char *json = "{ \"format\": \"retainer-proposal\", \"version\": 1, "
                     "\"monthly_api_spend\": -5, \"complexity\": \"simple\" }";
  AdwAlertDialog *dialog;
  const char *body;
  const char *detail;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  retainer_window_open_file (window, path);
  dialog = retainer_test_find_alert_dialog (window);
  g_assert_nonnull (dialog);
  body = adw_alert_dialog_get_body (dialog);
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "“spend.retainer”"));
  g_assert_nonnull (strstr (body, "monthly API spend"));
  g_assert_nonnull (strstr (body, limit));
  g_assert_nonnull (strstr (body, "Fix the number in the file"));
  g_assert_null (strstr (body, folder));
  g_assert_null (strstr (body, "line 1"));
  g_assert_null (strstr (body, "monthly_api_spend"));
  g_assert_null (strstr (body, "1000000000000"));
  /* The next step is a button. */
  g_assert_true (adw_alert_dialog_has_response (dialog, "open"));
  g_assert_cmpstr (adw_alert_dialog_get_default_response (dialog), ==, "open");

  detail = gtk_label_get_text (open_details (dialog));
  g_test_message ("%s", detail);
  g_assert_nonnull (strstr (detail, "spend.retainer"));
  g_assert_nonnull (strstr (detail, "monthly_api_spend"));
  g_assert_nonnull (strstr (detail, limit));
  g_assert_null (strstr (detail, folder));
  g_assert_null (strstr (detail, "1000000000000"));
  retainer_test_write_png (window, "window-open-error.png");
  retainer_test_respond (dialog, "close");
  /* Nothing was opened. */
  g_assert_true (retainer_window_get_is_sample (window));

  retainer_test_destroy_window (window);
}

static void
test_broken_file_keeps_work (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);
  g_autofree char *path = retainer_test_data_path ("broken.retainer");
  g_autoptr (RetainerProposal) before = NULL;
  AdwAlertDialog *dialog;

  gtk_editable_set_text (GTK_EDITABLE (retainer_test_window_child (window, "company_row")), "Work in progress");
  retainer_test_settle ();
  before = retainer_proposal_copy (retainer_window_get_proposal (window));

  g_assert_true (g_file_set_contents (path, "{ \"format\": \"retainer-proposal\", ", -1, NULL));
  retainer_window_open_file (window, path);
  dialog = retainer_test_find_alert_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Could Not Open the Proposal");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "broken.retainer"));
  retainer_test_write_png (window, "window-error-alert.png");
  retainer_test_respond (dialog, "close");

  g_assert_true (retainer_proposal_equal (retainer_window_get_proposal (window), before));
  g_assert_true (retainer_window_get_modified (window));
  g_assert_cmpstr (gtk_editable_get_text (retainer_test_window_child (window, "company_row")), ==, "Work in progress");

  retainer_test_destroy_window (window);
}

/* Where unsaved work is kept cannot be made: the toast names the folder,
 * and what was typed stays. */
static void
test_autosave_folder_refused (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);
  g_autofree char *autosave = retainer_window_autosave_path ();
  g_autofree char *folder = g_path_get_dirname (autosave);
  g_autofree char *expected = NULL;

  /* A file stands where the folder would be. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (folder, "not a folder", -1, NULL));
  expected = g_strdup_printf ("the folder %s could not be made", folder);

  gtk_editable_set_text (GTK_EDITABLE (retainer_test_window_child (window, "company_row")),
                         "Unsafe Ltd");
  retainer_test_settle ();
  for (guint i = 0; i < 100 && retainer_test_find_label (window, expected) == NULL; i++)
    retainer_test_wait_ms (100);
  g_assert_nonnull (retainer_test_find_label (window, expected));
  g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (gtk_editable_get_text (retainer_test_window_child (window, "company_row")),
                   ==, "Unsafe Ltd");

  retainer_test_destroy_window (window);
  g_assert_cmpint (g_unlink (folder), ==, 0);
}

static void
test_autosave_and_restore (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);
  g_autofree char *autosave = retainer_window_autosave_path ();
  g_autoptr (RetainerProposal) edited = NULL;
  g_autoptr (RetainerProposal) restored = NULL;
  g_autoptr (GError) error = NULL;
  AdwAlertDialog *dialog;

  g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));
  gtk_editable_set_text (GTK_EDITABLE (retainer_test_window_child (window, "company_row")), "Crash Test Ltd");
  adw_spin_row_set_value (retainer_test_window_child (window, "monthly_spend_row"), 23456);
  retainer_test_settle ();
  edited = retainer_proposal_copy (retainer_window_get_proposal (window));

  /* Shortly after the change, not at once. */
  g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < 60 && !g_file_test (autosave, G_FILE_TEST_EXISTS); i++)
    retainer_test_wait_ms (100);
  g_assert_true (g_file_test (autosave, G_FILE_TEST_EXISTS));
  restored = retainer_proposal_load (autosave, &error);
  g_assert_no_error (error);
  g_assert_true (retainer_proposal_equal (restored, edited));

  /* A crash: the window goes away without closing. */
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  retainer_test_settle ();
  g_assert_true (g_file_test (autosave, G_FILE_TEST_EXISTS));

  /* Next start: the offer. */
  window = retainer_test_new_window (application, 1280, 800);
  g_assert_true (retainer_window_get_is_sample (window));
  g_assert_true (retainer_window_offer_restore (window));
  dialog = retainer_test_find_alert_dialog (window);
  g_assert_nonnull (dialog);
  retainer_test_respond (dialog, "restore");
  g_assert_true (retainer_proposal_equal (retainer_window_get_proposal (window), edited));
  g_assert_true (retainer_window_get_modified (window));
  g_assert_cmpstr (gtk_editable_get_text (retainer_test_window_child (window, "company_row")), ==, "Crash Test Ltd");

  /* Closing with unsaved changes asks; Discard removes the autosave. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = retainer_test_find_alert_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Save Changes to “Crash Test Ltd”?");
  retainer_test_respond (dialog, "discard");
  g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));

  /* Nothing left to offer. */
  window = retainer_test_new_window (application, 1280, 800);
  g_assert_false (retainer_window_offer_restore (window));
  retainer_test_destroy_window (window);
}

static void
test_unsaved_prompt (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);
  g_autofree char *path = retainer_test_data_path ("prompt.retainer");
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerProposal) on_disk = NULL;
  AdwAlertDialog *dialog;

  g_assert_true (retainer_window_save_to (window, path, &error));
  g_assert_no_error (error);

  /* Cancel keeps the window and what was typed. */
  gtk_editable_set_text (GTK_EDITABLE (retainer_test_window_child (window, "contact_row")), "Sam Lee");
  retainer_test_settle ();
  gtk_window_close (GTK_WINDOW (window));
  dialog = retainer_test_find_alert_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Save Changes to “Northwind Legal LLP”?");
  retainer_test_write_png (window, "window-unsaved-alert.png");
  retainer_test_respond (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (retainer_window_get_proposal (window)->contact, ==, "Sam Lee");

  /* New asks too; Save writes the file, then starts the new proposal. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  dialog = retainer_test_find_alert_dialog (window);
  g_assert_nonnull (dialog);
  retainer_test_respond (dialog, "save");
  on_disk = retainer_proposal_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (on_disk->contact, ==, "Sam Lee");
  g_assert_cmpstr (retainer_window_get_proposal (window)->company, ==, "");
  g_assert_false (retainer_window_get_modified (window));
  g_assert_cmpstr (adw_window_title_get_title (retainer_test_window_child (window, "window_title")), ==,
                   "New Proposal");

  /* Unchanged: closes without asking. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  retainer_test_settle ();
  g_assert_null (window);
}

/* Save As, as the dialog's answer: the extension is added, the window
 * shows the file, and a failure names the file and keeps the work. */
static void
test_save_as (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);
  g_autofree char *chosen = retainer_test_data_path ("Acme Robotics");
  g_autofree char *saved_path = g_strconcat (chosen, ".retainer", NULL);
  g_autofree char *blocker = retainer_test_data_path ("not-a-folder");
  g_autofree char *inside = g_build_filename (blocker, "proposal.retainer", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (chosen);
  g_autoptr (GFile) unwritable = g_file_new_for_path (inside);
  g_autoptr (RetainerProposal) on_disk = NULL;
  g_autoptr (RetainerProposal) before = NULL;
  g_autoptr (GError) error = NULL;
  AdwAlertDialog *dialog;

  retainer_window_load_proposal (window, retainer_test_new_default_proposal (), NULL);
  gtk_editable_set_text (GTK_EDITABLE (retainer_test_window_child (window, "company_row")), "Acme Robotics");
  retainer_test_settle ();

  g_assert_true (retainer_window_save_as_file (window, file));
  g_assert_null (retainer_test_find_alert_dialog (window));
  g_assert_cmpstr (retainer_window_get_path (window), ==, saved_path);
  g_assert_false (retainer_window_get_modified (window));
  g_assert_cmpstr (adw_window_title_get_subtitle (retainer_test_window_child (window, "window_title")), ==,
                   "Acme Robotics.retainer");
  on_disk = retainer_proposal_load (saved_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (on_disk->company, ==, "Acme Robotics");

  /* Root ignores permissions; a file where a folder should be stops anyone. */
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  gtk_editable_set_text (GTK_EDITABLE (retainer_test_window_child (window, "contact_row")), "Sam Lee");
  retainer_test_settle ();
  before = retainer_proposal_copy (retainer_window_get_proposal (window));
  g_assert_false (retainer_window_save_as_file (window, unwritable));
  dialog = retainer_test_find_alert_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Could Not Save the Proposal");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "proposal.retainer"));
  retainer_test_respond (dialog, "close");
  g_assert_true (retainer_proposal_equal (retainer_window_get_proposal (window), before));
  g_assert_true (retainer_window_get_modified (window));
  g_assert_cmpstr (retainer_window_get_path (window), ==, saved_path);

  retainer_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  application = retainer_test_init_window_tests (&argc, &argv);

  g_test_add_func ("/ui/window/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/ui/window/save-as", test_save_as);
  g_test_add_func ("/ui/window/broken-file-keeps-work", test_broken_file_keeps_work);
  g_test_add_func ("/ui/window/open-error-in-plain-words", test_open_error_in_plain_words);
  g_test_add_func ("/ui/window/autosave-and-restore", test_autosave_and_restore);
  g_test_add_func ("/ui/window/autosave-folder-refused", test_autosave_folder_refused);
  g_test_add_func ("/ui/window/unsaved-prompt", test_unsaved_prompt);

  return retainer_test_run (application);
}
