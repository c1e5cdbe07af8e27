/* retainer-preferences-window.h: the agency profile, edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "retainer-proposal.h"

G_BEGIN_DECLS

#define RETAINER_TYPE_PREFERENCES_WINDOW (retainer_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RetainerPreferencesWindow, retainer_preferences_window, RETAINER,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Edits the stored agency profile; `proposal` (nullable, copied) is the one
 * the cover preview shows. */
RetainerPreferencesWindow *retainer_preferences_window_new            (GtkWindow                 *parent,
                                                                       const RetainerProposal    *proposal);
/* Saves what was typed now instead of after the short delay. Fields with a
 * problem keep their stored value; returns FALSE when one has a problem or
 * the profile could not be written. */
gboolean                   retainer_preferences_window_save           (RetainerPreferencesWindow *self);
/* Whether a field holds something that cannot be saved as it is. */
gboolean                   retainer_preferences_window_get_has_problems (RetainerPreferencesWindow *self);
/* The logo from a PNG or JPEG file, or none when `file` is NULL; a file
 * that cannot be used is reported in a toast. */
gboolean                   retainer_preferences_window_set_logo_file  (RetainerPreferencesWindow *self,
                                                                       GFile                     *file);
/* Replaces the profile with a shared one; a failure is shown in a dialog
 * and changes nothing. */
gboolean                   retainer_preferences_window_import_file    (RetainerPreferencesWindow *self,
                                                                       GFile                     *file);
/* Writes the profile with its logo inside, to share. */
gboolean                   retainer_preferences_window_export_file    (RetainerPreferencesWindow *self,
                                                                       GFile                     *file);

G_END_DECLS
