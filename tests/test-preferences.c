/* test-preferences.c: the agency profile in the Preferences dialog, and
 * the cover preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "retainer-agency.h"
#include "retainer-application.h"
#include "retainer-cover-preview.h"
#include "retainer-preferences-dialog.h"
#include "retainer-window.h"
#include "ui-test-util.h"

static RetainerApplication *application;
/* The window the dialog under test is presented in. */
static GtkWindow *host;

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static gpointer
child (RetainerPreferencesDialog *window,
       const char                *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window),
                                                   RETAINER_TYPE_PREFERENCES_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

static RetainerPreferencesDialog *
open_preferences_on (GtkWindow              *parent,
                     const RetainerProposal *proposal)
{
  RetainerPreferencesDialog *dialog = retainer_preferences_dialog_new (proposal);

  host = parent;
  retainer_test_present (host);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (host));
  retainer_test_wait_frame (dialog);
  return dialog;
}

/* In a plain window: the main window costs more and adds nothing here;
 * app-action and the screenshots use it. */
static RetainerPreferencesDialog *
open_preferences (const RetainerProposal *proposal)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());

  gtk_window_set_default_size (window, 800, 1000);
  return open_preferences_on (window, proposal);
}

/* The dialog shown on top of the host window, or NULL. */
static AdwDialog *
visible_dialog (void)
{
  retainer_test_settle ();
  if (ADW_IS_APPLICATION_WINDOW (host))
    return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (host));
  return adw_window_get_visible_dialog (ADW_WINDOW (host));
}

/* Closes the host window and with it the dialog, as quitting does. */
static void
destroy_host (void)
{
  gtk_window_destroy (host);
  host = NULL;
  retainer_test_settle ();
}

static void
type (RetainerPreferencesDialog *window,
      const char                *name,
      const char                *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (window, name)), text);
  retainer_test_settle ();
}

/* The stored profile, or NULL when none was stored. */
static RetainerAgency *
load_stored (void)
{
  g_autofree char *path = retainer_agency_user_path ();
  g_autoptr (GError) error = NULL;
  RetainerAgency *agency;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  agency = retainer_agency_load (path, &error);
  g_assert_no_error (error);
  return agency;
}

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return g_file_new_for_path (path);
}

static RetainerProposal *
new_proposal (const char *company)
{
  g_autoptr (RetainerRateCard) card =
    retainer_rate_card_load_builtin (RETAINER_RATE_CARD_DEFAULT_ID, NULL);
  RetainerProposal *proposal;

  g_assert_nonnull (card);
  proposal = retainer_proposal_new (card);
  g_free (proposal->company);
  proposal->company = g_strdup (company);
  return proposal;
}

/* The colour at a fraction of the widget's size, as 0xRRGGBB. */
static guint32
pixel_at (GtkWidget *widget,
          double     x,
          double     y)
{
  g_autoptr (GdkTexture) texture = retainer_test_render (widget);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, width * height);

  /* GDK_MEMORY_DEFAULT: premultiplied ARGB in a native-endian guint32. */
  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  return pixels[(int) (y * height) * width + (int) (x * width)] & 0xffffff;
}

