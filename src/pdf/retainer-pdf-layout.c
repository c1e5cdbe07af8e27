/* retainer-pdf-layout.c: fonts, text in boxes, pages, tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fontconfig/fontconfig.h>
#include <string.h>

#include "retainer-pdf-private.h"

/* What the document promises to print: Polish, Czech, Turkish, German,
 * French, Greek and Cyrillic letters, the currency signs, our typography. */
static const gunichar required_chars[] = {
  0x0104, 0x0142, 0x0144, 0x017A, 0x017C, /* Ą ł ń ź ż */
  0x010D, 0x0159, 0x016F, 0x011B,         /* č ř ů ě */
  0x011F, 0x0130, 0x0131, 0x015F,         /* ğ İ ı ş */
  0x00E4, 0x00DF, 0x00E9, 0x00E7, 0x0153, /* ä ß é ç œ */
  0x03A9, 0x03B1, 0x03AC,                 /* Ω α ά */
  0x0416, 0x044F, 0x0451,                 /* Ж я ё */
  0x20AC, 0x00A3, 0x20B9, 0x00A5,         /* € £ ₹ ¥ */
  0x2212, 0x2013, 0x2019, 0x201C, 0x2022, 0x00A0, 0x2026, /* − – ’ “ • nbsp … */
};

static gboolean
font_is_usable (FcPattern *font,
                gboolean   bold,
                char     **path)
{
  FcChar8 *file = NULL;
  FcChar8 *format = NULL;
  FcCharSet *charset = NULL;
  FcBool variable = FcFalse;
  int weight = 0;
  int slant = 0;
  int width = FC_WIDTH_NORMAL;

  if (FcPatternGetString (font, FC_FILE, 0, &file) != FcResultMatch
      || FcPatternGetString (font, FC_FONTFORMAT, 0, &format) != FcResultMatch
      || FcPatternGetCharSet (font, FC_CHARSET, 0, &charset) != FcResultMatch
      || FcPatternGetInteger (font, FC_WEIGHT, 0, &weight) != FcResultMatch)
    return FALSE;

  /* libharu embeds TrueType outlines only; CFF-flavoured .otf files and
   * collections are out, and so are variable fonts, whose default instance
   * would not be the weight asked for. */
  if (strcmp ((const char *) format, "TrueType") != 0
      || !(g_str_has_suffix ((const char *) file, ".ttf")
           || g_str_has_suffix ((const char *) file, ".TTF")))
    return FALSE;
  if (FcPatternGetBool (font, FC_VARIABLE, 0, &variable) == FcResultMatch && variable)
    return FALSE;
  if (FcPatternGetInteger (font, FC_SLANT, 0, &slant) == FcResultMatch && slant != FC_SLANT_ROMAN)
    return FALSE;
  if (FcPatternGetInteger (font, FC_WIDTH, 0, &width) == FcResultMatch
      && width != FC_WIDTH_NORMAL)
    return FALSE;
  if (bold ? weight < FC_WEIGHT_DEMIBOLD || weight > FC_WEIGHT_EXTRABOLD
           : weight < FC_WEIGHT_BOOK || weight > FC_WEIGHT_MEDIUM)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (required_chars); i++)
    if (!FcCharSetHasChar (charset, required_chars[i]))
      return FALSE;

  *path = g_strdup ((const char *) file);
  return TRUE;
}

static char *
find_font (FcConfig *config,
           gboolean  bold)
{
  /* DejaVu Sans first: it is everywhere and covers every script we promise;
   * then whatever sans-serif font the system prefers. */
  static const char *const families[] = { "DejaVu Sans", "sans-serif" };

  for (guint f = 0; f < G_N_ELEMENTS (families); f++)
    {
      FcPattern *pattern = FcPatternCreate ();
      FcFontSet *set;
      FcResult result = FcResultNoMatch;
      char *path = NULL;

      FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) families[f]);
      FcPatternAddInteger (pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
      FcPatternAddInteger (pattern, FC_SLANT, FC_SLANT_ROMAN);
      FcPatternAddInteger (pattern, FC_WIDTH, FC_WIDTH_NORMAL);
      FcConfigSubstitute (config, pattern, FcMatchPattern);
      FcDefaultSubstitute (pattern);
      set = FcFontSort (config, pattern, FcFalse, NULL, &result);
      FcPatternDestroy (pattern);
      if (set == NULL)
        continue;

      /* Sorted by closeness: the family asked for comes first when it has the face. */
      for (int i = 0; i < set->nfont && path == NULL; i++)
        font_is_usable (set->fonts[i], bold, &path);
      FcFontSetDestroy (set);

      if (path != NULL)
        return path;
    }

  return NULL;
}

