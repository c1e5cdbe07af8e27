/* test-recommend.c: DOMAIN.md's worked examples and the recommendation rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "retainer-money.h"
#include "retainer-recommend.h"

#define USD(major) ((gint64) (major) * 100)

static RetainerProposal *
new_proposal (const char *card_id,
              gint64      monthly_api_spend,
              RetainerComplexity complexity)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerRateCard) card = retainer_rate_card_load_builtin (card_id, &error);
  RetainerProposal *proposal;

  g_assert_no_error (error);
  proposal = retainer_proposal_new (card);
  proposal->monthly_api_spend = monthly_api_spend;
  proposal->complexity = complexity;
  g_assert_true (retainer_proposal_validate (proposal, NULL, NULL));
  return proposal;
}

static const char *
tier_id (const RetainerProposal *proposal,
         int                     index)
{
  g_assert_cmpint (index, >=, 0);
  return proposal->rate_card->tiers[index].id;
}

/* S $5,000, simple, stable, default card: Essentials $2,000, setup $6,000,
 * saving $3,000 (60%), break-even exactly at month 2, 12-month net $30,000. */
static void
test_worked_example_simple (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (5000),
                                                        RETAINER_COMPLEXITY_SIMPLE);
  g_autoptr (RetainerResult) result = retainer_recommend (proposal);

  g_assert_cmpstr (tier_id (proposal, result->recommended_tier), ==, "essentials");
  g_assert_cmpstr (tier_id (proposal, result->chosen_tier), ==, "essentials");
  g_assert_cmpint (result->monthly_retainer, ==, USD (2000));
  g_assert_cmpint (result->setup_band_low, ==, USD (5000));
  g_assert_cmpint (result->setup_band_high, ==, USD (7000));
  g_assert_cmpint (result->setup_fee, ==, USD (6000));
  g_assert_cmpint (result->monthly_saving, ==, USD (3000));
  g_assert_cmpfloat_with_epsilon (result->saving_share, 0.60, 1e-9);
  g_assert_cmpint (result->break_even_month, ==, 2);
  g_assert_cmpfloat_with_epsilon (result->break_even_months, 2.0, 1e-9);
  g_assert_cmpint (result->net_saving_12, ==, USD (30000));
  g_assert_cmpint (result->flags & ~RETAINER_FLAG_MARGIN_BELOW_FLOOR, ==, 0);
}

/* Same with setup $7,000: break-even in month 3 (2.33 months). */
static void
test_worked_example_setup_7000 (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (5000),
                                                        RETAINER_COMPLEXITY_SIMPLE);
  g_autoptr (RetainerResult) result = NULL;
  g_autofree char *described = NULL;

  proposal->has_setup_fee = TRUE;
  proposal->setup_fee = USD (7000);
  result = retainer_recommend (proposal);
  g_assert_cmpint (result->break_even_month, ==, 3);
  g_assert_cmpfloat_with_epsilon (result->break_even_months, 2.0 + 1.0 / 3.0, 1e-9);
  g_assert_false (result->flags & RETAINER_FLAG_FEE_OUTSIDE_BAND);
  described = retainer_result_describe_break_even (result);
  g_assert_cmpstr (described, ==, "month 3 (2.3 months)");
}

/* API-equivalent cost $4,200/month on Essentials $2,000 saves $2,200/month. */
static void
test_worked_example_4200 (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (4200),
                                                        RETAINER_COMPLEXITY_SIMPLE);
  g_autoptr (RetainerResult) result = retainer_recommend (proposal);

  g_assert_cmpstr (tier_id (proposal, result->chosen_tier), ==, "essentials");
  g_assert_cmpint (result->monthly_saving, ==, USD (2200));
}

/* Ten clients, 4 Essentials + 4 Growth + 2 Enterprise at list price = $48,000 MRR. */
static void
test_worked_example_mrr (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerRateCard) card = retainer_rate_card_load_builtin ("fine-tuning-agency",
                                                                       &error);
  const guint counts[] = { 4, 4, 2 };

  g_assert_no_error (error);
  g_assert_cmpuint (card->n_tiers, ==, G_N_ELEMENTS (counts));
  g_assert_cmpint (retainer_rate_card_portfolio_mrr (card, counts), ==, USD (48000));
}

