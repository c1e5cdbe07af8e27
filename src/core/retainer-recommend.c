/* retainer-recommend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "retainer-i18n.h"
#include "retainer-money.h"
#include "retainer-recommend.h"
#include "retainer-revision.h"

static const struct
{
  RetainerFlags flag;
  const char   *id;
  const char   *description;
} flag_info[] = {
  { RETAINER_FLAG_BELOW_CANDIDATE_THRESHOLD, "below-candidate-threshold",
    N_("The prospect spends less on API calls than the card’s savings-candidate threshold.") },
  { RETAINER_FLAG_SAVINGS_BELOW_MINIMUM, "savings-below-minimum",
    N_("The client keeps less than the card’s minimum share of the covered spend as savings: "
       "the pitch must rest on privacy and quality, not savings.") },
  { RETAINER_FLAG_NO_SAVING, "no-saving",
    N_("The retainer costs as much as the covered API spend or more: there is no monthly "
       "saving, so the pitch must rest on privacy and quality.") },
  { RETAINER_FLAG_FEE_OUTSIDE_BAND, "fee-outside-band",
    N_("The setup fee is outside the band for this complexity.") },
  { RETAINER_FLAG_MARGIN_BELOW_FLOOR, "margin-below-floor",
    N_("At the card’s highest delivery cost, the monthly margin falls below the margin floor.") },
  { RETAINER_FLAG_NEEDS_NOT_COVERED, "needs-not-covered",
    N_("No tier of this card covers every need: the most complete tier is used.") },
  { RETAINER_FLAG_TIER_OVERRIDDEN, "tier-overridden",
    N_("The tier was chosen by hand instead of the recommendation.") },
  { RETAINER_FLAG_NO_BREAK_EVEN, "no-break-even",
    N_("The setup fee is not earned back within the horizon.") },
};

static const char *const reason_ids[] = { "needs", "spend", "both", "needs-only" };

/**
 * retainer_flag_to_id:
 * @flag: one flag
 *
 * Returns: the flag's stable id, as in `retainer --summary`
 */
const char *
retainer_flag_to_id (RetainerFlags flag)
{
  for (guint i = 0; i < G_N_ELEMENTS (flag_info); i++)
    if (flag_info[i].flag == flag)
      return flag_info[i].id;

  g_return_val_if_reached (NULL);
}

/**
 * retainer_flag_describe:
 * @flag: one flag
 *
 * Returns: the flag in plain words, translated
 */
const char *
retainer_flag_describe (RetainerFlags flag)
{
  for (guint i = 0; i < G_N_ELEMENTS (flag_info); i++)
    if (flag_info[i].flag == flag)
      return _(flag_info[i].description);

  g_return_val_if_reached (NULL);
}

/**
 * retainer_reason_to_id:
 * @reason: the rule that chose the tier
 *
 * Returns: its stable id
 */
const char *
retainer_reason_to_id (RetainerReason reason)
{
  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (reason_ids), NULL);
  return reason_ids[reason];
}

static gint64
tier_monthly_retainer (const RetainerProposal *proposal,
                       const RetainerTier     *tier,
                       RetainerBilling         billing,
                       guint                  *out_extra)
{
  const RetainerRateCard *card = proposal->rate_card;
  guint extra = proposal->use_cases > tier->included_use_cases
                  ? proposal->use_cases - tier->included_use_cases
                  : 0;
  gint64 base = tier->price + (gint64) extra * card->expansion_price;

  if (out_extra != NULL)
    *out_extra = extra;
  if (billing == RETAINER_BILLING_ANNUAL)
    return base - retainer_money_percent_of (base, card->annual_discount_pct);
  return base;
}

typedef struct
{
  int    break_even_month;
  double break_even_months;
  gint64 net_saving_12;
  gint64 net_saving_horizon;
} Projection;

/* What a projection runs on: the proposal's own inputs, or the cautious
 * case's. */
typedef struct
{
  gint64 monthly_api_spend;
  double growth_pct;
  double coverage_pct;
  guint  go_live_months;
  guint  horizon_months;
} Scenario;

static Scenario
expected_scenario (const RetainerProposal *proposal)
{
  return (Scenario) { proposal->monthly_api_spend, proposal->api_growth_pct,
                      proposal->coverage_pct, proposal->go_live_months,
                      proposal->horizon_months };
}

/**
 * retainer_break_even_of_net:
 * @net: (array length=n_net): the cumulative net saving, from month 0
 * @n_net: how many months @net holds, month 0 included
 * @fractional: (out) (optional): the fractional month, -1 when none
 *
 * docs/calculation.md, "Break-even": the first month m >= 1 whose net is
 * 0 or more, counted only when the client gains from there: the net rises
 * in that month, or stays level (no setup fee, months before go-live) and
 * then rises. A client who starts even and never saves (no fee, a monthly
 * saving of 0 or less) never breaks even: month 1 is not "paid back" when
 * the net then stays at 0 or falls. The fractional month is
 * (m - 1) + -N(m-1) / (N(m) - N(m-1)), or m - 1 when nothing was left to
 * recover.
 *
 * Returns: the month, or 0 when there is none within the series
 */