/**
 * retainer_pdf_find_fonts:
 * @regular_path: (out): the regular face
 * @bold_path: (out): the bold face; the regular one when there is no bold
 * @error: a #GError
 *
 * Returns: %TRUE when a usable TrueType font was found
 */
gboolean
retainer_pdf_find_fonts (char  **regular_path,
                         char  **bold_path,
                         GError **error)
{
  FcConfig *config = FcInitLoadConfigAndFonts ();
  g_autofree char *regular = NULL;
  g_autofree char *bold = NULL;

  if (config == NULL)
    {
      g_set_error (error, RETAINER_PDF_ERROR, RETAINER_PDF_ERROR_FONT,
                   _("Could not read the font configuration (fontconfig)"));
      return FALSE;
    }

  regular = find_font (config, FALSE);
  if (regular != NULL)
    bold = find_font (config, TRUE);
  FcConfigDestroy (config);

  if (regular == NULL)
    {
      g_set_error (error, RETAINER_PDF_ERROR, RETAINER_PDF_ERROR_FONT,
                   _("No TrueType font with Latin, Greek and Cyrillic letters and the "
                     "currency signs was found; install “fonts-dejavu-core” or another "
                     "TrueType sans-serif font"));
      return FALSE;
    }

  *bold_path = bold != NULL ? g_steal_pointer (&bold) : g_strdup (regular);
  *regular_path = g_steal_pointer (&regular);
  return TRUE;
}

/* Widths are added up in the font's integer units, as libharu does, and
 * scaled once: a line measured in pieces is exactly as wide as in one go. */
static double
units_to_points (guint  units,
                 double size)
{
  return units * size / 1000.0;
}

double
retainer_pdf_text_width (RetainerPdfWriter *writer,
                         RetainerPdfFont   *font,
                         double             size,
                         const char        *text)
{
  return units_to_points (retainer_pdf_face_units (font->face, text, -1), size);
}

/* How many bytes of `text` fit in `width`, cut between characters; at least one character. */
static gsize
fit_characters (RetainerPdfWriter *writer,
                RetainerPdfFont   *font,
                double             size,
                const char        *text,
                double             width)
{
  const char *end = g_utf8_next_char (text);
  guint units = retainer_pdf_face_units (font->face, text, end - text);

  while (*end != '\0')
    {
      units += retainer_pdf_face_char_units (font->face, g_utf8_get_char (end));
      if (units_to_points (units, size) > width)
        break;
      end = g_utf8_next_char (end);
    }

  return end - text;
}

GPtrArray *
retainer_pdf_wrap (RetainerPdfWriter *writer,
                   RetainerPdfFont   *font,
                   double             size,
                   const char        *text,
                   double             width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) paragraphs = g_strsplit (text != NULL ? text : "", "\n", -1);

  guint space_units = retainer_pdf_face_char_units (font->face, ' ');

  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      g_auto (GStrv) words = g_strsplit (paragraphs[p], " ", -1);
      GString *line = g_string_new (NULL);
      guint line_units = 0;

      for (guint w = 0; words[w] != NULL; w++)
        {
          const char *word = words[w];
          guint word_units;

          if (*word == '\0')
            continue;

          word_units = retainer_pdf_face_units (font->face, word, -1);
          if (line->len > 0)
            {
              if (units_to_points (line_units + space_units + word_units, size) <= width)
                {
                  g_string_append_c (line, ' ');
                  g_string_append (line, word);
                  line_units += space_units + word_units;
                  continue;
                }
              g_ptr_array_add (lines, g_strdup (line->str));
              g_string_truncate (line, 0);
            }

          /* A word wider than the box (a long company name without spaces, a
           * URL) is broken between characters rather than overflowing. */
          while (units_to_points (word_units, size) > width)
            {
              gsize fit = fit_characters (writer, font, size, word, width);

              g_ptr_array_add (lines, g_strndup (word, fit));
              word += fit;
              word_units = retainer_pdf_face_units (font->face, word, -1);
            }
          g_string_assign (line, word);
          line_units = word_units;
        }

      if (line->len > 0 || lines->len == 0 || paragraphs[p + 1] != NULL)
        g_ptr_array_add (lines, g_strdup (line->str));
      g_string_free (line, TRUE);
    }

  /* A trailing empty line from a text ending in a newline says nothing. */
  while (lines->len > 1 && *(const char *) g_ptr_array_index (lines, lines->len - 1) == '\0')
    g_ptr_array_remove_index (lines, lines->len - 1);

  return lines;
}

