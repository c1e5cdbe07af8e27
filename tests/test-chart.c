/* test-chart.c: the savings chart and its axis ticks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "retainer-chart-scale.h"
#include "retainer-money.h"
#include "retainer-recommend.h"
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

/* The chart drawn, as 8-bit RGBA. */
static guchar *
render_pixels (GtkWidget *chart,
               int       *width,
               int       *height)
{
  g_autoptr (GdkTexture) texture = retainer_test_render (chart);
  guchar *pixels;

  *width = gdk_texture_get_width (texture);
  *height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) *width * *height * 4);
  gdk_texture_download (texture, pixels, (gsize) *width * 4);
  return pixels;
}

/* A line's pixel: a strong colour (the fills are pale tints of them). */
static gboolean
is_line_pixel (const guchar *pixel)
{
  /* gdk_texture_download () writes cairo's byte order: B, G, R, A. */
  int high = MAX (pixel[0], MAX (pixel[1], pixel[2]));
  int low = MIN (pixel[0], MIN (pixel[1], pixel[2]));

  return high > 60 && (high - low) * 100 > 45 * high;
}

/* The break-even label sits where no line runs: drawn, then drawn without
 * it, the pixels that changed are the label and its backing, and under
 * them the chart without the label has no pixel of a line. Proposals
 * with an early, a late and an immediate break-even, at a wide and a
 * narrow size. */
static void
test_label_clear_of_lines (void)
{
  static const struct
  {
    double spend;
    double fee;
    guint  horizon;
  } proposals[] = {
    { 12000, -1, 24 },   /* the sample: month 2 */
    { 12000, 60000, 24 },/* a fee paid back late */
    { 12000, 0, 12 },    /* no fee: month 1 */
    { 30000, 20000, 36 },
  };
  static const int sizes[][2] = { { 760, 300 }, { 420, 260 } };
  g_autoptr (RetainerRateCard) card = retainer_rate_card_load_builtin (RETAINER_RATE_CARD_DEFAULT_ID,
                                                                       NULL);

  g_assert_nonnull (card);
  for (guint p = 0; p < G_N_ELEMENTS (proposals); p++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        g_autoptr (RetainerProposal) proposal = retainer_proposal_new (card);
        g_autoptr (RetainerResult) result = NULL;
        g_autofree char *label = NULL;
        g_autofree guchar *with_label = NULL;
        g_autofree guchar *without_label = NULL;
        GtkWidget *window = gtk_window_new ();
        GtkWidget *chart = retainer_savings_chart_new ();
        int width, height, width2, height2;
        int left = G_MAXINT, right = -1, top = G_MAXINT, bottom = -1;
        guint line_pixels = 0;

        proposal->monthly_api_spend = retainer_money_from_major (proposals[p].spend);
        proposal->api_growth_pct = 2;
        proposal->horizon_months = proposals[p].horizon;
        if (proposals[p].fee >= 0)
          {
            proposal->has_setup_fee = TRUE;
            proposal->setup_fee = retainer_money_from_major (proposals[p].fee);
          }
        result = retainer_recommend (proposal);
        g_assert_cmpint (result->break_even_month, >, 0);
        label = retainer_break_even_describe (result->break_even_month, result->break_even_months,
                                              result->horizon_months, RETAINER_BREAK_EVEN_PHRASE);

        gtk_window_set_default_size (GTK_WINDOW (window), sizes[z][0], sizes[z][1]);
        gtk_window_set_child (GTK_WINDOW (window), chart);
        retainer_savings_chart_set_currency (RETAINER_SAVINGS_CHART (chart), "USD");
        retainer_savings_chart_set_months (RETAINER_SAVINGS_CHART (chart),
                                           (const RetainerMonth *) (gpointer) result->months->data,
                                           result->months->len);
        retainer_savings_chart_set_break_even_months (RETAINER_SAVINGS_CHART (chart),
                                                      result->break_even_months);
        retainer_savings_chart_set_break_even_label (RETAINER_SAVINGS_CHART (chart), label);
        retainer_test_present (GTK_WINDOW (window));
        with_label = render_pixels (chart, &width, &height);
        if (z == 0)
          {
            g_autofree char *name = g_strdup_printf ("chart-label-%u.png", p);

            retainer_test_write_png (chart, name);
          }
        retainer_savings_chart_set_break_even_label (RETAINER_SAVINGS_CHART (chart), NULL);
        without_label = render_pixels (chart, &width2, &height2);
        g_assert_cmpint (width, ==, width2);
        g_assert_cmpint (height, ==, height2);

        for (int y = 0; y < height; y++)
          for (int x = 0; x < width; x++)
            if (memcmp (with_label + ((gsize) y * width + x) * 4,
                        without_label + ((gsize) y * width + x) * 4, 4) != 0)
              {
                left = MIN (left, x);
                right = MAX (right, x);
                top = MIN (top, y);
                bottom = MAX (bottom, y);
              }
        /* The label was drawn. */
        g_assert_cmpint (right, >, left + 20);
        for (int y = top; y <= bottom; y++)
          for (int x = left; x <= right; x++)
            if (is_line_pixel (without_label + ((gsize) y * width + x) * 4))
              line_pixels++;
        g_test_message ("“%s” at %d×%d: label at %d,%d–%d,%d over %u line pixels", label,
                        sizes[z][0], sizes[z][1], left, top, right, bottom, line_pixels);
        g_assert_cmpuint (line_pixels, ==, 0);
        gtk_window_destroy (GTK_WINDOW (window));
        retainer_test_settle ();
      }
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
  g_test_add_func ("/ui/chart/label-clear-of-lines", test_label_clear_of_lines);

  return g_test_run ();
}
