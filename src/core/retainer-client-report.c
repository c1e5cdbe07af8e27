/* retainer-client-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "retainer-client-report.h"
#include "retainer-i18n.h"
#include "retainer-language.h"
#include "retainer-money.h"

#define METRIC_MAX_DECIMALS 3

/* --- metrics ----------------------------------------------------------- */

/**
 * retainer_metric_decimals:
 * @value: a metric's value
 *
 * Returns: how many decimals the value was written with, at most 3: 94.1
 *   gives 1, 1200 gives 0
 */
guint
retainer_metric_decimals (double value)
{
  if (!isfinite (value))
    return 0;

  for (guint decimals = 0; decimals < METRIC_MAX_DECIMALS; decimals++)
    {
      double scaled = value * pow (10.0, decimals);

      if (fabs (scaled - round (scaled)) <= 1e-12 * MAX (1.0, fabs (scaled)))
        return decimals;
    }
  return METRIC_MAX_DECIMALS;
}

static double
round_to_decimals (double value,
                   guint  decimals)
{
  double scale = pow (10.0, decimals);

  return round (value * scale) / scale;
}

/**
 * retainer_metric_format_value:
 * @value: a metric's value
 * @unit: its unit
 * @decimals: digits after the decimal mark
 *
 * Returns: (transfer full): the value for people, in the locale's marks:
 *   "92.3%", "1.4 s", "120 ms"
 */
char *
retainer_metric_format_value (double      value,
                              const char *unit,
                              guint       decimals)
{
  g_autofree char *number = NULL;

  if (g_strcmp0 (unit, "%") == 0)
    return retainer_format_percent (value, decimals);

  number = retainer_format_number (value, decimals);
  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  /* A unit stays on the line of its number. */
  return g_strdup_printf ("%s\u00a0%s", number, unit);
}

/**
 * retainer_metric_format_change:
 * @change: this month's value less last month's
 * @unit: the metric's unit
 * @decimals: digits after the decimal mark
 *
 * A change with its sign (a real minus sign, as amounts have): percentages
 * change in points ("+1.8 pts"), other metrics in their unit ("−0.2 s").
 * No sign when the change rounds to zero.
 *
 * Returns: (transfer full): the change for people
 */
char *
retainer_metric_format_change (double      change,
                               const char *unit,
                               guint       decimals)
{
  double rounded = round_to_decimals (change, decimals);
  g_autofree char *magnitude = retainer_format_number (fabs (rounded), decimals);
  g_autofree char *number = NULL;

  if (rounded > 0)
    number = g_strconcat ("+", magnitude, NULL);
  else if (rounded < 0)
    number = g_strconcat ("−", magnitude, NULL);
  else
    number = g_strdup (magnitude);

  if (g_strcmp0 (unit, "%") == 0)
    /* Translators: a change of a percentage in percentage points, like
     * "+1.8 pts"; %s is the signed number. Keep the space unbreakable. */
    return g_strdup_printf (_("%s\u00a0pts"), number);
  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  return g_strdup_printf ("%s\u00a0%s", number, unit);
}

/**
 * retainer_metric_verdict:
 * @change: the rounded change
 * @direction: which way is better for the metric
 *
 * Returns: better, worse or unchanged
 */
RetainerMetricVerdict
retainer_metric_verdict (double                  change,
                         RetainerMetricDirection direction)
{
  if (change == 0 || !isfinite (change))
    return RETAINER_METRIC_VERDICT_UNCHANGED;
  if ((change > 0) == (direction == RETAINER_METRIC_HIGHER_IS_BETTER))
    return RETAINER_METRIC_VERDICT_BETTER;
  return RETAINER_METRIC_VERDICT_WORSE;
}

static const struct
{
  const char *id;
  const char *label;
} verdict_info[] = {
  /* Translators: a metric's change, as the value report marks it. */
  { "better", N_("better") },
  { "worse", N_("worse") },
  { "unchanged", N_("unchanged") },
  /* Translators: a metric measured this month for the first time. */
  { "new", N_("new") },
  { "not-measured", N_("not measured") },
};

/**
 * retainer_metric_verdict_to_id:
 * @verdict: a verdict
 *
 * Returns: its stable id, as in `retainer --summary`
 */
const char *
retainer_metric_verdict_to_id (RetainerMetricVerdict verdict)
{
  g_return_val_if_fail ((guint) verdict < G_N_ELEMENTS (verdict_info), NULL);
  return verdict_info[verdict].id;
}

