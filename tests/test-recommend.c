/* test-recommend.c: docs/calculation.md's worked examples and the recommendation rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "retainer-chart-scale.h"
#include "retainer-money.h"
#include "retainer-number.h"
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

/* docs/calculation.md, "The cautious case", its worked example: worked
 * example 1 with c' = 50%, L' = 2: months 1-2 no change, then $500 a
 * month; 12-month net -$1,000, no break-even within 12 months; over 24
 * months exactly month 14. */
static void
test_worked_example_cautious (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (5000),
                                                        RETAINER_COMPLEXITY_SIMPLE);
  g_autoptr (RetainerResult) result = retainer_recommend (proposal);
  const RetainerCautiousCase *cautious = &result->cautious;
  const RetainerMonth *months = (const RetainerMonth *) cautious->months->data;
  g_autofree char *sentence = NULL;

  /* The same offer as the expected case. */
  g_assert_cmpint (result->setup_fee, ==, USD (6000));
  g_assert_cmpint (result->monthly_retainer, ==, USD (2000));
  g_assert_cmpfloat_with_epsilon (cautious->coverage_pct, 50.0, 1e-9);
  g_assert_cmpuint (cautious->go_live_months, ==, 2);
  g_assert_cmpfloat (cautious->growth_pct, ==, 0.0);
  g_assert_cmpint (cautious->monthly_saving, ==, USD (500));
  g_assert_cmpuint (cautious->months->len, ==, 13);
  g_assert_cmpint (months[0].net, ==, -USD (6000));
  g_assert_cmpint (months[1].net, ==, -USD (6000));
  g_assert_cmpint (months[2].net, ==, -USD (6000));
  for (guint m = 3; m <= 12; m++)
    g_assert_cmpint (months[m].net - months[m - 1].net, ==, USD (500));
  g_assert_cmpint (cautious->net_saving_12, ==, -USD (1000));
  g_assert_cmpint (cautious->net_saving_horizon, ==, -USD (1000));
  g_assert_cmpint (cautious->break_even_month, ==, 0);
  g_assert_cmpfloat (cautious->break_even_months, <, 0);
  sentence = retainer_result_describe_cautious (result, proposal);
  g_assert_cmpstr (sentence, ==, "If only 50% of the work moves to the model and go-live slips "
                                 "by 2 months, the setup fee is not paid back within 12 months.");

  proposal->horizon_months = 24;
  g_clear_pointer (&result, retainer_result_free);
  g_clear_pointer (&sentence, g_free);
  result = retainer_recommend (proposal);
  g_assert_cmpint (result->cautious.break_even_month, ==, 14);
  g_assert_cmpfloat_with_epsilon (result->cautious.break_even_months, 14.0, 1e-9);
  g_assert_cmpint (result->cautious.net_saving_12, ==, -USD (1000));
  g_assert_cmpint (result->cautious.net_saving_horizon, ==, USD (5000));
  /* The expected case is untouched by it. */
  g_assert_cmpint (result->break_even_month, ==, 2);
  g_assert_cmpint (result->net_saving_12, ==, USD (30000));
  sentence = retainer_result_describe_cautious (result, proposal);
  g_assert_cmpstr (sentence, ==, "Even if only 50% of the work moves to the model and go-live "
                                 "slips by 2 months, you break even in month 14.");
}

