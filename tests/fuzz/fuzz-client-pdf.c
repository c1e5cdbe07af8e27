/* fuzz-client-pdf.c: the client's documents fed with fuzzed client files
 *
 * An input is a client file. Its last recorded month goes through the
 * value report PDF and that month's quarter through the quarterly review,
 * with an expansion offer of one simple use case: any texts, metrics,
 * amounts and month counts reach the layout, the tables and the chart.
 * The PDFs go to an in-memory file and are thrown away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "fuzz-client-common.h"
#include "retainer-pdf-client.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  retainer_fuzz_setup ();
  return 0;
}

/* Refusing is allowed, crashing is not; a refusal leaves no file. */
static void
check_export (gboolean      ok,
              const GError *error,
              const char   *path)
{
  if (!ok)
    {
      retainer_fuzz_check_error (error);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      return;
    }
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_unlink (path);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (RetainerClient) client = NULL;
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  g_autofree char *quarter = NULL;
  const RetainerClientMonth *last;
  RetainerExpansionRequest offer = { 1, 400000, RETAINER_COMPLEXITY_SIMPLE, FALSE };
  int index = 0;
  gboolean ok;

  client = retainer_client_load_data ((const char *) data, size, "fuzz.retainer", &error);
  if (client == NULL)
    {
      retainer_fuzz_check_error (error);
      return 0;
    }
  if (client->months->len == 0)
    return 0;

  path = g_strdup_printf ("/dev/shm/retainer-fuzz-client-%d.pdf", (int) getpid ());
  last = g_ptr_array_index (client->months, client->months->len - 1);
  ok = retainer_pdf_export_report (client, last->month, agency, path, warnings, &error);
  check_export (ok, error, path);
  g_clear_error (&error);

  retainer_month_parse (last->month, &index);
  quarter = g_strdup_printf ("%04d-Q%d", index / 12, index % 12 / 3 + 1);
  ok = retainer_pdf_export_review (client, quarter, &offer, agency, path, warnings, &error);
  if (!ok && g_error_matches (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID))
    {
      /* An offer the client's card cannot price (50 use cases already):
       * the review without it must still work. */
      g_clear_error (&error);
      ok = retainer_pdf_export_review (client, quarter, NULL, agency, path, warnings, &error);
    }
  check_export (ok, error, path);

  for (guint i = 0; i < warnings->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (warnings, i), -1, NULL));
  return 0;
}