/**
 * retainer_metric_verdict_label:
 * @verdict: a verdict
 *
 * Returns: the verdict for people, translated: "better"
 */
const char *
retainer_metric_verdict_label (RetainerMetricVerdict verdict)
{
  g_return_val_if_fail ((guint) verdict < G_N_ELEMENTS (verdict_info), NULL);
  return _(verdict_info[verdict].label);
}

/**
 * retainer_metric_comparison_free:
 * @comparison: (nullable): a comparison
 */
void
retainer_metric_comparison_free (RetainerMetricComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_free (comparison->name);
  g_free (comparison->unit);
  g_free (comparison->previous_text);
  g_free (comparison->current_text);
  g_free (comparison->change_text);
  g_free (comparison);
}

/**
 * retainer_metric_compare:
 * @previous: (nullable): the metric last month
 * @current: (nullable): the metric this month (not both %NULL)
 *
 * Compares a metric across two months, with the values and the change
 * written as the report shows them and marked by the metric's direction.
 * Name, unit and direction are this month's when there is one.
 *
 * Returns: (transfer full): the comparison
 */
RetainerMetricComparison *
retainer_metric_compare (const RetainerMetric *previous,
                         const RetainerMetric *current)
{
  const RetainerMetric *metric = current != NULL ? current : previous;
  RetainerMetricComparison *comparison;

  g_return_val_if_fail (metric != NULL, NULL);

  comparison = g_new0 (RetainerMetricComparison, 1);
  comparison->name = g_strdup (metric->name);
  comparison->unit = g_strdup (metric->unit);
  comparison->direction = metric->direction;
  comparison->has_previous = previous != NULL && previous->has_value;
  comparison->previous = comparison->has_previous ? previous->value : NAN;
  comparison->has_current = current != NULL && current->has_value;
  comparison->current = comparison->has_current ? current->value : NAN;
  if (comparison->has_previous)
    comparison->decimals = retainer_metric_decimals (comparison->previous);
  if (comparison->has_current)
    comparison->decimals = MAX (comparison->decimals,
                                retainer_metric_decimals (comparison->current));

  comparison->previous_text = comparison->has_previous
                                ? retainer_metric_format_value (comparison->previous,
                                                                comparison->unit,
                                                                comparison->decimals)
                                : g_strdup ("—");
  comparison->current_text = comparison->has_current
                               ? retainer_metric_format_value (comparison->current,
                                                               comparison->unit,
                                                               comparison->decimals)
                               : g_strdup ("—");

  if (!comparison->has_current)
    {
      comparison->verdict = RETAINER_METRIC_VERDICT_NOT_MEASURED;
      comparison->change = NAN;
      comparison->change_text = g_strdup ("—");
    }
  else if (!comparison->has_previous)
    {
      comparison->verdict = RETAINER_METRIC_VERDICT_NEW;
      comparison->change = NAN;
      comparison->change_text = g_strdup ("—");
    }
  else
    {
      comparison->change = round_to_decimals (comparison->current - comparison->previous,
                                              comparison->decimals);
      /* round() keeps a negative zero's sign; it reads as no change. */
      if (comparison->change == 0)
        comparison->change = 0;
      comparison->verdict = retainer_metric_verdict (comparison->change, comparison->direction);
      comparison->change_text = retainer_metric_format_change (comparison->change,
                                                               comparison->unit,
                                                               comparison->decimals);
    }
  return comparison;
}

/* Every metric of @current against @previous, then those @previous had
 * and @current no longer has. */
static GPtrArray *
compare_months (const RetainerClientMonth *previous,
                const RetainerClientMonth *current)
{
  GPtrArray *comparisons =
    g_ptr_array_new_with_free_func ((GDestroyNotify) retainer_metric_comparison_free);

  for (guint i = 0; i < current->metrics->len; i++)
    {
      const RetainerMetric *metric = g_ptr_array_index (current->metrics, i);
      const RetainerMetric *before = previous != NULL
                                       ? retainer_client_month_find_metric (previous, metric->name)
                                       : NULL;

      g_ptr_array_add (comparisons, retainer_metric_compare (before, metric));
    }
  for (guint i = 0; previous != NULL && i < previous->metrics->len; i++)
    {
      const RetainerMetric *metric = g_ptr_array_index (previous->metrics, i);

      if (retainer_client_month_find_metric (current, metric->name) == NULL)
        g_ptr_array_add (comparisons, retainer_metric_compare (metric, NULL));
    }
  return comparisons;
}

/* --- savings and break-even -------------------------------------------- */

