/* test-client.c: accepted proposals, the months recorded, the value report,
 * the quarterly review with its expansion offer, the clients folder and
 * the CSV import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "retainer-client-report.h"
#include "retainer-client.h"
#include "retainer-money.h"
#include "retainer-months-csv.h"

#define USD(major) ((gint64) (major) * 100)
#define NBSP "\u00a0"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
fixture_text (const char *name)
{
  g_autofree char *path = fixture_path (name);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static RetainerClient *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr (GError) error = NULL;
  RetainerClient *client = retainer_client_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (client);
  return client;
}

static char *
client_json_text (const RetainerClient *client)
{
  g_autoptr (cJSON) json = retainer_client_to_json (client);

  return cJSON_PrintUnformatted (json);
}

static char *
data_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static char *
money (gint64 amount)
{
  return retainer_money_format (amount, "USD", RETAINER_MONEY_FORMAT_DEFAULT);
}

/* --- the client file ---------------------------------------------------- */

static void
test_load_worked_example (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  static const gint64 expected_e[] = { 3900, 4000, 4100, 4200, 4200, 4200, 4200 };
  const RetainerClientMonth *march, *december;
  const RetainerMetric *metric;

  g_assert_cmpstr (client->proposal->company, ==, "Brightside Outfitters");
  g_assert_cmpstr (client->accepted_date, ==, "2025-09-02");
  g_assert_cmpuint (client->accepted_revision, ==, 1);
  g_assert_cmpstr (client->go_live_month, ==, "2025-09");
  g_assert_cmpint (retainer_client_go_live_offset (client), ==, 0);
  g_assert_cmpuint (client->months->len, ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      const RetainerClientMonth *record = g_ptr_array_index (client->months, i);

      g_assert_cmpint (record->api_cost_equivalent, ==, USD (expected_e[i]));
      g_assert_cmpint (record->retainer_billed, ==, USD (2000));
      g_assert_cmpuint (record->metrics->len, ==, 5);
    }

  /* No "promised" in the file: computed from the accepted proposal. */
  g_assert_cmpstr (client->promise.tier_id, ==, "essentials");
  g_assert_cmpint (retainer_client_setup_fee (client), ==, USD (6000));
  g_assert_cmpint (retainer_client_monthly_retainer (client), ==, USD (2000));
  g_assert_cmpuint (client->promise.net->len, ==, 13);
  g_assert_cmpint (g_array_index (client->promise.net, gint64, 0), ==, -USD (6000));
  g_assert_cmpint (g_array_index (client->promise.net, gint64, 3), ==, USD (600));
  g_assert_cmpint (g_array_index (client->promise.net, gint64, 12), ==, USD (20400));
  g_assert_cmpstr (retainer_client_tier (client)->id, ==, "essentials");

  march = g_ptr_array_index (client->months, 6);
  g_assert_true (march->retrained);
  g_assert_cmpuint (march->new_examples, ==, 1240);
  g_assert_cmpfloat (march->training_hours, ==, 3.5);
  g_assert_cmpstr (march->hardware, ==, "1 x NVIDIA A100 80 GB");
  g_assert_true (march->has_actual_platform);
  g_assert_cmpint (march->actual_platform, ==, 1450);
  g_assert_true (march->has_actual_staff_hours);
  g_assert_cmpfloat (march->actual_staff_hours, ==, 1.5);
  g_assert_true (march->has_actual_compute);
  g_assert_cmpint (march->actual_compute, ==, USD (90));
  metric = retainer_client_month_find_metric (march, "Hallucination rate");
  g_assert_nonnull (metric);
  g_assert_cmpstr (metric->unit, ==, "%");
  g_assert_cmpint (metric->direction, ==, RETAINER_METRIC_LOWER_IS_BETTER);
  g_assert_cmpfloat (metric->value, ==, 2.1);
  g_assert_true (retainer_metric_is_percent (metric));

  december = g_ptr_array_index (client->months, 3);
  g_assert_true (december->retrained);
  g_assert_false (((RetainerClientMonth *) g_ptr_array_index (client->months, 4))->retrained);
}

static RetainerProposal *
worked_proposal (void)
{
  g_autofree char *path = fixture_path ("client-worked-example.retainer");
  g_autoptr (GError) error = NULL;
  RetainerProposal *proposal = retainer_proposal_load (path, &error);

  g_assert_no_error (error);
  g_free (proposal->tier_id);
  proposal->tier_id = NULL;
  proposal->has_setup_fee = FALSE;
  return proposal;
}

static void
test_accept (void)
{
  g_autoptr (RetainerProposal) proposal = worked_proposal ();
  g_autoptr (RetainerResult) result = retainer_recommend (proposal);
  g_autoptr (RetainerClient) client = NULL;
  g_autoptr (GError) error = NULL;

  client = retainer_client_accept (proposal, "2025-09-02", 3, "2025-10", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (client->accepted_revision, ==, 3);
  g_assert_cmpint (retainer_client_go_live_offset (client), ==, 1);
  g_assert_cmpuint (client->months->len, ==, 0);
  /* The promise is the core's recommendation and projection. */
  g_assert_cmpstr (client->promise.tier_id, ==, "essentials");
  g_assert_cmpint (client->promise.setup_fee, ==, result->setup_fee);
  g_assert_cmpint (client->promise.monthly_retainer, ==, result->monthly_retainer);
  g_assert_cmpuint (client->promise.net->len, ==, result->months->len);
  for (guint m = 0; m < result->months->len; m++)
    g_assert_cmpint (g_array_index (client->promise.net, gint64, m), ==,
                     g_array_index (result->months, RetainerMonth, m).net);
  /* Frozen: the tier and the fee no longer follow the recommendation. */
  g_assert_cmpstr (client->proposal->tier_id, ==, "essentials");
  g_assert_true (client->proposal->has_setup_fee);
  g_assert_cmpint (client->proposal->setup_fee, ==, USD (6000));
  g_assert_true (retainer_client_validate (client, NULL, NULL));
}

typedef struct
{
  const char *name;
  const char *date;
  guint       revision;
  const char *go_live;
  const char *message;
} BadAcceptance;

static const BadAcceptance bad_acceptances[] = {
  { "no-such-day", "2025-02-30", 1, "2025-03", "Acceptance date" },
  { "date-format", "2025-9-2", 1, "2025-09", "Acceptance date" },
  { "revision-0", "2025-09-02", 0, "2025-09", "Accepted revision" },
  { "revision-absurd", "2025-09-02", 100000, "2025-09", "Accepted revision" },
  { "month-format", "2025-09-02", 1, "2025-9", "Go-live month" },
  { "month-13", "2025-09-02", 1, "2025-13", "Go-live month" },
  { "before-acceptance", "2025-09-02", 1, "2025-08", "the month of the acceptance or a later" },
};

static void
test_accept_refuses (gconstpointer data)
{
  const BadAcceptance *c = data;
  g_autoptr (RetainerProposal) proposal = worked_proposal ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerClient) client = retainer_client_accept (proposal, c->date, c->revision,
                                                              c->go_live, &error);

  g_assert_null (client);
  g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, c->message));
}

static void
test_round_trip (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  g_autoptr (RetainerClient) loaded = NULL;
  g_autofree char *path = data_path ("round-trip.retainer");
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (cJSON) root = NULL;
  const cJSON *promised;

  g_assert_true (retainer_client_save (client, path, &error));
  g_assert_no_error (error);
  loaded = retainer_client_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (retainer_client_equal (client, loaded));

  /* The file is a proposal file: the proposal loader still reads it. */
  {
    g_autoptr (RetainerProposal) proposal = retainer_proposal_load (path, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (proposal->company, ==, "Brightside Outfitters");
  }

  /* Saved with the promise written out, frozen from then on. */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  root = cJSON_Parse (text);
  g_assert_true (retainer_client_json_is_client (root));
  promised = cJSON_GetObjectItem (cJSON_GetObjectItem (root, "client"), "promised");
  g_assert_nonnull (promised);
  g_assert_cmpfloat (cJSON_GetObjectItem (promised, "setup_fee")->valuedouble, ==, 6000);
  g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItem (promised, "net")), ==, 13);
}

/* Figures promised at acceptance are kept as stored, even when the
 * proposal would compute others today. */
static void
test_frozen_promise (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-frozen-promise.retainer");
  g_autoptr (RetainerResult) today = retainer_recommend (client->proposal);
  g_autoptr (RetainerValueReport) report = NULL;
  g_autoptr (GError) error = NULL;

  const RetainerClientMonth *september = g_ptr_array_index (client->months, 0);

  RetainerSpendEstimate estimate;

  /* September's cost was estimated from usage, and the basis is kept:
   * 650,000 requests at $0.006 are the $3,900 recorded. */
  g_assert_nonnull (september->estimate);
  g_assert_cmpstr (september->estimate->model, ==, "GPT-4o");
  g_assert_cmpstr (september->estimate->prices_read, ==, "2025-08-01");
  g_assert_true (retainer_spend_estimate_compute (september->estimate, &estimate, &error));
  g_assert_cmpint (estimate.monthly_spend, ==, september->api_cost_equivalent);

  g_assert_cmpint (today->setup_fee, ==, USD (6000));
  g_assert_cmpint (retainer_client_setup_fee (client), ==, USD (5000));
  report = retainer_value_report_new (client, "2025-11", &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->setup_fee, ==, USD (5000));
  g_assert_cmpint (report->cumulative_saving, ==, USD (6000));
  g_assert_cmpint (report->actual_net, ==, USD (1000));
  g_assert_cmpint (report->promised_net, ==, USD (1600));
}

static void
test_not_a_client (void)
{
  g_autofree char *path = fixture_path ("good-worked-example-1.retainer");
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerClient) client = retainer_client_load (path, &error);

  g_assert_null (client);
  g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_NOT_A_CLIENT);
  g_assert_nonnull (strstr (error->message, "good-worked-example-1.retainer"));
  g_assert_nonnull (strstr (error->message, "not accepted"));
}

