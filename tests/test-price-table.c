/* test-price-table.c: price tables and the spend estimated from usage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "retainer-money.h"
#include "retainer-number.h"
#include "retainer-price-table.h"
#include "retainer-spend-estimate.h"

#define USD(major) ((gint64) (major) * 100)
#define PRICE(whole, millionths) ((gint64) (whole) * RETAINER_DECIMAL_SCALE + (millionths))

static const char *
fixture (const char *name)
{
  return g_test_get_filename (G_TEST_DIST, "data", name, NULL);
}

static RetainerPriceTable *
load_example (void)
{
  g_autoptr (GError) error = NULL;
  RetainerPriceTable *table = retainer_price_table_load (fixture ("price-table-example.json"),
                                                         &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static RetainerSpendBasis *
basis_for (const RetainerPriceTable *table,
           const char               *provider,
           const char               *model,
           RetainerUsagePeriod       period,
           gint64                    requests,
           gint64                    input_tokens,
           gint64                    output_tokens)
{
  RetainerSpendBasis *basis = retainer_spend_basis_new ();
  int index = retainer_price_table_find_model (table, provider, model);

  g_assert_cmpint (index, >=, 0);
  retainer_spend_basis_set_model (basis, table, (guint) index);
  basis->period = period;
  basis->requests = requests;
  basis->input_tokens = input_tokens;
  basis->output_tokens = output_tokens;
  return basis;
}

/* docs/calculation.md, "Estimating the spend from usage": 40,000 requests
 * a day, 1,200 + 300 tokens, $2.50 / $10.00 per million: $0.006 a request,
 * Q = 1,200,000, S = $7,200 a month. */
static void
test_worked_example (void)
{
  g_autoptr (RetainerPriceTable) table = load_example ();
  g_autoptr (RetainerSpendBasis) basis = basis_for (table, "OpenAI", "GPT-4o",
                                                    RETAINER_USAGE_PER_DAY, 40000, 1200, 300);
  g_autoptr (GError) error = NULL;
  g_autofree char *per_request = NULL;
  g_autofree char *spend = NULL;
  g_autofree char *sentence = NULL;
  RetainerSpendEstimate estimate;

  g_assert_cmpint (basis->input_price, ==, PRICE (2, 500000));
  g_assert_cmpint (basis->output_price, ==, PRICE (10, 0));
  g_assert_cmpstr (basis->prices_read, ==, "2026-11-02");

  g_assert_true (retainer_spend_estimate_compute (basis, &estimate, &error));
  g_assert_no_error (error);
  g_assert_cmpint (estimate.requests_per_month, ==, 1200000);
  per_request = retainer_spend_estimate_format_request_cost (&estimate);
  g_assert_cmpstr (per_request, ==, "$0.006");
  g_assert_cmpint (estimate.monthly_spend_usd, ==, USD (7200));
  g_assert_cmpint (estimate.monthly_spend, ==, USD (7200));
  spend = retainer_money_format (estimate.monthly_spend, "USD", RETAINER_MONEY_FORMAT_CENTS);
  g_assert_cmpstr (spend, ==, "$7,200.00");

  sentence = retainer_spend_basis_describe (basis);
  g_assert_cmpstr (sentence, ==,
                   "Estimated from 40,000 requests a day of 1,200 input and 300 output tokens on "
                   "GPT-4o at $2.50 / $10.00 per million tokens (prices of November 2, 2026).");
}

/* The same traffic counted a month gives the same spend. */
static void
test_per_month (void)
{
  g_autoptr (RetainerPriceTable) table = load_example ();
  g_autoptr (RetainerSpendBasis) basis = basis_for (table, "OpenAI", "GPT-4o",
                                                    RETAINER_USAGE_PER_MONTH, 1200000, 1200, 300);
  g_autoptr (GError) error = NULL;
  g_autofree char *sentence = NULL;
  RetainerSpendEstimate estimate;

  g_assert_true (retainer_spend_estimate_compute (basis, &estimate, &error));
  g_assert_cmpint (estimate.requests_per_month, ==, 1200000);
  g_assert_cmpint (estimate.monthly_spend_usd, ==, USD (7200));

  sentence = retainer_spend_basis_describe (basis);
  g_assert_cmpstr (sentence, ==,
                   "Estimated from 1,200,000 requests a month of 1,200 input and 300 output "
                   "tokens on GPT-4o at $2.50 / $10.00 per million tokens (prices of November 2, "
                   "2026).");
}

typedef struct
{
  const char         *name;
  RetainerUsagePeriod period;
  gint64              requests;
  gint64              input_tokens;
  gint64              output_tokens;
  gint64              input_price;   /* millionths of a dollar per million tokens */
  gint64              output_price;
  gint64              request_cost;  /* millionths of a millionth of a dollar */
  gint64              cents;
} RoundingCase;

/* Expected figures worked out by hand: cents = Q x cost / 10^10. */
static const RoundingCase rounding_cases[] = {
  /* 30 x 150,000 = 4,500,000 -> 0.00045 cents */
  { "under-a-cent", RETAINER_USAGE_PER_DAY, 1, 1, 0, PRICE (0, 150000), 0, 150000, 0 },
  /* 1 x 2,000 x 2.5 x 10^6 = 5 x 10^9 -> exactly half a cent, away from zero */
  { "half-a-cent", RETAINER_USAGE_PER_MONTH, 1, 2000, 0, PRICE (2, 500000), 0, 5000000000, 1 },
  /* 4,999,999,999 -> 0.4999999999 cents */
  { "just-under-half", RETAINER_USAGE_PER_MONTH, 1, 1, 0, PRICE (4999, 999999), 0,
    4999999999, 0 },
  /* 5,000,000,001 -> 0.5000000001 cents */
  { "just-over-half", RETAINER_USAGE_PER_MONTH, 1, 0, 1, 0, PRICE (5000, 1), 5000000001, 1 },
  /* Q = 370,350; cost 987 x 150,000 + 123 x 600,000 = 221,850,000;
   * 82,162,147,500,000 / 10^10 = 8,216.21475 cents */
  { "ordinary", RETAINER_USAGE_PER_DAY, 12345, 987, 123, PRICE (0, 150000), PRICE (0, 600000),
    221850000, 8216 },
  /* Q = 3 x 10^10 at $1 a request: a product past 2^64, exact. */
  { "past-64-bits", RETAINER_USAGE_PER_DAY, 1000000000, 10000000, 0, PRICE (0, 100000), 0,
    G_GINT64_CONSTANT (1000000000000), G_GINT64_CONSTANT (3000000000000) },
  /* The largest request cost there is, once a month: $200,000. */
  { "dearest-request", RETAINER_USAGE_PER_MONTH, 1, 10000000, 10000000, PRICE (10000, 0),
    PRICE (10000, 0), G_GINT64_CONSTANT (200000000000000000), USD (200000) },
};

