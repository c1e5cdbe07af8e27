/* retainer-pdf-image.c: the logo, made fit for embedding
 *
 * libharu keeps a PNG's alpha channel as an uncompressed soft mask and
 * embeds images at their full size, so a transparent 4000-pixel logo would
 * weigh megabytes. Instead the logo is decoded here (libpng, libjpeg), laid
 * onto white, scaled down with a box filter while it is read, and embedded
 * as compressed RGB (PNG) or re-encoded as JPEG (photos stay small).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* jpeglib.h needs FILE from stdio.h first. */
#include <jpeglib.h>
#include <png.h>

#include "retainer-pdf-private.h"

/* The longest side of the embedded logo, in pixels: about 300 dpi at the
 * size the cover prints it. */
#define LOGO_MAX_PIXELS 720
/* Beyond this the file is refused rather than decoded. */
#define LOGO_MAX_SIDE 20000
/* Interlaced PNGs must be decoded whole; cap the memory that takes. */
#define LOGO_MAX_INTERLACED_AREA (16u * 1024 * 1024)

/* Accumulates source rows into a smaller image with a box filter. */
typedef struct
{
  guint    source_width;
  guint    source_height;
  guint    width;
  guint    height;
  guint8  *pixels;       /* width x height x RGB */
  guint32 *sums;         /* width x RGB for the destination row being filled */
  guint32 *counts;       /* width */
  guint    row;          /* destination row being filled */
} Scaler;

static void
scaler_init (Scaler *scaler,
             guint   source_width,
             guint   source_height)
{
  double scale = MIN (1.0, (double) LOGO_MAX_PIXELS / MAX (source_width, source_height));

  scaler->source_width = source_width;
  scaler->source_height = source_height;
  scaler->width = MAX (1, (guint) (source_width * scale + 0.5));
  scaler->height = MAX (1, (guint) (source_height * scale + 0.5));
  scaler->pixels = g_malloc0 ((gsize) scaler->width * scaler->height * 3);
  scaler->sums = g_new0 (guint32, (gsize) scaler->width * 3);
  scaler->counts = g_new0 (guint32, scaler->width);
  scaler->row = 0;
}

static void
scaler_clear (Scaler *scaler)
{
  g_clear_pointer (&scaler->pixels, g_free);
  g_clear_pointer (&scaler->sums, g_free);
  g_clear_pointer (&scaler->counts, g_free);
}

static void
scaler_flush (Scaler *scaler)
{
  guint8 *out = scaler->pixels + (gsize) scaler->row * scaler->width * 3;

  for (guint x = 0; x < scaler->width; x++)
    {
      guint32 count = MAX (scaler->counts[x], 1);

      for (guint c = 0; c < 3; c++)
        out[x * 3 + c] = (guint8) ((scaler->sums[x * 3 + c] + count / 2) / count);
    }
  memset (scaler->sums, 0, (gsize) scaler->width * 3 * sizeof (guint32));
  memset (scaler->counts, 0, (gsize) scaler->width * sizeof (guint32));
}

/* One source row, RGB or RGBA (`channels`), row index `y`. */
static void
scaler_add_row (Scaler       *scaler,
                const guint8 *row,
                guint         channels,
                guint         y)
{
  guint target_row = (guint) ((guint64) y * scaler->height / scaler->source_height);

  if (target_row != scaler->row)
    {
      scaler_flush (scaler);
      scaler->row = target_row;
    }

  for (guint x = 0; x < scaler->source_width; x++)
    {
      guint target = (guint) ((guint64) x * scaler->width / scaler->source_width);
      const guint8 *pixel = row + (gsize) x * channels;
      guint alpha = channels == 4 ? pixel[3] : 255;

      /* Laid onto white paper: the PDF needs no soft mask. */
      for (guint c = 0; c < 3; c++)
        scaler->sums[target * 3 + c] += (pixel[c] * alpha + 255 * (255 - alpha) + 127) / 255;
      scaler->counts[target]++;
    }

  if (y + 1 == scaler->source_height)
    scaler_flush (scaler);
}

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         offset;
} MemoryReader;

static void
read_png_bytes (png_structp png,
                png_bytep   out,
                png_size_t  count)
{
  MemoryReader *reader = png_get_io_ptr (png);

  if (count > reader->length - reader->offset)
    png_error (png, "unexpected end of file");
  memcpy (out, reader->data + reader->offset, count);
  reader->offset += count;
}