static void
test_next_month (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  g_autoptr (RetainerClient) fresh = load_fixture ("client-no-months.retainer");
  const RetainerClientMonth *march = g_ptr_array_index (client->months, 6);
  RetainerClientMonth *april = retainer_client_add_next_month (client);
  RetainerClientMonth *first;

  g_assert_cmpstr (april->month, ==, "2026-04");
  g_assert_cmpint (april->api_cost_equivalent, ==, 0);
  g_assert_cmpint (april->retainer_billed, ==, USD (2000));
  g_assert_false (april->retrained);
  g_assert_cmpuint (april->metrics->len, ==, march->metrics->len);
  for (guint i = 0; i < march->metrics->len; i++)
    {
      const RetainerMetric *before = g_ptr_array_index (march->metrics, i);
      const RetainerMetric *now = g_ptr_array_index (april->metrics, i);

      g_assert_cmpstr (now->name, ==, before->name);
      g_assert_cmpstr (now->unit, ==, before->unit);
      g_assert_cmpint (now->direction, ==, before->direction);
      g_assert_false (now->has_value);
    }
  g_assert_true (retainer_client_validate (client, NULL, NULL));

  /* The first month is the go-live month, billed the accepted retainer. */
  first = retainer_client_add_next_month (fresh);
  g_assert_cmpstr (first->month, ==, "2026-02");
  g_assert_cmpint (first->retainer_billed, ==, retainer_client_monthly_retainer (fresh));
  g_assert_cmpuint (first->metrics->len, ==, 0);

  /* Across a new year. */
  g_assert_cmpstr (retainer_client_add_next_month (fresh)->month, ==, "2026-03");
  {
    g_autoptr (RetainerClient) december = load_fixture ("client-worked-example.retainer");

    g_ptr_array_set_size (december->months, 4);
    g_assert_cmpstr (retainer_client_add_next_month (december)->month, ==, "2026-01");
  }
}

/* A proposal's "spend_estimate", as the proposal file holds it: the worked
 * example of docs/calculation.md, "Estimating the spend from usage". */
static const char proposal_spend_estimate[] =
  "{\"requests_per_day\": 40000, \"input_tokens\": 1200, \"output_tokens\": 300, "
  "\"provider\": \"OpenAI\", \"model\": \"GPT-4o\", \"input_price\": 2.5, "
  "\"output_price\": 10, \"prices_read\": \"2026-11-02\", "
  "\"source\": \"https://openai.com/api/pricing/\"}";

/* A month's estimate is a proposal's spend estimate: the same object in
 * the file, read and computed by the same functions, so the same basis
 * gives the same cents: 40,000 requests a day of 1,200 + 300 tokens at
 * $2.50 / $10.00 a million cost $0.006 a request, $7,200 a month. */
static void
test_usage_estimate (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  g_autoptr (cJSON) proposal_object = cJSON_Parse (proposal_spend_estimate);
  g_autoptr (RetainerSpendBasis) proposal_basis = NULL;
  g_autoptr (RetainerClient) reloaded = NULL;
  g_autoptr (cJSON) written = NULL;
  g_autoptr (cJSON) proposal_written = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  RetainerClientMonth *month;
  const RetainerClientMonth *month_back;
  const cJSON *month_object;
  RetainerSpendEstimate from_proposal, from_month;

  proposal_basis = retainer_spend_basis_from_json (proposal_object, NULL, "spend_estimate",
                                                   &error);
  g_assert_no_error (error);
  g_assert_true (retainer_spend_estimate_compute (proposal_basis, &from_proposal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (from_proposal.requests_per_month, ==, 1200000);
  g_assert_cmpint (from_proposal.monthly_spend, ==, USD (7200));

  /* The month records the estimate's figure with its basis, and the file
   * keeps the proposal's very object under "estimate". */
  month = retainer_client_add_next_month (client);
  month->api_cost_equivalent = from_proposal.monthly_spend;
  month->estimate = retainer_spend_basis_copy (proposal_basis);
  written = retainer_client_to_json (client);
  month_object = cJSON_GetArrayItem (
    cJSON_GetObjectItem (cJSON_GetObjectItem (written, "client"), "months"),
    (int) client->months->len - 1);
  proposal_written = retainer_spend_basis_to_json (proposal_basis);
  g_assert_true (cJSON_Compare (cJSON_GetObjectItem (month_object, "estimate"), proposal_written,
                                TRUE));
  g_assert_null (cJSON_GetObjectItem (cJSON_GetObjectItem (month_object, "estimate"),
                                      "input_price_per_million"));

  text = cJSON_Print (written);
  reloaded = retainer_client_load_data (text, strlen (text), "client.retainer", &error);
  g_assert_no_error (error);
  month_back = g_ptr_array_index (reloaded->months, reloaded->months->len - 1);
  g_assert_nonnull (month_back->estimate);
  g_assert_true (retainer_spend_basis_equal (month_back->estimate, proposal_basis));
  g_assert_true (retainer_spend_estimate_compute (month_back->estimate, &from_month, &error));
  g_assert_no_error (error);
  g_assert_cmpint (from_month.monthly_spend, ==, from_proposal.monthly_spend);
  g_assert_cmpint (from_month.monthly_spend, ==, month_back->api_cost_equivalent);
}

/* A client in euros keeps its months' estimates in euros, converted at the
 * rate the founder typed: $7,200 at 0.92 is €6,624. */
static void
test_usage_estimate_currency (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  g_autoptr (cJSON) object = cJSON_Parse (proposal_spend_estimate);
  g_autoptr (GError) error = NULL;
  RetainerClientMonth *month = retainer_client_add_next_month (client);
  RetainerSpendEstimate estimate;

  month->estimate = retainer_spend_basis_from_json (object, NULL, "spend_estimate", &error);
  g_assert_no_error (error);
  g_assert_true (retainer_spend_basis_set_currency (month->estimate, "EUR", "0.92", &error));
  g_assert_no_error (error);
  g_assert_true (retainer_spend_estimate_compute (month->estimate, &estimate, &error));
  g_assert_cmpint (estimate.monthly_spend_usd, ==, USD (7200));
  g_assert_cmpint (estimate.monthly_spend, ==, 662400);

  /* The worked example's proposal is in US dollars: an estimate in euros
   * would explain another figure than E_k. */
  g_assert_false (retainer_client_validate (client, NULL, &error));
  g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, ".estimate.currency”"));
  g_assert_nonnull (strstr (error->message, "USD"));
  g_clear_error (&error);

  /* Out of range in memory: refused on saving by the estimate's own rules. */
  g_assert_true (retainer_spend_basis_set_currency (month->estimate, "USD", NULL, &error));
  month->estimate->requests = 0;
  g_assert_false (retainer_client_validate (client, NULL, &error));
  g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, ".estimate”"));
  g_assert_nonnull (strstr (error->message, "Requests a day"));
}

/* A months file that names a month's API cost equivalent again keeps its
 * estimate when the figure is the same, and drops it when the figure
 * changed: the basis no longer explains it. */
static void
test_usage_estimate_csv (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-frozen-promise.retainer");
  g_autoptr (GError) error = NULL;
  const char same[] = "month,api_cost_equivalent\n2025-09,3900\n";
  const char changed[] = "month,api_cost_equivalent\n2025-09,3950.25\n";
  const RetainerClientMonth *september;

  g_assert_true (retainer_client_import_months_csv (client, same, strlen (same), "same.csv", NULL,
                                                    NULL, &error));
  g_assert_no_error (error);
  september = g_ptr_array_index (client->months, 0);
  g_assert_nonnull (september->estimate);
  g_assert_cmpstr (september->estimate->model, ==, "GPT-4o");

  g_assert_true (retainer_client_import_months_csv (client, changed, strlen (changed),
                                                    "changed.csv", NULL, NULL, &error));
  g_assert_no_error (error);
  september = g_ptr_array_index (client->months, 0);
  g_assert_cmpint (september->api_cost_equivalent, ==, 395025);
  g_assert_null (september->estimate);
}

typedef struct
{
  const char *name;
  const char *fixture;  /* a file of tests/data; NULL: the worked example */
  const char *find;     /* NULL, or this text of the file ... */
  const char *replace;  /* ... replaced by this */
  gboolean    client_domain; /* RETAINER_CLIENT_ERROR, else RETAINER_JSON_ERROR */
  int         code;
  const char *expected[3];
} BadClient;

#define JSON_FIELD FALSE, RETAINER_JSON_ERROR_FIELD
#define CLIENT_INVALID TRUE, RETAINER_CLIENT_ERROR_INVALID

