/* retainer-savings-chart.c
 *
 * Draws ready-made series only: the window hands over the months of the
 * core's projection and the break-even point; nothing here computes money.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "retainer-chart-scale.h"
#include "retainer-money.h"
#include "retainer-savings-chart.h"

#define PLOT_PAD_TOP    12.0
#define PLOT_PAD_RIGHT  16.0
#define LABEL_GAP       8.0
#define LEGEND_GAP      14.0
#define SWATCH_SIZE     10.0
#define MIN_TICK_SPACING_Y 44.0
#define MIN_TICK_SPACING_X 56.0
#define HATCH_SPACING   7.0

struct _RetainerSavingsChart
{
  GtkWidget  parent_instance;

  GArray    *months;            /* RetainerMonth */
  char      *currency;
  char      *break_even_label;
  char      *summary;
  double     break_even_months; /* < 0: none */
  int        hover_month;       /* -1: none */
  GArray    *cautious;          /* RetainerMonth of the cautious case; empty: no band */

  /* The plot area of the last snapshot, for hovering. */
  graphene_rect_t plot;
};

enum {
  PROP_0,
  PROP_CURRENCY,
  PROP_BREAK_EVEN_MONTHS,
  PROP_BREAK_EVEN_LABEL,
  PROP_SUMMARY,
  PROP_HOVER_MONTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RetainerSavingsChart, retainer_savings_chart, GTK_TYPE_WIDGET)

typedef struct
{
  GdkRGBA foreground;
  GdkRGBA grid;
  GdkRGBA muted;
  GdkRGBA without;
  GdkRGBA with;
  GdkRGBA saving;
  GdkRGBA loss;
  GdkRGBA surface;
} Palette;

static void
get_palette (RetainerSavingsChart *self,
             Palette              *palette)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gtk_widget_get_color (GTK_WIDGET (self), &palette->foreground);

  palette->grid = palette->foreground;
  palette->grid.alpha *= 0.12f;
  palette->muted = palette->foreground;
  palette->muted.alpha *= 0.65f;

  /* The GNOME palette: orange-red for today's bill, blue for the agency,
   * green for the money the client keeps; lighter shades on dark. */
  if (dark)
    {
      gdk_rgba_parse (&palette->without, "#ff7b63");
      gdk_rgba_parse (&palette->with, "#78aeed");
      gdk_rgba_parse (&palette->saving, "#57e389");
      gdk_rgba_parse (&palette->surface, "#303030");
    }
  else
    {
      gdk_rgba_parse (&palette->without, "#e01b24");
      gdk_rgba_parse (&palette->with, "#1c71d8");
      gdk_rgba_parse (&palette->saving, "#26a269");
      gdk_rgba_parse (&palette->surface, "#ffffff");
    }
  palette->loss = palette->without;
  palette->loss.alpha = 0.10f;
  palette->saving.alpha = 1.0f;
}