static const struct
{
  const char *name;
  gint64      spend;
  double      growth_pct;
  double      coverage_pct;
  guint       go_live_months;
  double      factor_pct;      /* the card's */
  guint       delay_months;    /* the card's */
  double      cautious_coverage_pct;
  guint       cautious_go_live;
  double      cautious_growth_pct;
  gint64      cautious_saving;
  int         cautious_break_even;
  const char *sentence;        /* NULL: none */
} cautious_cases[] = {
  /* Growth stops in the cautious case; a falling spend keeps falling. */
  { "growth-stops", USD (5000), 2.0, 100, 0, 50, 2, 50, 2, 0, USD (500), 0,
    "If only 50% of the work moves to the model, go-live slips by 2 months and your API spend "
    "stops growing, the setup fee is not paid back within 12 months." },
  { "falling-spend-keeps-falling", USD (5000), -1.0, 100, 0, 50, 2, 50, 2, -1.0, USD (500), 0,
    "If only 50% of the work moves to the model and go-live slips by 2 months, the setup fee "
    "is not paid back within 12 months." },
  /* c' = c x factor and L' = L + delay, from the proposal's own values. */
  { "coverage-and-go-live", USD (10000), 0, 80, 1, 75, 1, 60, 2, 0, USD (4000), 4,
    "Even if only 75% of the work moves to the model and go-live slips by 1 month, you break "
    "even in month 4." },
  /* A card that assumes only less coverage. */
  { "no-delay", USD (5000), 0, 100, 0, 50, 0, 50, 0, 0, USD (500), 12,
    "Even if only 50% of the work moves to the model, you break even in month 12." },
  /* A card whose cautious case is the expected one: nothing to say. */
  { "nothing-assumed", USD (5000), 0, 100, 0, 100, 0, 100, 0, 0, USD (3000), 2, NULL },
};

static void
test_cautious_table (gconstpointer data)
{
  const __typeof__ (cautious_cases[0]) *c = data;
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", c->spend,
                                                        RETAINER_COMPLEXITY_SIMPLE);
  g_autoptr (RetainerResult) result = NULL;
  g_autofree char *sentence = NULL;

  proposal->api_growth_pct = c->growth_pct;
  proposal->coverage_pct = c->coverage_pct;
  proposal->go_live_months = c->go_live_months;
  proposal->rate_card->cautious_coverage_factor_pct = c->factor_pct;
  proposal->rate_card->cautious_go_live_delay_months = c->delay_months;
  g_assert_true (retainer_proposal_validate (proposal, NULL, NULL));
  result = retainer_recommend (proposal);

  g_assert_cmpfloat_with_epsilon (result->cautious.coverage_pct, c->cautious_coverage_pct, 1e-9);
  g_assert_cmpuint (result->cautious.go_live_months, ==, c->cautious_go_live);
  g_assert_cmpfloat_with_epsilon (result->cautious.growth_pct, c->cautious_growth_pct, 1e-9);
  g_assert_cmpint (result->cautious.monthly_saving, ==, c->cautious_saving);
  g_assert_cmpint (result->cautious.break_even_month, ==, c->cautious_break_even);
  g_assert_cmpuint (result->cautious.months->len, ==, result->months->len);
  /* The cautious line never runs above the expected one. */
  for (guint m = 0; m < result->months->len; m++)
    g_assert_cmpint (g_array_index (result->cautious.months, RetainerMonth, m).net, <=,
                     g_array_index (result->months, RetainerMonth, m).net);
  sentence = retainer_result_describe_cautious (result, proposal);
  g_assert_cmpstr (sentence, ==, c->sentence);
}

/* No saving, no fee: neither case breaks even, and there is no saving to
 * put a range on, so the PDF says nothing of a cautious case. */
static void
test_cautious_no_saving (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (2000),
                                                        RETAINER_COMPLEXITY_SIMPLE);
  g_autoptr (RetainerResult) result = NULL;
  g_autofree char *sentence = NULL;

  proposal->has_setup_fee = TRUE;
  proposal->setup_fee = 0;
  result = retainer_recommend (proposal);
  g_assert_cmpint (result->break_even_month, ==, 0);
  g_assert_cmpint (result->monthly_saving, ==, 0);
  g_assert_cmpint (result->cautious.monthly_saving, ==, -USD (1000));
  /* Even for two months (go-live slips), then falling: not paid back. */
  g_assert_cmpint (result->cautious.break_even_month, ==, 0);
  sentence = retainer_result_describe_cautious (result, proposal);
  g_assert_null (sentence);
}

