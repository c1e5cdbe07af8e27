/* fuzz-common.h: what every fuzz target does with a loaded proposal
 *
 * Each target is one LLVMFuzzerTestOneInput(). libFuzzer calls it with
 * generated inputs; fuzz-replay.c calls the very same function with the
 * files of the seed corpus and of regressions/, so a crash once found
 * stays a test in suite 'core' even in a gcc build.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "retainer-money.h"
#include "retainer-proposal.h"
#include "retainer-recommend.h"

G_BEGIN_DECLS

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* A warning or critical inside the core is a bug, as in the tests. */
static inline void
retainer_fuzz_setup (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* An error must say something: an empty message would reach the user. */
static inline void
retainer_fuzz_check_error (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_assert_true (error->message[0] != '\0');
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static inline void
retainer_fuzz_format_amount (gint64      minor_units,
                             const char *currency)
{
  g_autofree char *plain = retainer_money_format (minor_units, currency,
                                                  RETAINER_MONEY_FORMAT_DEFAULT);
  g_autofree char *cents = retainer_money_format (minor_units, currency,
                                                  RETAINER_MONEY_FORMAT_CENTS);
  g_autofree char *ticks = retainer_money_format (minor_units, currency,
                                                  RETAINER_MONEY_FORMAT_SHORT);
  g_autofree char *json = retainer_money_to_json_number (minor_units);

  g_assert_true (g_utf8_validate (plain, -1, NULL));
  g_assert_true (g_utf8_validate (cents, -1, NULL));
  g_assert_true (g_utf8_validate (ticks, -1, NULL));
  g_assert_true (json[0] != '\0');
}

/* Everything the window, the command line and the PDF do with a proposal
 * that loaded: recommend, describe, format every figure, write the summary,
 * and save-load it again to the same proposal. */
static inline void
retainer_fuzz_exercise_proposal (const RetainerProposal *proposal)
{
  g_autoptr (RetainerResult) result = retainer_recommend (proposal);
  g_autoptr (cJSON) summary = NULL;
  g_autoptr (cJSON) saved = NULL;
  g_autoptr (RetainerProposal) reloaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary_text = NULL;
  g_autofree char *saved_text = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *break_even = NULL;
  const char *currency = proposal->currency;

  g_assert_nonnull (result);
  g_assert_cmpint (result->chosen_tier, >=, 0);
  g_assert_cmpint (result->chosen_tier, <, (int) proposal->rate_card->n_tiers);
  g_assert_cmpint (result->recommended_tier, >=, 0);
  g_assert_cmpint (result->recommended_tier, <, (int) proposal->rate_card->n_tiers);
  g_assert_cmpuint (result->months->len, ==, proposal->horizon_months + 1);

  reason = retainer_result_describe_reason (result, proposal);
  break_even = retainer_result_describe_break_even (result);
  g_assert_true (g_utf8_validate (reason, -1, NULL));
  g_assert_true (g_utf8_validate (break_even, -1, NULL));

  for (guint i = 0; i < RETAINER_N_FLAGS; i++)
    if (result->flags & (1u << i))
      g_assert_nonnull (retainer_flag_describe (1u << i));

  retainer_fuzz_format_amount (result->setup_fee, currency);
  retainer_fuzz_format_amount (result->monthly_retainer, currency);
  retainer_fuzz_format_amount (result->monthly_saving, currency);
  retainer_fuzz_format_amount (result->net_saving_horizon, currency);
  retainer_fuzz_format_amount (result->first_year_value, currency);
  retainer_fuzz_format_amount (result->agency_monthly_cost_high, currency);
  for (guint i = 0; i < result->months->len; i++)
    {
      const RetainerMonth *month = &g_array_index (result->months, RetainerMonth, i);

      retainer_fuzz_format_amount (month->net, currency);
    }
  {
    g_autofree char *share = retainer_format_percent (result->saving_share * 100.0, 1);
    g_autofree char *margin = retainer_format_percent (result->margin_low_pct, 1);

    g_assert_true (g_utf8_validate (share, -1, NULL));
    g_assert_true (g_utf8_validate (margin, -1, NULL));
  }

  summary = retainer_result_to_json (result, proposal);
  summary_text = cJSON_Print (summary);
  g_assert_nonnull (summary_text);

  /* What is saved loads back as the same proposal. */
  saved = retainer_proposal_to_json (proposal);
  saved_text = cJSON_Print (saved);
  g_assert_nonnull (saved_text);
  reloaded = retainer_proposal_load_data (saved_text, strlen (saved_text), "saved.retainer",
                                          &error);
  if (reloaded == NULL)
    g_error ("a loaded proposal did not load again after saving: %s\n%s",
             error->message, saved_text);
  g_assert_true (retainer_proposal_equal (proposal, reloaded));
}

G_END_DECLS