static void
test_rounding (gconstpointer data)
{
  const RoundingCase *c = data;
  g_autoptr (RetainerSpendBasis) basis = retainer_spend_basis_new ();
  g_autoptr (GError) error = NULL;
  RetainerSpendEstimate estimate;

  basis->period = c->period;
  basis->requests = c->requests;
  basis->input_tokens = c->input_tokens;
  basis->output_tokens = c->output_tokens;
  basis->provider = g_strdup ("Example");
  basis->model = g_strdup ("Model");
  basis->input_price = c->input_price;
  basis->output_price = c->output_price;
  basis->prices_read = g_strdup ("2026-11-30");

  g_assert_true (retainer_spend_estimate_compute (basis, &estimate, &error));
  g_assert_no_error (error);
  g_assert_cmpint (estimate.request_cost, ==, c->request_cost);
  g_assert_cmpint (estimate.monthly_spend_usd, ==, c->cents);
  g_assert_cmpint (estimate.monthly_spend, ==, c->cents);
}

typedef struct
{
  const char *rate_text;
  gint64      usd_cents;      /* reached with Q requests a month at one cent each */
  gint64      expected;       /* minor units of the proposal's currency */
} RateCase;

static const RateCase rate_cases[] = {
  { "0.92", USD (7200), 662400 },      /* $7,200 x 0.92 = €6,624.00 */
  { "1,000.5", 100, 100050 },          /* grouped by three, as English writes it */
  { " 1.0837 ", USD (7200), 780264 },  /* exact: 720,000 x 1.0837 */
  { "0.5", 12345, 6173 },              /* 6,172.5 cents: the half goes away from zero */
  { "0.000001", 12345, 0 },            /* 0.012345 cents */
  { "1000000", 100, 100000000 },       /* the dearest rate there is: $1 is 1,000,000.00 */
};

static void
test_exchange_rate (gconstpointer data)
{
  const RateCase *c = data;
  g_autoptr (RetainerSpendBasis) basis = retainer_spend_basis_new ();
  g_autoptr (GError) error = NULL;
  RetainerSpendEstimate estimate;

  /* One cent a request: one input token at $10,000 a million. */
  basis->period = RETAINER_USAGE_PER_MONTH;
  basis->requests = c->usd_cents;
  basis->input_tokens = 1;
  basis->provider = g_strdup ("Example");
  basis->model = g_strdup ("Model");
  basis->input_price = RETAINER_PRICE_MAX;
  basis->prices_read = g_strdup ("2026-11-30");

  g_assert_true (retainer_spend_basis_set_currency (basis, "EUR", c->rate_text, &error));
  g_assert_no_error (error);
  g_assert_true (retainer_spend_estimate_compute (basis, &estimate, &error));
  g_assert_no_error (error);
  g_assert_cmpint (estimate.monthly_spend_usd, ==, c->usd_cents);
  g_assert_cmpint (estimate.monthly_spend, ==, c->expected);
}

static void
test_exchange_rate_sentence (void)
{
  g_autoptr (RetainerPriceTable) table = load_example ();
  g_autoptr (RetainerSpendBasis) basis = basis_for (table, "OpenAI", "GPT-4o",
                                                    RETAINER_USAGE_PER_DAY, 40000, 1200, 300);
  g_autoptr (GError) error = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *spend = NULL;
  RetainerSpendEstimate estimate;

  g_assert_true (retainer_spend_basis_set_currency (basis, "EUR", "0.92", &error));
  g_assert_true (retainer_spend_estimate_compute (basis, &estimate, &error));
  spend = retainer_money_format (estimate.monthly_spend, "EUR", RETAINER_MONEY_FORMAT_CENTS);
  g_assert_cmpstr (spend, ==, "€6,624.00");
  sentence = retainer_spend_basis_describe (basis);
  g_assert_cmpstr (sentence, ==,
                   "Estimated from 40,000 requests a day of 1,200 input and 300 output tokens on "
                   "GPT-4o at $2.50 / $10.00 per million tokens (prices of November 2, 2026), "
                   "converted at 0.92 EUR per US dollar.");

  /* Back to dollars: the rate no longer applies. */
  g_assert_true (retainer_spend_basis_set_currency (basis, "USD", "0.92", &error));
  g_assert_cmpint (basis->exchange_rate, ==, RETAINER_DECIMAL_SCALE);
  g_assert_true (retainer_spend_estimate_compute (basis, &estimate, &error));
  g_assert_cmpint (estimate.monthly_spend, ==, USD (7200));
}

typedef struct
{
  const char *currency;
  const char *rate_text;
  int         code;
  const char *named;   /* what the message must say */
} BadRateCase;

static const BadRateCase bad_rates[] = {
  { "EUR", NULL, RETAINER_SPEND_ESTIMATE_ERROR_NO_EXCHANGE_RATE, "EUR" },
  { "EUR", "  ", RETAINER_SPEND_ESTIMATE_ERROR_NO_EXCHANGE_RATE, "EUR" },
  { "EUR", "0", RETAINER_SPEND_ESTIMATE_ERROR_INVALID, "Exchange rate" },
  { "EUR", "-0.92", RETAINER_SPEND_ESTIMATE_ERROR_INVALID, "Exchange rate" },
  { "EUR", "0.9212345", RETAINER_SPEND_ESTIMATE_ERROR_INVALID, "Exchange rate" },
  { "EUR", "0,92", RETAINER_SPEND_ESTIMATE_ERROR_INVALID, "could be read two ways" },
  { "EUR", "1,00.5", RETAINER_SPEND_ESTIMATE_ERROR_INVALID, "Exchange rate" },
  { "EUR", "9.2e-1", RETAINER_SPEND_ESTIMATE_ERROR_INVALID, "Exchange rate" },
  { "EUR", "1000000.000001", RETAINER_SPEND_ESTIMATE_ERROR_INVALID, "Exchange rate" },
  { "XYZ", "1", RETAINER_SPEND_ESTIMATE_ERROR_INVALID, "Currency" },
};

