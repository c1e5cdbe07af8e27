/* retainer-window-pitch.h: the window's spend estimate, proposal document
 * options, revisions and brand setup, as the dialogs and the tests use them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "retainer-spend-estimate.h"
#include "retainer-window.h"

G_BEGIN_DECLS

/* Fills the spend from an estimate of `basis` (copied) and keeps the basis
 * in the proposal: one undo step. FALSE with `error` when the basis does
 * not give a spend in the proposal's currency. */
gboolean   retainer_window_use_estimate             (RetainerWindow           *self,
                                                     const RetainerSpendBasis *basis,
                                                     GError                  **error);
/* The proposal document's settings; each change is one undo step. */
void       retainer_window_set_show_cautious_range  (RetainerWindow           *self,
                                                     gboolean                  show);
void       retainer_window_set_option_extra_use_cases (RetainerWindow         *self,
                                                     guint                     use_cases);
void       retainer_window_set_option_annual_prepay (RetainerWindow           *self,
                                                     gboolean                  offered);

/* The dialogs, presented over the window; the return value is the dialog
 * shown (owned by the window while it is open). */
AdwDialog *retainer_window_open_estimator           (RetainerWindow           *self);
AdwDialog *retainer_window_open_document_dialog     (RetainerWindow           *self);

/* Export as the Export button does: the brand setup first when no agency
 * profile exists and it was not skipped in this session, then the save
 * dialog, or straight to `file` when given (the tests' seam). */
void       retainer_window_begin_export             (RetainerWindow           *self,
                                                     GFile                    *file);
/* Whether the next export presents the brand setup first. */
gboolean   retainer_window_needs_brand              (RetainerWindow           *self);

G_END_DECLS