/* Options in the acceptance block: first-year totals with and without
 * each. Essentials $2,000 includes one use case; each more is $1,500; the
 * annual discount is 10%. Setup $6,000. */
static void
test_option_totals (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (5000),
                                                        RETAINER_COMPLEXITY_SIMPLE);
  g_autoptr (RetainerResult) result = retainer_recommend (proposal);

  /* No option offered: only the total. */
  g_assert_cmpint (result->options.first_year_total, ==, USD (6000 + 12 * 2000));
  g_assert_cmpuint (result->options.extra_use_cases, ==, 0);
  g_assert_false (result->options.annual_prepay);
  g_assert_cmpint (result->options.all_options_first_year, ==, USD (30000));

  proposal->option_extra_use_cases = 2;
  proposal->option_annual_prepay = TRUE;
  g_clear_pointer (&result, retainer_result_free);
  result = retainer_recommend (proposal);
  g_assert_cmpint (result->options.first_year_total, ==, USD (30000));
  g_assert_cmpint (result->options.extra_use_cases_retainer, ==, USD (5000));
  g_assert_cmpint (result->options.extra_use_cases_monthly, ==, USD (3000));
  g_assert_cmpint (result->options.extra_use_cases_first_year, ==, USD (6000 + 12 * 5000));
  g_assert_true (result->options.annual_prepay);
  g_assert_cmpint (result->options.annual_prepay_retainer, ==, USD (1800));
  g_assert_cmpint (result->options.annual_prepay_first_year, ==, USD (6000 + 12 * 1800));
  /* Both: 5,000 less 10% = 4,500 a month. */
  g_assert_cmpint (result->options.all_options_first_year, ==, USD (6000 + 12 * 4500));
  /* The offer itself does not change. */
  g_assert_cmpint (result->monthly_retainer, ==, USD (2000));
  g_assert_cmpint (result->break_even_month, ==, 2);

  /* Billed annually already, annual prepay is no option. */
  proposal->billing = RETAINER_BILLING_ANNUAL;
  g_clear_pointer (&result, retainer_result_free);
  result = retainer_recommend (proposal);
  g_assert_false (result->options.annual_prepay);
  g_assert_cmpint (result->options.first_year_total, ==, USD (6000 + 12 * 1800));
  g_assert_cmpint (result->options.extra_use_cases_first_year, ==, USD (6000 + 12 * 4500));
  g_assert_cmpint (result->options.all_options_first_year, ==, USD (6000 + 12 * 4500));

  /* Enterprise includes three use cases: two more within them cost nothing. */
  proposal->billing = RETAINER_BILLING_MONTHLY;
  proposal->tier_id = g_strdup ("enterprise");
  g_clear_pointer (&result, retainer_result_free);
  result = retainer_recommend (proposal);
  g_assert_cmpint (result->options.extra_use_cases_monthly, ==, 0);
  g_assert_cmpint (result->options.extra_use_cases_first_year, ==,
                   result->options.first_year_total);
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

/* Each tier's card says why it is or is not the one, in the prospect's
 * terms: Essentials saves more, but only Growth has the dedicated
 * instance the prospect asked for. */
static void
test_describe_fit (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (12000),
                                                        RETAINER_COMPLEXITY_MODERATE);
  static const char * const without_instance[] = {
    "Saves more, with less retraining and support",
    "Covers what you need and leaves you at least 40% of the covered spend",
    "Leaves you less than 40% of the covered spend",
  };
  static const char * const with_instance[] = {
    "No dedicated instance",
    "Has the dedicated instance you asked for",
    "Leaves you less than 40% of the covered spend",
  };

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr (RetainerResult) result = NULL;
      const char * const *expected = pass == 0 ? without_instance : with_instance;

      proposal->dedicated_instance = pass == 1;
      result = retainer_recommend (proposal);
      g_assert_cmpstr (tier_id (proposal, result->recommended_tier), ==, "growth");
      g_assert_cmpuint (proposal->rate_card->n_tiers, ==, 3);
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *fit = retainer_tier_describe_fit (result, proposal, i);

          g_assert_cmpstr (fit, ==, expected[i]);
        }
    }
}

