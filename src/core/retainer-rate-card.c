/* retainer-rate-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "retainer-i18n.h"
#include "retainer-money.h"
#include "retainer-rate-card.h"

#define BUILTIN_RESOURCE_DIR "/app/retainer/Retainer/rate-cards/"

G_DEFINE_QUARK (retainer-rate-card-error-quark, retainer_rate_card_error)

static const char *const builtin_ids[] = {
  "fine-tuning-agency",
  "model-maintenance",
  "ai-services",
  NULL
};

static void
tier_clear (RetainerTier *tier)
{
  g_clear_pointer (&tier->id, g_free);
  g_clear_pointer (&tier->name, g_free);
  g_clear_pointer (&tier->summary, g_free);
  g_clear_pointer (&tier->includes, g_strfreev);
}

static void
tier_copy_into (RetainerTier       *dest,
                const RetainerTier *src)
{
  *dest = *src;
  dest->id = g_strdup (src->id);
  dest->name = g_strdup (src->name);
  dest->summary = g_strdup (src->summary);
  dest->includes = g_strdupv (src->includes);
}

/**
 * retainer_rate_card_free:
 * @card: (nullable): a card
 *
 * Frees the card and everything it holds.
 */
void
retainer_rate_card_free (RetainerRateCard *card)
{
  if (card == NULL)
    return;

  g_free (card->id);
  g_free (card->name);
  g_free (card->description);
  g_free (card->currency);
  for (guint i = 0; i < RETAINER_N_COMPLEXITIES; i++)
    {
      g_free (card->bands[i].summary);
      g_free (card->bands[i].example);
    }
  for (guint i = 0; i < card->n_tiers; i++)
    tier_clear (&card->tiers[i]);
  g_free (card->tiers);
  g_free (card);
}

/**
 * retainer_rate_card_copy:
 * @card: a card
 *
 * Returns: (transfer full): a deep copy
 */
RetainerRateCard *
retainer_rate_card_copy (const RetainerRateCard *card)
{
  RetainerRateCard *copy;

  g_return_val_if_fail (card != NULL, NULL);

  copy = g_new0 (RetainerRateCard, 1);
  *copy = *card;
  copy->id = g_strdup (card->id);
  copy->name = g_strdup (card->name);
  copy->description = g_strdup (card->description);
  copy->currency = g_strdup (card->currency);
  for (guint i = 0; i < RETAINER_N_COMPLEXITIES; i++)
    {
      copy->bands[i].summary = g_strdup (card->bands[i].summary);
      copy->bands[i].example = g_strdup (card->bands[i].example);
    }
  copy->tiers = g_new0 (RetainerTier, MAX (card->n_tiers, 1));
  for (guint i = 0; i < card->n_tiers; i++)
    tier_copy_into (&copy->tiers[i], &card->tiers[i]);

  return copy;
}

/**
 * retainer_rate_card_find_tier:
 * @card: a card
 * @tier_id: a tier's id
 *
 * Returns: the tier's index, or -1
 */
int
retainer_rate_card_find_tier (const RetainerRateCard *card,
                              const char             *tier_id)
{
  g_return_val_if_fail (card != NULL, -1);

  if (tier_id == NULL)
    return -1;

  for (guint i = 0; i < card->n_tiers; i++)
    if (g_strcmp0 (card->tiers[i].id, tier_id) == 0)
      return (int) i;

  return -1;
}

/**
 * retainer_setup_band_midpoint:
 * @band: a setup band
 *
 * Returns: the suggested setup fee, the middle of the band, rounded to the cent
 */
gint64
retainer_setup_band_midpoint (const RetainerSetupBand *band)
{
  g_return_val_if_fail (band != NULL, 0);

  return band->low + (band->high - band->low) / 2;
}

static gboolean
set_invalid (GError                  **error,
             const RetainerJsonSource *source,
             const char               *path,
             const char               *key,
             const char               *problem)
{
  retainer_json_set_field_error (error, source, path, key, problem);
  /* The same message, in the card's own domain. */
  if (error != NULL && *error != NULL)
    {
      (*error)->domain = RETAINER_RATE_CARD_ERROR;
      (*error)->code = RETAINER_RATE_CARD_ERROR_INVALID;
    }
  return FALSE;
}

