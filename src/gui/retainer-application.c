/* retainer-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "retainer-application.h"
#include "retainer-preferences-dialog.h"
#include "retainer-window-book.h"
#include "retainer-window.h"

struct _RetainerApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (RetainerApplication, retainer_application, ADW_TYPE_APPLICATION)

static RetainerWindow *
get_window (RetainerApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return RETAINER_IS_WINDOW (window) ? RETAINER_WINDOW (window) : NULL;
}

static void
first_frame_painted_cb (GdkFrameClock       *frame_clock,
                        RetainerApplication *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_painted_cb, self);
  g_printerr ("retainer-first-frame\n");
  g_application_quit (G_APPLICATION (self));
}

/* build-aux/bench measures the time from launch to the first drawn frame:
 * with RETAINER_BENCH_FIRST_FRAME set, say so on stderr after it and quit. */
static void
watch_first_frame (RetainerApplication *self,
                   RetainerWindow      *window)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  g_return_if_fail (frame_clock != NULL);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (first_frame_painted_cb), self);
}

/* The window of a new start: the last proposal if it is still there,
 * else the sample; then the offer to restore a crash's unsaved work. */
static RetainerWindow *
create_window (RetainerApplication *self,
               const char          *open_path)
{
  RetainerWindow *window = retainer_window_new (GTK_APPLICATION (self));
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = g_settings_get_string (settings, "last-document");

  if (open_path == NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    {
      RetainerProposal *proposal = retainer_proposal_load (last, NULL);

      /* A last file that no longer loads is not worth a dialog at start. */
      if (proposal != NULL)
        retainer_window_load_proposal (window, proposal, last);
    }

  gtk_window_present (GTK_WINDOW (window));
  if (g_getenv ("RETAINER_BENCH_FIRST_FRAME") != NULL)
    watch_first_frame (self, window);
  retainer_window_offer_restore (window);
  if (open_path != NULL)
    retainer_window_open_file (window, open_path);

  return window;
}

static void
retainer_application_activate (GApplication *application)
{
  RetainerApplication *self = RETAINER_APPLICATION (application);
  RetainerWindow *window = get_window (self);

  if (window == NULL)
    create_window (self, NULL);
  else
    gtk_window_present (GTK_WINDOW (window));
}

static void
retainer_application_open (GApplication  *application,
                           GFile        **files,
                           int            n_files,
                           const char    *hint)
{
  RetainerApplication *self = RETAINER_APPLICATION (application);
  RetainerWindow *window = get_window (self);
  g_autofree char *path = n_files > 0 ? g_file_get_path (files[0]) : NULL;

  if (window == NULL)
    create_window (self, path);
  else
    {
      gtk_window_present (GTK_WINDOW (window));
      if (path != NULL)
        retainer_window_open_file (window, path);
    }
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (application));

  /* Each window asks about its own unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = user_data;
  const char *developers[] = { "Retainer contributors", NULL };

  /* An AdwAboutDialog inside the window. */
  adw_show_about_dialog (GTK_WIDGET (gtk_application_get_active_window (application)),
                         "application-name", _("Retainer"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Price AI retainers during the sales call"),
                         "developers", developers,
                         "copyright", "© 2025 Retainer contributors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *application = user_data;
  GtkWindow *parent = gtk_application_get_active_window (application);
  RetainerPreferencesDialog *preferences;

  /* One at a time: an open one comes to the top. */
  if (ADW_IS_APPLICATION_WINDOW (parent))
    {
      g_autoptr (GListModel) dialogs =
        adw_application_window_get_dialogs (ADW_APPLICATION_WINDOW (parent));

      for (guint i = 0; i < g_list_model_get_n_items (dialogs); i++)
        {
          g_autoptr (AdwDialog) dialog = g_list_model_get_item (dialogs, i);

          if (RETAINER_IS_PREFERENCES_DIALOG (dialog))
            {
              adw_dialog_present (dialog, GTK_WIDGET (parent));
              return;
            }
        }
    }

  preferences = retainer_preferences_dialog_new (RETAINER_IS_WINDOW (parent)
                                                   ? retainer_window_get_proposal (RETAINER_WINDOW (parent))
                                                   : NULL);
  /* The book's overhead, hourly cost and capacity may have changed. */
  if (RETAINER_IS_WINDOW (parent))
    g_signal_connect_object (preferences, "closed", G_CALLBACK (retainer_window_reload_book),
                             parent, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (preferences), GTK_WIDGET (parent));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

static void
retainer_application_startup (GApplication *application)
{
  static const struct { const char *action; const char *accels[3]; } shortcuts[] = {
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.export", { "<Control>e", NULL } },
    /* Before a text field's own Ctrl+Z: see retainer_window_init (). */
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.book", { "<Control>b", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
  };

  G_APPLICATION_CLASS (retainer_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application), shortcuts[i].action,
                                           shortcuts[i].accels);
}

static void
retainer_application_class_init (RetainerApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  application_class->activate = retainer_application_activate;
  application_class->open = retainer_application_open;
  application_class->startup = retainer_application_startup;
}

static void
retainer_application_init (RetainerApplication *self)
{
}

RetainerApplication *
retainer_application_new (GApplicationFlags extra_flags)
{
  return g_object_new (RETAINER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | extra_flags,
                       "resource-base-path", "/app/retainer/Retainer",
                       NULL);
}

int
retainer_application_run (const char *open_path)
{
  g_autoptr (RetainerApplication) application = NULL;
  g_autofree char *program = g_strdup (g_get_prgname () != NULL ? g_get_prgname () : "retainer");
  char *argv[3] = { program, (char *) open_path, NULL };

  g_set_application_name (_("Retainer"));
  application = retainer_application_new (G_APPLICATION_DEFAULT_FLAGS);
  /* The command line was read already; only the file is handed on, so a
   * running Retainer opens it. */
  return g_application_run (G_APPLICATION (application), open_path != NULL ? 2 : 1, argv);
}
