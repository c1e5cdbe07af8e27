/* test-chart.c: the savings chart and its axis ticks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "retainer-chart-scale.h"
#include "retainer-savings-chart.h"
#include "ui-test-util.h"

typedef struct
{
  gint64 min_value;
  gint64 max_value;
  guint  max_ticks;
  gint64 low;
  gint64 high;
  gint64 step;
} ScaleCase;

static void
test_scale_round_ticks (void)
{
  /* Amounts in cents; steps are round major units. */
  static const ScaleCase cases[] = {
    { 0, 27800000, 7, 0, 30000000, 5000000 },      /* $278K: ticks of $50K up to $300K */
    { 0, 27800000, 6, 0, 30000000, 10000000 },     /* less room: $100K */
    { 0, 27800000, 13, 0, 30000000, 2500000 },     /* more room: $25K steps */
    { 0, 1000000, 6, 0, 1000000, 200000 },         /* exactly $10K */
    { -1000000, 4000000, 6, -1000000, 4000000, 1000000 },
    { 0, 0, 5, 0, 100, 100 },                      /* nothing to show: one unit */
    { 0, 150, 5, 0, 200, 100 },                    /* never a step in cents */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RetainerChartScale scale;

      retainer_chart_scale_compute (cases[i].min_value, cases[i].max_value, cases[i].max_ticks,
                                    &scale);
      g_test_message ("case %u: %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT " step %" G_GINT64_FORMAT,
                      i, scale.low, scale.high, scale.step);
      g_assert_cmpint (scale.low, ==, cases[i].low);
      g_assert_cmpint (scale.high, ==, cases[i].high);
      g_assert_cmpint (scale.step, ==, cases[i].step);
      g_assert_cmpuint (scale.n_ticks, <=, cases[i].max_ticks);
      g_assert_cmpint (scale.low + (gint64) (scale.n_ticks - 1) * scale.step, ==, scale.high);
    }
}

static void
test_scale_month_step (void)
{
  g_assert_cmpuint (retainer_chart_scale_month_step (12, 13), ==, 1);
  g_assert_cmpuint (retainer_chart_scale_month_step (24, 13), ==, 2);
  g_assert_cmpuint (retainer_chart_scale_month_step (36, 13), ==, 3);
  g_assert_cmpuint (retainer_chart_scale_month_step (36, 5), ==, 12);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_chart_setters (void)
{
  GtkWidget *chart = g_object_ref_sink (retainer_savings_chart_new ());
  RetainerMonth months[] = {
    { 0, 0, 1000000, -1000000 },
    { 1, 1200000, 1500000, -300000 },
    { 2, 2400000, 2000000, 400000 },
  };
  g_autofree char *month_text = NULL;
  guint notified = 0;

  g_signal_connect (chart, "notify::break-even-months", G_CALLBACK (count_notify_cb), &notified);
  retainer_savings_chart_set_break_even_months (RETAINER_SAVINGS_CHART (chart), 1.43);
  retainer_savings_chart_set_break_even_months (RETAINER_SAVINGS_CHART (chart), 1.43);
  g_assert_cmpuint (notified, ==, 1);
  /* "None" is one value, however it is written. */
  retainer_savings_chart_set_break_even_months (RETAINER_SAVINGS_CHART (chart), -5);
  retainer_savings_chart_set_break_even_months (RETAINER_SAVINGS_CHART (chart), -1);
  g_assert_cmpuint (notified, ==, 2);

  retainer_savings_chart_set_months (RETAINER_SAVINGS_CHART (chart), months, G_N_ELEMENTS (months));
  g_assert_cmpuint (retainer_savings_chart_get_n_months (RETAINER_SAVINGS_CHART (chart)), ==, 3);

  retainer_savings_chart_set_summary (RETAINER_SAVINGS_CHART (chart), "Break-even: month 2.");
  g_assert_cmpstr (retainer_savings_chart_get_summary (RETAINER_SAVINGS_CHART (chart)), ==,
                   "Break-even: month 2.");

  retainer_savings_chart_set_currency (RETAINER_SAVINGS_CHART (chart), "USD");
  month_text = retainer_savings_chart_describe_month (RETAINER_SAVINGS_CHART (chart), 2);
  g_assert_cmpstr (month_text, ==,
                   "Month 2\nWithout the agency: $24,000\nWith the agency: $20,000\n"
                   "Net saving: $4,000");

  retainer_savings_chart_set_hover_month (RETAINER_SAVINGS_CHART (chart), 2);
  g_assert_cmpint (retainer_savings_chart_get_hover_month (RETAINER_SAVINGS_CHART (chart)), ==, 2);
  /* Fewer months than the hovered one: the hover goes. */
  retainer_savings_chart_set_months (RETAINER_SAVINGS_CHART (chart), months, 2);
  g_assert_cmpint (retainer_savings_chart_get_hover_month (RETAINER_SAVINGS_CHART (chart)), ==, -1);

  g_object_unref (chart);
}

int
main (int   argc,
      char *argv[])
{
  retainer_test_keep_mime_database ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/chart/scale-round-ticks", test_scale_round_ticks);
  g_test_add_func ("/ui/chart/scale-month-step", test_scale_month_step);
  g_test_add_func ("/ui/chart/setters", test_chart_setters);

  return g_test_run ();
}