char *
retainer_pdf_fit (RetainerPdfWriter *writer,
                  RetainerPdfFont   *font,
                  double             size,
                  const char        *text,
                  double             width)
{
  const char *ellipsis = "…";
  g_autofree char *head = NULL;
  double ellipsis_width;
  gsize fit;

  if (retainer_pdf_text_width (writer, font, size, text) <= width)
    return g_strdup (text);

  ellipsis_width = retainer_pdf_text_width (writer, font, size, ellipsis);
  if (ellipsis_width >= width)
    return g_strdup ("");
  fit = fit_characters (writer, font, size, text, width - ellipsis_width);
  head = g_strndup (text, fit);
  g_strchomp (head);
  return g_strconcat (head, ellipsis, NULL);
}

static void
set_fill (RetainerPdfWriter      *writer,
          const RetainerPdfColor *color)
{
  if (writer->page == NULL)
    return;
  HPDF_Page_SetRGBFill (writer->page, (HPDF_REAL) color->red, (HPDF_REAL) color->green,
                        (HPDF_REAL) color->blue);
}

static void
set_stroke (RetainerPdfWriter      *writer,
            const RetainerPdfColor *color)
{
  if (writer->page == NULL)
    return;
  HPDF_Page_SetRGBStroke (writer->page, (HPDF_REAL) color->red, (HPDF_REAL) color->green,
                          (HPDF_REAL) color->blue);
}

