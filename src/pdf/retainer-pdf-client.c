/* retainer-pdf-client.c: what the client's documents share: the cover,
 * the key figures, the acceptance block and month names
 *
 * They look like the proposal the client signed: the same letterhead,
 * band, running header and footer (retainer_pdf_write_branded()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "retainer-client-report.h"
#include "retainer-pdf-private.h"

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/**
 * retainer_pdf_agency_contact:
 * @agency: the brand
 *
 * Returns: (transfer full): the contact person, e-mail and phone that are
 *   set, one a line
 */
char *
retainer_pdf_agency_contact (const RetainerAgency *agency)
{
  const char *parts[] = { agency->contact_name, agency->email, agency->phone };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (!is_set (parts[i]))
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, parts[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * retainer_pdf_capitalize:
 * @text: (nullable): a phrase made to run on in a sentence ("month 2")
 *
 * Returns: (transfer full): @text with its first letter in title case
 */
char *
retainer_pdf_capitalize (const char *text)
{
  char buffer[8];

  if (!is_set (text))
    return g_strdup ("");
  buffer[g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (text)), buffer)] = '\0';
  return g_strconcat (buffer, g_utf8_next_char (text), NULL);
}

/**
 * retainer_pdf_verdict_text:
 * @verdict: a #RetainerMetricVerdict
 *
 * Returns: (transfer full): the verdict as the tables show it, marked
 *   when the metric moved the right or the wrong way
 */
char *
retainer_pdf_verdict_text (int verdict)
{
  const char *label = retainer_metric_verdict_label ((RetainerMetricVerdict) verdict);

  if (verdict == RETAINER_METRIC_VERDICT_BETTER)
    return g_strconcat ("✓ ", label, NULL);
  if (verdict == RETAINER_METRIC_VERDICT_WORSE)
    return g_strconcat ("✗ ", label, NULL);
  return g_strdup (label);
}

/**
 * retainer_pdf_document_language:
 * @code: (nullable): the proposal's language
 * @warnings: (nullable): receives a message when the language cannot be used
 *
 * Returns: (transfer full) (nullable): the document's language, or %NULL
 *   for the user's
 */
RetainerLanguage *
retainer_pdf_document_language (const char *code,
                                GPtrArray  *warnings)
{
  g_autoptr (GError) error = NULL;
  RetainerLanguage *language;

  if (!is_set (code))
    return NULL;
  language = retainer_language_new (code, &error);
  if (language == NULL && warnings != NULL)
    g_ptr_array_add (warnings,
                     /* Translators: %s says why, like “Retainer has no
                      * translation into the language “pt””. */
                     g_strdup_printf (_("The PDF is in your own language instead: %s"),
                                      error->message));
  return language;
}

/**
 * retainer_pdf_draw_client_cover:
 * @writer: the writer
 * @agency: the brand
 * @kicker: the small label above the title, like "MONTHLY VALUE REPORT"
 * @title: the title, like "Value report for Brightside Outfitters"
 * @lines: (array zero-terminated=1) (nullable): lines under the title
 * @facts: the facts under the band; empty values are left out
 * @n_facts: how many
 *
 * The proposal's cover, for the documents that follow it.
 */