int
retainer_break_even_of_net (const gint64 *net,
                            guint         n_net,
                            double       *fractional)
{
  guint candidate = 0;

  g_return_val_if_fail (net != NULL || n_net == 0, 0);

  if (fractional != NULL)
    *fractional = -1;

  for (guint m = 1; m < n_net; m++)
    {
      if (net[m] < 0 || net[m] < net[m - 1])
        {
          /* Behind, or falling back: whatever was even before is not paid back. */
          candidate = 0;
          continue;
        }
      if (candidate == 0)
        candidate = m;
      if (net[m] > net[m - 1])
        {
          gint64 before = net[candidate - 1];
          gint64 now = net[candidate];

          if (fractional != NULL)
            *fractional = before >= 0 ? (double) (candidate - 1)
                                      : (double) (candidate - 1)
                                          + (double) -before / (double) (now - before);
          return (int) candidate;
        }
    }
  return 0;
}

/* Month by month, the projection of docs/calculation.md. Each month's API
 * spend A(m) is rounded from S x (1+g)^(m-1) itself, never from the month
 * before, so rounding does not compound. `months` may be NULL. */
static void
project (const Scenario *scenario,
         gint64          monthly_retainer,
         gint64          setup_fee,
         GArray         *months,
         Projection     *out)
{
  double growth = 1.0 + scenario->growth_pct / 100.0;
  double uncovered = 1.0 - scenario->coverage_pct / 100.0;
  RetainerMonth month0 = { 0, 0, setup_fee, -setup_fee };
  gint64 without = 0, with = setup_fee;
  g_autofree gint64 *net = g_new (gint64, scenario->horizon_months + 1);

  out->break_even_month = 0;
  out->break_even_months = -1;
  out->net_saving_12 = 0;
  out->net_saving_horizon = -setup_fee;

  net[0] = -setup_fee;
  if (months != NULL)
    g_array_append_val (months, month0);

  for (guint m = 1; m <= scenario->horizon_months; m++)
    {
      gint64 api = retainer_money_round ((double) scenario->monthly_api_spend
                                         * pow (growth, (double) (m - 1)));
      RetainerMonth month;

      without += api;
      if (m <= scenario->go_live_months)
        with += api;
      else
        with += retainer_money_round ((double) api * uncovered) + monthly_retainer;

      month.month = m;
      month.without = without;
      month.with = with;
      month.net = without - with;
      if (months != NULL)
        g_array_append_val (months, month);

      net[m] = month.net;
      if (m == 12)
        out->net_saving_12 = month.net;
      out->net_saving_horizon = month.net;
    }

  out->break_even_month = retainer_break_even_of_net (net, scenario->horizon_months + 1,
                                                      &out->break_even_months);
}

/* The cautious case: the same tier, fee and retainer; c' = c x factor,
 * L' = L + delay, g' = 0 when g > 0 (a falling spend keeps its fall). */
static void
compute_cautious (const RetainerProposal *proposal,
                  RetainerResult         *result)
{
  const RetainerRateCard *card = proposal->rate_card;
  RetainerCautiousCase *cautious = &result->cautious;
  Scenario scenario = expected_scenario (proposal);
  Projection projection;

  scenario.coverage_pct = proposal->coverage_pct * card->cautious_coverage_factor_pct / 100.0;
  scenario.go_live_months = proposal->go_live_months + card->cautious_go_live_delay_months;
  scenario.growth_pct = proposal->api_growth_pct > 0 ? 0.0 : proposal->api_growth_pct;

  cautious->coverage_pct = scenario.coverage_pct;
  cautious->go_live_months = scenario.go_live_months;
  cautious->growth_pct = scenario.growth_pct;
  cautious->covered_api_spend = retainer_money_round ((double) proposal->monthly_api_spend
                                                      * scenario.coverage_pct / 100.0);
  cautious->monthly_saving = cautious->covered_api_spend - result->monthly_retainer;
  cautious->months = g_array_sized_new (FALSE, TRUE, sizeof (RetainerMonth),
                                        proposal->horizon_months + 1);
  project (&scenario, result->monthly_retainer, result->setup_fee, cautious->months, &projection);
  cautious->break_even_month = projection.break_even_month;
  cautious->break_even_months = projection.break_even_months;
  cautious->net_saving_12 = projection.net_saving_12;
  cautious->net_saving_horizon = projection.net_saving_horizon;
}

/* First-year totals with and without each option the proposal offers. */
static void
compute_options (const RetainerProposal *proposal,
                 const RetainerTier     *tier,
                 RetainerResult         *result)
{
  RetainerOptionTotals *options = &result->options;
  RetainerProposal with_options = *proposal;
  gint64 all_retainer = result->monthly_retainer;

  options->first_year_total = result->setup_fee + 12 * result->monthly_retainer;
  options->extra_use_cases = proposal->option_extra_use_cases;
  options->extra_use_cases_retainer = result->monthly_retainer;
  options->extra_use_cases_first_year = options->first_year_total;
  options->annual_prepay_retainer = result->monthly_retainer;
  options->annual_prepay_first_year = options->first_year_total;

  /* A shallow copy with more use cases: only the count is read. */
  with_options.use_cases = proposal->use_cases + proposal->option_extra_use_cases;
  if (options->extra_use_cases > 0)
    {
      options->extra_use_cases_retainer = tier_monthly_retainer (&with_options, tier,
                                                                 proposal->billing, NULL);
      options->extra_use_cases_monthly = options->extra_use_cases_retainer
                                         - result->monthly_retainer;
      options->extra_use_cases_first_year = result->setup_fee
                                            + 12 * options->extra_use_cases_retainer;
      all_retainer = options->extra_use_cases_retainer;
    }

  /* Annual prepay is an option only for a proposal billed monthly, on a
   * card that gives a discount for it. */
  options->annual_prepay = proposal->option_annual_prepay
                           && proposal->billing == RETAINER_BILLING_MONTHLY
                           && proposal->rate_card->annual_discount_pct > 0;
  if (options->annual_prepay)
    {
      options->annual_prepay_retainer = result->annual_option_retainer;
      options->annual_prepay_first_year = result->setup_fee + 12 * result->annual_option_retainer;
      all_retainer = tier_monthly_retainer (&with_options, tier, RETAINER_BILLING_ANNUAL, NULL);
    }
  options->all_options_retainer = all_retainer;
  options->all_options_first_year = result->setup_fee + 12 * all_retainer;
}

