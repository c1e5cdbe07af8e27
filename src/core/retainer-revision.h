/* retainer-revision.h: the revisions a proposal is issued in
 *
 * docs/calculation.md, "Revisions": a proposal keeps its number for life.
 * Exporting it after a figure changed issues the next revision; exporting it
 * with the same figures issues the same revision again. Whether figures
 * changed is decided by a digest of them: see retainer_result_digest() and
 * docs/calculation.md, "Revisions".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "retainer-proposal.h"
#include "retainer-recommend.h"

G_BEGIN_DECLS

/* "sha256:" and the SHA-256 of the canonical JSON of the figures the client
 * sees, in lowercase hexadecimal. */
char     *retainer_result_digest            (const RetainerResult   *result,
                                             const RetainerProposal *proposal);
/* The canonical JSON the digest is taken of, for the documentation and
 * for a founder who wants to check a digest by hand. */
char     *retainer_result_canonical_figures (const RetainerResult   *result,
                                             const RetainerProposal *proposal);

gboolean  retainer_proposal_issue_revision  (RetainerProposal       *proposal,
                                             const RetainerResult   *result,
                                             const char             *date,
                                             guint                  *revision_out,
                                             GError                **error);
/* The revision the PDF of these figures carries: the latest issued one when
 * its digest matches them, else 0 (never issued: a draft). */
guint     retainer_proposal_current_revision (const RetainerProposal *proposal,
                                              const RetainerResult   *result);
/* "AC-0042, revision 2", or the number alone for revision 0. */
char     *retainer_revision_format_label    (const char             *number,
                                             guint                   revision);

G_END_DECLS
