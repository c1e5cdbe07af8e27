/* retainer-spend-estimate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "retainer-i18n.h"
#include "retainer-money.h"
#include "retainer-number.h"
#include "retainer-spend-estimate.h"

G_DEFINE_QUARK (retainer-spend-estimate-error-quark, retainer_spend_estimate_error)

/* Products of a count and a price can pass 2^64 (30 billion requests of
 * twenty million tokens at USD 10,000 a million), so they are carried as
 * an unsigned 128-bit number: four 32-bit limbs, least significant first. */
typedef struct
{
  guint32 limb[4];
} Wide;

static Wide
wide_multiply (guint64 a,
               guint64 b)
{
  const guint32 x[2] = { (guint32) a, (guint32) (a >> 32) };
  const guint32 y[2] = { (guint32) b, (guint32) (b >> 32) };
  Wide product = { { 0, 0, 0, 0 } };

  for (guint i = 0; i < 2; i++)
    {
      guint64 carry = 0;

      for (guint j = 0; j < 2; j++)
        {
          /* At most (2^32 - 1)^2 + 2 (2^32 - 1) = 2^64 - 1: no overflow. */
          guint64 sum = (guint64) x[i] * y[j] + product.limb[i + j] + carry;

          product.limb[i + j] = (guint32) sum;
          carry = sum >> 32;
        }
      product.limb[i + 2] = (guint32) carry;
    }

  return product;
}

/* Divides in place by a divisor below 2^32; returns the remainder. */
static guint32
wide_divide (Wide   *number,
             guint32 divisor)
{
  guint64 remainder = 0;

  for (int i = 3; i >= 0; i--)
    {
      guint64 current = (remainder << 32) | number->limb[i];

      number->limb[i] = (guint32) (current / divisor);
      remainder = current % divisor;
    }

  return (guint32) remainder;
}

/* a x b / (d1 x d2), rounded to a whole number by the core's one rule.
 * Only the remainder goes through it: added to a large whole part, a
 * double could no longer tell 0.4999999999 from a half. */
static gboolean
multiply_divide_round (guint64  a,
                       guint64  b,
                       guint32  d1,
                       guint32  d2,
                       gint64  *result)
{
  Wide number = wide_multiply (a, b);
  guint32 r1 = wide_divide (&number, d1);
  guint32 r2 = wide_divide (&number, d2);
  guint64 whole;
  double fraction;

  if (number.limb[2] != 0 || number.limb[3] != 0)
    return FALSE;
  whole = ((guint64) number.limb[1] << 32) | number.limb[0];
  if (whole >= (guint64) G_MAXINT64)
    return FALSE;

  /* The remainder r2 x d1 + r1 is below d1 x d2 <= 2^53: exact in a double. */
  fraction = ((double) r2 * (double) d1 + (double) r1) / ((double) d1 * (double) d2);
  *result = (gint64) whole + retainer_money_round (fraction);
  return TRUE;
}

static char *
format_count (gint64 count)
{
  /* Counts stay below 2^53: exact in a double. */
  return retainer_format_number ((double) count, 0);
}

/**
 * retainer_spend_basis_new:
 *
 * Returns: (transfer full): an empty basis: requests a day, in US dollars
 */
RetainerSpendBasis *
retainer_spend_basis_new (void)
{
  RetainerSpendBasis *basis = g_new0 (RetainerSpendBasis, 1);

  basis->period = RETAINER_USAGE_PER_DAY;
  basis->currency = g_strdup ("USD");
  basis->exchange_rate = RETAINER_DECIMAL_SCALE;
  return basis;
}

/**
 * retainer_spend_basis_free:
 * @basis: (nullable): a basis
 */
void
retainer_spend_basis_free (RetainerSpendBasis *basis)
{
  if (basis == NULL)
    return;

  g_free (basis->provider);
  g_free (basis->model);
  g_free (basis->prices_read);
  g_free (basis->source);
  g_free (basis->currency);
  g_free (basis);
}

/**
 * retainer_spend_basis_copy:
 * @basis: a basis
 *
 * Returns: (transfer full): a deep copy
 */
RetainerSpendBasis *
retainer_spend_basis_copy (const RetainerSpendBasis *basis)
{
  RetainerSpendBasis *copy;

  g_return_val_if_fail (basis != NULL, NULL);

  copy = g_new0 (RetainerSpendBasis, 1);
  *copy = *basis;
  copy->provider = g_strdup (basis->provider);
  copy->model = g_strdup (basis->model);
  copy->prices_read = g_strdup (basis->prices_read);
  copy->source = g_strdup (basis->source);
  copy->currency = g_strdup (basis->currency);
  return copy;
}

