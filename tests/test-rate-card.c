/* test-rate-card.c: built-in cards, validation and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "retainer-money.h"
#include "retainer-rate-card.h"

#define USD(major) ((gint64) (major) * 100)

/* Isolated folders are named, not made: each test that writes makes its own. */
static void
ensure_data_dir (void)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
}

static void
test_builtin_default (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerRateCard) card = retainer_rate_card_load_builtin ("fine-tuning-agency",
                                                                       &error);

  g_assert_no_error (error);
  g_assert_true (card->builtin);
  g_assert_cmpstr (card->currency, ==, "USD");
  g_assert_cmpint (card->bands[RETAINER_COMPLEXITY_SIMPLE].low, ==, USD (5000));
  g_assert_cmpint (card->bands[RETAINER_COMPLEXITY_SIMPLE].high, ==, USD (7000));
  g_assert_cmpint (card->bands[RETAINER_COMPLEXITY_MODERATE].low, ==, USD (8000));
  g_assert_cmpint (card->bands[RETAINER_COMPLEXITY_MODERATE].high, ==, USD (12000));
  g_assert_cmpint (card->bands[RETAINER_COMPLEXITY_COMPLEX].low, ==, USD (12000));
  g_assert_cmpint (card->bands[RETAINER_COMPLEXITY_COMPLEX].high, ==, USD (15000));
  g_assert_cmpuint (card->n_tiers, ==, 3);
  g_assert_cmpstr (card->tiers[0].name, ==, "Essentials");
  g_assert_cmpint (card->tiers[0].price, ==, USD (2000));
  g_assert_cmpint (card->tiers[0].retraining, ==, RETAINER_RETRAINING_QUARTERLY);
  g_assert_cmpstr (card->tiers[1].name, ==, "Growth");
  g_assert_cmpint (card->tiers[1].price, ==, USD (5000));
  g_assert_true (card->tiers[1].dedicated_instance);
  g_assert_cmpint (card->tiers[1].support, ==, RETAINER_SUPPORT_FOUR_HOURS);
  g_assert_cmpstr (card->tiers[2].name, ==, "Enterprise");
  g_assert_cmpint (card->tiers[2].price, ==, USD (10000));
  g_assert_cmpuint (card->tiers[2].included_use_cases, ==, 3);
  g_assert_cmpint (card->tiers[2].retraining, ==, RETAINER_RETRAINING_BIWEEKLY);
  g_assert_cmpint (card->tiers[0].platform_cost, ==, 1450);
  g_assert_cmpint (card->candidate_threshold, ==, USD (3000));
  g_assert_cmpfloat (card->min_savings_share_pct, ==, 40);
  g_assert_cmpfloat (card->annual_discount_pct, ==, 10);
  g_assert_cmpfloat (card->cautious_coverage_factor_pct, ==, 50);
  g_assert_cmpuint (card->cautious_go_live_delay_months, ==, 2);
  g_assert_cmpint (card->expansion_price, ==, USD (1500));
  g_assert_cmpfloat (card->margin_floor_pct, ==, 60);
}

static void
test_builtin_others (void)
{
  g_autoptr (GPtrArray) cards = retainer_rate_card_list_builtin ();
  const RetainerRateCard *maintenance, *services;

  g_assert_cmpuint (cards->len, ==, 3);
  g_assert_cmpstr (((RetainerRateCard *) cards->pdata[0])->id, ==, RETAINER_RATE_CARD_DEFAULT_ID);
  maintenance = cards->pdata[1];
  services = cards->pdata[2];

  /* A range's top is the list price, its bottom the floor. */
  g_assert_cmpstr (maintenance->id, ==, "model-maintenance");
  g_assert_cmpuint (maintenance->n_tiers, ==, 3);
  g_assert_cmpint (maintenance->tiers[0].price, ==, USD (500));
  g_assert_cmpint (maintenance->tiers[0].price_floor, ==, USD (300));
  g_assert_cmpint (maintenance->tiers[1].price, ==, USD (1200));
  g_assert_cmpint (maintenance->tiers[1].price_floor, ==, USD (600));
  g_assert_cmpint (maintenance->tiers[2].price, ==, USD (2500));
  g_assert_cmpint (maintenance->tiers[2].price_floor, ==, USD (1200));

  g_assert_cmpstr (services->id, ==, "ai-services");
  g_assert_cmpuint (services->n_tiers, ==, 2);
  g_assert_cmpint (services->tiers[0].price, ==, USD (500));
  g_assert_cmpint (services->tiers[1].price, ==, USD (1000));
  g_assert_cmpint (services->tiers[0].suits_change, ==, RETAINER_CHANGE_STABLE);
  g_assert_cmpint (services->tiers[1].suits_change, ==, RETAINER_CHANGE_WEEKLY);
}

