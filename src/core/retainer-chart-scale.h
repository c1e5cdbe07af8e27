/* retainer-chart-scale.h: round axis ticks for the savings chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 low;     /* first tick, minor units, <= the smallest value */
  gint64 high;    /* last tick, >= the largest value */
  gint64 step;    /* between ticks: 1, 2, 2.5 or 5 times a power of ten major units */
  guint  n_ticks; /* ticks from low to high, both included */
} RetainerChartScale;

/**
 * retainer_chart_scale_compute:
 * @min_value: the smallest amount to show, minor units
 * @max_value: the largest amount to show, minor units
 * @max_ticks: the most ticks the axis has room for (at least 2)
 * @scale: (out): the axis
 *
 * Chooses a round step (a whole number of major units) so that the axis
 * covers both amounts, includes zero, and has at most @max_ticks ticks.
 */
void retainer_chart_scale_compute (gint64              min_value,
                                   gint64              max_value,
                                   guint               max_ticks,
                                   RetainerChartScale *scale);

/**
 * retainer_chart_scale_month_step:
 * @horizon_months: the months on the axis
 * @max_ticks: the most labels the axis has room for (at least 2)
 *
 * Returns: the months between labels on the time axis: 1, 2, 3, 6 or 12
 */
guint retainer_chart_scale_month_step (guint horizon_months,
                                       guint max_ticks);

G_END_DECLS