/**
 * retainer_client_cumulative_saving:
 * @client: a client
 * @n_months: how many recorded months, from the go-live month
 *
 * Returns: the sum over those months of (E - B): savings since deployment
 */
gint64
retainer_client_cumulative_saving (const RetainerClient *client,
                                   guint                 n_months)
{
  gint64 total = 0;

  for (guint i = 0; i < n_months && i < client->months->len; i++)
    {
      const RetainerClientMonth *record = g_ptr_array_index (client->months, i);

      total += record->api_cost_equivalent - record->retainer_billed;
    }
  return total;
}

/**
 * retainer_net_break_even:
 * @net: (element-type gint64): cumulative net from month 0
 * @fractional: (out) (optional): the fractional month, < 0 when none
 *
 * The proposal's rule, retainer_break_even_of_net(), on a report's series.
 *
 * Returns: the month, or 0 when there is none
 */
int
retainer_net_break_even (const GArray *net,
                         double       *fractional)
{
  if (net == NULL)
    return retainer_break_even_of_net (NULL, 0, fractional);
  return retainer_break_even_of_net ((const gint64 *) (gpointer) net->data, net->len, fractional);
}

static char *
calendar_of_proposal_month (const RetainerClient *client,
                            int                   proposal_month)
{
  int accepted = 0;

  if (proposal_month <= 0)
    return NULL;
  retainer_date_parse (client->accepted_date, &accepted);
  return retainer_month_to_string (accepted + proposal_month - 1);
}

/* The actual cumulative net on the proposal's clock, month 0 to @last. */
static GArray *
actual_series (const RetainerClient *client,
               guint                 last)
{
  int offset = retainer_client_go_live_offset (client);
  GArray *series = g_array_sized_new (FALSE, FALSE, sizeof (gint64), last + 1);
  gint64 fee = client->promise.setup_fee;
  gint64 cumulative = 0;

  for (guint m = 0; m <= last; m++)
    {
      gint64 net;

      if ((int) m > offset && (int) m - offset <= (int) client->months->len)
        {
          const RetainerClientMonth *record = g_ptr_array_index (client->months,
                                                                 (guint) ((int) m - offset - 1));

          cumulative += record->api_cost_equivalent - record->retainer_billed;
        }
      net = cumulative - fee;
      g_array_append_val (series, net);
    }
  return series;
}

/* --- the monthly value report ------------------------------------------ */

/**
 * retainer_value_report_free:
 * @report: (nullable): a report
 */
void
retainer_value_report_free (RetainerValueReport *report)
{
  if (report == NULL)
    return;
  g_free (report->month);
  g_free (report->previous_month);
  g_free (report->tier_id);
  g_free (report->promised_break_even_calendar);
  g_free (report->actual_break_even_calendar);
  g_clear_pointer (&report->promised_series, g_array_unref);
  g_clear_pointer (&report->actual_series, g_array_unref);
  g_clear_pointer (&report->metrics, g_ptr_array_unref);
  g_free (report);
}

static gboolean
set_no_month (GError    **error,
              const char *month)
{
  g_autofree char *given = g_utf8_make_valid (month != NULL ? month : "", -1);

  /* Translators: %s is a month like "2026-03". */
  g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_NO_MONTH,
               _("No figures are recorded for %s: expected a recorded month like 2026-03"),
               given);
  return FALSE;
}

/**
 * retainer_value_report_new:
 * @client: a valid client
 * @month: a recorded month, "YYYY-MM"
 * @error: a #GError
 *
 * The figures of the monthly value report: cost impact, promised against
 * delivered and the performance comparison with the month before.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL when @month
 *   is not recorded
 */