static void
test_round_trip (void)
{
  g_autoptr (GPtrArray) cards = retainer_rate_card_list_builtin ();

  ensure_data_dir ();
  for (guint i = 0; i < cards->len; i++)
    {
      const RetainerRateCard *card = cards->pdata[i];
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "card.json", NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (RetainerRateCard) loaded = NULL;
      g_autoptr (cJSON) a = NULL;
      g_autoptr (cJSON) b = NULL;

      retainer_rate_card_save (card, path, &error);
      g_assert_no_error (error);
      loaded = retainer_rate_card_load (path, &error);
      g_assert_no_error (error);
      a = retainer_rate_card_to_json (card);
      b = retainer_rate_card_to_json (loaded);
      g_assert_true (cJSON_Compare (a, b, TRUE));
      g_assert_false (loaded->builtin);
    }
}

typedef struct
{
  const char *name;
  const char *edit_from;   /* text of the default card to replace */
  const char *edit_to;
  const char *field;       /* must be named in the message */
  gboolean    with_line;   /* the message gives the field's line */
} BadCardCase;

static const BadCardCase bad_cards[] = {
  { "no-tiers", NULL, NULL, "tiers", TRUE },
  { "overlapping-bands", "\"low\": 8000", "\"low\": 6500", "setup_bands.moderate.low", TRUE },
  { "band-inverted", "\"high\": 7000", "\"high\": 4000", "setup_bands.simple.low", TRUE },
  { "negative-price", "\"price\": 5000", "\"price\": -5000", "tiers[1].price", TRUE },
  { "infinite-price", "\"price\": 5000", "\"price\": 1e999", "tiers[1].price", TRUE },
  { "absurd-price", "\"price\": 5000", "\"price\": 2e12", "tiers[1].price", TRUE },
  { "price-as-text", "\"price\": 5000", "\"price\": \"5000\"", "tiers[1].price", TRUE },
  { "unknown-support", "\"support\": \"4-hours\"", "\"support\": \"4 hours\"", "tiers[1].support", TRUE },
  { "tiers-out-of-order", "\"price\": 10000,\n      \"price_floor\": 10000", "\"price\": 4000,\n      \"price_floor\": 4000", "tiers[2].price", TRUE },
  { "floor-above-price", "\"price_floor\": 2000", "\"price_floor\": 2500", "tiers[0].price_floor", TRUE },
  { "duplicate-tier-id", "\"id\": \"growth\"", "\"id\": \"essentials\"", "tiers[1].id", TRUE },
  { "discount-over-half", "\"annual_discount_pct\": 10", "\"annual_discount_pct\": 80", "policies.annual_discount_pct", TRUE },
  { "currency", "\"currency\": \"USD\"", "\"currency\": \"XYZ\"", "currency", TRUE },
  { "cautious-factor-over-100", "\"coverage_factor_pct\": 50", "\"coverage_factor_pct\": 150", "cautious.coverage_factor_pct", TRUE },
  { "cautious-factor-negative", "\"coverage_factor_pct\": 50", "\"coverage_factor_pct\": -5", "cautious.coverage_factor_pct", TRUE },
  { "cautious-delay-over-12", "\"go_live_delay_months\": 2", "\"go_live_delay_months\": 13", "cautious.go_live_delay_months", TRUE },
  { "cautious-delay-fraction", "\"go_live_delay_months\": 2", "\"go_live_delay_months\": 1.5", "cautious.go_live_delay_months", TRUE },
  { "cautious-not-object", "\"cautious\": {", "\"cautious\": 50, \"unused\": {", "cautious", TRUE },
};

static char *
default_card_text (void)
{
  g_autoptr (GBytes) bytes = g_resources_lookup_data ("/app/retainer/Retainer/rate-cards/fine-tuning-agency.json",
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *hit = strstr (text, from);

  g_assert_nonnull (hit);
  return g_strdup_printf ("%.*s%s%s", (int) (hit - text), text, to, hit + strlen (from));
}

/* A card written before the cautious case existed takes its defaults; the
 * built-in cards state them; an edited card keeps its own. */
static void
test_cautious_parameters (void)
{
  g_autofree char *original = default_card_text ();
  const char *start = strstr (original, ",\n  \"cautious\"");
  g_autofree char *old_text = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "old-card.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerRateCard) card = NULL;
  g_autoptr (RetainerRateCard) loaded = NULL;

  ensure_data_dir ();
  g_assert_nonnull (start);
  old_text = g_strdup_printf ("%.*s\n}\n", (int) (start - original), original);
  g_assert_null (strstr (old_text, "cautious"));
  g_assert_true (g_file_set_contents (path, old_text, -1, NULL));
  card = retainer_rate_card_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (card->cautious_coverage_factor_pct, ==, 50);
  g_assert_cmpuint (card->cautious_go_live_delay_months, ==, 2);

  card->cautious_coverage_factor_pct = 62.5;
  card->cautious_go_live_delay_months = 4;
  g_assert_true (retainer_rate_card_save (card, path, &error));
  g_assert_no_error (error);
  loaded = retainer_rate_card_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (loaded->cautious_coverage_factor_pct, ==, 62.5);
  g_assert_cmpuint (loaded->cautious_go_live_delay_months, ==, 4);

  /* The check the window's editor relies on. */
  loaded->cautious_go_live_delay_months = 13;
  g_assert_false (retainer_rate_card_validate (loaded, NULL, "", &error));
  g_assert_error (error, RETAINER_RATE_CARD_ERROR, RETAINER_RATE_CARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cautious.go_live_delay_months"));
}

static void
test_bad_card (gconstpointer data)
{
  const BadCardCase *c = data;
  g_autofree char *original = default_card_text ();
  g_autofree char *text = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "my-card.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerRateCard) card = NULL;
  g_autofree char *quoted_field = NULL;

  ensure_data_dir ();
  if (c->edit_from != NULL)
    text = replace_once (original, c->edit_from, c->edit_to);
  else
    {
      /* Cut the whole tier list down to []. */
      const char *start = strstr (original, "\"tiers\": [");
      const char *end = strstr (original, "\"policies\"");

      g_assert_nonnull (start);
      g_assert_nonnull (end);
      text = g_strdup_printf ("%.*s\"tiers\": [],\n  %s", (int) (start - original), original, end);
    }

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  card = retainer_rate_card_load (path, &error);
  g_assert_null (card);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "my-card.json"));
  quoted_field = g_strdup_printf ("“%s”", c->field);
  g_assert_nonnull (strstr (error->message, quoted_field));
  if (c->with_line)
    g_assert_nonnull (strstr (error->message, ", line "));
}