static void
test_bad_rate (gconstpointer data)
{
  const BadRateCase *c = data;
  g_autoptr (RetainerSpendBasis) basis = retainer_spend_basis_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (retainer_spend_basis_set_currency (basis, c->currency, c->rate_text, &error));
  g_assert_error (error, RETAINER_SPEND_ESTIMATE_ERROR, c->code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, c->named));
  /* Nothing changed. */
  g_assert_cmpstr (basis->currency, ==, "USD");
  g_assert_cmpint (basis->exchange_rate, ==, RETAINER_DECIMAL_SCALE);
}

typedef struct
{
  const char         *name;
  RetainerUsagePeriod period;
  gint64              requests;
  gint64              input_tokens;
  gint64              output_tokens;
  gint64              price;
  int                 code;
  const char         *named;
} RefusedCase;

static const RefusedCase refused_cases[] = {
  { "no-requests", RETAINER_USAGE_PER_DAY, 0, 1200, 300, PRICE (2, 500000),
    RETAINER_SPEND_ESTIMATE_ERROR_INVALID, "Requests a day" },
  { "too-many-a-day", RETAINER_USAGE_PER_DAY, RETAINER_REQUESTS_PER_DAY_MAX + 1, 1200, 300,
    PRICE (2, 500000), RETAINER_SPEND_ESTIMATE_ERROR_INVALID, "1,000,000,000" },
  { "too-many-a-month", RETAINER_USAGE_PER_MONTH, RETAINER_REQUESTS_PER_MONTH_MAX + 1, 1, 1,
    PRICE (2, 500000), RETAINER_SPEND_ESTIMATE_ERROR_INVALID, "Requests a month" },
  { "negative-tokens", RETAINER_USAGE_PER_DAY, 100, -1, 300, PRICE (2, 500000),
    RETAINER_SPEND_ESTIMATE_ERROR_INVALID, "Input tokens" },
  { "too-many-tokens", RETAINER_USAGE_PER_DAY, 100, 1200, RETAINER_TOKENS_PER_REQUEST_MAX + 1,
    PRICE (2, 500000), RETAINER_SPEND_ESTIMATE_ERROR_INVALID, "Output tokens" },
  { "price-too-high", RETAINER_USAGE_PER_DAY, 100, 1200, 300, RETAINER_PRICE_MAX + 1,
    RETAINER_SPEND_ESTIMATE_ERROR_INVALID, "Input price" },
  /* Every figure at its top: $6 x 10^15 a month, past the largest amount. */
  { "spend-too-large", RETAINER_USAGE_PER_DAY, RETAINER_REQUESTS_PER_DAY_MAX,
    RETAINER_TOKENS_PER_REQUEST_MAX, RETAINER_TOKENS_PER_REQUEST_MAX, RETAINER_PRICE_MAX,
    RETAINER_SPEND_ESTIMATE_ERROR_TOO_LARGE, "check the requests and the tokens" },
};

static void
test_refused (gconstpointer data)
{
  const RefusedCase *c = data;
  g_autoptr (RetainerSpendBasis) basis = retainer_spend_basis_new ();
  g_autoptr (GError) error = NULL;
  RetainerSpendEstimate estimate = { -1, -1, -1, -1 };

  basis->period = c->period;
  basis->requests = c->requests;
  basis->input_tokens = c->input_tokens;
  basis->output_tokens = c->output_tokens;
  basis->provider = g_strdup ("Example");
  basis->model = g_strdup ("Model");
  basis->input_price = c->price;
  basis->output_price = MIN (c->price, RETAINER_PRICE_MAX);
  basis->prices_read = g_strdup ("2026-11-30");

  g_assert_false (retainer_spend_estimate_compute (basis, &estimate, &error));
  g_assert_error (error, RETAINER_SPEND_ESTIMATE_ERROR, c->code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, c->named));
  /* The estimate is left alone. */
  g_assert_cmpint (estimate.monthly_spend, ==, -1);
}

static void
test_no_model (void)
{
  g_autoptr (RetainerSpendBasis) basis = retainer_spend_basis_new ();
  g_autoptr (GError) error = NULL;
  RetainerSpendEstimate estimate;

  basis->requests = 10;
  g_assert_false (retainer_spend_estimate_compute (basis, &estimate, &error));
  g_assert_error (error, RETAINER_SPEND_ESTIMATE_ERROR, RETAINER_SPEND_ESTIMATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Model"));
}

typedef struct
{
  const char *text;
  gboolean    valid;
  gint64      millionths;
} DecimalCase;

/* Typed in English marks (the tests run in C.UTF-8): the marks in effect,
 * by retainer_parse_decimal()'s rules, with six decimals. */
static const DecimalCase decimal_cases[] = {
  { "2.50", TRUE, 2500000 },
  { "10", TRUE, 10000000 },
  { "0.075", TRUE, 75000 },
  { " 0.92 ", TRUE, 920000 },
  { "0.000001", TRUE, 1 },
  { "10000", TRUE, 10000000000 },
  { "10,000", TRUE, 10000000000 },
  { ".5", TRUE, 500000 },
  { "5.", TRUE, 5000000 },
  { "+1", TRUE, 1000000 },
  { "0,92", FALSE, 0 },           /* a comma groups thousands here: refused, not guessed */
  { "1,00", FALSE, 0 },
  { "0,150", FALSE, 0 },          /* a decimal with the other mark, not 150 */
  { "0,925", FALSE, 0 },
  { "1,150", TRUE, 1150000000 },
  { "10000.000001", FALSE, 0 },   /* above the dearest price */
  { "1.1234567", FALSE, 0 },      /* seven decimals */
  { "1e3", FALSE, 0 },
  { "-1", FALSE, 0 },
  { "", FALSE, 0 },
  { ".", FALSE, 0 },
  { "1.2.3", FALSE, 0 },
  { "1 000", FALSE, 0 },
  { "99999999999999999999999", FALSE, 0 },
};

static void
test_decimal_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (decimal_cases); i++)
    {
      const DecimalCase *c = &decimal_cases[i];
      g_autoptr (GError) error = NULL;
      gint64 value = -1;

      g_test_message ("“%s”", c->text);
      g_assert_cmpint (retainer_millionths_parse (c->text, RETAINER_PRICE_MAX, &value, &error), ==,
                       c->valid);
      if (c->valid)
        {
          g_autofree char *written = retainer_millionths_format (value, 2);
          gint64 back = -1;

          g_assert_no_error (error);
          g_assert_cmpint (value, ==, c->millionths);
          /* What is shown reads back to the same value. */
          g_assert_true (retainer_millionths_parse (written, RETAINER_PRICE_MAX, &back, NULL));
          g_assert_cmpint (back, ==, value);
        }
      else
        {
          /* Refused with a message, in the number parser's words. */
          g_assert_nonnull (error);
          g_assert_true (error->domain == RETAINER_NUMBER_ERROR);
          g_assert_cmpstr (error->message, !=, "");
          g_assert_cmpint (value, ==, -1);
        }
    }
}