void
retainer_pdf_draw_client_cover (RetainerPdfWriter     *writer,
                                const RetainerAgency  *agency,
                                const char            *kicker,
                                const char            *title,
                                const char * const    *lines,
                                const RetainerPdfFact *facts,
                                guint                  n_facts)
{
  double width = writer->right - writer->left;
  double y = writer->top;
  double title_size = 28;
  double right_column = width * 0.45;
  double logo_width, band_top, band_height, inner;
  const RetainerPdfColor *band_text;
  g_autoptr (GPtrArray) title_lines = NULL;

  retainer_pdf_new_page (writer);

  /* Letterhead: the logo left, the agency and its address right. */
  logo_width = retainer_pdf_draw_logo (writer, writer->left, y, width * 0.4, 64);
  if (logo_width == 0 && is_set (agency->name))
    retainer_pdf_draw_box (writer, writer->bold, 18, 22, &writer->primary, writer->left, y,
                           width * 0.5, RETAINER_PDF_ALIGN_LEFT, agency->name);
  {
    double right_x = writer->right - right_column;
    double ry = y;

    if (logo_width > 0 && is_set (agency->name))
      ry -= retainer_pdf_draw_box (writer, writer->bold, 11, 14, &writer->primary, right_x, ry,
                                   right_column, RETAINER_PDF_ALIGN_RIGHT, agency->name);
    if (is_set (agency->address))
      ry -= retainer_pdf_draw_box (writer, writer->regular, 8.5, 11.5, &writer->muted, right_x,
                                   ry, right_column, RETAINER_PDF_ALIGN_RIGHT, agency->address);
    if (is_set (agency->website))
      retainer_pdf_draw_box (writer, writer->regular, 8.5, 11.5, &writer->muted, right_x, ry,
                             right_column, RETAINER_PDF_ALIGN_RIGHT, agency->website);
  }

  /* The band, as tall as the title and its lines need. */
  title_lines = retainer_pdf_wrap (writer, writer->bold, title_size, title, width - 48);
  while (title_lines->len > 4 && title_size > 16)
    {
      title_size -= 2;
      g_ptr_array_unref (title_lines);
      title_lines = retainer_pdf_wrap (writer, writer->bold, title_size, title, width - 48);
    }
  inner = 24 + 14 + title_lines->len * title_size * 1.2 + 12;
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    inner += retainer_pdf_box_height (writer, writer->regular, 11, 15, width - 48, lines[i]);
  band_height = MAX (200, inner + 24);
  band_top = writer->height * 0.70;
  band_text = writer->primary_is_light ? &writer->ink : &writer->white;

  retainer_pdf_fill_rect (writer, &writer->primary, 0, band_top - band_height, writer->width,
                          band_height);
  retainer_pdf_fill_rect (writer, &writer->accent, 0, band_top - band_height, writer->width, 5);

  y = band_top - 30;
  retainer_pdf_draw_text (writer, writer->bold, 10,
                          writer->primary_is_light ? &writer->ink : &writer->accent,
                          writer->left + 24, y, 0, RETAINER_PDF_ALIGN_LEFT, kicker);
  y -= 14;
  for (guint i = 0; i < title_lines->len; i++)
    {
      y -= title_size * 1.2;
      retainer_pdf_draw_text (writer, writer->bold, title_size, band_text, writer->left + 24,
                              y + title_size * 0.25, width - 48, RETAINER_PDF_ALIGN_LEFT,
                              g_ptr_array_index (title_lines, i));
    }
  y -= 12;
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    y -= retainer_pdf_draw_box (writer, writer->regular, 11, 15, band_text, writer->left + 24, y,
                                width - 48, RETAINER_PDF_ALIGN_LEFT, lines[i]);

  /* The facts under the band, two columns. */
  {
    double column = width / 2;
    double row_top = band_top - band_height - 36;
    guint shown = 0;
    double used = 0;

    for (guint i = 0; i < n_facts; i++)
      {
        double x, h;

        if (!is_set (facts[i].value))
          continue;
        x = writer->left + (shown % 2) * column;
        retainer_pdf_draw_text (writer, writer->bold, 8, &writer->muted, x, row_top - 8,
                                column - 12, RETAINER_PDF_ALIGN_LEFT, facts[i].label);
        h = 14 + retainer_pdf_draw_box (writer, writer->regular, 11, 15, &writer->ink, x,
                                        row_top - 14, column - 12, RETAINER_PDF_ALIGN_LEFT,
                                        facts[i].value);
        used = MAX (used, h);
        shown++;
        if (shown % 2 == 0)
          {
            row_top -= used + 18;
            used = 0;
          }
      }
  }
}

/**
 * retainer_pdf_draw_key_figures:
 * @writer: the writer
 * @figures: label and figure of each box
 * @n_figures: how many, side by side
 *
 * The proposal's key-figure boxes, kept together on a page.
 */
