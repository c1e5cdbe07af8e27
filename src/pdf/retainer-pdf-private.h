/* retainer-pdf-private.h: the typesetter shared by the PDF's parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <hpdf.h>
#include <string.h>

#include "retainer-agency.h"
#include "retainer-i18n.h"
#include "retainer-language.h"
#include "retainer-pdf.h"

G_BEGIN_DECLS

/* HPDF_Doc is already a pointer: g_auto (HPDF_Doc) doc = HPDF_New (...). */
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (HPDF_Doc, HPDF_Free, NULL)

typedef struct
{
  double red;
  double green;
  double blue;
} RetainerPdfColor;

/* A TrueType face as read by retainer-pdf-font.c: measured there, and
 * trimmed to the characters the document uses before libharu embeds it. */
typedef struct _RetainerPdfFace RetainerPdfFace;

RetainerPdfFace *retainer_pdf_face_load        (const char            *path,
                                                GError               **error);
void             retainer_pdf_face_free        (RetainerPdfFace       *face);
guint            retainer_pdf_face_units       (const RetainerPdfFace *face,
                                                const char            *text,
                                                gssize                 length);
guint            retainer_pdf_face_char_units  (const RetainerPdfFace *face,
                                                gunichar               c);
void             retainer_pdf_face_use         (RetainerPdfFace       *face,
                                                const char            *text);
gboolean         retainer_pdf_face_is_used     (const RetainerPdfFace *face,
                                                gunichar               c);
char            *retainer_pdf_face_write_subset (RetainerPdfFace      *face,
                                                GError               **error);
guint            retainer_pdf_face_glyph       (const RetainerPdfFace *face,
                                                gunichar               c);
gsize            retainer_pdf_face_outline_size (const RetainerPdfFace *face,
                                                guint                  glyph);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerPdfFace, retainer_pdf_face_free)

/* A face and, once the document's characters are known, libharu's font. */
typedef struct
{
  RetainerPdfFace *face;
  HPDF_Font        font;            /* NULL while the document is only measured */
} RetainerPdfFont;

typedef enum
{
  RETAINER_PDF_ALIGN_LEFT,
  RETAINER_PDF_ALIGN_RIGHT,
  RETAINER_PDF_ALIGN_CENTER,
} RetainerPdfAlign;

typedef struct
{
  HPDF_Doc          doc;
  HPDF_STATUS       status;          /* the first libharu error, 0 when none */
  HPDF_STATUS       detail;
  gboolean          measuring;       /* laying out only, to learn the characters used */
  RetainerPdfFont   regular_font;    /* the faces are the writer's own */
  RetainerPdfFont   bold_font;       /* face NULL when there is no bold */
  RetainerPdfFont  *regular;         /* &regular_font */
  RetainerPdfFont  *bold;            /* &bold_font, or the regular one */
  HPDF_Image        logo;            /* NULL without a usable logo */
  GPtrArray        *pages;           /* HPDF_Page, in order; NULLs while measuring */
  HPDF_Page         page;            /* the page being filled; NULL while measuring */
  double            width;           /* of the paper, in points */
  double            height;
  double            left;            /* content box */
  double            right;
  double            top;
  double            bottom;
  double            y;               /* top of the next thing on the page */
  RetainerPdfColor  primary;
  RetainerPdfColor  primary_tint;    /* the primary colour on white, for fills */
  RetainerPdfColor  accent;
  RetainerPdfColor  ink;
  RetainerPdfColor  muted;
  RetainerPdfColor  rule;
  RetainerPdfColor  white;
  gboolean          primary_is_light; /* dark text on primary fills */
  char             *header_left;     /* running header on pages after the cover */
  char             *header_right;
  char             *footer_contact;  /* running footer */
  char             *footer_line;
} RetainerPdfWriter;

/* Fonts (fontconfig): a TrueType file with glyf outlines covering the
 * scripts and currency signs we promise. */
gboolean   retainer_pdf_find_fonts       (char                 **regular_path,
                                          char                 **bold_path,
                                          GError               **error);

/* Logos: decoded, flattened onto white and scaled down before embedding. */
HPDF_Image retainer_pdf_load_logo        (HPDF_Doc               doc,
                                          GBytes                *bytes,
                                          const char            *display_name,
                                          GError               **error);

/* Text */
double     retainer_pdf_text_width       (RetainerPdfWriter     *writer,
                                          RetainerPdfFont       *font,
                                          double                 size,
                                          const char            *text);
/* Breaks `text` into lines no wider than `width`; words too long for a line
 * are broken between characters. Newlines start new lines. */
