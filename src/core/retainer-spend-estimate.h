/* retainer-spend-estimate.h: the monthly API spend estimated from usage
 *
 * docs/calculation.md, "Estimating the spend from usage": with D requests
 * a day (or Q a month), T_in input and T_out output tokens a request and a
 * model's list prices P_in and P_out in US dollars per million tokens,
 *
 *   Q = 30 x D
 *   S = Q x (T_in x P_in + T_out x P_out) / 1,000,000
 *
 * rounded to the cent, then converted with the exchange rate the founder
 * typed when the proposal is not in US dollars. Every step is integer
 * arithmetic: prices are millionths of a dollar, a request's cost is
 * millionths of a millionth, and the only rounding is the core's.
 *
 * A proposal keeps the basis of its estimate as the object
 * "spend_estimate":
 *
 *   "spend_estimate": {
 *     "requests_per_day": 40000,
 *     "input_tokens": 1200,
 *     "output_tokens": 300,
 *     "provider": "OpenAI",
 *     "model": "GPT-4o",
 *     "input_price": 2.5,
 *     "output_price": 10,
 *     "prices_read": "2026-11-02",
 *     "source": "https://…",
 *     "currency": "EUR",
 *     "exchange_rate": 0.92
 *   }
 *
 *   requests_per_day    whole number from 1 to 1,000,000,000: the requests
 *                       the prospect makes a day; or instead
 *   requests_per_month  whole number from 1 to 30,000,000,000: a month
 *                       (exactly one of the two)
 *   input_tokens        average input tokens a request, 0 to 10,000,000
 *   output_tokens       average output tokens a request, 0 to 10,000,000
 *   provider            who sells the model, as the price table names it
 *   model               the model's name, as the price table names it
 *   input_price         US dollars per million input tokens, exact, at most
 *                       6 decimals, 0 to 10,000
 *   output_price        US dollars per million output tokens, likewise
 *   prices_read         YYYY-MM-DD: the date those prices were read
 *   source              optional: the public page the prices came from
 *   currency            the currency the estimated spend is written in,
 *                       one Retainer writes proposals in; "USD" if absent
 *   exchange_rate       units of that currency one US dollar buys, exact,
 *                       above 0, at most 6 decimals; required unless the
 *                       currency is USD, where it is 1 or absent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cjson/cJSON.h>

#include "retainer-json.h"
#include "retainer-price-table.h"

G_BEGIN_DECLS

#define RETAINER_SPEND_ESTIMATE_JSON_KEY "spend_estimate"

#define RETAINER_DAYS_PER_MONTH 30
#define RETAINER_REQUESTS_PER_DAY_MAX G_GINT64_CONSTANT (1000000000)
#define RETAINER_REQUESTS_PER_MONTH_MAX (RETAINER_DAYS_PER_MONTH * RETAINER_REQUESTS_PER_DAY_MAX)
#define RETAINER_TOKENS_PER_REQUEST_MAX G_GINT64_CONSTANT (10000000)
/* One US dollar buys at most a million units of a currency. */
#define RETAINER_EXCHANGE_RATE_MAX (G_GINT64_CONSTANT (1000000) * RETAINER_DECIMAL_SCALE)

typedef enum
{
  RETAINER_USAGE_PER_DAY,    /* the prospect counts requests a day: Q = 30 x D */
  RETAINER_USAGE_PER_MONTH,  /* ... or a month */
} RetainerUsagePeriod;

typedef struct
{
  RetainerUsagePeriod period;
  gint64              requests;       /* a day or a month, as the period says */
  gint64              input_tokens;   /* average a request */
  gint64              output_tokens;
  char               *provider;
  char               *model;
  gint64              input_price;    /* USD per million tokens, in millionths of a dollar */
  gint64              output_price;
  char               *prices_read;    /* YYYY-MM-DD */
  char               *source;         /* nullable */
  char               *currency;       /* the spend's currency; "USD" unless converted */
  gint64              exchange_rate;  /* units of currency per USD, in millionths; 1 for USD */
} RetainerSpendBasis;

typedef struct
{
  gint64 requests_per_month;  /* Q */
  gint64 request_cost;        /* USD a request, in millionths of a millionth of a dollar */
  gint64 monthly_spend_usd;   /* S, in US cents */
  gint64 monthly_spend;       /* S in the basis's currency, in its minor units */
} RetainerSpendEstimate;

#define RETAINER_SPEND_ESTIMATE_ERROR (retainer_spend_estimate_error_quark ())

typedef enum
{
  RETAINER_SPEND_ESTIMATE_ERROR_INVALID,          /* a figure out of its range */
  RETAINER_SPEND_ESTIMATE_ERROR_NO_EXCHANGE_RATE, /* not in USD and no rate typed */
  RETAINER_SPEND_ESTIMATE_ERROR_TOO_LARGE,        /* beyond the largest amount Retainer keeps */
} RetainerSpendEstimateError;

GQuark              retainer_spend_estimate_error_quark   (void);

RetainerSpendBasis *retainer_spend_basis_new              (void);
RetainerSpendBasis *retainer_spend_basis_copy             (const RetainerSpendBasis *basis);
void                retainer_spend_basis_free             (RetainerSpendBasis       *basis);
gboolean            retainer_spend_basis_equal            (const RetainerSpendBasis *a,
                                                           const RetainerSpendBasis *b);
void                retainer_spend_basis_set_model        (RetainerSpendBasis       *basis,
                                                           const RetainerPriceTable *table,
                                                           guint                     index);
gboolean            retainer_spend_basis_set_currency     (RetainerSpendBasis       *basis,
                                                           const char               *currency,
                                                           const char               *exchange_rate_text,
                                                           GError                  **error);

gboolean            retainer_spend_estimate_compute       (const RetainerSpendBasis *basis,
                                                           RetainerSpendEstimate    *estimate,
                                                           GError                  **error);
char               *retainer_spend_estimate_format_request_cost (const RetainerSpendEstimate *estimate);
char               *retainer_spend_basis_describe         (const RetainerSpendBasis *basis);

cJSON              *retainer_spend_basis_to_json          (const RetainerSpendBasis *basis);
RetainerSpendBasis *retainer_spend_basis_from_json        (const cJSON              *object,
                                                           const RetainerJsonSource *source,
                                                           const char               *path,
                                                           GError                  **error);
gboolean            retainer_spend_basis_validate         (const RetainerSpendBasis *basis,
                                                           const RetainerJsonSource *source,
                                                           const char               *path,
                                                           GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerSpendBasis, retainer_spend_basis_free)

G_END_DECLS