static void
test_syntax_error_line (void)
{
  g_autofree char *original = default_card_text ();
  g_autofree char *text = replace_once (original, "\"price\": 5000,", "\"price\": 5000");
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "broken.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerRateCard) card = NULL;
  const char *hit = strstr (original, "\"price\": 5000,");
  guint line = 1;

  ensure_data_dir ();
  for (const char *p = original; p < hit; p++)
    line += *p == '\n';

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  card = retainer_rate_card_load (path, &error);
  g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_SYNTAX);
  {
    /* The parser stops at the next line, where the comma is missing. */
    g_autofree char *expected = g_strdup_printf ("broken.json, line %u:", line + 1);
    g_assert_nonnull (strstr (error->message, expected));
  }
}

static void
test_user_cards (void)
{
  g_autofree char *dir = retainer_rate_card_user_dir ();
  g_autofree char *good = g_build_filename (dir, "a-mine.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "b-broken.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerRateCard) card = retainer_rate_card_load_builtin ("ai-services", &error);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) cards = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_free (card->id);
  card->id = g_strdup ("mine");
  g_free (card->name);
  card->name = g_strdup ("My prices");
  g_assert_true (retainer_rate_card_save (card, good, &error));
  g_assert_true (g_file_set_contents (bad, "{ \"format\": \"retainer-rate-card\"", -1, NULL));

  cards = retainer_rate_card_list_all (&problems);
  g_assert_cmpuint (cards->len, ==, 4);
  g_assert_cmpstr (((RetainerRateCard *) cards->pdata[3])->name, ==, "My prices");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "b-broken.json"));
}

static void
test_builtin_texts (void)
{
  g_autoptr (GPtrArray) cards = retainer_rate_card_list_builtin ();
  const char *own = "Our own words, never translated";

  /* Every text of every built-in card is in the list translators get. */
  for (guint i = 0; i < cards->len; i++)
    {
      const RetainerRateCard *card = cards->pdata[i];

      g_assert_true (g_strv_contains (retainer_rate_card_builtin_texts, card->name));
      for (guint t = 0; t < card->n_tiers; t++)
        {
          g_assert_true (g_strv_contains (retainer_rate_card_builtin_texts, card->tiers[t].name));
          for (guint k = 0; card->tiers[t].includes[k] != NULL; k++)
            g_assert_true (g_strv_contains (retainer_rate_card_builtin_texts,
                                            card->tiers[t].includes[k]));
        }
    }
  /* Without a translation, a text comes back as it is. */
  g_assert_true (retainer_rate_card_text (own) == own);
  g_assert_cmpstr (retainer_rate_card_text ("Essentials"), ==, "Essentials");
  g_assert_null (retainer_rate_card_text (NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/rate-card/builtin/default", test_builtin_default);
  g_test_add_func ("/core/rate-card/builtin/others", test_builtin_others);
  g_test_add_func ("/core/rate-card/round-trip", test_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cards); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/rate-card/bad/%s", bad_cards[i].name);
      g_test_add_data_func (path, &bad_cards[i], test_bad_card);
    }
  g_test_add_func ("/core/rate-card/bad/syntax-line", test_syntax_error_line);
  g_test_add_func ("/core/rate-card/user-cards", test_user_cards);
  g_test_add_func ("/core/rate-card/cautious", test_cautious_parameters);
  g_test_add_func ("/core/rate-card/builtin-texts", test_builtin_texts);

  return g_test_run ();
}
