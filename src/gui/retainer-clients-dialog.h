/* retainer-clients-dialog.h: the clients kept in the app's data folder,
 * and each client's own page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "retainer-client-view.h"
#include "retainer-window.h"

G_BEGIN_DECLS

#define RETAINER_TYPE_CLIENTS_DIALOG (retainer_clients_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RetainerClientsDialog, retainer_clients_dialog, RETAINER, CLIENTS_DIALOG,
                      AdwDialog)

RetainerClientsDialog *retainer_clients_dialog_new         (RetainerWindow        *window);
/* Reads the clients folder again. */
void                   retainer_clients_dialog_reload      (RetainerClientsDialog *self);
guint                  retainer_clients_dialog_get_n_clients (RetainerClientsDialog *self);
/* The row of the client kept at @path, or -1. */
int                    retainer_clients_dialog_find        (RetainerClientsDialog *self,
                                                            const char            *path);
/* Shows the client of row @index on its own page, and returns the page. */
RetainerClientView    *retainer_clients_dialog_open_client (RetainerClientsDialog *self,
                                                            guint                  index);
/* What the file dialogs' answers do (tests call them with a file): keeps
 * a copy of a client file, asking before it replaces a client of the same
 * name; writes the client of row @index to @file. A failure is shown in
 * an alert naming the file and the field, and changes nothing. */
gboolean               retainer_clients_dialog_import_file (RetainerClientsDialog *self,
                                                            GFile                 *file);
gboolean               retainer_clients_dialog_export_file (RetainerClientsDialog *self,
                                                            guint                  index,
                                                            GFile                 *file);

G_END_DECLS