static GtkScrolledWindow *
find_scroller (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    return GTK_SCROLLED_WINDOW (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkScrolledWindow *found = find_scroller (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
scroll_to_end (GtkWidget *window)
{
  GtkScrolledWindow *scroller = find_scroller (window);
  GtkAdjustment *adjustment;

  g_assert_nonnull (scroller);
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */

static void
test_edits_reach_profile (void)
{
  RetainerPreferencesDialog *window = open_preferences (NULL);
  g_autoptr (RetainerAgency) stored = NULL;
  GtkTextBuffer *address = gtk_text_view_get_buffer (child (window, "address_view"));

  g_assert_null (load_stored ());

  /* Not at once: checked before the main loop runs, so however slow the
   * machine, the half-second delay cannot have passed. */
  gtk_editable_set_text (GTK_EDITABLE (child (window, "name_row")), "Studio Północ");
  g_assert_null (load_stored ());
  retainer_test_settle ();
  type (window, "contact_row", "Ewa Zielińska");
  type (window, "email_row", "ewa@polnoc.example");
  type (window, "phone_row", "+48 58 000 00 00");
  type (window, "website_row", "polnoc.example");
  type (window, "footer_row", "Studio Północ sp. z o.o.");
  type (window, "prefix_row", "SP-");
  type (window, "signatory_name_row", "Ewa Zielińska");
  type (window, "signatory_title_row", "Partner");
  type (window, "primary_entry", "#aa3300");
  /* The button follows what is typed and leaves the typing as it is. */
  g_assert_true (gdk_rgba_equal (gtk_color_dialog_button_get_rgba (child (window, "primary_button")),
                                 &(GdkRGBA) { 0xaa / 255.0, 0x33 / 255.0, 0, 1 }));
  g_assert_cmpstr (gtk_editable_get_text (child (window, "primary_entry")), ==, "#aa3300");
  /* A colour chosen with the button is written into its entry. */
  gtk_color_dialog_button_set_rgba (child (window, "accent_button"),
                                    &(GdkRGBA) { 0, 0xaa / 255.0, 0x88 / 255.0, 1 });
  g_assert_cmpstr (gtk_editable_get_text (child (window, "accent_entry")), ==, "#00AA88");
  gtk_text_buffer_set_text (address, "ul. Długa 5\n80-831 Gdańsk", -1);
  adw_combo_row_set_selected (child (window, "paper_row"), RETAINER_PAPER_LETTER);
  adw_spin_row_set_value (child (window, "next_number_row"), 7);
  adw_spin_row_set_value (child (window, "validity_row"), 14);
  retainer_test_settle ();

  /* Saved a moment later, without closing. On a loaded machine the typing
   * above can outlast the half-second delay, so an earlier save may hold only
   * the first fields: wait for the save after the last edit. */
  for (guint i = 0; i < 300; i++)
    {
      g_clear_pointer (&stored, retainer_agency_free);
      stored = load_stored ();
      if (stored != NULL && stored->validity_days == 14 && stored->next_number == 7
          && g_strcmp0 (stored->address, "ul. Długa 5\n80-831 Gdańsk") == 0)
        break;
      retainer_test_wait_ms (100);
    }
  g_assert_nonnull (stored);

  g_assert_cmpstr (stored->name, ==, "Studio Północ");
  g_assert_cmpstr (stored->contact_name, ==, "Ewa Zielińska");
  g_assert_cmpstr (stored->email, ==, "ewa@polnoc.example");
  g_assert_cmpstr (stored->phone, ==, "+48 58 000 00 00");
  g_assert_cmpstr (stored->website, ==, "polnoc.example");
  g_assert_cmpstr (stored->footer, ==, "Studio Północ sp. z o.o.");
  g_assert_cmpstr (stored->number_prefix, ==, "SP-");
  g_assert_cmpstr (stored->signatory_name, ==, "Ewa Zielińska");
  g_assert_cmpstr (stored->signatory_title, ==, "Partner");
  g_assert_cmpstr (stored->primary_color, ==, "#AA3300");
  g_assert_cmpstr (stored->accent_color, ==, "#00AA88");
  g_assert_cmpstr (stored->address, ==, "ul. Długa 5\n80-831 Gdańsk");
  g_assert_cmpint (stored->paper, ==, RETAINER_PAPER_LETTER);
  g_assert_cmpuint (stored->next_number, ==, 7);
  g_assert_cmpuint (stored->validity_days, ==, 14);
  g_assert_false (retainer_preferences_dialog_get_has_problems (window));
  destroy_host ();

  /* Opened again, it shows what was stored. */
  window = open_preferences (NULL);
  g_assert_cmpstr (gtk_editable_get_text (child (window, "name_row")), ==, "Studio Północ");
  g_assert_cmpuint (adw_combo_row_get_selected (child (window, "paper_row")), ==,
                    RETAINER_PAPER_LETTER);
  destroy_host ();
}

static void
test_close_saves_at_once (void)
{
  RetainerPreferencesDialog *window = open_preferences (NULL);
  g_autoptr (RetainerAgency) stored = NULL;

  type (window, "name_row", "Closed Quickly Ltd");
  /* A number typed and not confirmed counts too. */
  gtk_editable_set_text (child (window, "validity_row"), "45");
  adw_dialog_close (ADW_DIALOG (window));
  g_assert_null (visible_dialog ());

  stored = load_stored ();
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->name, ==, "Closed Quickly Ltd");
  g_assert_cmpuint (stored->validity_days, ==, 45);
  destroy_host ();
}

static void
test_invalid_input_not_saved (void)
{
  RetainerPreferencesDialog *window = open_preferences (NULL);
  RetainerCoverPreview *preview = child (window, "cover_preview");
  g_autoptr (RetainerAgency) stored = NULL;
  g_autofree char *too_long = g_strnfill (RETAINER_AGENCY_TEXT_MAX_LENGTH + 1, 'x');
  AdwAlertDialog *dialog;

  type (window, "name_row", "Keep Me");
  type (window, "primary_entry", "#12G456");

  /* Marked where it was typed, and said in words. */
  g_assert_true (gtk_widget_has_css_class (child (window, "primary_entry"), "error"));
  g_assert_true (gtk_revealer_get_reveal_child (child (window, "problem_revealer")));
  g_assert_nonnull (strstr (gtk_label_get_label (child (window, "problem_label")),
                            "Primary colour"));
  g_assert_true (retainer_preferences_dialog_get_has_problems (window));
  g_assert_cmpstr (retainer_cover_preview_get_primary_color (preview), ==, "#1F4E79");

  /* The other fields are saved; the colour keeps its stored value. */
  g_assert_false (retainer_preferences_dialog_save (window));
  stored = load_stored ();
  g_assert_cmpstr (stored->name, ==, "Keep Me");
  g_assert_cmpstr (stored->primary_color, ==, "#1F4E79");
  /* Nothing typed is lost. */
  g_assert_cmpstr (gtk_editable_get_text (child (window, "primary_entry")), ==, "#12G456");

  /* Text over its limit: the same. */
  type (window, "name_row", too_long);
  g_assert_true (gtk_widget_has_css_class (child (window, "name_row"), "error"));
  g_assert_false (retainer_preferences_dialog_save (window));
  g_clear_pointer (&stored, retainer_agency_free);
  stored = load_stored ();
  g_assert_cmpstr (stored->name, ==, "Keep Me");

  /* Closing asks rather than dropping what was typed. */
  adw_dialog_close (ADW_DIALOG (window));
  dialog = retainer_test_find_alert_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "A Field Cannot Be Saved");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "Agency name"));
  retainer_test_respond (dialog, "edit");
  g_assert_true (visible_dialog () == ADW_DIALOG (window));

  /* Fixed: saved, and the marks go. */
  type (window, "name_row", "Keep Me Too");
  type (window, "primary_entry", "#123456");
  g_assert_true (retainer_preferences_dialog_save (window));
  g_assert_false (gtk_widget_has_css_class (child (window, "primary_entry"), "error"));
  g_assert_false (gtk_widget_has_css_class (child (window, "name_row"), "error"));
  g_assert_false (gtk_revealer_get_reveal_child (child (window, "problem_revealer")));
  g_clear_pointer (&stored, retainer_agency_free);
  stored = load_stored ();
  g_assert_cmpstr (stored->name, ==, "Keep Me Too");
  g_assert_cmpstr (stored->primary_color, ==, "#123456");
  g_assert_cmpstr (retainer_cover_preview_get_primary_color (preview), ==, "#123456");

  /* Closed anyway: what could be saved is, the bad colour is dropped. */
  type (window, "primary_entry", "#12345");
  adw_dialog_close (ADW_DIALOG (window));
  dialog = retainer_test_find_alert_dialog (window);
  g_assert_nonnull (dialog);
  retainer_test_respond (dialog, "close");
  g_assert_null (visible_dialog ());
  g_clear_pointer (&stored, retainer_agency_free);
  stored = load_stored ();
  g_assert_cmpstr (stored->primary_color, ==, "#123456");

  destroy_host ();
}