void
retainer_pdf_draw_text (RetainerPdfWriter      *writer,
                        RetainerPdfFont        *font,
                        double                  size,
                        const RetainerPdfColor *color,
                        double                  x,
                        double                  baseline,
                        double                  width,
                        RetainerPdfAlign        align,
                        const char             *text)
{
  double text_width;

  if (text == NULL || *text == '\0')
    return;

  /* The first pass only learns which characters each face must carry. */
  if (writer->measuring)
    {
      retainer_pdf_face_use (font->face, text);
      return;
    }
  /* After a libharu failure (a page not added) nothing more is drawn; the
   * export reports the failure. */
  if (writer->status != HPDF_OK)
    return;
  g_return_if_fail (writer->page != NULL && font->font != NULL);
  /* Both passes lay out alike, so the trimmed face has every character
   * drawn now; one it lacked would print as an empty box. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!retainer_pdf_face_is_used (font->face, g_utf8_get_char (p)))
      {
        g_warning ("“%s” was not measured before it was drawn", text);
        break;
      }

  text_width = retainer_pdf_text_width (writer, font, size, text);
  if (align == RETAINER_PDF_ALIGN_RIGHT)
    x += width - text_width;
  else if (align == RETAINER_PDF_ALIGN_CENTER)
    x += (width - text_width) / 2;

  set_fill (writer, color);
  HPDF_Page_BeginText (writer->page);
  HPDF_Page_SetFontAndSize (writer->page, font->font, (HPDF_REAL) size);
  HPDF_Page_TextOut (writer->page, (HPDF_REAL) x, (HPDF_REAL) baseline, text);
  HPDF_Page_EndText (writer->page);
}

/* The baseline sits this far below the top of a line box. */
static double
ascent_of (double size,
           double leading)
{
  return size * 0.78 + (leading - size) / 2;
}

double
retainer_pdf_box_height (RetainerPdfWriter *writer,
                         RetainerPdfFont   *font,
                         double             size,
                         double             leading,
                         double             width,
                         const char        *text)
{
  g_autoptr (GPtrArray) lines = retainer_pdf_wrap (writer, font, size, text, width);

  return lines->len * leading;
}

double
retainer_pdf_draw_box (RetainerPdfWriter      *writer,
                       RetainerPdfFont        *font,
                       double                  size,
                       double                  leading,
                       const RetainerPdfColor *color,
                       double                  x,
                       double                  top,
                       double                  width,
                       RetainerPdfAlign        align,
                       const char             *text)
{
  g_autoptr (GPtrArray) lines = retainer_pdf_wrap (writer, font, size, text, width);

  for (guint i = 0; i < lines->len; i++)
    retainer_pdf_draw_text (writer, font, size, color, x,
                            top - i * leading - ascent_of (size, leading), width, align,
                            g_ptr_array_index (lines, i));

  return lines->len * leading;
}

void
retainer_pdf_fill_rect (RetainerPdfWriter      *writer,
                        const RetainerPdfColor *color,
                        double                  x,
                        double                  y,
                        double                  width,
                        double                  height)
{
  if (writer->page == NULL)
    return;
  set_fill (writer, color);
  HPDF_Page_Rectangle (writer->page, (HPDF_REAL) x, (HPDF_REAL) y, (HPDF_REAL) width,
                       (HPDF_REAL) height);
  HPDF_Page_Fill (writer->page);
}

void
retainer_pdf_line (RetainerPdfWriter      *writer,
                   const RetainerPdfColor *color,
                   double                  line_width,
                   gboolean                dashed,
                   double                  x1,
                   double                  y1,
                   double                  x2,
                   double                  y2)
{
  if (writer->page == NULL)
    return;
  set_stroke (writer, color);
  HPDF_Page_SetLineWidth (writer->page, (HPDF_REAL) line_width);
  if (dashed)
    {
      /* libharu 2.4 takes the pattern as reals, 2.3 as 16-bit integers. */
#if defined(HPDF_VERSION_ID) && HPDF_VERSION_ID >= 20400
      static const HPDF_REAL pattern[] = { 3, 2 };
#else
      static const HPDF_UINT16 pattern[] = { 3, 2 };
#endif
      HPDF_Page_SetDash (writer->page, pattern, 2, 0);
    }
  HPDF_Page_MoveTo (writer->page, (HPDF_REAL) x1, (HPDF_REAL) y1);
  HPDF_Page_LineTo (writer->page, (HPDF_REAL) x2, (HPDF_REAL) y2);
  HPDF_Page_Stroke (writer->page);
  if (dashed)
    HPDF_Page_SetDash (writer->page, NULL, 0, 0);
}

double
retainer_pdf_draw_logo (RetainerPdfWriter *writer,
                        double             x,
                        double             top,
                        double             max_width,
                        double             max_height)
{
  double image_width, image_height, scale;

  if (writer->logo == NULL)
    return 0;

  image_width = HPDF_Image_GetWidth (writer->logo);
  image_height = HPDF_Image_GetHeight (writer->logo);
  if (image_width <= 0 || image_height <= 0)
    return 0;

  scale = MIN (max_width / image_width, max_height / image_height);
  if (writer->page != NULL)
    HPDF_Page_DrawImage (writer->page, writer->logo, (HPDF_REAL) x,
                       (HPDF_REAL) (top - image_height * scale),
                       (HPDF_REAL) (image_width * scale), (HPDF_REAL) (image_height * scale));
  return image_width * scale;
}

/* Room at the top of pages after the cover for the running header. */
#define HEADER_HEIGHT 34.0

void
retainer_pdf_new_page (RetainerPdfWriter *writer)
{
  if (writer->measuring)
    writer->page = NULL;
  else
    {
      /* A page libharu could not add is NULL: record_error_cb() has the
       * failure, drawing skips it, and the export reports it. */
      writer->page = HPDF_AddPage (writer->doc);
      if (writer->page != NULL)
        {
          HPDF_Page_SetWidth (writer->page, (HPDF_REAL) writer->width);
          HPDF_Page_SetHeight (writer->page, (HPDF_REAL) writer->height);
        }
    }
  g_ptr_array_add (writer->pages, writer->page);
  writer->y = writer->top - (writer->pages->len > 1 ? HEADER_HEIGHT : 0);
}

static gboolean
at_page_top (RetainerPdfWriter *writer)
{
  return writer->y >= writer->top - HEADER_HEIGHT - 0.5;
}

void
retainer_pdf_need (RetainerPdfWriter *writer,
                   double             height)
{
  /* Something taller than a page starts at the top and runs over: better
   * than an endless run of empty pages. */
  if (writer->y - height < writer->bottom && !at_page_top (writer))
    retainer_pdf_new_page (writer);
}

void
retainer_pdf_heading (RetainerPdfWriter *writer,
                      const char        *text,
                      double             keep_with)
{
  double size = 16;
  double leading = 20;
  double space_before = at_page_top (writer) ? 0 : 22;
  double width = writer->right - writer->left;
  double height = retainer_pdf_box_height (writer, writer->bold, size, leading, width, text);

  retainer_pdf_need (writer, space_before + height + 10 + keep_with);
  if (!at_page_top (writer))
    writer->y -= space_before;

  writer->y -= retainer_pdf_draw_box (writer, writer->bold, size, leading, &writer->primary,
                                      writer->left, writer->y, width, RETAINER_PDF_ALIGN_LEFT,
                                      text);
  writer->y -= 3;
  retainer_pdf_fill_rect (writer, &writer->accent, writer->left, writer->y - 2, 36, 2);
  writer->y -= 12;
}

void
retainer_pdf_subheading (RetainerPdfWriter *writer,
                         const char        *text,
                         double             keep_with)
{
  double size = 11.5;
  double leading = 15;
  double space_before = at_page_top (writer) ? 0 : 10;
  double width = writer->right - writer->left;
  double height = retainer_pdf_box_height (writer, writer->bold, size, leading, width, text);

  retainer_pdf_need (writer, space_before + height + 4 + keep_with);
  if (!at_page_top (writer))
    writer->y -= space_before;
  writer->y -= retainer_pdf_draw_box (writer, writer->bold, size, leading, &writer->ink,
                                      writer->left, writer->y, width, RETAINER_PDF_ALIGN_LEFT,
                                      text);
  writer->y -= 4;
}

void
retainer_pdf_paragraph (RetainerPdfWriter *writer,
                        RetainerPdfFont   *font,
                        double             size,
                        const char        *text)
{
  double leading = size * 1.45;
  double width = writer->right - writer->left;
  g_autoptr (GPtrArray) lines = retainer_pdf_wrap (writer, font, size, text, width);

  for (guint i = 0; i < lines->len; i++)
    {
      /* Never leave a paragraph's last line alone at the top of a page. */
      retainer_pdf_need (writer, leading * (i + 2 == lines->len ? 2 : 1));
      retainer_pdf_draw_text (writer, font, size, &writer->ink, writer->left,
                              writer->y - ascent_of (size, leading), width,
                              RETAINER_PDF_ALIGN_LEFT, g_ptr_array_index (lines, i));
      writer->y -= leading;
    }
  writer->y -= size * 0.6;
}

void
retainer_pdf_list_item (RetainerPdfWriter *writer,
                        const char        *marker,
                        const char        *text)
{
  double size = RETAINER_PDF_BODY_SIZE;
  double leading = RETAINER_PDF_BODY_LEADING;
  double indent = 18;
  double width = writer->right - writer->left - indent;
  double height = retainer_pdf_box_height (writer, writer->regular, size, leading, width, text);

  retainer_pdf_need (writer, height + 3);
  retainer_pdf_draw_text (writer, writer->bold, size, &writer->accent, writer->left,
                          writer->y - ascent_of (size, leading), indent - 4,
                          RETAINER_PDF_ALIGN_LEFT, marker);
  writer->y -= retainer_pdf_draw_box (writer, writer->regular, size, leading, &writer->ink,
                                      writer->left + indent, writer->y, width,
                                      RETAINER_PDF_ALIGN_LEFT, text);
  writer->y -= 3;
}

void
retainer_pdf_finish_pages (RetainerPdfWriter *writer)
{
  guint n_pages = writer->pages->len;
  double width = writer->right - writer->left;
  double size = 7.5;

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page_label = NULL;
      g_autofree char *contact = NULL;
      g_autofree char *line = NULL;
      double number_width;
      double footer_top = writer->bottom - 16;

      writer->page = g_ptr_array_index (writer->pages, i);

      /* Translators: the page number in the footer of the proposal; %1$u
       * is this page, %2$u how many there are. */
      page_label = g_strdup_printf (_("Page %1$u of %2$u"), i + 1, n_pages);
      number_width = retainer_pdf_text_width (writer, writer->regular, size, page_label) + 12;

      retainer_pdf_line (writer, &writer->rule, 0.6, FALSE, writer->left, footer_top,
                         writer->right, footer_top);
      contact = retainer_pdf_fit (writer, writer->regular, size, writer->footer_contact,
                                  width - number_width);
      retainer_pdf_draw_text (writer, writer->regular, size, &writer->muted, writer->left,
                              footer_top - 11, width - number_width, RETAINER_PDF_ALIGN_LEFT,
                              contact);
      if (writer->footer_line != NULL && *writer->footer_line != '\0')
        {
          line = retainer_pdf_fit (writer, writer->regular, size, writer->footer_line,
                                   width - number_width);
          retainer_pdf_draw_text (writer, writer->regular, size, &writer->muted, writer->left,
                                  footer_top - 21, width - number_width,
                                  RETAINER_PDF_ALIGN_LEFT, line);
        }
      retainer_pdf_draw_text (writer, writer->regular, size, &writer->muted, writer->left,
                              footer_top - 11, width, RETAINER_PDF_ALIGN_RIGHT, page_label);

      if (i > 0)
        {
          double header_baseline = writer->top - 10;
          double logo_width = retainer_pdf_draw_logo (writer, writer->left, writer->top + 4,
                                                      90, 18);
          /* A long company name gets cut in the header; the cover prints it whole. */
          g_autofree char *right = retainer_pdf_fit (writer, writer->regular, size,
                                                     writer->header_right, width * 0.55);
          double right_width = retainer_pdf_text_width (writer, writer->regular, size, right);
          double left_x = writer->left + (logo_width > 0 ? logo_width + 10 : 0);
          g_autofree char *left = retainer_pdf_fit (writer, writer->bold, size,
                                                    writer->header_left,
                                                    writer->right - left_x - right_width - 16);

          retainer_pdf_draw_text (writer, writer->bold, size, &writer->primary, left_x,
                                  header_baseline, 0, RETAINER_PDF_ALIGN_LEFT, left);
          retainer_pdf_draw_text (writer, writer->regular, size, &writer->muted, writer->left,
                                  header_baseline, width, RETAINER_PDF_ALIGN_RIGHT, right);
          retainer_pdf_line (writer, &writer->rule, 0.6, FALSE, writer->left, writer->top - 18,
                             writer->right, writer->top - 18);
        }
    }
}

