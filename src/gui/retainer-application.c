/* retainer-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <time.h>

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

/* ------------------------------------------------------------------ */
/* Measurement seam for build-aux/bench (off unless its variables are   */
/* set; nothing here runs for a user)                                   */
/*                                                                      */
/* RETAINER_BENCH_FIRST_FRAME=1: prints "retainer-first-frame" on       */
/*   stderr once the window has drawn its first frame, and quits a      */
/*   second later (so the frame is seen from outside too). Each         */
/*   step of the start is also printed as "retainer-bench-mark NAME T", */
/*   T in microseconds of CLOCK_MONOTONIC (g_get_monotonic_time ()),    */
/*   followed by the CPU time the process has used so far.              */
/* RETAINER_BENCH_KEYSTROKES=N (with the above): after the first frame  */
/*   the horizon is set to 36 months, then the spend is typed N times,  */
/*   one character a step, through the spend row's text as typing      */
/*   does, and each step prints "retainer-keystroke SYNC LAYOUT PAINT   */
/*   FRAME CPU": microseconds from the change to the end of the         */
/*   change's handlers, and to the end of the next frame's layout,      */
/*   paint and after-paint, then the CPU time used meanwhile. Then it   */
/*   quits.                                                             */

typedef struct
{
  RetainerApplication *application;
  RetainerWindow      *window;
  GdkFrameClock       *frame_clock;
  guint                n_keystrokes;
  guint                done;
  gboolean             first_frame_seen;
  gboolean             waiting;  /* for the frame after a change */
  gint64               changed;
  gint64               handled;
  gint64               laid_out;
  gint64               painted;
  gint64               cpu_changed;
} BenchState;

/* Microseconds of CPU the process has used, all threads (llvmpipe's too):
 * what a change costs, whatever else the machine is doing. */
static gint64
bench_cpu_time (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now) != 0)
    return 0;
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
bench_mark (const char *name)
{
  g_printerr ("retainer-bench-mark %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", name,
              g_get_monotonic_time (), bench_cpu_time ());
}

/* Typing "18500" one character at a time, then deleting it back to "1",
 * and again: every step is one keystroke's text. */
static const char *
bench_spend_text (guint step)
{
  static const char *const texts[] = { "18", "185", "1850", "18500", "1850", "185", "18", "1" };

  return texts[step % G_N_ELEMENTS (texts)];
}

static gboolean
bench_type_cb (gpointer user_data)
{
  BenchState *state = user_data;
  GtkEditable *spend = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (state->window),
                                                                    RETAINER_TYPE_WINDOW,
                                                                    "monthly_spend_row"));
  const char *text = bench_spend_text (state->done);
  int length = (int) strlen (gtk_editable_get_text (spend));

  state->waiting = TRUE;
  state->laid_out = state->painted = 0;
  state->cpu_changed = bench_cpu_time ();
  state->changed = g_get_monotonic_time ();
  /* One character typed at the end, or one deleted: a keystroke's edit. */
  if ((int) strlen (text) > length)
    gtk_editable_insert_text (spend, text + length, 1, &length);
  else
    gtk_editable_delete_text (spend, length - 1, length);
  state->handled = g_get_monotonic_time ();
  return G_SOURCE_REMOVE;
}

static void
bench_start_typing (BenchState *state)
{
  AdwComboRow *horizon = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (state->window),
                                                                       RETAINER_TYPE_WINDOW,
                                                                       "horizon_row"));
  GtkEditable *spend = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (state->window),
                                                                    RETAINER_TYPE_WINDOW,
                                                                    "monthly_spend_row"));

  adw_combo_row_set_selected (horizon, 2);
  gtk_editable_set_text (spend, "1");
  g_printerr ("retainer-bench-horizon %u\n",
              retainer_window_get_proposal (state->window)->horizon_months);
  /* A keystroke every 50 ms, a fast typist's pace, after this settles. */
  g_timeout_add (200, bench_type_cb, state);
}

static void
bench_quit (BenchState *state)
{
  g_signal_handlers_disconnect_by_data (state->frame_clock, state);
  g_application_quit (G_APPLICATION (state->application));
  g_free (state);
}

