/* ui-test-util.c
 *
 * Waiting here is for an event (a frame painted, a window mapped), never a
 * number of main loop turns: on a loaded machine, or under ASan, a turn
 * can pass before the display has done anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>
#include <string.h>

#include "retainer-tier-card.h"
#include "ui-test-util.h"

/* Far beyond a slow frame under ASan on a busy machine: a wait this long
 * has found a hang, which is better named here than by meson's timeout. */
#define WAIT_LIMIT_S 60

void
retainer_test_keep_mime_database (void)
{
  /* GLib's documented pattern: the directories are taken from the real
   * XDG_DATA_DIRS now, before g_test_init () isolates them. GTK loads the
   * symbolic SVG icons through gdk-pixbuf, which picks its loader by the
   * content type; without the database they fail to load. */
  g_content_type_set_mime_dirs (NULL);
}

RetainerApplication *
retainer_test_init_window_tests (int    *argc,
                                 char ***argv)
{
  GtkSettings *settings;
  RetainerApplication *application;

  retainer_test_keep_mime_database ();
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  settings = gtk_settings_get_default ();
  /* GtkRecentManager keeps the file of the first test's folder, which each
   * isolated test then removes; recent files are not what these tests check. */
  g_object_set (settings, "gtk-recent-files-enabled", FALSE, NULL);
  /* Dialogs open and revealers reveal at once: each frame shows the end state. */
  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  /* The isolated XDG_DATA_DIRS hide the system's icons from the screenshots. */
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  "/usr/share/icons");

  application = retainer_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, NULL));

  /* The runs in a translation (tests/ui/meson.build) read the catalogues
   * of the build folder, after the application has set its own up. */
  if (g_getenv ("RETAINER_TEST_LANGUAGE") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RETAINER_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  return application;
}

int
retainer_test_run (RetainerApplication *application)
{
  int status = g_test_run ();

  g_object_unref (application);
  return status;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

void
retainer_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
retainer_test_settle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until `done (data)`; fails the test after WAIT_LIMIT_S. */
static void
wait_until (gboolean  (*done) (gpointer data),
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_LIMIT_S * G_USEC_PER_SEC;
  /* Wakes the loop up now and then, so the deadline is seen even when
   * nothing else happens. */
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Waited %d s for %s", WAIT_LIMIT_S, what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_frame_clock (widget) != NULL;
}

typedef struct
{
  GtkWidget *widget;
  guint      frames;
} FrameWait;

static void
after_paint_cb (GdkFrameClock *clock,
                FrameWait     *wait)
{
  wait->frames++;
}

static gboolean
is_painted (gpointer data)
{
  FrameWait *wait = data;

  return wait->frames > 0 && gtk_widget_get_mapped (wait->widget)
         && gtk_widget_get_width (wait->widget) > 0 && gtk_widget_get_height (wait->widget) > 0;
}

void
retainer_test_wait_frame (gpointer widget)
{
  FrameWait wait = { widget, 0 };
  GdkFrameClock *clock;
  gulong handler;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* A dialog's content is mapped once its sheet has opened. */
  if (ADW_IS_DIALOG (widget) && adw_dialog_get_child (widget) != NULL)
    wait.widget = widget = adw_dialog_get_child (widget);
  /* A window shows its dialog a frame or two after it was presented. */
  else if (ADW_IS_APPLICATION_WINDOW (widget)
           && adw_application_window_get_visible_dialog (widget) != NULL)
    retainer_test_wait_frame (adw_application_window_get_visible_dialog (widget));
  else if (ADW_IS_WINDOW (widget) && adw_window_get_visible_dialog (widget) != NULL)
    retainer_test_wait_frame (adw_window_get_visible_dialog (widget));

  wait_until (is_mapped, widget, "the widget to be mapped");
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &wait);
  /* A frame of its own, laid out and painted after everything done so far. */
  gtk_widget_queue_draw (widget);
  wait_until (is_painted, &wait, "a frame with the widget laid out and painted");
  g_signal_handler_disconnect (clock, handler);
}

void
retainer_test_present (GtkWindow *window)
{
  gtk_window_present (window);
  retainer_test_wait_frame (window);
}

RetainerWindow *
retainer_test_new_window (RetainerApplication *application,
                          int                  width,
                          int                  height)
{
  return retainer_test_new_window_full (application, width, height, FALSE);
}

