/* retainer-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "retainer-client.h"
#include "retainer-i18n.h"
#include "retainer-money.h"
#include "retainer-recommend.h"

G_DEFINE_QUARK (retainer-client-error-quark, retainer_client_error)

const char *const retainer_metric_direction_ids[] = {
  "higher-is-better",
  "lower-is-better",
  NULL
};

#define YEAR_MIN 1900
#define YEAR_MAX 2999

/* --- calendar months --------------------------------------------------- */

static gboolean
parse_digits (const char *text,
              guint       n,
              int        *value)
{
  int result = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      result = result * 10 + (text[i] - '0');
    }
  *value = result;
  return TRUE;
}

/**
 * retainer_month_parse:
 * @text: a month like "2026-03"
 * @index: (out) (optional): year x 12 + month - 1
 *
 * Returns: whether @text is a month of the years 1900 to 2999, written
 *   exactly as YYYY-MM
 */
gboolean
retainer_month_parse (const char *text,
                      int        *index)
{
  int year, month;

  if (text == NULL || strlen (text) != 7 || text[4] != '-'
      || !parse_digits (text, 4, &year) || !parse_digits (text + 5, 2, &month)
      || year < YEAR_MIN || year > YEAR_MAX || month < 1 || month > 12)
    return FALSE;

  if (index != NULL)
    *index = year * 12 + month - 1;
  return TRUE;
}

/**
 * retainer_month_to_string:
 * @index: a month as retainer_month_parse() gives it
 *
 * Returns: (transfer full): "YYYY-MM"
 */
char *
retainer_month_to_string (int index)
{
  return g_strdup_printf ("%04d-%02d", index / 12, index % 12 + 1);
}

/**
 * retainer_date_parse:
 * @text: a date like "2026-03-14"
 * @month_index: (out) (optional): its month, as retainer_month_parse()
 *
 * Returns: whether @text is a real date written exactly as YYYY-MM-DD
 */
gboolean
retainer_date_parse (const char *text,
                     int        *month_index)
{
  g_autofree char *month = NULL;
  int day;

  if (text == NULL || strlen (text) != 10 || text[7] != '-' || !parse_digits (text + 8, 2, &day))
    return FALSE;

  month = g_strndup (text, 7);
  if (!retainer_month_parse (month, month_index))
    return FALSE;

  {
    int year = atoi (month), m = atoi (month + 5);

    return day >= 1 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) m, (GDateYear) year);
  }
}

/* --- metrics and months ------------------------------------------------ */

/**
 * retainer_metric_new:
 * @name: what is measured, "Overall accuracy"
 * @unit: "%", "s", "ms", the founder's own word, or ""
 * @direction: which way is better
 *
 * Returns: (transfer full): a metric with no value yet
 */
RetainerMetric *
retainer_metric_new (const char             *name,
                     const char             *unit,
                     RetainerMetricDirection direction)
{
  RetainerMetric *metric = g_new0 (RetainerMetric, 1);

  metric->name = g_strdup (name);
  metric->unit = g_strdup (unit != NULL ? unit : "");
  metric->direction = direction;
  return metric;
}

/**
 * retainer_metric_copy:
 * @metric: a metric
 *
 * Returns: (transfer full): a deep copy
 */
RetainerMetric *
retainer_metric_copy (const RetainerMetric *metric)
{
  RetainerMetric *copy = g_new0 (RetainerMetric, 1);

  *copy = *metric;
  copy->name = g_strdup (metric->name);
  copy->unit = g_strdup (metric->unit);
  return copy;
}

/**
 * retainer_metric_free:
 * @metric: (nullable): a metric
 */
void
retainer_metric_free (RetainerMetric *metric)
{
  if (metric == NULL)
    return;
  g_free (metric->name);
  g_free (metric->unit);
  g_free (metric);
}

/**
 * retainer_metric_is_percent:
 * @metric: a metric
 *
 * Returns: whether the metric is a percentage, whose changes are points
 */
gboolean
retainer_metric_is_percent (const RetainerMetric *metric)
{
  return g_strcmp0 (metric->unit, "%") == 0;
}

/**
 * retainer_client_month_new:
 * @month: "YYYY-MM"
 *
 * Returns: (transfer full): an empty month
 */
RetainerClientMonth *
retainer_client_month_new (const char *month)
{
  RetainerClientMonth *record = g_new0 (RetainerClientMonth, 1);

  record->month = g_strdup (month);
  record->metrics = g_ptr_array_new_with_free_func ((GDestroyNotify) retainer_metric_free);
  return record;
}

/**
 * retainer_client_month_copy:
 * @month: a month
 *
 * Returns: (transfer full): a deep copy
 */
RetainerClientMonth *
retainer_client_month_copy (const RetainerClientMonth *month)
{
  RetainerClientMonth *copy = g_new0 (RetainerClientMonth, 1);

  *copy = *month;
  copy->month = g_strdup (month->month);
  copy->estimate = month->estimate != NULL ? retainer_spend_basis_copy (month->estimate) : NULL;
  copy->training_source = g_strdup (month->training_source);
  copy->hardware = g_strdup (month->hardware);
  copy->metrics = g_ptr_array_new_with_free_func ((GDestroyNotify) retainer_metric_free);
  for (guint i = 0; i < month->metrics->len; i++)
    g_ptr_array_add (copy->metrics, retainer_metric_copy (g_ptr_array_index (month->metrics, i)));
  return copy;
}

/**
 * retainer_client_month_free:
 * @month: (nullable): a month
 */