static int
find_needs_tier (const RetainerProposal *proposal,
                 gboolean               *covered)
{
  const RetainerRateCard *card = proposal->rate_card;

  for (guint i = 0; i < card->n_tiers; i++)
    {
      const RetainerTier *tier = &card->tiers[i];

      if (tier->suits_change >= proposal->change_frequency
          && (tier->dedicated_instance || !proposal->dedicated_instance)
          && tier->support >= proposal->support)
        {
          *covered = TRUE;
          return (int) i;
        }
    }

  *covered = FALSE;
  return (int) card->n_tiers - 1;
}

/* The dearest tier whose list price leaves the client the minimum share. */
static int
find_spend_tier (const RetainerProposal *proposal,
                 gint64                  covered)
{
  const RetainerRateCard *card = proposal->rate_card;
  gint64 max_price = covered - retainer_money_percent_of (covered, card->min_savings_share_pct);
  int found = -1;

  if (covered <= 0)
    return -1;

  for (guint i = 0; i < card->n_tiers; i++)
    if (card->tiers[i].price <= max_price)
      found = (int) i;

  return found;
}

static double
share_of (gint64 part,
          gint64 whole)
{
  return whole > 0 ? (double) part / (double) whole : 0.0;
}

/**
 * retainer_recommend:
 * @proposal: a valid proposal (see retainer_proposal_validate())
 *
 * Computes the recommendation, the projection and the agency's figures.
 *
 * Returns: (transfer full): the result
 */