void
retainer_pdf_draw_key_figures (RetainerPdfWriter     *writer,
                               const RetainerPdfFact *figures,
                               guint                  n_figures)
{
  double gap = 8;
  double box_width;
  double height = 0;

  g_return_if_fail (n_figures > 0);
  box_width = (writer->right - writer->left - gap * (n_figures - 1)) / n_figures;
  for (guint i = 0; i < n_figures; i++)
    {
      double h = 10 + retainer_pdf_box_height (writer, writer->bold, 7.5, 10, box_width - 16,
                                               figures[i].label)
                 + 4 + retainer_pdf_box_height (writer, writer->bold, 11, 14, box_width - 16,
                                                figures[i].value) + 10;
      height = MAX (height, h);
    }

  retainer_pdf_need (writer, height);
  for (guint i = 0; i < n_figures; i++)
    {
      double x = writer->left + i * (box_width + gap);
      double y = writer->y - 10;

      retainer_pdf_fill_rect (writer, &writer->primary_tint, x, writer->y - height, box_width,
                              height);
      retainer_pdf_fill_rect (writer, &writer->primary, x, writer->y - height, 2.5, height);
      y -= retainer_pdf_draw_box (writer, writer->bold, 7.5, 10, &writer->muted, x + 10, y,
                                  box_width - 16, RETAINER_PDF_ALIGN_LEFT, figures[i].label);
      y -= 4;
      retainer_pdf_draw_box (writer, writer->bold, 11, 14, &writer->primary, x + 10, y,
                             box_width - 16, RETAINER_PDF_ALIGN_LEFT, figures[i].value);
    }
  writer->y -= height + 14;
}

void
retainer_pdf_draw_signature_column (RetainerPdfWriter *writer,
                                    double             x,
                                    double             top,
                                    double             width,
                                    const char        *party,
                                    const char        *name,
                                    const char        *title)
{
  double y = top;
  const char *labels[] = { _("Signature"), _("Name"), _("Title"), _("Date") };
  const char *values[] = { NULL, name, title, NULL };

  y -= retainer_pdf_draw_box (writer, writer->bold, 10, 14, &writer->primary, x, y, width,
                              RETAINER_PDF_ALIGN_LEFT, party);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      y -= i == 0 ? 34 : 26;
      if (is_set (values[i]))
        {
          g_autofree char *fitted = retainer_pdf_fit (writer, writer->regular, 9.5, values[i],
                                                      width);
          retainer_pdf_draw_text (writer, writer->regular, 9.5, &writer->ink, x, y + 4, width,
                                  RETAINER_PDF_ALIGN_LEFT, fitted);
        }
      retainer_pdf_line (writer, &writer->muted, 0.6, FALSE, x, y, x + width, y);
      retainer_pdf_draw_text (writer, writer->regular, 7.5, &writer->muted, x, y - 9, width,
                              RETAINER_PDF_ALIGN_LEFT, labels[i]);
    }
}

/**
 * retainer_pdf_draw_acceptance_block:
 * @writer: the writer
 * @heading: the section's heading
 * @text: what the client accepts by signing
 * @client_party: "For Brightside Outfitters"
 * @client_name: (nullable): the client's contact, printed on the name line
 * @agency_party: "For Acme Applied AI"
 * @agency_name: (nullable): the agency's signatory
 * @agency_title: (nullable): the signatory's title
 *
 * The heading, the text and both signature columns, on one page.
 */
void
retainer_pdf_draw_acceptance_block (RetainerPdfWriter *writer,
                                    const char        *heading,
                                    const char        *text,
                                    const char        *client_party,
                                    const char        *client_name,
                                    const char        *agency_party,
                                    const char        *agency_name,
                                    const char        *agency_title)
{
  double width = writer->right - writer->left;
  double column = (width - 30) / 2;
  double text_height, party_height, block_height;

  text_height = retainer_pdf_box_height (writer, writer->regular, RETAINER_PDF_BODY_SIZE,
                                         RETAINER_PDF_BODY_LEADING, width, text);
  party_height = MAX (retainer_pdf_box_height (writer, writer->bold, 10, 14, column, client_party),
                      retainer_pdf_box_height (writer, writer->bold, 10, 14, column, agency_party));
  block_height = text_height + 18 + party_height + 34 + 3 * 26 + 14;

  retainer_pdf_heading (writer, heading, block_height);
  writer->y -= retainer_pdf_draw_box (writer, writer->regular, RETAINER_PDF_BODY_SIZE,
                                      RETAINER_PDF_BODY_LEADING, &writer->ink, writer->left,
                                      writer->y, width, RETAINER_PDF_ALIGN_LEFT, text);
  writer->y -= 18;
  retainer_pdf_draw_signature_column (writer, writer->left, writer->y, column, client_party,
                                      client_name, NULL);
  retainer_pdf_draw_signature_column (writer, writer->left + column + 30, writer->y, column,
                                      agency_party, agency_name, agency_title);
  writer->y -= block_height - text_height - 18;
}