void
retainer_client_month_free (RetainerClientMonth *month)
{
  if (month == NULL)
    return;
  g_free (month->month);
  g_clear_pointer (&month->estimate, retainer_spend_basis_free);
  g_free (month->training_source);
  g_free (month->hardware);
  g_clear_pointer (&month->metrics, g_ptr_array_unref);
  g_free (month);
}

/**
 * retainer_client_month_find_metric:
 * @month: a month
 * @name: a metric's name
 *
 * Returns: (nullable): the month's metric of that name
 */
const RetainerMetric *
retainer_client_month_find_metric (const RetainerClientMonth *month,
                                   const char                *name)
{
  for (guint i = 0; i < month->metrics->len; i++)
    {
      const RetainerMetric *metric = g_ptr_array_index (month->metrics, i);

      if (g_strcmp0 (metric->name, name) == 0)
        return metric;
    }
  return NULL;
}

/* --- the client -------------------------------------------------------- */

static void
promise_clear (RetainerPromise *promise)
{
  g_clear_pointer (&promise->tier_id, g_free);
  g_clear_pointer (&promise->net, g_array_unref);
}

/* What the proposal promises, from the core's own recommendation and
 * projection. */
static void
promise_from_proposal (RetainerPromise        *promise,
                       const RetainerProposal *proposal)
{
  g_autoptr (RetainerResult) result = retainer_recommend (proposal);

  promise_clear (promise);
  promise->tier_id = g_strdup (proposal->rate_card->tiers[result->chosen_tier].id);
  promise->setup_fee = result->setup_fee;
  promise->monthly_retainer = result->monthly_retainer;
  promise->net = g_array_sized_new (FALSE, FALSE, sizeof (gint64), result->months->len);
  for (guint m = 0; m < result->months->len; m++)
    g_array_append_val (promise->net, g_array_index (result->months, RetainerMonth, m).net);
}

static RetainerClient *
client_new (void)
{
  RetainerClient *client = g_new0 (RetainerClient, 1);

  client->months = g_ptr_array_new_with_free_func ((GDestroyNotify) retainer_client_month_free);
  return client;
}

/**
 * retainer_client_free:
 * @client: (nullable): a client
 */
void
retainer_client_free (RetainerClient *client)
{
  if (client == NULL)
    return;
  retainer_proposal_free (client->proposal);
  g_free (client->accepted_date);
  g_free (client->go_live_month);
  promise_clear (&client->promise);
  g_clear_pointer (&client->months, g_ptr_array_unref);
  g_free (client);
}

/**
 * retainer_client_copy:
 * @client: a client
 *
 * Returns: (transfer full): a deep copy
 */
RetainerClient *
retainer_client_copy (const RetainerClient *client)
{
  RetainerClient *copy = client_new ();

  copy->proposal = retainer_proposal_copy (client->proposal);
  copy->accepted_date = g_strdup (client->accepted_date);
  copy->accepted_revision = client->accepted_revision;
  copy->go_live_month = g_strdup (client->go_live_month);
  copy->promise.tier_id = g_strdup (client->promise.tier_id);
  copy->promise.setup_fee = client->promise.setup_fee;
  copy->promise.monthly_retainer = client->promise.monthly_retainer;
  copy->promise.net = g_array_copy (client->promise.net);
  for (guint i = 0; i < client->months->len; i++)
    g_ptr_array_add (copy->months, retainer_client_month_copy (g_ptr_array_index (client->months,
                                                                                  i)));
  return copy;
}

/**
 * retainer_client_equal:
 * @a: a client
 * @b: another
 *
 * Returns: whether saving both would write the same file
 */
gboolean
retainer_client_equal (const RetainerClient *a,
                       const RetainerClient *b)
{
  g_autoptr (cJSON) json_a = retainer_client_to_json (a);
  g_autoptr (cJSON) json_b = retainer_client_to_json (b);

  return cJSON_Compare (json_a, json_b, TRUE);
}

/**
 * retainer_client_accept:
 * @proposal: the proposal the client signed
 * @accepted_date: the day it was signed, "YYYY-MM-DD"
 * @accepted_revision: the revision signed, 1 or more
 * @go_live_month: the first month the model serves, "YYYY-MM", not before
 *   the acceptance
 * @error: a #GError
 *
 * Makes the proposal a client. The copy kept is frozen with the tier and
 * setup fee it was priced at, and the figures it promised (F, R and the
 * projected net of every month) are stored with it.
 *
 * Returns: (transfer full) (nullable): the client, with no month recorded
 */
RetainerClient *
retainer_client_accept (const RetainerProposal *proposal,
                        const char             *accepted_date,
                        guint                   accepted_revision,
                        const char             *go_live_month,
                        GError                **error)
{
  g_autoptr (RetainerClient) client = NULL;
  int accepted_index, go_live_index;

  g_return_val_if_fail (proposal != NULL, NULL);

  if (!retainer_proposal_validate (proposal, NULL, error))
    return NULL;
  if (!retainer_date_parse (accepted_date, &accepted_index))
    {
      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID,
                   _("Acceptance date: expected a date like 2026-11-23"));
      return NULL;
    }
  if (accepted_revision < 1 || accepted_revision > RETAINER_CLIENT_MAX_REVISION)
    {
      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID,
                   _("Accepted revision: expected a whole number from 1 to 9999"));
      return NULL;
    }
  if (!retainer_month_parse (go_live_month, &go_live_index))
    {
      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID,
                   _("Go-live month: expected a month like 2026-03"));
      return NULL;
    }
  if (go_live_index < accepted_index)
    {
      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID,
                   _("Go-live month: expected the month of the acceptance or a later one"));
      return NULL;
    }

  client = client_new ();
  client->proposal = retainer_proposal_copy (proposal);
  client->accepted_date = g_strdup (accepted_date);
  client->accepted_revision = accepted_revision;
  client->go_live_month = g_strdup (go_live_month);
  promise_from_proposal (&client->promise, client->proposal);

  /* Frozen: the tier and fee no longer follow the recommendation. */
  g_free (client->proposal->tier_id);
  client->proposal->tier_id = g_strdup (client->promise.tier_id);
  client->proposal->has_setup_fee = TRUE;
  client->proposal->setup_fee = client->promise.setup_fee;
  return g_steal_pointer (&client);
}