/* A tier that saves nothing says so, never as a negative saving. */
static void
test_describe_saving (void)
{
  RetainerTierOption option = { 0 };
  g_autofree char *saves = NULL;
  g_autofree char *loses = NULL;
  g_autofree char *nothing = NULL;

  option.monthly_saving = USD (7000);
  saves = retainer_tier_option_describe_saving (&option, "USD");
  g_assert_cmpstr (saves, ==, "Saves $7,000 a month");
  option.monthly_saving = -USD (500);
  loses = retainer_tier_option_describe_saving (&option, "USD");
  g_assert_cmpstr (loses, ==, "No monthly saving");
  option.monthly_saving = 0;
  nothing = retainer_tier_option_describe_saving (&option, "USD");
  g_assert_cmpstr (nothing, ==, "No monthly saving");
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


/* No setup fee and a saving of exactly nothing: the client starts even and
 * never gains, so nothing is paid back (DOMAIN: never when the monthly
 * saving is 0 or less). It used to say month 1; before that, 0/0. */
static void
test_break_even_zero_fee (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (2000),
                                                        RETAINER_COMPLEXITY_SIMPLE);
  g_autoptr (RetainerResult) result = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *phrase = NULL;
  g_autoptr (cJSON) json = NULL;

  proposal->has_setup_fee = TRUE;
  proposal->setup_fee = 0;
  result = retainer_recommend (proposal);
  g_assert_cmpint (result->monthly_retainer, ==, USD (2000));
  g_assert_cmpint (result->monthly_saving, ==, 0);
  g_assert_cmpint (g_array_index (result->months, RetainerMonth, 1).net, ==, 0);
  g_assert_cmpint (result->net_saving_12, ==, 0);
  g_assert_cmpint (result->break_even_month, ==, 0);
  g_assert_cmpfloat (result->break_even_months, ==, -1);
  g_assert_true (result->flags & RETAINER_FLAG_NO_BREAK_EVEN);
  g_assert_true (result->flags & RETAINER_FLAG_NO_SAVING);
  /* Every tier costs as much or more: none pays back either. */
  for (guint i = 0; i < result->tier_options->len; i++)
    {
      const RetainerTierOption *option = &g_array_index (result->tier_options,
                                                         RetainerTierOption, i);

      g_assert_cmpint (option->monthly_saving, <=, 0);
      g_assert_cmpint (option->break_even_month, ==, 0);
      g_assert_true (isfinite (option->break_even_months));
    }

  figure = retainer_result_describe_break_even (result);
  marker = retainer_break_even_describe (result->break_even_month, result->break_even_months,
                                         result->horizon_months, RETAINER_BREAK_EVEN_MARKER);
  sentence = retainer_break_even_describe (result->break_even_month,
                                           result->break_even_months, result->horizon_months,
                                           RETAINER_BREAK_EVEN_SENTENCE);
  phrase = retainer_break_even_describe (result->break_even_month, result->break_even_months,
                                         result->horizon_months, RETAINER_BREAK_EVEN_PHRASE);
  g_assert_cmpstr (figure, ==, "no break-even within 12 months");
  g_assert_cmpstr (marker, ==, "Break-even: not within 12 months");
  g_assert_cmpstr (sentence, ==, "The setup fee is not paid back within 12 months.");
  g_assert_cmpstr (phrase, ==, "Not paid back within 12 months");

  json = retainer_result_to_json (result, proposal);
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItem (json, "break_even_month")));
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItem (json, "break_even_months")));
}

