/* retainer-pdf-font.c: TrueType faces, measured here and trimmed before embedding
 *
 * libharu 2.3 embeds only the outlines a document draws, but it writes the
 * rest of the font as it finds it: glyph names, the whole character map and
 * every advance width, and in the PDF a width for every character the font
 * maps and a CIDToGIDMap entry for each. For DejaVu Sans that is ~90 KB per
 * face. So the document is laid out once to learn which characters it uses
 * (measuring text here, from the same hmtx and cmap libharu reads), then each
 * face is written to a private temporary file that maps only those
 * characters, and that copy is what libharu loads. Glyph ids stay as they
 * are; glyphs nobody uses lose their outline and metrics, which compress to
 * nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "retainer-pdf-private.h"

struct _RetainerPdfFace
{
  GMappedFile  *file;
  const guint8 *data;
  gsize         size;
  char         *display_name;
  guint16       units_per_em;
  guint16       n_glyphs;
  guint16       n_long_metrics;  /* hhea numberOfHMetrics */
  gboolean      long_offsets;    /* head indexToLocFormat */
  guint16      *glyph_of;        /* BMP code point -> glyph id, 0 when unmapped */
  guint16      *advance_of;      /* glyph id -> advance in 1/1000 em */
  guint8       *used;            /* BMP code points the document draws, a bit each */
};

/* The tables the trimmed copy is made of: libharu 2.3 embeds exactly these
 * thirteen, so nothing else needs to be written. Sorted by tag, as the
 * table directory must be. */
enum
{
  TABLE_OS2,
  TABLE_CMAP,
  TABLE_CVT,
  TABLE_FPGM,
  TABLE_GLYF,
  TABLE_HEAD,
  TABLE_HHEA,
  TABLE_HMTX,
  TABLE_LOCA,
  TABLE_MAXP,
  TABLE_NAME,
  TABLE_POST,
  TABLE_PREP,
  N_TABLES
};

static const char table_tags[N_TABLES][5] = {
  "OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name",
  "post", "prep",
};

/* Tables libharu cannot do without; the hinting ones may be missing. */
static const gboolean table_required[N_TABLES] = {
  TRUE, TRUE, FALSE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE,
};

typedef struct
{
  const guint8 *data;
  guint32       length;
} Table;

static guint16
read_u16 (const guint8 *p)
{
  return (guint16) (p[0] << 8 | p[1]);
}

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static void
write_u16 (guint8  *p,
           guint16  value)
{
  p[0] = value >> 8;
  p[1] = value & 0xFF;
}

static void
write_u32 (guint8  *p,
           guint32  value)
{
  p[0] = value >> 24;
  p[1] = (value >> 16) & 0xFF;
  p[2] = (value >> 8) & 0xFF;
  p[3] = value & 0xFF;
}

static gboolean
set_format_error (GError    **error,
                  const char *display_name,
                  const char *what)
{
  g_set_error (error, RETAINER_PDF_ERROR, RETAINER_PDF_ERROR_FONT,
               /* Translators: %1$s a font file, %2$s what is wrong with it (untranslated). */
               _("The font %1$s cannot be embedded: its %2$s is not valid TrueType"),
               display_name, what);
  return FALSE;
}

/* Finds a table in the font's directory, checking it lies inside the file. */
static gboolean
find_table (const RetainerPdfFace *face,
            const char            *tag,
            Table                 *table)
{
  guint n_tables;

  table->data = NULL;
  table->length = 0;
  if (face->size < 12)
    return FALSE;

  n_tables = read_u16 (face->data + 4);
  if (12 + 16 * (gsize) n_tables > face->size)
    return FALSE;

  for (guint i = 0; i < n_tables; i++)
    {
      const guint8 *entry = face->data + 12 + 16 * i;
      guint32 offset = read_u32 (entry + 8);
      guint32 length = read_u32 (entry + 12);

      if (memcmp (entry, tag, 4) != 0)
        continue;
      if (offset > face->size || length > face->size - offset)
        return FALSE;
      table->data = face->data + offset;
      table->length = length;
      return TRUE;
    }

  return FALSE;
}

