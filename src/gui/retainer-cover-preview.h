/* retainer-cover-preview.h: a small picture of the PDF's first page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "retainer-agency.h"

G_BEGIN_DECLS

#define RETAINER_TYPE_COVER_PREVIEW (retainer_cover_preview_get_type ())

G_DECLARE_FINAL_TYPE (RetainerCoverPreview, retainer_cover_preview, RETAINER, COVER_PREVIEW, GtkWidget)

GtkWidget     *retainer_cover_preview_new               (void);

const char    *retainer_cover_preview_get_agency_name   (RetainerCoverPreview *self);
void           retainer_cover_preview_set_agency_name   (RetainerCoverPreview *self,
                                                         const char           *agency_name);
const char    *retainer_cover_preview_get_address       (RetainerCoverPreview *self);
void           retainer_cover_preview_set_address       (RetainerCoverPreview *self,
                                                         const char           *address);
GdkTexture    *retainer_cover_preview_get_logo          (RetainerCoverPreview *self);
void           retainer_cover_preview_set_logo          (RetainerCoverPreview *self,
                                                         GdkTexture           *logo);
/* "#RRGGBB" */
const char    *retainer_cover_preview_get_primary_color (RetainerCoverPreview *self);
void           retainer_cover_preview_set_primary_color (RetainerCoverPreview *self,
                                                         const char           *color);
const char    *retainer_cover_preview_get_accent_color  (RetainerCoverPreview *self);
void           retainer_cover_preview_set_accent_color  (RetainerCoverPreview *self,
                                                         const char           *color);
RetainerPaper  retainer_cover_preview_get_paper         (RetainerCoverPreview *self);
void           retainer_cover_preview_set_paper         (RetainerCoverPreview *self,
                                                         RetainerPaper         paper);
const char    *retainer_cover_preview_get_company       (RetainerCoverPreview *self);
void           retainer_cover_preview_set_company       (RetainerCoverPreview *self,
                                                         const char           *company);
/* The facts under the title band, already formatted. */
const char    *retainer_cover_preview_get_number        (RetainerCoverPreview *self);
void           retainer_cover_preview_set_number        (RetainerCoverPreview *self,
                                                         const char           *number);
const char    *retainer_cover_preview_get_date          (RetainerCoverPreview *self);
void           retainer_cover_preview_set_date          (RetainerCoverPreview *self,
                                                         const char           *date);
const char    *retainer_cover_preview_get_valid_until   (RetainerCoverPreview *self);
void           retainer_cover_preview_set_valid_until   (RetainerCoverPreview *self,
                                                         const char           *valid_until);
const char    *retainer_cover_preview_get_footer        (RetainerCoverPreview *self);
void           retainer_cover_preview_set_footer        (RetainerCoverPreview *self,
                                                         const char           *footer);
/* How often the page was drawn; tests see a change reach the picture. */
guint          retainer_cover_preview_get_n_draws       (RetainerCoverPreview *self);

G_END_DECLS
