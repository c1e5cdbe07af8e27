/* retainer-client-report.h: the figures of the monthly value report and of
 * the quarterly review with its expansion offer (docs/calculation.md,
 * "After the yes: the value report and the quarterly review")
 *
 * Months have two clocks. Month k counts the months recorded since go-live
 * (k = 1 is the go-live month). Month m is the accepted proposal's clock:
 * m = 1 is the month of the acceptance, and the proposal's projection N(m)
 * runs on it. The go-live month is m = D + 1, D being the calendar months
 * from the acceptance to the go-live (retainer_client_go_live_offset()):
 * a go-live later than the proposal promised shows as a later recovery.
 *
 * Actual cumulative net at month m: -F before the go-live, then
 * sum over j <= k of (E_j - B_j) - F with k = m - D.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cjson/cJSON.h>

#include "retainer-client.h"
#include "retainer-recommend.h"

G_BEGIN_DECLS

typedef enum
{
  RETAINER_METRIC_VERDICT_BETTER,
  RETAINER_METRIC_VERDICT_WORSE,
  RETAINER_METRIC_VERDICT_UNCHANGED,
  RETAINER_METRIC_VERDICT_NEW,          /* no value the month before */
  RETAINER_METRIC_VERDICT_NOT_MEASURED, /* no value this month */
} RetainerMetricVerdict;

/* One metric, last month against this month (or across a quarter). */
typedef struct
{
  char                   *name;
  char                   *unit;
  RetainerMetricDirection direction;
  gboolean                has_previous;
  double                  previous;
  gboolean                has_current;
  double                  current;
  guint                   decimals;      /* as the values were written, at most 3 */
  double                  change;        /* current - previous, rounded to decimals */
  RetainerMetricVerdict   verdict;
  char                   *previous_text; /* "92.3%", "1.4 s"; "—" without a value */
  char                   *current_text;
  char                   *change_text;   /* "+1.8 pts", "−0.2 s"; "—" without both values */
} RetainerMetricComparison;

typedef struct
{
  /* The month */
  guint                month_number;        /* k: 1 = the go-live month */
  char                *month;               /* YYYY-MM */
  char                *previous_month;      /* YYYY-MM; NULL at k = 1 */
  const RetainerClientMonth *record;        /* the client's month (retraining facts) */
  /* Cost impact */
  char                *tier_id;             /* the accepted tier */
  gint64               api_cost_equivalent; /* E_k */
  gint64               retainer_billed;     /* B_k */
  gint64               monthly_saving;      /* E_k - B_k */
  gint64               cumulative_saving;   /* sum over j <= k of (E_j - B_j) */
  /* Promised against delivered */
  gint64               setup_fee;           /* F, as accepted */
  gint64               actual_net;          /* cumulative_saving - F */
  guint                proposal_month;      /* m = D + k */
  gboolean             has_promised_net;    /* m within the proposal's horizon */
  gint64               promised_net;        /* N(m) */
  int                  promised_break_even_month;  /* on the proposal's clock; 0: none */
  double               promised_break_even_months; /* fractional; < 0: none */
  char                *promised_break_even_calendar; /* YYYY-MM; NULL: none */
  int                  actual_break_even_month;    /* on the proposal's clock; 0: not yet */
  double               actual_break_even_months;
  char                *actual_break_even_calendar;
  int                  break_even_delay;    /* actual - promised months, when both exist */
  GArray              *promised_series;     /* gint64 N(m), m = 0 .. horizon */
  GArray              *actual_series;       /* gint64 actual net, m = 0 .. proposal_month */
  /* Performance comparison */
  GPtrArray           *metrics;             /* RetainerMetricComparison */
} RetainerValueReport;

typedef struct
{
  char      *quarter;               /* "2026-Q1" */
  char      *first_month;           /* first recorded month of the quarter */
  char      *last_month;            /* last recorded month of the quarter */
  guint      months_recorded;       /* 1 to 3 */
  gint64     saving_in_quarter;     /* sum of E - B over the quarter */
  gint64     api_cost_equivalent_in_quarter;
  gint64     retainer_billed_in_quarter;
  gint64     saving_since_deployment; /* cumulative saving up to the quarter's last month */
  gint64     actual_net;            /* saving_since_deployment - F */
  gboolean   has_promised_net;
  gint64     promised_net;          /* N(m) at the quarter's last month */
  char      *trend_start_month;     /* the month the trend starts from */
  GPtrArray *metric_trends;         /* RetainerMetricComparison: start against the last month */
  /* Each metric's values month by month over the quarter: per trend, an
   * array of months_recorded doubles, NAN where not measured. */
  GPtrArray *metric_values;         /* GArray of double, parallel to metric_trends */
} RetainerQuarterlyReview;