RetainerValueReport *
retainer_value_report_new (const RetainerClient *client,
                           const char           *month,
                           GError              **error)
{
  int index = month != NULL ? retainer_client_find_month (client, month) : -1;
  const RetainerClientMonth *record, *previous = NULL;
  RetainerValueReport *report;

  if (index < 0)
    {
      set_no_month (error, month);
      return NULL;
    }

  record = g_ptr_array_index (client->months, (guint) index);
  if (index > 0)
    previous = g_ptr_array_index (client->months, (guint) index - 1);

  report = g_new0 (RetainerValueReport, 1);
  report->month_number = (guint) index + 1;
  report->month = g_strdup (record->month);
  report->previous_month = previous != NULL ? g_strdup (previous->month) : NULL;
  report->record = record;
  report->tier_id = g_strdup (client->promise.tier_id);
  report->api_cost_equivalent = record->api_cost_equivalent;
  report->retainer_billed = record->retainer_billed;
  report->monthly_saving = record->api_cost_equivalent - record->retainer_billed;
  report->cumulative_saving = retainer_client_cumulative_saving (client, report->month_number);

  report->setup_fee = client->promise.setup_fee;
  report->actual_net = report->cumulative_saving - report->setup_fee;
  report->proposal_month = (guint) retainer_client_go_live_offset (client) + report->month_number;
  report->promised_series = g_array_copy (client->promise.net);
  report->has_promised_net = report->proposal_month < report->promised_series->len;
  if (report->has_promised_net)
    report->promised_net = g_array_index (report->promised_series, gint64,
                                          report->proposal_month);
  report->actual_series = actual_series (client, report->proposal_month);

  report->promised_break_even_month =
    retainer_net_break_even (report->promised_series, &report->promised_break_even_months);
  report->promised_break_even_calendar =
    calendar_of_proposal_month (client, report->promised_break_even_month);
  report->actual_break_even_month =
    retainer_net_break_even (report->actual_series, &report->actual_break_even_months);
  report->actual_break_even_calendar =
    calendar_of_proposal_month (client, report->actual_break_even_month);
  if (report->promised_break_even_month > 0 && report->actual_break_even_month > 0)
    report->break_even_delay = report->actual_break_even_month
                               - report->promised_break_even_month;

  report->metrics = compare_months (previous, record);
  return report;
}

/* --- the quarterly review ---------------------------------------------- */

/**
 * retainer_quarter_parse:
 * @text: a quarter like "2026-Q1"
 * @first_month: (out) (optional): its first month, as retainer_month_parse()
 *
 * Returns: whether @text is a quarter written exactly as YYYY-Qn
 */
gboolean
retainer_quarter_parse (const char *text,
                        int        *first_month)
{
  g_autofree char *month = NULL;
  int quarter;

  if (text == NULL || strlen (text) != 7 || text[4] != '-' || text[5] != 'Q'
      || text[6] < '1' || text[6] > '4')
    return FALSE;
  quarter = text[6] - '0';
  month = g_strdup_printf ("%.4s-%02d", text, (quarter - 1) * 3 + 1);
  return retainer_month_parse (month, first_month);
}

/**
 * retainer_quarterly_review_free:
 * @review: (nullable): a review
 */
void
retainer_quarterly_review_free (RetainerQuarterlyReview *review)
{
  if (review == NULL)
    return;
  g_free (review->quarter);
  g_free (review->first_month);
  g_free (review->last_month);
  g_free (review->trend_start_month);
  g_clear_pointer (&review->metric_trends, g_ptr_array_unref);
  g_clear_pointer (&review->metric_values, g_ptr_array_unref);
  g_free (review);
}

/**
 * retainer_quarterly_review_new:
 * @client: a valid client
 * @quarter: "YYYY-Qn", with at least one month recorded
 * @error: a #GError
 *
 * The figures of the quarterly review: the value delivered in the quarter
 * and since deployment, and each metric's trend over the quarter. The
 * trend runs from the month before the quarter when it is recorded (the
 * state the quarter started from), else from the quarter's first month, to
 * the quarter's last recorded month.
 *
 * Returns: (transfer full) (nullable): the review
 */