static void
map_format4 (RetainerPdfFace *face,
             const guint8    *subtable,
             guint32          available)
{
  guint32 length;
  guint seg_count;
  const guint8 *ends, *starts, *deltas, *range_offsets;

  if (available < 14)
    return;
  length = MIN (read_u16 (subtable + 2), available);
  seg_count = read_u16 (subtable + 6) / 2;
  if (16 + 8 * (gsize) seg_count > length)
    return;

  ends = subtable + 14;
  starts = ends + 2 * seg_count + 2;
  deltas = starts + 2 * seg_count;
  range_offsets = deltas + 2 * seg_count;

  for (guint s = 0; s < seg_count; s++)
    {
      guint start = read_u16 (starts + 2 * s);
      guint end = read_u16 (ends + 2 * s);
      guint16 delta = read_u16 (deltas + 2 * s);
      guint range_offset = read_u16 (range_offsets + 2 * s);

      for (guint c = start; c <= end && c < 0xFFFF; c++)
        {
          guint16 glyph;

          if (range_offset == 0)
            glyph = (guint16) (c + delta);
          else
            {
              /* The offset counts from its own place in the idRangeOffset array. */
              gsize at = (gsize) (range_offsets + 2 * s - subtable) + range_offset
                         + 2 * (gsize) (c - start);

              if (at + 2 > length)
                continue;
              glyph = read_u16 (subtable + at);
              if (glyph != 0)
                glyph = (guint16) (glyph + delta);
            }
          if (glyph < face->n_glyphs)
            face->glyph_of[c] = glyph;
        }
    }
}

static void
map_format12 (RetainerPdfFace *face,
              const guint8    *subtable,
              guint32          available)
{
  guint32 length, n_groups;

  if (available < 16)
    return;
  length = MIN (read_u32 (subtable + 4), available);
  n_groups = read_u32 (subtable + 12);
  if (n_groups > (length - 16) / 12)
    return;

  for (guint32 g = 0; g < n_groups; g++)
    {
      const guint8 *group = subtable + 16 + 12 * g;
      guint32 start = read_u32 (group);
      guint32 end = read_u32 (group + 4);
      guint32 glyph = read_u32 (group + 8);

      /* libharu's UTF-8 text is 16-bit: only the Basic Multilingual Plane counts. */
      for (guint32 c = start; c <= end && c < 0xFFFF; c++, glyph++)
        if (glyph < face->n_glyphs)
          face->glyph_of[c] = (guint16) glyph;
    }
}

/* Reads the Unicode character map: the full-repertoire one (format 12) when
 * there is one, the BMP one (format 4) otherwise. */
static gboolean
read_cmap (RetainerPdfFace *face,
           const Table     *cmap)
{
  const guint8 *best = NULL;
  guint best_rank = 0;
  guint32 best_available = 0;
  guint n_subtables;

  if (cmap->length < 4)
    return FALSE;
  n_subtables = read_u16 (cmap->data + 2);
  if (4 + 8 * (gsize) n_subtables > cmap->length)
    return FALSE;

  for (guint i = 0; i < n_subtables; i++)
    {
      const guint8 *record = cmap->data + 4 + 8 * i;
      guint platform = read_u16 (record);
      guint encoding = read_u16 (record + 2);
      guint32 offset = read_u32 (record + 4);
      guint format, rank = 0;

      if (offset + 2 > cmap->length)
        continue;
      format = read_u16 (cmap->data + offset);
      if (format == 12 && (platform == 0 || (platform == 3 && encoding == 10)))
        rank = 3;
      else if (format == 4 && platform == 3 && encoding == 1)
        rank = 2;
      else if (format == 4 && platform == 0)
        rank = 1;
      if (rank > best_rank)
        {
          best = cmap->data + offset;
          best_rank = rank;
          best_available = cmap->length - offset;
        }
    }

  if (best == NULL)
    return FALSE;
  if (best_rank == 3)
    map_format12 (face, best, best_available);
  else
    map_format4 (face, best, best_available);
  return TRUE;
}