/* Issue 3's check: a spend of 12,000 with a moderate use case. */
static void
test_moderate_12000 (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (12000),
                                                        RETAINER_COMPLEXITY_MODERATE);
  g_autoptr (RetainerResult) result = retainer_recommend (proposal);

  g_assert_cmpstr (tier_id (proposal, result->recommended_tier), ==, "growth");
  g_assert_cmpint (result->reason, ==, RETAINER_REASON_SPEND);
  g_assert_cmpint (result->monthly_retainer, ==, USD (5000));
  g_assert_cmpint (result->setup_fee, ==, USD (10000));
  g_assert_cmpint (result->break_even_month, ==, 2);
  g_assert_cmpfloat_with_epsilon (result->break_even_months, 1.0 + 3.0 / 7.0, 1e-9);
}

typedef struct
{
  const char             *name;
  const char             *card;
  double                  spend;
  RetainerComplexity      complexity;
  RetainerChangeFrequency change;
  gboolean                dedicated;
  RetainerSupport         support;
  guint                   use_cases;
  RetainerBilling         billing;
  const char             *needs;
  const char             *spend_tier; /* NULL: none */
  const char             *recommended;
  RetainerReason          reason;
  double                  retainer;
  RetainerFlags           flags_set;
  RetainerFlags           flags_clear;
} RecommendCase;