RetainerQuarterlyReview *
retainer_quarterly_review_new (const RetainerClient *client,
                               const char           *quarter,
                               GError              **error)
{
  g_autoptr (RetainerQuarterlyReview) review = NULL;
  const RetainerClientMonth *start, *last, *first_record;
  int first_index, go_live = 0, first = -1, end = -1;

  if (!retainer_quarter_parse (quarter, &first_index))
    {
      g_autofree char *given = g_utf8_make_valid (quarter != NULL ? quarter : "", -1);

      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_NO_MONTH,
                   _("“%s” is not a quarter: expected a quarter like 2026-Q1"), given);
      return NULL;
    }

  retainer_month_parse (client->go_live_month, &go_live);
  for (guint i = 0; i < client->months->len; i++)
    {
      int index = go_live + (int) i;

      if (index >= first_index && index < first_index + 3)
        {
          if (first < 0)
            first = (int) i;
          end = (int) i;
        }
    }
  if (first < 0)
    {
      /* Translators: %s is a quarter like "2026-Q1". */
      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_NO_MONTH,
                   _("No month of %s is recorded: expected a quarter with at least one "
                     "recorded month"), quarter);
      return NULL;
    }

  review = g_new0 (RetainerQuarterlyReview, 1);
  review->quarter = g_strdup (quarter);
  start = g_ptr_array_index (client->months, (guint) (first > 0 ? first - 1 : first));
  last = g_ptr_array_index (client->months, (guint) end);
  first_record = g_ptr_array_index (client->months, (guint) first);
  review->first_month = g_strdup (first_record->month);
  review->last_month = g_strdup (last->month);
  review->months_recorded = (guint) (end - first + 1);
  for (int i = first; i <= end; i++)
    {
      const RetainerClientMonth *record = g_ptr_array_index (client->months, (guint) i);

      review->api_cost_equivalent_in_quarter += record->api_cost_equivalent;
      review->retainer_billed_in_quarter += record->retainer_billed;
    }
  review->saving_in_quarter = review->api_cost_equivalent_in_quarter
                              - review->retainer_billed_in_quarter;
  review->saving_since_deployment = retainer_client_cumulative_saving (client, (guint) end + 1);
  review->actual_net = review->saving_since_deployment - client->promise.setup_fee;
  {
    guint m = (guint) retainer_client_go_live_offset (client) + (guint) end + 1;

    review->has_promised_net = m < client->promise.net->len;
    if (review->has_promised_net)
      review->promised_net = g_array_index (client->promise.net, gint64, m);
  }

  review->trend_start_month = g_strdup (start->month);
  /* The go-live month alone has no month before it to compare with. */
  review->metric_trends = compare_months (start == last ? NULL : start, last);
  review->metric_values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint t = 0; t < review->metric_trends->len; t++)
    {
      const RetainerMetricComparison *trend = g_ptr_array_index (review->metric_trends, t);
      GArray *values = g_array_sized_new (FALSE, FALSE, sizeof (double),
                                          review->months_recorded);

      for (int i = first; i <= end; i++)
        {
          const RetainerClientMonth *record = g_ptr_array_index (client->months, (guint) i);
          const RetainerMetric *metric = retainer_client_month_find_metric (record, trend->name);
          double value = metric != NULL && metric->has_value ? metric->value : NAN;

          g_array_append_val (values, value);
        }
      g_ptr_array_add (review->metric_values, values);
    }

  return g_steal_pointer (&review);
}

/* --- the expansion offer ----------------------------------------------- */

/**
 * retainer_expansion_offer_free:
 * @offer: (nullable): an offer
 */
void
retainer_expansion_offer_free (RetainerExpansionOffer *offer)
{
  if (offer == NULL)
    return;
  retainer_proposal_free (offer->proposal);
  retainer_result_free (offer->result);
  retainer_result_free (offer->increment);
  g_free (offer);
}

/**
 * retainer_expansion_offer_new:
 * @client: a valid client
 * @request: the new use cases: how many, their own monthly API spend and
 *   complexity, and whether the client also moves up a tier
 * @error: a #GError
 *
 * Prices an expansion by the calculation of a new proposal. The client's
 * accepted proposal with the added use cases, the new spend and
 * complexity (and the next tier, if asked) goes through the recommendation:
 * that gives the new monthly retainer and the setup band. The new use
 * cases are then projected on their own, as a proposal whose retainer is
 * the increase and whose fee is n x the band's midpoint: that gives their
 * saving and break-even.
 *
 * Returns: (transfer full) (nullable): the offer
 */