/* Prices and exchange rates are read by the one parser of typed numbers:
 * in German "2,5" is two and a half, and "2.5" (where "." groups
 * thousands) is refused as it is for an amount, never read as 2.5 or 25. */
static void
test_decimal_parse_locale (void)
{
  g_autoptr (RetainerSpendBasis) basis = retainer_spend_basis_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) amount_error = NULL;
  g_autoptr (GError) rate_error = NULL;
  g_autofree char *price_text = NULL;
  gint64 price = -1;
  gint64 amount = -1;
  g_autoptr (GError) zero_error = NULL;
  g_autoptr (RetainerSpendBasis) zero_basis = retainer_spend_basis_new ();
  gboolean price_ok, amount_ok, rate_ok, comma_ok, grouped_ok, zero_rate_ok, zero_comma_ok;
  gint64 comma = -1, grouped = -1, zero_comma = -1;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("de_DE.UTF-8 is not installed");
      return;
    }

  price_ok = retainer_millionths_parse ("2.5", RETAINER_PRICE_MAX, &price, &error);
  amount_ok = retainer_parse_decimal ("2.5", NULL, 2, &amount, &amount_error);
  rate_ok = retainer_spend_basis_set_currency (basis, "EUR", "2.5", &rate_error);
  comma_ok = retainer_millionths_parse ("2,5", RETAINER_PRICE_MAX, &comma, NULL);
  grouped_ok = retainer_millionths_parse ("1.234,567891", RETAINER_PRICE_MAX, &grouped, NULL);
  price_text = retainer_millionths_format (1234567891, 2);
  /* "0.925" is no thousands figure in German: refused, never a rate of 925. */
  zero_rate_ok = retainer_spend_basis_set_currency (zero_basis, "EUR", "0.925", &zero_error);
  zero_comma_ok = retainer_millionths_parse ("0,925", RETAINER_PRICE_MAX, &zero_comma, NULL);
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_false (amount_ok);
  g_assert_error (amount_error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_AMBIGUOUS);
  g_assert_false (price_ok);
  g_assert_error (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_AMBIGUOUS);
  g_assert_cmpstr (error->message, ==, amount_error->message);
  g_assert_cmpint (price, ==, -1);
  g_assert_false (rate_ok);
  g_assert_error (rate_error, RETAINER_SPEND_ESTIMATE_ERROR, RETAINER_SPEND_ESTIMATE_ERROR_INVALID);
  g_assert_nonnull (strstr (rate_error->message, "Exchange rate"));
  g_assert_nonnull (strstr (rate_error->message, amount_error->message));
  g_assert_cmpint (basis->exchange_rate, ==, RETAINER_DECIMAL_SCALE);

  g_assert_true (comma_ok);
  g_assert_cmpint (comma, ==, 2500000);
  g_assert_true (grouped_ok);
  g_assert_cmpint (grouped, ==, 1234567891);
  g_assert_cmpstr (price_text, ==, "1.234,567891");
  g_assert_false (zero_rate_ok);
  g_assert_error (zero_error, RETAINER_SPEND_ESTIMATE_ERROR, RETAINER_SPEND_ESTIMATE_ERROR_INVALID);
  g_assert_nonnull (strstr (zero_error->message, "“0.925” could be read two ways"));
  g_assert_cmpint (zero_basis->exchange_rate, ==, RETAINER_DECIMAL_SCALE);
  g_assert_true (zero_comma_ok);
  g_assert_cmpint (zero_comma, ==, 925000);
}