static const BadClient bad_clients[] = {
  { "malformed", "client-bad-malformed.retainer", NULL, NULL, FALSE, RETAINER_JSON_ERROR_SYNTAX,
    { "client-bad-malformed.retainer, line", "not valid JSON" } },
  { "infinite", "client-bad-infinite.retainer", NULL, NULL, JSON_FIELD,
    { "line 98", "“client.months[2].api_cost_equivalent”", "too large to store" } },
  { "absurd", "client-bad-absurd.retainer", NULL, NULL, JSON_FIELD,
    { "“client.months[4].api_cost_equivalent”", "expected a number from 0 to 1000000000000" } },
  { "unknown-direction", "client-bad-direction.retainer", NULL, NULL, JSON_FIELD,
    { "“client.months[0].metrics[3].direction”", "“higher-is-better”, “lower-is-better”" } },
  { "out-of-order", "client-bad-months-out-of-order.retainer", NULL, NULL, CLIENT_INVALID,
    { "“client.months[2].month”", "expected 2025-11", "without gaps or repeats" } },
  { "repeated", "client-bad-month-repeated.retainer", NULL, NULL, CLIENT_INVALID,
    { "“client.months[3].month”", "expected 2025-12" } },
  { "before-go-live", "client-bad-before-go-live.retainer", NULL, NULL, CLIENT_INVALID,
    { "line 23", "“client.months[0].month”", "before the go-live month" } },
  { "percent-over-100", NULL, "\"value\": 94.1", "\"value\": 194.1", JSON_FIELD,
    { "“client.months[6].metrics[0].value”", "from 0 to 100" } },
  { "metric-value-text", NULL, "\"value\": 94.1", "\"value\": \"94.1\"", JSON_FIELD,
    { "“client.months[6].metrics[0].value”", "expected a number" } },
  { "duplicate-metric", NULL, "\"Refund queries\"", "\"Overall accuracy\"", CLIENT_INVALID,
    { "“client.months[0].metrics[1].name”", "no other metric" } },
  { "empty-metric-name", NULL, "\"Refund queries\"", "\"  \"", CLIENT_INVALID,
    { "“client.months[0].metrics[1].name”", "1 to 100 characters" } },
  { "no-such-day", NULL, "\"2025-09-02\"", "\"2025-02-30\"", CLIENT_INVALID,
    { "“client.accepted_date”", "a date like" } },
  { "go-live-format", NULL, "\"go_live_month\": \"2025-09\"", "\"go_live_month\": \"Sept\"",
    CLIENT_INVALID, { "“client.go_live_month”", "a month like 2026-03" } },
  { "revision-fraction", NULL, "\"accepted_revision\": 1", "\"accepted_revision\": 1.5",
    CLIENT_INVALID, { "“client.accepted_revision”", "whole number" } },
  { "revision-0", NULL, "\"accepted_revision\": 1", "\"accepted_revision\": 0", JSON_FIELD,
    { "“client.accepted_revision”" } },
  { "month-format", NULL, "\"month\": \"2025-10\"", "\"month\": \"10/2025\"", CLIENT_INVALID,
    { "“client.months[1].month”", "a month like 2026-03" } },
  { "missing-cost", NULL, "\"api_cost_equivalent\": 4000,", "", JSON_FIELD,
    { "“client.months[1].api_cost_equivalent”", "required but missing" } },
  { "negative-billed", NULL, "\"retainer_billed\": 2000", "\"retainer_billed\": -2000",
    JSON_FIELD, { "“client.months[0].retainer_billed”" } },
  { "client-not-object", NULL, "\"client\": {", "\"client\": \"yes\", \"was\": {", JSON_FIELD,
    { "“client”", "expected an object" } },
  { "staff-hours", NULL, "\"staff_hours\": 1.5", "\"staff_hours\": 1000", JSON_FIELD,
    { "“client.months[6].actual_costs.staff_hours”", "from 0 to 744" } },
  { "training-hours-infinite", NULL, "\"training_hours\": 3.5", "\"training_hours\": -1e999",
    JSON_FIELD, { "“client.months[6].retraining.training_hours”" } },
  { "estimate-date", "client-frozen-promise.retainer", "\"prices_read\": \"2025-08-01\"",
    "\"prices_read\": \"2025-08-32\"", JSON_FIELD,
    { "“client.months[0].estimate.prices_read”", "the date the prices were read" } },
  /* The keys a month's estimate had before it was a spend estimate. */
  { "estimate-old-keys", "client-frozen-promise.retainer", "\"input_price\": 2.5",
    "\"input_price_per_million\": 2.5", JSON_FIELD,
    { "“client.months[0].estimate.input_price”", "required but missing" } },
  { "estimate-both-periods", "client-frozen-promise.retainer", "\"requests_per_month\": 650000",
    "\"requests_per_month\": 650000, \"requests_per_day\": 21667", JSON_FIELD,
    { "“client.months[0].estimate.requests_per_month”", "only one of" } },
  { "estimate-currency", "client-frozen-promise.retainer", "\"currency\": \"USD\"\n",
    "\"currency\": \"EUR\", \"exchange_rate\": 0.92\n", CLIENT_INVALID,
    { "“client.months[0].estimate.currency”", "the proposal’s currency, USD" } },
  { "promise-short", NULL, "\"go_live_month\": \"2025-09\",",
    "\"go_live_month\": \"2025-09\", \"promised\": {\"tier\": \"essentials\", \"setup_fee\": "
    "6000, \"monthly_retainer\": 2000, \"net\": [-6000, -3800]},", CLIENT_INVALID,
    { "“client.promised.net”", "expected 13 amounts" } },
  { "promise-month-0", NULL, "\"go_live_month\": \"2025-09\",",
    "\"go_live_month\": \"2025-09\", \"promised\": {\"tier\": \"essentials\", \"setup_fee\": "
    "6000, \"monthly_retainer\": 2000, \"net\": [0,1,2,3,4,5,6,7,8,9,10,11,12]},",
    CLIENT_INVALID, { "“client.promised.net[0]”", "the setup fee" } },
  { "promise-tier", NULL, "\"go_live_month\": \"2025-09\",",
    "\"go_live_month\": \"2025-09\", \"promised\": {\"tier\": \"platinum\", \"setup_fee\": "
    "6000, \"monthly_retainer\": 2000, \"net\": [-6000,1,2,3,4,5,6,7,8,9,10,11,12]},",
    CLIENT_INVALID, { "“client.promised.tier”", "a tier of the proposal" } },
};

static void
test_bad_client (gconstpointer data)
{
  const BadClient *c = data;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerClient) client = NULL;

  if (c->find == NULL)
    {
      text = fixture_text (c->fixture);
      name = g_strdup (c->fixture);
    }
  else
    {
      g_autofree char *original = fixture_text (c->fixture != NULL
                                                  ? c->fixture
                                                  : "client-worked-example.retainer");
      char *at = strstr (original, c->find);

      g_assert_nonnull (at);
      *at = '\0';
      text = g_strconcat (original, c->replace, at + strlen (c->find), NULL);
      name = g_strdup_printf ("%s.retainer", c->name);
    }

  client = retainer_client_load_data (text, strlen (text), name, &error);
  g_assert_null (client);
  g_assert_nonnull (error);
  if (c->client_domain)
    g_assert_error (error, RETAINER_CLIENT_ERROR, c->code);
  else
    g_assert_error (error, RETAINER_JSON_ERROR, c->code);
  g_assert_true (g_str_has_prefix (error->message, name));
  for (guint i = 0; i < G_N_ELEMENTS (c->expected) && c->expected[i] != NULL; i++)
    if (strstr (error->message, c->expected[i]) == NULL)
      g_error ("“%s” not in: %s", c->expected[i], error->message);
}

/* Saving over a client file when the disk fills up: the file size limit
 * makes the write fail part-way, as a full disk would. */
static void
test_atomic_save_subprocess (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  const char *path = g_getenv ("RETAINER_TEST_TARGET");
  struct rlimit limit = { 1024, 1024 };
  g_autoptr (GError) error = NULL;

  retainer_client_add_next_month (client)->api_cost_equivalent = USD (4300);
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (retainer_client_save (client, path, &error));
  g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_WRITE);
  g_printerr ("%s\n", error->message);
}

static void
test_atomic_save (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "atomic", NULL);
  g_autofree char *path = g_build_filename (dir, "brightside.retainer", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GDir) listing = NULL;
  guint n_files = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  {
    g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");

    g_assert_true (retainer_client_save (client, path, NULL));
  }
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_cmpuint (strlen (before), >, 1024);

  g_setenv ("RETAINER_TEST_TARGET", path, TRUE);
  g_test_trap_subprocess ("/core/client/atomic-save/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Could not save*brightside.retainer*left unchanged*");

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  /* An invalid client is refused before anything is written. */
  {
    g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
    RetainerClientMonth *record = g_ptr_array_index (client->months, 2);
    g_autoptr (GError) error = NULL;

    g_free (record->month);
    record->month = g_strdup ("2027-01");
    g_assert_false (retainer_client_save (client, path, &error));
    g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "client.months[2].month"));
    g_clear_pointer (&after, g_free);
    g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, before);
  }
}

/* --- the clients folder ------------------------------------------------- */

typedef struct
{
  const char *company;
  const char *number;
  const char *file_name;
} FileNameCase;

static const FileNameCase file_names[] = {
  { "Brightside Outfitters", "AC-0042", "brightside-outfitters-ac-0042.retainer" },
  { "Zakład Usług Łódź", "RT-7", "zaklad-uslug-lodz-rt-7.retainer" },
  { "  ../../etc/passwd  ", NULL, "etc-passwd.retainer" },
  { "", NULL, "client-2025-09-02.retainer" },
  { "漢字", NULL, "client-2025-09-02.retainer" },
};