RetainerExpansionOffer *
retainer_expansion_offer_new (const RetainerClient           *client,
                              const RetainerExpansionRequest *request,
                              GError                        **error)
{
  const RetainerRateCard *card = client->proposal->rate_card;
  g_autoptr (RetainerExpansionOffer) offer = NULL;
  g_autoptr (RetainerProposal) increment = NULL;
  RetainerTier *increment_tier;
  int current_tier = retainer_rate_card_find_tier (card, client->promise.tier_id);
  int offered_tier;

  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (current_tier >= 0, NULL);

  if (request->extra_use_cases < 1
      || client->proposal->use_cases + request->extra_use_cases > RETAINER_USE_CASES_MAX)
    {
      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID,
                   _("New use cases: expected 1 to %u, so that the client has at most 50"),
                   RETAINER_USE_CASES_MAX - MIN (client->proposal->use_cases,
                                                 RETAINER_USE_CASES_MAX - 1));
      return NULL;
    }
  if (request->monthly_api_spend < 0 || request->monthly_api_spend > RETAINER_MONEY_MAX)
    {
      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID,
                   _("API spend of the new use cases: expected an amount from 0 to "
                     "1000000000000"));
      return NULL;
    }
  if ((guint) request->complexity >= RETAINER_N_COMPLEXITIES)
    {
      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID,
                   _("Complexity of the new use cases: expected simple, moderate or complex"));
      return NULL;
    }
  offered_tier = current_tier + (request->next_tier ? 1 : 0);
  if (offered_tier >= (int) card->n_tiers)
    {
      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID,
                   _("The client is on the card’s highest tier: there is no tier up to offer"));
      return NULL;
    }

  offer = g_new0 (RetainerExpansionOffer, 1);
  offer->extra_use_cases = request->extra_use_cases;
  offer->current_tier = current_tier;
  offer->offered_tier = offered_tier;
  offer->current_retainer = client->promise.monthly_retainer;

  /* The expanded client, priced as a new proposal. */
  offer->proposal = retainer_proposal_copy (client->proposal);
  offer->proposal->use_cases += request->extra_use_cases;
  offer->proposal->monthly_api_spend = request->monthly_api_spend;
  offer->proposal->complexity = request->complexity;
  offer->proposal->has_answers = FALSE;
  offer->proposal->has_setup_fee = FALSE;
  g_free (offer->proposal->tier_id);
  offer->proposal->tier_id = g_strdup (card->tiers[offered_tier].id);
  offer->result = retainer_recommend (offer->proposal);
  offer->new_retainer = offer->result->monthly_retainer;
  offer->retainer_increase = offer->new_retainer - offer->current_retainer;
  offer->setup_band_low = offer->result->setup_band_low * request->extra_use_cases;
  offer->setup_band_high = offer->result->setup_band_high * request->extra_use_cases;
  offer->setup_fee = offer->result->suggested_setup_fee * request->extra_use_cases;

  /* The new use cases on their own: the same projection, with the
   * increase as the retainer (already net of any annual discount, so
   * billed monthly here) and their own fee. */
  increment = retainer_proposal_copy (offer->proposal);
  increment->billing = RETAINER_BILLING_MONTHLY;
  increment->has_setup_fee = TRUE;
  increment->setup_fee = offer->setup_fee;
  increment_tier = &increment->rate_card->tiers[offered_tier];
  increment_tier->price = offer->retainer_increase;
  increment_tier->price_floor = MIN (increment_tier->price_floor, offer->retainer_increase);
  increment_tier->included_use_cases = increment->use_cases;
  offer->increment = retainer_recommend (increment);

  offer->covered_api_spend = offer->increment->covered_api_spend;
  offer->monthly_saving = offer->increment->monthly_saving;
  offer->break_even_month = offer->increment->break_even_month;
  offer->break_even_months = offer->increment->break_even_months;
  offer->net_saving_horizon = offer->increment->net_saving_horizon;
  offer->horizon_months = offer->increment->horizon_months;
  return g_steal_pointer (&offer);
}

/* --- the summary ------------------------------------------------------- */

static void
add_month_or_null (cJSON      *object,
                   const char *key,
                   int         month,
                   double      fractional)
{
  g_autofree char *months_key = g_strconcat (key, "s", NULL);

  if (month > 0)
    {
      cJSON_AddNumberToObject (object, key, month);
      cJSON_AddNumberToObject (object, months_key, round (fractional * 100.0) / 100.0);
    }
  else
    {
      cJSON_AddNullToObject (object, key);
      cJSON_AddNullToObject (object, months_key);
    }
}

static void
add_number_or_null (cJSON      *object,
                    const char *key,
                    gboolean    has_value,
                    double      value)
{
  if (has_value && isfinite (value))
    cJSON_AddNumberToObject (object, key, value);
  else
    cJSON_AddNullToObject (object, key);
}

/* The value report's performance comparison for the last recorded month:
 * each metric last month and this month, the change as the report writes
 * it ("+1.8 pts") and its verdict id. */
static void
add_last_month_metrics (cJSON                *root,
                        const RetainerClient *client)
{
  const RetainerClientMonth *last;
  g_autoptr (RetainerValueReport) report = NULL;
  cJSON *metrics = cJSON_AddArrayToObject (root, "last_month_metrics");

  if (client->months->len == 0)
    return;
  last = g_ptr_array_index (client->months, client->months->len - 1);
  report = retainer_value_report_new (client, last->month, NULL);
  for (guint i = 0; report != NULL && i < report->metrics->len; i++)
    {
      const RetainerMetricComparison *row = g_ptr_array_index (report->metrics, i);
      cJSON *item = cJSON_CreateObject ();

      cJSON_AddStringToObject (item, "name", row->name);
      cJSON_AddStringToObject (item, "unit", row->unit);
      cJSON_AddStringToObject (item, "direction", retainer_metric_direction_ids[row->direction]);
      add_number_or_null (item, "previous", row->has_previous, row->previous);
      add_number_or_null (item, "current", row->has_current, row->current);
      add_number_or_null (item, "change", row->has_previous && row->has_current, row->change);
      cJSON_AddStringToObject (item, "change_text", row->change_text);
      cJSON_AddStringToObject (item, "verdict", retainer_metric_verdict_to_id (row->verdict));
      cJSON_AddItemToArray (metrics, item);
    }
}