/**
 * retainer_client_go_live_offset:
 * @client: a valid client
 *
 * Returns: how many calendar months after the acceptance month it went
 *   live (0: the same month)
 */
int
retainer_client_go_live_offset (const RetainerClient *client)
{
  int accepted = 0, go_live = 0;

  retainer_date_parse (client->accepted_date, &accepted);
  retainer_month_parse (client->go_live_month, &go_live);
  return go_live - accepted;
}

/**
 * retainer_client_setup_fee:
 * @client: a client
 *
 * Returns: the setup fee F the client accepted
 */
gint64
retainer_client_setup_fee (const RetainerClient *client)
{
  return client->promise.setup_fee;
}

/**
 * retainer_client_monthly_retainer:
 * @client: a client
 *
 * Returns: the monthly retainer R the client accepted
 */
gint64
retainer_client_monthly_retainer (const RetainerClient *client)
{
  return client->promise.monthly_retainer;
}

/**
 * retainer_client_tier:
 * @client: a valid client
 *
 * Returns: the tier the client accepted, from the proposal's rate card
 */
const RetainerTier *
retainer_client_tier (const RetainerClient *client)
{
  const RetainerRateCard *card = client->proposal->rate_card;
  int index = retainer_rate_card_find_tier (card, client->promise.tier_id);

  g_return_val_if_fail (index >= 0, NULL);
  return &card->tiers[index];
}

/**
 * retainer_client_find_month:
 * @client: a client
 * @month: "YYYY-MM"
 *
 * Returns: the index of that month in client->months, or -1
 */
int
retainer_client_find_month (const RetainerClient *client,
                            const char           *month)
{
  for (guint i = 0; i < client->months->len; i++)
    {
      const RetainerClientMonth *record = g_ptr_array_index (client->months, i);

      if (g_strcmp0 (record->month, month) == 0)
        return (int) i;
    }
  return -1;
}

/**
 * retainer_client_add_next_month:
 * @client: a valid client
 *
 * Appends the month after the last one recorded (the go-live month when
 * none is). It is billed as the month before (the accepted retainer at
 * first) and measures the same metrics, by name, unit and direction, with
 * no values yet; its API cost equivalent is 0 until the founder types it.
 *
 * Returns: (transfer none) (nullable): the new month, or %NULL when the
 *   client already holds the most months a file may hold
 */
RetainerClientMonth *
retainer_client_add_next_month (RetainerClient *client)
{
  const RetainerClientMonth *last = NULL;
  RetainerClientMonth *next;
  g_autofree char *month = NULL;
  int index = 0;

  if (client->months->len >= RETAINER_CLIENT_MAX_MONTHS)
    return NULL;

  if (client->months->len > 0)
    {
      last = g_ptr_array_index (client->months, client->months->len - 1);
      retainer_month_parse (last->month, &index);
      month = retainer_month_to_string (index + 1);
    }
  else
    {
      month = g_strdup (client->go_live_month);
    }

  next = retainer_client_month_new (month);
  next->retainer_billed = last != NULL ? last->retainer_billed : client->promise.monthly_retainer;
  if (last != NULL)
    for (guint i = 0; i < last->metrics->len; i++)
      {
        const RetainerMetric *metric = g_ptr_array_index (last->metrics, i);

        g_ptr_array_add (next->metrics,
                         retainer_metric_new (metric->name, metric->unit, metric->direction));
      }

  g_ptr_array_add (client->months, next);
  return next;
}

/* --- validation -------------------------------------------------------- */

static gboolean
set_invalid (GError                  **error,
             const RetainerJsonSource *source,
             const char               *path,
             const char               *key,
             const char               *problem)
{
  retainer_json_set_field_error (error, source, path, key, problem);
  if (error != NULL && *error != NULL)
    {
      (*error)->domain = RETAINER_CLIENT_ERROR;
      (*error)->code = RETAINER_CLIENT_ERROR_INVALID;
    }
  return FALSE;
}

static gboolean
amount_in_range (gint64 amount)
{
  return amount >= 0 && amount <= RETAINER_MONEY_MAX;
}

static const char *
expected_amount (void)
{
  return _("expected an amount from 0 to 1000000000000");
}

static gboolean
text_ok (const char *text,
         gsize       max_length)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > (glong) max_length)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
      return FALSE;
  return TRUE;
}

