/* fuzz-client-common.h: what the window, the command line and the PDFs do
 * with a client that loaded, for fuzz-client.c and fuzz-months-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fuzz-common.h"
#include "retainer-client-report.h"
#include "retainer-client.h"
#include "retainer-months-csv.h"

G_BEGIN_DECLS

static inline void
retainer_fuzz_check_comparisons (const GPtrArray *comparisons)
{
  for (guint i = 0; i < comparisons->len; i++)
    {
      const RetainerMetricComparison *row = g_ptr_array_index (comparisons, i);

      g_assert_true (g_utf8_validate (row->previous_text, -1, NULL));
      g_assert_true (g_utf8_validate (row->current_text, -1, NULL));
      g_assert_true (g_utf8_validate (row->change_text, -1, NULL));
      g_assert_nonnull (retainer_metric_verdict_label (row->verdict));
    }
}

/* Every report, review and offer of the client; its summary; and saving it
 * and its months loads back the same figures. */
static inline void
retainer_fuzz_exercise_client (const RetainerClient *client)
{
  const char *currency = client->proposal->currency;
  g_autoptr (GError) error = NULL;
  g_autoptr (cJSON) saved = NULL;
  g_autoptr (cJSON) summary = NULL;
  g_autoptr (RetainerClient) reloaded = NULL;
  g_autoptr (RetainerClient) from_csv = NULL;
  g_autofree char *saved_text = NULL;
  g_autofree char *summary_text = NULL;
  g_autofree char *csv = NULL;
  GHashTable *quarters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_true (retainer_client_validate (client, NULL, NULL));
  g_assert_nonnull (retainer_client_tier (client));

  for (guint i = 0; i < client->months->len; i++)
    {
      const RetainerClientMonth *record = g_ptr_array_index (client->months, i);
      g_autoptr (RetainerValueReport) report = retainer_value_report_new (client, record->month,
                                                                          &error);
      int index = 0;

      g_assert_no_error (error);
      g_assert_nonnull (report);
      g_assert_cmpuint (report->month_number, ==, i + 1);
      g_assert_cmpint (report->actual_net, ==, report->cumulative_saving - report->setup_fee);
      g_assert_cmpuint (report->actual_series->len, ==, report->proposal_month + 1);
      retainer_fuzz_format_amount (report->monthly_saving, currency);
      retainer_fuzz_format_amount (report->cumulative_saving, currency);
      retainer_fuzz_format_amount (report->actual_net, currency);
      retainer_fuzz_check_comparisons (report->metrics);

      retainer_month_parse (record->month, &index);
      g_hash_table_add (quarters, g_strdup_printf ("%04d-Q%d", index / 12, index % 12 / 3 + 1));
    }

  {
    GHashTableIter iter;
    gpointer quarter;

    g_hash_table_iter_init (&iter, quarters);
    while (g_hash_table_iter_next (&iter, &quarter, NULL))
      {
        g_autoptr (RetainerQuarterlyReview) review = retainer_quarterly_review_new (client,
                                                                                   quarter,
                                                                                   &error);

        g_assert_no_error (error);
        g_assert_cmpuint (review->months_recorded, >=, 1);
        g_assert_cmpuint (review->months_recorded, <=, 3);
        g_assert_cmpuint (review->metric_values->len, ==, review->metric_trends->len);
        retainer_fuzz_check_comparisons (review->metric_trends);
      }
    g_hash_table_unref (quarters);
  }

  for (guint up = 0; up < 2; up++)
    {
      RetainerExpansionRequest request = { 1, client->proposal->monthly_api_spend,
                                           client->proposal->complexity, up == 1 };
      g_autoptr (RetainerExpansionOffer) offer = retainer_expansion_offer_new (client, &request,
                                                                               &error);

      if (offer == NULL)
        {
          retainer_fuzz_check_error (error);
          g_clear_error (&error);
          continue;
        }
      g_assert_cmpint (offer->retainer_increase, ==,
                       offer->new_retainer - offer->current_retainer);
      retainer_fuzz_format_amount (offer->retainer_increase, currency);
      retainer_fuzz_format_amount (offer->monthly_saving, currency);
    }

  summary = retainer_client_summary_to_json (client);
  summary_text = cJSON_Print (summary);
  g_assert_nonnull (summary_text);

  /* What is saved loads back as the same client. */
  saved = retainer_client_to_json (client);
  saved_text = cJSON_Print (saved);
  reloaded = retainer_client_load_data (saved_text, strlen (saved_text), "saved.retainer",
                                        &error);
  if (reloaded == NULL)
    g_error ("a loaded client did not load again after saving: %s\n%s", error->message,
             saved_text);
  g_assert_true (retainer_client_equal (client, reloaded));

  /* Its months, exported as CSV, import back with the same money. */
  csv = retainer_client_months_to_csv (client);
  from_csv = retainer_client_copy (client);
  g_ptr_array_set_size (from_csv->months, 0);
  if (client->months->len == 0)
    return;
  if (!retainer_client_import_months_csv (from_csv, csv, strlen (csv), "export.csv", NULL, NULL,
                                          &error))
    {
      /* Names that differ only in surrounding spaces meet in one column. */
      retainer_fuzz_check_error (error);
      return;
    }
  g_assert_cmpuint (from_csv->months->len, ==, client->months->len);
  for (guint i = 0; i < client->months->len; i++)
    {
      const RetainerClientMonth *a = g_ptr_array_index (client->months, i);
      const RetainerClientMonth *b = g_ptr_array_index (from_csv->months, i);

      g_assert_cmpstr (a->month, ==, b->month);
      g_assert_cmpint (a->api_cost_equivalent, ==, b->api_cost_equivalent);
      g_assert_cmpint (a->retainer_billed, ==, b->retainer_billed);
    }
}

G_END_DECLS