/**
 * retainer_client_summary_to_json:
 * @client: a valid client
 *
 * Returns: (transfer full): the client's part of `retainer --summary`:
 *   acceptance, months recorded, savings since deployment and the actual
 *   against the promised break-even, amounts in major units
 */
cJSON *
retainer_client_summary_to_json (const RetainerClient *client)
{
  cJSON *root = cJSON_CreateObject ();
  double promised_fraction = -1;
  int promised = retainer_net_break_even (client->promise.net, &promised_fraction);
  gint64 cumulative = retainer_client_cumulative_saving (client, client->months->len);
  int offset = retainer_client_go_live_offset (client);
  g_autoptr (GArray) actual = actual_series (client, (guint) offset + client->months->len);
  double actual_fraction = -1;
  int recovered = retainer_net_break_even (actual, &actual_fraction);

  cJSON_AddStringToObject (root, "accepted_date", client->accepted_date);
  cJSON_AddNumberToObject (root, "accepted_revision", client->accepted_revision);
  cJSON_AddStringToObject (root, "go_live_month", client->go_live_month);
  cJSON_AddStringToObject (root, "tier", client->promise.tier_id);
  retainer_json_add_money (root, "setup_fee", client->promise.setup_fee);
  retainer_json_add_money (root, "monthly_retainer", client->promise.monthly_retainer);
  cJSON_AddNumberToObject (root, "months_recorded", client->months->len);
  if (client->months->len > 0)
    cJSON_AddStringToObject (root, "last_month",
                             ((RetainerClientMonth *) g_ptr_array_index (client->months,
                                                                         client->months->len - 1))
                               ->month);
  else
    cJSON_AddNullToObject (root, "last_month");
  retainer_json_add_money (root, "cumulative_saving", cumulative);
  retainer_json_add_money (root, "actual_net", cumulative - client->promise.setup_fee);
  add_month_or_null (root, "promised_break_even_month", promised, promised_fraction);
  add_month_or_null (root, "actual_break_even_month", recovered, actual_fraction);
  {
    g_autofree char *promised_calendar = calendar_of_proposal_month (client, promised);
    g_autofree char *actual_calendar = calendar_of_proposal_month (client, recovered);

    if (promised_calendar != NULL)
      cJSON_AddStringToObject (root, "promised_break_even_calendar", promised_calendar);
    else
      cJSON_AddNullToObject (root, "promised_break_even_calendar");
    if (actual_calendar != NULL)
      cJSON_AddStringToObject (root, "actual_break_even_calendar", actual_calendar);
    else
      cJSON_AddNullToObject (root, "actual_break_even_calendar");
  }
  add_last_month_metrics (root, client);
  return root;
}

/* --- words for the client's documents ---------------------------------- */

/**
 * retainer_month_format_long:
 * @month: "YYYY-MM"
 * @with_year: whether to add the year
 *
 * Returns: (transfer full): "March 2026" or "March", with the current
 *   document's month names (see retainer-language.h); @month itself when
 *   it is not a month
 */
char *
retainer_month_format_long (const char *month,
                            gboolean    with_year)
{
  const RetainerLanguage *document = retainer_language_get_current ();
  g_autoptr (GDateTime) date = NULL;
  g_autoptr (GString) own = NULL;
  const char *name = NULL;
  const char *pattern;
  int index = 0;

  if (!retainer_month_parse (month, &index))
    return g_strdup (month != NULL ? month : "");
  date = g_date_time_new_utc (index / 12, index % 12 + 1, 1, 12, 0, 0);
  if (date == NULL)
    return g_strdup (month);

  /* Translators: a month in a document, as strftime() takes it: "%B %Y"
   * gives "March 2026". */
  pattern = with_year ? C_("month and year", "%B %Y") : "%B";
  if (document != NULL)
    name = retainer_language_get_month_name (document, (guint) (index % 12 + 1));
  if (name == NULL)
    return g_date_time_format (date, pattern);

  /* The document's month names, not the process's LC_TIME. */
  own = g_string_new (NULL);
  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 'B')
        {
          g_string_append (own, name);
          p++;
        }
      else if (p[0] == '%' && p[1] != '\0')
        {
          g_string_append_len (own, p, 2);
          p++;
        }
      else
        g_string_append_c (own, *p);
    }
  return g_date_time_format (date, own->str);
}