GPtrArray *retainer_pdf_wrap             (RetainerPdfWriter     *writer,
                                          RetainerPdfFont       *font,
                                          double                 size,
                                          const char            *text,
                                          double                 width);
/* `text` cut with an ellipsis to fit `width`. */
char      *retainer_pdf_fit              (RetainerPdfWriter     *writer,
                                          RetainerPdfFont       *font,
                                          double                 size,
                                          const char            *text,
                                          double                 width);
void       retainer_pdf_draw_text        (RetainerPdfWriter     *writer,
                                          RetainerPdfFont       *font,
                                          double                 size,
                                          const RetainerPdfColor *color,
                                          double                 x,
                                          double                 baseline,
                                          double                 width,
                                          RetainerPdfAlign       align,
                                          const char            *text);
/* Draws wrapped lines from `top` in a box; returns the height used. */
double     retainer_pdf_draw_box         (RetainerPdfWriter     *writer,
                                          RetainerPdfFont       *font,
                                          double                 size,
                                          double                 leading,
                                          const RetainerPdfColor *color,
                                          double                 x,
                                          double                 top,
                                          double                 width,
                                          RetainerPdfAlign       align,
                                          const char            *text);
double     retainer_pdf_box_height       (RetainerPdfWriter     *writer,
                                          RetainerPdfFont       *font,
                                          double                 size,
                                          double                 leading,
                                          double                 width,
                                          const char            *text);

/* Shapes */
void       retainer_pdf_fill_rect        (RetainerPdfWriter     *writer,
                                          const RetainerPdfColor *color,
                                          double                 x,
                                          double                 y,
                                          double                 width,
                                          double                 height);
void       retainer_pdf_line             (RetainerPdfWriter     *writer,
                                          const RetainerPdfColor *color,
                                          double                 line_width,
                                          gboolean               dashed,
                                          double                 x1,
                                          double                 y1,
                                          double                 x2,
                                          double                 y2);
/* Draws the logo inside a box, keeping its proportions; returns the width used. */
double     retainer_pdf_draw_logo        (RetainerPdfWriter     *writer,
                                          double                 x,
                                          double                 top,
                                          double                 max_width,
                                          double                 max_height);

/* The flow of pages */
void       retainer_pdf_new_page         (RetainerPdfWriter     *writer);
/* Starts a new page unless `height` still fits above the bottom margin. */
void       retainer_pdf_need             (RetainerPdfWriter     *writer,
                                          double                 height);
/* A section heading, kept on the page with the first `keep_with` points of what follows. */
void       retainer_pdf_heading          (RetainerPdfWriter     *writer,
                                          const char            *text,
                                          double                 keep_with);
void       retainer_pdf_subheading       (RetainerPdfWriter     *writer,
                                          const char            *text,
                                          double                 keep_with);
/* Body text that may flow onto the next page between lines. */
void       retainer_pdf_paragraph        (RetainerPdfWriter     *writer,
                                          RetainerPdfFont       *font,
                                          double                 size,
                                          const char            *text);
/* A list item with its marker ("•", "1."), kept whole on a page. */
void       retainer_pdf_list_item        (RetainerPdfWriter     *writer,
                                          const char            *marker,
                                          const char            *text);
/* Running header, footer and page numbers on every page, once all exist. */
void       retainer_pdf_finish_pages     (RetainerPdfWriter     *writer);

/* Tables: rows are never split across pages; the header repeats. */
typedef struct
{
  RetainerPdfWriter *writer;
  guint              n_columns;
  double             widths[8];
  RetainerPdfAlign   aligns[8];
  char              *header[8];
  int                marked_column;  /* tinted, -1 for none */
  double             size;
} RetainerPdfTable;

void       retainer_pdf_table_init       (RetainerPdfTable      *table,
                                          RetainerPdfWriter     *writer,
                                          guint                  n_columns,
                                          const double          *fractions,
                                          const RetainerPdfAlign *aligns,
                                          const char * const    *header);
void       retainer_pdf_table_clear      (RetainerPdfTable      *table);
double     retainer_pdf_table_header_height (RetainerPdfTable   *table);
/* The height of a row of `cells` as retainer_pdf_table_add_row () draws it. */
double     retainer_pdf_table_row_height (RetainerPdfTable      *table,
                                          const char * const    *cells,
                                          gboolean               strong);
void       retainer_pdf_table_draw_header (RetainerPdfTable     *table);
/* `strong` draws the row in bold on a tint. */
void       retainer_pdf_table_add_row    (RetainerPdfTable      *table,
                                          const char * const    *cells,
                                          gboolean               strong);