/* What the founder types for an expansion offer. */
typedef struct
{
  guint              extra_use_cases;   /* n, 1 or more */
  gint64             monthly_api_spend; /* the new use cases' own API spend, minor units */
  RetainerComplexity complexity;        /* of the new use cases */
  gboolean           next_tier;         /* also move to the next tier up */
} RetainerExpansionRequest;

typedef struct
{
  guint             extra_use_cases;
  int               current_tier;
  int               offered_tier;       /* the same, or the next one up */
  gint64            current_retainer;   /* R as accepted */
  gint64            new_retainer;       /* R with the new use cases (and tier) */
  gint64            retainer_increase;  /* new - current: "+$1,500 a month" */
  gint64            setup_band_low;     /* n x the complexity's band */
  gint64            setup_band_high;
  gint64            setup_fee;          /* n x the band's midpoint */
  gint64            covered_api_spend;  /* the new use cases' spend x coverage */
  gint64            monthly_saving;     /* covered spend - retainer increase */
  int               break_even_month;   /* 0: none within the horizon */
  double            break_even_months;
  gint64            net_saving_horizon;
  guint             horizon_months;
  RetainerProposal *proposal;           /* the expanded client, priced as a new proposal */
  RetainerResult   *result;             /* its recommendation */
  RetainerResult   *increment;          /* the new use cases on their own: the increase
                                         * as their retainer, their own setup fee */
} RetainerExpansionOffer;

/* Pure helpers, shared by the report, the review and their tests. */
guint                    retainer_metric_decimals         (double                    value);
char                    *retainer_metric_format_value     (double                    value,
                                                           const char               *unit,
                                                           guint                     decimals);
char                    *retainer_metric_format_change    (double                    change,
                                                           const char               *unit,
                                                           guint                     decimals);
RetainerMetricVerdict    retainer_metric_verdict          (double                    change,
                                                           RetainerMetricDirection   direction);
const char              *retainer_metric_verdict_to_id    (RetainerMetricVerdict     verdict);
const char              *retainer_metric_verdict_label    (RetainerMetricVerdict     verdict);
RetainerMetricComparison *retainer_metric_compare         (const RetainerMetric     *previous,
                                                           const RetainerMetric     *current);
void                     retainer_metric_comparison_free  (RetainerMetricComparison *comparison);

/* Sum over the first @n_months recorded months of (E - B). */
gint64                   retainer_client_cumulative_saving (const RetainerClient    *client,
                                                            guint                    n_months);
/* The break-even of the series (index 1 and on) by the proposal's rule,
 * retainer_break_even_of_net(), with the fractional month of
 * docs/calculation.md, "Break-even"; 0 and -1 when there is none. */
int                      retainer_net_break_even          (const GArray             *net,
                                                           double                   *fractional);

RetainerValueReport     *retainer_value_report_new        (const RetainerClient     *client,
                                                           const char               *month,
                                                           GError                  **error);
void                     retainer_value_report_free       (RetainerValueReport      *report);

gboolean                 retainer_quarter_parse           (const char               *text,
                                                           int                      *first_month);
RetainerQuarterlyReview *retainer_quarterly_review_new    (const RetainerClient     *client,
                                                           const char               *quarter,
                                                           GError                  **error);
void                     retainer_quarterly_review_free   (RetainerQuarterlyReview  *review);

RetainerExpansionOffer  *retainer_expansion_offer_new     (const RetainerClient     *client,
                                                           const RetainerExpansionRequest *request,
                                                           GError                  **error);
void                     retainer_expansion_offer_free    (RetainerExpansionOffer   *offer);

/* For `retainer --summary` of a client: months recorded, cumulative
 * savings since deployment, the actual against the promised break-even,
 * and the last month's metrics against the month before. */
cJSON                   *retainer_client_summary_to_json  (const RetainerClient     *client);

/* For the client's documents: "March 2026" (or "March") in the current
 * document's language; and one sentence on when the setup fee was paid
 * back against the month the proposal promised. */
char                    *retainer_month_format_long       (const char               *month,
                                                           gboolean                  with_year);
char                    *retainer_value_report_describe_recovery (const RetainerValueReport *report,
                                                                  const char          *currency);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerMetricComparison, retainer_metric_comparison_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerValueReport, retainer_value_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerQuarterlyReview, retainer_quarterly_review_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerExpansionOffer, retainer_expansion_offer_free)

G_END_DECLS