RetainerResult *
retainer_recommend (const RetainerProposal *proposal)
{
  const RetainerRateCard *card;
  const RetainerSetupBand *band;
  const RetainerTier *tier;
  RetainerResult *result;
  Projection projection;
  Scenario scenario;
  gboolean needs_covered;
  gint64 platform;
  int override;

  g_return_val_if_fail (proposal != NULL, NULL);
  g_return_val_if_fail (proposal->rate_card != NULL && proposal->rate_card->n_tiers > 0, NULL);

  card = proposal->rate_card;
  result = g_new0 (RetainerResult, 1);
  result->months = g_array_sized_new (FALSE, TRUE, sizeof (RetainerMonth),
                                      proposal->horizon_months + 1);
  result->tier_options = g_array_sized_new (FALSE, TRUE, sizeof (RetainerTierOption),
                                            card->n_tiers);
  result->horizon_months = proposal->horizon_months;

  /* 1. Setup band and fee */
  result->complexity = proposal->complexity;
  band = &card->bands[proposal->complexity];
  result->setup_band_low = band->low;
  result->setup_band_high = band->high;
  result->suggested_setup_fee = retainer_setup_band_midpoint (band);
  result->setup_fee = proposal->has_setup_fee ? proposal->setup_fee : result->suggested_setup_fee;
  if (result->setup_fee < band->low || result->setup_fee > band->high)
    result->flags |= RETAINER_FLAG_FEE_OUTSIDE_BAND;

  /* 2.-4. Needs tier, spend tier, recommended tier */
  result->covered_api_spend = retainer_money_round ((double) proposal->monthly_api_spend
                                                    * proposal->coverage_pct / 100.0);
  result->needs_tier = find_needs_tier (proposal, &needs_covered);
  if (!needs_covered)
    result->flags |= RETAINER_FLAG_NEEDS_NOT_COVERED;
  result->spend_tier = find_spend_tier (proposal, result->covered_api_spend);
  if (result->spend_tier < 0)
    {
      result->recommended_tier = result->needs_tier;
      result->reason = RETAINER_REASON_NEEDS_ONLY;
    }
  else if (result->needs_tier > result->spend_tier)
    {
      result->recommended_tier = result->needs_tier;
      result->reason = RETAINER_REASON_NEEDS;
    }
  else if (result->spend_tier > result->needs_tier)
    {
      result->recommended_tier = result->spend_tier;
      result->reason = RETAINER_REASON_SPEND;
    }
  else
    {
      result->recommended_tier = result->needs_tier;
      result->reason = RETAINER_REASON_BOTH;
    }

  override = retainer_rate_card_find_tier (card, proposal->tier_id);
  result->chosen_tier = override >= 0 ? override : result->recommended_tier;
  if (result->chosen_tier != result->recommended_tier)
    result->flags |= RETAINER_FLAG_TIER_OVERRIDDEN;
  if (proposal->monthly_api_spend < card->candidate_threshold)
    result->flags |= RETAINER_FLAG_BELOW_CANDIDATE_THRESHOLD;

  /* 5. Monthly retainer of the chosen tier */
  tier = &card->tiers[result->chosen_tier];
  result->tier_price = tier->price;
  result->monthly_retainer = tier_monthly_retainer (proposal, tier, proposal->billing,
                                                    &result->extra_use_cases);
  result->monthly_billing_retainer = tier_monthly_retainer (proposal, tier,
                                                            RETAINER_BILLING_MONTHLY, NULL);
  result->annual_option_retainer = tier_monthly_retainer (proposal, tier, RETAINER_BILLING_ANNUAL,
                                                          NULL);
  result->annual_option_saving = 12 * (result->monthly_billing_retainer
                                        - result->annual_option_retainer);
  result->annual_option_prepay = 12 * result->annual_option_retainer;
  result->annual_prepay = proposal->billing == RETAINER_BILLING_ANNUAL
                            ? 12 * result->monthly_retainer
                            : 0;
  result->monthly_saving = result->covered_api_spend - result->monthly_retainer;
  result->saving_share = share_of (result->monthly_saving, result->covered_api_spend);
  if (result->monthly_saving <= 0)
    result->flags |= RETAINER_FLAG_NO_SAVING;
  else if (result->saving_share * 100.0 < card->min_savings_share_pct)
    result->flags |= RETAINER_FLAG_SAVINGS_BELOW_MINIMUM;

  /* Projection */
  scenario = expected_scenario (proposal);
  project (&scenario, result->monthly_retainer, result->setup_fee, result->months, &projection);
  result->break_even_month = projection.break_even_month;
  result->break_even_months = projection.break_even_months;
  result->net_saving_12 = projection.net_saving_12;
  result->net_saving_horizon = projection.net_saving_horizon;
  if (result->break_even_month == 0)
    result->flags |= RETAINER_FLAG_NO_BREAK_EVEN;
  compute_cautious (proposal, result);
  compute_options (proposal, tier, result);

  /* The agency's own figures */
  platform = tier->platform_cost * (tier->platform_per_use_case ? (gint64) proposal->use_cases : 1);
  result->agency_monthly_cost_low = platform + tier->compute_cost_low + tier->labour_cost_low;
  result->agency_monthly_cost_high = platform + tier->compute_cost_high + tier->labour_cost_high;
  result->margin_low_pct = 100.0 * share_of (result->monthly_retainer
                                             - result->agency_monthly_cost_high,
                                             result->monthly_retainer);
  result->margin_high_pct = 100.0 * share_of (result->monthly_retainer
                                              - result->agency_monthly_cost_low,
                                              result->monthly_retainer);
  if (result->margin_low_pct < card->margin_floor_pct)
    result->flags |= RETAINER_FLAG_MARGIN_BELOW_FLOOR;
  result->setup_margin_low = result->setup_fee - card->build_cost_high;
  result->setup_margin_high = result->setup_fee - card->build_cost_low;
  result->first_year_value = result->setup_fee + 12 * result->monthly_retainer;

  /* Every tier for this prospect, for the side-by-side comparison */
  for (guint i = 0; i < card->n_tiers; i++)
    {
      RetainerTierOption option = { 0 };
      Projection tier_projection;

      option.tier = i;
      option.monthly_retainer = tier_monthly_retainer (proposal, &card->tiers[i],
                                                       proposal->billing, NULL);
      option.monthly_saving = result->covered_api_spend - option.monthly_retainer;
      option.saving_share = share_of (option.monthly_saving, result->covered_api_spend);
      project (&scenario, option.monthly_retainer, result->setup_fee, NULL, &tier_projection);
      option.break_even_month = tier_projection.break_even_month;
      option.break_even_months = tier_projection.break_even_months;
      option.net_saving_horizon = tier_projection.net_saving_horizon;
      g_array_append_val (result->tier_options, option);
    }

  return result;
}

/**
 * retainer_result_free:
 * @result: (nullable): a result
 */
void
retainer_result_free (RetainerResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->months, g_array_unref);
  g_clear_pointer (&result->tier_options, g_array_unref);
  g_clear_pointer (&result->cautious.months, g_array_unref);
  g_free (result);
}

/**
 * retainer_result_describe_reason:
 * @result: a result
 * @proposal: the proposal it was computed from
 *
 * Returns: (transfer full): one sentence naming the rule that chose the
 *   recommended tier
 */
char *
retainer_result_describe_reason (const RetainerResult   *result,
                                 const RetainerProposal *proposal)
{
  const RetainerRateCard *card;
  const char *name;
  g_autofree char *share = NULL;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (proposal != NULL && proposal->rate_card != NULL, NULL);
  g_return_val_if_fail (result->recommended_tier >= 0
                        && (guint) result->recommended_tier < proposal->rate_card->n_tiers, NULL);

  card = proposal->rate_card;
  name = retainer_rate_card_text (card->tiers[result->recommended_tier].name);
  share = retainer_format_percent (card->min_savings_share_pct, 0);

  switch (result->reason)
    {
    case RETAINER_REASON_NEEDS:
      /* Translators: %s is a tier name like "Growth". */
      return g_strdup_printf (_("Chosen by the client’s needs: %s is the cheapest tier that "
                                "covers how often their business changes, the instance and the "
                                "support they need."), name);
    case RETAINER_REASON_SPEND:
      /* Translators: %1$s is a tier name, %2$s a percentage like "40%". */
      return g_strdup_printf (_("Chosen by the spend: %1$s is the most complete tier that still "
                                "leaves the client at least %2$s of the covered API spend."),
                              name, share);
    case RETAINER_REASON_BOTH:
      /* Translators: %1$s is a tier name, %2$s a percentage like "40%". */
      return g_strdup_printf (_("%1$s covers the client’s needs and is the most the spend "
                                "supports while the client keeps at least %2$s of it."),
                              name, share);
    case RETAINER_REASON_NEEDS_ONLY:
    default:
      /* Translators: %1$s is a tier name, %2$s a percentage like "40%". */
      return g_strdup_printf (_("Chosen by the client’s needs: no tier leaves the client at least "
                                "%2$s of the covered API spend, so %1$s rests on privacy and quality, "
                                "not savings."), name, share);
    }
}

