/* retainer-recommend.h: the recommendation and the projection of
 * docs/calculation.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "retainer-proposal.h"

G_BEGIN_DECLS

typedef enum
{
  RETAINER_FLAG_BELOW_CANDIDATE_THRESHOLD = 1 << 0, /* spend under the card's candidate threshold */
  RETAINER_FLAG_SAVINGS_BELOW_MINIMUM     = 1 << 1, /* client keeps less than the minimum share */
  RETAINER_FLAG_NO_SAVING                 = 1 << 2, /* retainer costs as much as the covered spend or more */
  RETAINER_FLAG_FEE_OUTSIDE_BAND          = 1 << 3,
  RETAINER_FLAG_MARGIN_BELOW_FLOOR        = 1 << 4, /* worst-case monthly margin under the floor */
  RETAINER_FLAG_NEEDS_NOT_COVERED         = 1 << 5, /* no tier covers the needs: the top tier is used */
  RETAINER_FLAG_TIER_OVERRIDDEN           = 1 << 6, /* the founder chose another tier */
  RETAINER_FLAG_NO_BREAK_EVEN             = 1 << 7, /* not within the horizon */
} RetainerFlags;

#define RETAINER_N_FLAGS 8

/* Which rule decided the recommended tier. */
typedef enum
{
  RETAINER_REASON_NEEDS,      /* needs tier above what the spend supports */
  RETAINER_REASON_SPEND,      /* the spend supports a higher tier than the needs ask */
  RETAINER_REASON_BOTH,       /* needs and spend point at the same tier */
  RETAINER_REASON_NEEDS_ONLY, /* no tier leaves the minimum saving: the needs decide */
} RetainerReason;

typedef struct
{
  guint  month;
  gint64 without;   /* cumulative cost without the agency */
  gint64 with;      /* cumulative cost with the agency, setup fee included */
  gint64 net;       /* without - with */
} RetainerMonth;

/* What one tier would mean for this prospect. */
typedef struct
{
  guint  tier;
  gint64 monthly_retainer;
  gint64 monthly_saving;
  double saving_share;       /* 0..1 of the covered spend; may be negative */
  int    break_even_month;   /* 0: none within the horizon */
  double break_even_months;  /* < 0: none */
  gint64 net_saving_horizon;
} RetainerTierOption;

/* The cautious case (docs/calculation.md): the same tier, setup fee and
 * retainer, with less of the spend moving to the model, a later go-live and
 * no growth of the spend. */
typedef struct
{
  double coverage_pct;       /* c' = c x the card's coverage factor */
  guint  go_live_months;     /* L' = L + the card's delay */
  double growth_pct;         /* g' = 0 when g > 0, else g */
  gint64 covered_api_spend;  /* S x c' */
  gint64 monthly_saving;     /* S x c' - R, once live */
  int    break_even_month;   /* 0: none within the horizon */
  double break_even_months;  /* < 0: none */
  gint64 net_saving_12;
  gint64 net_saving_horizon;
  GArray *months;            /* RetainerMonth, months 0..horizon: the chart's band */
} RetainerCautiousCase;

/* The first-year totals the client sees with and without each option
 * (proposal->option_*): setup fee + 12 x monthly retainer. */
typedef struct
{
  gint64 first_year_total;            /* the proposal as it stands, no option */
  guint  extra_use_cases;             /* the option's use cases; 0: not offered */
  gint64 extra_use_cases_retainer;    /* R with them */
  gint64 extra_use_cases_monthly;     /* what they add a month */
  gint64 extra_use_cases_first_year;
  gboolean annual_prepay;             /* offered: billed monthly and the card has a discount */
  gint64 annual_prepay_retainer;      /* R billed annually */
  gint64 annual_prepay_first_year;    /* paid up front with the setup fee */
  gint64 all_options_retainer;        /* R with every option offered taken */
  gint64 all_options_first_year;
} RetainerOptionTotals;