/**
 * retainer_spend_basis_equal:
 * @a: a basis
 * @b: another
 *
 * Returns: %TRUE if both give the same estimate from the same words
 */
gboolean
retainer_spend_basis_equal (const RetainerSpendBasis *a,
                            const RetainerSpendBasis *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->period == b->period && a->requests == b->requests
         && a->input_tokens == b->input_tokens && a->output_tokens == b->output_tokens
         && g_strcmp0 (a->provider, b->provider) == 0 && g_strcmp0 (a->model, b->model) == 0
         && a->input_price == b->input_price && a->output_price == b->output_price
         && g_strcmp0 (a->prices_read, b->prices_read) == 0
         && g_strcmp0 (a->source, b->source) == 0 && g_strcmp0 (a->currency, b->currency) == 0
         && a->exchange_rate == b->exchange_rate;
}

/**
 * retainer_spend_basis_set_model:
 * @basis: a basis
 * @table: a price table
 * @index: a model of @table
 *
 * Takes the model's name, its prices, their date and their page.
 */
void
retainer_spend_basis_set_model (RetainerSpendBasis       *basis,
                                const RetainerPriceTable *table,
                                guint                     index)
{
  const RetainerModelPrice *model;

  g_return_if_fail (basis != NULL && table != NULL);
  g_return_if_fail (index < table->n_models);

  model = &table->models[index];
  g_free (basis->provider);
  basis->provider = g_strdup (model->provider);
  g_free (basis->model);
  basis->model = g_strdup (model->name);
  basis->input_price = model->input_price;
  basis->output_price = model->output_price;
  g_free (basis->prices_read);
  basis->prices_read = g_strdup (model->prices_read);
  g_free (basis->source);
  basis->source = g_strdup (model->source);
}

static const char *
supported_currencies (void)
{
  static char *list = NULL;

  if (g_once_init_enter_pointer (&list))
    {
      guint n = 0;
      const RetainerCurrency *currencies = retainer_currency_list (&n);
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", currencies[i].code);
      g_once_init_leave_pointer (&list, g_string_free (text, FALSE));
    }

  return list;
}

/* The example rate in the marks the founder types with: "0.92", "0,92". */
static gboolean
set_no_exchange_rate (GError    **error,
                      const char *currency)
{
  g_autofree char *example = retainer_millionths_format (920000, 2);

  g_set_error (error, RETAINER_SPEND_ESTIMATE_ERROR, RETAINER_SPEND_ESTIMATE_ERROR_NO_EXCHANGE_RATE,
               /* Translators: %1$s is a currency code like EUR, both times; %2$s an
                * exchange rate like 0.92. */
               _("The proposal is in %1$s: type how many %1$s one US dollar buys, like %2$s"),
               currency, example);
  return FALSE;
}

static gboolean
set_bad_exchange_rate (GError    **error,
                       const char *currency)
{
  g_autofree char *example = retainer_millionths_format (920000, 2);

  g_set_error (error, RETAINER_SPEND_ESTIMATE_ERROR, RETAINER_SPEND_ESTIMATE_ERROR_INVALID,
               /* Translators: %1$s is a currency code like EUR, %2$s an exchange rate
                * like 0.92. */
               _("Exchange rate: expected how many %1$s one US dollar buys, a number above 0 "
                 "with at most 6 decimals, like %2$s"),
               currency, example);
  return FALSE;
}

/**
 * retainer_spend_basis_set_currency:
 * @basis: a basis
 * @currency: the proposal's currency
 * @exchange_rate_text: (nullable): what the founder typed: how many units
 *   of @currency one US dollar buys, like "0.92" ("0,92" in German: read by
 *   retainer_millionths_parse() in the marks in effect); ignored for USD
 * @error: a #GError
 *
 * Sets the currency the spend is written in. Nothing changes on an error.
 */