static void
test_import_bad_profile (void)
{
  RetainerPreferencesDialog *window = open_preferences (NULL);
  g_autoptr (GFile) bad = fixture ("agency-bad-color.json");
  g_autoptr (RetainerAgency) stored = NULL;
  AdwAlertDialog *dialog;

  type (window, "name_row", "Before Import");
  g_assert_true (retainer_preferences_dialog_save (window));

  g_assert_false (retainer_preferences_dialog_import_file (window, bad));
  dialog = retainer_test_find_alert_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==,
                   "Could Not Import the Agency Profile");
  /* The core's words: the file and the field. */
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "agency-bad-color.json"));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "primary_color"));
  retainer_test_respond (dialog, "close");

  stored = load_stored ();
  g_assert_cmpstr (stored->name, ==, "Before Import");
  g_assert_cmpstr (gtk_editable_get_text (child (window, "name_row")), ==, "Before Import");
  destroy_host ();
}

static void
test_import_export_and_logo (void)
{
  RetainerPreferencesDialog *window = open_preferences (NULL);
  RetainerCoverPreview *preview = child (window, "cover_preview");
  g_autoptr (GFile) acme = fixture ("agency-acme.json");
  g_autoptr (GFile) not_image = fixture ("agency-acme.json");
  g_autoptr (GFile) logo = fixture ("pdf-logo.png");
  g_autofree char *shared_path = retainer_test_data_path ("shared-brand.json");
  g_autoptr (GFile) shared = g_file_new_for_path (shared_path);
  g_autoptr (RetainerAgency) stored = NULL;
  g_autoptr (RetainerAgency) loaded = NULL;
  g_autoptr (GBytes) logo_bytes = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_null (retainer_cover_preview_get_logo (preview));
  g_assert_true (retainer_preferences_dialog_import_file (window, acme));
  g_assert_null (retainer_test_find_alert_dialog (window));
  g_assert_cmpstr (gtk_editable_get_text (child (window, "name_row")), ==, "Acme Applied AI");
  g_assert_cmpstr (gtk_editable_get_text (child (window, "primary_entry")), ==, "#1F4E79");
  g_assert_nonnull (retainer_cover_preview_get_logo (preview));
  g_assert_cmpstr (retainer_cover_preview_get_agency_name (preview), ==, "Acme Applied AI");
  g_assert_cmpstr (retainer_cover_preview_get_number (preview), ==, "AC-0042");
  stored = load_stored ();
  g_assert_cmpstr (stored->name, ==, "Acme Applied AI");
  g_assert_cmpuint (stored->next_number, ==, 42);

  /* Shared: one file, the logo inside. */
  g_assert_true (retainer_preferences_dialog_export_file (window, shared));
  loaded = retainer_agency_load (shared_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Acme Applied AI");
  g_assert_cmpstr (loaded->email, ==, "maja@acme.example");
  g_assert_nonnull (loaded->logo_data);

  /* No logo, then one chosen again; a file that is no image changes nothing. */
  g_assert_true (retainer_preferences_dialog_set_logo_file (window, NULL));
  g_assert_null (retainer_cover_preview_get_logo (preview));
  g_assert_true (retainer_preferences_dialog_save (window));
  g_clear_pointer (&stored, retainer_agency_free);
  stored = load_stored ();
  logo_bytes = retainer_agency_get_logo (stored, &error);
  g_assert_no_error (error);
  g_assert_null (logo_bytes);

  g_assert_false (retainer_preferences_dialog_set_logo_file (window, not_image));
  g_assert_null (retainer_cover_preview_get_logo (preview));

  g_assert_true (retainer_preferences_dialog_set_logo_file (window, logo));
  g_assert_nonnull (retainer_cover_preview_get_logo (preview));
  g_assert_true (retainer_preferences_dialog_save (window));
  g_clear_pointer (&stored, retainer_agency_free);
  stored = load_stored ();
  logo_bytes = retainer_agency_get_logo (stored, &error);
  g_assert_no_error (error);
  g_assert_nonnull (logo_bytes);

  destroy_host ();
}

static void
test_preview_follows_edits (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("Zakład Usług Księgowych Łódź");
  RetainerPreferencesDialog *window = open_preferences (proposal);
  RetainerCoverPreview *preview = child (window, "cover_preview");
  GtkWidget *widget = GTK_WIDGET (preview);
  guint draws;
  int a4_height;

  g_assert_cmpstr (retainer_cover_preview_get_company (preview), ==,
                   "Zakład Usług Księgowych Łódź");
  g_assert_cmpstr (retainer_cover_preview_get_number (preview), ==, "RT-0001");

  /* The title band is in the primary colour, at 40% of the page's height. */
  type (window, "primary_entry", "#FF0000");
  retainer_test_wait_ms (100);
  g_assert_cmphex (pixel_at (widget, 0.05, 0.40), ==, 0xff0000);
  draws = retainer_cover_preview_get_n_draws (preview);
  type (window, "primary_entry", "#0000FF");
  retainer_test_wait_ms (100);
  g_assert_cmpuint (retainer_cover_preview_get_n_draws (preview), >, draws);
  g_assert_cmphex (pixel_at (widget, 0.05, 0.40), ==, 0x0000ff);

  type (window, "name_row", "Studio Północ");
  type (window, "prefix_row", "SP-");
  adw_spin_row_set_value (child (window, "next_number_row"), 12);
  retainer_test_settle ();
  g_assert_cmpstr (retainer_cover_preview_get_agency_name (preview), ==, "Studio Północ");
  g_assert_cmpstr (retainer_cover_preview_get_number (preview), ==, "SP-0012");

  /* US Letter is shorter for its width than A4. */
  a4_height = gtk_widget_get_height (widget);
  adw_combo_row_set_selected (child (window, "paper_row"), RETAINER_PAPER_LETTER);
  retainer_test_wait_ms (100);
  g_assert_cmpint (retainer_cover_preview_get_paper (preview), ==, RETAINER_PAPER_LETTER);
  g_assert_cmpint (gtk_widget_get_height (widget), <, a4_height);

  destroy_host ();
}

static void
test_app_action (void)
{
  RetainerWindow *main_window = retainer_window_new (GTK_APPLICATION (application));
  g_autoptr (GListModel) dialogs = NULL;
  AdwDialog *preferences;
  AdwDialog *about;

  retainer_test_present (GTK_WINDOW (main_window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (application), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  retainer_test_settle ();

  /* Inside the main window, over the proposal. */
  preferences = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (main_window));
  g_assert_true (RETAINER_IS_PREFERENCES_DIALOG (preferences));
  g_assert_true (gtk_widget_get_root (GTK_WIDGET (preferences)) == GTK_ROOT (main_window));
  /* The preview shows the proposal on screen. */
  g_assert_cmpstr (retainer_cover_preview_get_company (child (RETAINER_PREFERENCES_DIALOG (preferences),
                                                              "cover_preview")), ==,
                   "Northwind Legal LLP");

  /* Asked again: the same one comes up, not a second. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  retainer_test_settle ();
  dialogs = adw_application_window_get_dialogs (ADW_APPLICATION_WINDOW (main_window));
  g_assert_cmpuint (g_list_model_get_n_items (dialogs), ==, 1);

  /* About is a dialog in the window too. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  retainer_test_settle ();
  about = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (main_window));
  g_assert_true (ADW_IS_ABOUT_DIALOG (about));
  g_assert_cmpstr (adw_about_dialog_get_application_name (ADW_ABOUT_DIALOG (about)), ==, "Retainer");
  g_assert_cmpuint (g_list_model_get_n_items (dialogs), ==, 2);

  retainer_test_destroy_window (main_window);
}

/* Over the main window, as the founder sees it. */
static RetainerPreferencesDialog *
open_preferences_on_main (const RetainerProposal *proposal)
{
  RetainerWindow *main_window = retainer_window_new (GTK_APPLICATION (application));

  gtk_window_set_default_size (GTK_WINDOW (main_window), 1280, 1000);
  return open_preferences_on (GTK_WINDOW (main_window), proposal);
}

static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr (RetainerProposal) proposal = new_proposal ("Zakład Usług Księgowych Łódź");
  g_autoptr (GFile) acme = fixture ("agency-acme.json");
  RetainerPreferencesDialog *window;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = open_preferences_on_main (proposal);
  g_assert_true (retainer_preferences_dialog_import_file (window, acme));
  retainer_test_wait_ms (300);
  retainer_test_write_png (host, "preferences-light.png");

  /* A problem, as it is shown, and the question on closing. */
  type (window, "accent_entry", "green");
  retainer_test_wait_ms (300);
  retainer_test_write_png (host, "preferences-problem.png");
  adw_dialog_close (ADW_DIALOG (window));
  g_assert_nonnull (retainer_test_find_alert_dialog (window));
  retainer_test_wait_ms (300);
  retainer_test_write_png (host, "preferences-alert.png");
  destroy_host ();

  /* The groups further down. */
  window = open_preferences_on_main (proposal);
  scroll_to_end (GTK_WIDGET (window));
  retainer_test_wait_frame (window);
  scroll_to_end (GTK_WIDGET (window));
  retainer_test_wait_ms (300);
  retainer_test_write_png (host, "preferences-end.png");
  destroy_host ();

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = open_preferences_on_main (proposal);
  retainer_test_wait_ms (300);
  retainer_test_write_png (host, "preferences-dark.png");
  destroy_host ();

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  application = retainer_test_init_window_tests (&argc, &argv);

  g_test_add_func ("/ui/preferences/edits-reach-profile", test_edits_reach_profile);
  g_test_add_func ("/ui/preferences/close-saves-at-once", test_close_saves_at_once);
  g_test_add_func ("/ui/preferences/invalid-input-not-saved", test_invalid_input_not_saved);
  g_test_add_func ("/ui/preferences/import-bad-profile", test_import_bad_profile);
  g_test_add_func ("/ui/preferences/import-export-and-logo", test_import_export_and_logo);
  g_test_add_func ("/ui/preferences/preview-follows-edits", test_preview_follows_edits);
  g_test_add_func ("/ui/preferences/app-action", test_app_action);
  g_test_add_func ("/ui/preferences/screenshots", test_screenshots);

  return retainer_test_run (application);
}
