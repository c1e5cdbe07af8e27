/* retainer-cover-preview.c
 *
 * An approximation of page 1 of the proposal PDF (see draw_cover () in
 * src/pdf/retainer-pdf.c): the letterhead, the title band in the primary
 * colour with the accent rule, the facts under it and the footer. Drawn in
 * PDF points, scaled to the widget, so the proportions follow the paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "retainer-agency.h"
#include "retainer-cover-preview.h"

/* The page's width on screen; the height follows the paper. */
#define PREVIEW_WIDTH 220
/* The PDF's layout, in points. */
#define PAGE_MARGIN 56.0
#define PAGE_TOP 48.0
#define PAGE_BOTTOM 72.0

typedef enum
{
  TEXT_AGENCY_NAME,
  TEXT_ADDRESS,
  TEXT_COMPANY,
  TEXT_NUMBER,
  TEXT_DATE,
  TEXT_VALID_UNTIL,
  TEXT_FOOTER,
  N_TEXTS
} PreviewText;

struct _RetainerCoverPreview
{
  GtkWidget      parent_instance;

  char          *texts[N_TEXTS];
  char          *primary_color;
  char          *accent_color;
  GdkRGBA        primary;
  GdkRGBA        accent;
  GdkTexture    *logo;
  RetainerPaper  paper;
  guint          n_draws;
};

