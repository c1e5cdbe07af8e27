/* retainer-brand-dialog.h: the agency's name, logo and colour, asked once
 * before the first PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RETAINER_TYPE_BRAND_DIALOG (retainer_brand_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RetainerBrandDialog, retainer_brand_dialog, RETAINER, BRAND_DIALOG, AdwDialog)

/* Emits "done" (gboolean proceed) once: TRUE after Continue stored the
 * profile or after Skip, FALSE when the dialog is closed otherwise. */
AdwDialog *retainer_brand_dialog_new           (void);
/* The logo the founder picked, as the file dialog's answer (tests' seam). */
gboolean   retainer_brand_dialog_set_logo_file (RetainerBrandDialog *self,
                                                GFile               *file,
                                                GError             **error);
void       retainer_brand_dialog_skip          (RetainerBrandDialog *self);
/* Stores the profile and emits "done"; FALSE with the reason shown in the
 * dialog when it could not. */
gboolean   retainer_brand_dialog_continue      (RetainerBrandDialog *self);

/* A skipped setup is not asked again while Retainer runs: the choice lives
 * in the process, not in the settings, so a later session offers the brand
 * again until a profile exists. */
gboolean   retainer_brand_setup_was_skipped    (void);
void       retainer_brand_setup_reset          (void);

G_END_DECLS