/**
 * retainer_rate_card_validate:
 * @card: a card
 * @source: (nullable): the file it came from, for messages
 * @path: where the card sits in its file
 * @error: a #GError
 *
 * Checks what a card must hold together: at least one tier, unique tier
 * ids, tiers ordered by price, floors not above prices, bands that do not
 * overlap and whose low is not above their high, costs not inverted.
 */
gboolean
retainer_rate_card_validate (const RetainerRateCard   *card,
                             const RetainerJsonSource *source,
                             const char               *path,
                             GError                  **error)
{
  g_return_val_if_fail (card != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (card->n_tiers == 0)
    return set_invalid (error, source, path, "tiers",
                        _("expected at least one retainer tier; this card has none"));

  if (!retainer_currency_is_supported (card->currency))
    return set_invalid (error, source, path, "currency",
                        _("expected one of USD, EUR, GBP, CAD, AUD, INR, CHF"));

  for (guint i = 0; i < RETAINER_N_COMPLEXITIES; i++)
    {
      g_autofree char *band_path = g_strdup_printf ("%s%ssetup_bands.%s", path,
                                                    *path ? "." : "",
                                                    retainer_complexity_ids[i]);
      const RetainerSetupBand *band = &card->bands[i];

      if (band->low > band->high)
        return set_invalid (error, source, band_path, "low",
                            _("expected a low end not above the high end"));
      if (i > 0 && band->low < card->bands[i - 1].high)
        return set_invalid (error, source, band_path, "low",
                            _("overlaps the band below it: expected the low end to be at "
                              "least the previous band’s high end"));
    }

  for (guint i = 0; i < card->n_tiers; i++)
    {
      const RetainerTier *tier = &card->tiers[i];
      g_autofree char *tier_path = g_strdup_printf ("%s%stiers[%u]", path, *path ? "." : "", i);

      if (tier->price_floor > tier->price)
        return set_invalid (error, source, tier_path, "price_floor",
                            _("expected a floor not above the list price"));
      if (i > 0 && tier->price < card->tiers[i - 1].price)
        return set_invalid (error, source, tier_path, "price",
                            _("expected tiers ordered from the cheapest to the dearest"));
      if (tier->compute_cost_low > tier->compute_cost_high)
        return set_invalid (error, source, tier_path, "cost.compute_low",
                            _("expected a low end not above the high end"));
      if (tier->labour_cost_low > tier->labour_cost_high)
        return set_invalid (error, source, tier_path, "cost.labour_low",
                            _("expected a low end not above the high end"));
      if (!(tier->staff_hours_low >= 0 && tier->staff_hours_high <= RETAINER_TIER_STAFF_HOURS_MAX))
        {
          g_autofree char *problem =
            g_strdup_printf (_("expected staff hours a month from 0 to %d"),
                             (int) RETAINER_TIER_STAFF_HOURS_MAX);

          return set_invalid (error, source, tier_path, "cost.staff_hours_high", problem);
        }
      if (tier->staff_hours_low > tier->staff_hours_high)
        return set_invalid (error, source, tier_path, "cost.staff_hours_low",
                            _("expected a low end not above the high end"));
      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (card->tiers[j].id, tier->id) == 0)
          return set_invalid (error, source, tier_path, "id",
                              _("expected an id no other tier of the card has"));
    }

  if (card->overhead_low > card->overhead_high)
    return set_invalid (error, source, path, "policies.overhead_low",
                        _("expected a low end not above the high end"));
  if (card->build_cost_low > card->build_cost_high)
    return set_invalid (error, source, path, "policies.build_cost_low",
                        _("expected a low end not above the high end"));
  if (!(card->cautious_coverage_factor_pct >= 0 && card->cautious_coverage_factor_pct <= 100))
    return set_invalid (error, source, path, "cautious.coverage_factor_pct",
                        _("expected a share from 0 to 100 percent"));
  if (card->cautious_go_live_delay_months > RETAINER_CAUTIOUS_GO_LIVE_DELAY_MAX)
    return set_invalid (error, source, path, "cautious.go_live_delay_months",
                        _("expected a whole number from 0 to 12"));

  return TRUE;
}

