/* retainer-book-dialog.h: the book, the founder's private view of the
 * agency across its clients (docs/calculation.md, "The book")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "retainer-book.h"

G_BEGIN_DECLS

#define RETAINER_TYPE_BOOK_DIALOG (retainer_book_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RetainerBookDialog, retainer_book_dialog, RETAINER, BOOK_DIALOG, AdwDialog)

/* Shows `book` (taken); `problems` (nullable, copied) names the client
 * files that could not join it. */
AdwDialog          *retainer_book_dialog_new            (RetainerBook       *book,
                                                         const GPtrArray    *problems);
const RetainerBook *retainer_book_dialog_get_book       (RetainerBookDialog *self);
/* Writes the accountant's CSV to `file` as the Export dialog's answer
 * does; a failure is shown in an alert. The file dialog cannot be driven
 * in tests, so they call this. */
gboolean            retainer_book_dialog_export_csv_to  (RetainerBookDialog *self,
                                                         GFile              *file);

G_END_DECLS