static void
test_file_name (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");

  for (guint i = 0; i < G_N_ELEMENTS (file_names); i++)
    {
      g_autofree char *name = NULL;

      g_free (client->proposal->company);
      client->proposal->company = g_strdup (file_names[i].company);
      g_free (client->proposal->number);
      client->proposal->number = g_strdup (file_names[i].number);
      name = retainer_client_file_name (client);
      g_assert_cmpstr (name, ==, file_names[i].file_name);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static GPtrArray *
folder_files (void)
{
  g_autofree char *dir_path = retainer_clients_dir ();
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_ptr_array_add (files, g_strconcat (name, "\n", contents, NULL));
    }
  g_ptr_array_sort (files, compare_strings);
  return files;
}

static void
assert_same_files (GPtrArray *a,
                   GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

static void
test_store (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  g_autoptr (RetainerClient) other = load_fixture ("client-no-months.retainer");
  g_autofree char *dir_path = retainer_clients_dir ();
  g_autofree char *expected_dir = g_build_filename (g_get_user_data_dir (), "retainer", "clients",
                                                    NULL);
  g_autofree char *stored = NULL;
  g_autofree char *stored_other = NULL;
  g_autofree char *exported = data_path ("to-a-colleague.retainer");
  g_autofree char *broken = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GError) error = NULL;
  char *imported;

  g_assert_cmpstr (dir_path, ==, expected_dir);
  stored = retainer_clients_store (client, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (stored, dir_path));
  g_assert_true (g_str_has_suffix (stored, "brightside-outfitters-ac-0042.retainer"));
  stored_other = retainer_clients_store (other, &error);
  g_assert_no_error (error);

  /* A broken file in the folder is reported and left alone. */
  broken = g_build_filename (dir_path, "broken.retainer", NULL);
  g_assert_true (g_file_set_contents (broken, "{\"format\": ", -1, NULL));
  entries = retainer_clients_list (&problems);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (((RetainerClientEntry *) entries->pdata[0])->client->proposal->company, ==,
                   "Brightside Outfitters");
  g_assert_cmpstr (((RetainerClientEntry *) entries->pdata[1])->client->proposal->company, ==,
                   "Late Start GmbH");
  g_assert_cmpstr (((RetainerClientEntry *) entries->pdata[0])->path, ==, stored);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "broken.retainer"));

  /* Export, then import the same client: its name is taken. */
  g_assert_true (retainer_client_export (client, exported, &error));
  g_assert_no_error (error);
  before = folder_files ();
  imported = retainer_clients_import (exported, FALSE, &error);
  g_assert_null (imported);
  g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "to-a-colleague.retainer"));
  g_clear_error (&error);
  after = folder_files ();
  assert_same_files (before, after);

  /* A bad file is refused and the folder does not change. */
  {
    g_autofree char *bad = fixture_path ("client-bad-months-out-of-order.retainer");
    g_autoptr (GPtrArray) later = NULL;

    g_assert_null (retainer_clients_import (bad, TRUE, &error));
    g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID);
    g_clear_error (&error);
    later = folder_files ();
    assert_same_files (before, later);
  }

  /* Replacing is asked for: the kept file is the exported one. */
  retainer_client_add_next_month (client)->api_cost_equivalent = USD (4400);
  g_assert_true (retainer_client_export (client, exported, NULL));
  imported = retainer_clients_import (exported, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (imported, ==, stored);
  g_free (imported);
  {
    g_autoptr (RetainerClient) kept = retainer_client_load (stored, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (kept->months->len, ==, 8);
    g_assert_true (retainer_client_equal (kept, client));
  }
}

/* --- the monthly value report ------------------------------------------ */

typedef struct
{
  const char           *name;
  const char           *previous;
  const char           *current;
  const char           *change;
  RetainerMetricVerdict verdict;
} MetricRow;

/* docs/calculation.md, "After the yes: the value report and the quarterly
 * review": the worked example's metrics, February to March. */
static const MetricRow worked_metrics[] = {
  { "Overall accuracy", "92.3%", "94.1%", "+1.8" NBSP "pts", RETAINER_METRIC_VERDICT_BETTER },
  { "Refund queries", "89.1%", "94.2%", "+5.1" NBSP "pts", RETAINER_METRIC_VERDICT_BETTER },
  { "Shipping queries", "95.7%", "96.1%", "+0.4" NBSP "pts", RETAINER_METRIC_VERDICT_BETTER },
  { "Hallucination rate", "3.4%", "2.1%", "−1.3" NBSP "pts", RETAINER_METRIC_VERDICT_BETTER },
  { "Average response time", "1.4" NBSP "s", "1.2" NBSP "s", "−0.2" NBSP "s",
    RETAINER_METRIC_VERDICT_BETTER },
};

static void
test_report_worked_example (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerValueReport) report = retainer_value_report_new (client, "2026-03", &error);
  g_autofree char *e = NULL, *b = NULL, *saving = NULL, *cumulative = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (report->month_number, ==, 7);
  g_assert_cmpstr (report->previous_month, ==, "2026-02");
  g_assert_cmpstr (report->tier_id, ==, "essentials");
  g_assert_cmpint (report->api_cost_equivalent, ==, USD (4200));
  g_assert_cmpint (report->retainer_billed, ==, USD (2000));
  g_assert_cmpint (report->monthly_saving, ==, USD (2200));
  g_assert_cmpint (report->cumulative_saving, ==, USD (14800));
  e = money (report->api_cost_equivalent);
  b = money (report->retainer_billed);
  saving = money (report->monthly_saving);
  cumulative = money (report->cumulative_saving);
  g_assert_cmpstr (e, ==, "$4,200");
  g_assert_cmpstr (b, ==, "$2,000");
  g_assert_cmpstr (saving, ==, "$2,200");
  g_assert_cmpstr (cumulative, ==, "$14,800");

  /* The retraining summary comes from the month itself. */
  g_assert_true (report->record->retrained);
  g_assert_cmpuint (report->record->new_examples, ==, 1240);

  g_assert_cmpuint (report->metrics->len, ==, G_N_ELEMENTS (worked_metrics));
  for (guint i = 0; i < G_N_ELEMENTS (worked_metrics); i++)
    {
      const RetainerMetricComparison *row = g_ptr_array_index (report->metrics, i);

      g_assert_cmpstr (row->name, ==, worked_metrics[i].name);
      g_assert_cmpstr (row->previous_text, ==, worked_metrics[i].previous);
      g_assert_cmpstr (row->current_text, ==, worked_metrics[i].current);
      g_assert_cmpstr (row->change_text, ==, worked_metrics[i].change);
      g_assert_cmpint (row->verdict, ==, worked_metrics[i].verdict);
    }
  g_assert_cmpstr (retainer_metric_verdict_label (RETAINER_METRIC_VERDICT_BETTER), ==, "better");
}

typedef struct
{
  const char *month;
  guint       k;
  gint64      saving;
  gint64      cumulative;
  gint64      promised_net;
  int         actual_break_even; /* 0: not yet */
} CumulativeRow;

/* Savings 1900, 2000, 2100, then 2200 a month; F $6,000; the proposal
 * promised 2200 a month from month 1. */
static const CumulativeRow cumulative_rows[] = {
  { "2025-09", 1, 1900, 1900, -3800, 0 },
  { "2025-10", 2, 2000, 3900, -1600, 0 },
  { "2025-11", 3, 2100, 6000, 600, 3 },
  { "2025-12", 4, 2200, 8200, 2800, 3 },
  { "2026-01", 5, 2200, 10400, 5000, 3 },
  { "2026-02", 6, 2200, 12600, 7200, 3 },
  { "2026-03", 7, 2200, 14800, 9400, 3 },
};

static void
test_report_cumulative (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");

  for (guint i = 0; i < G_N_ELEMENTS (cumulative_rows); i++)
    {
      const CumulativeRow *row = &cumulative_rows[i];
      g_autoptr (RetainerValueReport) report = retainer_value_report_new (client, row->month,
                                                                          NULL);

      g_assert_nonnull (report);
      g_assert_cmpuint (report->month_number, ==, row->k);
      g_assert_cmpuint (report->proposal_month, ==, row->k);
      g_assert_cmpint (report->monthly_saving, ==, USD (row->saving));
      g_assert_cmpint (report->cumulative_saving, ==, USD (row->cumulative));
      g_assert_cmpint (retainer_client_cumulative_saving (client, row->k), ==,
                       USD (row->cumulative));
      g_assert_cmpint (report->actual_net, ==, USD (row->cumulative - 6000));
      g_assert_true (report->has_promised_net);
      g_assert_cmpint (report->promised_net, ==, USD (row->promised_net));
      g_assert_cmpint (report->actual_break_even_month, ==, row->actual_break_even);
      g_assert_cmpuint (report->actual_series->len, ==, row->k + 1);
      g_assert_cmpint (g_array_index (report->actual_series, gint64, row->k), ==,
                       report->actual_net);
      g_assert_cmpint (g_array_index (report->actual_series, gint64, 0), ==, -USD (6000));
    }
}

static void
test_report_break_even (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  g_autoptr (RetainerValueReport) report = retainer_value_report_new (client, "2026-03", NULL);
  g_autoptr (RetainerValueReport) late = NULL;

  /* Promised: -6000 + 2200 m, even in month 3 (2.73); delivered: exactly
   * at the end of month 3. */
  g_assert_cmpint (report->promised_break_even_month, ==, 3);
  g_assert_cmpfloat_with_epsilon (report->promised_break_even_months, 2.0 + 1600.0 / 2200.0,
                                  1e-9);
  g_assert_cmpstr (report->promised_break_even_calendar, ==, "2025-11");
  g_assert_cmpint (report->actual_break_even_month, ==, 3);
  g_assert_cmpfloat_with_epsilon (report->actual_break_even_months, 3.0, 1e-9);
  g_assert_cmpstr (report->actual_break_even_calendar, ==, "2025-11");
  g_assert_cmpint (report->break_even_delay, ==, 0);
  g_assert_cmpuint (report->promised_series->len, ==, 13);

  /* Signed in August, live in September: a month later than promised. */
  g_free (client->accepted_date);
  client->accepted_date = g_strdup ("2025-08-20");
  g_assert_true (retainer_client_validate (client, NULL, NULL));
  late = retainer_value_report_new (client, "2026-03", NULL);
  g_assert_cmpuint (late->proposal_month, ==, 8);
  g_assert_cmpint (late->promised_net, ==, USD (11600));
  g_assert_cmpint (late->actual_net, ==, USD (8800));
  g_assert_cmpint (late->promised_break_even_month, ==, 3);
  g_assert_cmpstr (late->promised_break_even_calendar, ==, "2025-10");
  g_assert_cmpint (late->actual_break_even_month, ==, 4);
  g_assert_cmpstr (late->actual_break_even_calendar, ==, "2025-11");
  g_assert_cmpint (late->break_even_delay, ==, 1);
  g_assert_cmpint (g_array_index (late->actual_series, gint64, 1), ==, -USD (6000));
}