/**
 * retainer_value_report_describe_recovery:
 * @report: a value report
 * @currency: the proposal's currency
 *
 * Returns: (transfer full): one sentence, translated: when the setup fee
 *   was paid back against the month the proposal promised, or what is
 *   left of it to recover
 */
char *
retainer_value_report_describe_recovery (const RetainerValueReport *report,
                                         const char                *currency)
{
  int promised = report->promised_break_even_month;
  int actual = report->actual_break_even_month;
  guint horizon = report->promised_series->len > 0 ? report->promised_series->len - 1 : 0;
  g_autofree char *promised_month = NULL;
  g_autofree char *actual_month = NULL;

  if (promised > 0)
    promised_month = retainer_month_format_long (report->promised_break_even_calendar, TRUE);
  if (actual > 0)
    actual_month = retainer_month_format_long (report->actual_break_even_calendar, TRUE);

  if (actual > 0 && promised > 0)
    {
      int delay = report->break_even_delay;

      if (delay == 0)
        /* Translators: %1$s a month like "November 2025", %2$d its number
         * counted from the signature. */
        return g_strdup_printf (_("The setup fee was paid back in %1$s (month %2$d), as the "
                                  "proposal promised."),
                                actual_month, actual);
      if (delay < 0)
        /* Translators: %1$s a month like "November 2025", %2$d its number
         * counted from the signature, %3$d how many months earlier. */
        return g_strdup_printf (ngettext ("The setup fee was paid back in %1$s (month %2$d), "
                                          "%3$d month earlier than the proposal promised.",
                                          "The setup fee was paid back in %1$s (month %2$d), "
                                          "%3$d months earlier than the proposal promised.",
                                          (gulong) -delay),
                                actual_month, actual, -delay);
      /* Translators: %1$s a month like "November 2025", %2$d its number
       * counted from the signature, %3$d how many months later, %4$s the
       * month the proposal promised. */
      return g_strdup_printf (ngettext ("The setup fee was paid back in %1$s (month %2$d), "
                                        "%3$d month later than the proposal promised (%4$s).",
                                        "The setup fee was paid back in %1$s (month %2$d), "
                                        "%3$d months later than the proposal promised (%4$s).",
                                        (gulong) delay),
                              actual_month, actual, delay, promised_month);
    }
  if (actual > 0)
    /* Translators: %1$s a month like "November 2025", %2$d its number
     * counted from the signature, %3$u the proposal's horizon in months. */
    return g_strdup_printf (ngettext ("The setup fee was paid back in %1$s (month %2$d), although "
                                      "the proposal did not expect it within its %3$u month.",
                                      "The setup fee was paid back in %1$s (month %2$d), although "
                                      "the proposal did not expect it within its %3$u months.",
                                      horizon),
                            actual_month, actual, horizon);

  {
    g_autofree char *remaining = retainer_money_format (-report->actual_net, currency,
                                                        RETAINER_MONEY_FORMAT_DEFAULT);

    if (promised > 0 && (guint) promised <= report->proposal_month)
      /* Translators: %1$s an amount, %2$s a month like "November 2025",
       * %3$d its number counted from the signature. */
      return g_strdup_printf (_("%1$s of the setup fee is still to be recovered; the proposal "
                                "promised it back in %2$s (month %3$d)."),
                              remaining, promised_month, promised);
    if (promised > 0)
      /* Translators: %1$s an amount, %2$s a month like "November 2025",
       * %3$d its number counted from the signature. */
      return g_strdup_printf (_("%1$s of the setup fee is still to be recovered; the proposal "
                                "expects it back in %2$s (month %3$d)."),
                              remaining, promised_month, promised);
    /* Translators: %1$s an amount, %2$u the proposal's horizon in months. */
    return g_strdup_printf (ngettext ("%1$s of the setup fee is still to be recovered; the "
                                      "proposal did not expect it back within its %2$u month.",
                                      "%1$s of the setup fee is still to be recovered; the "
                                      "proposal did not expect it back within its %2$u months.",
                                      horizon),
                            remaining, horizon);
  }
}
