/* retainer-window-book.h: the book in the pitch window: the Book dialog
 * (win.book) and what the prospect adds to the book, in the private panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "retainer-window.h"

G_BEGIN_DECLS

/* Reloads the clients and the agency profile, then shows the book; in
 * presentation mode, nothing. Returns the dialog shown, or NULL. */
AdwDialog *retainer_window_open_book       (RetainerWindow *self);
/* The Book dialog while it is open, else NULL. */
AdwDialog *retainer_window_get_book_dialog (RetainerWindow *self);
/* Reloads the clients and the agency profile behind the private panel's
 * "What This Deal Adds to the Book": for whoever changes either. */
void       retainer_window_reload_book     (RetainerWindow *self);

G_END_DECLS