/* Past the proposal's 12-month horizon there is no promise to compare
 * with, but the actual net goes on. */
static void
test_report_beyond_horizon (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  g_autoptr (RetainerValueReport) twelfth = NULL;
  g_autoptr (RetainerValueReport) thirteenth = NULL;

  while (client->months->len < 13)
    retainer_client_add_next_month (client)->api_cost_equivalent = USD (4200);
  g_assert_true (retainer_client_validate (client, NULL, NULL));

  twelfth = retainer_value_report_new (client, "2026-08", NULL);
  g_assert_true (twelfth->has_promised_net);
  g_assert_cmpint (twelfth->promised_net, ==, USD (20400));
  g_assert_cmpint (twelfth->actual_net, ==, USD (14800 + 5 * 2200 - 6000));

  thirteenth = retainer_value_report_new (client, "2026-09", NULL);
  g_assert_cmpuint (thirteenth->month_number, ==, 13);
  g_assert_false (thirteenth->has_promised_net);
  g_assert_cmpuint (thirteenth->promised_series->len, ==, 13);
  g_assert_cmpuint (thirteenth->actual_series->len, ==, 14);
  g_assert_cmpint (thirteenth->actual_net, ==, USD (14800 + 6 * 2200 - 6000));
  g_assert_cmpint (thirteenth->actual_break_even_month, ==, 3);
}

typedef struct
{
  gint64 net[5];
  guint  n;
  int    month;
  double fractional;
} BreakEvenCase;

static const BreakEvenCase break_even_cases[] = {
  { { -6000, -3000, 0, 3000 }, 4, 2, 2.0 },
  { { -7000, -4000, -1000, 2000 }, 4, 3, 2.0 + 1000.0 / 3000.0 },
  { { -6000, -7000, -8000 }, 3, 0, -1 },
  /* No setup fee and no saving: nothing is paid back (and never NaN). */
  { { 0, 0, 0 }, 3, 0, -1 },
  /* No fee, even before go-live, then losing: not paid back in month 1. */
  { { 0, 0, 0, -1000, -2000 }, 5, 0, -1 },
  /* No fee, even before go-live, then gaining: even from the start. */
  { { 0, 0, 0, 500 }, 4, 1, 0.0 },
  { { 0, 500 }, 2, 1, 0.0 },
  /* Losing first, then recovering: the month it crosses up. */
  { { 0, -1000, -500, 200 }, 4, 3, 2.0 + 500.0 / 700.0 },
  { { -100 }, 1, 0, -1 },
};

static void
test_net_break_even (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (break_even_cases); i++)
    {
      const BreakEvenCase *c = &break_even_cases[i];
      g_autoptr (GArray) net = g_array_new (FALSE, FALSE, sizeof (gint64));
      double fractional = 99;

      for (guint m = 0; m < c->n; m++)
        {
          gint64 amount = USD (c->net[m]);

          g_array_append_val (net, amount);
        }
      g_assert_cmpint (retainer_net_break_even (net, &fractional), ==, c->month);
      g_assert_false (isnan (fractional));
      g_assert_cmpfloat_with_epsilon (fractional, c->fractional, 1e-9);
    }
}

typedef struct
{
  double      change;
  const char *unit;
  guint       decimals;
  const char *text;
} ChangeCase;

static const ChangeCase change_cases[] = {
  { 1.8, "%", 1, "+1.8" NBSP "pts" },
  { 94.1 - 92.3, "%", 1, "+1.8" NBSP "pts" }, /* 1.7999999999999972 in binary */
  { -1.3, "%", 1, "−1.3" NBSP "pts" },
  { -0.2, "s", 1, "−0.2" NBSP "s" },
  { 120, "ms", 0, "+120" NBSP "ms" },
  { 1250, "tickets", 0, "+1,250" NBSP "tickets" },
  { 5, "", 0, "+5" },
  { 0, "%", 1, "0.0" NBSP "pts" },
  { -0.04, "%", 1, "0.0" NBSP "pts" },
  { 0.125, "s", 3, "+0.125" NBSP "s" },
};

static void
test_metric_change_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (change_cases); i++)
    {
      g_autofree char *text = retainer_metric_format_change (change_cases[i].change,
                                                             change_cases[i].unit,
                                                             change_cases[i].decimals);

      g_assert_cmpstr (text, ==, change_cases[i].text);
    }
}

static void
test_metric_decimals_and_verdict (void)
{
  static const struct { double value; guint decimals; } decimals[] = {
    { 94.1, 1 }, { 1200, 0 }, { 1.25, 2 }, { 0.1234, 3 }, { 3.0, 0 }, { -0.2, 1 },
    { 999999999.5, 1 },
  };
  static const struct
  {
    double                  change;
    RetainerMetricDirection direction;
    RetainerMetricVerdict   verdict;
  } verdicts[] = {
    { 1.8, RETAINER_METRIC_HIGHER_IS_BETTER, RETAINER_METRIC_VERDICT_BETTER },
    { -1.8, RETAINER_METRIC_HIGHER_IS_BETTER, RETAINER_METRIC_VERDICT_WORSE },
    { -1.3, RETAINER_METRIC_LOWER_IS_BETTER, RETAINER_METRIC_VERDICT_BETTER },
    { 0.2, RETAINER_METRIC_LOWER_IS_BETTER, RETAINER_METRIC_VERDICT_WORSE },
    { 0, RETAINER_METRIC_LOWER_IS_BETTER, RETAINER_METRIC_VERDICT_UNCHANGED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (decimals); i++)
    g_assert_cmpuint (retainer_metric_decimals (decimals[i].value), ==, decimals[i].decimals);
  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
    g_assert_cmpint (retainer_metric_verdict (verdicts[i].change, verdicts[i].direction), ==,
                     verdicts[i].verdict);
}

/* A worse month, a metric measured for the first time and one dropped. */
static void
test_report_new_and_dropped_metrics (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  RetainerClientMonth *april = retainer_client_add_next_month (client);
  g_autoptr (RetainerValueReport) report = NULL;
  const RetainerMetricComparison *row;
  RetainerMetric *metric;

  april->api_cost_equivalent = USD (1500);
  for (guint i = 0; i < april->metrics->len; i++)
    {
      metric = g_ptr_array_index (april->metrics, i);
      metric->has_value = TRUE;
      metric->value = 90.0;
    }
  /* Response time is no longer measured; a latency in ms is. */
  g_ptr_array_remove_index (april->metrics, 4);
  metric = retainer_metric_new ("P95 latency", "ms", RETAINER_METRIC_LOWER_IS_BETTER);
  metric->has_value = TRUE;
  metric->value = 640;
  g_ptr_array_add (april->metrics, metric);

  report = retainer_value_report_new (client, "2026-04", NULL);
  g_assert_cmpint (report->monthly_saving, ==, -USD (500));
  g_assert_cmpint (report->cumulative_saving, ==, USD (14300));
  row = g_ptr_array_index (report->metrics, 0);
  g_assert_cmpstr (row->change_text, ==, "−4.1" NBSP "pts");
  g_assert_cmpint (row->verdict, ==, RETAINER_METRIC_VERDICT_WORSE);
  row = g_ptr_array_index (report->metrics, 3);
  g_assert_cmpstr (row->name, ==, "Hallucination rate");
  g_assert_cmpstr (row->change_text, ==, "+87.9" NBSP "pts");
  g_assert_cmpint (row->verdict, ==, RETAINER_METRIC_VERDICT_WORSE);
  row = g_ptr_array_index (report->metrics, 4);
  g_assert_cmpstr (row->name, ==, "P95 latency");
  g_assert_cmpint (row->verdict, ==, RETAINER_METRIC_VERDICT_NEW);
  g_assert_cmpstr (row->previous_text, ==, "—");
  g_assert_cmpstr (row->current_text, ==, "640" NBSP "ms");
  g_assert_cmpstr (row->change_text, ==, "—");
  row = g_ptr_array_index (report->metrics, 5);
  g_assert_cmpstr (row->name, ==, "Average response time");
  g_assert_cmpint (row->verdict, ==, RETAINER_METRIC_VERDICT_NOT_MEASURED);
  g_assert_cmpstr (row->previous_text, ==, "1.2" NBSP "s");
  g_assert_cmpstr (row->current_text, ==, "—");
}

static void
test_report_first_month (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  g_autoptr (RetainerValueReport) report = retainer_value_report_new (client, "2025-09", NULL);

  g_assert_cmpuint (report->month_number, ==, 1);
  g_assert_null (report->previous_month);
  for (guint i = 0; i < report->metrics->len; i++)
    {
      const RetainerMetricComparison *row = g_ptr_array_index (report->metrics, i);

      g_assert_cmpint (row->verdict, ==, RETAINER_METRIC_VERDICT_NEW);
      g_assert_cmpstr (row->change_text, ==, "—");
    }
}

static void
test_report_no_month (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  static const char *const months[] = { "2026-04", "2025-08", "March", "" };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RetainerValueReport) report = retainer_value_report_new (client, months[i],
                                                                          &error);

      g_assert_null (report);
      g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_NO_MONTH);
      g_assert_nonnull (strstr (error->message, months[i]));
    }
}

/* Amounts are written as exact raw numbers: read them as a reader of
 * `retainer --summary` would. */
static cJSON *
reparsed (cJSON *json)
{
  g_autofree char *text = cJSON_PrintUnformatted (json);

  cJSON_Delete (json);
  return cJSON_Parse (text);
}