void
retainer_pdf_face_free (RetainerPdfFace *face)
{
  if (face == NULL)
    return;
  g_clear_pointer (&face->file, g_mapped_file_unref);
  g_free (face->display_name);
  g_free (face->glyph_of);
  g_free (face->advance_of);
  g_free (face->used);
  g_free (face);
}

/**
 * retainer_pdf_face_load:
 * @path: a TrueType file
 * @error: a #GError
 *
 * Reads what measuring and trimming need: the character map, the advance
 * widths and the table directory. The file stays mapped.
 *
 * Returns: (transfer full): the face, or %NULL
 */
RetainerPdfFace *
retainer_pdf_face_load (const char *path,
                        GError    **error)
{
  g_autoptr (GError) map_error = NULL;
  g_autoptr (RetainerPdfFace) face = g_new0 (RetainerPdfFace, 1);
  Table head, hhea, maxp, hmtx, cmap;

  face->display_name = g_filename_display_name (path);
  face->file = g_mapped_file_new (path, FALSE, &map_error);
  if (face->file == NULL)
    {
      g_set_error (error, RETAINER_PDF_ERROR, RETAINER_PDF_ERROR_FONT,
                   _("The font %s could not be read: %s"), face->display_name,
                   map_error->message);
      return NULL;
    }
  face->data = (const guint8 *) g_mapped_file_get_contents (face->file);
  face->size = g_mapped_file_get_length (face->file);

  if (face->size < 12 || read_u32 (face->data) != 0x00010000)
    {
      set_format_error (error, face->display_name, "header");
      return NULL;
    }
  for (guint i = 0; i < N_TABLES; i++)
    {
      Table table;

      if (table_required[i] && !find_table (face, table_tags[i], &table))
        {
          set_format_error (error, face->display_name, table_tags[i]);
          return NULL;
        }
    }

  find_table (face, "head", &head);
  find_table (face, "hhea", &hhea);
  find_table (face, "maxp", &maxp);
  find_table (face, "hmtx", &hmtx);
  find_table (face, "cmap", &cmap);
  if (head.length < 54 || read_u16 (head.data + 18) == 0 || hhea.length < 36
      || maxp.length < 6)
    {
      set_format_error (error, face->display_name, "head");
      return NULL;
    }

  face->units_per_em = read_u16 (head.data + 18);
  face->long_offsets = read_u16 (head.data + 50) != 0;
  face->n_glyphs = read_u16 (maxp.data + 4);
  face->n_long_metrics = read_u16 (hhea.data + 34);
  if (face->n_glyphs == 0 || face->n_long_metrics == 0
      || face->n_long_metrics > face->n_glyphs
      || hmtx.length < 4 * (gsize) face->n_long_metrics
                         + 2 * (gsize) (face->n_glyphs - face->n_long_metrics))
    {
      set_format_error (error, face->display_name, "hmtx");
      return NULL;
    }

  /* The same integer arithmetic libharu uses, so that what is measured here
   * is where libharu puts the next glyph. */
  face->advance_of = g_new (guint16, face->n_glyphs);
  for (guint g = 0; g < face->n_glyphs; g++)
    {
      guint advance = read_u16 (hmtx.data + 4 * MIN (g, face->n_long_metrics - 1u));

      face->advance_of[g] = (guint16) (advance * 1000 / face->units_per_em);
    }

  face->glyph_of = g_new0 (guint16, 0x10000);
  if (!read_cmap (face, &cmap))
    {
      set_format_error (error, face->display_name, "cmap");
      return NULL;
    }

  face->used = g_new0 (guint8, 0x10000 / 8);
  return g_steal_pointer (&face);
}

static gunichar
libharu_char (gunichar c)
{
  /* What libharu's 16-bit UTF-8 decoding makes of a character outside the BMP. */
  return c <= 0xFFFF ? c : 0;
}

/**
 * retainer_pdf_face_units:
 * @face: a face
 * @text: UTF-8 text
 * @length: bytes of @text to measure, or -1 for all
 *
 * Returns: the advance of @text in 1/1000 em, as libharu computes it
 */
