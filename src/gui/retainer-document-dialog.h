/* retainer-document-dialog.h: what the proposal's PDF states and offers,
 * and the revisions it was issued in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "retainer-window.h"

G_BEGIN_DECLS

#define RETAINER_TYPE_DOCUMENT_DIALOG (retainer_document_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RetainerDocumentDialog, retainer_document_dialog, RETAINER, DOCUMENT_DIALOG,
                      AdwPreferencesDialog)

AdwDialog *retainer_document_dialog_new             (RetainerWindow         *window);
/* Shows the window's proposal again (after an undo, an export). */
void       retainer_document_dialog_refresh         (RetainerDocumentDialog *self);
/* The rows of the issued revisions, oldest first (for tests and screen readers). */
GListModel *retainer_document_dialog_get_revision_rows (RetainerDocumentDialog *self);

G_END_DECLS