static const RecommendCase recommend_cases[] = {
  { "weekly-needs-enterprise", "fine-tuning-agency", 8000, RETAINER_COMPLEXITY_SIMPLE,
    RETAINER_CHANGE_WEEKLY, FALSE, RETAINER_SUPPORT_NEXT_BUSINESS_DAY, 1, RETAINER_BILLING_MONTHLY,
    "enterprise", "essentials", "enterprise", RETAINER_REASON_NEEDS, 10000,
    RETAINER_FLAG_NO_SAVING, RETAINER_FLAG_BELOW_CANDIDATE_THRESHOLD },
  { "dedicated-needs-growth", "fine-tuning-agency", 6000, RETAINER_COMPLEXITY_SIMPLE,
    RETAINER_CHANGE_STABLE, TRUE, RETAINER_SUPPORT_NEXT_BUSINESS_DAY, 1, RETAINER_BILLING_MONTHLY,
    "growth", "essentials", "growth", RETAINER_REASON_NEEDS, 5000,
    RETAINER_FLAG_SAVINGS_BELOW_MINIMUM, RETAINER_FLAG_NO_SAVING },
  { "support-4h-growth", "fine-tuning-agency", 9000, RETAINER_COMPLEXITY_MODERATE,
    RETAINER_CHANGE_STABLE, FALSE, RETAINER_SUPPORT_FOUR_HOURS, 1, RETAINER_BILLING_MONTHLY,
    "growth", "growth", "growth", RETAINER_REASON_BOTH, 5000, 0,
    RETAINER_FLAG_SAVINGS_BELOW_MINIMUM },
  { "spend-enterprise", "fine-tuning-agency", 25000, RETAINER_COMPLEXITY_COMPLEX,
    RETAINER_CHANGE_STABLE, FALSE, RETAINER_SUPPORT_NEXT_BUSINESS_DAY, 1, RETAINER_BILLING_MONTHLY,
    "essentials", "enterprise", "enterprise", RETAINER_REASON_SPEND, 10000, 0,
    RETAINER_FLAG_SAVINGS_BELOW_MINIMUM },
  { "below-threshold-no-saving", "fine-tuning-agency", 2000, RETAINER_COMPLEXITY_SIMPLE,
    RETAINER_CHANGE_STABLE, FALSE, RETAINER_SUPPORT_NEXT_BUSINESS_DAY, 1, RETAINER_BILLING_MONTHLY,
    "essentials", NULL, "essentials", RETAINER_REASON_NEEDS_ONLY, 2000,
    RETAINER_FLAG_BELOW_CANDIDATE_THRESHOLD | RETAINER_FLAG_NO_SAVING | RETAINER_FLAG_NO_BREAK_EVEN,
    RETAINER_FLAG_SAVINGS_BELOW_MINIMUM },
  { "at-threshold-small-saving", "fine-tuning-agency", 3000, RETAINER_COMPLEXITY_SIMPLE,
    RETAINER_CHANGE_STABLE, FALSE, RETAINER_SUPPORT_NEXT_BUSINESS_DAY, 1, RETAINER_BILLING_MONTHLY,
    "essentials", NULL, "essentials", RETAINER_REASON_NEEDS_ONLY, 2000,
    RETAINER_FLAG_SAVINGS_BELOW_MINIMUM,
    RETAINER_FLAG_BELOW_CANDIDATE_THRESHOLD | RETAINER_FLAG_NO_SAVING },
  /* Exactly 40% kept: $3,333.33 x 60% = $2,000 is on the line, and allowed. */
  { "spend-tier-boundary", "fine-tuning-agency", 3334, RETAINER_COMPLEXITY_SIMPLE,
    RETAINER_CHANGE_STABLE, FALSE, RETAINER_SUPPORT_NEXT_BUSINESS_DAY, 1, RETAINER_BILLING_MONTHLY,
    "essentials", "essentials", "essentials", RETAINER_REASON_BOTH, 2000, 0,
    RETAINER_FLAG_SAVINGS_BELOW_MINIMUM },
  { "extra-use-cases", "fine-tuning-agency", 15000, RETAINER_COMPLEXITY_MODERATE,
    RETAINER_CHANGE_MONTHLY, FALSE, RETAINER_SUPPORT_NEXT_BUSINESS_DAY, 3, RETAINER_BILLING_MONTHLY,
    "growth", "growth", "growth", RETAINER_REASON_BOTH, 8000, 0, 0 },
  { "extra-use-cases-annual", "fine-tuning-agency", 15000, RETAINER_COMPLEXITY_MODERATE,
    RETAINER_CHANGE_MONTHLY, FALSE, RETAINER_SUPPORT_NEXT_BUSINESS_DAY, 3, RETAINER_BILLING_ANNUAL,
    "growth", "growth", "growth", RETAINER_REASON_BOTH, 7200, 0, 0 },
  { "enterprise-includes-three", "fine-tuning-agency", 30000, RETAINER_COMPLEXITY_COMPLEX,
    RETAINER_CHANGE_WEEKLY, TRUE, RETAINER_SUPPORT_ACCOUNT_MANAGER, 4, RETAINER_BILLING_MONTHLY,
    "enterprise", "enterprise", "enterprise", RETAINER_REASON_BOTH, 11500,
    RETAINER_FLAG_MARGIN_BELOW_FLOOR, 0 },
  { "maintenance-stable", "model-maintenance", 1000, RETAINER_COMPLEXITY_SIMPLE,
    RETAINER_CHANGE_STABLE, FALSE, RETAINER_SUPPORT_NEXT_BUSINESS_DAY, 1, RETAINER_BILLING_MONTHLY,
    "monitoring", "monitoring", "monitoring", RETAINER_REASON_BOTH, 500,
    RETAINER_FLAG_BELOW_CANDIDATE_THRESHOLD, 0 },
  { "maintenance-monthly", "model-maintenance", 1000, RETAINER_COMPLEXITY_SIMPLE,
    RETAINER_CHANGE_MONTHLY, FALSE, RETAINER_SUPPORT_NEXT_BUSINESS_DAY, 1, RETAINER_BILLING_MONTHLY,
    "quarterly", "monitoring", "quarterly", RETAINER_REASON_NEEDS, 1200,
    RETAINER_FLAG_NO_SAVING, 0 },
  { "maintenance-spend", "model-maintenance", 5000, RETAINER_COMPLEXITY_SIMPLE,
    RETAINER_CHANGE_STABLE, FALSE, RETAINER_SUPPORT_NEXT_BUSINESS_DAY, 1, RETAINER_BILLING_MONTHLY,
    "monitoring", "monthly-expansion", "monthly-expansion", RETAINER_REASON_SPEND, 2500, 0, 0 },
  { "services-weekly", "ai-services", 1000, RETAINER_COMPLEXITY_SIMPLE,
    RETAINER_CHANGE_WEEKLY, FALSE, RETAINER_SUPPORT_NEXT_BUSINESS_DAY, 1, RETAINER_BILLING_MONTHLY,
    "ten-hours", "system-management", "ten-hours", RETAINER_REASON_NEEDS, 1000,
    RETAINER_FLAG_NO_SAVING, 0 },
  { "services-stable", "ai-services", 4000, RETAINER_COMPLEXITY_SIMPLE,
    RETAINER_CHANGE_STABLE, FALSE, RETAINER_SUPPORT_NEXT_BUSINESS_DAY, 1, RETAINER_BILLING_ANNUAL,
    "system-management", "ten-hours", "ten-hours", RETAINER_REASON_SPEND, 900, 0, 0 },
};