static PangoLayout *
create_label (RetainerSavingsChart *self,
              const char           *text,
              gboolean              bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Tabular figures, so ticks line up and nothing shifts while typing. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1"));
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
append_label (GtkSnapshot   *snapshot,
              PangoLayout   *layout,
              double         x,
              double         y,
              const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* g_set_str () arrived in GLib 2.76. */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static const RetainerMonth *
month_at (RetainerSavingsChart *self,
          guint                 index)
{
  return &g_array_index (self->months, RetainerMonth, index);
}

static guint
horizon (RetainerSavingsChart *self)
{
  return self->months->len > 0 ? self->months->len - 1 : 0;
}

static double
x_for_month (RetainerSavingsChart *self,
             double                month)
{
  guint last = MAX (horizon (self), 1);

  return self->plot.origin.x + self->plot.size.width * month / (double) last;
}

static double
y_for_amount (RetainerSavingsChart     *self,
              const RetainerChartScale *scale,
              gint64                    amount)
{
  double span = (double) (scale->high - scale->low);

  return self->plot.origin.y + self->plot.size.height
         - self->plot.size.height * (double) (amount - scale->low) / span;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* Shades the gap between the lines: green where the client is ahead,
 * a faint red while the setup fee is still being earned back. */
static void
draw_net_area (RetainerSavingsChart     *self,
               cairo_t                  *cr,
               const RetainerChartScale *scale,
               const Palette            *palette)
{
  GdkRGBA saving = palette->saving;

  saving.alpha = 0.16f;

  for (guint m = 0; m + 1 < self->months->len; m++)
    {
      const RetainerMonth *a = month_at (self, m);
      const RetainerMonth *b = month_at (self, m + 1);
      double xa = x_for_month (self, m), xb = x_for_month (self, m + 1);
      double ya_without = y_for_amount (self, scale, a->without);
      double ya_with = y_for_amount (self, scale, a->with);
      double yb_without = y_for_amount (self, scale, b->without);
      double yb_with = y_for_amount (self, scale, b->with);

      if ((a->net >= 0) == (b->net >= 0))
        {
          cairo_move_to (cr, xa, ya_without);
          cairo_line_to (cr, xb, yb_without);
          cairo_line_to (cr, xb, yb_with);
          cairo_line_to (cr, xa, ya_with);
          cairo_close_path (cr);
          set_source (cr, a->net + b->net >= 0 ? &saving : &palette->loss);
          cairo_fill (cr);
        }
      else
        {
          /* The lines cross inside this month: two triangles. */
          double t = (double) a->net / (double) (a->net - b->net);
          double xc = xa + (xb - xa) * t;
          double yc = ya_with + (yb_with - ya_with) * t;

          cairo_move_to (cr, xa, ya_without);
          cairo_line_to (cr, xc, yc);
          cairo_line_to (cr, xa, ya_with);
          cairo_close_path (cr);
          set_source (cr, a->net >= 0 ? &saving : &palette->loss);
          cairo_fill (cr);

          cairo_move_to (cr, xc, yc);
          cairo_line_to (cr, xb, yb_without);
          cairo_line_to (cr, xb, yb_with);
          cairo_close_path (cr);
          set_source (cr, b->net >= 0 ? &saving : &palette->loss);
          cairo_fill (cr);
        }
    }
}

static void
draw_series (RetainerSavingsChart     *self,
             cairo_t                  *cr,
             const RetainerChartScale *scale,
             gboolean                  with_agency,
             const GdkRGBA            *color)
{
  cairo_new_path (cr);
  for (guint m = 0; m < self->months->len; m++)
    {
      const RetainerMonth *month = month_at (self, m);
      gint64 amount = with_agency ? month->with : month->without;

      cairo_line_to (cr, x_for_month (self, m), y_for_amount (self, scale, amount));
    }
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  set_source (cr, color);
  cairo_stroke (cr);
}

/* The cautious band (kept apart from the labels): between the "with the
 * agency" line and where that line would run if the client kept only the
 * cautious case's net saving, measured down from the same "without" line.
 * Its height in a month is the saving the expected case promises beyond
 * the cautious one. */
static double
cautious_with_y (RetainerSavingsChart     *self,
                 const RetainerChartScale *scale,
                 guint                     m)
{
  const RetainerMonth *expected = month_at (self, m);
  const RetainerMonth *cautious = &g_array_index (self->cautious, RetainerMonth, m);

  return y_for_amount (self, scale, expected->without - cautious->net);
}

static gboolean
has_cautious_band (RetainerSavingsChart *self)
{
  return self->cautious->len > 1 && self->cautious->len == self->months->len;
}

static gint64
cautious_max_amount (RetainerSavingsChart *self)
{
  gint64 max_amount = 0;

  if (!has_cautious_band (self))
    return 0;
  for (guint m = 0; m < self->cautious->len; m++)
    max_amount = MAX (max_amount, month_at (self, m)->without
                                  - g_array_index (self->cautious, RetainerMonth, m).net);
  return max_amount;
}

static void
cautious_color (const Palette *palette,
                GdkRGBA       *color)
{
  *color = palette->with;
  color->alpha = 0.55f;
}

static void
draw_cautious_band (RetainerSavingsChart     *self,
                    cairo_t                  *cr,
                    const RetainerChartScale *scale,
                    const Palette            *palette)
{
  GdkRGBA fill, edge;
  const double dashes[] = { 5.0, 4.0 };

  if (!has_cautious_band (self))
    return;

  cautious_color (palette, &fill);
  edge = palette->with;
  edge.alpha = 0.9f;

  /* Hatched, so the net saving's green stays visible through it. */
  cairo_save (cr);
  cairo_new_path (cr);
  for (guint m = 0; m < self->months->len; m++)
    cairo_line_to (cr, x_for_month (self, m), y_for_amount (self, scale, month_at (self, m)->with));
  for (guint m = self->cautious->len; m-- > 0;)
    cairo_line_to (cr, x_for_month (self, m), cautious_with_y (self, scale, m));
  cairo_close_path (cr);
  cairo_clip (cr);
  {
    double x0, y0, x1, y1;

    cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
    cairo_new_path (cr);
    for (double x = x0 - (y1 - y0); x < x1; x += HATCH_SPACING)
      {
        cairo_move_to (cr, x, y1);
        cairo_line_to (cr, x + (y1 - y0), y0);
      }
    cairo_set_line_width (cr, 1.0);
    set_source (cr, &fill);
    cairo_stroke (cr);
  }
  cairo_restore (cr);

  cairo_save (cr);

  cairo_new_path (cr);
  for (guint m = 0; m < self->cautious->len; m++)
    cairo_line_to (cr, x_for_month (self, m), cautious_with_y (self, scale, m));
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  set_source (cr, &edge);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The band's legend entry, at the right end of the legend line. */
static void
draw_cautious_legend (RetainerSavingsChart *self,
                      GtkSnapshot          *snapshot,
                      double                width,
                      const Palette        *palette)
{
  g_autoptr (PangoLayout) layout = NULL;
  GdkRGBA swatch;
  int w, h;

  if (!has_cautious_band (self))
    return;

  cautious_color (palette, &swatch);
  layout = create_label (self, _("Cautious case"), FALSE);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (width - w - SWATCH_SIZE - 6 < 0)
    return;
  gtk_snapshot_append_color (snapshot, &swatch,
                             &GRAPHENE_RECT_INIT ((float) (width - w - SWATCH_SIZE - 6),
                                                  (float) (h - SWATCH_SIZE) / 2.0f,
                                                  SWATCH_SIZE, SWATCH_SIZE));
  append_label (snapshot, layout, width - w, 0, &palette->foreground);
}

/* Where the lines meet: between the months around the break-even point. */
static gboolean
break_even_point (RetainerSavingsChart     *self,
                  const RetainerChartScale *scale,
                  double                   *x,
                  double                   *y)
{
  guint before;
  double t;
  const RetainerMonth *a, *b;

  if (self->break_even_months < 0 || self->months->len < 2
      || self->break_even_months > (double) horizon (self))
    return FALSE;

  before = MIN ((guint) floor (self->break_even_months), horizon (self) - 1);
  t = self->break_even_months - (double) before;
  a = month_at (self, before);
  b = month_at (self, before + 1);
  *x = x_for_month (self, self->break_even_months);
  *y = y_for_amount (self, scale, a->with) * (1.0 - t) + y_for_amount (self, scale, b->with) * t;
  return TRUE;
}

/* Whether one series' line runs through the rectangle (x, y, w, h): each
 * segment is straight, so its y over the rectangle's width lies between
 * its values at the two ends of the overlap. */
static gboolean
series_crosses (RetainerSavingsChart     *self,
                const RetainerChartScale *scale,
                gboolean                  with_agency,
                double                    x,
                double                    y,
                double                    w,
                double                    h)
{
  /* Half the line's width, and a little air. */
  const double margin = 4;

  for (guint m = 0; m + 1 < self->months->len; m++)
    {
      const RetainerMonth *a = month_at (self, m);
      const RetainerMonth *b = month_at (self, m + 1);
      double xa = x_for_month (self, m), xb = x_for_month (self, m + 1);
      double ya = y_for_amount (self, scale, with_agency ? a->with : a->without);
      double yb = y_for_amount (self, scale, with_agency ? b->with : b->without);
      double left = MAX (xa, x - margin), right = MIN (xb, x + w + margin);
      double y_left, y_right;

      if (left > right)
        continue;
      y_left = ya + (yb - ya) * (left - xa) / (xb - xa);
      y_right = ya + (yb - ya) * (right - xa) / (xb - xa);
      if (MAX (y_left, y_right) >= y - margin && MIN (y_left, y_right) <= y + h + margin)
        return TRUE;
    }
  return FALSE;
}

/* Where the break-even label goes: near the point, inside the plot, on no
 * line and off the point itself. The first place that fits, tried from
 * the nearest; a label that fits nowhere goes above the point on its
 * backing, as before. */
static void
place_break_even_label (RetainerSavingsChart     *self,
                        const RetainerChartScale *scale,
                        double                    be_x,
                        double                    be_y,
                        int                       w,
                        int                       h,
                        double                   *out_x,
                        double                   *out_y)
{
  const double gap = 14;
  const double left_edge = self->plot.origin.x + 4;
  const double right_edge = self->plot.origin.x + self->plot.size.width - 4;
  const double top_edge = self->plot.origin.y;
  const double bottom_edge = self->plot.origin.y + self->plot.size.height - 4;
  const double xs[] = { be_x + gap, be_x - w - gap, be_x - w / 2.0 };
  const double ys[] = {
    be_y + gap, be_y - h - gap, be_y + 3 * gap, be_y - h - 3 * gap, bottom_edge - h, top_edge,
    (top_edge + bottom_edge - h) / 2.0,
  };

  for (guint j = 0; j < G_N_ELEMENTS (ys); j++)
    for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
      {
        double x = xs[i], y = ys[j];

        if (x < left_edge || x + w > right_edge || y < top_edge || y + h > bottom_edge)
          continue;
        /* Off the marker's circle. */
        if (be_x + 9 > x - 6 && be_x - 9 < x + w + 6 && be_y + 9 > y - 3 && be_y - 9 < y + h + 3)
          continue;
        if (series_crosses (self, scale, FALSE, x - 6, y - 3, w + 12, h + 6)
            || series_crosses (self, scale, TRUE, x - 6, y - 3, w + 12, h + 6))
          continue;
        *out_x = x;
        *out_y = y;
        return;
      }

  *out_x = CLAMP (be_x - w / 2.0, left_edge, right_edge - w);
  *out_y = MAX (top_edge, be_y - h - 24);
}

static double
append_legend_entry (RetainerSavingsChart *self,
                     GtkSnapshot          *snapshot,
                     double                x,
                     const char           *text,
                     const GdkRGBA        *swatch,
                     const GdkRGBA        *text_color)
{
  g_autoptr (PangoLayout) layout = create_label (self, text, FALSE);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_append_color (snapshot, swatch,
                             &GRAPHENE_RECT_INIT ((float) x,
                                                  (float) ((height - SWATCH_SIZE) / 2.0),
                                                  SWATCH_SIZE, SWATCH_SIZE));
  append_label (snapshot, layout, x + SWATCH_SIZE + 6, 0, text_color);
  return x + SWATCH_SIZE + 6 + width + LEGEND_GAP;
}

static void
append_hover (RetainerSavingsChart     *self,
              GtkSnapshot              *snapshot,
              const RetainerChartScale *scale,
              const Palette            *palette,
              double                    width)
{
  const RetainerMonth *month = month_at (self, (guint) self->hover_month);
  g_autofree char *text = retainer_savings_chart_describe_month (self, (guint) self->hover_month);
  g_autoptr (PangoLayout) layout = create_label (self, text, FALSE);
  double x = x_for_month (self, self->hover_month);
  double box_x, box_y;
  int text_width, text_height;
  GdkRGBA border = palette->foreground;
  cairo_t *cr;

  border.alpha = 0.25f;
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  box_x = x + 12 + text_width + 20 > width ? x - 12 - text_width - 20 : x + 12;
  box_y = self->plot.origin.y + 4;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float) width,
                                                                 (float) (self->plot.origin.y
                                                                          + self->plot.size.height)));
  cairo_set_line_width (cr, 1.0);
  set_source (cr, &palette->muted);
  cairo_move_to (cr, floor (x) + 0.5, self->plot.origin.y);
  cairo_line_to (cr, floor (x) + 0.5, self->plot.origin.y + self->plot.size.height);
  cairo_stroke (cr);

  set_source (cr, &palette->without);
  cairo_arc (cr, x, y_for_amount (self, scale, month->without), 4.0, 0, 2 * G_PI);
  cairo_fill (cr);
  set_source (cr, &palette->with);
  cairo_arc (cr, x, y_for_amount (self, scale, month->with), 4.0, 0, 2 * G_PI);
  cairo_fill (cr);

  cairo_rectangle (cr, box_x, box_y, text_width + 20, text_height + 14);
  set_source (cr, &palette->surface);
  cairo_fill_preserve (cr);
  set_source (cr, &border);
  cairo_stroke (cr);
  cairo_destroy (cr);

  append_label (snapshot, layout, box_x + 10, box_y + 7, &palette->foreground);
}

static void
retainer_savings_chart_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  RetainerSavingsChart *self = RETAINER_SAVINGS_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr (PangoLayout) probe = NULL;
  RetainerChartScale scale;
  Palette palette;
  gint64 max_amount = 0;
  int label_height, y_label_width = 0;
  double legend_x, plot_height, be_x, be_y;
  guint month_step, max_ticks;
  cairo_t *cr;

  if (self->months->len < 2 || width < 100 || height < 100)
    return;

  get_palette (self, &palette);

  for (guint m = 0; m < self->months->len; m++)
    max_amount = MAX (max_amount, MAX (month_at (self, m)->without, month_at (self, m)->with));

  max_amount = MAX (max_amount, cautious_max_amount (self));

  probe = create_label (self, "0", FALSE);
  pango_layout_get_pixel_size (probe, NULL, &label_height);

  /* Legend on top */
  legend_x = 0;
  legend_x = append_legend_entry (self, snapshot, legend_x, _("Without the agency"),
                                  &palette.without, &palette.foreground);
  legend_x = append_legend_entry (self, snapshot, legend_x, _("With the agency"),
                                  &palette.with, &palette.foreground);
  {
    GdkRGBA swatch = palette.saving;

    swatch.alpha = 0.35f;
    append_legend_entry (self, snapshot, legend_x, _("Net saving"), &swatch, &palette.foreground);
  }

  draw_cautious_legend (self, snapshot, width, &palette);

  /* The value axis: as many round ticks as fit. */
  plot_height = height - (label_height + PLOT_PAD_TOP) - (label_height + LABEL_GAP) - 2;
  max_ticks = MAX (2, (guint) (plot_height / MIN_TICK_SPACING_Y) + 1);
  retainer_chart_scale_compute (0, max_amount, max_ticks, &scale);

  for (guint i = 0; i < scale.n_ticks; i++)
    {
      g_autofree char *text = retainer_money_format (scale.low + (gint64) i * scale.step,
                                                     self->currency, RETAINER_MONEY_FORMAT_SHORT);
      g_autoptr (PangoLayout) layout = create_label (self, text, FALSE);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      y_label_width = MAX (y_label_width, w);
    }

  self->plot.origin.x = (float) (y_label_width + LABEL_GAP);
  self->plot.origin.y = (float) (label_height + PLOT_PAD_TOP);
  self->plot.size.width = (float) (width - self->plot.origin.x - PLOT_PAD_RIGHT);
  self->plot.size.height = (float) plot_height;

  for (guint i = 0; i < scale.n_ticks; i++)
    {
      gint64 amount = scale.low + (gint64) i * scale.step;
      g_autofree char *text = retainer_money_format (amount, self->currency,
                                                     RETAINER_MONEY_FORMAT_SHORT);
      g_autoptr (PangoLayout) layout = create_label (self, text, FALSE);
      double y = round (y_for_amount (self, &scale, amount));
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      append_label (snapshot, layout, y_label_width - w, y - label_height / 2.0, &palette.muted);
      gtk_snapshot_append_color (snapshot, &palette.grid,
                                 &GRAPHENE_RECT_INIT (self->plot.origin.x, (float) y,
                                                      self->plot.size.width, 1));
    }

  /* The month axis */
  max_ticks = MAX (2, (guint) (self->plot.size.width / MIN_TICK_SPACING_X) + 1);
  month_step = retainer_chart_scale_month_step (horizon (self), max_ticks);
  for (guint m = 0; m <= horizon (self); m += month_step)
    {
      g_autofree char *text = g_strdup_printf ("%u", m);
      g_autoptr (PangoLayout) layout = create_label (self, text, FALSE);
      double x = x_for_month (self, m);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      append_label (snapshot, layout, x - w / 2.0,
                    self->plot.origin.y + self->plot.size.height + LABEL_GAP, &palette.muted);
    }
  {
    /* Translators: the caption of the chart's time axis, under its left end. */
    g_autoptr (PangoLayout) layout = create_label (self, C_("chart axis", "Month"), FALSE);
    int w;

    pango_layout_get_pixel_size (layout, &w, NULL);
    append_label (snapshot, layout, MAX (0, self->plot.origin.x - LABEL_GAP - w - 14),
                  self->plot.origin.y + self->plot.size.height + LABEL_GAP, &palette.muted);
  }

  /* Area, lines, break-even */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float) width,
                                                                 (float) height));
  draw_net_area (self, cr, &scale, &palette);
  draw_cautious_band (self, cr, &scale, &palette);
  draw_series (self, cr, &scale, FALSE, &palette.without);
  draw_series (self, cr, &scale, TRUE, &palette.with);
  if (break_even_point (self, &scale, &be_x, &be_y))
    {
      set_source (cr, &palette.surface);
      cairo_arc (cr, be_x, be_y, 6.5, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_set_line_width (cr, 2.5);
      set_source (cr, &palette.saving);
      cairo_arc (cr, be_x, be_y, 6.5, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);

  if (break_even_point (self, &scale, &be_x, &be_y) && self->break_even_label != NULL)
    {
      /* The window's own words ("Paid back in month 2"), as in the PDF. */
      g_autoptr (PangoLayout) layout = create_label (self, self->break_even_label, TRUE);
      int w, h;
      double x, y;

      pango_layout_get_pixel_size (layout, &w, &h);
      place_break_even_label (self, &scale, be_x, be_y, w, h, &x, &y);
      /* On a backing, in case no place was free of lines. */
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT ((float) x - 6, (float) y - 3,
                                                                     (float) w + 12,
                                                                     (float) h + 6));
      cairo_rectangle (cr, x - 6, y - 3, w + 12, h + 6);
      set_source (cr, &palette.surface);
      cairo_fill (cr);
      cairo_destroy (cr);
      append_label (snapshot, layout, x, y, &palette.foreground);
    }

  if (self->hover_month >= 0 && (guint) self->hover_month < self->months->len)
    append_hover (self, snapshot, &scale, &palette, width);
}

