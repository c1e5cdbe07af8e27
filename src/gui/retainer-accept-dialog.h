/* retainer-accept-dialog.h: accepting the proposal shown makes it a client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "retainer-proposal.h"

G_BEGIN_DECLS

#define RETAINER_TYPE_ACCEPT_DIALOG (retainer_accept_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RetainerAcceptDialog, retainer_accept_dialog, RETAINER, ACCEPT_DIALOG,
                      AdwAlertDialog)

/* Asks for the acceptance date (today), the accepted revision (1) and the
 * go-live month (next month). Its "accept" response keeps the client in
 * the app's data folder and emits ::client-stored with the file's path; a
 * failure is shown in an alert and changes nothing. */
RetainerAcceptDialog *retainer_accept_dialog_new          (const RetainerProposal *proposal);
/* The rows, for tests: the acceptance date, the revision and the go-live month. */
GtkEditable          *retainer_accept_dialog_get_date     (RetainerAcceptDialog   *self);
AdwSpinRow           *retainer_accept_dialog_get_revision (RetainerAcceptDialog   *self);
GtkEditable          *retainer_accept_dialog_get_go_live  (RetainerAcceptDialog   *self);

G_END_DECLS