static gboolean
read_strings (const cJSON              *object,
              const char               *path,
              const char               *key,
              char                   ***value,
              const RetainerJsonSource *source,
              GError                  **error)
{
  g_autoptr (GError) local_error = NULL;
  const cJSON *array = retainer_json_get_array (object, path, key, FALSE, source, &local_error);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  const cJSON *item;
  guint index = 0;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  cJSON_ArrayForEach (item, array)
    {
      g_autofree char *item_key = g_strdup_printf ("%s[%u]", key, index++);

      if (!cJSON_IsString (item) || !g_utf8_validate (item->valuestring, -1, NULL)
          || g_utf8_strlen (item->valuestring, -1) > 500 || index > 40)
        {
          retainer_json_set_field_error (error, source, path, item_key,
                                         _("expected up to 40 texts of at most 500 characters"));
          return FALSE;
        }
      g_strv_builder_add (builder, item->valuestring);
    }

  *value = g_strv_builder_end (builder);
  return TRUE;
}

/* What a card written before the book implies: its labour cost at the
 * default loaded cost an hour, to the hundredth of an hour. */
static double
hours_from_labour (gint64 labour_cost)
{
  return round ((double) labour_cost * 100.0 / (double) RETAINER_RATE_CARD_DEFAULT_HOURLY_COST)
         / 100.0;
}

static gboolean
read_staff_hours (const cJSON              *cost,
                  const char               *cost_path,
                  RetainerTier             *tier,
                  const RetainerJsonSource *source,
                  GError                  **error)
{
  gboolean has_low = cost != NULL
                     && cJSON_GetObjectItemCaseSensitive (cost, "staff_hours_low") != NULL;
  gboolean has_high = cost != NULL
                      && cJSON_GetObjectItemCaseSensitive (cost, "staff_hours_high") != NULL;

  tier->staff_hours_low = hours_from_labour (tier->labour_cost_low);
  tier->staff_hours_high = hours_from_labour (tier->labour_cost_high);
  if (cost == NULL)
    return TRUE;

  if (!retainer_json_get_number (cost, cost_path, "staff_hours_low", FALSE, 0,
                                 RETAINER_TIER_STAFF_HOURS_MAX, &tier->staff_hours_low, source,
                                 error)
      || !retainer_json_get_number (cost, cost_path, "staff_hours_high", FALSE, 0,
                                    RETAINER_TIER_STAFF_HOURS_MAX, &tier->staff_hours_high,
                                    source, error))
    return FALSE;

  if (has_low && !has_high)
    tier->staff_hours_high = tier->staff_hours_low;
  else if (has_high && !has_low)
    tier->staff_hours_low = tier->staff_hours_high;
  return TRUE;
}