RetainerWindow *
retainer_test_new_window_full (RetainerApplication *application,
                               int                  width,
                               int                  height,
                               gboolean             presenting)
{
  RetainerWindow *window = retainer_window_new (GTK_APPLICATION (application));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  /* Before the first layout: Xvfb has no window manager to answer a full
   * screen request, and GDK holds later layouts until one does; the window
   * keeps the size asked for. */
  retainer_window_set_presenting (window, presenting);
  retainer_test_present (GTK_WINDOW (window));
  return window;
}

void
retainer_test_destroy_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  retainer_test_settle ();
}

AdwAlertDialog *
retainer_test_find_alert_dialog (gpointer widget)
{
  GtkRoot *root;
  AdwDialog *dialog = NULL;

  retainer_test_settle ();
  root = gtk_widget_get_root (widget);
  /* Dialogs are presented inside the window, the top one is shown. */
  if (ADW_IS_APPLICATION_WINDOW (root))
    dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (root));
  else if (ADW_IS_WINDOW (root))
    dialog = adw_window_get_visible_dialog (ADW_WINDOW (root));

  return ADW_IS_ALERT_DIALOG (dialog) ? ADW_ALERT_DIALOG (dialog) : NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
retainer_test_respond (AdwAlertDialog *dialog,
                       const char     *response)
{
  const char *label = adw_alert_dialog_get_response_label (dialog, response);
  GtkWidget *button;

  g_assert_nonnull (label);
  button = find_button (GTK_WIDGET (dialog), label);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));

  /* As a click: the dialog answers and is no longer the one shown. */
  g_object_ref (dialog);
  g_signal_emit_by_name (button, "clicked");
  retainer_test_settle ();
  g_assert_true (retainer_test_find_alert_dialog (button) != dialog);
  g_object_unref (dialog);
}

gpointer
retainer_test_window_child (RetainerWindow *window,
                            const char     *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), RETAINER_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

char *
retainer_test_data_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

RetainerProposal *
retainer_test_new_default_proposal (void)
{
  g_autoptr (RetainerRateCard) card =
    retainer_rate_card_load_builtin (RETAINER_RATE_CARD_DEFAULT_ID, NULL);

  g_assert_nonnull (card);
  return retainer_proposal_new (card);
}

void
retainer_test_select_tier_card (RetainerWindow *window,
                                guint           tier)
{
  GtkWidget *box = retainer_test_window_child (window, "tiers_box");
  GtkWidget *card = gtk_widget_get_first_child (box);

  for (guint i = 0; i < tier; i++)
    card = gtk_widget_get_next_sibling (card);
  g_assert_true (RETAINER_IS_TIER_CARD (card));
  g_signal_emit_by_name (card, "choose");
  retainer_test_settle ();
}

const char *
retainer_test_label_text (RetainerWindow *window,
                          const char     *name)
{
  return gtk_label_get_label (GTK_LABEL (retainer_test_window_child (window, name)));
}

GtkLabel *
retainer_test_find_label (gpointer    widget,
                          const char *needle)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && strstr (gtk_label_get_label (GTK_LABEL (widget)), needle) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = retainer_test_find_label (c, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GdkTexture *
retainer_test_render (gpointer widget)
{
  g_autoptr (GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;
  g_autoptr (GskRenderNode) node = NULL;
  int width, height;

  retainer_test_wait_frame (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

void
retainer_test_write_png (gpointer    widget,
                         const char *name)
{
  g_autoptr (GdkTexture) texture = retainer_test_render (widget);
  const char *screenshot_dir = g_getenv ("RETAINER_SCREENSHOT_DIR");
  g_autofree char *dir = screenshot_dir != NULL
                           ? g_strdup (screenshot_dir)
                           : g_build_filename (g_get_current_dir (), "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s (%d×%d)", path, gdk_texture_get_width (texture),
                  gdk_texture_get_height (texture));
}

const RetainerTestColorScheme retainer_test_color_schemes[2] = {
  { "light", ADW_COLOR_SCHEME_FORCE_LIGHT },
  { "dark", ADW_COLOR_SCHEME_FORCE_DARK },
};

gboolean
retainer_test_have_pdftotext (void)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");

  if (program == NULL)
    g_test_skip ("pdftotext (poppler-utils) is not installed");
  return program != NULL;
}

char *
retainer_test_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}
