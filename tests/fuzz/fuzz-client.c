/* fuzz-client.c: a client file from anyone, as the clients list, the
 * import and `retainer --summary` open it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-client-common.h"

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
  g_autoptr (RetainerClient) client = NULL;
  g_autoptr (GError) error = NULL;

  client = retainer_client_load_data ((const char *) data, size, "fuzz.retainer", &error);
  if (client == NULL)
    {
      retainer_fuzz_check_error (error);
      return 0;
    }

  g_assert_no_error (error);
  retainer_fuzz_exercise_proposal (client->proposal);
  retainer_fuzz_exercise_client (client);
  return 0;
}