static void
test_summary_json (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  g_autoptr (RetainerClient) fresh = load_fixture ("client-no-months.retainer");
  g_autoptr (cJSON) summary = reparsed (retainer_client_summary_to_json (client));
  g_autoptr (cJSON) empty = reparsed (retainer_client_summary_to_json (fresh));

  g_assert_cmpint (cJSON_GetObjectItem (summary, "months_recorded")->valueint, ==, 7);
  g_assert_cmpstr (cJSON_GetObjectItem (summary, "last_month")->valuestring, ==, "2026-03");
  g_assert_cmpfloat (cJSON_GetObjectItem (summary, "cumulative_saving")->valuedouble, ==, 14800);
  g_assert_cmpfloat (cJSON_GetObjectItem (summary, "actual_net")->valuedouble, ==, 8800);
  g_assert_cmpint (cJSON_GetObjectItem (summary, "promised_break_even_month")->valueint, ==, 3);
  g_assert_cmpfloat (cJSON_GetObjectItem (summary, "promised_break_even_months")->valuedouble,
                     ==, 2.73);
  g_assert_cmpint (cJSON_GetObjectItem (summary, "actual_break_even_month")->valueint, ==, 3);
  g_assert_cmpstr (cJSON_GetObjectItem (summary, "actual_break_even_calendar")->valuestring, ==,
                   "2025-11");

  g_assert_cmpint (cJSON_GetObjectItem (empty, "months_recorded")->valueint, ==, 0);
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItem (empty, "last_month")));
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItem (empty, "actual_break_even_month")));
  g_assert_cmpfloat (cJSON_GetObjectItem (empty, "actual_net")->valuedouble, ==,
                     -cJSON_GetObjectItem (empty, "setup_fee")->valuedouble);
}

/* --- the quarterly review ---------------------------------------------- */

static void
test_quarter_parse (void)
{
  static const struct { const char *text; gboolean valid; const char *first; } cases[] = {
    { "2026-Q1", TRUE, "2026-01" },
    { "2026-Q4", TRUE, "2026-10" },
    { "2026-Q5", FALSE, NULL },
    { "2026-Q0", FALSE, NULL },
    { "2026-q1", FALSE, NULL },
    { "2026-1", FALSE, NULL },
    { "26-Q1", FALSE, NULL },
    { "", FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int first = -1;

      g_assert_cmpint (retainer_quarter_parse (cases[i].text, &first), ==, cases[i].valid);
      if (cases[i].valid)
        {
          g_autofree char *month = retainer_month_to_string (first);

          g_assert_cmpstr (month, ==, cases[i].first);
        }
    }
}

typedef struct
{
  const char           *name;
  const char           *start;
  const char           *end;
  const char           *change;
  RetainerMetricVerdict verdict;
  double                values[3];
} TrendRow;

/* 2026-Q1, from December's state to March. */
static const TrendRow q1_trends[] = {
  { "Overall accuracy", "90.8%", "94.1%", "+3.3" NBSP "pts", RETAINER_METRIC_VERDICT_BETTER,
    { 91.5, 92.3, 94.1 } },
  { "Refund queries", "87.7%", "94.2%", "+6.5" NBSP "pts", RETAINER_METRIC_VERDICT_BETTER,
    { 88.4, 89.1, 94.2 } },
  { "Shipping queries", "94.9%", "96.1%", "+1.2" NBSP "pts", RETAINER_METRIC_VERDICT_BETTER,
    { 95.3, 95.7, 96.1 } },
  { "Hallucination rate", "4.1%", "2.1%", "−2.0" NBSP "pts", RETAINER_METRIC_VERDICT_BETTER,
    { 3.8, 3.4, 2.1 } },
  { "Average response time", "1.6" NBSP "s", "1.2" NBSP "s", "−0.4" NBSP "s",
    RETAINER_METRIC_VERDICT_BETTER, { 1.5, 1.4, 1.2 } },
};

static void
test_review_worked_example (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerQuarterlyReview) review = retainer_quarterly_review_new (client, "2026-Q1",
                                                                             &error);

  g_assert_no_error (error);
  g_assert_cmpstr (review->first_month, ==, "2026-01");
  g_assert_cmpstr (review->last_month, ==, "2026-03");
  g_assert_cmpuint (review->months_recorded, ==, 3);
  g_assert_cmpint (review->saving_in_quarter, ==, USD (6600));
  g_assert_cmpint (review->api_cost_equivalent_in_quarter, ==, USD (12600));
  g_assert_cmpint (review->retainer_billed_in_quarter, ==, USD (6000));
  g_assert_cmpint (review->saving_since_deployment, ==, USD (14800));
  g_assert_cmpint (review->actual_net, ==, USD (8800));
  g_assert_true (review->has_promised_net);
  g_assert_cmpint (review->promised_net, ==, USD (9400));
  g_assert_cmpstr (review->trend_start_month, ==, "2025-12");
  g_assert_cmpuint (review->metric_trends->len, ==, G_N_ELEMENTS (q1_trends));
  for (guint i = 0; i < G_N_ELEMENTS (q1_trends); i++)
    {
      const RetainerMetricComparison *trend = g_ptr_array_index (review->metric_trends, i);
      GArray *values = g_ptr_array_index (review->metric_values, i);

      g_assert_cmpstr (trend->name, ==, q1_trends[i].name);
      g_assert_cmpstr (trend->previous_text, ==, q1_trends[i].start);
      g_assert_cmpstr (trend->current_text, ==, q1_trends[i].end);
      g_assert_cmpstr (trend->change_text, ==, q1_trends[i].change);
      g_assert_cmpint (trend->verdict, ==, q1_trends[i].verdict);
      g_assert_cmpuint (values->len, ==, 3);
      for (guint m = 0; m < 3; m++)
        g_assert_cmpfloat (g_array_index (values, double, m), ==, q1_trends[i].values[m]);
    }
}

static void
test_review_partial_quarters (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  g_autoptr (RetainerQuarterlyReview) q3 = retainer_quarterly_review_new (client, "2025-Q3",
                                                                         NULL);
  g_autoptr (RetainerQuarterlyReview) q4 = retainer_quarterly_review_new (client, "2025-Q4",
                                                                         NULL);
  const RetainerMetricComparison *trend;

  /* The go-live quarter: September only, nothing before it. */
  g_assert_cmpuint (q3->months_recorded, ==, 1);
  g_assert_cmpint (q3->saving_in_quarter, ==, USD (1900));
  g_assert_cmpint (q3->saving_since_deployment, ==, USD (1900));
  g_assert_cmpstr (q3->trend_start_month, ==, "2025-09");
  trend = g_ptr_array_index (q3->metric_trends, 0);
  g_assert_cmpint (trend->verdict, ==, RETAINER_METRIC_VERDICT_NEW);

  g_assert_cmpuint (q4->months_recorded, ==, 3);
  g_assert_cmpint (q4->saving_in_quarter, ==, USD (6300));
  g_assert_cmpint (q4->saving_since_deployment, ==, USD (8200));
  g_assert_cmpstr (q4->trend_start_month, ==, "2025-09");
  trend = g_ptr_array_index (q4->metric_trends, 0);
  g_assert_cmpstr (trend->change_text, ==, "+2.8" NBSP "pts");

  {
    g_autoptr (GError) error = NULL;

    g_assert_null (retainer_quarterly_review_new (client, "2026-Q2", &error));
    g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_NO_MONTH);
    g_assert_nonnull (strstr (error->message, "2026-Q2"));
    g_clear_error (&error);
    g_assert_null (retainer_quarterly_review_new (client, "2026-13", &error));
    g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_NO_MONTH);
    g_assert_nonnull (strstr (error->message, "like 2026-Q1"));
  }
}

typedef struct
{
  const char        *name;
  gboolean           annual;
  guint              extra_use_cases;
  gint64             spend;
  RetainerComplexity complexity;
  gboolean           next_tier;
  const char        *offered_tier;
  gint64             new_retainer;
  gint64             increase;
  gint64             band_low;
  gint64             band_high;
  gint64             setup_fee;
  gint64             saving;
  int                break_even;
  double             break_even_months;
} ExpansionCase;

static const ExpansionCase expansions[] = {
  /* The seed's offer: a second use case on Essentials, $1,500 a month. */
  { "second-use-case", FALSE, 1, 4000, RETAINER_COMPLEXITY_SIMPLE, FALSE, "essentials", 3500,
    1500, 5000, 7000, 6000, 2500, 3, 2.4 },
  { "next-tier", FALSE, 1, 4000, RETAINER_COMPLEXITY_SIMPLE, TRUE, "growth", 6500, 4500, 5000,
    7000, 6000, -500, 0, -1 },
  { "two-moderate", FALSE, 2, 10000, RETAINER_COMPLEXITY_MODERATE, FALSE, "essentials", 5000,
    3000, 16000, 24000, 20000, 7000, 3, 2.0 + 6000.0 / 7000.0 },
  /* Billed annually: the increase is net of the 10% discount. */
  { "annual", TRUE, 1, 4000, RETAINER_COMPLEXITY_SIMPLE, FALSE, "essentials", 3150, 1350, 5000,
    7000, 6000, 2650, 3, 2.0 + 700.0 / 2650.0 },
};

