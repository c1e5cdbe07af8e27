/* retainer-chart-scale.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "retainer-chart-scale.h"

/* Floor and ceiling division that round towards minus and plus infinity. */
static gint64
floor_div (gint64 value,
           gint64 step)
{
  gint64 quotient = value / step;

  if (value % step != 0 && value < 0)
    quotient--;
  return quotient;
}

static gint64
ceil_div (gint64 value,
          gint64 step)
{
  gint64 quotient = value / step;

  if (value % step != 0 && value > 0)
    quotient++;
  return quotient;
}

void
retainer_chart_scale_compute (gint64              min_value,
                              gint64              max_value,
                              guint               max_ticks,
                              RetainerChartScale *scale)
{
  /* Steps in tenths, so 2.5 stays an integer: 1, 2, 2.5, 5. */
  static const gint64 mantissas_tenths[] = { 10, 20, 25, 50 };
  gint64 magnitude = 100; /* one major unit, in minor units */

  g_return_if_fail (scale != NULL);
  g_return_if_fail (max_ticks >= 2);

  if (min_value > 0)
    min_value = 0;
  if (max_value < 0)
    max_value = 0;
  if (max_value == min_value)
    max_value = min_value + 100;

  for (;;)
    {
      for (guint i = 0; i < G_N_ELEMENTS (mantissas_tenths); i++)
        {
          gint64 step = magnitude * mantissas_tenths[i] / 10;
          gint64 low = floor_div (min_value, step);
          gint64 high = ceil_div (max_value, step);

          /* 2.5 of one major unit would need cents on the axis. */
          if (step % 100 != 0)
            continue;
          if ((guint64) (high - low + 1) <= max_ticks)
            {
              scale->low = low * step;
              scale->high = high * step;
              scale->step = step;
              scale->n_ticks = (guint) (high - low + 1);
              return;
            }
        }

      if (magnitude > G_MAXINT64 / 100)
        break;
      magnitude *= 10;
    }

  /* Reached when no step up to the largest power of ten a gint64 holds
   * fits the amounts in @max_ticks ticks: amounts near the ends of the
   * gint64 range with few ticks (test-recommend's /core/chart-scale/extreme
   * gets here). No proposal amount comes close, since inputs stop at 10^12;
   * the axis stays drawable: its two ends, one step apart. */
  scale->low = min_value;
  scale->high = max_value;
  if (min_value < 0 && max_value > G_MAXINT64 + min_value)
    scale->step = G_MAXINT64;
  else
    scale->step = max_value - min_value;
  scale->n_ticks = 2;
}

guint
retainer_chart_scale_month_step (guint horizon_months,
                                 guint max_ticks)
{
  static const guint steps[] = { 1, 2, 3, 6, 12 };

  g_return_val_if_fail (max_ticks >= 2, 12);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (horizon_months / steps[i] + 1 <= max_ticks)
      return steps[i];

  return 12;
}
