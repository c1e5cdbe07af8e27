/* fuzz-agency.c: an agency profile imported from a colleague
 *
 * retainer_agency_load() reads a path, so each input is handed to it as an
 * anonymous in-memory file (/proc/self/fd/N): nothing touches the disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <sys/mman.h>
#include <unistd.h>

#include "fuzz-common.h"
#include "retainer-agency.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  retainer_fuzz_setup ();
  return 0;
}

/* Loads a profile from bytes; NULL with an error when it is refused. */
static RetainerAgency *
load_agency_from_bytes (const uint8_t *data,
                        size_t         size,
                        GError       **error)
{
  g_autofree char *path = NULL;
  RetainerAgency *agency;
  int fd = memfd_create ("agency.json", MFD_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, data, size), ==, (ssize_t) size);
  path = g_strdup_printf ("/proc/self/fd/%d", fd);
  agency = retainer_agency_load (path, error);
  close (fd);
  return agency;
}

static void
exercise_agency (const RetainerAgency *agency)
{
  static const guint numbers[] = { 0, 1, 42, 99999999, G_MAXUINT };
  g_autoptr (RetainerAgency) copy = retainer_agency_copy (agency);
  g_autoptr (GError) error = NULL;

  if (!retainer_agency_validate (agency, "fuzz.json", &error))
    g_error ("a loaded profile does not validate: %s", error->message);
  g_assert_nonnull (copy);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *number = retainer_agency_format_number (agency, numbers[i]);

      g_assert_true (g_utf8_validate (number, -1, NULL));
    }
}

#ifndef RETAINER_FUZZ_NO_MAIN_TARGET
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (RetainerAgency) agency = NULL;
  g_autoptr (GError) error = NULL;

  agency = load_agency_from_bytes (data, size, &error);
  if (agency == NULL)
    {
      retainer_fuzz_check_error (error);
      return 0;
    }

  g_assert_no_error (error);
  exercise_agency (agency);
  return 0;
}
#endif