/* No setup fee, months before go-live, and the retainer dearer than the
 * covered spend (review finding 5): the net is 0 while nothing is live and
 * then falls. Not "paid back in month 1": no break-even for the plan, the
 * other tiers or the cautious case. */
static void
test_break_even_zero_fee_go_live (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (1000),
                                                        RETAINER_COMPLEXITY_SIMPLE);
  g_autoptr (RetainerResult) result = NULL;
  g_autofree char *phrase = NULL;

  proposal->has_setup_fee = TRUE;
  proposal->setup_fee = 0;
  proposal->go_live_months = 2;
  result = retainer_recommend (proposal);
  g_assert_cmpint (result->monthly_saving, ==, -USD (1000));
  g_assert_cmpint (g_array_index (result->months, RetainerMonth, 1).net, ==, 0);
  g_assert_cmpint (g_array_index (result->months, RetainerMonth, 2).net, ==, 0);
  g_assert_cmpint (result->net_saving_12, ==, -USD (10000));
  g_assert_cmpint (result->break_even_month, ==, 0);
  g_assert_true (result->flags & RETAINER_FLAG_NO_BREAK_EVEN);
  g_assert_cmpint (result->cautious.break_even_month, ==, 0);
  for (guint i = 0; i < result->tier_options->len; i++)
    g_assert_cmpint (g_array_index (result->tier_options, RetainerTierOption,
                                    i).break_even_month, ==, 0);
  phrase = retainer_break_even_describe (result->break_even_month, result->break_even_months,
                                         result->horizon_months, RETAINER_BREAK_EVEN_PHRASE);
  g_assert_cmpstr (phrase, ==, "Not paid back within 12 months");
}

/* No setup fee and a real saving: the client is never behind, even while
 * nothing is live yet, and breaks even in month 1 at 0 months, as before. */
static void
test_break_even_zero_fee_saving (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (5000),
                                                        RETAINER_COMPLEXITY_SIMPLE);
  g_autoptr (RetainerResult) result = NULL;

  proposal->has_setup_fee = TRUE;
  proposal->setup_fee = 0;
  proposal->go_live_months = 2;
  result = retainer_recommend (proposal);
  g_assert_cmpint (result->monthly_saving, ==, USD (3000));
  g_assert_cmpint (result->break_even_month, ==, 1);
  g_assert_cmpfloat (result->break_even_months, ==, 0.0);
  g_assert_false (result->flags & RETAINER_FLAG_NO_BREAK_EVEN);
  /* The cautious case saves 2,500 - 2,000 from month 5: even from the start too. */
  g_assert_cmpint (result->cautious.monthly_saving, ==, USD (500));
  g_assert_cmpint (result->cautious.break_even_month, ==, 1);
}

/* A spend that grows past the retainer: no saving in month 1 but one from
 * month 2. With no fee the client is never behind and gains from month 2:
 * even from the start (month 1, 0 months), in line with the positive net
 * after 12 months, not "never" because month 1 saved nothing. */
static void
test_break_even_growth (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (2000),
                                                        RETAINER_COMPLEXITY_SIMPLE);
  g_autoptr (RetainerResult) result = NULL;

  proposal->has_setup_fee = TRUE;
  proposal->setup_fee = 0;
  proposal->api_growth_pct = 10;
  result = retainer_recommend (proposal);
  g_assert_cmpint (result->monthly_saving, ==, 0);
  g_assert_cmpint (g_array_index (result->months, RetainerMonth, 1).net, ==, 0);
  g_assert_cmpint (g_array_index (result->months, RetainerMonth, 2).net, ==, USD (200));
  g_assert_cmpint (result->break_even_month, ==, 1);
  g_assert_cmpfloat (result->break_even_months, ==, 0.0);
  g_assert_false (result->flags & RETAINER_FLAG_NO_BREAK_EVEN);
  g_assert_cmpint (result->net_saving_12, >, 0);
}

