/* retainer-pdf-net-chart.c: promised against delivered, as vectors
 *
 * The accepted proposal's projected cumulative net N(m) and the client's
 * actual cumulative net (savings since go-live less the setup fee) on the
 * proposal's clock, with the core's round axis and both break-evens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "retainer-chart-scale.h"
#include "retainer-money.h"
#include "retainer-pdf-private.h"

#define CHART_MAX_VALUE_TICKS 7
#define CHART_MAX_MONTH_TICKS 13

static void
set_stroke (RetainerPdfWriter      *writer,
            const RetainerPdfColor *color)
{
  HPDF_Page_SetRGBStroke (writer->page, (HPDF_REAL) color->red, (HPDF_REAL) color->green,
                          (HPDF_REAL) color->blue);
}

typedef struct
{
  double  left, right, top, bottom;
  gint64  low, high;
  guint   last;
} Plot;

static double
x_of (const Plot *plot,
      double      month)
{
  return plot->left + (plot->right - plot->left) * month / plot->last;
}

static double
y_of (const Plot *plot,
      double      value)
{
  return plot->bottom + (plot->top - plot->bottom) * (value - (double) plot->low)
                          / (double) (plot->high - plot->low);
}

static void
stroke_series (RetainerPdfWriter      *writer,
               const Plot             *plot,
               const GArray           *series,
               const RetainerPdfColor *color,
               gboolean                dashed)
{
  static const HPDF_REAL dash[] = { 5, 3 };

  if (writer->page == NULL || series == NULL || series->len < 2)
    return;
  HPDF_Page_SetLineWidth (writer->page, 2);
  HPDF_Page_SetLineJoin (writer->page, HPDF_ROUND_JOIN);
  if (dashed)
    HPDF_Page_SetDash (writer->page, dash, 2, 0);
  set_stroke (writer, color);
  for (guint m = 0; m < series->len && m <= plot->last; m++)
    {
      double x = x_of (plot, m);
      double y = y_of (plot, (double) g_array_index (series, gint64, m));

      if (m == 0)
        HPDF_Page_MoveTo (writer->page, (HPDF_REAL) x, (HPDF_REAL) y);
      else
        HPDF_Page_LineTo (writer->page, (HPDF_REAL) x, (HPDF_REAL) y);
    }
  HPDF_Page_Stroke (writer->page);
  if (dashed)
    HPDF_Page_SetDash (writer->page, NULL, 0, 0);
  HPDF_Page_SetLineJoin (writer->page, HPDF_MITER_JOIN);
}

/* A ring where the series crosses zero, at the fractional month. */
static void
mark_break_even (RetainerPdfWriter      *writer,
                 const Plot             *plot,
                 const RetainerPdfColor *color,
                 double                  months)
{
  if (writer->page == NULL || months < 0 || months > plot->last)
    return;
  HPDF_Page_SetRGBFill (writer->page, 1, 1, 1);
  set_stroke (writer, color);
  HPDF_Page_SetLineWidth (writer->page, 1.5);
  HPDF_Page_Circle (writer->page, (HPDF_REAL) x_of (plot, months), (HPDF_REAL) y_of (plot, 0),
                    3.5);
  HPDF_Page_FillStroke (writer->page);
}

/**
 * retainer_pdf_draw_net_chart:
 * @writer: the writer, with room for @height below its cursor
 * @currency: for the axis
 * @promised: (element-type gint64): N(m), m = 0 .. the proposal's horizon
 * @actual: (element-type gint64): the actual net, m = 0 .. this month
 * @promised_month: the promised break-even month, 0 when none
 * @promised_months: its fractional month
 * @actual_month: the month the fee was recovered, 0 when not yet
 * @actual_months: its fractional month
 * @height: of the whole chart, legend included
 */