guint
retainer_pdf_face_units (const RetainerPdfFace *face,
                         const char            *text,
                         gssize                 length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;
  guint units = 0;

  for (const char *p = text; p < end && *p != '\0'; p = g_utf8_next_char (p))
    units += retainer_pdf_face_char_units (face, g_utf8_get_char (p));

  return units;
}

guint
retainer_pdf_face_char_units (const RetainerPdfFace *face,
                              gunichar               c)
{
  return face->advance_of[face->glyph_of[libharu_char (c)]];
}

/* Remembers the characters of `text` for the trimmed copy. */
void
retainer_pdf_face_use (RetainerPdfFace *face,
                       const char      *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = libharu_char (g_utf8_get_char (p));

      face->used[c / 8] |= 1 << (c % 8);
    }
}

gboolean
retainer_pdf_face_is_used (const RetainerPdfFace *face,
                           gunichar               c)
{
  c = libharu_char (c);
  return (face->used[c / 8] & (1 << (c % 8))) != 0;
}

/* Where glyph `glyph`'s outline lies in glyf; FALSE when loca says nonsense. */
static gboolean
glyph_range (const RetainerPdfFace *face,
             const Table           *loca,
             const Table           *glyf,
             guint                  glyph,
             guint32               *start,
             guint32               *end)
{
  if (face->long_offsets)
    {
      if (4 * ((gsize) glyph + 2) > loca->length)
        return FALSE;
      *start = read_u32 (loca->data + 4 * glyph);
      *end = read_u32 (loca->data + 4 * glyph + 4);
    }
  else
    {
      if (2 * ((gsize) glyph + 2) > loca->length)
        return FALSE;
      *start = 2 * (guint32) read_u16 (loca->data + 2 * glyph);
      *end = 2 * (guint32) read_u16 (loca->data + 2 * glyph + 2);
    }
  return *start <= *end && *end <= glyf->length;
}

/* Marks the glyphs a composite glyph is built from, and theirs in turn. */
static void
keep_components (const RetainerPdfFace *face,
                 const Table           *loca,
                 const Table           *glyf,
                 guint8                *keep,
                 guint                  glyph,
                 guint                  depth)
{
  enum
  {
    ARGS_ARE_WORDS = 0x0001,
    HAVE_SCALE = 0x0008,
    MORE_COMPONENTS = 0x0020,
    HAVE_X_AND_Y_SCALE = 0x0040,
    HAVE_TWO_BY_TWO = 0x0080,
  };
  guint32 start, end, at;
  guint flags;

  if (depth > 8 || !glyph_range (face, loca, glyf, glyph, &start, &end) || end - start < 10
      || (gint16) read_u16 (glyf->data + start) >= 0)
    return;

  at = start + 10;
  do
    {
      guint component;

      if (at + 4 > end)
        return;
      flags = read_u16 (glyf->data + at);
      component = read_u16 (glyf->data + at + 2);
      at += 4 + ((flags & ARGS_ARE_WORDS) ? 4 : 2);
      if (flags & HAVE_SCALE)
        at += 2;
      else if (flags & HAVE_X_AND_Y_SCALE)
        at += 4;
      else if (flags & HAVE_TWO_BY_TWO)
        at += 8;

      if (component < face->n_glyphs && !keep[component])
        {
          keep[component] = 1;
          keep_components (face, loca, glyf, keep, component, depth + 1);
        }
    }
  while (flags & MORE_COMPONENTS);
}

static guint32
checksum (const guint8 *data,
          gsize         length)
{
  guint32 sum = 0;
  gsize i;

  for (i = 0; i + 4 <= length; i += 4)
    sum += read_u32 (data + i);
  if (i < length)
    {
      guint8 tail[4] = { 0 };

      memcpy (tail, data + i, length - i);
      sum += read_u32 (tail);
    }
  return sum;
}

/* A format 4 cmap of the used characters: one segment per run of
 * consecutive characters whose glyph ids are consecutive too. */