static void
test_expansion_offer (gconstpointer data)
{
  const ExpansionCase *c = data;
  g_autoptr (RetainerClient) client = NULL;
  g_autoptr (RetainerExpansionOffer) offer = NULL;
  g_autoptr (GError) error = NULL;
  RetainerExpansionRequest request = { c->extra_use_cases, USD (c->spend), c->complexity,
                                       c->next_tier };

  if (c->annual)
    {
      g_autoptr (RetainerProposal) proposal = worked_proposal ();

      proposal->billing = RETAINER_BILLING_ANNUAL;
      client = retainer_client_accept (proposal, "2025-09-02", 1, "2025-09", &error);
      g_assert_no_error (error);
      g_assert_cmpint (retainer_client_monthly_retainer (client), ==, USD (1800));
    }
  else
    {
      client = load_fixture ("client-worked-example.retainer");
    }

  offer = retainer_expansion_offer_new (client, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (client->proposal->rate_card->tiers[offer->offered_tier].id, ==,
                   c->offered_tier);
  g_assert_cmpint (offer->new_retainer, ==, USD (c->new_retainer));
  g_assert_cmpint (offer->retainer_increase, ==, USD (c->increase));
  g_assert_cmpint (offer->setup_band_low, ==, USD (c->band_low));
  g_assert_cmpint (offer->setup_band_high, ==, USD (c->band_high));
  g_assert_cmpint (offer->setup_fee, ==, USD (c->setup_fee));
  g_assert_cmpint (offer->covered_api_spend, ==, USD (c->spend));
  g_assert_cmpint (offer->monthly_saving, ==, USD (c->saving));
  g_assert_cmpint (offer->break_even_month, ==, c->break_even);
  if (c->break_even > 0)
    g_assert_cmpfloat_with_epsilon (offer->break_even_months, c->break_even_months, 1e-9);
  /* The same calculation as a new proposal. */
  g_assert_cmpint (offer->result->monthly_retainer, ==, offer->new_retainer);
  g_assert_cmpuint (offer->proposal->use_cases, ==, 1 + c->extra_use_cases);
  g_assert_cmpint (offer->increment->monthly_retainer, ==, offer->retainer_increase);
  g_assert_cmpint (offer->net_saving_horizon, ==,
                   USD (c->saving) * 12 - USD (c->setup_fee));
  if (strcmp (c->name, "second-use-case") == 0)
    {
      g_autofree char *increase = money (offer->retainer_increase);

      g_assert_cmpstr (increase, ==, "$1,500");
    }
}

static void
test_expansion_refused (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  RetainerExpansionRequest none = { 0, USD (4000), RETAINER_COMPLEXITY_SIMPLE, FALSE };
  RetainerExpansionRequest too_many = { 50, USD (4000), RETAINER_COMPLEXITY_SIMPLE, FALSE };
  RetainerExpansionRequest absurd = { 1, RETAINER_MONEY_MAX + 1, RETAINER_COMPLEXITY_SIMPLE,
                                      FALSE };
  RetainerExpansionRequest up = { 1, USD (4000), RETAINER_COMPLEXITY_SIMPLE, TRUE };
  g_autoptr (GError) error = NULL;

  g_assert_null (retainer_expansion_offer_new (client, &none, &error));
  g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (retainer_expansion_offer_new (client, &too_many, &error));
  g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1 to 49"));
  g_clear_error (&error);
  g_assert_null (retainer_expansion_offer_new (client, &absurd, &error));
  g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID);
  g_clear_error (&error);

  g_free (client->promise.tier_id);
  client->promise.tier_id = g_strdup ("enterprise");
  g_assert_null (retainer_expansion_offer_new (client, &up, &error));
  g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "highest tier"));
}

/* --- CSV --------------------------------------------------------------- */

static RetainerClient *
client_without_months (void)
{
  RetainerClient *client = load_fixture ("client-worked-example.retainer");

  g_ptr_array_set_size (client->months, 0);
  return client;
}

static gboolean
import_fixture (RetainerClient *client,
                const char     *name,
                guint          *added,
                guint          *replaced,
                GError        **error)
{
  g_autofree char *path = fixture_path (name);

  return retainer_client_import_months_csv_file (client, path, added, replaced, error);
}

static void
test_csv_worked_example (void)
{
  g_autoptr (RetainerClient) client = client_without_months ();
  g_autoptr (RetainerClient) recorded = load_fixture ("client-worked-example.retainer");
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerValueReport) report = NULL;
  g_autoptr (RetainerValueReport) expected = NULL;
  const RetainerClientMonth *march;
  guint added = 99, replaced = 99;
  gboolean imported;

  imported = import_fixture (client, "months-worked-example.csv", &added, &replaced, &error);
  g_assert_no_error (error);
  g_assert_true (imported);
  g_assert_cmpuint (added, ==, 7);
  g_assert_cmpuint (replaced, ==, 0);
  g_assert_cmpuint (client->months->len, ==, 7);

  /* Quoted text with a comma and doubled quotes. */
  march = g_ptr_array_index (client->months, 6);
  g_assert_cmpstr (march->training_source, ==,
                   "Refund and shipping tickets the model escalated in February, \"hard\" "
                   "cases first");
  g_assert_cmpuint (march->new_examples, ==, 1240);
  g_assert_false (((RetainerClientMonth *) g_ptr_array_index (client->months, 4))->retrained);

  /* The same report as the months typed into the file. */
  report = retainer_value_report_new (client, "2026-03", NULL);
  expected = retainer_value_report_new (recorded, "2026-03", NULL);
  g_assert_cmpint (report->cumulative_saving, ==, USD (14800));
  g_assert_cmpint (report->cumulative_saving, ==, expected->cumulative_saving);
  g_assert_cmpuint (report->metrics->len, ==, expected->metrics->len);
  for (guint i = 0; i < report->metrics->len; i++)
    {
      const RetainerMetricComparison *a = g_ptr_array_index (report->metrics, i);
      const RetainerMetricComparison *b = g_ptr_array_index (expected->metrics, i);

      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (a->unit, ==, b->unit);
      g_assert_cmpint (a->direction, ==, b->direction);
      g_assert_cmpstr (a->change_text, ==, b->change_text);
      g_assert_cmpint (a->verdict, ==, b->verdict);
    }
}

static void
test_csv_append_and_replace (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  g_autoptr (GError) error = NULL;
  const RetainerClientMonth *april, *may, *march;
  const RetainerMetric *escalations, *metric;
  guint added = 0, replaced = 0;
  gboolean imported;
  const char *correction = "month,api_cost_equivalent,retainer_billed\r\n"
                           "2026-03,4500,2000\r\n"
                           "2026-04,4600,2000\r\n";
  const char *metric_fix = "month,api_cost_equivalent,metric:Overall accuracy [%] "
                           "higher-is-better,new_examples\n"
                           "2026-03,4500,95.5,\n";

  imported = import_fixture (client, "months-next.csv", &added, &replaced, &error);
  g_assert_no_error (error);
  g_assert_true (imported);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (replaced, ==, 0);
  april = g_ptr_array_index (client->months, 7);
  may = g_ptr_array_index (client->months, 8);
  g_assert_cmpstr (april->month, ==, "2026-04");
  g_assert_cmpint (april->api_cost_equivalent, ==, 430050);
  g_assert_cmpint (april->retainer_billed, ==, USD (2000));
  g_assert_cmpuint (april->metrics->len, ==, 1);
  g_assert_cmpfloat (retainer_client_month_find_metric (april, "Overall accuracy")->value, ==,
                     94.6);
  escalations = retainer_client_month_find_metric (may, "Escalations handled");
  g_assert_nonnull (escalations);
  g_assert_cmpstr (escalations->unit, ==, "tickets");
  g_assert_cmpfloat (escalations->value, ==, 312);

  /* Months already recorded are replaced, later ones added. */
  imported = retainer_client_import_months_csv (client, correction, strlen (correction),
                                                "correction.csv", &added, &replaced, &error);
  g_assert_no_error (error);
  g_assert_true (imported);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (replaced, ==, 2);
  g_assert_cmpuint (client->months->len, ==, 9);
  march = g_ptr_array_index (client->months, 6);
  g_assert_cmpint (march->api_cost_equivalent, ==, USD (4500));
  /* What the file has no column for stays as recorded. */
  g_assert_cmpuint (march->metrics->len, ==, 5);
  g_assert_true (march->retrained);
  g_assert_cmpuint (march->new_examples, ==, 1240);
  g_assert_true (march->has_actual_platform);
  g_assert_true (retainer_client_validate (client, NULL, NULL));

  /* A metric column replaces that metric's value in place; the retraining
   * columns replace the retraining facts together. */
  imported = retainer_client_import_months_csv (client, metric_fix, strlen (metric_fix),
                                                "metric-fix.csv", &added, &replaced, &error);
  g_assert_no_error (error);
  g_assert_true (imported);
  g_assert_cmpuint (replaced, ==, 1);
  march = g_ptr_array_index (client->months, 6);
  g_assert_cmpuint (march->metrics->len, ==, 5);
  metric = g_ptr_array_index (march->metrics, 0);
  g_assert_cmpstr (metric->name, ==, "Overall accuracy");
  g_assert_cmpfloat (metric->value, ==, 95.5);
  g_assert_cmpfloat (((RetainerMetric *) g_ptr_array_index (march->metrics, 1))->value, ==, 94.2);
  g_assert_false (march->retrained);
  g_assert_true (march->has_actual_platform);
}

static void
test_csv_round_trip (void)
{
  g_autoptr (RetainerClient) client = load_fixture ("client-worked-example.retainer");
  g_autoptr (RetainerClient) empty = client_without_months ();
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = retainer_client_months_to_csv (client);
  g_autofree char *again = NULL;
  gboolean imported;

  g_assert_true (g_str_has_prefix (csv, "month,api_cost_equivalent,retainer_billed,"));
  g_assert_nonnull (strstr (csv, ",metric:Overall accuracy [%] higher-is-better,"));
  imported = retainer_client_import_months_csv (empty, csv, strlen (csv), "export.csv", NULL,
                                                NULL, &error);
  g_assert_no_error (error);
  g_assert_true (imported);
  /* Everything the file holds comes back: the whole client is the same. */
  g_assert_true (retainer_client_equal (client, empty));
  again = retainer_client_months_to_csv (empty);
  g_assert_cmpstr (again, ==, csv);
}

typedef struct
{
  const char *name;
  const char *fixture; /* a file of tests/data, or NULL for the text */
  const char *text;
  const char *expected[2];
} BadCsv;