/**
 * retainer_break_even_describe:
 * @month: the first month with a net saving of 0 or more; 0 for none
 * @months: the fractional month, as in #RetainerResult
 * @horizon_months: the proposal's horizon
 * @form: where the words go
 *
 * The one wording of a break-even, for the window, the PDF and the command
 * line alike. Each form is a whole message for translators: nothing is
 * glued into a sentence made elsewhere.
 *
 * Returns: (transfer full): the break-even in @form's words
 */
char *
retainer_break_even_describe (int                   month,
                              double                months,
                              guint                 horizon_months,
                              RetainerBreakEvenForm form)
{
  g_autofree char *fraction = NULL;
  gboolean whole = fabs (months - round (months)) < 0.005;

  g_return_val_if_fail (month >= 0, NULL);
  g_return_val_if_fail ((guint) form <= RETAINER_BREAK_EVEN_PHRASE, NULL);

  if (month > 0 && !whole)
    fraction = retainer_format_number (months, 1);

  switch (form)
    {
    case RETAINER_BREAK_EVEN_MARKER:
      if (month == 0)
        return g_strdup_printf (ngettext ("Break-even: not within %u month",
                                          "Break-even: not within %u months", horizon_months),
                                horizon_months);
      if (fraction == NULL)
        /* Translators: the marker on the savings chart; %d is a month number. */
        return g_strdup_printf (_("Break-even: month %d"), month);
      /* Translators: the marker on the savings chart; %1$d is the month in
       * which the client is even, %2$s the exact point in months, like "2.3". */
      return g_strdup_printf (_("Break-even: month %1$d (%2$s months)"), month, fraction);

    case RETAINER_BREAK_EVEN_SENTENCE:
      if (month == 0)
        return g_strdup_printf (ngettext ("The setup fee is not paid back within %u month.",
                                          "The setup fee is not paid back within %u months.",
                                          horizon_months),
                                horizon_months);
      if (fraction == NULL)
        /* Translators: %d is a month number. */
        return g_strdup_printf (_("The setup fee is paid back in month %d."), month);
      /* Translators: %1$d is the month in which the client is even, %2$s
       * the exact point in months, like "2.3". */
      return g_strdup_printf (_("The setup fee is paid back in month %1$d, after %2$s months."),
                              month, fraction);

    case RETAINER_BREAK_EVEN_PHRASE:
      if (month == 0)
        return g_strdup_printf (ngettext ("Not paid back within %u month",
                                          "Not paid back within %u months", horizon_months),
                                horizon_months);
      /* Translators: the break-even as the prospect reads it on screen and
       * on paper; %d is the month in which the setup fee is paid back. */
      return g_strdup_printf (_("Paid back in month %d"), month);

    case RETAINER_BREAK_EVEN_FIGURE:
    default:
      if (month == 0)
        return g_strdup_printf (ngettext ("no break-even within %u month",
                                          "no break-even within %u months",
                                          horizon_months),
                                horizon_months);
      if (fraction == NULL)
        return g_strdup_printf (_("month %d"), month);
      /* Translators: %1$d is the month in which the client is even,
       * %2$s the exact point in months, like "2.3". */
      return g_strdup_printf (_("month %1$d (%2$s months)"), month, fraction);
    }
}

/**
 * retainer_result_describe_break_even:
 * @result: a result
 *
 * Returns: (transfer full): "month 2", "month 3 (2.3 months)" or
 *   "no break-even within 24 months": retainer_break_even_describe() as a
 *   figure
 */
char *
retainer_result_describe_break_even (const RetainerResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return retainer_break_even_describe (result->break_even_month, result->break_even_months,
                                       result->horizon_months, RETAINER_BREAK_EVEN_FIGURE);
}

/**
 * retainer_result_describe_cautious:
 * @result: a result
 * @proposal: the proposal it was computed from
 *
 * The one sentence the PDF states the cautious case in. Each variant is a
 * whole message for translators.
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL when the
 *   expected case does not break even or saves nothing (there is no range
 *   to state) or the
 *   cautious case assumes nothing the expected case does not
 */
