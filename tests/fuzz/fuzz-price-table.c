/* fuzz-price-table.c: a price table edited by hand or shared by a
 * colleague, and the basis of an estimate a proposal keeps
 *
 * A price table is read exactly as retainer_price_table_load() reads it;
 * one that loads is saved and read again to the same table, and each of
 * its models prices a traffic taken from the input's last bytes. An input
 * holding a "spend_estimate" object is read as a proposal's basis, which
 * must then estimate, describe itself and save to the same basis.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "retainer-price-table.h"
#include "retainer-spend-estimate.h"

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

/* Estimates, describes and formats; the basis's estimate must be in range
 * when it succeeds and say why when it does not. */
static void
exercise_basis (const RetainerSpendBasis *basis)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sentence = retainer_spend_basis_describe (basis);
  RetainerSpendEstimate estimate;

  g_assert_true (g_utf8_validate (sentence, -1, NULL));
  if (!retainer_spend_estimate_compute (basis, &estimate, &error))
    {
      retainer_fuzz_check_error (error);
      return;
    }

  g_assert_cmpint (estimate.monthly_spend, >=, 0);
  g_assert_cmpint (estimate.monthly_spend, <=, RETAINER_MONEY_MAX);
  g_assert_cmpint (estimate.monthly_spend_usd, <=, RETAINER_MONEY_MAX);
  g_assert_cmpint (estimate.requests_per_month, >=, basis->requests);
  {
    g_autofree char *cost = retainer_spend_estimate_format_request_cost (&estimate);

    g_assert_true (g_utf8_validate (cost, -1, NULL));
  }
  retainer_fuzz_format_amount (estimate.monthly_spend, basis->currency);
}

static void
price_with_table (const RetainerPriceTable *table,
                  const uint8_t            *data,
                  size_t                    size)
{
  static const gint64 requests[] = {
    1, 40000, 1200000, RETAINER_REQUESTS_PER_DAY_MAX,
  };
  static const gint64 tokens[] = {
    0, 1, 300, 1200, RETAINER_TOKENS_PER_REQUEST_MAX,
  };
  /* Typed in C.UTF-8, whose marks are English: "1,000" groups by three. */
  static const char *const rates[] = { "0.92", "1", "0.5", "1,000", "1000000", "0.000001" };
  static const char *const currencies[] = { "USD", "EUR", "CHF", "INR" };

  for (guint i = 0; i < table->n_models && i < 8; i++)
    {
      g_autoptr (RetainerSpendBasis) basis = retainer_spend_basis_new ();
      g_autoptr (RetainerSpendBasis) reloaded = NULL;
      g_autoptr (cJSON) saved = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *text = NULL;
      guint bits = take_byte (data, size, i) | take_byte (data, size, i + 8) << 8;

      retainer_spend_basis_set_model (basis, table, i);
      basis->period = bits & 1 ? RETAINER_USAGE_PER_MONTH : RETAINER_USAGE_PER_DAY;
      basis->requests = requests[(bits >> 1) % G_N_ELEMENTS (requests)];
      basis->input_tokens = tokens[(bits >> 3) % G_N_ELEMENTS (tokens)];
      basis->output_tokens = tokens[(bits >> 6) % G_N_ELEMENTS (tokens)];
      if (!retainer_spend_basis_set_currency (basis,
                                              currencies[(bits >> 9) % G_N_ELEMENTS (currencies)],
                                              rates[(bits >> 11) % G_N_ELEMENTS (rates)], &error))
        g_error ("a typed rate from the list was refused: %s", error->message);
      exercise_basis (basis);

      /* What a proposal saves reads back as the same basis, when the
       * estimate is one Retainer keeps. */
      saved = retainer_spend_basis_to_json (basis);
      text = cJSON_Print (saved);
      g_assert_nonnull (text);
      {
        RetainerSpendEstimate estimate;
        gboolean keeps = retainer_spend_estimate_compute (basis, &estimate, NULL);
        g_autoptr (cJSON) parsed = cJSON_Parse (text);

        reloaded = retainer_spend_basis_from_json (parsed, NULL, "spend_estimate", &error);
        if (keeps && reloaded == NULL)
          g_error ("a basis did not load again after saving: %s\n%s", error->message, text);
        if (reloaded != NULL)
          g_assert_true (retainer_spend_basis_equal (basis, reloaded));
        else
          retainer_fuzz_check_error (error);
      }
    }
}

static void
read_basis (const cJSON              *object,
            const RetainerJsonSource *source)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerSpendBasis) basis = retainer_spend_basis_from_json (object, source,
                                                                         "spend_estimate", &error);
  g_autoptr (RetainerSpendBasis) reloaded = NULL;
  g_autoptr (cJSON) saved = NULL;
  g_autoptr (cJSON) parsed = NULL;
  g_autofree char *text = NULL;
  RetainerSpendEstimate estimate;

  if (basis == NULL)
    {
      retainer_fuzz_check_error (error);
      return;
    }

  /* A basis that loads gives an estimate. */
  g_assert_true (retainer_spend_estimate_compute (basis, &estimate, NULL));
  exercise_basis (basis);

  saved = retainer_spend_basis_to_json (basis);
  text = cJSON_Print (saved);
  g_assert_nonnull (text);
  parsed = cJSON_Parse (text);
  reloaded = retainer_spend_basis_from_json (parsed, NULL, "spend_estimate", &error);
  if (reloaded == NULL)
    g_error ("a loaded basis did not load again after saving: %s\n%s", error->message, text);
  g_assert_true (retainer_spend_basis_equal (basis, reloaded));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  RetainerJsonSource source = { "fuzz.json", NULL };
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (cJSON) root = NULL;
  g_autoptr (RetainerPriceTable) table = NULL;
  g_autoptr (RetainerPriceTable) reloaded = NULL;
  g_autoptr (GError) error = NULL;
  const cJSON *basis;

  /* The source text is what messages take line numbers from; it is the
   * whole input, even past an embedded NUL that the parser refuses. */
  source.text = text;
  root = retainer_json_parse ((const char *) data, size, &source, &error);
  if (root == NULL)
    {
      retainer_fuzz_check_error (error);
      return 0;
    }

  basis = cJSON_GetObjectItemCaseSensitive (root, RETAINER_SPEND_ESTIMATE_JSON_KEY);
  if (basis != NULL)
    read_basis (basis, &source);

  if (!retainer_json_check_format (root, RETAINER_PRICE_TABLE_FORMAT,
                                   RETAINER_PRICE_TABLE_VERSION, &source, &error))
    {
      retainer_fuzz_check_error (error);
      return 0;
    }

  table = retainer_price_table_from_json (root, &source, &error);
  if (table == NULL)
    {
      retainer_fuzz_check_error (error);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (table->n_models, >, 0);
  g_assert_true (retainer_price_table_validate (table, NULL, NULL));

  /* Saved and loaded again, it is the same table. */
  {
    g_autoptr (cJSON) saved = retainer_price_table_to_json (table);
    g_autofree char *saved_text = cJSON_Print (saved);

    g_assert_nonnull (saved_text);
    reloaded = retainer_price_table_load_data (saved_text, strlen (saved_text), "saved.json",
                                               &error);
    if (reloaded == NULL)
      g_error ("a loaded price table did not load again after saving: %s\n%s", error->message,
               saved_text);
    g_assert_true (retainer_price_table_equal (table, reloaded));
  }

  price_with_table (table, data, size);
  return 0;
}
