/* retainer-pdf-chart.c: the savings chart, as vectors, from the same
 * months the window draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "retainer-chart-scale.h"
#include "retainer-money.h"
#include "retainer-pdf-private.h"

/* The most gridlines and month labels the chart has room for. */
#define CHART_MAX_VALUE_TICKS 7
#define CHART_MAX_MONTH_TICKS 13

static void
set_stroke (RetainerPdfWriter      *writer,
            const RetainerPdfColor *color)
{
  HPDF_Page_SetRGBStroke (writer->page, (HPDF_REAL) color->red, (HPDF_REAL) color->green,
                          (HPDF_REAL) color->blue);
}

/**
 * retainer_pdf_draw_legend:
 * @writer: the writer
 * @x: where the first entry starts
 * @top: the chart's top: the legend's line is under it
 * @entries: (array length=n_entries): a colour and its series' label each
 * @n_entries: how many
 *
 * Draws a chart's legend on one line, a short bar of each series' colour
 * before its label.
 */
void
retainer_pdf_draw_legend (RetainerPdfWriter            *writer,
                          double                        x,
                          double                        top,
                          const RetainerPdfLegendEntry *entries,
                          guint                         n_entries)
{
  for (guint i = 0; i < n_entries; i++)
    {
      retainer_pdf_fill_rect (writer, entries[i].color, x, top - 12, 14, 3);
      retainer_pdf_draw_text (writer, writer->regular, 8.5, &writer->ink, x + 19, top - 14, 0,
                              RETAINER_PDF_ALIGN_LEFT, entries[i].label);
      x += 19 + retainer_pdf_text_width (writer, writer->regular, 8.5, entries[i].label) + 22;
    }
}

/**
 * retainer_pdf_draw_savings_chart:
 * @writer: the writer, with room for @height below its cursor
 * @proposal: for the currency
 * @result: the months to draw
 * @height: of the whole chart, legend included
 *
 * Cumulative cost without and with the agency, month 0 to the horizon, the
 * break-even month marked where the lines cross.
 */
