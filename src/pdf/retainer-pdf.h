/* retainer-pdf.h: the proposal document, rendered with libharu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "retainer-agency.h"
#include "retainer-proposal.h"
#include "retainer-recommend.h"

G_BEGIN_DECLS

#define RETAINER_PDF_ERROR (retainer_pdf_error_quark ())

typedef enum
{
  RETAINER_PDF_ERROR_RENDER, /* libharu failed */
  RETAINER_PDF_ERROR_FONT,   /* no usable TrueType font */
  RETAINER_PDF_ERROR_WRITE,  /* the file could not be written */
} RetainerPdfError;

GQuark   retainer_pdf_error_quark (void);

/**
 * retainer_pdf_export:
 * @proposal: the proposal
 * @result: its result, from retainer_recommend()
 * @agency: the brand
 * @path: the PDF to write, atomically
 * @warnings: (nullable): receives translated messages (char *) of problems
 *   that did not stop the export, such as a logo that could not be read
 * @error: a #GError
 *
 * Writes the proposal document. A failure leaves no partial file behind.
 */
gboolean retainer_pdf_export      (const RetainerProposal *proposal,
                                   const RetainerResult   *result,
                                   const RetainerAgency   *agency,
                                   const char             *path,
                                   GPtrArray              *warnings,
                                   GError                **error);

G_END_DECLS
