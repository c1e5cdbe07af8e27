/* ui-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ui-test-util.h"

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

AdwMessageDialog *
retainer_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  retainer_test_settle ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

void
retainer_test_respond (AdwMessageDialog *dialog,
                       const char       *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  /* The buttons close the dialog; a response given in code does not. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  retainer_test_settle ();
}

gpointer
retainer_test_window_child (RetainerWindow *window,
                            const char     *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), RETAINER_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

GdkTexture *
retainer_test_render (gpointer widget)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

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