void
retainer_pdf_draw_savings_chart (RetainerPdfWriter      *writer,
                                 const RetainerProposal *proposal,
                                 const RetainerResult   *result,
                                 double                  height)
{
  const GArray *months = result->months;
  RetainerPdfColor without_color = { 0.80, 0.36, 0.27 };
  double legend_height = 22;
  double label_size = 7.5;
  double top = writer->y;
  double plot_top = top - legend_height - 6;
  double plot_bottom = top - height + 30;
  double plot_left;
  double plot_right = writer->right - 4;
  gint64 max_value = 0;
  gint64 min_value = 0;
  RetainerChartScale scale;
  gint64 step;
  gint64 axis_max;
  guint last;
  guint month_step;
  double axis_width = 0;

  if (months == NULL || months->len < 2)
    return;
  last = months->len - 1;

  for (guint i = 0; i <= last; i++)
    {
      const RetainerMonth *month = &g_array_index (months, RetainerMonth, i);

      max_value = MAX (max_value, MAX (month->without, month->with));
      min_value = MIN (min_value, MIN (month->without, month->with));
    }
  /* The window's axis rule: round steps in whole units, zero on the axis. */
  retainer_chart_scale_compute (min_value, max_value, CHART_MAX_VALUE_TICKS, &scale);
  step = scale.step;
  min_value = scale.low;
  axis_max = scale.high;

  /* The widest tick label decides where the plot starts. */
  for (gint64 value = min_value; value <= axis_max; value += step)
    {
      g_autofree char *label = retainer_money_format (value, proposal->currency,
                                                      RETAINER_MONEY_FORMAT_SHORT);

      axis_width = MAX (axis_width,
                        retainer_pdf_text_width (writer, writer->regular, label_size, label));
    }
  plot_left = writer->left + axis_width + 8;

#define X_OF(m) (plot_left + (plot_right - plot_left) * (double) (m) / last)
#define Y_OF(v) (plot_bottom + (plot_top - plot_bottom) * (double) ((v) - min_value) \
                                 / (double) (axis_max - min_value))

  /* Legend */
  {
    const RetainerPdfLegendEntry entries[] = {
      { &without_color, _("Without us: your API calls") },
      { &writer->primary, _("With us: setup fee and retainer") },
    };

    retainer_pdf_draw_legend (writer, writer->left, top, entries, G_N_ELEMENTS (entries));
  }

  /* Grid and value axis */
  for (gint64 value = min_value; value <= axis_max; value += step)
    {
      g_autofree char *label = retainer_money_format (value, proposal->currency,
                                                      RETAINER_MONEY_FORMAT_SHORT);
      double y = Y_OF (value);

      retainer_pdf_line (writer, value == 0 ? &writer->muted : &writer->rule,
                         value == 0 ? 0.7 : 0.4, FALSE, plot_left, y, plot_right, y);
      retainer_pdf_draw_text (writer, writer->regular, label_size, &writer->muted, writer->left,
                              y - label_size * 0.35, axis_width, RETAINER_PDF_ALIGN_RIGHT, label);
    }

  /* Month axis */
  month_step = retainer_chart_scale_month_step (last, CHART_MAX_MONTH_TICKS);
  for (guint m = 0; m <= last; m += month_step)
    {
      g_autofree char *label = g_strdup_printf ("%u", m);

      retainer_pdf_line (writer, &writer->rule, 0.4, FALSE, X_OF (m), plot_bottom, X_OF (m),
                         plot_bottom - 3);
      retainer_pdf_draw_text (writer, writer->regular, label_size, &writer->muted,
                              X_OF (m) - 20, plot_bottom - 12, 40, RETAINER_PDF_ALIGN_CENTER,
                              label);
    }

  /* The break-even line goes under the curves. */
  if (result->break_even_month > 0 && result->break_even_months >= 0)
    {
      double x = X_OF (MIN (result->break_even_months, (double) last));
      g_autofree char *label = retainer_break_even_describe (result->break_even_month,
                                                             result->break_even_months,
                                                             result->horizon_months,
                                                             RETAINER_BREAK_EVEN_PHRASE);
      double label_width = retainer_pdf_text_width (writer, writer->bold, 8, label);
      double label_x = x + 5;

      if (label_x + label_width > plot_right)
        label_x = x - 5 - label_width;
      retainer_pdf_line (writer, &writer->accent, 1, TRUE, x, plot_bottom, x, plot_top);
      retainer_pdf_draw_text (writer, writer->bold, 8, &writer->accent, label_x, plot_top - 9, 0,
                              RETAINER_PDF_ALIGN_LEFT, label);
    }

  /* The two curves (nothing to learn from them while measuring) */
  for (guint series = 0; series < 2 && writer->page != NULL; series++)
    {
      HPDF_Page_SetLineWidth (writer->page, 2);
      HPDF_Page_SetLineJoin (writer->page, HPDF_ROUND_JOIN);
      HPDF_Page_SetLineCap (writer->page, HPDF_ROUND_END);
      set_stroke (writer, series == 0 ? &without_color : &writer->primary);
      for (guint m = 0; m <= last; m++)
        {
          const RetainerMonth *month = &g_array_index (months, RetainerMonth, m);
          gint64 value = series == 0 ? month->without : month->with;

          if (m == 0)
            HPDF_Page_MoveTo (writer->page, (HPDF_REAL) X_OF (m), (HPDF_REAL) Y_OF (value));
          else
            HPDF_Page_LineTo (writer->page, (HPDF_REAL) X_OF (m), (HPDF_REAL) Y_OF (value));
        }
      HPDF_Page_Stroke (writer->page);
      HPDF_Page_SetLineCap (writer->page, HPDF_BUTT_END);
      HPDF_Page_SetLineJoin (writer->page, HPDF_MITER_JOIN);
    }

  /* The break-even point itself */
  if (result->break_even_month > 0 && result->break_even_months >= 0 && writer->page != NULL)
    {
      const RetainerMonth *month = &g_array_index (months, RetainerMonth,
                                                   MIN ((guint) result->break_even_month, last));
      const RetainerMonth *before = &g_array_index (months, RetainerMonth,
                                                    (guint) result->break_even_month - 1);
      double t = result->break_even_months - (result->break_even_month - 1);
      double value = before->with + (month->with - before->with) * CLAMP (t, 0, 1);

      HPDF_Page_SetRGBFill (writer->page, 1, 1, 1);
      set_stroke (writer, &writer->accent);
      HPDF_Page_SetLineWidth (writer->page, 1.5);
      HPDF_Page_Circle (writer->page, (HPDF_REAL) X_OF (result->break_even_months),
                        (HPDF_REAL) (plot_bottom + (plot_top - plot_bottom) * (value - min_value)
                                                     / (double) (axis_max - min_value)),
                        3);
      HPDF_Page_FillStroke (writer->page);
    }

#undef X_OF
#undef Y_OF

  writer->y = top - height;
  retainer_pdf_draw_text (writer, writer->regular, label_size, &writer->muted, plot_left,
                          writer->y + 1, plot_right - plot_left, RETAINER_PDF_ALIGN_CENTER,
                          _("Months from signature"));
  writer->y -= 8;
}