char *
retainer_result_describe_cautious (const RetainerResult   *result,
                                   const RetainerProposal *proposal)
{
  const RetainerRateCard *card;
  const RetainerCautiousCase *cautious;
  g_autofree char *share = NULL;
  guint delay;
  gboolean stops_growing;
  double factor;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (proposal != NULL && proposal->rate_card != NULL, NULL);

  card = proposal->rate_card;
  cautious = &result->cautious;
  factor = card->cautious_coverage_factor_pct;
  delay = card->cautious_go_live_delay_months;
  stops_growing = proposal->api_growth_pct > 0;

  /* No range to state when the expected case itself does not pay: with
   * no monthly saving the pitch rests on privacy and quality. */
  if (result->break_even_month == 0 || result->monthly_saving <= 0)
    return NULL;
  if (factor >= 100 && delay == 0 && !stops_growing)
    return NULL;

  share = retainer_format_percent (factor, fabs (factor - round (factor)) < 0.005 ? 0 : 1);

  if (cautious->break_even_month > 0)
    {
      if (delay > 0 && stops_growing)
        return g_strdup_printf (
          /* Translators: the cautious case in the PDF. %1$s is a share like
           * "50%", %2$u a number of months, %3$d a month number. */
          ngettext ("Even if only %1$s of the work moves to the model, go-live slips by %2$u "
                    "month and your API spend stops growing, you break even in month %3$d.",
                    "Even if only %1$s of the work moves to the model, go-live slips by %2$u "
                    "months and your API spend stops growing, you break even in month %3$d.",
                    delay),
          share, delay, cautious->break_even_month);
      if (delay > 0)
        return g_strdup_printf (
          /* Translators: the cautious case in the PDF. %1$s is a share like
           * "50%", %2$u a number of months, %3$d a month number. */
          ngettext ("Even if only %1$s of the work moves to the model and go-live slips by %2$u "
                    "month, you break even in month %3$d.",
                    "Even if only %1$s of the work moves to the model and go-live slips by %2$u "
                    "months, you break even in month %3$d.",
                    delay),
          share, delay, cautious->break_even_month);
      if (stops_growing)
        /* Translators: the cautious case in the PDF. %1$s is a share like
         * "50%", %2$d a month number. */
        return g_strdup_printf (_("Even if only %1$s of the work moves to the model and your API "
                                  "spend stops growing, you break even in month %2$d."),
                                share, cautious->break_even_month);
      /* Translators: the cautious case in the PDF. %1$s is a share like
       * "50%", %2$d a month number. */
      return g_strdup_printf (_("Even if only %1$s of the work moves to the model, you break "
                                "even in month %2$d."),
                              share, cautious->break_even_month);
    }

  if (delay > 0 && stops_growing)
    return g_strdup_printf (
      /* Translators: the cautious case in the PDF, when it does not pay
       * back. %1$s is a share like "50%", %2$u a number of months, %3$u
       * the proposal's horizon: 12, 24 or 36 months. */
      ngettext ("If only %1$s of the work moves to the model, go-live slips by %2$u month and "
                "your API spend stops growing, the setup fee is not paid back within %3$u "
                "months.",
                "If only %1$s of the work moves to the model, go-live slips by %2$u months and "
                "your API spend stops growing, the setup fee is not paid back within %3$u "
                "months.",
                delay),
      share, delay, result->horizon_months);
  if (delay > 0)
    return g_strdup_printf (
      /* Translators: the cautious case in the PDF, when it does not pay
       * back. %1$s is a share like "50%", %2$u a number of months, %3$u
       * the proposal's horizon: 12, 24 or 36 months. */
      ngettext ("If only %1$s of the work moves to the model and go-live slips by %2$u month, "
                "the setup fee is not paid back within %3$u months.",
                "If only %1$s of the work moves to the model and go-live slips by %2$u months, "
                "the setup fee is not paid back within %3$u months.",
                delay),
      share, delay, result->horizon_months);
  if (stops_growing)
    /* Translators: the cautious case in the PDF, when it does not pay
     * back. %1$s is a share like "50%", %2$u the proposal's horizon: 12,
     * 24 or 36 months. */
    return g_strdup_printf (_("If only %1$s of the work moves to the model and your API spend "
                              "stops growing, the setup fee is not paid back within %2$u "
                              "months."),
                            share, result->horizon_months);
  /* Translators: the cautious case in the PDF, when it does not pay back.
   * %1$s is a share like "50%", %2$u the proposal's horizon: 12, 24 or 36
   * months. */
  return g_strdup_printf (_("If only %1$s of the work moves to the model, the setup fee is not "
                            "paid back within %2$u months."),
                          share, result->horizon_months);
}

/**
 * retainer_tier_option_describe_saving:
 * @option: one tier for the prospect
 * @currency: the proposal's currency code
 *
 * A tier that saves nothing says so in words, never as a negative saving.
 *
 * Returns: (transfer full): "Saves $7,000 a month" or "No monthly saving"
 */
char *
retainer_tier_option_describe_saving (const RetainerTierOption *option,
                                      const char               *currency)
{
  g_autofree char *amount = NULL;

  g_return_val_if_fail (option != NULL, NULL);

  if (option->monthly_saving <= 0)
    return g_strdup (_("No monthly saving"));
  amount = retainer_money_format (option->monthly_saving, currency, RETAINER_MONEY_FORMAT_ROUNDED);
  /* Translators: %s is an amount of money. */
  return g_strdup_printf (_("Saves %s a month"), amount);
}

/**
 * retainer_tier_describe_fit:
 * @result: the proposal's result
 * @proposal: the proposal
 * @tier: an index into the proposal's rate card
 *
 * One line for a tier's card: the need it misses, or that it costs the
 * prospect too much of the saving, or what it gives them. It answers the
 * prospect who asks why a tier that saves more is not the one proposed.
 *
 * Returns: (transfer full): the line, translated
 */
