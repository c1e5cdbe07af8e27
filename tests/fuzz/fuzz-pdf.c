/* fuzz-pdf.c: the PDF export fed with fuzzed proposals and profiles
 *
 * An input is a proposal file, optionally followed by a form feed (\f)
 * and an agency profile: texts of any script and length, extreme amounts,
 * odd colours and logos all reach the layout, the chart and the images.
 * The PDF goes to an in-memory file and is thrown away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define RETAINER_FUZZ_NO_MAIN_TARGET
#include "fuzz-agency.c"

#include <glib/gstdio.h>

#include "retainer-pdf.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *separator = memchr (data, '\f', size);
  size_t proposal_size = separator != NULL ? (size_t) (separator - data) : size;
  g_autoptr (RetainerProposal) proposal = NULL;
  g_autoptr (RetainerAgency) agency = NULL;
  g_autoptr (RetainerResult) result = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  proposal = retainer_proposal_load_data ((const char *) data, proposal_size, "fuzz.retainer",
                                          &error);
  if (proposal == NULL)
    {
      retainer_fuzz_check_error (error);
      return 0;
    }

  if (separator != NULL)
    agency = load_agency_from_bytes (separator + 1, size - proposal_size - 1, &error);
  else
    agency = retainer_agency_new_default ();
  if (agency == NULL)
    {
      retainer_fuzz_check_error (error);
      return 0;
    }
  exercise_agency (agency);

  result = retainer_recommend (proposal);
  path = g_strdup_printf ("/dev/shm/retainer-fuzz-%d.pdf", (int) getpid ());
  if (!retainer_pdf_export (proposal, result, agency, path, warnings, &error))
    {
      /* Refusing is allowed, crashing is not: the message must still say
       * something, and no partial file may stay behind. */
      retainer_fuzz_check_error (error);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      return 0;
    }

  for (guint i = 0; i < warnings->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (warnings, i), -1, NULL));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_unlink (path);
  return 0;
}
