/* fuzz-rate-card.c: a rate card file edited by hand or sent by a colleague
 *
 * The card is read exactly as retainer_rate_card_load() reads it; a card
 * that loads then prices a proposal whose inputs come from the input's
 * last bytes, so the recommendation meets every odd card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  retainer_fuzz_setup ();
  return 0;
}

static guint
take_byte (const uint8_t *data,
           size_t         size,
           size_t         back)
{
  return size > back ? data[size - 1 - back] : 0;
}

static void
price_with_card (const RetainerRateCard *card,
                 const uint8_t          *data,
                 size_t                  size)
{
  static const gint64 spends[] = {
    0, 1, 99, 300000, 500000, 420000, 1200000, 100000000, RETAINER_MONEY_MAX,
  };
  static const guint horizons[] = { 12, 24, 36 };
  g_autoptr (RetainerProposal) proposal = retainer_proposal_new (card);
  guint bits = take_byte (data, size, 0) | take_byte (data, size, 1) << 8;

  proposal->monthly_api_spend = spends[take_byte (data, size, 2) % G_N_ELEMENTS (spends)];
  proposal->api_growth_pct = (double) ((int) take_byte (data, size, 3) % 51 - 25);
  proposal->coverage_pct = take_byte (data, size, 4) % 101;
  proposal->complexity = bits % RETAINER_N_COMPLEXITIES;
  proposal->change_frequency = (bits >> 2) % RETAINER_N_CHANGES;
  proposal->support = (bits >> 4) % RETAINER_N_SUPPORTS;
  proposal->dedicated_instance = (bits >> 6) & 1;
  proposal->billing = (bits >> 7) & 1;
  proposal->horizon_months = horizons[(bits >> 8) % 3];
  proposal->go_live_months = (bits >> 10) % (RETAINER_GO_LIVE_MAX_MONTHS + 1);
  proposal->use_cases = 1 + take_byte (data, size, 5) % RETAINER_USE_CASES_MAX;
  if ((bits >> 14) & 1)
    {
      proposal->has_setup_fee = TRUE;
      proposal->setup_fee = spends[take_byte (data, size, 6) % G_N_ELEMENTS (spends)];
    }
  if ((bits >> 15) & 1)
    proposal->tier_id = g_strdup (card->tiers[take_byte (data, size, 7) % card->n_tiers].id);

  g_assert_true (retainer_proposal_validate (proposal, NULL, NULL));
  retainer_fuzz_exercise_proposal (proposal);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  RetainerJsonSource source = { "fuzz.json", NULL };
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (cJSON) root = NULL;
  g_autoptr (cJSON) saved = NULL;
  g_autoptr (cJSON) reparsed = NULL;
  g_autofree char *saved_text = NULL;
  g_autoptr (RetainerRateCard) card = NULL;
  g_autoptr (RetainerRateCard) reloaded = NULL;
  g_autoptr (GError) error = NULL;

  /* The source text is what messages take line numbers from; it is the
   * whole input, even past an embedded NUL that the parser refuses. */
  source.text = text;
  root = retainer_json_parse ((const char *) data, size, &source, &error);
  if (root == NULL)
    {
      retainer_fuzz_check_error (error);
      return 0;
    }
  if (!retainer_json_check_format (root, RETAINER_RATE_CARD_FORMAT, RETAINER_RATE_CARD_VERSION,
                                   &source, &error))
    {
      retainer_fuzz_check_error (error);
      return 0;
    }

  card = retainer_rate_card_from_json (root, &source, "", &error);
  if (card == NULL)
    {
      retainer_fuzz_check_error (error);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (card->n_tiers, >, 0);
  g_assert_true (retainer_rate_card_validate (card, NULL, "", NULL));

  /* Saved and loaded again, it is the same card. */
  saved = retainer_rate_card_to_json (card);
  saved_text = cJSON_Print (saved);
  g_assert_nonnull (saved_text);
  reparsed = retainer_json_parse (saved_text, strlen (saved_text), NULL, &error);
  g_assert_no_error (error);
  reloaded = retainer_rate_card_from_json (reparsed, NULL, "", &error);
  if (reloaded == NULL)
    g_error ("a loaded rate card did not load again after saving: %s\n%s",
             error->message, saved_text);
  {
    g_autoptr (cJSON) saved_again = retainer_rate_card_to_json (reloaded);

    g_assert_true (cJSON_Compare (saved, saved_again, TRUE));
  }

  price_with_card (card, data, size);
  return 0;
}