static gboolean
read_tier (const cJSON              *object,
           const char               *path,
           RetainerTier             *tier,
           const RetainerJsonSource *source,
           GError                  **error)
{
  g_autofree char *cost_path = retainer_json_join_path (path, "cost");
  g_autofree char *margin_path = retainer_json_join_path (path, "target_margin_pct");
  g_autoptr (GError) local_error = NULL;
  const cJSON *cost, *margin;
  int retraining = RETAINER_RETRAINING_QUARTERLY;
  int suits = RETAINER_CHANGE_STABLE;
  int support = RETAINER_SUPPORT_NEXT_BUSINESS_DAY;
  gboolean has_floor = cJSON_GetObjectItemCaseSensitive (object, "price_floor") != NULL;

  tier->included_use_cases = 1;
  if (!retainer_json_get_string (object, path, "id", TRUE, 64, &tier->id, source, error)
      || !retainer_json_get_string (object, path, "name", TRUE, 80, &tier->name, source, error)
      || !retainer_json_get_string (object, path, "summary", FALSE, 500, &tier->summary, source, error)
      || !read_strings (object, path, "includes", &tier->includes, source, error)
      || !retainer_json_get_money (object, path, "price", TRUE, &tier->price, source, error)
      || !retainer_json_get_money (object, path, "price_floor", FALSE, &tier->price_floor, source, error)
      || !retainer_json_get_enum (object, path, "retraining", FALSE, retainer_retraining_ids,
                                  &retraining, source, error)
      || !retainer_json_get_enum (object, path, "suits_change", FALSE, retainer_change_ids,
                                  &suits, source, error)
      || !retainer_json_get_bool (object, path, "dedicated_instance", FALSE,
                                  &tier->dedicated_instance, source, error)
      || !retainer_json_get_enum (object, path, "support", FALSE, retainer_support_ids,
                                  &support, source, error)
      || !retainer_json_get_uint (object, path, "included_use_cases", FALSE, 1, 50,
                                  &tier->included_use_cases, source, error))
    return FALSE;

  if (tier->id[0] == '\0')
    {
      retainer_json_set_field_error (error, source, path, "id", _("expected a non-empty id"));
      return FALSE;
    }

  if (!has_floor)
    tier->price_floor = tier->price;
  tier->retraining = retraining;
  tier->suits_change = suits;
  tier->support = support;

  cost = retainer_json_get_object (object, path, "cost", FALSE, source, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (cost != NULL
      && (!retainer_json_get_money (cost, cost_path, "platform", FALSE, &tier->platform_cost, source, error)
          || !retainer_json_get_bool (cost, cost_path, "platform_per_use_case", FALSE,
                                      &tier->platform_per_use_case, source, error)
          || !retainer_json_get_money (cost, cost_path, "compute_low", FALSE, &tier->compute_cost_low, source, error)
          || !retainer_json_get_money (cost, cost_path, "compute_high", FALSE, &tier->compute_cost_high, source, error)
          || !retainer_json_get_money (cost, cost_path, "labour_low", FALSE, &tier->labour_cost_low, source, error)
          || !retainer_json_get_money (cost, cost_path, "labour_high", FALSE, &tier->labour_cost_high, source, error)))
    return FALSE;
  if (!read_staff_hours (cost, cost_path, tier, source, error))
    return FALSE;

  margin = retainer_json_get_object (object, path, "target_margin_pct", FALSE, source, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (margin != NULL
      && (!retainer_json_get_number (margin, margin_path, "low", FALSE, 0, 100,
                                     &tier->target_margin_low_pct, source, error)
          || !retainer_json_get_number (margin, margin_path, "high", FALSE, 0, 100,
                                        &tier->target_margin_high_pct, source, error)))
    return FALSE;

  return TRUE;
}

static gboolean
read_band (const cJSON              *bands,
           const char               *path,
           RetainerComplexity        complexity,
           RetainerSetupBand        *band,
           const RetainerJsonSource *source,
           GError                  **error)
{
  const char *key = retainer_complexity_ids[complexity];
  g_autofree char *band_path = retainer_json_join_path (path, key);
  const cJSON *object = retainer_json_get_object (bands, path, key, TRUE, source, error);

  if (object == NULL)
    return FALSE;

  return retainer_json_get_money (object, band_path, "low", TRUE, &band->low, source, error)
         && retainer_json_get_money (object, band_path, "high", TRUE, &band->high, source, error)
         && retainer_json_get_string (object, band_path, "summary", FALSE, 500, &band->summary,
                                      source, error)
         && retainer_json_get_string (object, band_path, "example", FALSE, 500, &band->example,
                                      source, error);
}

/**
 * retainer_rate_card_from_json:
 * @object: the card's JSON object
 * @source: the file, for messages
 * @path: where the card sits in its file ("" for a card file)
 * @error: a #GError
 *
 * Reads and validates a card. Policies left out take the defaults of
 * docs/calculation.md.
 *
 * Returns: (transfer full) (nullable): the card
 */
RetainerRateCard *
retainer_rate_card_from_json (const cJSON              *object,
                              const RetainerJsonSource *source,
                              const char               *path,
                              GError                  **error)
{
  g_autoptr (RetainerRateCard) card = NULL;
  g_autofree char *bands_path = NULL;
  g_autofree char *policies_path = NULL;
  g_autofree char *cautious_path = NULL;
  g_autoptr (GError) local_error = NULL;
  const cJSON *bands, *tiers, *policies, *cautious, *item;
  guint index = 0;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  card = g_new0 (RetainerRateCard, 1);
  bands_path = retainer_json_join_path (path, "setup_bands");
  policies_path = retainer_json_join_path (path, "policies");
  cautious_path = retainer_json_join_path (path, "cautious");

  card->currency = g_strdup ("USD");
  card->candidate_threshold = 300000;
  card->min_savings_share_pct = 40;
  card->annual_discount_pct = 10;
  card->expansion_price = 150000;
  card->overhead_low = 20000;
  card->overhead_high = 50000;
  card->margin_floor_pct = 60;
  card->build_cost_low = 150000;
  card->build_cost_high = 500000;
  card->cautious_coverage_factor_pct = RETAINER_CAUTIOUS_COVERAGE_FACTOR_PCT;
  card->cautious_go_live_delay_months = RETAINER_CAUTIOUS_GO_LIVE_DELAY_MONTHS;

  if (!retainer_json_get_string (object, path, "id", TRUE, 64, &card->id, source, error)
      || !retainer_json_get_string (object, path, "name", TRUE, 120, &card->name, source, error)
      || !retainer_json_get_string (object, path, "description", FALSE, 2000, &card->description,
                                    source, error)
      || !retainer_json_get_string (object, path, "currency", FALSE, 3, &card->currency, source,
                                    error))
    return NULL;

  bands = retainer_json_get_object (object, path, "setup_bands", TRUE, source, error);
  if (bands == NULL)
    return NULL;
  for (guint i = 0; i < RETAINER_N_COMPLEXITIES; i++)
    if (!read_band (bands, bands_path, i, &card->bands[i], source, error))
      return NULL;

  tiers = retainer_json_get_array (object, path, "tiers", TRUE, source, error);
  if (tiers == NULL)
    return NULL;
  if (cJSON_GetArraySize (tiers) > RETAINER_RATE_CARD_MAX_TIERS)
    {
      g_autofree char *problem = g_strdup_printf (ngettext ("expected at most %d tier",
                                                            "expected at most %d tiers",
                                                            RETAINER_RATE_CARD_MAX_TIERS),
                                                  RETAINER_RATE_CARD_MAX_TIERS);
      retainer_json_set_field_error (error, source, path, "tiers", problem);
      return NULL;
    }
  card->tiers = g_new0 (RetainerTier, MAX (cJSON_GetArraySize (tiers), 1));
  cJSON_ArrayForEach (item, tiers)
    {
      g_autofree char *tier_key = g_strdup_printf ("tiers[%u]", index);
      g_autofree char *tier_path = retainer_json_join_path (path, tier_key);

      if (!cJSON_IsObject (item))
        {
          retainer_json_set_field_error (error, source, path, tier_key,
                                         _("expected an object in braces"));
          return NULL;
        }
      card->n_tiers = ++index;
      if (!read_tier (item, tier_path, &card->tiers[index - 1], source, error))
        return NULL;
    }

  policies = retainer_json_get_object (object, path, "policies", FALSE, source, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (policies != NULL
      && (!retainer_json_get_money (policies, policies_path, "candidate_threshold", FALSE,
                                    &card->candidate_threshold, source, error)
          || !retainer_json_get_number (policies, policies_path, "min_savings_share_pct", FALSE,
                                        0, 100, &card->min_savings_share_pct, source, error)
          || !retainer_json_get_number (policies, policies_path, "annual_discount_pct", FALSE,
                                        0, 50, &card->annual_discount_pct, source, error)
          || !retainer_json_get_money (policies, policies_path, "expansion_price", FALSE,
                                       &card->expansion_price, source, error)
          || !retainer_json_get_money (policies, policies_path, "overhead_low", FALSE,
                                       &card->overhead_low, source, error)
          || !retainer_json_get_money (policies, policies_path, "overhead_high", FALSE,
                                       &card->overhead_high, source, error)
          || !retainer_json_get_number (policies, policies_path, "margin_floor_pct", FALSE,
                                        0, 100, &card->margin_floor_pct, source, error)
          || !retainer_json_get_money (policies, policies_path, "build_cost_low", FALSE,
                                       &card->build_cost_low, source, error)
          || !retainer_json_get_money (policies, policies_path, "build_cost_high", FALSE,
                                       &card->build_cost_high, source, error)))
    return NULL;

  cautious = retainer_json_get_object (object, path, "cautious", FALSE, source, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (cautious != NULL
      && (!retainer_json_get_number (cautious, cautious_path, "coverage_factor_pct", FALSE, 0, 100,
                                     &card->cautious_coverage_factor_pct, source, error)
          || !retainer_json_get_uint (cautious, cautious_path, "go_live_delay_months", FALSE, 0,
                                      RETAINER_CAUTIOUS_GO_LIVE_DELAY_MAX,
                                      &card->cautious_go_live_delay_months, source, error)))
    return NULL;

  if (!retainer_rate_card_validate (card, source, path, error))
    return NULL;

  return g_steal_pointer (&card);
}

static cJSON *
band_to_json (const RetainerSetupBand *band)
{
  cJSON *object = cJSON_CreateObject ();

  retainer_json_add_money (object, "low", band->low);
  retainer_json_add_money (object, "high", band->high);
  if (band->summary != NULL)
    cJSON_AddStringToObject (object, "summary", band->summary);
  if (band->example != NULL)
    cJSON_AddStringToObject (object, "example", band->example);
  return object;
}

static cJSON *
tier_to_json (const RetainerTier *tier)
{
  cJSON *object = cJSON_CreateObject ();
  cJSON *cost = cJSON_CreateObject ();
  cJSON *margin = cJSON_CreateObject ();
  cJSON *includes;

  cJSON_AddStringToObject (object, "id", tier->id);
  cJSON_AddStringToObject (object, "name", tier->name);
  if (tier->summary != NULL)
    cJSON_AddStringToObject (object, "summary", tier->summary);
  includes = cJSON_AddArrayToObject (object, "includes");
  for (guint i = 0; tier->includes != NULL && tier->includes[i] != NULL; i++)
    cJSON_AddItemToArray (includes, cJSON_CreateString (tier->includes[i]));
  retainer_json_add_money (object, "price", tier->price);
  retainer_json_add_money (object, "price_floor", tier->price_floor);
  cJSON_AddStringToObject (object, "retraining", retainer_retraining_to_id (tier->retraining));
  cJSON_AddStringToObject (object, "suits_change", retainer_change_to_id (tier->suits_change));
  cJSON_AddBoolToObject (object, "dedicated_instance", tier->dedicated_instance);
  cJSON_AddStringToObject (object, "support", retainer_support_to_id (tier->support));
  cJSON_AddNumberToObject (object, "included_use_cases", tier->included_use_cases);
  retainer_json_add_money (cost, "platform", tier->platform_cost);
  cJSON_AddBoolToObject (cost, "platform_per_use_case", tier->platform_per_use_case);
  retainer_json_add_money (cost, "compute_low", tier->compute_cost_low);
  retainer_json_add_money (cost, "compute_high", tier->compute_cost_high);
  retainer_json_add_money (cost, "labour_low", tier->labour_cost_low);
  retainer_json_add_money (cost, "labour_high", tier->labour_cost_high);
  cJSON_AddNumberToObject (cost, "staff_hours_low", tier->staff_hours_low);
  cJSON_AddNumberToObject (cost, "staff_hours_high", tier->staff_hours_high);
  cJSON_AddItemToObject (object, "cost", cost);
  cJSON_AddNumberToObject (margin, "low", tier->target_margin_low_pct);
  cJSON_AddNumberToObject (margin, "high", tier->target_margin_high_pct);
  cJSON_AddItemToObject (object, "target_margin_pct", margin);
  return object;
}

/**
 * retainer_rate_card_to_json:
 * @card: a card
 *
 * Returns: (transfer full): the card as a rate card file's JSON
 */
cJSON *
retainer_rate_card_to_json (const RetainerRateCard *card)
{
  cJSON *root;
  cJSON *bands;
  cJSON *tiers;
  cJSON *policies;
  cJSON *cautious;

  g_return_val_if_fail (card != NULL, NULL);

  root = cJSON_CreateObject ();
  bands = cJSON_CreateObject ();
  policies = cJSON_CreateObject ();
  cJSON_AddStringToObject (root, "format", RETAINER_RATE_CARD_FORMAT);
  cJSON_AddNumberToObject (root, "version", RETAINER_RATE_CARD_VERSION);
  cJSON_AddStringToObject (root, "id", card->id);
  cJSON_AddStringToObject (root, "name", card->name);
  if (card->description != NULL)
    cJSON_AddStringToObject (root, "description", card->description);
  cJSON_AddStringToObject (root, "currency", card->currency);
  for (guint i = 0; i < RETAINER_N_COMPLEXITIES; i++)
    cJSON_AddItemToObject (bands, retainer_complexity_ids[i], band_to_json (&card->bands[i]));
  cJSON_AddItemToObject (root, "setup_bands", bands);
  tiers = cJSON_AddArrayToObject (root, "tiers");
  for (guint i = 0; i < card->n_tiers; i++)
    cJSON_AddItemToArray (tiers, tier_to_json (&card->tiers[i]));
  retainer_json_add_money (policies, "candidate_threshold", card->candidate_threshold);
  cJSON_AddNumberToObject (policies, "min_savings_share_pct", card->min_savings_share_pct);
  cJSON_AddNumberToObject (policies, "annual_discount_pct", card->annual_discount_pct);
  retainer_json_add_money (policies, "expansion_price", card->expansion_price);
  retainer_json_add_money (policies, "overhead_low", card->overhead_low);
  retainer_json_add_money (policies, "overhead_high", card->overhead_high);
  cJSON_AddNumberToObject (policies, "margin_floor_pct", card->margin_floor_pct);
  retainer_json_add_money (policies, "build_cost_low", card->build_cost_low);
  retainer_json_add_money (policies, "build_cost_high", card->build_cost_high);
  cJSON_AddItemToObject (root, "policies", policies);
  cautious = cJSON_AddObjectToObject (root, "cautious");
  cJSON_AddNumberToObject (cautious, "coverage_factor_pct", card->cautious_coverage_factor_pct);
  cJSON_AddNumberToObject (cautious, "go_live_delay_months", card->cautious_go_live_delay_months);
  return root;
}

static RetainerRateCard *
load_from_text (const char *text,
                gsize       length,
                const char *display_name,
                             GError    **error)
{
  /* Messages find a field's line in the text, reading up to a NUL that
   * @text may not have. */
  g_autofree char *terminated = g_strndup (text, length);
  RetainerJsonSource source = { display_name, terminated };
  g_autoptr (cJSON) root = retainer_json_parse (text, length, &source, error);

  if (root == NULL)
    return NULL;
  if (!retainer_json_check_format (root, RETAINER_RATE_CARD_FORMAT, RETAINER_RATE_CARD_VERSION,
                                   &source, error))
    return NULL;

  return retainer_rate_card_from_json (root, &source, "", error);
}

/**
 * retainer_rate_card_load:
 * @path: a rate card file
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the card
 */
RetainerRateCard *
retainer_rate_card_load (const char *path,
                         GError    **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *text = NULL;
  g_autoptr (cJSON) root = NULL;
  RetainerJsonSource source;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_name (path);
  root = retainer_json_load_file (path, &text, error);
  source = (RetainerJsonSource) { display_name, text };
  if (root == NULL)
    return NULL;
  if (!retainer_json_check_format (root, RETAINER_RATE_CARD_FORMAT, RETAINER_RATE_CARD_VERSION,
                                   &source, error))
    return NULL;

  return retainer_rate_card_from_json (root, &source, "", error);
}

/**
 * retainer_rate_card_save:
 * @card: a card
 * @path: where to save it
 * @error: a #GError
 *
 * Saves atomically: a failed save leaves the previous file whole.
 */
gboolean
retainer_rate_card_save (const RetainerRateCard *card,
                         const char             *path,
                         GError                **error)
{
  g_autoptr (cJSON) root = NULL;

  g_return_val_if_fail (card != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  root = retainer_rate_card_to_json (card);
  return retainer_json_save_file (root, path, error);
}

/**
 * retainer_rate_card_load_builtin:
 * @id: a built-in card's id
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the card shipped with Retainer
 */
RetainerRateCard *
retainer_rate_card_load_builtin (const char *id,
                                 GError    **error)
{
  g_autofree char *resource = NULL;
  g_autoptr (GBytes) bytes = NULL;
  RetainerRateCard *card;
  gsize length;
  const char *text;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  resource = g_strconcat (BUILTIN_RESOURCE_DIR, id, ".json", NULL);

  /* Only the shipped cards: an id is never a path into the resources. */
  if (g_strv_contains (builtin_ids, id))
    bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_autofree char *given = g_utf8_make_valid (id, -1);

      g_set_error (error, RETAINER_RATE_CARD_ERROR, RETAINER_RATE_CARD_ERROR_NOT_FOUND,
                   _("There is no built-in rate card “%s”"), given);
      return NULL;
    }

  text = g_bytes_get_data (bytes, &length);
  card = load_from_text (text, length, resource, error);
  if (card != NULL)
    card->builtin = TRUE;
  return card;
}

/**
 * retainer_rate_card_list_builtin:
 *
 * Returns: (transfer full): the built-in cards, the default first
 */
GPtrArray *
retainer_rate_card_list_builtin (void)
{
  GPtrArray *cards = g_ptr_array_new_with_free_func ((GDestroyNotify) retainer_rate_card_free);

  for (guint i = 0; builtin_ids[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      RetainerRateCard *card = retainer_rate_card_load_builtin (builtin_ids[i], &error);

      /* Built-in cards are tested; failing here is a packaging mistake. */
      if (card == NULL)
        g_critical ("%s", error->message);
      else
        g_ptr_array_add (cards, card);
    }

  return cards;
}

/**
 * retainer_rate_card_user_dir:
 *
 * Returns: (transfer full): the folder of the founder's own cards
 */
char *
retainer_rate_card_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "retainer", "rate-cards", NULL);
}

/* retainer_rate_card_load() for retainer_json_load_folder(). */
static gpointer
load_card_cb (const char *path,
              GError    **error)
{
  return retainer_rate_card_load (path, error);
}

/**
 * retainer_rate_card_list_all:
 * @problems: (out) (optional) (transfer full): messages of files that failed
 *
 * Returns: (transfer full): built-in cards, then the user's, by file name
 */
GPtrArray *
retainer_rate_card_list_all (GPtrArray **problems)
{
  GPtrArray *cards = retainer_rate_card_list_builtin ();
  g_autofree char *dir_path = retainer_rate_card_user_dir ();

  if (problems != NULL)
    *problems = g_ptr_array_new_with_free_func (g_free);

  retainer_json_load_folder (dir_path, load_card_cb, cards, problems != NULL ? *problems : NULL);
  return cards;
}

/**
 * retainer_rate_card_text:
 * @text: (nullable): a name, summary or inclusion of a card
 *
 * Returns: the text translated when a built-in card has it, else @text
 */
const char *
retainer_rate_card_text (const char *text)
{
  if (text == NULL || *text == '\0')
    return text;
  return retainer_i18n_gettext (text);
}

/**
 * retainer_rate_card_portfolio_mrr:
 * @card: a card
 * @counts: (array): clients on each tier, one count per tier
 *
 * Returns: monthly recurring revenue at list price
 */
gint64
retainer_rate_card_portfolio_mrr (const RetainerRateCard *card,
                                  const guint            *counts)
{
  gint64 total = 0;

  g_return_val_if_fail (card != NULL, 0);
  g_return_val_if_fail (counts != NULL || card->n_tiers == 0, 0);

  for (guint i = 0; i < card->n_tiers; i++)
    total += card->tiers[i].price * (gint64) counts[i];

  return total;
}