/* The range of a metric's value, by its unit. */
static void
metric_range (const char *unit,
              double     *min,
              double     *max)
{
  if (g_strcmp0 (unit, "%") == 0)
    {
      *min = 0;
      *max = 100;
    }
  else
    {
      *min = -RETAINER_METRIC_MAX_VALUE;
      *max = RETAINER_METRIC_MAX_VALUE;
    }
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
validate_metric (const RetainerMetric     *metric,
                 const char               *path,
                 const RetainerJsonSource *source,
                 GError                  **error)
{
  double min, max;

  if (metric->name == NULL || is_blank (metric->name)
      || !text_ok (metric->name, RETAINER_METRIC_NAME_MAX_LENGTH))
    return set_invalid (error, source, path, "name",
                        _("expected a name of 1 to 100 characters"));
  /* A unit is written in brackets in the months file's columns. */
  if (metric->unit == NULL || !text_ok (metric->unit, RETAINER_METRIC_UNIT_MAX_LENGTH)
      || strpbrk (metric->unit, "[]") != NULL)
    return set_invalid (error, source, path, "unit",
                        _("expected “%”, “s”, “ms” or another unit of up to 16 characters"));
  if ((guint) metric->direction >= RETAINER_N_METRIC_DIRECTIONS)
    return set_invalid (error, source, path, "direction",
                        _("expected one of “higher-is-better”, “lower-is-better”"));
  metric_range (metric->unit, &min, &max);
  if (metric->has_value && (!isfinite (metric->value) || metric->value < min
                            || metric->value > max))
    {
      g_autofree char *low = g_strdup_printf ("%.15g", min);
      g_autofree char *high = g_strdup_printf ("%.15g", max);
      g_autofree char *problem = g_strdup_printf (_("expected a number from %s to %s"), low,
                                                  high);

      return set_invalid (error, source, path, "value", problem);
    }
  return TRUE;
}

static gboolean
validate_month (const RetainerClientMonth *record,
                const char                *currency,
                const char                *path,
                const RetainerJsonSource  *source,
                GError                   **error)
{
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  if (!amount_in_range (record->api_cost_equivalent))
    return set_invalid (error, source, path, "api_cost_equivalent", expected_amount ());
  if (!amount_in_range (record->retainer_billed))
    return set_invalid (error, source, path, "retainer_billed", expected_amount ());

  if (record->estimate != NULL)
    {
      g_autofree char *estimate_path = g_strconcat (path, ".estimate", NULL);

      if (!retainer_spend_basis_validate (record->estimate, source, estimate_path, error))
        {
          if (error != NULL && *error != NULL)
            {
              (*error)->domain = RETAINER_CLIENT_ERROR;
              (*error)->code = RETAINER_CLIENT_ERROR_INVALID;
            }
          return FALSE;
        }
      /* E_k is in the proposal's currency; an estimate in another would
       * explain a different figure. */
      if (g_strcmp0 (record->estimate->currency, currency) != 0)
        {
          /* Translators: %s is a currency code like EUR. */
          g_autofree char *problem = g_strdup_printf (_("expected the proposal’s currency, %s"),
                                                      currency);

          return set_invalid (error, source, estimate_path, "currency", problem);
        }
    }

  if (record->retrained)
    {
      g_autofree char *retraining_path = g_strconcat (path, ".retraining", NULL);

      if (record->new_examples > 1000000000)
        return set_invalid (error, source, retraining_path, "new_examples",
                            _("expected a whole number from 0 to 1000000000"));
      if (!text_ok (record->training_source, RETAINER_TEXT_MAX_LENGTH))
        return set_invalid (error, source, retraining_path, "source",
                            _("expected text of at most 500 characters"));
      if (!isfinite (record->training_hours) || record->training_hours < 0
          || record->training_hours > RETAINER_TRAINING_HOURS_MAX)
        return set_invalid (error, source, retraining_path, "training_hours",
                            _("expected a number from 0 to 10000"));
      if (!text_ok (record->hardware, 200))
        return set_invalid (error, source, retraining_path, "hardware",
                            _("expected text of at most 200 characters"));
    }

  if (record->metrics->len > RETAINER_CLIENT_MAX_METRICS)
    return set_invalid (error, source, path, "metrics", _("expected at most 50 metrics"));
  for (guint i = 0; i < record->metrics->len; i++)
    {
      const RetainerMetric *metric = g_ptr_array_index (record->metrics, i);
      g_autofree char *metric_path = g_strdup_printf ("%s.metrics[%u]", path, i);

      if (!validate_metric (metric, metric_path, source, error))
        return FALSE;
      if (!g_hash_table_add (names, metric->name))
        return set_invalid (error, source, metric_path, "name",
                            _("expected a name no other metric of the month has"));
    }

  {
    g_autofree char *costs_path = g_strconcat (path, ".actual_costs", NULL);

    if (record->has_actual_platform && !amount_in_range (record->actual_platform))
      return set_invalid (error, source, costs_path, "platform", expected_amount ());
    if (record->has_actual_compute && !amount_in_range (record->actual_compute))
      return set_invalid (error, source, costs_path, "compute", expected_amount ());
    if (record->has_actual_staff_hours
        && (!isfinite (record->actual_staff_hours) || record->actual_staff_hours < 0
            || record->actual_staff_hours > RETAINER_STAFF_HOURS_MAX))
      return set_invalid (error, source, costs_path, "staff_hours",
                          _("expected a number from 0 to 744 (the hours in a month)"));
  }

  return TRUE;
}

/**
 * retainer_client_validate:
 * @client: a client
 * @source: (nullable): its file, for messages
 * @error: a #GError
 *
 * Checks the accepted proposal, the acceptance, the promised figures and
 * every month: months run from the go-live month without gaps or repeats.
 */
gboolean
retainer_client_validate (const RetainerClient     *client,
                          const RetainerJsonSource *source,
                          GError                  **error)
{
  const RetainerProposal *proposal = client->proposal;
  int accepted_index, go_live_index;

  if (!retainer_proposal_validate (proposal, source, error))
    return FALSE;

  if (!retainer_date_parse (client->accepted_date, &accepted_index))
    return set_invalid (error, source, "client", "accepted_date",
                        _("expected a date like 2026-11-23"));
  if (client->accepted_revision < 1 || client->accepted_revision > RETAINER_CLIENT_MAX_REVISION)
    return set_invalid (error, source, "client", "accepted_revision",
                        _("expected a whole number from 1 to 9999"));
  if (!retainer_month_parse (client->go_live_month, &go_live_index))
    return set_invalid (error, source, "client", "go_live_month",
                        _("expected a month like 2026-03"));
  if (go_live_index < accepted_index)
    return set_invalid (error, source, "client", "go_live_month",
                        _("expected the month of the acceptance or a later one"));

  if (retainer_rate_card_find_tier (proposal->rate_card, client->promise.tier_id) < 0)
    return set_invalid (error, source, "client.promised", "tier",
                        _("expected the id of a tier of the proposal’s rate card"));
  if (!amount_in_range (client->promise.setup_fee))
    return set_invalid (error, source, "client.promised", "setup_fee", expected_amount ());
  if (!amount_in_range (client->promise.monthly_retainer))
    return set_invalid (error, source, "client.promised", "monthly_retainer",
                        expected_amount ());
  if (client->promise.net == NULL || client->promise.net->len != proposal->horizon_months + 1)
    {
      g_autofree char *problem =
        g_strdup_printf (_("expected %u amounts, one for each month from 0 to the horizon"),
                         proposal->horizon_months + 1);
      return set_invalid (error, source, "client.promised", "net", problem);
    }
  for (guint m = 0; m < client->promise.net->len; m++)
    {
      gint64 net = g_array_index (client->promise.net, gint64, m);
      g_autofree char *key = g_strdup_printf ("net[%u]", m);

      if (net < -RETAINER_MONEY_MAX || net > RETAINER_MONEY_MAX)
        return set_invalid (error, source, "client.promised", key,
                            _("expected an amount from -1000000000000 to 1000000000000"));
      if (m == 0 && net != -client->promise.setup_fee)
        return set_invalid (error, source, "client.promised", key,
                            _("expected the setup fee as a negative amount: month 0 is the "
                              "setup fee"));
    }

  if (client->months->len > RETAINER_CLIENT_MAX_MONTHS)
    return set_invalid (error, source, "client", "months", _("expected at most 1200 months"));
  for (guint i = 0; i < client->months->len; i++)
    {
      const RetainerClientMonth *record = g_ptr_array_index (client->months, i);
      g_autofree char *path = g_strdup_printf ("client.months[%u]", i);
      int index;

      if (!retainer_month_parse (record->month, &index))
        return set_invalid (error, source, path, "month", _("expected a month like 2026-03"));
      if (index != go_live_index + (int) i)
        {
          g_autofree char *wanted = retainer_month_to_string (go_live_index + (int) i);
          g_autofree char *problem = NULL;

          if (i == 0 && index < go_live_index)
            problem = g_strdup_printf (_("expected %s: no month is recorded before the go-live "
                                         "month"), wanted);
          else if (i == 0)
            problem = g_strdup_printf (_("expected %s: the first month recorded is the go-live "
                                         "month"), wanted);
          else
            problem = g_strdup_printf (_("expected %s: months follow each other, oldest first, "
                                         "without gaps or repeats"), wanted);
          return set_invalid (error, source, path, "month", problem);
        }
      if (!validate_month (record, proposal->currency, path, source, error))
        return FALSE;
    }

  return TRUE;
}

/* --- JSON -------------------------------------------------------------- */

static gboolean
propagate (GError **error,
           GError  *local_error)
{
  if (local_error == NULL)
    return TRUE;
  g_propagate_error (error, local_error);
  return FALSE;
}

static gboolean
read_promise (const cJSON              *client_item,
              RetainerClient           *client,
              const RetainerJsonSource *source,
              GError                  **error)
{
  GError *local_error = NULL;
  const cJSON *promised = retainer_json_get_object (client_item, "client", "promised", FALSE,
                                                    source, &local_error);
  const cJSON *net;
  guint m = 0;
  const cJSON *item;

  if (!propagate (error, local_error))
    return FALSE;
  if (promised == NULL)
    {
      promise_from_proposal (&client->promise, client->proposal);
      return TRUE;
    }

  if (!retainer_json_get_string (promised, "client.promised", "tier", TRUE, 64,
                                 &client->promise.tier_id, source, error)
      || !retainer_json_get_money (promised, "client.promised", "setup_fee", TRUE,
                                   &client->promise.setup_fee, source, error)
      || !retainer_json_get_money (promised, "client.promised", "monthly_retainer", TRUE,
                                   &client->promise.monthly_retainer, source, error))
    return FALSE;

  net = retainer_json_get_array (promised, "client.promised", "net", TRUE, source, error);
  if (net == NULL)
    return FALSE;
  client->promise.net = g_array_new (FALSE, FALSE, sizeof (gint64));
  cJSON_ArrayForEach (item, net)
    {
      g_autofree char *key = g_strdup_printf ("net[%u]", m);
      gint64 amount;

      if (m > 36)
        return set_invalid (error, source, "client.promised", "net",
                            _("expected one amount for each month from 0 to the horizon"));
      if (!cJSON_IsNumber (item) || !isfinite (item->valuedouble)
          || fabs (item->valuedouble) > RETAINER_MONEY_MAX_MAJOR)
        return set_invalid (error, source, "client.promised", key,
                            _("expected an amount from -1000000000000 to 1000000000000"));
      amount = retainer_money_from_major (item->valuedouble);
      g_array_append_val (client->promise.net, amount);
      m++;
    }
  return TRUE;
}

static gboolean
read_estimate (const cJSON              *month_item,
               const char               *path,
               RetainerClientMonth      *record,
               const RetainerJsonSource *source,
               GError                  **error)
{
  GError *local_error = NULL;
  const cJSON *estimate = retainer_json_get_object (month_item, path, "estimate", FALSE, source,
                                                    &local_error);
  g_autofree char *estimate_path = NULL;

  if (!propagate (error, local_error))
    return FALSE;
  if (estimate == NULL)
    return TRUE;

  estimate_path = g_strconcat (path, ".estimate", NULL);
  record->estimate = retainer_spend_basis_from_json (estimate, source, estimate_path, error);
  return record->estimate != NULL;
}

static gboolean
read_retraining (const cJSON              *month_item,
                 const char               *path,
                 RetainerClientMonth      *record,
                 const RetainerJsonSource *source,
                 GError                  **error)
{
  GError *local_error = NULL;
  const cJSON *retraining = retainer_json_get_object (month_item, path, "retraining", FALSE,
                                                      source, &local_error);
  g_autofree char *retraining_path = g_strconcat (path, ".retraining", NULL);

  if (!propagate (error, local_error))
    return FALSE;
  if (retraining == NULL)
    return TRUE;

  record->retrained = TRUE;
  return retainer_json_get_uint (retraining, retraining_path, "new_examples", FALSE, 0,
                                 1000000000, &record->new_examples, source, error)
         && retainer_json_get_string (retraining, retraining_path, "source", FALSE,
                                      RETAINER_TEXT_MAX_LENGTH, &record->training_source, source,
                                      error)
         && retainer_json_get_number (retraining, retraining_path, "training_hours", FALSE, 0,
                                      RETAINER_TRAINING_HOURS_MAX, &record->training_hours,
                                      source, error)
         && retainer_json_get_string (retraining, retraining_path, "hardware", FALSE, 200,
                                      &record->hardware, source, error);
}

static gboolean
read_metrics (const cJSON              *month_item,
              const char               *path,
              RetainerClientMonth      *record,
              const RetainerJsonSource *source,
              GError                  **error)
{
  GError *local_error = NULL;
  const cJSON *metrics = retainer_json_get_array (month_item, path, "metrics", FALSE, source,
                                                  &local_error);
  const cJSON *item;
  guint i = 0;

  if (!propagate (error, local_error))
    return FALSE;
  if (metrics == NULL)
    return TRUE;

  cJSON_ArrayForEach (item, metrics)
    {
      g_autofree char *metric_path = g_strdup_printf ("%s.metrics[%u]", path, i);
      g_autoptr (RetainerMetric) metric = g_new0 (RetainerMetric, 1);
      int direction = 0;
      double min, max;

      if (i >= RETAINER_CLIENT_MAX_METRICS)
        return set_invalid (error, source, path, "metrics", _("expected at most 50 metrics"));
      if (!cJSON_IsObject (item))
        {
          g_autofree char *key = g_strdup_printf ("metrics[%u]", i);

          return set_invalid (error, source, path, key, _("expected an object in braces"));
        }
      if (!retainer_json_get_string (item, metric_path, "name", TRUE,
                                     RETAINER_METRIC_NAME_MAX_LENGTH, &metric->name, source, error)
          || !retainer_json_get_string (item, metric_path, "unit", TRUE,
                                        RETAINER_METRIC_UNIT_MAX_LENGTH, &metric->unit, source,
                                        error)
          || !retainer_json_get_enum (item, metric_path, "direction", TRUE,
                                      retainer_metric_direction_ids, &direction, source, error))
        return FALSE;
      metric->direction = direction;
      metric_range (metric->unit, &min, &max);
      {
        const cJSON *value = cJSON_GetObjectItemCaseSensitive (item, "value");

        if (value != NULL && !cJSON_IsNull (value))
          {
            if (!retainer_json_get_number (item, metric_path, "value", TRUE, min, max,
                                           &metric->value, source, error))
              return FALSE;
            metric->has_value = TRUE;
          }
      }
      g_ptr_array_add (record->metrics, g_steal_pointer (&metric));
      i++;
    }
  return TRUE;
}

static gboolean
read_actual_costs (const cJSON              *month_item,
                   const char               *path,
                   RetainerClientMonth      *record,
                   const RetainerJsonSource *source,
                   GError                  **error)
{
  GError *local_error = NULL;
  const cJSON *costs = retainer_json_get_object (month_item, path, "actual_costs", FALSE, source,
                                                 &local_error);
  g_autofree char *costs_path = g_strconcat (path, ".actual_costs", NULL);

  if (!propagate (error, local_error))
    return FALSE;
  if (costs == NULL)
    return TRUE;

#define PRESENT(key) \
  (cJSON_GetObjectItemCaseSensitive (costs, key) != NULL \
   && !cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (costs, key)))
  record->has_actual_platform = PRESENT ("platform");
  record->has_actual_compute = PRESENT ("compute");
  record->has_actual_staff_hours = PRESENT ("staff_hours");
#undef PRESENT

  return retainer_json_get_money (costs, costs_path, "platform", FALSE, &record->actual_platform,
                                  source, error)
         && retainer_json_get_money (costs, costs_path, "compute", FALSE,
                                     &record->actual_compute, source, error)
         && retainer_json_get_number (costs, costs_path, "staff_hours", FALSE, 0,
                                      RETAINER_STAFF_HOURS_MAX, &record->actual_staff_hours,
                                      source, error);
}