gboolean
retainer_spend_basis_set_currency (RetainerSpendBasis *basis,
                                   const char         *currency,
                                   const char         *exchange_rate_text,
                                   GError            **error)
{
  gint64 rate = 0;

  g_return_val_if_fail (basis != NULL, FALSE);

  if (!retainer_currency_is_supported (currency))
    {
      g_set_error (error, RETAINER_SPEND_ESTIMATE_ERROR, RETAINER_SPEND_ESTIMATE_ERROR_INVALID,
                   _("Currency: expected one of %s"), supported_currencies ());
      return FALSE;
    }

  if (strcmp (currency, "USD") == 0)
    {
      rate = RETAINER_DECIMAL_SCALE;
    }
  else if (exchange_rate_text == NULL || exchange_rate_text[strspn (exchange_rate_text, " \t")] == '\0')
    {
      return set_no_exchange_rate (error, currency);
    }
  else
    {
      g_autoptr (GError) number_error = NULL;

      if (!retainer_millionths_parse (exchange_rate_text, RETAINER_EXCHANGE_RATE_MAX, &rate,
                                      &number_error))
        {
          g_set_error (error, RETAINER_SPEND_ESTIMATE_ERROR, RETAINER_SPEND_ESTIMATE_ERROR_INVALID,
                       /* Translators: %s says what is wrong with the exchange rate
                        * typed, like ““2.5” could be read two ways: …”. */
                       _("Exchange rate: %s"), number_error->message);
          return FALSE;
        }
      if (rate == 0)
        return set_bad_exchange_rate (error, currency);
    }

  g_free (basis->currency);
  basis->currency = g_strdup (currency);
  basis->exchange_rate = rate;
  return TRUE;
}

static gboolean
check_basis (const RetainerSpendBasis *basis,
             GError                  **error)
{
  gboolean per_day = basis->period == RETAINER_USAGE_PER_DAY;
  gint64 most_requests = per_day ? RETAINER_REQUESTS_PER_DAY_MAX : RETAINER_REQUESTS_PER_MONTH_MAX;

  if (basis->requests < 1 || basis->requests > most_requests)
    {
      g_autofree char *most = format_count (most_requests);

      g_set_error (error, RETAINER_SPEND_ESTIMATE_ERROR, RETAINER_SPEND_ESTIMATE_ERROR_INVALID,
                   per_day ? _("Requests a day: expected a whole number from 1 to %s")
                           : _("Requests a month: expected a whole number from 1 to %s"),
                   most);
      return FALSE;
    }
  if (basis->input_tokens < 0 || basis->input_tokens > RETAINER_TOKENS_PER_REQUEST_MAX
      || basis->output_tokens < 0 || basis->output_tokens > RETAINER_TOKENS_PER_REQUEST_MAX)
    {
      g_autofree char *most = format_count (RETAINER_TOKENS_PER_REQUEST_MAX);
      gboolean input_wrong = basis->input_tokens < 0
                             || basis->input_tokens > RETAINER_TOKENS_PER_REQUEST_MAX;

      g_set_error (error, RETAINER_SPEND_ESTIMATE_ERROR, RETAINER_SPEND_ESTIMATE_ERROR_INVALID,
                   input_wrong ? _("Input tokens a request: expected a whole number from 0 to %s")
                               : _("Output tokens a request: expected a whole number from 0 to %s"),
                   most);
      return FALSE;
    }

  if (basis->model == NULL || basis->provider == NULL
      || !retainer_iso_date_is_valid (basis->prices_read))
    {
      g_set_error_literal (error, RETAINER_SPEND_ESTIMATE_ERROR,
                           RETAINER_SPEND_ESTIMATE_ERROR_INVALID,
                           _("Model: expected a model from a price table, with its prices and "
                             "their date"));
      return FALSE;
    }
  if (basis->input_price < 0 || basis->input_price > RETAINER_PRICE_MAX)
    {
      g_set_error_literal (error, RETAINER_SPEND_ESTIMATE_ERROR,
                           RETAINER_SPEND_ESTIMATE_ERROR_INVALID,
                           _("Input price: expected US dollars per million tokens, from 0 to "
                             "10,000"));
      return FALSE;
    }
  if (basis->output_price < 0 || basis->output_price > RETAINER_PRICE_MAX)
    {
      g_set_error_literal (error, RETAINER_SPEND_ESTIMATE_ERROR,
                           RETAINER_SPEND_ESTIMATE_ERROR_INVALID,
                           _("Output price: expected US dollars per million tokens, from 0 to "
                             "10,000"));
      return FALSE;
    }

  if (!retainer_currency_is_supported (basis->currency))
    {
      g_set_error (error, RETAINER_SPEND_ESTIMATE_ERROR, RETAINER_SPEND_ESTIMATE_ERROR_INVALID,
                   _("Currency: expected one of %s"), supported_currencies ());
      return FALSE;
    }
  if (strcmp (basis->currency, "USD") == 0 && basis->exchange_rate != RETAINER_DECIMAL_SCALE)
    {
      g_set_error_literal (error, RETAINER_SPEND_ESTIMATE_ERROR,
                           RETAINER_SPEND_ESTIMATE_ERROR_INVALID,
                           _("Exchange rate: a spend in US dollars is not converted; expected 1"));
      return FALSE;
    }
  if (basis->exchange_rate <= 0)
    return set_no_exchange_rate (error, basis->currency);
  if (basis->exchange_rate > RETAINER_EXCHANGE_RATE_MAX)
    return set_bad_exchange_rate (error, basis->currency);

  return TRUE;
}

