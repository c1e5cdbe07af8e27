/* ui-test-util.h: what the window tests share: waiting for GTK, dialogs,
 * template children and screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "retainer-window.h"

G_BEGIN_DECLS

/* Runs the main loop for @ms milliseconds. */
void              retainer_test_wait_ms             (guint             ms);
/* Handles everything pending, without waiting for more. */
void              retainer_test_settle              (void);
/* The visible message dialog, or NULL. */
AdwMessageDialog *retainer_test_find_message_dialog (void);
/* Answers @dialog as its button would, and closes it. */
void              retainer_test_respond             (AdwMessageDialog *dialog,
                                                     const char       *response);
/* A template child of the window, which must exist. */
gpointer          retainer_test_window_child        (RetainerWindow   *window,
                                                     const char       *name);
/* @widget as drawn now. */
GdkTexture       *retainer_test_render              (gpointer          widget);
/* Writes @widget as drawn now to $RETAINER_SCREENSHOT_DIR/@name. */
void              retainer_test_write_png           (gpointer          widget,
                                                     const char       *name);

G_END_DECLS