static gboolean
read_months (const cJSON              *client_item,
             RetainerClient           *client,
             const RetainerJsonSource *source,
             GError                  **error)
{
  GError *local_error = NULL;
  const cJSON *months = retainer_json_get_array (client_item, "client", "months", FALSE, source,
                                                 &local_error);
  const cJSON *item;
  guint i = 0;

  if (!propagate (error, local_error))
    return FALSE;
  if (months == NULL)
    return TRUE;

  cJSON_ArrayForEach (item, months)
    {
      g_autofree char *path = g_strdup_printf ("client.months[%u]", i);
      g_autoptr (RetainerClientMonth) record = NULL;
      g_autofree char *month = NULL;

      if (i >= RETAINER_CLIENT_MAX_MONTHS)
        return set_invalid (error, source, "client", "months", _("expected at most 1200 months"));
      if (!cJSON_IsObject (item))
        {
          g_autofree char *key = g_strdup_printf ("months[%u]", i);

          return set_invalid (error, source, "client", key,
                              _("expected an object in braces"));
        }
      if (!retainer_json_get_string (item, path, "month", TRUE, 7, &month, source, error))
        return FALSE;
      if (!retainer_month_parse (month, NULL))
        return set_invalid (error, source, path, "month", _("expected a month like 2026-03"));

      record = retainer_client_month_new (month);
      record->retainer_billed = client->promise.monthly_retainer;
      if (!retainer_json_get_money (item, path, "api_cost_equivalent", TRUE,
                                    &record->api_cost_equivalent, source, error)
          || !retainer_json_get_money (item, path, "retainer_billed", FALSE,
                                       &record->retainer_billed, source, error)
          || !read_estimate (item, path, record, source, error)
          || !read_retraining (item, path, record, source, error)
          || !read_metrics (item, path, record, source, error)
          || !read_actual_costs (item, path, record, source, error))
        return FALSE;
      g_ptr_array_add (client->months, g_steal_pointer (&record));
      i++;
    }
  return TRUE;
}