static void
retainer_savings_chart_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 640;
    }
  else
    {
      *minimum = 220;
      *natural = 280;
    }
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           RetainerSavingsChart     *self)
{
  int month = -1;

  if (self->months->len >= 2 && self->plot.size.width > 0
      && x >= self->plot.origin.x - 8 && x <= self->plot.origin.x + self->plot.size.width + 8)
    {
      double position = (x - self->plot.origin.x) / self->plot.size.width * horizon (self);

      month = CLAMP ((int) round (position), 0, (int) horizon (self));
    }

  retainer_savings_chart_set_hover_month (self, month);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          RetainerSavingsChart     *self)
{
  retainer_savings_chart_set_hover_month (self, -1);
}

static void
dark_changed_cb (AdwStyleManager      *style_manager,
                 GParamSpec           *pspec,
                 RetainerSavingsChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible_description (RetainerSavingsChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->summary != NULL ? self->summary : "",
                                  -1);
}

static void
retainer_savings_chart_dispose (GObject *object)
{
  RetainerSavingsChart *self = RETAINER_SAVINGS_CHART (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed_cb, self);

  G_OBJECT_CLASS (retainer_savings_chart_parent_class)->dispose (object);
}

static void
retainer_savings_chart_finalize (GObject *object)
{
  RetainerSavingsChart *self = RETAINER_SAVINGS_CHART (object);

  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->cautious, g_array_unref);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->break_even_label, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (retainer_savings_chart_parent_class)->finalize (object);
}