static void
fail_png (png_structp     png,
          png_const_charp message)
{
  /* The caller turns the failure into one translated warning. */
  png_longjmp (png, 1);
}

static void
warn_png (png_structp     png,
          png_const_charp message)
{
  /* A damaged ancillary chunk is not worth a warning of our own. */
}

static gboolean
decode_png (const guint8 *data,
            gsize         length,
            Scaler       *scaler)
{
  MemoryReader reader = { data, length, 0 };
  png_structp png = png_create_read_struct (PNG_LIBPNG_VER_STRING, NULL, fail_png, warn_png);
  png_infop info = NULL;
  guint8 *volatile row = NULL;
  guint8 *volatile whole = NULL;
  /* Out here: a damaged interlaced image longjmps out of png_read_image(). */
  png_bytep *volatile rows = NULL;
  volatile gboolean ok = FALSE;

  if (png == NULL)
    return FALSE;
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_read_struct (&png, NULL, NULL);
      return FALSE;
    }

  if (setjmp (png_jmpbuf (png)) == 0)
    {
      png_uint_32 width, height;
      int bit_depth, color_type, interlace;
      int passes;
      gsize rowbytes;

      png_set_user_limits (png, LOGO_MAX_SIDE, LOGO_MAX_SIDE);
      png_set_read_fn (png, &reader, read_png_bytes);
      png_read_info (png, info);
      png_get_IHDR (png, info, &width, &height, &bit_depth, &color_type, &interlace, NULL, NULL);

      png_set_expand (png);
      png_set_strip_16 (png);
      png_set_gray_to_rgb (png);
      if (!(color_type & PNG_COLOR_MASK_ALPHA) && !png_get_valid (png, info, PNG_INFO_tRNS))
        png_set_add_alpha (png, 0xff, PNG_FILLER_AFTER);
      passes = png_set_interlace_handling (png);
      png_read_update_info (png, info);

      rowbytes = png_get_rowbytes (png, info);
      if (rowbytes != (gsize) width * 4)
        png_error (png, "unexpected row layout");

      if (passes > 1 && (guint64) width * height > LOGO_MAX_INTERLACED_AREA)
        png_error (png, "interlaced image too large");

      scaler_init (scaler, width, height);

      if (passes > 1)
        {
          rows = g_new (png_bytep, height);
          whole = g_malloc ((gsize) rowbytes * height);
          for (guint y = 0; y < height; y++)
            rows[y] = whole + (gsize) y * rowbytes;
          png_read_image (png, rows);
          for (guint y = 0; y < height; y++)
            scaler_add_row (scaler, whole + (gsize) y * rowbytes, 4, y);
        }
      else
        {
          row = g_malloc (rowbytes);
          for (guint y = 0; y < height; y++)
            {
              png_read_row (png, row, NULL);
              scaler_add_row (scaler, row, 4, y);
            }
        }
      ok = TRUE;
    }

  g_free (row);
  g_free (whole);
  g_free (rows);
  png_destroy_read_struct (&png, &info, NULL);
  if (!ok)
    scaler_clear (scaler);
  return ok;
}

typedef struct
{
  struct jpeg_error_mgr manager;
  jmp_buf               jump;
} JpegError;

static void
exit_jpeg (j_common_ptr info)
{
  JpegError *error = (JpegError *) info->err;

  longjmp (error->jump, 1);
}

static void
silence_jpeg (j_common_ptr info,
              int          level)
{
}

static gboolean
decode_jpeg (const guint8 *data,
             gsize         length,
             Scaler       *scaler)
{
  struct jpeg_decompress_struct info;
  JpegError error;
  guint8 *volatile row = NULL;
  volatile gboolean ok = FALSE;

  memset (&info, 0, sizeof info);
  info.err = jpeg_std_error (&error.manager);
  error.manager.error_exit = exit_jpeg;
  error.manager.emit_message = silence_jpeg;

  if (setjmp (error.jump) == 0)
    {
      guint denominator = 1;

      jpeg_create_decompress (&info);
      jpeg_mem_src (&info, data, (unsigned long) length);
      jpeg_read_header (&info, TRUE);
      if (info.image_width > LOGO_MAX_SIDE || info.image_height > LOGO_MAX_SIDE)
        longjmp (error.jump, 1);

      /* Let the decoder do most of the shrinking: it is nearly free. */
      while (denominator < 8
             && MAX (info.image_width, info.image_height) / (denominator * 2) >= LOGO_MAX_PIXELS)
        denominator *= 2;
      info.scale_num = 1;
      info.scale_denom = denominator;
      info.out_color_space = JCS_RGB;
      jpeg_start_decompress (&info);

      scaler_init (scaler, info.output_width, info.output_height);
      row = g_malloc ((gsize) info.output_width * 3);
      while (info.output_scanline < info.output_height)
        {
          JSAMPROW rows[1] = { row };
          guint y = info.output_scanline;

          jpeg_read_scanlines (&info, rows, 1);
          scaler_add_row (scaler, row, 3, y);
        }
      jpeg_finish_decompress (&info);
      ok = TRUE;
    }

  jpeg_destroy_decompress (&info);
  g_free (row);
  if (!ok)
    scaler_clear (scaler);
  return ok;
}