/**
 * retainer_client_json_is_client:
 * @root: a parsed proposal file
 *
 * Returns: whether it carries a "client" part, so that it must be opened
 *   as a client (opening it as a plain proposal and saving would drop
 *   the months)
 */
gboolean
retainer_client_json_is_client (const cJSON *root)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (root, "client");

  return item != NULL && !cJSON_IsNull (item);
}

/**
 * retainer_client_from_json:
 * @root: the file's JSON
 * @source: the file, for messages
 * @error: a #GError
 *
 * Reads a client: the proposal with its "client" part, every field checked
 * and named in messages.
 *
 * Returns: (transfer full) (nullable): the client
 */
RetainerClient *
retainer_client_from_json (const cJSON              *root,
                           const RetainerJsonSource *source,
                           GError                  **error)
{
  g_autoptr (RetainerClient) client = client_new ();
  GError *local_error = NULL;
  const cJSON *client_item;
  double revision = 0;

  client->proposal = retainer_proposal_from_json (root, source, error);
  if (client->proposal == NULL)
    return NULL;

  client_item = retainer_json_get_object (root, "", "client", FALSE, source, &local_error);
  if (!propagate (error, local_error))
    return NULL;
  if (client_item == NULL)
    {
      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_NOT_A_CLIENT,
                   _("%s is a proposal that was not accepted: expected a “client” part with "
                     "the acceptance date, the accepted revision and the go-live month"),
                   source != NULL && source->display_name != NULL ? source->display_name
                                                                  : _("(unnamed)"));
      return NULL;
    }

  if (!retainer_json_get_string (client_item, "client", "accepted_date", TRUE, 10,
                                 &client->accepted_date, source, error)
      || !retainer_json_get_number (client_item, "client", "accepted_revision", TRUE, 1,
                                    RETAINER_CLIENT_MAX_REVISION, &revision, source, error))
    return NULL;
  if (revision != floor (revision))
    {
      set_invalid (error, source, "client", "accepted_revision",
                   _("expected a whole number from 1 to 9999"));
      return NULL;
    }
  client->accepted_revision = (guint) revision;
  if (!retainer_json_get_string (client_item, "client", "go_live_month", TRUE, 7,
                                 &client->go_live_month, source, error)
      || !read_promise (client_item, client, source, error)
      || !read_months (client_item, client, source, error))
    return NULL;

  if (!retainer_client_validate (client, source, error))
    return NULL;

  return g_steal_pointer (&client);
}