char *
retainer_tier_describe_fit (const RetainerResult   *result,
                            const RetainerProposal *proposal,
                            guint                   tier)
{
  const RetainerRateCard *card;
  const RetainerTier *t;
  g_autofree char *share = NULL;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (proposal != NULL && proposal->rate_card != NULL, NULL);
  g_return_val_if_fail (tier < proposal->rate_card->n_tiers, NULL);

  card = proposal->rate_card;
  t = &card->tiers[tier];
  share = retainer_format_percent (card->min_savings_share_pct, 0);

  /* The needs first, in the order find_needs_tier() weighs them. */
  if (proposal->dedicated_instance && !t->dedicated_instance)
    return g_strdup (_("No dedicated instance"));
  if (t->suits_change < proposal->change_frequency)
    return g_strdup (_("Retrained less often than your business changes"));
  if (t->support < proposal->support)
    return g_strdup (_("Less support than you need"));
  if (result->spend_tier < 0 || (int) tier > result->spend_tier)
    /* Translators: %s is a percentage like "40%". */
    return g_strdup_printf (_("Leaves you less than %s of the covered spend"), share);
  if (proposal->dedicated_instance)
    return g_strdup (_("Has the dedicated instance you asked for"));
  if ((int) tier < result->recommended_tier)
    return g_strdup (_("Saves more, with less retraining and support"));
  /* Translators: %s is a percentage like "40%". */
  return g_strdup_printf (_("Covers what you need and leaves you at least %s of the covered spend"),
                          share);
}

static cJSON *
number_or_null (double value,
                gboolean present)
{
  return present ? cJSON_CreateNumber (value) : cJSON_CreateNull ();
}

static double
round_to (double value,
          double digits)
{
  double scale = pow (10.0, digits);

  return round (value * scale) / scale;
}

static cJSON *
cautious_to_json (const RetainerCautiousCase *cautious)
{
  cJSON *object = cJSON_CreateObject ();

  cJSON_AddNumberToObject (object, "coverage_pct", round_to (cautious->coverage_pct, 2));
  cJSON_AddNumberToObject (object, "go_live_months", cautious->go_live_months);
  cJSON_AddNumberToObject (object, "growth_pct", round_to (cautious->growth_pct, 2));
  retainer_json_add_money (object, "monthly_saving", cautious->monthly_saving);
  cJSON_AddItemToObject (object, "break_even_month",
                         number_or_null (cautious->break_even_month,
                                         cautious->break_even_month > 0));
  cJSON_AddItemToObject (object, "break_even_months",
                         number_or_null (round_to (cautious->break_even_months, 2),
                                         cautious->break_even_month > 0));
  retainer_json_add_money (object, "net_saving_12", cautious->net_saving_12);
  retainer_json_add_money (object, "net_saving_horizon", cautious->net_saving_horizon);
  return object;
}

static cJSON *
options_to_json (const RetainerOptionTotals *options)
{
  cJSON *object = cJSON_CreateObject ();

  retainer_json_add_money (object, "first_year_total", options->first_year_total);
  cJSON_AddNumberToObject (object, "extra_use_cases", options->extra_use_cases);
  if (options->extra_use_cases > 0)
    {
      retainer_json_add_money (object, "extra_use_cases_monthly_retainer",
                               options->extra_use_cases_retainer);
      retainer_json_add_money (object, "extra_use_cases_first_year",
                               options->extra_use_cases_first_year);
    }
  cJSON_AddBoolToObject (object, "annual_prepay", options->annual_prepay);
  if (options->annual_prepay)
    {
      retainer_json_add_money (object, "annual_prepay_monthly_retainer",
                               options->annual_prepay_retainer);
      retainer_json_add_money (object, "annual_prepay_first_year",
                               options->annual_prepay_first_year);
    }
  retainer_json_add_money (object, "all_options_first_year", options->all_options_first_year);
  return object;
}

/**
 * retainer_result_to_json:
 * @result: a result
 * @proposal: the proposal it was computed from
 *
 * Returns: (transfer full): the `retainer --summary` document, amounts in
 *   major units
 */