static gboolean
set_too_large (GError **error)
{
  g_autofree char *most = retainer_money_format (RETAINER_MONEY_MAX, "USD",
                                                 RETAINER_MONEY_FORMAT_DEFAULT);

  g_set_error (error, RETAINER_SPEND_ESTIMATE_ERROR, RETAINER_SPEND_ESTIMATE_ERROR_TOO_LARGE,
               _("The estimated monthly spend is more than Retainer can keep (%s): check the "
                 "requests and the tokens"),
               most);
  return FALSE;
}

/**
 * retainer_spend_estimate_compute:
 * @basis: what the estimate is made from
 * @estimate: (out caller-allocates): Q, the cost of a request and S
 * @error: a #GError
 *
 * Estimates the monthly API spend exactly: Q = 30 x D (or the requests a
 * month), S = Q x (T_in x P_in + T_out x P_out) / 1,000,000 rounded to the
 * cent, then S x the exchange rate rounded to the cent. Figures out of
 * their range, a missing exchange rate and a spend beyond the largest
 * amount Retainer keeps are refused with a message naming the figure.
 */
gboolean
retainer_spend_estimate_compute (const RetainerSpendBasis *basis,
                                 RetainerSpendEstimate    *estimate,
                                 GError                  **error)
{
  RetainerSpendEstimate result = { 0 };

  g_return_val_if_fail (basis != NULL && estimate != NULL, FALSE);

  if (!check_basis (basis, error))
    return FALSE;

  result.requests_per_month = basis->period == RETAINER_USAGE_PER_DAY
                                ? basis->requests * RETAINER_DAYS_PER_MONTH
                                : basis->requests;
  /* Tokens times millionths of a dollar per million tokens: millionths of
   * a millionth of a dollar. At most 2 x 10^7 x 10^10, well within 2^63. */
  result.request_cost = basis->input_tokens * basis->input_price
                        + basis->output_tokens * basis->output_price;

  /* Millionths of a millionth of a dollar to cents: / 10^10. */
  if (!multiply_divide_round ((guint64) result.requests_per_month, (guint64) result.request_cost,
                              100000, 100000, &result.monthly_spend_usd)
      || result.monthly_spend_usd > RETAINER_MONEY_MAX)
    return set_too_large (error);

  if (strcmp (basis->currency, "USD") == 0)
    result.monthly_spend = result.monthly_spend_usd;
  else if (!multiply_divide_round ((guint64) result.monthly_spend_usd, (guint64) basis->exchange_rate,
                                   (guint32) RETAINER_DECIMAL_SCALE, 1, &result.monthly_spend)
           || result.monthly_spend > RETAINER_MONEY_MAX)
    return set_too_large (error);

  *estimate = result;
  return TRUE;
}

/**
 * retainer_spend_estimate_format_request_cost:
 * @estimate: an estimate
 *
 * Formats what one request costs in US dollars, with the decimals it needs
 * and at most eight: "$0.006".
 *
 * Returns: (transfer full): the text
 */
