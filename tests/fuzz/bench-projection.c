/* bench-projection.c: how many proposals Retainer evaluates per second
 *
 * Each evaluation is what the window does on every keystroke: the whole
 * recommendation with its month-by-month projection. Prints one JSON line
 * for build-aux/bench. Not a test: it asserts nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "retainer-proposal.h"
#include "retainer-recommend.h"

static double
evaluate_for (RetainerProposal *proposal,
              double            seconds,
              guint64          *out_count)
{
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + (gint64) (seconds * G_USEC_PER_SEC);
  guint64 count = 0;
  gint64 checksum = 0;
  gint64 now;

  do
    {
      for (guint i = 0; i < 256; i++)
        {
          g_autoptr (RetainerResult) result = NULL;

          /* A different spend each time, as while the founder types. */
          proposal->monthly_api_spend = 300000 + (gint64) ((count + i) % 5000) * 1000;
          result = retainer_recommend (proposal);
          checksum += result->net_saving_horizon;
        }
      count += 256;
      now = g_get_monotonic_time ();
    }
  while (now < deadline);

  /* Keeps the work from being optimised away. */
  if (checksum == G_MININT64)
    g_print ("%" G_GINT64_FORMAT "\n", checksum);

  *out_count = count;
  return (double) count / ((double) (now - start) / G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (RetainerProposal) proposal = retainer_proposal_new_sample ();
  double seconds = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 1.0;
  guint64 count = 0;
  double per_second;

  setlocale (LC_ALL, "C.UTF-8");
  if (seconds <= 0)
    seconds = 1.0;

  /* The longest projection: 36 months, growth, go-live delay, annual billing. */
  proposal->horizon_months = 36;
  proposal->go_live_months = 2;
  proposal->api_growth_pct = 3;
  proposal->billing = RETAINER_BILLING_ANNUAL;

  evaluate_for (proposal, 0.2, &count); /* warm up */
  per_second = evaluate_for (proposal, seconds, &count);
  printf ("{\"proposals_per_second\": %.0f, \"evaluations\": %" G_GUINT64_FORMAT
          ", \"horizon_months\": %u}\n", per_second, count, proposal->horizon_months);
  return 0;
}