static GByteArray *
build_cmap (const RetainerPdfFace *face)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint16));
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (guint16));
  GByteArray *out = g_byte_array_new ();
  guint seg_count, search_range = 2, entry_selector = 0;
  guint length;
  guint8 *p;

  for (guint c = 0; c < 0xFFFF; c++)
    {
      guint16 last;

      if (!retainer_pdf_face_is_used (face, c) || face->glyph_of[c] == 0)
        continue;
      last = ends->len > 0 ? g_array_index (ends, guint16, ends->len - 1) : 0;
      if (ends->len > 0 && c == last + 1u && face->glyph_of[c] == face->glyph_of[last] + 1u)
        g_array_index (ends, guint16, ends->len - 1) = (guint16) c;
      else
        {
          guint16 value = (guint16) c;

          g_array_append_val (starts, value);
          g_array_append_val (ends, value);
        }
    }
  {
    /* The table must end with a segment for 0xFFFF. */
    guint16 value = 0xFFFF;

    g_array_append_val (starts, value);
    g_array_append_val (ends, value);
  }

  seg_count = ends->len;
  while (search_range * 2 <= seg_count * 2)
    {
      search_range *= 2;
      entry_selector++;
    }
  length = 16 + 8 * seg_count;

  g_byte_array_set_size (out, 4 + 8 + length);
  p = out->data;
  memset (p, 0, out->len);
  write_u16 (p, 0);             /* version */
  write_u16 (p + 2, 1);         /* one subtable: Windows, Unicode BMP */
  write_u16 (p + 4, 3);
  write_u16 (p + 6, 1);
  write_u32 (p + 8, 12);
  p += 12;
  write_u16 (p, 4);
  write_u16 (p + 2, (guint16) length);
  write_u16 (p + 4, 0);
  write_u16 (p + 6, (guint16) (seg_count * 2));
  write_u16 (p + 8, (guint16) search_range);
  write_u16 (p + 10, (guint16) entry_selector);
  write_u16 (p + 12, (guint16) (seg_count * 2 - search_range));
  for (guint s = 0; s < seg_count; s++)
    {
      guint16 start = g_array_index (starts, guint16, s);
      guint16 end = g_array_index (ends, guint16, s);
      guint16 delta = start == 0xFFFF ? 1 : (guint16) (face->glyph_of[start] - start);

      write_u16 (p + 14 + 2 * s, end);
      write_u16 (p + 16 + 2 * seg_count + 2 * s, start);
      write_u16 (p + 16 + 4 * seg_count + 2 * s, delta);
      /* idRangeOffset stays 0: the deltas say it all. */
    }

  g_array_unref (starts);
  g_array_unref (ends);
  return out;
}

/* The names libharu reads (the PostScript name, the style) and the ones a
 * font is identified by; the long licence texts stay behind. */
static GByteArray *
build_name (const Table *name)
{
  GByteArray *out = g_byte_array_new ();
  GByteArray *strings = g_byte_array_new ();
  guint count, string_offset, kept = 0;
  guint8 header[6] = { 0 };

  if (name->length >= 6)
    {
      count = read_u16 (name->data + 2);
      string_offset = read_u16 (name->data + 4);
    }
  else
    count = string_offset = 0;
  if (6 + 12 * (gsize) count > name->length)
    count = 0;

  g_byte_array_append (out, header, sizeof header);
  for (guint i = 0; i < count; i++)
    {
      const guint8 *record = name->data + 6 + 12 * i;
      guint platform = read_u16 (record);
      guint encoding = read_u16 (record + 2);
      guint language = read_u16 (record + 4);
      guint name_id = read_u16 (record + 6);
      guint length = read_u16 (record + 8);
      guint offset = read_u16 (record + 10);
      guint8 copy[12];

      if (!(name_id <= 4 || name_id == 6))
        continue;
      if (!((platform == 1 && encoding == 0 && language == 0)
            || (platform == 3 && encoding == 1 && language == 0x0409)))
        continue;
      if ((gsize) string_offset + offset + length > name->length)
        continue;

      memcpy (copy, record, 12);
      write_u16 (copy + 10, (guint16) strings->len);
      g_byte_array_append (out, copy, 12);
      g_byte_array_append (strings, name->data + string_offset + offset, length);
      kept++;
    }

  write_u16 (out->data, 0);
  write_u16 (out->data + 2, (guint16) kept);
  write_u16 (out->data + 4, (guint16) out->len);
  g_byte_array_append (out, strings->data, strings->len);
  g_byte_array_unref (strings);
  return out;
}