cJSON *
retainer_result_to_json (const RetainerResult   *result,
                         const RetainerProposal *proposal)
{
  const RetainerRateCard *card;
  cJSON *root;
  cJSON *band, *flags, *agency, *months, *tiers;
  guint revision;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (proposal != NULL && proposal->rate_card != NULL, NULL);

  card = proposal->rate_card;
  root = cJSON_CreateObject ();
  band = cJSON_CreateObject ();
  flags = cJSON_CreateArray ();
  agency = cJSON_CreateObject ();
  months = cJSON_CreateArray ();
  tiers = cJSON_CreateArray ();

  cJSON_AddStringToObject (root, "company", proposal->company ? proposal->company : "");
  cJSON_AddStringToObject (root, "currency", proposal->currency);
  cJSON_AddStringToObject (root, "rate_card", card->id);
  cJSON_AddStringToObject (root, "recommended_tier", card->tiers[result->recommended_tier].id);
  cJSON_AddStringToObject (root, "chosen_tier", card->tiers[result->chosen_tier].id);
  cJSON_AddStringToObject (root, "needs_tier", card->tiers[result->needs_tier].id);
  if (result->spend_tier >= 0)
    cJSON_AddStringToObject (root, "spend_tier", card->tiers[result->spend_tier].id);
  else
    cJSON_AddNullToObject (root, "spend_tier");
  cJSON_AddStringToObject (root, "reason", retainer_reason_to_id (result->reason));
  cJSON_AddStringToObject (band, "complexity", retainer_complexity_to_id (result->complexity));
  retainer_json_add_money (band, "low", result->setup_band_low);
  retainer_json_add_money (band, "high", result->setup_band_high);
  cJSON_AddItemToObject (root, "setup_band", band);
  retainer_json_add_money (root, "setup_fee", result->setup_fee);
  retainer_json_add_money (root, "suggested_setup_fee", result->suggested_setup_fee);
  retainer_json_add_money (root, "tier_price", result->tier_price);
  cJSON_AddNumberToObject (root, "extra_use_cases", result->extra_use_cases);
  cJSON_AddStringToObject (root, "billing", retainer_billing_to_id (proposal->billing));
  retainer_json_add_money (root, "monthly_retainer", result->monthly_retainer);
  retainer_json_add_money (root, "monthly_billing_retainer", result->monthly_billing_retainer);
  retainer_json_add_money (root, "annual_option_retainer", result->annual_option_retainer);
  retainer_json_add_money (root, "annual_option_saving", result->annual_option_saving);
  retainer_json_add_money (root, "covered_api_spend", result->covered_api_spend);
  retainer_json_add_money (root, "monthly_saving", result->monthly_saving);
  cJSON_AddNumberToObject (root, "saving_share", round_to (result->saving_share, 4));
  cJSON_AddItemToObject (root, "break_even_month",
                         number_or_null (result->break_even_month, result->break_even_month > 0));
  cJSON_AddItemToObject (root, "break_even_months",
                         number_or_null (round_to (result->break_even_months, 2),
                                         result->break_even_month > 0));
  retainer_json_add_money (root, "net_saving_12", result->net_saving_12);
  retainer_json_add_money (root, "net_saving_horizon", result->net_saving_horizon);
  cJSON_AddNumberToObject (root, "horizon_months", result->horizon_months);
  for (guint i = 0; i < G_N_ELEMENTS (flag_info); i++)
    if (result->flags & flag_info[i].flag)
      cJSON_AddItemToArray (flags, cJSON_CreateString (flag_info[i].id));
  cJSON_AddItemToObject (root, "flags", flags);
  retainer_json_add_money (agency, "monthly_cost_low", result->agency_monthly_cost_low);
  retainer_json_add_money (agency, "monthly_cost_high", result->agency_monthly_cost_high);
  cJSON_AddNumberToObject (agency, "margin_low_pct", round_to (result->margin_low_pct, 2));
  cJSON_AddNumberToObject (agency, "margin_high_pct", round_to (result->margin_high_pct, 2));
  retainer_json_add_money (agency, "setup_margin_low", result->setup_margin_low);
  retainer_json_add_money (agency, "setup_margin_high", result->setup_margin_high);
  retainer_json_add_money (agency, "first_year_value", result->first_year_value);
  cJSON_AddItemToObject (root, "agency", agency);
  cJSON_AddItemToObject (root, "cautious", cautious_to_json (&result->cautious));
  cJSON_AddItemToObject (root, "options", options_to_json (&result->options));
  /* The revision a PDF of these figures carries: null when it would be a
   * new one (or the proposal has no number yet). */
  if (proposal->number != NULL && *proposal->number != '\0')
    cJSON_AddStringToObject (root, "number", proposal->number);
  else
    cJSON_AddNullToObject (root, "number");
  revision = retainer_proposal_current_revision (proposal, result);
  cJSON_AddItemToObject (root, "revision", number_or_null (revision, revision > 0));
  cJSON_AddNumberToObject (root, "revisions_issued",
                           proposal->revisions != NULL ? proposal->revisions->len : 0);
  cJSON_AddItemToObject (root, "spend_estimate",
                         proposal->spend_estimate != NULL
                           ? retainer_spend_basis_to_json (proposal->spend_estimate)
                           : cJSON_CreateNull ());
  for (guint i = 0; i < result->tier_options->len; i++)
    {
      const RetainerTierOption *option = &g_array_index (result->tier_options,
                                                         RetainerTierOption, i);
      cJSON *item = cJSON_CreateObject ();

      cJSON_AddStringToObject (item, "tier", card->tiers[option->tier].id);
      retainer_json_add_money (item, "monthly_retainer", option->monthly_retainer);
      retainer_json_add_money (item, "monthly_saving", option->monthly_saving);
      cJSON_AddItemToObject (item, "break_even_month",
                             number_or_null (option->break_even_month,
                                             option->break_even_month > 0));
      retainer_json_add_money (item, "net_saving_horizon", option->net_saving_horizon);
      cJSON_AddItemToArray (tiers, item);
    }
  cJSON_AddItemToObject (root, "tiers", tiers);
  for (guint i = 0; i < result->months->len; i++)
    {
      const RetainerMonth *month = &g_array_index (result->months, RetainerMonth, i);
      cJSON *item = cJSON_CreateObject ();

      cJSON_AddNumberToObject (item, "month", month->month);
      retainer_json_add_money (item, "without", month->without);
      retainer_json_add_money (item, "with", month->with);
      retainer_json_add_money (item, "net", month->net);
      cJSON_AddItemToArray (months, item);
    }
  cJSON_AddItemToObject (root, "months", months);
  return root;
}
