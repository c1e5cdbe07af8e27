/* fuzz-months-csv.c: a months file from a spreadsheet, imported into a
 * client accepted in August 2025 that went live in September
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-client-common.h"

static const char client_text[] =
  "{\"format\": \"retainer-proposal\", \"version\": 1, \"monthly_api_spend\": 4200,"
  " \"complexity\": \"simple\", \"prospect\": {\"company\": \"Fuzz Outfitters\"},"
  " \"client\": {\"accepted_date\": \"2025-08-28\", \"accepted_revision\": 1,"
  " \"go_live_month\": \"2025-09\", \"months\": []}}";

static RetainerClient *accepted;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr (GError) error = NULL;

  retainer_fuzz_setup ();
  accepted = retainer_client_load_data (client_text, strlen (client_text), "fuzz.retainer",
                                        &error);
  g_assert_no_error (error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (RetainerClient) client = retainer_client_copy (accepted);
  g_autoptr (GError) error = NULL;
  guint added = 0, replaced = 0;

  if (!retainer_client_import_months_csv (client, (const char *) data, size, "fuzz.csv", &added,
                                          &replaced, &error))
    {
      retainer_fuzz_check_error (error);
      /* Nothing was imported. */
      g_assert_true (retainer_client_equal (client, accepted));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (added + replaced, >=, 1);
  g_assert_cmpuint (client->months->len, ==, added);
  retainer_fuzz_exercise_client (client);
  return 0;
}