void
retainer_pdf_draw_net_chart (RetainerPdfWriter *writer,
                             const char        *currency,
                             const GArray      *promised,
                             const GArray      *actual,
                             int                promised_month,
                             double             promised_months,
                             int                actual_month,
                             double             actual_months,
                             double             height)
{
  RetainerPdfColor promised_color = writer->muted;
  double label_size = 7.5;
  double legend_height = 22;
  double top = writer->y;
  double axis_width = 0;
  gint64 min_value = 0, max_value = 0;
  RetainerChartScale scale;
  Plot plot;
  guint month_step;

  g_return_if_fail (promised != NULL && actual != NULL);

  plot.last = MAX (promised->len, actual->len) - 1;
  if (plot.last == 0)
    plot.last = 1;
  for (guint m = 0; m < promised->len; m++)
    {
      gint64 value = g_array_index (promised, gint64, m);

      min_value = MIN (min_value, value);
      max_value = MAX (max_value, value);
    }
  for (guint m = 0; m < actual->len; m++)
    {
      gint64 value = g_array_index (actual, gint64, m);

      min_value = MIN (min_value, value);
      max_value = MAX (max_value, value);
    }
  retainer_chart_scale_compute (min_value, max_value, CHART_MAX_VALUE_TICKS, &scale);
  plot.low = scale.low;
  plot.high = scale.high > scale.low ? scale.high : scale.low + MAX (scale.step, 100);

  for (gint64 value = plot.low; value <= plot.high; value += scale.step)
    {
      g_autofree char *label = retainer_money_format (value, currency,
                                                      RETAINER_MONEY_FORMAT_SHORT);

      axis_width = MAX (axis_width,
                        retainer_pdf_text_width (writer, writer->regular, label_size, label));
      if (scale.step <= 0)
        break;
    }
  plot.left = writer->left + axis_width + 8;
  plot.right = writer->right - 4;
  plot.top = top - legend_height - 6;
  plot.bottom = top - height + 30;

  /* Legend */
  {
    const RetainerPdfLegendEntry entries[] = {
      { &promised_color, _("Promised: the proposal’s projected net saving") },
      { &writer->primary, _("Delivered: your actual net saving") },
    };

    retainer_pdf_draw_legend (writer, writer->left, top, entries, G_N_ELEMENTS (entries));
  }

  /* Grid and value axis; zero, where the setup fee is paid back, stands out. */
  for (gint64 value = plot.low; value <= plot.high; value += scale.step)
    {
      g_autofree char *label = retainer_money_format (value, currency,
                                                      RETAINER_MONEY_FORMAT_SHORT);
      double y = y_of (&plot, (double) value);

      retainer_pdf_line (writer, value == 0 ? &writer->muted : &writer->rule,
                         value == 0 ? 0.8 : 0.4, FALSE, plot.left, y, plot.right, y);
      retainer_pdf_draw_text (writer, writer->regular, label_size, &writer->muted, writer->left,
                              y - label_size * 0.35, axis_width, RETAINER_PDF_ALIGN_RIGHT, label);
      if (scale.step <= 0)
        break;
    }

  /* Month axis */
  month_step = retainer_chart_scale_month_step (plot.last, CHART_MAX_MONTH_TICKS);
  for (guint m = 0; m <= plot.last; m += month_step)
    {
      g_autofree char *label = g_strdup_printf ("%u", m);

      retainer_pdf_line (writer, &writer->rule, 0.4, FALSE, x_of (&plot, m), plot.bottom,
                         x_of (&plot, m), plot.bottom - 3);
      retainer_pdf_draw_text (writer, writer->regular, label_size, &writer->muted,
                              x_of (&plot, m) - 20, plot.bottom - 12, 40,
                              RETAINER_PDF_ALIGN_CENTER, label);
    }

  /* The month recorded last: everything right of it is still a promise. */
  if (actual->len >= 2)
    {
      double x = x_of (&plot, actual->len - 1);

      retainer_pdf_line (writer, &writer->rule, 0.8, TRUE, x, plot.bottom, x, plot.top);
    }

  stroke_series (writer, &plot, promised, &promised_color, TRUE);
  stroke_series (writer, &plot, actual, &writer->primary, FALSE);
  if (promised_month > 0)
    mark_break_even (writer, &plot, &promised_color, promised_months);
  if (actual_month > 0)
    mark_break_even (writer, &plot, &writer->accent, actual_months);

  writer->y = top - height;
  retainer_pdf_draw_text (writer, writer->regular, label_size, &writer->muted, plot.left,
                          writer->y + 1, plot.right - plot.left, RETAINER_PDF_ALIGN_CENTER,
                          _("Months from signature"));
  writer->y -= 8;
}