static void
test_decimal_json (void)
{
  static const struct { double number; gboolean valid; gint64 millionths; const char *text; } cases[] = {
    { 2.5, TRUE, 2500000, "2.5" },
    { 10, TRUE, 10000000, "10" },
    { 0.0375, TRUE, 37500, "0.0375" },
    { 1234.567891, TRUE, 1234567891, "1234.567891" },
    { 0.000001, TRUE, 1, "0.000001" },
    { 0, TRUE, 0, "0" },
    { 0.0000001, FALSE, 0, NULL },       /* seven decimals */
    { 0.1 + 0.2, FALSE, 0, NULL },       /* 0.30000000000000004: not what anyone wrote */
    { -2.5, FALSE, 0, NULL },
    { 10000.5, FALSE, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 value = -1;

      g_assert_cmpint (retainer_decimal_from_json (cases[i].number, RETAINER_PRICE_MAX, &value), ==,
                       cases[i].valid);
      if (cases[i].valid)
        {
          g_autofree char *text = retainer_decimal_to_json (value);

          g_assert_cmpint (value, ==, cases[i].millionths);
          g_assert_cmpstr (text, ==, cases[i].text);
        }
    }
}

static void
test_price_format (void)
{
  static const struct { gint64 millionths; const char *text; } cases[] = {
    { 2500000, "$2.50" },
    { 10000000, "$10.00" },
    { 75000, "$0.075" },
    { 37500, "$0.0375" },
    { 1234567891, "$1,234.567891" },
    { 0, "$0.00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = retainer_price_format (cases[i].millionths);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_request_cost_format (void)
{
  static const struct { gint64 cost; const char *text; } cases[] = {
    { 6000000000, "$0.006" },                 /* the worked example */
    { 10000000000, "$0.01" },
    { G_GINT64_CONSTANT (1000000000000), "$1.00" },
    { 150000, "$0.00000015" },                /* one token at $0.15 a million */
    { 1, "$0.00" },                           /* below the eighth decimal */
    { 999999995000, "$1.00" },                /* 0.999999995 rounds up to a whole dollar */
    { 123456789, "$0.00012346" },             /* 0.000123456789, to eight decimals */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RetainerSpendEstimate estimate = { 0, cases[i].cost, 0, 0 };
      g_autofree char *text = retainer_spend_estimate_format_request_cost (&estimate);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_example_table (void)
{
  g_autoptr (RetainerPriceTable) table = load_example ();

  g_assert_false (table->builtin);
  g_assert_cmpstr (table->path, ==, fixture ("price-table-example.json"));
  g_assert_cmpstr (table->name, ==, "Worked example");
  g_assert_cmpstr (table->prices_read, ==, "2026-11-02");
  g_assert_cmpuint (table->n_models, ==, 3);
  g_assert_cmpint (table->models[1].input_price, ==, 75000);
  g_assert_cmpint (table->models[1].output_price, ==, 300000);
  /* A model read on another day keeps its own date; the others take the
   * table's. */
  g_assert_cmpstr (table->models[1].prices_read, ==, "2026-10-15");
  g_assert_cmpstr (table->models[0].prices_read, ==, "2026-11-02");
  g_assert_cmpint (table->models[2].input_price, ==, RETAINER_PRICE_MAX);
  g_assert_cmpint (table->models[2].output_price, ==, 1234567891);
  g_assert_cmpint (retainer_price_table_find_model (table, "Example", "Dear model"), ==, 2);
  g_assert_cmpint (retainer_price_table_find_model (table, "OpenAI", "GPT-5"), ==, -1);
}

typedef enum
{
  FIELD,    /* a field of the wrong type or out of range */
  INVALID,  /* fields that are fine alone but not together */
  FORMAT,   /* not a price table */
  SYNTAX,   /* not JSON */
} BadTableKind;

typedef struct
{
  const char  *file;
  BadTableKind kind;
  const char  *field;   /* named in the message, or NULL */
  guint        line;    /* the line the message gives, 0 for none */
} BadTableCase;

static void
test_bad_table (gconstpointer data)
{
  const BadTableCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerPriceTable) table = retainer_price_table_load (fixture (c->file), &error);

  g_assert_null (table);
  switch (c->kind)
    {
    case FIELD:
      g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_FIELD);
      break;
    case INVALID:
      g_assert_error (error, RETAINER_PRICE_TABLE_ERROR, RETAINER_PRICE_TABLE_ERROR_INVALID);
      break;
    case FORMAT:
      g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_FORMAT);
      break;
    case SYNTAX:
      g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_SYNTAX);
      break;
    }
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, c->file));
  if (c->field != NULL)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", c->field);

      g_assert_nonnull (strstr (error->message, quoted));
    }
  if (c->line > 0)
    {
      g_autofree char *where = g_strdup_printf ("%s, line %u:", c->file, c->line);

      g_assert_nonnull (strstr (error->message, where));
    }
  else
    {
      g_assert_null (strstr (error->message, ", line "));
    }
}

static const BadTableCase bad_tables[] = {
  { "price-table-bad-price-as-text.json", FIELD, "models[2].input_price", 26 },
  { "price-table-bad-negative-price.json", FIELD, "models[1].output_price", 19 },
  { "price-table-bad-too-many-decimals.json", FIELD, "models[1].input_price", 18 },
  { "price-table-bad-infinite-price.json", FIELD, "models[0].output_price", 12 },
  { "price-table-bad-absurd-price.json", FIELD, "models[2].input_price", 26 },
  { "price-table-bad-date.json", FIELD, "prices_read", 5 },
  { "price-table-bad-model-date.json", FIELD, "models[1].prices_read", 21 },
  { "price-table-bad-control-character.json", FIELD, "models[0].name", 10 },
  { "price-table-bad-model-not-object.json", FIELD, "models[1]", 15 },
  { "price-table-bad-missing-provider.json", FIELD, "models[2].provider", 0 },
  { "price-table-bad-source.json", INVALID, "models[1].source", 20 },
  { "price-table-bad-duplicate.json", INVALID, "models[2].name", 25 },
  { "price-table-bad-no-models.json", INVALID, "models", 7 },
  { "price-table-bad-blank-name.json", INVALID, "name", 4 },
  { "price-table-bad-other-format.json", FORMAT, "format", 0 },
  /* The parser stops on the line after the missing comma. */
  { "price-table-bad-syntax.json", SYNTAX, NULL, 13 },
};

/* A file from a newer Retainer is refused and left exactly as it was. */
static void
test_newer_version (void)
{
  const char *path = fixture ("price-table-bad-version-2.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerPriceTable) table = NULL;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  table = retainer_price_table_load (path, &error);
  g_assert_null (table);
  g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version of Retainer"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

static void
test_too_large (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "huge.json", NULL);
  g_autoptr (GString) text = g_string_new ("{\"format\": \"retainer-price-table\", \"note\": \"");
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerPriceTable) table = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
  while (text->len <= RETAINER_JSON_MAX_FILE_SIZE)
    g_string_append (text, "prices prices prices prices ");
  g_string_append (text, "\"}");
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));

  table = retainer_price_table_load (path, &error);
  g_assert_null (table);
  g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.json"));
}

static const struct
{
  const char *provider;
  const char *domain;
} provider_domains[] = {
  { "OpenAI", "openai.com" },
  { "Anthropic", "anthropic.com" },
  { "Google", "google.dev" },
  { "Mistral AI", "mistral.ai" },
  { "DeepSeek", "deepseek.com" },
};

static gboolean
page_belongs_to_provider (const char *provider,
                          const char *source)
{
  g_autoptr (GUri) uri = g_uri_parse (source, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (provider_domains); i++)
    {
      g_autofree char *dot_domain = g_strconcat (".", provider_domains[i].domain, NULL);

      if (strcmp (provider_domains[i].provider, provider) == 0)
        return strcmp (host, provider_domains[i].domain) == 0
               || g_str_has_suffix (host, dot_domain);
    }
  return FALSE;
}