G_DEFINE_FINAL_TYPE (RetainerCoverPreview, retainer_cover_preview, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_AGENCY_NAME,
  PROP_ADDRESS,
  PROP_COMPANY,
  PROP_NUMBER,
  PROP_DATE,
  PROP_VALID_UNTIL,
  PROP_FOOTER,
  PROP_PRIMARY_COLOR,
  PROP_ACCENT_COLOR,
  PROP_LOGO,
  PROP_PAPER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The text properties come first, in the order of PreviewText. */
#define TEXT_PROP(text) (PROP_AGENCY_NAME + (text))

static const GdkRGBA ink = { 0.13, 0.14, 0.16, 1 };
static const GdkRGBA muted = { 0.42, 0.44, 0.48, 1 };
static const GdkRGBA rule = { 0.82, 0.83, 0.85, 1 };
static const GdkRGBA white = { 1, 1, 1, 1 };

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
parse_color (const char *text,
             GdkRGBA    *rgba)
{
  double red, green, blue;

  if (retainer_color_parse (text, &red, &green, &blue))
    *rgba = (GdkRGBA) { red, green, blue, 1 };
}

/* The PDF's rules, from core: dark or white text on the band, and the
 * accent for the small label only where it reads there. */
static gboolean
is_light (const GdkRGBA *color)
{
  return retainer_color_wants_dark_text (color->red, color->green, color->blue);
}

static const GdkRGBA *
label_color (const GdkRGBA *accent,
             const GdkRGBA *primary,
             const GdkRGBA *band_text)
{
  if (retainer_color_is_readable_on (accent->red, accent->green, accent->blue,
                                     primary->red, primary->green, primary->blue))
    return accent;
  return band_text;
}

static void
set_text (RetainerCoverPreview *self,
          PreviewText           text,
          const char           *value)
{
  if (g_strcmp0 (self->texts[text], value) == 0)
    return;

  g_free (self->texts[text]);
  self->texts[text] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[TEXT_PROP (text)]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

static PangoLayout *
create_layout (RetainerCoverPreview *self,
               const char           *text,
               double                size,
               gboolean              bold,
               double                width,
               PangoAlignment        alignment)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

/* Draws `text` with its top at `y`; returns the height used. */
static double
draw_text (RetainerCoverPreview *self,
           GtkSnapshot          *snapshot,
           const char           *text,
           double                size,
           gboolean              bold,
           const GdkRGBA        *color,
           double                x,
           double                y,
           double                width,
           PangoAlignment        alignment)
{
  g_autoptr (PangoLayout) layout = NULL;
  int height;

  if (!is_set (text))
    return 0;

  layout = create_layout (self, text, size, bold, width, alignment);
  pango_layout_get_pixel_size (layout, NULL, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  return height;
}

static double
draw_logo (RetainerCoverPreview *self,
           GtkSnapshot          *snapshot,
           double                x,
           double                y,
           double                max_width,
           double                max_height)
{
  double width, height, fit;

  if (self->logo == NULL)
    return 0;

  width = gdk_texture_get_width (self->logo);
  height = gdk_texture_get_height (self->logo);
  if (width <= 0 || height <= 0)
    return 0;

  fit = MIN (max_width / width, max_height / height);
  gtk_snapshot_append_texture (snapshot, self->logo,
                               &GRAPHENE_RECT_INIT (x, y, width * fit, height * fit));
  return width * fit;
}

static void
draw_letterhead (RetainerCoverPreview *self,
                 GtkSnapshot          *snapshot,
                 double                page_width)
{
  double width = page_width - 2 * PAGE_MARGIN;
  double right_column = width * 0.45;
  double right_x = page_width - PAGE_MARGIN - right_column;
  double logo_width = draw_logo (self, snapshot, PAGE_MARGIN, PAGE_TOP, width * 0.4, 64);
  double y = PAGE_TOP;

  if (logo_width == 0)
    draw_text (self, snapshot, self->texts[TEXT_AGENCY_NAME], 18, TRUE, &self->primary,
               PAGE_MARGIN, PAGE_TOP, width * 0.5, PANGO_ALIGN_LEFT);
  else
    y += draw_text (self, snapshot, self->texts[TEXT_AGENCY_NAME], 11, TRUE, &self->primary,
                    right_x, y, right_column, PANGO_ALIGN_RIGHT);
  draw_text (self, snapshot, self->texts[TEXT_ADDRESS], 8.5, FALSE, &muted, right_x, y,
             right_column, PANGO_ALIGN_RIGHT);
}

/* Returns the bottom of the band. */
static double
draw_band (RetainerCoverPreview *self,
           GtkSnapshot          *snapshot,
           double                page_width,
           double                page_height)
{
  double width = page_width - 2 * PAGE_MARGIN;
  double band_top = page_height * 0.30;
  const GdkRGBA *band_text = is_light (&self->primary) ? &ink : &white;
  const char *company = is_set (self->texts[TEXT_COMPANY]) ? self->texts[TEXT_COMPANY]
                                                            : _("your company");
  g_autofree char *title = NULL;
  g_autoptr (PangoLayout) title_layout = NULL;
  double title_size = 28;
  int title_height;
  double band_height;

  /* Translators: the cover title; %s is the prospect's company. */
  title = g_strdup_printf (_("Proposal for %s"), company);
  title_layout = create_layout (self, title, title_size, TRUE, width - 48, PANGO_ALIGN_LEFT);
  while (pango_layout_get_line_count (title_layout) > 4 && title_size > 16)
    {
      title_size -= 2;
      g_object_unref (title_layout);
      title_layout = create_layout (self, title, title_size, TRUE, width - 48, PANGO_ALIGN_LEFT);
    }
  pango_layout_get_pixel_size (title_layout, NULL, &title_height);

  band_height = MAX (200, 24 + 14 + title_height + 12 + 24);
  gtk_snapshot_append_color (snapshot, &self->primary,
                             &GRAPHENE_RECT_INIT (0, band_top, page_width, band_height));
  gtk_snapshot_append_color (snapshot, &self->accent,
                             &GRAPHENE_RECT_INIT (0, band_top + band_height - 5, page_width, 5));

  draw_text (self, snapshot, C_("cover", "PROPOSAL"), 10, TRUE,
             label_color (&self->accent, &self->primary, band_text),
             PAGE_MARGIN + 24, band_top + 22, width - 48, PANGO_ALIGN_LEFT);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PAGE_MARGIN + 24, band_top + 40));
  gtk_snapshot_append_layout (snapshot, title_layout, band_text);
  gtk_snapshot_restore (snapshot);

  return band_top + band_height;
}

static void
draw_facts (RetainerCoverPreview *self,
            GtkSnapshot          *snapshot,
            double                page_width,
            double                band_bottom)
{
  double column = (page_width - 2 * PAGE_MARGIN) / 2;
  const struct
  {
    const char *label;
    const char *value;
  } facts[] = {
    { _("Date"), self->texts[TEXT_DATE] },
    { _("Proposal number"), self->texts[TEXT_NUMBER] },
    { _("Valid until"), self->texts[TEXT_VALID_UNTIL] },
  };
  double row_top = band_bottom + 36;

  for (guint i = 0; i < G_N_ELEMENTS (facts); i += 2)
    {
      double used = 0;

      for (guint j = 0; j < 2 && i + j < G_N_ELEMENTS (facts); j++)
        {
          double x = PAGE_MARGIN + j * column;

          if (!is_set (facts[i + j].value))
            continue;
          draw_text (self, snapshot, facts[i + j].label, 8, TRUE, &muted, x, row_top,
                     column - 12, PANGO_ALIGN_LEFT);
          used = MAX (used, 14 + draw_text (self, snapshot, facts[i + j].value, 11, FALSE, &ink,
                                            x, row_top + 12, column - 12, PANGO_ALIGN_LEFT));
        }
      row_top += used + 18;
    }
}

static void
draw_footer (RetainerCoverPreview *self,
             GtkSnapshot          *snapshot,
             double                page_width,
             double                page_height)
{
  double footer_top = page_height - PAGE_BOTTOM + 16;
  double width = page_width - 2 * PAGE_MARGIN;

  gtk_snapshot_append_color (snapshot, &rule,
                             &GRAPHENE_RECT_INIT (PAGE_MARGIN, footer_top, width, 0.6));
  draw_text (self, snapshot, self->texts[TEXT_AGENCY_NAME], 7, FALSE, &muted, PAGE_MARGIN,
             footer_top + 4, width * 0.7, PANGO_ALIGN_LEFT);
  draw_text (self, snapshot, self->texts[TEXT_FOOTER], 7, FALSE, &muted, PAGE_MARGIN,
             footer_top + 14, width * 0.7, PANGO_ALIGN_LEFT);
}

static void
retainer_cover_preview_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  RetainerCoverPreview *self = RETAINER_COVER_PREVIEW (widget);
  int widget_width = gtk_widget_get_width (widget);
  int widget_height = gtk_widget_get_height (widget);
  double page_width, page_height, scale, band_bottom;
  GskRoundedRect outline;
  static const GdkRGBA shadow = { 0, 0, 0, 0.25 };

  if (widget_width <= 0 || widget_height <= 0)
    return;

  self->n_draws++;
  retainer_paper_get_size (self->paper, &page_width, &page_height);
  scale = MIN (widget_width / page_width, widget_height / page_height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (floor ((widget_width - page_width * scale) / 2),
                                                floor ((widget_height - page_height * scale) / 2)));

  /* Paper stays white in the dark style too. */
  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (0, 0, page_width * scale,
                                                        page_height * scale),
                                   2);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 1, 4);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &white, &outline.bounds);

  gtk_snapshot_scale (snapshot, scale, scale);
  draw_letterhead (self, snapshot, page_width);
  band_bottom = draw_band (self, snapshot, page_width, page_height);
  draw_facts (self, snapshot, page_width, band_bottom);
  draw_footer (self, snapshot, page_width, page_height);

  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
}