typedef struct
{
  RetainerComplexity complexity;
  gint64             setup_band_low;
  gint64             setup_band_high;
  gint64             setup_fee;
  gint64             suggested_setup_fee;
  int                needs_tier;        /* index into the card's tiers */
  int                spend_tier;        /* -1: no tier leaves the minimum saving */
  int                recommended_tier;
  int                chosen_tier;
  RetainerReason     reason;
  guint              extra_use_cases;
  gint64             tier_price;        /* chosen tier's list price */
  gint64             monthly_retainer;  /* R, with extra use cases and annual discount */
  gint64             monthly_billing_retainer; /* R if billed monthly, whatever the billing */
  gint64             annual_prepay;     /* 12 x R when billed annually, else 0 */
  gint64             annual_option_retainer; /* R if billed annually, whatever the billing */
  gint64             annual_option_saving;   /* what 12 months prepaid save against monthly */
  gint64             annual_option_prepay;   /* 12 x the annual option's R, paid up front */
  gint64             covered_api_spend; /* S x c */
  gint64             monthly_saving;    /* covered spend - R */
  double             saving_share;      /* 0..1 */
  int                break_even_month;  /* 0: none within the horizon */
  double             break_even_months; /* < 0: none */
  gint64             net_saving_12;
  gint64             net_saving_horizon;
  guint              horizon_months;
  RetainerFlags      flags;
  /* The founder's private figures. */
  gint64             agency_monthly_cost_low;
  gint64             agency_monthly_cost_high;
  double             margin_low_pct;
  double             margin_high_pct;
  gint64             setup_margin_low;  /* fee - highest build cost */
  gint64             setup_margin_high; /* fee - lowest build cost */
  gint64             first_year_value;  /* F + 12 x R */
  GArray            *months;            /* RetainerMonth, months 0..horizon */
  GArray            *tier_options;      /* RetainerTierOption, one per tier of the card */
  RetainerCautiousCase cautious;
  RetainerOptionTotals options;
} RetainerResult;

RetainerResult *retainer_recommend                (const RetainerProposal *proposal);
void            retainer_result_free              (RetainerResult         *result);

const char     *retainer_flag_to_id               (RetainerFlags           flag);
const char     *retainer_flag_describe            (RetainerFlags           flag);
const char     *retainer_reason_to_id             (RetainerReason          reason);
/* One sentence naming the rule that chose the tier, translated. */
char           *retainer_result_describe_reason   (const RetainerResult   *result,
                                                   const RetainerProposal *proposal);
/* Where a break-even is written. */
typedef enum
{
  RETAINER_BREAK_EVEN_FIGURE,   /* a figure on its own: "month 3 (2.3 months)" */
  RETAINER_BREAK_EVEN_MARKER,   /* the chart's marker: "Break-even: month 3 (2.3 months)" */
  RETAINER_BREAK_EVEN_SENTENCE, /* "The setup fee is paid back in month 3, after 2.3 months." */
  RETAINER_BREAK_EVEN_PHRASE,   /* what the prospect reads, on screen and paper alike:
                                 * "Paid back in month 3"; the fraction is the sentence's */
} RetainerBreakEvenForm;

char           *retainer_break_even_describe      (int                     month,
                                                   double                  months,
                                                   guint                   horizon_months,
                                                   RetainerBreakEvenForm   form);
/* The break-even of a cumulative net series, net[0] being month 0: the
 * first month m >= 1 with net[m] >= 0 from which the client gains, and
 * the fractional month of docs/calculation.md, "Break-even", in
 * @fractional (-1 when none). Returns 0 when there is none. */
int             retainer_break_even_of_net        (const gint64           *net,
                                                   guint                   n_net,
                                                   double                 *fractional);
/* "month 2", "month 3 (2.3 months)" or "no break-even within 24 months", translated. */
char           *retainer_result_describe_break_even (const RetainerResult *result);

/* The PDF's one sentence on the cautious case, like "Even if only 50% of
 * the work moves to the model and go-live slips by 2 months, you break even
 * in month 14."; NULL when there is nothing to say: the expected case does
 * not break even, or the cautious case is the expected one. */
char           *retainer_result_describe_cautious (const RetainerResult   *result,
                                                   const RetainerProposal *proposal);

/* "Saves $7,000 a month" or "No monthly saving": a tier's saving in the
 * same words on the window's cards and in the PDF's plan table. */
char           *retainer_tier_option_describe_saving (const RetainerTierOption *option,
                                                      const char               *currency);

/* Why `tier` is or is not the one for this prospect, in the prospect's
 * terms: "Has the dedicated instance you asked for", "No dedicated instance". */
char           *retainer_tier_describe_fit        (const RetainerResult   *result,
                                                   const RetainerProposal *proposal,
                                                   guint                   tier);

/* The `retainer --summary` document. */
cJSON          *retainer_result_to_json           (const RetainerResult   *result,
                                                   const RetainerProposal *proposal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerResult, retainer_result_free)

G_END_DECLS