static cJSON *
month_to_json (const RetainerClientMonth *record)
{
  cJSON *item = cJSON_CreateObject ();
  cJSON *metrics = cJSON_CreateArray ();

  cJSON_AddStringToObject (item, "month", record->month);
  retainer_json_add_money (item, "api_cost_equivalent", record->api_cost_equivalent);
  retainer_json_add_money (item, "retainer_billed", record->retainer_billed);
  if (record->estimate != NULL)
    cJSON_AddItemToObject (item, "estimate", retainer_spend_basis_to_json (record->estimate));
  if (record->retrained)
    {
      cJSON *retraining = cJSON_AddObjectToObject (item, "retraining");

      cJSON_AddNumberToObject (retraining, "new_examples", record->new_examples);
      if (record->training_source != NULL)
        cJSON_AddStringToObject (retraining, "source", record->training_source);
      cJSON_AddNumberToObject (retraining, "training_hours", record->training_hours);
      if (record->hardware != NULL)
        cJSON_AddStringToObject (retraining, "hardware", record->hardware);
    }
  for (guint i = 0; i < record->metrics->len; i++)
    {
      const RetainerMetric *metric = g_ptr_array_index (record->metrics, i);
      cJSON *metric_item = cJSON_CreateObject ();

      cJSON_AddStringToObject (metric_item, "name", metric->name);
      cJSON_AddStringToObject (metric_item, "unit", metric->unit);
      cJSON_AddStringToObject (metric_item, "direction",
                               retainer_metric_direction_ids[metric->direction]);
      if (metric->has_value)
        cJSON_AddNumberToObject (metric_item, "value", metric->value);
      else
        cJSON_AddNullToObject (metric_item, "value");
      cJSON_AddItemToArray (metrics, metric_item);
    }
  cJSON_AddItemToObject (item, "metrics", metrics);
  if (record->has_actual_platform || record->has_actual_compute || record->has_actual_staff_hours)
    {
      cJSON *costs = cJSON_AddObjectToObject (item, "actual_costs");

      if (record->has_actual_platform)
        retainer_json_add_money (costs, "platform", record->actual_platform);
      if (record->has_actual_compute)
        retainer_json_add_money (costs, "compute", record->actual_compute);
      if (record->has_actual_staff_hours)
        cJSON_AddNumberToObject (costs, "staff_hours", record->actual_staff_hours);
    }
  return item;
}

