/* fuzz-catalogue.c: a compiled translation catalogue (.mo) read by hand
 *
 * RetainerLanguage reads the catalogue a PDF in another language is
 * written with. A damaged file is refused with a message; one that loads
 * answers every lookup with valid UTF-8, whatever its tables, offsets and
 * Plural-Forms expression say. The input goes through an anonymous
 * in-memory file (/proc/self/fd/N): nothing touches the disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <sys/mman.h>
#include <unistd.h>

#include "fuzz-common.h"
#include "retainer-language.h"

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
  static const char *const msgids[] = {
    "Summary", "Why a model needs ongoing care", "month %d", "", "%s%%",
  };
  g_autoptr (RetainerLanguage) language = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = memfd_create ("retainer.mo", MFD_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, data, size), ==, (ssize_t) size);
  path = g_strdup_printf ("/proc/self/fd/%d", fd);
  language = retainer_language_new_from_file ("fr", path, &error);
  close (fd);

  if (language == NULL)
    {
      retainer_fuzz_check_error (error);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (msgids); i++)
    {
      g_assert_true (g_utf8_validate (retainer_language_gettext (language, msgids[i]), -1,
                                      NULL));
      g_assert_true (g_utf8_validate (retainer_language_pgettext (language, "long date",
                                                                  msgids[i]), -1, NULL));
    }
  for (gulong n = 0; n < 200; n += 1 + n / 4)
    {
      const char *form = retainer_language_ngettext (language, "no break-even within %u month",
                                                     "no break-even within %u months", n);

      g_assert_true (g_utf8_validate (form, -1, NULL));
    }
  g_assert_true (g_utf8_validate (retainer_language_ngettext (language, "%u day", "%u days",
                                                              G_MAXULONG), -1, NULL));
  return 0;
}