/* Every built-in price comes from its provider's own page, https, with
 * the date it was read. */
static void
test_builtin (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerPriceTable) table = retainer_price_table_load_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  g_assert_true (table->builtin);
  g_assert_null (table->path);
  g_assert_true (retainer_iso_date_is_valid (table->prices_read));
  g_assert_nonnull (table->note);
  g_assert_cmpuint (table->n_models, >=, 2);

  for (guint i = 0; i < table->n_models; i++)
    {
      const RetainerModelPrice *model = &table->models[i];
      g_autoptr (RetainerSpendBasis) basis = retainer_spend_basis_new ();
      RetainerSpendEstimate estimate;

      g_test_message ("%s %s: %s", model->provider, model->name, model->source);
      g_assert_true (g_str_has_prefix (model->source, "https://"));
      g_assert_true (page_belongs_to_provider (model->provider, model->source));
      g_assert_true (retainer_iso_date_is_valid (model->prices_read));
      g_assert_cmpint (model->input_price, >, 0);
      g_assert_cmpint (model->output_price, >, 0);

      /* Each gives an estimate. */
      retainer_spend_basis_set_model (basis, table, i);
      basis->requests = 40000;
      basis->input_tokens = 1200;
      basis->output_tokens = 300;
      g_assert_true (retainer_spend_estimate_compute (basis, &estimate, &error));
      g_assert_no_error (error);
      g_assert_cmpint (estimate.monthly_spend, >, 0);
    }
}

static void
check_round_trip (const RetainerPriceTable *table)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "copy.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerPriceTable) loaded = NULL;
  g_autoptr (cJSON) a = NULL;
  g_autoptr (cJSON) b = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
  g_assert_true (retainer_price_table_save (table, path, &error));
  g_assert_no_error (error);
  loaded = retainer_price_table_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (retainer_price_table_equal (table, loaded));
  g_assert_false (loaded->builtin);
  g_assert_cmpstr (loaded->path, ==, path);
  for (guint i = 0; i < table->n_models; i++)
    {
      g_assert_cmpint (loaded->models[i].input_price, ==, table->models[i].input_price);
      g_assert_cmpint (loaded->models[i].output_price, ==, table->models[i].output_price);
    }
  a = retainer_price_table_to_json (table);
  b = retainer_price_table_to_json (loaded);
  g_assert_true (cJSON_Compare (a, b, TRUE));
}

static void
test_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerPriceTable) builtin = retainer_price_table_load_builtin (&error);
  g_autoptr (RetainerPriceTable) example = load_example ();
  g_autoptr (RetainerPriceTable) copy = NULL;

  g_assert_no_error (error);
  check_round_trip (builtin);
  check_round_trip (example);

  /* The founder's edit survives too. */
  copy = retainer_price_table_copy (example);
  g_assert_true (retainer_price_table_equal (copy, example));
  copy->models[0].input_price = 1;
  g_assert_false (retainer_price_table_equal (copy, example));
  check_round_trip (copy);
}

static void
test_save_invalid (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "invalid.json", NULL);
  g_autoptr (RetainerPriceTable) table = load_example ();
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
  g_free (table->models[1].source);
  table->models[1].source = g_strdup ("not a page");
  g_assert_false (retainer_price_table_save (table, path, &error));
  g_assert_error (error, RETAINER_PRICE_TABLE_ERROR, RETAINER_PRICE_TABLE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“models[1].source”"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_user_tables (void)
{
  g_autofree char *dir = retainer_price_table_user_dir ();
  g_autofree char *good = g_build_filename (dir, "a-mine.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "b-broken.json", NULL);
  g_autofree char *other = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr (RetainerPriceTable) table = load_example ();
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) tables = NULL;
  g_autoptr (GError) error = NULL;
  const RetainerPriceTable *mine;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_free (table->name);
  table->name = g_strdup ("My prices");
  g_assert_true (retainer_price_table_save (table, good, &error));
  g_assert_true (g_file_set_contents (bad, "{ \"format\": \"retainer-price-table\"", -1, NULL));
  g_assert_true (g_file_set_contents (other, "not a table", -1, NULL));

  tables = retainer_price_table_list_all (&problems);
  g_assert_cmpuint (tables->len, ==, 2);
  g_assert_true (((RetainerPriceTable *) tables->pdata[0])->builtin);
  mine = tables->pdata[1];
  g_assert_cmpstr (mine->name, ==, "My prices");
  g_assert_cmpstr (mine->path, ==, good);
  g_assert_false (mine->builtin);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "b-broken.json"));
}