static void
retainer_savings_chart_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RetainerSavingsChart *self = RETAINER_SAVINGS_CHART (object);

  switch (prop_id)
    {
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_BREAK_EVEN_MONTHS:
      g_value_set_double (value, self->break_even_months);
      break;
    case PROP_BREAK_EVEN_LABEL:
      g_value_set_string (value, self->break_even_label);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_HOVER_MONTH:
      g_value_set_int (value, self->hover_month);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
retainer_savings_chart_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RetainerSavingsChart *self = RETAINER_SAVINGS_CHART (object);

  switch (prop_id)
    {
    case PROP_CURRENCY:
      retainer_savings_chart_set_currency (self, g_value_get_string (value));
      break;
    case PROP_BREAK_EVEN_MONTHS:
      retainer_savings_chart_set_break_even_months (self, g_value_get_double (value));
      break;
    case PROP_BREAK_EVEN_LABEL:
      retainer_savings_chart_set_break_even_label (self, g_value_get_string (value));
      break;
    case PROP_SUMMARY:
      retainer_savings_chart_set_summary (self, g_value_get_string (value));
      break;
    case PROP_HOVER_MONTH:
      retainer_savings_chart_set_hover_month (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
retainer_savings_chart_class_init (RetainerSavingsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = retainer_savings_chart_dispose;
  object_class->finalize = retainer_savings_chart_finalize;
  object_class->get_property = retainer_savings_chart_get_property;
  object_class->set_property = retainer_savings_chart_set_property;

  widget_class->snapshot = retainer_savings_chart_snapshot;
  widget_class->measure = retainer_savings_chart_measure;

  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, "USD",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BREAK_EVEN_MONTHS] =
    g_param_spec_double ("break-even-months", NULL, NULL, -1.0, G_MAXDOUBLE, -1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BREAK_EVEN_LABEL] =
    g_param_spec_string ("break-even-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOVER_MONTH] =
    g_param_spec_int ("hover-month", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "savingschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
retainer_savings_chart_init (RetainerSavingsChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->months = g_array_new (FALSE, TRUE, sizeof (RetainerMonth));
  self->cautious = g_array_new (FALSE, TRUE, sizeof (RetainerMonth));
  self->currency = g_strdup ("USD");
  self->break_even_months = -1.0;
  self->hover_month = -1;

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, 0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Savings chart"),
                                  -1);
}

GtkWidget *
retainer_savings_chart_new (void)
{
  return g_object_new (RETAINER_TYPE_SAVINGS_CHART, NULL);
}

void
retainer_savings_chart_set_months (RetainerSavingsChart *self,
                                   const RetainerMonth  *months,
                                   guint                 n_months)
{
  g_return_if_fail (RETAINER_IS_SAVINGS_CHART (self));
  g_return_if_fail (months != NULL || n_months == 0);

  if (self->months->len == n_months
      && (n_months == 0 || memcmp (self->months->data, months,
                                   n_months * sizeof (RetainerMonth)) == 0))
    return;

  g_array_set_size (self->months, 0);
  g_array_append_vals (self->months, months, n_months);
  if (self->hover_month >= (int) n_months)
    retainer_savings_chart_set_hover_month (self, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
retainer_savings_chart_get_n_months (RetainerSavingsChart *self)
{
  g_return_val_if_fail (RETAINER_IS_SAVINGS_CHART (self), 0);

  return self->months->len;
}

const char *
retainer_savings_chart_get_currency (RetainerSavingsChart *self)
{
  g_return_val_if_fail (RETAINER_IS_SAVINGS_CHART (self), NULL);

  return self->currency;
}

void
retainer_savings_chart_set_currency (RetainerSavingsChart *self,
                                     const char           *currency)
{
  g_return_if_fail (RETAINER_IS_SAVINGS_CHART (self));

  if (replace_string (&self->currency, currency))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

double
retainer_savings_chart_get_break_even_months (RetainerSavingsChart *self)
{
  g_return_val_if_fail (RETAINER_IS_SAVINGS_CHART (self), -1.0);

  return self->break_even_months;
}

void
retainer_savings_chart_set_break_even_months (RetainerSavingsChart *self,
                                              double                break_even_months)
{
  g_return_if_fail (RETAINER_IS_SAVINGS_CHART (self));

  if (break_even_months < 0)
    break_even_months = -1.0;
  if (self->break_even_months == break_even_months)
    return;

  self->break_even_months = break_even_months;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BREAK_EVEN_MONTHS]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
retainer_savings_chart_get_break_even_label (RetainerSavingsChart *self)
{
  g_return_val_if_fail (RETAINER_IS_SAVINGS_CHART (self), NULL);

  return self->break_even_label;
}

void
retainer_savings_chart_set_break_even_label (RetainerSavingsChart *self,
                                             const char           *label)
{
  g_return_if_fail (RETAINER_IS_SAVINGS_CHART (self));

  if (replace_string (&self->break_even_label, label))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BREAK_EVEN_LABEL]);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

const char *
retainer_savings_chart_get_summary (RetainerSavingsChart *self)
{
  g_return_val_if_fail (RETAINER_IS_SAVINGS_CHART (self), NULL);

  return self->summary;
}

void
retainer_savings_chart_set_summary (RetainerSavingsChart *self,
                                    const char           *summary)
{
  g_return_if_fail (RETAINER_IS_SAVINGS_CHART (self));

  if (replace_string (&self->summary, summary))
    {
      update_accessible_description (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }
}

int
retainer_savings_chart_get_hover_month (RetainerSavingsChart *self)
{
  g_return_val_if_fail (RETAINER_IS_SAVINGS_CHART (self), -1);

  return self->hover_month;
}

void
retainer_savings_chart_set_hover_month (RetainerSavingsChart *self,
                                        int                   month)
{
  g_return_if_fail (RETAINER_IS_SAVINGS_CHART (self));

  if (month < 0)
    month = -1;
  if (self->hover_month == month)
    return;

  self->hover_month = month;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_MONTH]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

char *
retainer_savings_chart_describe_month (RetainerSavingsChart *self,
                                       guint                 month)
{
  const RetainerMonth *figures;
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;
  g_autofree char *net = NULL;

  g_return_val_if_fail (RETAINER_IS_SAVINGS_CHART (self), NULL);
  g_return_val_if_fail (month < self->months->len, NULL);

  figures = month_at (self, month);
  without = retainer_money_format (figures->without, self->currency, RETAINER_MONEY_FORMAT_ROUNDED);
  with = retainer_money_format (figures->with, self->currency, RETAINER_MONEY_FORMAT_ROUNDED);
  net = retainer_money_format (figures->net, self->currency, RETAINER_MONEY_FORMAT_ROUNDED);

  /* Translators: the chart's hover box; %1$u is a month number, the rest
   * are amounts of money, cumulative since the start. */
  return g_strdup_printf (_("Month %1$u\nWithout the agency: %2$s\nWith the agency: %3$s\n"
                            "Net saving: %4$s"),
                          month, without, with, net);
}

/**
 * retainer_savings_chart_set_cautious_series:
 * @months: (nullable): the cautious case's months 0..horizon, as in
 *   RetainerResult.cautious.months (copied); NULL or none: no band
 *
 * Shades the band between the expected net saving and the cautious one.
 * Drawn only when it has as many months as the expected series.
 */
void
retainer_savings_chart_set_cautious_series (RetainerSavingsChart *self,
                                            const RetainerMonth  *months,
                                            guint                 n_months)
{
  g_return_if_fail (RETAINER_IS_SAVINGS_CHART (self));
  g_return_if_fail (months != NULL || n_months == 0);

  if (self->cautious->len == n_months
      && (n_months == 0 || memcmp (self->cautious->data, months,
                                   n_months * sizeof (RetainerMonth)) == 0))
    return;

  g_array_set_size (self->cautious, 0);
  g_array_append_vals (self->cautious, months, n_months);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
retainer_savings_chart_get_n_cautious_months (RetainerSavingsChart *self)
{
  g_return_val_if_fail (RETAINER_IS_SAVINGS_CHART (self), 0);

  return self->cautious->len;
}
