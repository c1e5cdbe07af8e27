/* retainer-application.h: the GTK application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RETAINER_TYPE_APPLICATION (retainer_application_get_type ())

G_DECLARE_FINAL_TYPE (RetainerApplication, retainer_application, RETAINER, APPLICATION, AdwApplication)

RetainerApplication *retainer_application_new (GApplicationFlags  extra_flags);

/* Opens the window on `open_path`, or with none on the last proposal, the
 * unsaved work of a crash, or the built-in sample. Returns the exit status. */
int                  retainer_application_run (const char        *open_path);

G_END_DECLS
