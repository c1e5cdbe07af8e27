/* retainer-client-view.h: one client: the accepted proposal, read-only, the
 * months recorded and, for the month selected, its metrics against the
 * month before
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "retainer-client-report.h"
#include "retainer-client.h"
#include "retainer-window.h"

G_BEGIN_DECLS

#define RETAINER_TYPE_CLIENT_VIEW (retainer_client_view_get_type ())

G_DECLARE_FINAL_TYPE (RetainerClientView, retainer_client_view, RETAINER, CLIENT_VIEW,
                      AdwNavigationPage)

/* Shows @client (taken), kept at @path. The agency's own costs show only
 * while @window is not presenting. */
RetainerClientView   *retainer_client_view_new                 (RetainerWindow  *window,
                                                                const char      *path,
                                                                RetainerClient  *client);
const RetainerClient *retainer_client_view_get_client          (RetainerClientView *self);
const char           *retainer_client_view_get_path            (RetainerClientView *self);
/* The month selected, an index into the client's months; -1: none. */
int                   retainer_client_view_get_selected_month  (RetainerClientView *self);
void                  retainer_client_view_select_month        (RetainerClientView *self,
                                                                int                 index);
/* Records @month (copied) at @index, or as the next month when @index is
 * the number of months, and keeps the client (atomically). On failure the
 * client stays as it was. */
gboolean              retainer_client_view_replace_month       (RetainerClientView *self,
                                                                guint               index,
                                                                const RetainerClientMonth *month,
                                                                GError            **error);

/* What the file dialogs' answers do; tests call them with a file directly,
 * as the dialogs cannot be driven (they are portals in the Flatpak). Each
 * shows a failure in an alert and changes nothing. */
gboolean              retainer_client_view_import_months_file  (RetainerClientView *self,
                                                                GFile              *file);
/* The report of the month selected. */
gboolean              retainer_client_view_export_report_to    (RetainerClientView *self,
                                                                GFile              *file);
gboolean              retainer_client_view_export_review_to    (RetainerClientView *self,
                                                                const char         *quarter,
                                                                const RetainerExpansionRequest *offer,
                                                                GFile              *file);
gboolean              retainer_client_view_export_client_to    (RetainerClientView *self,
                                                                GFile              *file);

G_END_DECLS