static gboolean
encode_jpeg (const Scaler   *scaler,
             unsigned char **out,
             unsigned long  *out_length)
{
  struct jpeg_compress_struct info;
  JpegError error;
  volatile gboolean ok = FALSE;

  memset (&info, 0, sizeof info);
  info.err = jpeg_std_error (&error.manager);
  error.manager.error_exit = exit_jpeg;
  error.manager.emit_message = silence_jpeg;
  *out = NULL;
  *out_length = 0;

  if (setjmp (error.jump) == 0)
    {
      jpeg_create_compress (&info);
      jpeg_mem_dest (&info, out, out_length);
      info.image_width = scaler->width;
      info.image_height = scaler->height;
      info.input_components = 3;
      info.in_color_space = JCS_RGB;
      jpeg_set_defaults (&info);
      jpeg_set_quality (&info, 88, TRUE);
      jpeg_start_compress (&info, TRUE);
      while (info.next_scanline < info.image_height)
        {
          JSAMPROW rows[1] = { scaler->pixels + (gsize) info.next_scanline * scaler->width * 3 };

          jpeg_write_scanlines (&info, rows, 1);
        }
      jpeg_finish_compress (&info);
      ok = TRUE;
    }

  jpeg_destroy_compress (&info);
  if (!ok)
    {
      free (*out);
      *out = NULL;
    }
  return ok;
}

/**
 * retainer_pdf_load_logo:
 * @doc: the document
 * @bytes: a PNG or JPEG file's contents
 * @display_name: the logo's name, for messages
 * @error: a #GError
 *
 * Returns: (nullable): the image, ready to draw; %NULL with @error set when
 *   the file cannot be decoded
 */
HPDF_Image
retainer_pdf_load_logo (HPDF_Doc    doc,
                        GBytes     *bytes,
                        const char *display_name,
                        GError    **error)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  RetainerLogoType type = retainer_logo_type_detect (data, length);
  Scaler scaler = { 0 };
  HPDF_Image image = NULL;

  if (type == RETAINER_LOGO_NONE)
    {
      g_set_error (error, RETAINER_PDF_ERROR, RETAINER_PDF_ERROR_RENDER,
                   _("The logo %s is not a PNG or JPEG image; the PDF was made without it"),
                   display_name);
      return NULL;
    }

  if (!(type == RETAINER_LOGO_PNG ? decode_png (data, length, &scaler)
                                  : decode_jpeg (data, length, &scaler)))
    {
      g_set_error (error, RETAINER_PDF_ERROR, RETAINER_PDF_ERROR_RENDER,
                   _("The logo %s is damaged or too large to read; the PDF was made "
                     "without it"), display_name);
      return NULL;
    }

  if (type == RETAINER_LOGO_PNG)
    {
      image = HPDF_LoadRawImageFromMem (doc, scaler.pixels, scaler.width, scaler.height,
                                        HPDF_CS_DEVICE_RGB, 8);
    }
  else
    {
      unsigned char *jpeg = NULL;
      unsigned long jpeg_length = 0;

      if (encode_jpeg (&scaler, &jpeg, &jpeg_length))
        image = HPDF_LoadJpegImageFromMem (doc, jpeg, (HPDF_UINT) jpeg_length);
      free (jpeg);
    }
  scaler_clear (&scaler);

  if (image == NULL)
    g_set_error (error, RETAINER_PDF_ERROR, RETAINER_PDF_ERROR_RENDER,
                 _("The logo %s could not be embedded; the PDF was made without it"),
                 display_name);
  return image;
}