static void
test_recommend_table (gconstpointer data)
{
  const RecommendCase *c = data;
  g_autoptr (RetainerProposal) proposal = new_proposal (c->card,
                                                        retainer_money_from_major (c->spend),
                                                        c->complexity);
  g_autoptr (RetainerResult) result = NULL;

  proposal->change_frequency = c->change;
  proposal->dedicated_instance = c->dedicated;
  proposal->support = c->support;
  proposal->use_cases = c->use_cases;
  proposal->billing = c->billing;
  result = retainer_recommend (proposal);

  g_assert_cmpstr (tier_id (proposal, result->needs_tier), ==, c->needs);
  if (c->spend_tier == NULL)
    g_assert_cmpint (result->spend_tier, ==, -1);
  else
    g_assert_cmpstr (tier_id (proposal, result->spend_tier), ==, c->spend_tier);
  g_assert_cmpstr (tier_id (proposal, result->recommended_tier), ==, c->recommended);
  g_assert_cmpint (result->reason, ==, c->reason);
  g_assert_cmpint (result->monthly_retainer, ==, retainer_money_from_major (c->retainer));
  if (c->billing == RETAINER_BILLING_ANNUAL)
    g_assert_cmpint (result->monthly_billing_retainer, >, result->monthly_retainer);
  else
    g_assert_cmpint (result->monthly_billing_retainer, ==, result->monthly_retainer);
  g_assert_cmpint (result->flags & c->flags_set, ==, c->flags_set);
  g_assert_cmpint (result->flags & c->flags_clear, ==, 0);
}

static void
test_go_live_delay (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (5000),
                                                        RETAINER_COMPLEXITY_SIMPLE);
  g_autoptr (RetainerResult) result = NULL;
  const RetainerMonth *months;

  proposal->go_live_months = 2;
  result = retainer_recommend (proposal);
  months = (const RetainerMonth *) result->months->data;
  g_assert_cmpuint (result->months->len, ==, 13);
  g_assert_cmpint (months[0].net, ==, -USD (6000));
  /* Before go-live the client pays the API as before and no retainer. */
  g_assert_cmpint (months[1].net, ==, -USD (6000));
  g_assert_cmpint (months[2].net, ==, -USD (6000));
  g_assert_cmpint (months[2].with, ==, USD (6000) + USD (10000));
  g_assert_cmpint (months[3].net, ==, -USD (3000));
  g_assert_cmpint (result->break_even_month, ==, 4);
  g_assert_cmpfloat_with_epsilon (result->break_even_months, 4.0, 1e-9);
  g_assert_cmpint (result->net_saving_12, ==, USD (24000));
}

static void
test_growth_and_coverage (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (10000),
                                                        RETAINER_COMPLEXITY_SIMPLE);
  g_autoptr (RetainerResult) result = NULL;
  const RetainerMonth *months;

  proposal->api_growth_pct = 3;
  proposal->coverage_pct = 50;
  result = retainer_recommend (proposal);
  months = (const RetainerMonth *) result->months->data;

  /* Covered spend $5,000: Essentials leaves 60%. */
  g_assert_cmpint (result->covered_api_spend, ==, USD (5000));
  g_assert_cmpint (result->monthly_saving, ==, USD (3000));
  /* Month 1: $10,000 without; $5,000 uncovered + $2,000 with. */
  g_assert_cmpint (months[1].without, ==, USD (10000));
  g_assert_cmpint (months[1].with, ==, USD (6000) + USD (7000));
  /* Month 3: A(3) = 10,000 x 1.03^2 = 10,609.00; half is covered. */
  g_assert_cmpint (months[3].without - months[2].without, ==, 1060900);
  g_assert_cmpint (months[3].with - months[2].with, ==, 530450 + USD (2000));
  /* Month 4: 10,000 x 1.03^3 = 10,927.27, rounded to the cent each month. */
  g_assert_cmpint (months[4].without - months[3].without, ==, 1092727);
  g_assert_cmpint (months[4].with - months[3].with, ==, 546364 + USD (2000));
}

static void
test_no_break_even (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (3000),
                                                        RETAINER_COMPLEXITY_SIMPLE);
  g_autoptr (RetainerResult) result = NULL;
  g_autofree char *described = NULL;

  proposal->has_setup_fee = TRUE;
  proposal->setup_fee = USD (15000);
  result = retainer_recommend (proposal);
  g_assert_cmpint (result->break_even_month, ==, 0);
  g_assert_cmpfloat (result->break_even_months, <, 0);
  g_assert_true (result->flags & RETAINER_FLAG_NO_BREAK_EVEN);
  g_assert_true (result->flags & RETAINER_FLAG_FEE_OUTSIDE_BAND);
  g_assert_cmpint (result->net_saving_12, ==, USD (12000 - 15000));
  described = retainer_result_describe_break_even (result);
  g_assert_cmpstr (described, ==, "no break-even within 12 months");

  /* A longer horizon brings it inside: month 15. */
  proposal->horizon_months = 24;
  g_clear_pointer (&result, retainer_result_free);
  result = retainer_recommend (proposal);
  g_assert_cmpint (result->break_even_month, ==, 15);
  g_assert_cmpint (result->net_saving_horizon, ==, USD (24000 - 15000));
  g_assert_cmpuint (result->months->len, ==, 25);
}

