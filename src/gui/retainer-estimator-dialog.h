/* retainer-estimator-dialog.h: the monthly spend estimated from usage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "retainer-price-table.h"
#include "retainer-spend-estimate.h"
#include "retainer-window.h"

G_BEGIN_DECLS

#define RETAINER_TYPE_ESTIMATOR_DIALOG (retainer_estimator_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RetainerEstimatorDialog, retainer_estimator_dialog, RETAINER,
                      ESTIMATOR_DIALOG, AdwDialog)

AdwDialog *retainer_estimator_dialog_new              (RetainerWindow          *window);
/* The file dialogs' answers (the tests' seams): a table of the founder's
 * is added to the list, selected and kept in the user's price tables
 * folder; the chosen table is written to `file` to share it. */
gboolean   retainer_estimator_dialog_open_table_file  (RetainerEstimatorDialog *self,
                                                       GFile                   *file,
                                                       GError                 **error);
gboolean   retainer_estimator_dialog_save_table_to    (RetainerEstimatorDialog *self,
                                                       GFile                   *file,
                                                       GError                 **error);
/* Selects a model by provider and name; FALSE when no table lists it. */
gboolean   retainer_estimator_dialog_select_model     (RetainerEstimatorDialog *self,
                                                       const char              *provider,
                                                       const char              *name);
/* The basis as typed, or NULL with the reason (also shown in the dialog). */
RetainerSpendBasis *retainer_estimator_dialog_get_basis (RetainerEstimatorDialog *self,
                                                         GError                 **error);
/* Fills the window's spend, as "Use This Spend" does, and closes. */
gboolean   retainer_estimator_dialog_use              (RetainerEstimatorDialog *self);

G_END_DECLS