/* Each month's spend is rounded from S x (1+g)^(m-1) itself, not from the
 * rounded month before: docs/calculation.md states the rule, this pins it. */
static void
test_rounding_per_month (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", 1200050,
                                                        RETAINER_COMPLEXITY_MODERATE);
  g_autoptr (RetainerResult) result = NULL;
  gint64 chained = 1200050;
  guint differs = 0;

  proposal->api_growth_pct = 2.25;
  proposal->coverage_pct = 87.5;
  proposal->horizon_months = 36;
  result = retainer_recommend (proposal);

  for (guint m = 1; m <= 36; m++)
    {
      const RetainerMonth *month = &g_array_index (result->months, RetainerMonth, m);
      const RetainerMonth *before = &g_array_index (result->months, RetainerMonth, m - 1);
      gint64 direct = (gint64) round (1200050.0 * pow (1.0225, m - 1));

      g_assert_cmpint (month->without - before->without, ==, direct);
      if (m > 1)
        chained = (gint64) round ((double) chained * 1.0225);
      if (chained != direct)
        differs++;
    }
  /* The other rule would have drifted by a cent here and there. */
  g_test_message ("months where rounding the previous month would differ: %u", differs);
  g_assert_cmpuint (differs, >, 0);
}

/* The three forms of the one break-even wording. */
static void
test_break_even_wording (void)
{
  static const struct
  {
    int         month;
    double      months;
    guint       horizon;
    const char *figure;
    const char *marker;
    const char *sentence;
    const char *phrase;
  } cases[] = {
    { 2, 2.0, 12, "month 2", "Break-even: month 2", "The setup fee is paid back in month 2.",
      "Paid back in month 2" },
    { 3, 2.333, 12, "month 3 (2.3 months)", "Break-even: month 3 (2.3 months)",
      "The setup fee is paid back in month 3, after 2.3 months.", "Paid back in month 3" },
    { 0, -1, 24, "no break-even within 24 months", "Break-even: not within 24 months",
      "The setup fee is not paid back within 24 months.", "Not paid back within 24 months" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *figure = retainer_break_even_describe (cases[i].month, cases[i].months,
                                                              cases[i].horizon,
                                                              RETAINER_BREAK_EVEN_FIGURE);
      g_autofree char *marker = retainer_break_even_describe (cases[i].month, cases[i].months,
                                                              cases[i].horizon,
                                                              RETAINER_BREAK_EVEN_MARKER);
      g_autofree char *sentence = retainer_break_even_describe (cases[i].month, cases[i].months,
                                                                cases[i].horizon,
                                                                RETAINER_BREAK_EVEN_SENTENCE);

      g_assert_cmpstr (figure, ==, cases[i].figure);
      g_assert_cmpstr (marker, ==, cases[i].marker);
      g_assert_cmpstr (sentence, ==, cases[i].sentence);
      {
        g_autofree char *phrase = retainer_break_even_describe (cases[i].month, cases[i].months,
                                                                cases[i].horizon,
                                                                RETAINER_BREAK_EVEN_PHRASE);

        g_assert_cmpstr (phrase, ==, cases[i].phrase);
      }
    }
}

/* Steps are whole units (never $2.50), the axis holds zero and both ends,
 * and the last-resort branch is reachable and still covers the amounts. */
static void
test_chart_scale (void)
{
  static const struct { gint64 low; gint64 high; guint ticks; } cases[] = {
    { 0, 1000, 7 }, { -600000, 9000000, 7 }, { 0, 250, 3 }, { -1, 1, 2 },
    { 0, G_GINT64_CONSTANT (100000000000000), 7 },
    { G_MININT64 / 2, G_MAXINT64 / 2, 2 },
    { -G_GINT64_CONSTANT (9000000000000000000), G_GINT64_CONSTANT (9000000000000000000), 3 },
  };
  guint fallbacks = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RetainerChartScale scale = { 0 };

      retainer_chart_scale_compute (cases[i].low, cases[i].high, cases[i].ticks, &scale);
      g_assert_cmpint (scale.low, <=, MIN (cases[i].low, 0));
      g_assert_cmpint (scale.high, >=, MAX (cases[i].high, 0));
      g_assert_cmpuint (scale.n_ticks, <=, cases[i].ticks);
      g_assert_cmpint (scale.step, >, 0);
      if (scale.step % 100 != 0 || scale.high - scale.low != scale.step * (scale.n_ticks - 1))
        fallbacks++;
      else
        g_assert_cmpint (scale.low % scale.step, ==, 0);
    }
  g_assert_cmpuint (fallbacks, >, 0);
}