void
retainer_pdf_table_init (RetainerPdfTable       *table,
                         RetainerPdfWriter      *writer,
                         guint                   n_columns,
                         const double           *fractions,
                         const RetainerPdfAlign *aligns,
                         const char * const     *header)
{
  double width = writer->right - writer->left;

  g_assert (n_columns > 0 && n_columns <= G_N_ELEMENTS (table->widths));

  memset (table, 0, sizeof *table);
  table->writer = writer;
  table->n_columns = n_columns;
  table->marked_column = -1;
  table->size = 9;
  for (guint i = 0; i < n_columns; i++)
    {
      table->widths[i] = width * fractions[i];
      table->aligns[i] = aligns[i];
      table->header[i] = g_strdup (header != NULL ? header[i] : NULL);
    }
}

void
retainer_pdf_table_clear (RetainerPdfTable *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    g_clear_pointer (&table->header[i], g_free);
}

#define CELL_PAD_X 6.0
#define CELL_PAD_Y 5.0

/* The proposed plan's column is set in bold below the header: measured
 * in bold too, or its wrapped last line falls under the next row. */
static RetainerPdfFont *
cell_font (RetainerPdfTable *table,
           RetainerPdfFont  *font,
           guint             column,
           gboolean          is_header)
{
  if ((int) column == table->marked_column && !is_header)
    return table->writer->bold;
  return font;
}

