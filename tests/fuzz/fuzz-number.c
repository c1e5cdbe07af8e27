/* fuzz-number.c: text typed into an amount or rate field
 *
 * Whatever is typed, retainer_parse_decimal() either refuses it with a
 * message or reads a value that retainer_format_decimal() writes back to
 * text that reads as the same value, in every language's marks and for
 * every number of decimals a field may keep (two for amounts and rates,
 * six for prices and exchange rates).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "retainer-number.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  retainer_fuzz_setup ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *const languages[] = { "en", "de", "fr", "es" };
  g_autofree char *text = g_strndup ((const char *) data, size);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      const RetainerNumberFormat *format = retainer_number_format_for_language (languages[l]);

      for (guint decimals = 0; decimals <= 6; decimals++)
        {
          g_autoptr (GError) error = NULL;
          g_autoptr (GError) back_error = NULL;
          g_autofree char *written = NULL;
          gint64 value = 0;
          gint64 back = 0;

          if (!retainer_parse_decimal (text, format, decimals, &value, &error))
            {
              retainer_fuzz_check_error (error);
              g_assert_true (error->domain == RETAINER_NUMBER_ERROR);
              continue;
            }

          /* At most 18 digits in all (15 integer digits and 3 decimals, or 12
           * and 6): inside gint64. */
          g_assert_cmpint (value, <=, G_GINT64_CONSTANT (999999999999999999));
          g_assert_cmpint (value, >=, -G_GINT64_CONSTANT (999999999999999999));
          written = retainer_format_decimal (value, decimals, format);
          if (!retainer_parse_decimal (written, format, decimals, &back, &back_error))
            g_error ("“%s” read as %" G_GINT64_FORMAT " was written “%s”, which does not "
                     "read back: %s", text, value, written, back_error->message);
          g_assert_cmpint (back, ==, value);
        }
    }
  return 0;
}
