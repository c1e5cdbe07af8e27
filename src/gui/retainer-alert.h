/* retainer-alert.h: the alert dialogs the window and the preferences show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* adw_alert_dialog_new (), with a heading of any length laid out without
 * warnings; add responses and present it as usual. */
AdwDialog *retainer_alert_new (const char *heading,
                               const char *body);

G_END_DECLS