/* The founder makes the built-in table their own, edits it and shares it. */
static void
test_edit_own (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "shared.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerPriceTable) builtin = retainer_price_table_load_builtin (&error);
  g_autoptr (RetainerPriceTable) mine = NULL;
  g_autoptr (RetainerPriceTable) shared = NULL;
  g_autoptr (RetainerPriceTable) fresh = retainer_price_table_new ("Fresh", "2026-11-30");
  guint n;

  g_assert_no_error (error);
  mine = retainer_price_table_copy_as_own (builtin, "Agency prices");
  g_assert_false (mine->builtin);
  g_assert_null (mine->path);
  n = mine->n_models;

  retainer_price_table_add_model (mine, "Example", "Own model", PRICE (0, 750000), PRICE (3, 0),
                                  "https://example.com/prices", NULL);
  retainer_price_table_add_model (mine, "Example", "Older model", PRICE (1, 0), PRICE (2, 0),
                                  "https://example.com/prices", "2026-01-31");
  retainer_price_table_remove_model (mine, 0);
  g_assert_cmpuint (mine->n_models, ==, n + 1);
  g_assert_cmpstr (mine->models[0].name, ==, builtin->models[1].name);
  g_assert_cmpstr (mine->models[n - 1].prices_read, ==, builtin->prices_read);
  g_assert_cmpstr (mine->models[n].prices_read, ==, "2026-01-31");

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
  g_assert_true (retainer_price_table_save (mine, path, &error));
  g_assert_no_error (error);
  shared = retainer_price_table_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (retainer_price_table_equal (mine, shared));
  g_assert_cmpstr (shared->name, ==, "Agency prices");
  g_assert_cmpint (shared->models[n - 1].input_price, ==, 750000);

  /* A table with no model yet is not saved. */
  g_assert_false (retainer_price_table_save (fresh, path, &error));
  g_assert_error (error, RETAINER_PRICE_TABLE_ERROR, RETAINER_PRICE_TABLE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“models”"));
}

/* Numbers, prices and the sentence follow the locale. */
static void
test_locale (void)
{
  g_autoptr (RetainerPriceTable) table = load_example ();
  g_autoptr (RetainerSpendBasis) basis = basis_for (table, "OpenAI", "GPT-4o",
                                                    RETAINER_USAGE_PER_DAY, 40000, 1200, 300);
  g_autofree char *price = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *plain = NULL;
  g_autoptr (GError) error = NULL;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("de_DE.UTF-8 is not installed");
      return;
    }

  price = retainer_price_format (75000);
  rate = retainer_millionths_format (920000, 2);
  g_assert_true (retainer_spend_basis_set_currency (basis, "EUR", "0,92", &error));
  sentence = retainer_spend_basis_describe (basis);
  setlocale (LC_ALL, "C.UTF-8");

  g_test_message ("%s | %s | %s", price, rate, sentence);
  g_assert_nonnull (strstr (price, "0,075"));
  g_assert_nonnull (strstr (price, "$"));
  g_assert_cmpstr (rate, ==, "0,92");
  g_assert_nonnull (strstr (sentence, "40.000"));
  g_assert_nonnull (strstr (sentence, "1.200"));
  g_assert_nonnull (strstr (sentence, "2,50"));
  g_assert_nonnull (strstr (sentence, "10,00"));
  g_assert_nonnull (strstr (sentence, "0,92 EUR"));
  /* The sub-cent digits stay with the number, whatever side the symbol is on. */
  plain = retainer_price_format (75000);
  g_assert_cmpstr (plain, ==, "$0.075");
}

