/* retainer-preferences-dialog.h: the agency profile, edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "retainer-proposal.h"

G_BEGIN_DECLS

#define RETAINER_TYPE_PREFERENCES_DIALOG (retainer_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RetainerPreferencesDialog, retainer_preferences_dialog, RETAINER,
                      PREFERENCES_DIALOG, AdwPreferencesDialog)

/* Edits the stored agency profile; `proposal` (nullable, copied) is the one
 * the cover preview shows. Present it with adw_dialog_present (). Closing
 * saves; a field that cannot be saved is asked about first. */
RetainerPreferencesDialog *retainer_preferences_dialog_new            (const RetainerProposal    *proposal);
/* Saves what was typed now instead of after the short delay. Fields with a
 * problem keep their stored value; returns FALSE when one has a problem or
 * the profile could not be written. */
gboolean                   retainer_preferences_dialog_save           (RetainerPreferencesDialog *self);
/* Whether a field holds something that cannot be saved as it is. */
gboolean                   retainer_preferences_dialog_get_has_problems (RetainerPreferencesDialog *self);
/* What the file dialogs' answers do; the tests call these directly, as
 * GtkFileDialog (a portal in the Flatpak) cannot be driven from a test.
 * The logo from a PNG or JPEG file, or none when `file` is NULL; a file
 * that cannot be used is reported in a toast. */
gboolean                   retainer_preferences_dialog_set_logo_file  (RetainerPreferencesDialog *self,
                                                                       GFile                     *file);
/* Replaces the profile with a shared one; a failure is shown in a dialog
 * and changes nothing. */
gboolean                   retainer_preferences_dialog_import_file    (RetainerPreferencesDialog *self,
                                                                       GFile                     *file);
/* Writes the profile with its logo inside, to share. */
gboolean                   retainer_preferences_dialog_export_file    (RetainerPreferencesDialog *self,
                                                                       GFile                     *file);

G_END_DECLS