static void
test_tier_override (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (12000),
                                                        RETAINER_COMPLEXITY_MODERATE);
  g_autoptr (RetainerResult) result = NULL;
  const RetainerTierOption *options;

  proposal->tier_id = g_strdup ("essentials");
  result = retainer_recommend (proposal);
  g_assert_cmpstr (tier_id (proposal, result->recommended_tier), ==, "growth");
  g_assert_cmpstr (tier_id (proposal, result->chosen_tier), ==, "essentials");
  g_assert_true (result->flags & RETAINER_FLAG_TIER_OVERRIDDEN);
  g_assert_cmpint (result->monthly_retainer, ==, USD (2000));

  /* Every tier is priced for the comparison, whatever is chosen. */
  g_assert_cmpuint (result->tier_options->len, ==, 3);
  options = (const RetainerTierOption *) result->tier_options->data;
  g_assert_cmpint (options[1].monthly_retainer, ==, USD (5000));
  g_assert_cmpint (options[1].monthly_saving, ==, USD (7000));
  g_assert_cmpint (options[1].break_even_month, ==, 2);
  g_assert_cmpint (options[2].monthly_saving, ==, USD (2000));
  g_assert_cmpint (options[2].break_even_month, ==, 5);
}

static void
test_agency_figures (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (5000),
                                                        RETAINER_COMPLEXITY_SIMPLE);
  g_autoptr (RetainerResult) result = retainer_recommend (proposal);

  /* Essentials: platform $14.50 + GPU $50-150 + labour $200-400. */
  g_assert_cmpint (result->agency_monthly_cost_low, ==, 26450);
  g_assert_cmpint (result->agency_monthly_cost_high, ==, 56450);
  g_assert_cmpfloat_with_epsilon (result->margin_low_pct, 100.0 * (2000 - 564.5) / 2000, 1e-9);
  g_assert_cmpfloat_with_epsilon (result->margin_high_pct, 100.0 * (2000 - 264.5) / 2000, 1e-9);
  g_assert_false (result->flags & RETAINER_FLAG_MARGIN_BELOW_FLOOR);
  g_assert_cmpint (result->setup_margin_low, ==, USD (6000 - 5000));
  g_assert_cmpint (result->setup_margin_high, ==, USD (6000 - 1500));
  g_assert_cmpint (result->first_year_value, ==, USD (6000 + 12 * 2000));
  /* Prepaying the year at 10% off saves 12 x $200. */
  g_assert_cmpint (result->annual_option_retainer, ==, USD (1800));
  g_assert_cmpint (result->annual_option_saving, ==, USD (2400));
}

static void
test_describe (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (12000),
                                                        RETAINER_COMPLEXITY_MODERATE);
  g_autoptr (RetainerResult) result = retainer_recommend (proposal);
  g_autofree char *reason = retainer_result_describe_reason (result, proposal);
  g_autofree char *break_even = retainer_result_describe_break_even (result);

  g_assert_nonnull (strstr (reason, "Growth"));
  g_assert_nonnull (strstr (reason, "40%"));
  g_assert_cmpstr (break_even, ==, "month 2 (1.4 months)");
  for (guint i = 0; i < RETAINER_N_FLAGS; i++)
    {
      g_assert_nonnull (retainer_flag_to_id (1 << i));
      g_assert_nonnull (retainer_flag_describe (1 << i));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/recommend/worked-example/simple", test_worked_example_simple);
  g_test_add_func ("/core/recommend/worked-example/setup-7000", test_worked_example_setup_7000);
  g_test_add_func ("/core/recommend/worked-example/saving-4200", test_worked_example_4200);
  g_test_add_func ("/core/recommend/worked-example/mrr", test_worked_example_mrr);
  g_test_add_func ("/core/recommend/moderate-12000", test_moderate_12000);
  for (guint i = 0; i < G_N_ELEMENTS (recommend_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/recommend/table/%s",
                                               recommend_cases[i].name);
      g_test_add_data_func (path, &recommend_cases[i], test_recommend_table);
    }
  g_test_add_func ("/core/recommend/projection/go-live", test_go_live_delay);
  g_test_add_func ("/core/recommend/projection/growth-coverage", test_growth_and_coverage);
  g_test_add_func ("/core/recommend/projection/no-break-even", test_no_break_even);
  g_test_add_func ("/core/recommend/tier-override", test_tier_override);
  g_test_add_func ("/core/recommend/agency", test_agency_figures);
  g_test_add_func ("/core/recommend/describe", test_describe);

  return g_test_run ();
}