static void
retainer_cover_preview_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  RetainerCoverPreview *self = RETAINER_COVER_PREVIEW (widget);
  double page_width, page_height;

  retainer_paper_get_size (self->paper, &page_width, &page_height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = PREVIEW_WIDTH;
  else
    *minimum = *natural = (int) ceil (PREVIEW_WIDTH * page_height / page_width);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
retainer_cover_preview_finalize (GObject *object)
{
  RetainerCoverPreview *self = RETAINER_COVER_PREVIEW (object);

  for (guint i = 0; i < N_TEXTS; i++)
    g_clear_pointer (&self->texts[i], g_free);
  g_clear_pointer (&self->primary_color, g_free);
  g_clear_pointer (&self->accent_color, g_free);
  g_clear_object (&self->logo);

  G_OBJECT_CLASS (retainer_cover_preview_parent_class)->finalize (object);
}

static void
retainer_cover_preview_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RetainerCoverPreview *self = RETAINER_COVER_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_AGENCY_NAME:
    case PROP_ADDRESS:
    case PROP_COMPANY:
    case PROP_NUMBER:
    case PROP_DATE:
    case PROP_VALID_UNTIL:
    case PROP_FOOTER:
      g_value_set_string (value, self->texts[prop_id - PROP_AGENCY_NAME]);
      break;
    case PROP_PRIMARY_COLOR:
      g_value_set_string (value, self->primary_color);
      break;
    case PROP_ACCENT_COLOR:
      g_value_set_string (value, self->accent_color);
      break;
    case PROP_LOGO:
      g_value_set_object (value, self->logo);
      break;
    case PROP_PAPER:
      g_value_set_uint (value, self->paper);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
retainer_cover_preview_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RetainerCoverPreview *self = RETAINER_COVER_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_AGENCY_NAME:
    case PROP_ADDRESS:
    case PROP_COMPANY:
    case PROP_NUMBER:
    case PROP_DATE:
    case PROP_VALID_UNTIL:
    case PROP_FOOTER:
      set_text (self, prop_id - PROP_AGENCY_NAME, g_value_get_string (value));
      break;
    case PROP_PRIMARY_COLOR:
      retainer_cover_preview_set_primary_color (self, g_value_get_string (value));
      break;
    case PROP_ACCENT_COLOR:
      retainer_cover_preview_set_accent_color (self, g_value_get_string (value));
      break;
    case PROP_LOGO:
      retainer_cover_preview_set_logo (self, g_value_get_object (value));
      break;
    case PROP_PAPER:
      retainer_cover_preview_set_paper (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
retainer_cover_preview_class_init (RetainerCoverPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const text_names[N_TEXTS] = {
    "agency-name", "address", "company", "number", "date", "valid-until", "footer",
  };
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = retainer_cover_preview_finalize;
  object_class->get_property = retainer_cover_preview_get_property;
  object_class->set_property = retainer_cover_preview_set_property;

  widget_class->snapshot = retainer_cover_preview_snapshot;
  widget_class->measure = retainer_cover_preview_measure;

  for (guint i = 0; i < N_TEXTS; i++)
    properties[TEXT_PROP (i)] = g_param_spec_string (text_names[i], NULL, NULL, NULL, flags);
  properties[PROP_PRIMARY_COLOR] = g_param_spec_string ("primary-color", NULL, NULL, "#1F4E79",
                                                        flags);
  properties[PROP_ACCENT_COLOR] = g_param_spec_string ("accent-color", NULL, NULL, "#2E8B57",
                                                       flags);
  properties[PROP_LOGO] = g_param_spec_object ("logo", NULL, NULL, GDK_TYPE_TEXTURE, flags);
  properties[PROP_PAPER] = g_param_spec_uint ("paper", NULL, NULL, 0, RETAINER_N_PAPERS - 1,
                                              RETAINER_PAPER_A4, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "coverpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
retainer_cover_preview_init (RetainerCoverPreview *self)
{
  self->primary_color = g_strdup ("#1F4E79");
  self->accent_color = g_strdup ("#2E8B57");
  parse_color (self->primary_color, &self->primary);
  parse_color (self->accent_color, &self->accent);
  self->paper = RETAINER_PAPER_A4;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview of the proposal’s cover"), -1);
}

GtkWidget *
retainer_cover_preview_new (void)
{
  return g_object_new (RETAINER_TYPE_COVER_PREVIEW, NULL);
}

/* ------------------------------------------------------------------ */
/* Properties                                                          */

const char *
retainer_cover_preview_get_agency_name (RetainerCoverPreview *self)
{
  g_return_val_if_fail (RETAINER_IS_COVER_PREVIEW (self), NULL);
  return self->texts[TEXT_AGENCY_NAME];
}

void
retainer_cover_preview_set_agency_name (RetainerCoverPreview *self,
                                        const char           *agency_name)
{
  g_return_if_fail (RETAINER_IS_COVER_PREVIEW (self));
  set_text (self, TEXT_AGENCY_NAME, agency_name);
}

const char *
retainer_cover_preview_get_address (RetainerCoverPreview *self)
{
  g_return_val_if_fail (RETAINER_IS_COVER_PREVIEW (self), NULL);
  return self->texts[TEXT_ADDRESS];
}

void
retainer_cover_preview_set_address (RetainerCoverPreview *self,
                                    const char           *address)
{
  g_return_if_fail (RETAINER_IS_COVER_PREVIEW (self));
  set_text (self, TEXT_ADDRESS, address);
}

const char *
retainer_cover_preview_get_company (RetainerCoverPreview *self)
{
  g_return_val_if_fail (RETAINER_IS_COVER_PREVIEW (self), NULL);
  return self->texts[TEXT_COMPANY];
}

void
retainer_cover_preview_set_company (RetainerCoverPreview *self,
                                    const char           *company)
{
  g_return_if_fail (RETAINER_IS_COVER_PREVIEW (self));
  set_text (self, TEXT_COMPANY, company);
}

const char *
retainer_cover_preview_get_number (RetainerCoverPreview *self)
{
  g_return_val_if_fail (RETAINER_IS_COVER_PREVIEW (self), NULL);
  return self->texts[TEXT_NUMBER];
}

void
retainer_cover_preview_set_number (RetainerCoverPreview *self,
                                   const char           *number)
{
  g_return_if_fail (RETAINER_IS_COVER_PREVIEW (self));
  set_text (self, TEXT_NUMBER, number);
}

const char *
retainer_cover_preview_get_date (RetainerCoverPreview *self)
{
  g_return_val_if_fail (RETAINER_IS_COVER_PREVIEW (self), NULL);
  return self->texts[TEXT_DATE];
}

void
retainer_cover_preview_set_date (RetainerCoverPreview *self,
                                 const char           *date)
{
  g_return_if_fail (RETAINER_IS_COVER_PREVIEW (self));
  set_text (self, TEXT_DATE, date);
}

const char *
retainer_cover_preview_get_valid_until (RetainerCoverPreview *self)
{
  g_return_val_if_fail (RETAINER_IS_COVER_PREVIEW (self), NULL);
  return self->texts[TEXT_VALID_UNTIL];
}

void
retainer_cover_preview_set_valid_until (RetainerCoverPreview *self,
                                        const char           *valid_until)
{
  g_return_if_fail (RETAINER_IS_COVER_PREVIEW (self));
  set_text (self, TEXT_VALID_UNTIL, valid_until);
}

const char *
retainer_cover_preview_get_footer (RetainerCoverPreview *self)
{
  g_return_val_if_fail (RETAINER_IS_COVER_PREVIEW (self), NULL);
  return self->texts[TEXT_FOOTER];
}

void
retainer_cover_preview_set_footer (RetainerCoverPreview *self,
                                   const char           *footer)
{
  g_return_if_fail (RETAINER_IS_COVER_PREVIEW (self));
  set_text (self, TEXT_FOOTER, footer);
}

const char *
retainer_cover_preview_get_primary_color (RetainerCoverPreview *self)
{
  g_return_val_if_fail (RETAINER_IS_COVER_PREVIEW (self), NULL);
  return self->primary_color;
}

void
retainer_cover_preview_set_primary_color (RetainerCoverPreview *self,
                                          const char           *color)
{
  g_return_if_fail (RETAINER_IS_COVER_PREVIEW (self));
  g_return_if_fail (retainer_color_parse (color, NULL, NULL, NULL));

  if (g_ascii_strcasecmp (self->primary_color, color) == 0)
    return;

  g_free (self->primary_color);
  self->primary_color = g_strdup (color);
  parse_color (color, &self->primary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIMARY_COLOR]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
retainer_cover_preview_get_accent_color (RetainerCoverPreview *self)
{
  g_return_val_if_fail (RETAINER_IS_COVER_PREVIEW (self), NULL);
  return self->accent_color;
}

void
retainer_cover_preview_set_accent_color (RetainerCoverPreview *self,
                                         const char           *color)
{
  g_return_if_fail (RETAINER_IS_COVER_PREVIEW (self));
  g_return_if_fail (retainer_color_parse (color, NULL, NULL, NULL));

  if (g_ascii_strcasecmp (self->accent_color, color) == 0)
    return;

  g_free (self->accent_color);
  self->accent_color = g_strdup (color);
  parse_color (color, &self->accent);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCENT_COLOR]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GdkTexture *
retainer_cover_preview_get_logo (RetainerCoverPreview *self)
{
  g_return_val_if_fail (RETAINER_IS_COVER_PREVIEW (self), NULL);
  return self->logo;
}

void
retainer_cover_preview_set_logo (RetainerCoverPreview *self,
                                 GdkTexture           *logo)
{
  g_return_if_fail (RETAINER_IS_COVER_PREVIEW (self));
  g_return_if_fail (logo == NULL || GDK_IS_TEXTURE (logo));

  if (g_set_object (&self->logo, logo))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGO]);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

RetainerPaper
retainer_cover_preview_get_paper (RetainerCoverPreview *self)
{
  g_return_val_if_fail (RETAINER_IS_COVER_PREVIEW (self), RETAINER_PAPER_A4);
  return self->paper;
}

void
retainer_cover_preview_set_paper (RetainerCoverPreview *self,
                                  RetainerPaper         paper)
{
  g_return_if_fail (RETAINER_IS_COVER_PREVIEW (self));
  g_return_if_fail ((guint) paper < RETAINER_N_PAPERS);

  if (self->paper == paper)
    return;

  self->paper = paper;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER]);
  /* The page's proportion changes the widget's height. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
retainer_cover_preview_get_n_draws (RetainerCoverPreview *self)
{
  g_return_val_if_fail (RETAINER_IS_COVER_PREVIEW (self), 0);
  return self->n_draws;
}