/**
 * retainer_client_to_json:
 * @client: a client
 *
 * Returns: (transfer full): the client file's JSON: the proposal's keys and
 *   the "client" part
 */
cJSON *
retainer_client_to_json (const RetainerClient *client)
{
  cJSON *root = retainer_proposal_to_json (client->proposal);
  cJSON *client_item = cJSON_CreateObject ();
  cJSON *promised = cJSON_CreateObject ();
  cJSON *net = cJSON_CreateArray ();
  cJSON *months = cJSON_CreateArray ();

  cJSON_AddStringToObject (client_item, "accepted_date", client->accepted_date);
  cJSON_AddNumberToObject (client_item, "accepted_revision", client->accepted_revision);
  cJSON_AddStringToObject (client_item, "go_live_month", client->go_live_month);
  cJSON_AddStringToObject (promised, "tier", client->promise.tier_id);
  retainer_json_add_money (promised, "setup_fee", client->promise.setup_fee);
  retainer_json_add_money (promised, "monthly_retainer", client->promise.monthly_retainer);
  for (guint m = 0; client->promise.net != NULL && m < client->promise.net->len; m++)
    {
      g_autofree char *number =
        retainer_money_to_json_number (g_array_index (client->promise.net, gint64, m));

      cJSON_AddItemToArray (net, cJSON_CreateRaw (number));
    }
  cJSON_AddItemToObject (promised, "net", net);
  cJSON_AddItemToObject (client_item, "promised", promised);
  for (guint i = 0; i < client->months->len; i++)
    cJSON_AddItemToArray (months, month_to_json (g_ptr_array_index (client->months, i)));
  cJSON_AddItemToObject (client_item, "months", months);
  cJSON_AddItemToObject (root, "client", client_item);
  return root;
}

/**
 * retainer_client_load_data:
 * @text: a client file's contents
 * @length: its length
 * @display_name: the file's name, for messages
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the client
 */
RetainerClient *
retainer_client_load_data (const char *text,
                           gsize       length,
                           const char *display_name,
                           GError    **error)
{
  /* Messages find a field's line in the text, which may lack a NUL. */
  g_autofree char *terminated = g_strndup (text, length);
  RetainerJsonSource source = { display_name, terminated };
  g_autoptr (cJSON) root = retainer_json_parse (text, length, &source, error);

  if (root == NULL)
    return NULL;
  return retainer_client_from_json (root, &source, error);
}

/**
 * retainer_client_load:
 * @path: a client file
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the client
 */
RetainerClient *
retainer_client_load (const char *path,
                      GError    **error)
{
  g_autofree char *display_name = g_filename_display_name (path);
  g_autofree char *text = NULL;
  g_autoptr (cJSON) root = retainer_json_load_file (path, &text, error);
  RetainerJsonSource source = { display_name, text };

  if (root == NULL)
    return NULL;
  return retainer_client_from_json (root, &source, error);
}

/**
 * retainer_client_save:
 * @client: a valid client
 * @path: where to save it
 * @error: a #GError
 *
 * Saves atomically: a crash or a full disk leaves the previous file whole.
 * An invalid client is refused before anything is written.
 */
gboolean
retainer_client_save (const RetainerClient *client,
                      const char           *path,
                      GError              **error)
{
  g_autofree char *display_name = g_filename_display_name (path);
  RetainerJsonSource source = { display_name, NULL };
  g_autoptr (cJSON) root = NULL;

  if (!retainer_client_validate (client, &source, error))
    return FALSE;
  root = retainer_client_to_json (client);
  return retainer_json_save_file (root, path, error);
}