static gboolean
bench_quit_cb (gpointer user_data)
{
  bench_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
bench_layout_cb (GdkFrameClock *frame_clock,
                 BenchState    *state)
{
  if (!state->first_frame_seen)
    bench_mark ("first-layout");
  else if (state->waiting && state->laid_out == 0)
    state->laid_out = g_get_monotonic_time ();
}

static void
bench_paint_cb (GdkFrameClock *frame_clock,
                BenchState    *state)
{
  if (!state->first_frame_seen)
    bench_mark ("first-paint");
  else if (state->waiting)
    state->painted = g_get_monotonic_time ();
}

static void
bench_after_paint_cb (GdkFrameClock *frame_clock,
                      BenchState    *state)
{
  if (!state->first_frame_seen)
    {
      state->first_frame_seen = TRUE;
      bench_mark ("first-after-paint");
      g_printerr ("retainer-first-frame\n");
      /* A second on screen, for the bench to see the frame from outside too. */
      if (state->n_keystrokes == 0)
        g_timeout_add (1000, bench_quit_cb, state);
      else
        bench_start_typing (state);
      return;
    }
  if (!state->waiting)
    return;

  state->waiting = FALSE;
  g_printerr ("retainer-keystroke %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
              " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
              state->handled - state->changed,
              state->laid_out ? state->laid_out - state->changed : -1,
              state->painted ? state->painted - state->changed : -1,
              g_get_monotonic_time () - state->changed,
              bench_cpu_time () - state->cpu_changed);
  if (++state->done >= state->n_keystrokes)
    bench_quit (state);
  else
    g_timeout_add (50, bench_type_cb, state);
}

/* Connected after GDK's own handlers, so each runs at the end of its phase. */
static void
bench_watch (RetainerApplication *self,
             RetainerWindow      *window)
{
  BenchState *state = g_new0 (BenchState, 1);
  const char *keystrokes = g_getenv ("RETAINER_BENCH_KEYSTROKES");

  state->application = self;
  state->window = window;
  state->frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  state->n_keystrokes = keystrokes != NULL ? (guint) g_ascii_strtoull (keystrokes, NULL, 10) : 0;
  g_return_if_fail (state->frame_clock != NULL);
  g_signal_connect (state->frame_clock, "layout", G_CALLBACK (bench_layout_cb), state);
  g_signal_connect (state->frame_clock, "paint", G_CALLBACK (bench_paint_cb), state);
  g_signal_connect (state->frame_clock, "after-paint", G_CALLBACK (bench_after_paint_cb), state);
}

/* The window of a new start: the last proposal if it is still there,
 * else the sample; then the offer to restore a crash's unsaved work. */
static RetainerWindow *
create_window (RetainerApplication *self,
               const char          *open_path)
{
  gboolean bench = g_getenv ("RETAINER_BENCH_FIRST_FRAME") != NULL;
  RetainerWindow *window;
  g_autoptr (GSettings) settings = NULL;
  g_autofree char *last = NULL;

  if (bench)
    bench_mark ("window-new");
  window = retainer_window_new (GTK_APPLICATION (self));
  if (bench)
    bench_mark ("window-ready");
  settings = g_settings_new (APP_ID);
  last = g_settings_get_string (settings, "last-document");

  if (open_path == NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    {
      RetainerProposal *proposal = retainer_proposal_load (last, NULL);

      /* A last file that no longer loads is not worth a dialog at start. */
      if (proposal != NULL)
        retainer_window_load_proposal (window, proposal, last);
    }

  gtk_window_present (GTK_WINDOW (window));
  if (bench)
    {
      bench_mark ("presented");
      bench_watch (self, window);
    }
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

  /* The agency's economics (overhead, staff cost, capacity) are the
   * founder's: not on a screen shared with a prospect, like the book. */
  if (RETAINER_IS_WINDOW (parent) && retainer_window_get_presenting (RETAINER_WINDOW (parent)))
    return;

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
    { "win.clients", { "<Control>l", NULL } },
    { "win.book", { "<Control>b", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
  };

  if (g_getenv ("RETAINER_BENCH_FIRST_FRAME") != NULL)
    bench_mark ("startup");
  G_APPLICATION_CLASS (retainer_application_parent_class)->startup (application);
  if (g_getenv ("RETAINER_BENCH_FIRST_FRAME") != NULL)
    bench_mark ("gtk-ready");

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