/* A chart's legend on one line under `top`: a bar of each colour, its label. */
typedef struct
{
  const RetainerPdfColor *color;
  const char             *label;
} RetainerPdfLegendEntry;

void       retainer_pdf_draw_legend      (RetainerPdfWriter     *writer,
                                          double                 x,
                                          double                 top,
                                          const RetainerPdfLegendEntry *entries,
                                          guint                  n_entries);

/* The savings chart, drawn as vectors. */
void       retainer_pdf_draw_savings_chart (RetainerPdfWriter   *writer,
                                          const RetainerProposal *proposal,
                                          const RetainerResult  *result,
                                          double                 height);

/* --- the client's documents (retainer-pdf-client.c and its parts) --- */

/* A document in the agency's brand: the proposal, the value report, the review. */
typedef struct
{
  const RetainerAgency   *agency;
  const RetainerLanguage *language;      /* the document's; NULL for the user's */
  const char             *agency_name;   /* as the document names it; NULL: no agency line, no author */
  const char             *title;         /* the PDF's title */
  const char             *header_right;  /* the running header after the cover */
  /* Lays out every page, cover first; runs twice (measuring, drawing). */
  void                  (*draw)          (RetainerPdfWriter *writer,
                                          gpointer           user_data);
  gpointer                user_data;
} RetainerPdfBrandedDocument;

gboolean   retainer_pdf_write_branded    (const RetainerPdfBrandedDocument *document,
                                          const char            *path,
                                          GPtrArray             *warnings,
                                          GError               **error);

/* A label and its value, on a cover or in a key-figure box. */
typedef struct
{
  const char *label;
  const char *value;
} RetainerPdfFact;

/* The proposal's cover, for another document: the letterhead, the band in
 * the agency's colour with `kicker` over `title` and the `lines` under it,
 * and the facts in two columns. */
void       retainer_pdf_draw_client_cover (RetainerPdfWriter    *writer,
                                          const RetainerAgency  *agency,
                                          const char            *kicker,
                                          const char            *title,
                                          const char * const    *lines,
                                          const RetainerPdfFact *facts,
                                          guint                  n_facts);
/* A row of tinted boxes, each a label over a figure. */
void       retainer_pdf_draw_key_figures (RetainerPdfWriter     *writer,
                                          const RetainerPdfFact *figures,
                                          guint                  n_figures);
/* One party's signature column from `top`: the party, then lines for the
 * signature, the name, the title and the date, with `name` and `title`
 * (nullable) written on theirs. */
void       retainer_pdf_draw_signature_column (RetainerPdfWriter *writer,
                                          double                 x,
                                          double                 top,
                                          double                 width,
                                          const char            *party,
                                          const char            *name,
                                          const char            *title);
/* Two signature columns under `text`, kept together with the heading. */
void       retainer_pdf_draw_acceptance_block (RetainerPdfWriter *writer,
                                          const char            *heading,
                                          const char            *text,
                                          const char            *client_party,
                                          const char            *client_name,
                                          const char            *agency_party,
                                          const char            *agency_name,
                                          const char            *agency_title);
/* The agency's contact person, e-mail and phone, one a line. */
char      *retainer_pdf_agency_contact   (const RetainerAgency  *agency);
/* `text` with its first letter in title case, to stand alone in a box. */
char      *retainer_pdf_capitalize       (const char            *text);
/* A metric's verdict in a table: "✓ better", "✗ worse", "unchanged". */
char      *retainer_pdf_verdict_text     (int                    verdict);
/* The document's language from a proposal's code (NULL or "" for the
 * user's); when Retainer has no catalogue for it, a warning and the user's. */
RetainerLanguage *retainer_pdf_document_language (const char    *code,
                                          GPtrArray             *warnings);

/* Promised against delivered: the proposal's projected cumulative net and
 * the actual one on the proposal's clock (month 0 = signature), with both
 * break-even months marked. */
void       retainer_pdf_draw_net_chart   (RetainerPdfWriter     *writer,
                                          const char            *currency,
                                          const GArray          *promised,
                                          const GArray          *actual,
                                          int                    promised_month,
                                          double                 promised_months,
                                          int                    actual_month,
                                          double                 actual_months,
                                          double                 height);

/* Layout constants, in points. */
#define RETAINER_PDF_BODY_SIZE 10.0
#define RETAINER_PDF_BODY_LEADING 14.5
#define RETAINER_PDF_SMALL_SIZE 8.0

G_END_DECLS