/* Builds the trimmed font in memory. */
static GBytes *
build_subset (const RetainerPdfFace *face)
{
  Table source[N_TABLES];
  GByteArray *tables[N_TABLES] = { NULL };
  g_autofree guint8 *keep = g_new0 (guint8, face->n_glyphs);
  GByteArray *font;
  guint32 head_offset = 0;

  for (guint i = 0; i < N_TABLES; i++)
    find_table (face, table_tags[i], &source[i]);

  /* The glyphs: .notdef, those of the used characters, and their components. */
  keep[0] = 1;
  for (guint c = 0; c < 0xFFFF; c++)
    if (retainer_pdf_face_is_used (face, c) && face->glyph_of[c] != 0)
      keep[face->glyph_of[c]] = 1;
  for (guint g = 0; g < face->n_glyphs; g++)
    if (keep[g])
      keep_components (face, &source[TABLE_LOCA], &source[TABLE_GLYF], keep, g, 0);

  /* glyf and loca (long offsets): unused glyphs become empty. */
  tables[TABLE_GLYF] = g_byte_array_new ();
  tables[TABLE_LOCA] = g_byte_array_sized_new (4 * (face->n_glyphs + 1));
  for (guint g = 0; g <= face->n_glyphs; g++)
    {
      guint8 offset[4];
      guint32 start, end;

      write_u32 (offset, tables[TABLE_GLYF]->len);
      g_byte_array_append (tables[TABLE_LOCA], offset, 4);
      if (g == face->n_glyphs || !keep[g]
          || !glyph_range (face, &source[TABLE_LOCA], &source[TABLE_GLYF], g, &start, &end))
        continue;
      g_byte_array_append (tables[TABLE_GLYF], source[TABLE_GLYF].data + start, end - start);
      while (tables[TABLE_GLYF]->len % 4 != 0)
        g_byte_array_append (tables[TABLE_GLYF], (const guint8 *) "", 1);
    }

  /* hmtx: the metrics of kept glyphs. The last long metric stays whatever
   * happens: glyphs after it take their advance from it. */
  tables[TABLE_HMTX] = g_byte_array_new ();
  g_byte_array_set_size (tables[TABLE_HMTX], source[TABLE_HMTX].length);
  memset (tables[TABLE_HMTX]->data, 0, tables[TABLE_HMTX]->len);
  for (guint g = 0; g < face->n_glyphs; g++)
    {
      if (g < face->n_long_metrics)
        {
          if (keep[g] || g == face->n_long_metrics - 1u)
            memcpy (tables[TABLE_HMTX]->data + 4 * g, source[TABLE_HMTX].data + 4 * g, 4);
        }
      else if (keep[g])
        {
          gsize at = 4 * (gsize) face->n_long_metrics + 2 * (gsize) (g - face->n_long_metrics);

          memcpy (tables[TABLE_HMTX]->data + at, source[TABLE_HMTX].data + at, 2);
        }
    }

  tables[TABLE_CMAP] = build_cmap (face);
  tables[TABLE_NAME] = build_name (&source[TABLE_NAME]);

  /* post version 3: no glyph names (they were a third of the embedded font). */
  tables[TABLE_POST] = g_byte_array_new ();
  g_byte_array_append (tables[TABLE_POST], source[TABLE_POST].data,
                       MIN (source[TABLE_POST].length, 32));
  g_byte_array_set_size (tables[TABLE_POST], 32);
  write_u32 (tables[TABLE_POST]->data, 0x00030000);

  for (guint i = 0; i < N_TABLES; i++)
    if (tables[i] == NULL)
      {
        tables[i] = g_byte_array_new ();
        g_byte_array_append (tables[i], source[i].data, source[i].length);
      }
  write_u32 (tables[TABLE_HEAD]->data + 8, 0);    /* checkSumAdjustment, set below */
  write_u16 (tables[TABLE_HEAD]->data + 50, 1);   /* indexToLocFormat: long */

  /* The file: the offset table, the directory, the tables 4-byte aligned. */
  font = g_byte_array_new ();
  {
    guint n_tables = 0, search_range = 1, entry_selector = 0;
    guint32 offset;

    for (guint i = 0; i < N_TABLES; i++)
      if (tables[i]->len > 0 || table_required[i])
        n_tables++;
    while (search_range * 2 <= n_tables)
      {
        search_range *= 2;
        entry_selector++;
      }

    g_byte_array_set_size (font, 12 + 16 * n_tables);
    write_u32 (font->data, 0x00010000);
    write_u16 (font->data + 4, (guint16) n_tables);
    write_u16 (font->data + 6, (guint16) (search_range * 16));
    write_u16 (font->data + 8, (guint16) entry_selector);
    write_u16 (font->data + 10, (guint16) ((n_tables - search_range) * 16));

    offset = font->len;
    for (guint i = 0, entry = 0; i < N_TABLES; i++)
      {
        guint8 *directory;

        if (tables[i]->len == 0 && !table_required[i])
          continue;
        directory = font->data + 12 + 16 * entry++;
        memcpy (directory, table_tags[i], 4);
        write_u32 (directory + 4, checksum (tables[i]->data, tables[i]->len));
        write_u32 (directory + 8, offset);
        write_u32 (directory + 12, tables[i]->len);
        if (i == TABLE_HEAD)
          head_offset = offset;
        offset += (tables[i]->len + 3) & ~3u;
      }

    for (guint i = 0; i < N_TABLES; i++)
      {
        if (tables[i]->len == 0 && !table_required[i])
          continue;
        g_byte_array_append (font, tables[i]->data, tables[i]->len);
        while (font->len % 4 != 0)
          g_byte_array_append (font, (const guint8 *) "", 1);
      }
  }
  write_u32 (font->data + head_offset + 8, 0xB1B0AFBA - checksum (font->data, font->len));

  for (guint i = 0; i < N_TABLES; i++)
    g_byte_array_unref (tables[i]);
  return g_byte_array_free_to_bytes (font);
}

