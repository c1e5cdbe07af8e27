/* retainer-proposal.h: a proposal's inputs, the founder's overrides and the
 * rate card it was priced with, as held in a .retainer file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cjson/cJSON.h>

#include "retainer-enums.h"
#include "retainer-rate-card.h"
#include "retainer-spend-estimate.h"

G_BEGIN_DECLS

#define RETAINER_PROPOSAL_FORMAT "retainer-proposal"
#define RETAINER_PROPOSAL_VERSION 1
#define RETAINER_PROPOSAL_EXTENSION ".retainer"
#define RETAINER_PROPOSAL_MIME_TYPE "application/x-retainer-proposal"

/* Limits of the inputs; files and the window both keep to them. */
#define RETAINER_TEXT_MAX_LENGTH 500
#define RETAINER_GROWTH_MIN_PCT (-25.0)
#define RETAINER_GROWTH_MAX_PCT 25.0
#define RETAINER_USE_CASES_MAX 50
#define RETAINER_GO_LIVE_MAX_MONTHS 12
#define RETAINER_REVISIONS_MAX 999
#define RETAINER_DIGEST_PREFIX "sha256:"

/* One issued revision of a proposal, as its file records it
 * (docs/calculation.md, "Revisions"). */
typedef struct
{
  char   *number;            /* the proposal's number, "AC-0042" */
  guint   revision;          /* 1, 2, ... */
  char   *date;              /* YYYY-MM-DD, the day it was issued */
  char   *tier_id;
  gint64  setup_fee;         /* minor units */
  gint64  monthly_retainer;
  char   *currency;
  char   *digest;            /* "sha256:" + 64 hex digits: retainer_result_digest() */
} RetainerRevision;

typedef struct
{
  char                   *contact;
  char                   *company;
  char                   *industry;
  char                   *currency;            /* ISO 4217 code, one of the supported */
  gint64                  monthly_api_spend;   /* minor units */
  double                  api_growth_pct;      /* per month */
  double                  coverage_pct;        /* share of the spend the tuned model takes over */
  RetainerComplexity      complexity;
  gboolean                has_answers;         /* complexity came from the three questions */
  RetainerTasks           tasks;
  RetainerDataReadiness   data_readiness;
  RetainerEvaluation      evaluation;
  RetainerChangeFrequency change_frequency;
  gboolean                dedicated_instance;
  RetainerSupport         support;
  guint                   use_cases;
  RetainerBilling         billing;
  guint                   horizon_months;      /* 12, 24 or 36 */
  guint                   go_live_months;
  gboolean                has_setup_fee;       /* the founder moved the fee */
  gint64                  setup_fee;
  char                   *tier_id;             /* the founder's choice; NULL: the recommendation */
  RetainerRateCard       *rate_card;           /* snapshot the proposal is priced with */
  char                   *number;              /* proposal number, once exported; may be NULL */
  char                   *date;                /* YYYY-MM-DD, once exported; may be NULL */
  char                   *language;            /* of the PDF, like "de"; NULL: the user's */
  gboolean                show_cautious_range; /* the PDF states the cautious case; default TRUE */
  RetainerSpendBasis     *spend_estimate;      /* what the spend was estimated from; NULL: typed */
  /* Options the client may tick in the acceptance block. */
  guint                   option_extra_use_cases; /* more use cases offered; 0: none */
  gboolean                option_annual_prepay;   /* annual prepay offered */
  GPtrArray              *revisions;           /* RetainerRevision, oldest first; may be NULL */
} RetainerProposal;

#define RETAINER_PROPOSAL_ERROR (retainer_proposal_error_quark ())

typedef enum
{
  RETAINER_PROPOSAL_ERROR_INVALID,
  RETAINER_PROPOSAL_ERROR_CLIENT_FILE, /* saving would replace a client's file */
} RetainerProposalError;

GQuark            retainer_proposal_error_quark (void);

/* A proposal with docs/calculation.md's defaults, priced with `card` (copied). */
RetainerProposal *retainer_proposal_new          (const RetainerRateCard   *card);
RetainerProposal *retainer_proposal_copy         (const RetainerProposal   *proposal);
void              retainer_proposal_free         (RetainerProposal         *proposal);
gboolean          retainer_proposal_equal        (const RetainerProposal   *a,
                                                  const RetainerProposal   *b);
gboolean          retainer_proposal_validate     (const RetainerProposal   *proposal,
                                                  const RetainerJsonSource *source,
                                                  GError                  **error);
/* The proposal's use cases and those its option offers are together at most
 * RETAINER_USE_CASES_MAX: the most each may be, given the other. */
guint             retainer_proposal_max_use_cases (const RetainerProposal *proposal);
guint             retainer_proposal_max_extra_use_cases (const RetainerProposal *proposal);
/* Gives @proposal the record of what @issued has sent out: its number, date
 * and revisions. Undo and redo keep that record, since it is on paper that
 * may have gone out. Returns whether @proposal changed. */
gboolean          retainer_proposal_keep_issued   (RetainerProposal       *proposal,
                                                   const RetainerProposal *issued);
/* Replace the card; the tier choice is kept when the new card has that tier. */
void              retainer_proposal_set_rate_card (RetainerProposal        *proposal,
                                                  const RetainerRateCard   *card);

RetainerProposal *retainer_proposal_from_json    (const cJSON              *root,
                                                  const RetainerJsonSource *source,
                                                  GError                  **error);
cJSON            *retainer_proposal_to_json      (const RetainerProposal   *proposal);
RetainerProposal *retainer_proposal_load         (const char               *path,
                                                  GError                  **error);
RetainerProposal *retainer_proposal_load_data    (const char               *text,
                                                  gsize                     length,
                                                  const char               *display_name,
                                                  GError                  **error);
gboolean          retainer_proposal_save         (const RetainerProposal   *proposal,
                                                  const char               *path,
                                                  GError                  **error);
/* The latest issued revision, or NULL. */
const RetainerRevision *retainer_proposal_get_latest_revision (const RetainerProposal *proposal);

RetainerRevision *retainer_revision_copy         (const RetainerRevision   *revision);
void              retainer_revision_free         (RetainerRevision         *revision);

/* The built-in sample proposal shown on first start. */
RetainerProposal *retainer_proposal_new_sample   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerProposal, retainer_proposal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerRevision, retainer_revision_free)

G_END_DECLS
