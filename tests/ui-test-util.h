/* ui-test-util.h: what the window tests share: setting up GTK and the
 * application, opening windows, waiting for GTK, dialogs, template
 * children, labels, screenshots and a PDF's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "retainer-application.h"
#include "retainer-window.h"

G_BEGIN_DECLS

/* Before g_test_init () with G_TEST_OPTION_ISOLATE_DIRS: keeps the
 * system's MIME database, which the isolated folders would hide. */
void            retainer_test_keep_mime_database (void);
/* The start of a window test program's main (): the test framework with
 * isolated folders, GTK set up for tests, and the application, registered. */
RetainerApplication *retainer_test_init_window_tests (int    *argc,
                                                      char ***argv);
/* Runs the tests, then lets the application go; returns what main ()
 * returns. */
int             retainer_test_run                (RetainerApplication *application);
/* A new window of @application, @width × @height, presented and drawn. */
RetainerWindow *retainer_test_new_window         (RetainerApplication *application,
                                                  int                  width,
                                                  int                  height);
/* The same, in presentation mode from the start when @presenting. */
RetainerWindow *retainer_test_new_window_full    (RetainerApplication *application,
                                                  int                  width,
                                                  int                  height,
                                                  gboolean             presenting);
/* Closes @window and handles what that leaves pending. */
void            retainer_test_destroy_window     (gpointer             window);
/* Runs the main loop for @ms milliseconds. */
void            retainer_test_wait_ms            (guint           ms);
/* Handles everything pending, without waiting for more. */
void            retainer_test_settle             (void);
/* Presents @window and waits until it is mapped and has drawn a frame. */
void            retainer_test_present            (GtkWindow      *window);
/* Waits until @widget is mapped, has a size and its window has painted a
 * frame since this call: what it shows now is on screen. */
void            retainer_test_wait_frame         (gpointer        widget);
/* The alert dialog on top of the window @widget is in, or NULL. */
AdwAlertDialog *retainer_test_find_alert_dialog  (gpointer        widget);
/* Clicks the button of @response in @dialog, which closes it. */
void            retainer_test_respond            (AdwAlertDialog *dialog,
                                                  const char     *response);
/* The path of a file @name in the test's own data folder (isolated by
 * g_test_init ()), which is made if it is not there yet. */
char           *retainer_test_data_path          (const char     *name);
/* A new proposal on the default rate card, with nothing filled in. */
RetainerProposal *retainer_test_new_default_proposal (void);
/* Chooses the plan card at @tier (0 for the first), as a click does. */
void            retainer_test_select_tier_card   (RetainerWindow *window,
                                                  guint           tier);
/* A template child of the window, which must exist. */
gpointer        retainer_test_window_child       (RetainerWindow *window,
                                                  const char     *name);
/* The text of the window's label @name. */
const char     *retainer_test_label_text         (RetainerWindow *window,
                                                  const char     *name);
/* A label on screen (mapped) under @widget whose text holds @needle, such
 * as a toast's title; or NULL. */
GtkLabel       *retainer_test_find_label         (gpointer        widget,
                                                  const char     *needle);
/* @widget as drawn in a new frame. */
GdkTexture     *retainer_test_render             (gpointer        widget);
/* Writes @widget as drawn in a new frame to $RETAINER_SCREENSHOT_DIR/@name. */
void            retainer_test_write_png          (gpointer        widget,
                                                  const char     *name);

/* The colour schemes the screenshots are taken in, light then dark, with
 * the word each file name carries. */
typedef struct
{
  const char    *name;
  AdwColorScheme scheme;
} RetainerTestColorScheme;

extern const RetainerTestColorScheme retainer_test_color_schemes[2];

/* Whether pdftotext (poppler-utils) is there to read PDFs; when it is not,
 * the test is marked skipped. */
gboolean        retainer_test_have_pdftotext     (void);
/* The text of the PDF at @path, as pdftotext reads it. */
char           *retainer_test_pdf_text           (const char     *path);

G_END_DECLS