char *
retainer_spend_estimate_format_request_cost (const RetainerSpendEstimate *estimate)
{
  /* The cost is in 10^-12 dollars; cents are 10^-2. */
  const guint scale = 12;
  const guint max_decimals = 8;
  guint64 cost = (guint64) MAX (estimate->request_cost, 0);
  guint decimals = 2;
  guint64 unit, units, cents, below_cent;
  g_autofree char *text = NULL;
  const char *last_digit = NULL;
  int offset;

  while (decimals < max_decimals)
    {
      guint64 step = 1;

      for (guint i = 0; i < scale - decimals; i++)
        step *= 10;
      if (cost % step == 0)
        break;
      decimals++;
    }

  unit = 1;
  for (guint i = 0; i < scale - decimals; i++)
    unit *= 10;
  units = cost / unit + (guint64) retainer_money_round ((double) (cost % unit) / (double) unit);
  below_cent = 1;
  for (guint i = 2; i < decimals; i++)
    below_cent *= 10;
  /* Rounding at the last decimal can leave zeros behind it: 0.99999999|5
   * becomes 1.00000000, written 1.00. */
  while (decimals > 2 && units % 10 == 0)
    {
      units /= 10;
      below_cent /= 10;
      decimals--;
    }
  cents = units / below_cent;

  text = retainer_money_format ((gint64) cents, "USD", RETAINER_MONEY_FORMAT_CENTS);
  if (decimals == 2)
    return g_steal_pointer (&text);

  /* The digits below the cent follow the cents, wherever the locale puts
   * the symbol; no currency symbol holds a digit. */
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      last_digit = p;
  g_assert (last_digit != NULL);
  offset = (int) (last_digit - text) + 1;
  return g_strdup_printf ("%.*s%0*" G_GUINT64_FORMAT "%s", offset, text, (int) decimals - 2,
                          units % below_cent, text + offset);
}

static char *
format_prices_date (const char *iso_date)
{
  int year, month, day;
  g_autoptr (GDateTime) date = NULL;

  if (iso_date != NULL && sscanf (iso_date, "%d-%d-%d", &year, &month, &day) == 3)
    /* Noon: no time zone moves it to another day. */
    date = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (date == NULL)
    return g_strdup (iso_date != NULL ? iso_date : "");

  /* The same words as the proposal's other dates. */
  return g_date_time_format (date, C_("long date", "%B %-d, %Y"));
}

/* Plural forms follow the last digits; counts beyond what ngettext takes
 * keep them. */
static gulong
plural_count (gint64 count)
{
  return count > 1000000 ? (gulong) (count % 1000000 + 1000000) : (gulong) count;
}

/**
 * retainer_spend_basis_describe:
 * @basis: a basis
 *
 * Writes the one sentence the PDF and the window show under an estimated
 * spend: "Estimated from 40,000 requests a day of 1,200 input and 300
 * output tokens on GPT-4o at $2.50 / $10.00 per million tokens (prices of
 * November 2, 2026)."
 *
 * Returns: (transfer full): the sentence
 */