static double
row_height (RetainerPdfTable   *table,
            RetainerPdfFont    *font,
            const char * const *cells,
            gboolean            is_header)
{
  RetainerPdfWriter *writer = table->writer;
  double leading = table->size * 1.35;
  double height = leading;

  for (guint i = 0; i < table->n_columns; i++)
    {
      double cell = retainer_pdf_box_height (writer, cell_font (table, font, i, is_header),
                                             table->size, leading,
                                             table->widths[i] - 2 * CELL_PAD_X,
                                             cells[i] != NULL ? cells[i] : "");
      height = MAX (height, cell);
    }

  return height + 2 * CELL_PAD_Y;
}

double
retainer_pdf_table_row_height (RetainerPdfTable   *table,
                               const char * const *cells,
                               gboolean            strong)
{
  return row_height (table, strong ? table->writer->bold : table->writer->regular, cells, FALSE);
}

double
retainer_pdf_table_header_height (RetainerPdfTable *table)
{
  if (table->header[0] == NULL)
    return 0;
  return row_height (table, table->writer->bold, (const char * const *) table->header, TRUE);
}

static void
draw_row (RetainerPdfTable       *table,
          RetainerPdfFont        *font,
          const RetainerPdfColor *fill,
          const RetainerPdfColor *text_color,
          const char * const     *cells,
          double                  height,
          gboolean                is_header)
{
  RetainerPdfWriter *writer = table->writer;
  double leading = table->size * 1.35;
  double x = writer->left;

  if (fill != NULL)
    retainer_pdf_fill_rect (writer, fill, writer->left, writer->y - height,
                            writer->right - writer->left, height);

  for (guint i = 0; i < table->n_columns; i++)
    {
      const RetainerPdfColor *color = text_color;

      if ((int) i == table->marked_column)
        {
          if (is_header)
            retainer_pdf_fill_rect (writer, &writer->primary, x, writer->y - height,
                                    table->widths[i], height);
          else if (fill == NULL)
            retainer_pdf_fill_rect (writer, &writer->primary_tint, x, writer->y - height,
                                    table->widths[i], height);
          if (is_header)
            color = writer->primary_is_light ? &writer->ink : &writer->white;
        }

      retainer_pdf_draw_box (writer, cell_font (table, font, i, is_header), table->size, leading, color, x + CELL_PAD_X, writer->y - CELL_PAD_Y,
                             table->widths[i] - 2 * CELL_PAD_X, table->aligns[i],
                             cells[i] != NULL ? cells[i] : "");
      x += table->widths[i];
    }

  writer->y -= height;
  retainer_pdf_line (writer, is_header ? &writer->primary : &writer->rule,
                     is_header ? 1.0 : 0.5, FALSE, writer->left, writer->y, writer->right,
                     writer->y);
}

void
retainer_pdf_table_draw_header (RetainerPdfTable *table)
{
  RetainerPdfWriter *writer = table->writer;
  double height;

  if (table->header[0] == NULL)
    return;

  height = retainer_pdf_table_header_height (table);
  draw_row (table, writer->bold, NULL, &writer->muted, (const char * const *) table->header,
            height, TRUE);
}

void
retainer_pdf_table_add_row (RetainerPdfTable   *table,
                            const char * const *cells,
                            gboolean            strong)
{
  RetainerPdfWriter *writer = table->writer;
  RetainerPdfFont *font = strong ? writer->bold : writer->regular;
  double height = row_height (table, font, cells, FALSE);

  if (writer->y - height < writer->bottom && !at_page_top (writer))
    {
      retainer_pdf_new_page (writer);
      retainer_pdf_table_draw_header (table);
    }

  draw_row (table, font, strong ? &writer->primary_tint : NULL, &writer->ink, cells, height,
            FALSE);
}
