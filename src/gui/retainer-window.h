/* retainer-window.h: the pitch window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "retainer-proposal.h"
#include "retainer-recommend.h"

G_BEGIN_DECLS

#define RETAINER_TYPE_WINDOW (retainer_window_get_type ())

G_DECLARE_FINAL_TYPE (RetainerWindow, retainer_window, RETAINER, WINDOW, AdwApplicationWindow)

RetainerWindow         *retainer_window_new                 (GtkApplication   *application);
/* The document shown; the window keeps it in step with the widgets. */
const RetainerProposal *retainer_window_get_proposal        (RetainerWindow   *self);
const RetainerResult   *retainer_window_get_result          (RetainerWindow   *self);
const char             *retainer_window_get_path            (RetainerWindow   *self);
gboolean                retainer_window_get_modified        (RetainerWindow   *self);
gboolean                retainer_window_get_is_sample       (RetainerWindow   *self);
gboolean                retainer_window_get_presenting      (RetainerWindow   *self);
void                    retainer_window_set_presenting      (RetainerWindow   *self,
                                                             gboolean          presenting);
/* Shows `proposal` (taken) as a saved document at `path`, or as a new
 * unsaved one when `path` is NULL. Does not ask about unsaved changes. */
void                    retainer_window_load_proposal       (RetainerWindow   *self,
                                                             RetainerProposal *proposal,
                                                             const char       *path);
void                    retainer_window_load_sample         (RetainerWindow   *self);
/* Opens a file: a file that fails to load leaves the current work as it is
 * and shows the reason; unsaved changes are asked about first. */
void                    retainer_window_open_file           (RetainerWindow   *self,
                                                             const char       *path);
gboolean                retainer_window_save_to             (RetainerWindow   *self,
                                                             const char       *path,
                                                             GError          **error);
/* Saves to `file` as the Save dialog's answer does: adds the extension,
 * shows a failure in a dialog, then carries on with what waited for the
 * save (closing, a new proposal). The file dialogs cannot be driven in
 * tests (through a portal in the Flatpak), so the tests call this and
 * retainer_window_export_pdf_to () as the dialogs' callbacks do. */
gboolean                retainer_window_save_as_file        (RetainerWindow   *self,
                                                             GFile            *file);
/* "Proposal - <Company> - <date>.pdf", fit to be a file name. */
char                   *retainer_window_suggest_pdf_name    (RetainerWindow   *self);
/* Where the export dialog opens: the folder of the last export, else
 * Documents, else home. */
GFile                  *retainer_window_get_export_folder   (RetainerWindow   *self);
/* Exports the PDF to `file` with the stored agency profile. The first
 * export numbers and dates the proposal and uses up the profile's next
 * number; a failure is shown in a dialog and changes nothing. */
gboolean                retainer_window_export_pdf_to       (RetainerWindow   *self,
                                                             GFile            *file);
/* Offers to restore work autosaved before a crash; returns whether there was any. */
gboolean                retainer_window_offer_restore       (RetainerWindow   *self);
/* $XDG_DATA_HOME/retainer/autosave.retainer */
char                   *retainer_window_autosave_path       (void);

G_END_DECLS