static const BadCsv bad_csvs[] = {
  { "amount", "months-bad-amount.csv", NULL,
    { "months-bad-amount.csv, line 4: field “api_cost_equivalent”: expected a number from 0 to "
      "1000000000000, like 4200 or 4200.50" } },
  { "infinite", "months-bad-infinite.csv", NULL,
    { "months-bad-infinite.csv, line 3: field “api_cost_equivalent”" } },
  { "duplicate", "months-bad-duplicate.csv", NULL,
    { "line 5: field “month”: 2025-11 appears twice (also on line 4)" } },
  { "order", "months-bad-order.csv", NULL,
    { "line 3: field “month”: expected 2025-10, the month after the row above" } },
  { "before-go-live", "months-bad-before-go-live.csv", NULL,
    { "line 2: field “month”: expected 2025-09 or later" } },
  { "quote", "months-bad-quote.csv", NULL,
    { "months-bad-quote.csv, line 2: a quoted field is not closed" } },
  { "direction", "months-bad-direction.csv", NULL,
    { "line 1: field “metric:Overall accuracy [%] up”", "“higher-is-better”" } },
  { "percent", "months-bad-percent.csv", NULL,
    { "line 3: field “metric:Overall accuracy [%] higher-is-better”: expected a number from 0 "
      "to 100" } },
  { "columns", "months-bad-columns.csv", NULL, { "line 3: expected 3 fields" } },
  { "unknown-column", "months-bad-unknown-column.csv", NULL,
    { "line 1: unknown column “discount”" } },
  { "gap", NULL, "month,api_cost_equivalent\n2025-09,1\n2025-10,1\n2025-12,1\n",
    { "line 4: field “month”: expected 2025-11" } },
  { "starts-after-a-gap", NULL, "month,api_cost_equivalent\n2025-11,1\n",
    { "line 2: field “month”: expected a month from 2025-09 to 2025-09" } },
  { "missing-cost", NULL, "month,api_cost_equivalent\n2025-09,\n",
    { "line 2: field “api_cost_equivalent”: is required but missing" } },
  { "money-with-symbol", NULL, "month,api_cost_equivalent\n2025-09,\"$3,900\"\n",
    { "line 2: field “api_cost_equivalent”: expected a number" } },
  { "hex", NULL, "month,api_cost_equivalent\n2025-09,0x10\n",
    { "line 2: field “api_cost_equivalent”" } },
  { "month-format", NULL, "month,api_cost_equivalent\n9/2025,3900\n",
    { "line 2: field “month”: expected a month like 2026-03" } },
  { "no-month-column", NULL, "api_cost_equivalent\n3900\n", { "line 1: the columns “month”" } },
  { "header-only", NULL, "month,api_cost_equivalent\r\n", { "holds no month" } },
  { "empty", NULL, "", { "is empty" } },
  { "blank", NULL, "\n\n\r\n", { "is empty" } },
  { "text-after-quote", NULL, "month,api_cost_equivalent\n\"2025-09\"x,3900\n",
    { "line 2: text after a closing double quote" } },
  { "stray-quote", NULL, "month,api_cost_equivalent\n2025-09,39\"00\n",
    { "line 2: a double quote inside a field without quotes" } },
  { "duplicate-column", NULL,
    "month,api_cost_equivalent,metric:A [%] higher-is-better,metric:A [%] higher-is-better\n"
    "2025-09,1,2,3\n", { "line 1: field “metric:A [%] higher-is-better”: this column appears "
                         "twice" } },
  { "metric-twice-in-a-row", NULL,
    "month,api_cost_equivalent,metric:A [%] higher-is-better,metric:A [s] lower-is-better\n"
    "2025-09,1,2,3\n", { "line 2: field “metric:A [s] lower-is-better”: another column" } },
  { "metric-header-shape", NULL, "month,api_cost_equivalent,metric:Accuracy\n2025-09,1,2\n",
    { "line 1: field “metric:Accuracy”: expected a metric column like" } },
  { "control-characters", NULL, "month,api_cost_equivalent,hardware\n2025-09,1,\"a\x01" "b\"\n",
    { "line 2: field “hardware”: expected text without control characters" } },
  { "staff-hours", NULL, "month,api_cost_equivalent,actual_staff_hours\n2025-09,1,800\n",
    { "line 2: field “actual_staff_hours”: expected a number from 0 to 744" } },
  { "examples-fraction", NULL, "month,api_cost_equivalent,new_examples\n2025-09,1,1.5\n",
    { "line 2: field “new_examples”: expected a whole number" } },
  { "quoted-line-break-counts", NULL,
    "month,api_cost_equivalent,training_source\n2025-09,1,\"two\nlines\"\n2025-10,-1,x\n",
    { "line 4: field “api_cost_equivalent”" } },
};

static void
test_csv_bad (gconstpointer data)
{
  const BadCsv *c = data;
  g_autoptr (RetainerClient) client = client_without_months ();
  g_autofree char *before = client_json_text (client);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  gboolean imported;

  if (c->fixture != NULL)
    imported = import_fixture (client, c->fixture, NULL, NULL, &error);
  else
    imported = retainer_client_import_months_csv (client, c->text, strlen (c->text),
                                                  "months.csv", NULL, NULL, &error);
  g_assert_false (imported);
  g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_CSV);
  for (guint i = 0; i < G_N_ELEMENTS (c->expected) && c->expected[i] != NULL; i++)
    if (strstr (error->message, c->expected[i]) == NULL)
      g_error ("“%s” not in: %s", c->expected[i], error->message);

  /* Nothing was imported. */
  after = client_json_text (client);
  g_assert_cmpstr (after, ==, before);
}

static void
test_csv_bom_and_binary (void)
{
  g_autoptr (RetainerClient) client = client_without_months ();
  g_autoptr (GError) error = NULL;
  const char bom[] = "\xEF\xBB\xBFmonth,api_cost_equivalent\r\n2025-09,3900\r\n";
  const char binary[] = "month,api_cost_equivalent\n2025-09,3\0" "900\n";

  g_assert_true (retainer_client_import_months_csv (client, bom, strlen (bom), "excel.csv", NULL,
                                                    NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (client->months->len, ==, 1);
  g_assert_false (retainer_client_import_months_csv (client, binary, sizeof binary - 1,
                                                     "binary.csv", NULL, NULL, &error));
  g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_CSV);
  g_assert_nonnull (strstr (error->message, "binary.csv is not a text file"));
  g_clear_error (&error);
  g_assert_false (import_fixture (client, "no-such-months.csv", NULL, NULL, &error));
  g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_CSV);
  g_assert_nonnull (strstr (error->message, "Could not read"));
  g_assert_cmpuint (client->months->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/client/load/worked-example", test_load_worked_example);
  g_test_add_func ("/core/client/accept", test_accept);
  for (guint i = 0; i < G_N_ELEMENTS (bad_acceptances); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/client/accept/refuses/%s",
                                               bad_acceptances[i].name);
      g_test_add_data_func (path, &bad_acceptances[i], test_accept_refuses);
    }
  g_test_add_func ("/core/client/round-trip", test_round_trip);
  g_test_add_func ("/core/client/frozen-promise", test_frozen_promise);
  g_test_add_func ("/core/client/not-a-client", test_not_a_client);
  g_test_add_func ("/core/client/next-month", test_next_month);
  g_test_add_func ("/core/client/usage-estimate", test_usage_estimate);
  g_test_add_func ("/core/client/usage-estimate/currency", test_usage_estimate_currency);
  g_test_add_func ("/core/client/usage-estimate/csv", test_usage_estimate_csv);
  for (guint i = 0; i < G_N_ELEMENTS (bad_clients); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/client/bad/%s", bad_clients[i].name);

      g_test_add_data_func (path, &bad_clients[i], test_bad_client);
    }
  g_test_add_func ("/core/client/atomic-save", test_atomic_save);
  g_test_add_func ("/core/client/atomic-save/subprocess", test_atomic_save_subprocess);
  g_test_add_func ("/core/client/store/file-name", test_file_name);
  g_test_add_func ("/core/client/store/list-export-import", test_store);

  g_test_add_func ("/core/report/worked-example", test_report_worked_example);
  g_test_add_func ("/core/report/cumulative", test_report_cumulative);
  g_test_add_func ("/core/report/break-even", test_report_break_even);
  g_test_add_func ("/core/report/beyond-horizon", test_report_beyond_horizon);
  g_test_add_func ("/core/report/net-break-even", test_net_break_even);
  g_test_add_func ("/core/report/metric-change-text", test_metric_change_text);
  g_test_add_func ("/core/report/metric-decimals-verdict", test_metric_decimals_and_verdict);
  g_test_add_func ("/core/report/new-and-dropped-metrics", test_report_new_and_dropped_metrics);
  g_test_add_func ("/core/report/first-month", test_report_first_month);
  g_test_add_func ("/core/report/no-month", test_report_no_month);
  g_test_add_func ("/core/report/summary-json", test_summary_json);

  g_test_add_func ("/core/review/quarter-parse", test_quarter_parse);
  g_test_add_func ("/core/review/worked-example", test_review_worked_example);
  g_test_add_func ("/core/review/partial-quarters", test_review_partial_quarters);
  for (guint i = 0; i < G_N_ELEMENTS (expansions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/review/expansion/%s", expansions[i].name);

      g_test_add_data_func (path, &expansions[i], test_expansion_offer);
    }
  g_test_add_func ("/core/review/expansion/refused", test_expansion_refused);

  g_test_add_func ("/core/csv/worked-example", test_csv_worked_example);
  g_test_add_func ("/core/csv/append-and-replace", test_csv_append_and_replace);
  g_test_add_func ("/core/csv/round-trip", test_csv_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (bad_csvs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/csv/bad/%s", bad_csvs[i].name);

      g_test_add_data_func (path, &bad_csvs[i], test_csv_bad);
    }
  g_test_add_func ("/core/csv/bom-and-binary", test_csv_bom_and_binary);

  return g_test_run ();
}