/**
 * retainer_pdf_face_write_subset:
 * @face: a face whose used characters have been recorded
 * @error: a #GError
 *
 * Writes a copy of the face that maps only the used characters (and "H" and
 * "x", which libharu measures for the font descriptor) to a private
 * temporary file, for HPDF_LoadTTFontFromFile(). libharu keeps the file open
 * and reads it again while saving; the caller may unlink it at once.
 *
 * Returns: (transfer full): the temporary file's path, or %NULL
 */
char *
retainer_pdf_face_write_subset (RetainerPdfFace *face,
                                GError         **error)
{
  g_autoptr (GBytes) subset = NULL;
  g_autofree char *path = NULL;
  const guint8 *data;
  gsize size, written = 0;
  int fd;

  retainer_pdf_face_use (face, "Hx");
  subset = build_subset (face);
  data = g_bytes_get_data (subset, &size);

  fd = g_file_open_tmp ("retainer-font-XXXXXX.ttf", &path, error);
  if (fd < 0)
    return NULL;
  while (written < size)
    {
      gssize n = write (fd, data + written, size - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = errno;

          close (fd);
          g_unlink (path);
          g_set_error (error, RETAINER_PDF_ERROR, RETAINER_PDF_ERROR_FONT,
                       _("The font %s could not be prepared for embedding: %s"),
                       face->display_name, g_strerror (saved_errno));
          return NULL;
        }
      written += n;
    }
  close (fd);
  return g_steal_pointer (&path);
}

/* For tests: the glyph a character maps to, and the size of its outline. */
guint
retainer_pdf_face_glyph (const RetainerPdfFace *face,
                         gunichar               c)
{
  return face->glyph_of[libharu_char (c)];
}

gsize
retainer_pdf_face_outline_size (const RetainerPdfFace *face,
                                guint                  glyph)
{
  Table loca, glyf;
  guint32 start, end;

  if (glyph >= face->n_glyphs || !find_table (face, "loca", &loca)
      || !find_table (face, "glyf", &glyf)
      || !glyph_range (face, &loca, &glyf, glyph, &start, &end))
    return 0;
  return end - start;
}
