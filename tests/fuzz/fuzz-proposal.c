/* fuzz-proposal.c: a .retainer file from anyone, as the window and
 * `retainer --summary` open it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"

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
  g_autoptr (RetainerProposal) proposal = NULL;
  g_autoptr (GError) error = NULL;

  proposal = retainer_proposal_load_data ((const char *) data, size, "fuzz.retainer", &error);
  if (proposal == NULL)
    {
      retainer_fuzz_check_error (error);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_true (retainer_proposal_validate (proposal, NULL, NULL));
  retainer_fuzz_exercise_proposal (proposal);
  return 0;
}