/* A programmer's mistake is a critical warning and a safe return, not a crash. */
static void
test_programmer_errors (void)
{
  g_autoptr (RetainerProposal) proposal = new_proposal ("fine-tuning-agency", USD (5000),
                                                        RETAINER_COMPLEXITY_SIMPLE);

  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*proposal != NULL*");
  g_assert_null (retainer_recommend (NULL));
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*result != NULL*");
  g_assert_null (retainer_result_describe_break_even (NULL));
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*result != NULL*");
  g_assert_null (retainer_result_to_json (NULL, proposal));
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*proposal != NULL*");
  g_assert_null (retainer_proposal_copy (NULL));
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*proposal != NULL*");
  g_assert_false (retainer_proposal_validate (NULL, NULL, NULL));
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*path != NULL*");
  g_assert_null (retainer_proposal_load (NULL, NULL));
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*card != NULL*");
  retainer_proposal_set_rate_card (proposal, NULL);
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*text != NULL*");
  g_assert_false (retainer_parse_decimal (NULL, NULL, 2, &(gint64) { 0 }, NULL));
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*scale != NULL*");
  retainer_chart_scale_compute (0, 1, 2, NULL);
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*id != NULL*");
  g_assert_null (retainer_rate_card_load_builtin (NULL, NULL));
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*path != NULL*");
  g_assert_null (retainer_rate_card_load (NULL, NULL));
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*card != NULL*");
  g_assert_null (retainer_rate_card_to_json (NULL));
  g_test_assert_expected_messages ();
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
  g_test_add_func ("/core/recommend/worked-example/cautious", test_worked_example_cautious);
  for (guint i = 0; i < G_N_ELEMENTS (cautious_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/recommend/cautious/%s",
                                               cautious_cases[i].name);
      g_test_add_data_func (path, &cautious_cases[i], test_cautious_table);
    }
  g_test_add_func ("/core/recommend/options", test_option_totals);
  g_test_add_func ("/core/recommend/cautious/no-saving", test_cautious_no_saving);
  g_test_add_func ("/core/recommend/tier-override", test_tier_override);
  g_test_add_func ("/core/recommend/agency", test_agency_figures);
  g_test_add_func ("/core/recommend/describe", test_describe);
  g_test_add_func ("/core/recommend/describe-saving", test_describe_saving);
  g_test_add_func ("/core/recommend/describe-fit", test_describe_fit);
  g_test_add_func ("/core/recommend/break-even/zero-fee", test_break_even_zero_fee);
  g_test_add_func ("/core/recommend/break-even/zero-fee-go-live", test_break_even_zero_fee_go_live);
  g_test_add_func ("/core/recommend/break-even/zero-fee-saving", test_break_even_zero_fee_saving);
  g_test_add_func ("/core/recommend/break-even/growth", test_break_even_growth);
  g_test_add_func ("/core/recommend/break-even/wording", test_break_even_wording);
  g_test_add_func ("/core/recommend/projection/rounding-per-month", test_rounding_per_month);
  g_test_add_func ("/core/chart-scale/extreme", test_chart_scale);
  g_test_add_func ("/core/recommend/programmer-errors", test_programmer_errors);

  return g_test_run ();
}