static RetainerSpendBasis *
basis_round_trip (const RetainerSpendBasis *basis)
{
  g_autoptr (cJSON) object = retainer_spend_basis_to_json (basis);
  g_autofree char *text = cJSON_Print (object);
  g_autofree char *document = g_strdup_printf ("{\"spend_estimate\": %s}", text);
  RetainerJsonSource source = { "basis.retainer", document };
  g_autoptr (GError) error = NULL;
  g_autoptr (cJSON) root = retainer_json_parse (document, strlen (document), &source, &error);
  RetainerSpendBasis *loaded;

  g_assert_no_error (error);
  loaded = retainer_spend_basis_from_json (cJSON_GetObjectItem (root, "spend_estimate"), &source,
                                           "spend_estimate", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  return loaded;
}

static void
test_basis_json (void)
{
  g_autoptr (RetainerPriceTable) table = load_example ();
  g_autoptr (RetainerSpendBasis) per_day = basis_for (table, "OpenAI", "GPT-4o",
                                                      RETAINER_USAGE_PER_DAY, 40000, 1200, 300);
  g_autoptr (RetainerSpendBasis) per_month = basis_for (table, "Example", "Dear model",
                                                        RETAINER_USAGE_PER_MONTH,
                                                        RETAINER_REQUESTS_PER_MONTH_MAX / 1000,
                                                        7, 0);
  g_autoptr (RetainerSpendBasis) day_loaded = NULL;
  g_autoptr (RetainerSpendBasis) month_loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (cJSON) object = NULL;
  RetainerSpendEstimate before, after;

  g_assert_true (retainer_spend_basis_set_currency (per_month, "CHF", "0.801234", &error));
  g_assert_no_error (error);

  day_loaded = basis_round_trip (per_day);
  month_loaded = basis_round_trip (per_month);
  g_assert_true (retainer_spend_basis_equal (per_day, day_loaded));
  g_assert_true (retainer_spend_basis_equal (per_month, month_loaded));
  g_assert_false (retainer_spend_basis_equal (per_day, per_month));
  g_assert_cmpint (month_loaded->exchange_rate, ==, 801234);
  g_assert_cmpint (month_loaded->output_price, ==, 1234567891);

  /* And the same spend. */
  g_assert_true (retainer_spend_estimate_compute (per_month, &before, &error));
  g_assert_true (retainer_spend_estimate_compute (month_loaded, &after, &error));
  g_assert_cmpint (before.monthly_spend, ==, after.monthly_spend);

  /* The keys as documented: a day's requests, no rate in US dollars. */
  object = retainer_spend_basis_to_json (per_day);
  g_assert_nonnull (cJSON_GetObjectItem (object, "requests_per_day"));
  g_assert_null (cJSON_GetObjectItem (object, "requests_per_month"));
  g_assert_null (cJSON_GetObjectItem (object, "exchange_rate"));
  g_assert_cmpstr (cJSON_GetObjectItem (object, "prices_read")->valuestring, ==, "2026-11-02");
  g_assert_cmpstr (cJSON_GetObjectItem (object, "source")->valuestring, ==,
                   "https://openai.com/api/pricing/");
}

typedef struct
{
  const char *name;
  const char *members;   /* inside "spend_estimate": { ... } */
  const char *field;
} BadBasisCase;

#define BASIS_MODEL "\"provider\": \"OpenAI\", \"model\": \"GPT-4o\", \"input_price\": 2.5, " \
                    "\"output_price\": 10, \"prices_read\": \"2026-11-02\""

static const BadBasisCase bad_bases[] = {
  { "both-periods", "\"requests_per_day\": 1, \"requests_per_month\": 30, \"input_tokens\": 1, "
    "\"output_tokens\": 1, " BASIS_MODEL, "spend_estimate.requests_per_month" },
  { "no-requests", "\"input_tokens\": 1, \"output_tokens\": 1, " BASIS_MODEL,
    "spend_estimate.requests_per_day" },
  { "fractional-requests", "\"requests_per_day\": 1.5, \"input_tokens\": 1, "
    "\"output_tokens\": 1, " BASIS_MODEL, "spend_estimate.requests_per_day" },
  { "tokens-too-many", "\"requests_per_day\": 1, \"input_tokens\": 10000001, "
    "\"output_tokens\": 1, " BASIS_MODEL, "spend_estimate.input_tokens" },
  { "price-as-text", "\"requests_per_day\": 1, \"input_tokens\": 1, \"output_tokens\": 1, "
    "\"provider\": \"OpenAI\", \"model\": \"GPT-4o\", \"input_price\": \"2.5\", "
    "\"output_price\": 10, \"prices_read\": \"2026-11-02\"", "spend_estimate.input_price" },
  { "no-rate", "\"requests_per_day\": 1, \"input_tokens\": 1, \"output_tokens\": 1, "
    BASIS_MODEL ", \"currency\": \"EUR\"", "spend_estimate.exchange_rate" },
  { "zero-rate", "\"requests_per_day\": 1, \"input_tokens\": 1, \"output_tokens\": 1, "
    BASIS_MODEL ", \"currency\": \"EUR\", \"exchange_rate\": 0", "spend_estimate.exchange_rate" },
  { "dollar-rate", "\"requests_per_day\": 1, \"input_tokens\": 1, \"output_tokens\": 1, "
    BASIS_MODEL ", \"currency\": \"USD\", \"exchange_rate\": 0.92", "spend_estimate.exchange_rate" },
  { "currency", "\"requests_per_day\": 1, \"input_tokens\": 1, \"output_tokens\": 1, "
    BASIS_MODEL ", \"currency\": \"XYZ\"", "spend_estimate.currency" },
  { "date", "\"requests_per_day\": 1, \"input_tokens\": 1, \"output_tokens\": 1, "
    "\"provider\": \"OpenAI\", \"model\": \"GPT-4o\", \"input_price\": 2.5, "
    "\"output_price\": 10, \"prices_read\": \"yesterday\"", "spend_estimate.prices_read" },
  { "blank-model", "\"requests_per_day\": 1, \"input_tokens\": 1, \"output_tokens\": 1, "
    "\"provider\": \"OpenAI\", \"model\": \" \", \"input_price\": 2.5, "
    "\"output_price\": 10, \"prices_read\": \"2026-11-02\"", "spend_estimate.model" },
  { "too-large", "\"requests_per_day\": 1000000000, \"input_tokens\": 10000000, "
    "\"output_tokens\": 10000000, \"provider\": \"X\", \"model\": \"Y\", "
    "\"input_price\": 10000, \"output_price\": 10000, \"prices_read\": \"2026-11-02\"",
    "spend_estimate.requests_per_day" },
};

static void
test_bad_basis (gconstpointer data)
{
  const BadBasisCase *c = data;
  g_autofree char *document = g_strdup_printf ("{\n  \"spend_estimate\": {\n    %s\n  }\n}\n",
                                               c->members);
  RetainerJsonSource source = { "estimate.retainer", document };
  g_autoptr (GError) error = NULL;
  g_autoptr (cJSON) root = retainer_json_parse (document, strlen (document), &source, &error);
  g_autoptr (RetainerSpendBasis) basis = NULL;
  g_autofree char *quoted = g_strdup_printf ("“%s”", c->field);

  g_assert_no_error (error);
  basis = retainer_spend_basis_from_json (cJSON_GetObjectItem (root, "spend_estimate"), &source,
                                          "spend_estimate", &error);
  g_assert_null (basis);
  g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_FIELD);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "estimate.retainer"));
  g_assert_nonnull (strstr (error->message, quoted));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/price-table/estimate/worked-example", test_worked_example);
  g_test_add_func ("/core/price-table/estimate/per-month", test_per_month);
  for (guint i = 0; i < G_N_ELEMENTS (rounding_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/price-table/estimate/rounding/%s",
                                               rounding_cases[i].name);
      g_test_add_data_func (path, &rounding_cases[i], test_rounding);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rate_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/price-table/estimate/exchange-rate/%u", i);
      g_test_add_data_func (path, &rate_cases[i], test_exchange_rate);
    }
  g_test_add_func ("/core/price-table/estimate/exchange-rate/sentence",
                   test_exchange_rate_sentence);
  for (guint i = 0; i < G_N_ELEMENTS (bad_rates); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/price-table/estimate/bad-rate/%u", i);
      g_test_add_data_func (path, &bad_rates[i], test_bad_rate);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/price-table/estimate/refused/%s",
                                               refused_cases[i].name);
      g_test_add_data_func (path, &refused_cases[i], test_refused);
    }
  g_test_add_func ("/core/price-table/estimate/refused/no-model", test_no_model);
  g_test_add_func ("/core/price-table/decimal/parse", test_decimal_parse);
  g_test_add_func ("/core/price-table/decimal/parse-locale", test_decimal_parse_locale);
  g_test_add_func ("/core/price-table/decimal/json", test_decimal_json);
  g_test_add_func ("/core/price-table/decimal/price-format", test_price_format);
  g_test_add_func ("/core/price-table/decimal/request-cost", test_request_cost_format);
  g_test_add_func ("/core/price-table/file/example", test_example_table);
  for (guint i = 0; i < G_N_ELEMENTS (bad_tables); i++)
    {
      g_autofree char *name = g_strndup (bad_tables[i].file + strlen ("price-table-bad-"),
                                         strlen (bad_tables[i].file)
                                           - strlen ("price-table-bad-") - strlen (".json"));
      g_autofree char *path = g_strdup_printf ("/core/price-table/file/bad/%s", name);

      g_test_add_data_func (path, &bad_tables[i], test_bad_table);
    }
  g_test_add_func ("/core/price-table/file/bad/newer-version", test_newer_version);
  g_test_add_func ("/core/price-table/file/bad/too-large", test_too_large);
  g_test_add_func ("/core/price-table/file/builtin", test_builtin);
  g_test_add_func ("/core/price-table/file/round-trip", test_round_trip);
  g_test_add_func ("/core/price-table/file/save-invalid", test_save_invalid);
  g_test_add_func ("/core/price-table/file/user-tables", test_user_tables);
  g_test_add_func ("/core/price-table/file/edit-own", test_edit_own);
  g_test_add_func ("/core/price-table/locale", test_locale);
  g_test_add_func ("/core/price-table/basis/json", test_basis_json);
  for (guint i = 0; i < G_N_ELEMENTS (bad_bases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/price-table/basis/bad/%s", bad_bases[i].name);
      g_test_add_data_func (path, &bad_bases[i], test_bad_basis);
    }

  return g_test_run ();
}