char *
retainer_spend_basis_describe (const RetainerSpendBasis *basis)
{
  g_autofree char *requests = NULL;
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autofree char *input_price = NULL;
  g_autofree char *output_price = NULL;
  g_autofree char *date = NULL;
  const char *model;
  gulong n;

  g_return_val_if_fail (basis != NULL, NULL);

  requests = format_count (basis->requests);
  input = format_count (basis->input_tokens);
  output = format_count (basis->output_tokens);
  input_price = retainer_price_format (MAX (basis->input_price, 0));
  output_price = retainer_price_format (MAX (basis->output_price, 0));
  date = format_prices_date (basis->prices_read);
  model = basis->model != NULL ? basis->model : "";
  n = plural_count (basis->requests);

  if (basis->currency == NULL || strcmp (basis->currency, "USD") == 0)
    {
      if (basis->period == RETAINER_USAGE_PER_DAY)
        return g_strdup_printf (
          /* Translators: the basis of an estimated API spend, in the PDF and
           * the window. %1$s is a number of requests, %2$s and %3$s numbers
           * of tokens, %4$s a model's name like "GPT-4o", %5$s and %6$s
           * prices in US dollars like "$2.50", %7$s a date. */
          ngettext ("Estimated from %1$s request a day of %2$s input and %3$s output tokens on "
                    "%4$s at %5$s / %6$s per million tokens (prices of %7$s).",
                    "Estimated from %1$s requests a day of %2$s input and %3$s output tokens on "
                    "%4$s at %5$s / %6$s per million tokens (prices of %7$s).", n),
          requests, input, output, model, input_price, output_price, date);

      return g_strdup_printf (
        /* Translators: as "Estimated from %1$s requests a day…", for
         * requests counted a month. */
        ngettext ("Estimated from %1$s request a month of %2$s input and %3$s output tokens on "
                  "%4$s at %5$s / %6$s per million tokens (prices of %7$s).",
                  "Estimated from %1$s requests a month of %2$s input and %3$s output tokens on "
                  "%4$s at %5$s / %6$s per million tokens (prices of %7$s).", n),
        requests, input, output, model, input_price, output_price, date);
    }

  {
    g_autofree char *rate = retainer_millionths_format (basis->exchange_rate, 2);

    if (basis->period == RETAINER_USAGE_PER_DAY)
      return g_strdup_printf (
        /* Translators: as "Estimated from %1$s requests a day…", for a
         * proposal in another currency: %8$s is the exchange rate the
         * founder typed, like "0.92", %9$s the currency's code, like EUR. */
        ngettext ("Estimated from %1$s request a day of %2$s input and %3$s output tokens on "
                  "%4$s at %5$s / %6$s per million tokens (prices of %7$s), converted at %8$s "
                  "%9$s per US dollar.",
                  "Estimated from %1$s requests a day of %2$s input and %3$s output tokens on "
                  "%4$s at %5$s / %6$s per million tokens (prices of %7$s), converted at %8$s "
                  "%9$s per US dollar.", n),
        requests, input, output, model, input_price, output_price, date, rate, basis->currency);

    return g_strdup_printf (
      /* Translators: as above, for requests counted a month. */
      ngettext ("Estimated from %1$s request a month of %2$s input and %3$s output tokens on "
                "%4$s at %5$s / %6$s per million tokens (prices of %7$s), converted at %8$s "
                "%9$s per US dollar.",
                "Estimated from %1$s requests a month of %2$s input and %3$s output tokens on "
                "%4$s at %5$s / %6$s per million tokens (prices of %7$s), converted at %8$s "
                "%9$s per US dollar.", n),
      requests, input, output, model, input_price, output_price, date, rate, basis->currency);
  }
}

static void
add_count (cJSON      *object,
           const char *key,
           gint64      count)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  cJSON_AddItemToObject (object, key, cJSON_CreateRaw (number));
}

static void
add_decimal (cJSON      *object,
             const char *key,
             gint64      millionths)
{
  g_autofree char *number = retainer_decimal_to_json (millionths);

  cJSON_AddItemToObject (object, key, cJSON_CreateRaw (number));
}

/**
 * retainer_spend_basis_to_json:
 * @basis: a basis
 *
 * Returns: (transfer full): the "spend_estimate" object, numbers exact
 */
cJSON *
retainer_spend_basis_to_json (const RetainerSpendBasis *basis)
{
  cJSON *object = cJSON_CreateObject ();
  const char *currency = basis->currency != NULL ? basis->currency : "USD";

  add_count (object, basis->period == RETAINER_USAGE_PER_DAY ? "requests_per_day"
                                                             : "requests_per_month",
             basis->requests);
  add_count (object, "input_tokens", basis->input_tokens);
  add_count (object, "output_tokens", basis->output_tokens);
  cJSON_AddStringToObject (object, "provider", basis->provider != NULL ? basis->provider : "");
  cJSON_AddStringToObject (object, "model", basis->model != NULL ? basis->model : "");
  add_decimal (object, "input_price", MAX (basis->input_price, 0));
  add_decimal (object, "output_price", MAX (basis->output_price, 0));
  cJSON_AddStringToObject (object, "prices_read",
                           basis->prices_read != NULL ? basis->prices_read : "");
  if (basis->source != NULL)
    cJSON_AddStringToObject (object, "source", basis->source);
  cJSON_AddStringToObject (object, "currency", currency);
  if (strcmp (currency, "USD") != 0)
    add_decimal (object, "exchange_rate", MAX (basis->exchange_rate, 0));
  return object;
}

static gboolean
read_count (const cJSON              *object,
            const char               *path,
            const char               *key,
            gint64                    min,
            gint64                    max,
            gint64                   *value,
            const RetainerJsonSource *source,
            GError                  **error)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, key);

  if (item == NULL || cJSON_IsNull (item))
    {
      retainer_json_set_field_error (error, source, path, key, _("is required but missing"));
      return FALSE;
    }

  /* Bounds below 2^53 compare exactly with a double. */
  if (!cJSON_IsNumber (item) || !isfinite (item->valuedouble)
      || item->valuedouble < (double) min || item->valuedouble > (double) max
      || item->valuedouble != floor (item->valuedouble))
    {
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);
      g_autofree char *problem = g_strdup_printf (_("expected a whole number from %s to %s"),
                                                  low, high);

      retainer_json_set_field_error (error, source, path, key, problem);
      return FALSE;
    }

  *value = (gint64) item->valuedouble;
  return TRUE;
}

