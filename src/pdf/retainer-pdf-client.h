/* retainer-pdf-client.h: the client's documents after the yes, in the
 * agency's brand: the monthly value report and the quarterly review
 *
 * Both are written in the accepted proposal's language, with its numbers
 * and month names, without touching the process (see retainer-language.h);
 * messages for the user (warnings, errors) stay in the user's language.
 * They show only what the client may see: never the agency's own costs
 * ("actual_costs"), margins or delivery costs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "retainer-agency.h"
#include "retainer-client-report.h"
#include "retainer-client.h"
#include "retainer-pdf.h"

G_BEGIN_DECLS

gboolean retainer_pdf_export_report (const RetainerClient           *client,
                                     const char                     *month,
                                     const RetainerAgency           *agency,
                                     const char                     *path,
                                     GPtrArray                      *warnings,
                                     GError                        **error);

gboolean retainer_pdf_export_review (const RetainerClient           *client,
                                     const char                     *quarter,
                                     const RetainerExpansionRequest *offer,
                                     const RetainerAgency           *agency,
                                     const char                     *path,
                                     GPtrArray                      *warnings,
                                     GError                        **error);

G_END_DECLS