static gboolean
read_decimal (const cJSON              *object,
              const char               *path,
              const char               *key,
              gint64                    max,
              const char               *problem,
              gint64                   *value,
              const RetainerJsonSource *source,
              GError                  **error)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, key);

  if (item == NULL || cJSON_IsNull (item))
    {
      retainer_json_set_field_error (error, source, path, key, _("is required but missing"));
      return FALSE;
    }
  if (!cJSON_IsNumber (item) || !retainer_decimal_from_json (item->valuedouble, max, value))
    {
      retainer_json_set_field_error (error, source, path, key, problem);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_text (const cJSON              *object,
           const char               *path,
           const char               *key,
           gsize                     max_length,
           char                    **value,
           const RetainerJsonSource *source,
           GError                  **error)
{
  if (!retainer_json_get_string (object, path, key, TRUE, max_length, value, source, error))
    return FALSE;
  if ((*value)[strspn (*value, " \t\n")] == '\0')
    {
      retainer_json_set_field_error (error, source, path, key, _("expected some text"));
      return FALSE;
    }
  return TRUE;
}

/**
 * retainer_spend_basis_from_json:
 * @object: the "spend_estimate" object
 * @source: the file, for messages
 * @path: where the object sits in its file, like "spend_estimate"
 * @error: a #GError
 *
 * Reads a basis and checks that it gives an estimate.
 *
 * Returns: (transfer full) (nullable): the basis
 */
RetainerSpendBasis *
retainer_spend_basis_from_json (const cJSON              *object,
                                const RetainerJsonSource *source,
                                const char               *path,
                                GError                  **error)
{
  g_autoptr (RetainerSpendBasis) basis = retainer_spend_basis_new ();
  g_autoptr (GError) local_error = NULL;
  RetainerSpendEstimate estimate;
  gboolean has_day, has_month;
  const char *requests_key;

  g_return_val_if_fail (path != NULL, NULL);

  if (!cJSON_IsObject (object))
    {
      retainer_json_set_field_error (error, source, "", path, _("expected an object in braces"));
      return NULL;
    }

  has_day = cJSON_GetObjectItemCaseSensitive (object, "requests_per_day") != NULL;
  has_month = cJSON_GetObjectItemCaseSensitive (object, "requests_per_month") != NULL;
  if (has_day && has_month)
    {
      retainer_json_set_field_error (error, source, path, "requests_per_month",
                                     _("expected only one of “requests_per_day” and "
                                       "“requests_per_month”"));
      return NULL;
    }
  if (!has_day && !has_month)
    {
      retainer_json_set_field_error (error, source, path, "requests_per_day",
                                     _("is required but missing (or give “requests_per_month”)"));
      return NULL;
    }

  basis->period = has_day ? RETAINER_USAGE_PER_DAY : RETAINER_USAGE_PER_MONTH;
  requests_key = has_day ? "requests_per_day" : "requests_per_month";
  if (!read_count (object, path, requests_key, 1,
                   has_day ? RETAINER_REQUESTS_PER_DAY_MAX : RETAINER_REQUESTS_PER_MONTH_MAX,
                   &basis->requests, source, error)
      || !read_count (object, path, "input_tokens", 0, RETAINER_TOKENS_PER_REQUEST_MAX,
                      &basis->input_tokens, source, error)
      || !read_count (object, path, "output_tokens", 0, RETAINER_TOKENS_PER_REQUEST_MAX,
                      &basis->output_tokens, source, error)
      || !read_text (object, path, "provider", 80, &basis->provider, source, error)
      || !read_text (object, path, "model", 120, &basis->model, source, error)
      || !read_decimal (object, path, "input_price", RETAINER_PRICE_MAX,
                        _("expected US dollars per million tokens with at most 6 decimals, "
                          "like 2.50"),
                        &basis->input_price, source, error)
      || !read_decimal (object, path, "output_price", RETAINER_PRICE_MAX,
                        _("expected US dollars per million tokens with at most 6 decimals, "
                          "like 2.50"),
                        &basis->output_price, source, error)
      || !retainer_json_get_string (object, path, "prices_read", TRUE, 64, &basis->prices_read,
                                    source, error)
      || !retainer_json_get_string (object, path, "source", FALSE, 2000, &basis->source, source,
                                    error)
      || !retainer_json_get_string (object, path, "currency", FALSE, 3, &basis->currency, source,
                                    error))
    return NULL;

  if (!retainer_iso_date_is_valid (basis->prices_read))
    {
      retainer_json_set_field_error (error, source, path, "prices_read",
                                     _("expected the date the prices were read, like 2026-11-30"));
      return NULL;
    }
  if (basis->source != NULL && !retainer_public_page_is_valid (basis->source))
    {
      retainer_json_set_field_error (error, source, path, "source",
                                     _("expected the address of the public page the prices came "
                                       "from, starting with https://"));
      return NULL;
    }
  if (!retainer_currency_is_supported (basis->currency))
    {
      g_autofree char *problem = g_strdup_printf (_("expected one of %s"), supported_currencies ());

      retainer_json_set_field_error (error, source, path, "currency", problem);
      return NULL;
    }

  if (strcmp (basis->currency, "USD") == 0)
    {
      const cJSON *rate = cJSON_GetObjectItemCaseSensitive (object, "exchange_rate");

      if (rate != NULL && !cJSON_IsNull (rate)
          && (!cJSON_IsNumber (rate) || rate->valuedouble != 1))
        {
          retainer_json_set_field_error (error, source, path, "exchange_rate",
                                         _("expected 1 or nothing: a spend in US dollars is not "
                                           "converted"));
          return NULL;
        }
    }
  else
    {
      /* Translators: %s is a currency code like EUR. */
      g_autofree char *problem = g_strdup_printf (_("expected how many %s one US dollar buys, a "
                                                    "number above 0 with at most 6 decimals, "
                                                    "like 0.92"),
                                                  basis->currency);

      if (!read_decimal (object, path, "exchange_rate", RETAINER_EXCHANGE_RATE_MAX, problem,
                         &basis->exchange_rate, source, error))
        return NULL;
      if (basis->exchange_rate == 0)
        {
          retainer_json_set_field_error (error, source, path, "exchange_rate", problem);
          return NULL;
        }
    }

  /* Every figure is in range; only their product can still be too large. */
  if (!retainer_spend_estimate_compute (basis, &estimate, &local_error))
    {
      retainer_json_set_field_error (error, source, path, requests_key,
                                     _("gives a monthly spend beyond the largest amount Retainer "
                                       "keeps"));
      return NULL;
    }

  return g_steal_pointer (&basis);
}

/**
 * retainer_spend_basis_validate:
 * @basis: a basis held in memory, like one about to be saved
 * @source: (nullable): the file, for messages
 * @path: where the basis sits in its file, like "client.months[2].estimate"
 * @error: a #GError
 *
 * Checks a basis by the rules its object is read by: first that it gives
 * an estimate (every figure in its range, the product too), then the rest
 * of retainer_spend_basis_from_json() on exactly the object
 * retainer_spend_basis_to_json() would write, so that a basis that passes
 * is one the file can read back.
 *
 * Returns: %TRUE if the basis is valid
 */
gboolean
retainer_spend_basis_validate (const RetainerSpendBasis *basis,
                               const RetainerJsonSource *source,
                               const char               *path,
                               GError                  **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (cJSON) written = NULL;
  g_autoptr (cJSON) read = NULL;
  g_autoptr (RetainerSpendBasis) read_back = NULL;
  g_autofree char *text = NULL;
  RetainerSpendEstimate estimate;

  g_return_val_if_fail (basis != NULL && path != NULL, FALSE);

  if (!retainer_spend_estimate_compute (basis, &estimate, &local_error))
    {
      const char *dot = strrchr (path, '.');
      g_autofree char *parent = dot != NULL ? g_strndup (path, (gsize) (dot - path)) : g_strdup ("");

      retainer_json_set_field_error (error, source, parent, dot != NULL ? dot + 1 : path,
                                     local_error->message);
      return FALSE;
    }

  /* The object is written with exact raw numbers: print it and read it as
   * a file would. */
  written = retainer_spend_basis_to_json (basis);
  text = cJSON_PrintUnformatted (written);
  read = cJSON_Parse (text);
  g_assert (read != NULL);
  read_back = retainer_spend_basis_from_json (read, source, path, error);
  return read_back != NULL;
}
