/* retainer-agency.c
 *
 * The profile is a JSON file:
 *   { "format": "retainer-agency", "version": 1, "name": "...", "logo": "agency-logo.png", ... }
 * with, for the book and never printed for a client:
 *   "fixed_overhead": 500,        a month, 0 to 10^12, default 500
 *   "staff_cost_per_hour": 80,    loaded, 0 to 100000, default 80
 *   "team_capacity_hours": 160    a month, whole hours, 1 to 100000, default 160
 * The stored one lives in $XDG_CONFIG_HOME/retainer/agency.json with its logo
 * copied beside it. An exported profile, made to be mailed to a colleague,
 * is one self-contained file: "logo" is absent and the image travels inside
 * as "logo_data" (base64) with "logo_type" ("png" or "jpeg").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE 1
#include "config.h"

#include <stdio.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "retainer-i18n.h"
#include "retainer-agency.h"
#include "retainer-money.h"

G_DEFINE_QUARK (retainer-agency-error-quark, retainer_agency_error)

const char *const retainer_paper_ids[] = { "a4", "letter", NULL };

#define DEFAULT_PRIMARY_COLOR "#1F4E79"
#define DEFAULT_ACCENT_COLOR  "#2E8B57"

/**
 * retainer_color_parse:
 * @text: a colour like "#1F4E79"
 * @red: (out) (optional): 0..1
 * @green: (out) (optional): 0..1
 * @blue: (out) (optional): 0..1
 *
 * Returns: %TRUE when @text is exactly "#RRGGBB"
 */
gboolean
retainer_color_parse (const char *text,
                      double     *red,
                      double     *green,
                      double     *blue)
{
  int digits[6];

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;

  for (guint i = 0; i < 6; i++)
    {
      digits[i] = g_ascii_xdigit_value (text[i + 1]);
      if (digits[i] < 0)
        return FALSE;
    }

  if (red != NULL)
    *red = (digits[0] * 16 + digits[1]) / 255.0;
  if (green != NULL)
    *green = (digits[2] * 16 + digits[3]) / 255.0;
  if (blue != NULL)
    *blue = (digits[4] * 16 + digits[5]) / 255.0;
  return TRUE;
}

/* WCAG 2's relative luminance of an sRGB colour. */
static double
relative_luminance (double red,
                    double green,
                    double blue)
{
  double channels[3] = { red, green, blue };

  for (guint i = 0; i < 3; i++)
    channels[i] = channels[i] <= 0.04045 ? channels[i] / 12.92
                                         : pow ((channels[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

static double
contrast_ratio (double luminance_a,
                double luminance_b)
{
  return (MAX (luminance_a, luminance_b) + 0.05) / (MIN (luminance_a, luminance_b) + 0.05);
}

/**
 * retainer_color_wants_dark_text:
 * @red: the brand colour's red, 0..1
 * @green: its green
 * @blue: its blue
 *
 * The one rule for text on a brand colour (the PDF's title band and table
 * headers, the window's cover preview): dark ink (#21242A) when it
 * contrasts more with the colour than white does, by WCAG 2's contrast
 * ratio; white otherwise.
 *
 * Returns: %TRUE for dark text, %FALSE for white
 */
gboolean
retainer_color_wants_dark_text (double red,
                                double green,
                                double blue)
{
  double background = relative_luminance (CLAMP (red, 0, 1), CLAMP (green, 0, 1),
                                          CLAMP (blue, 0, 1));
  double ink = relative_luminance (RETAINER_INK_RED, RETAINER_INK_GREEN, RETAINER_INK_BLUE);

  return contrast_ratio (background, ink) > contrast_ratio (background, 1.0);
}

/**
 * retainer_color_is_readable_on:
 * @text_red: the text colour's red, 0..1
 * @text_green: its green
 * @text_blue: its blue
 * @background_red: the colour under it, 0..1
 * @background_green: its green
 * @background_blue: its blue
 *
 * Brand colours are chosen apart: an accent that reads on white can vanish
 * on the primary colour. Small text needs WCAG 2's 4.5:1.
 *
 * Returns: %TRUE when the contrast ratio is 4.5 or more
 */
gboolean
retainer_color_is_readable_on (double text_red,
                               double text_green,
                               double text_blue,
                               double background_red,
                               double background_green,
                               double background_blue)
{
  double text = relative_luminance (CLAMP (text_red, 0, 1), CLAMP (text_green, 0, 1),
                                    CLAMP (text_blue, 0, 1));
  double background = relative_luminance (CLAMP (background_red, 0, 1),
                                          CLAMP (background_green, 0, 1),
                                          CLAMP (background_blue, 0, 1));

  return contrast_ratio (text, background) >= 4.5;
}

/**
 * retainer_paper_from_locale_name:
 * @locale_name: (nullable): like "en_US.UTF-8" or "fr_CA"
 *
 * Returns: Letter for the United States and Canada, A4 elsewhere
 */
RetainerPaper
retainer_paper_from_locale_name (const char *locale_name)
{
  const char *underscore;

  if (locale_name == NULL)
    return RETAINER_PAPER_A4;

  underscore = strchr (locale_name, '_');
  if (underscore != NULL
      && (g_str_has_prefix (underscore + 1, "US") || g_str_has_prefix (underscore + 1, "CA")))
    {
      char after = underscore[3];

      if (after == '\0' || after == '.' || after == '@')
        return RETAINER_PAPER_LETTER;
    }

  return RETAINER_PAPER_A4;
}

/**
 * retainer_paper_from_locale:
 *
 * Returns: the paper of the current LC_PAPER, A4 when it cannot be told
 */
RetainerPaper
retainer_paper_from_locale (void)
{
  const char *name = setlocale (LC_PAPER, NULL);

  /* The C locale says A4 through nl_langinfo, which is what we want too;
   * a real locale knows its paper better than its name does. */
#ifdef __GLIBC__
  if (name != NULL && strcmp (name, "C") != 0 && strcmp (name, "POSIX") != 0
      && !g_str_has_prefix (name, "C."))
    {
      int width_mm = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);

      if (width_mm == 216)
        return RETAINER_PAPER_LETTER;
      if (width_mm == 210)
        return RETAINER_PAPER_A4;
    }
#endif

  if (name == NULL || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0
      || g_str_has_prefix (name, "C."))
    {
      /* The program did not call setlocale(): read the environment. */
      const char *variables[] = { "LC_ALL", "LC_PAPER", "LANG" };

      for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
        {
          const char *value = g_getenv (variables[i]);

          if (value != NULL && *value != '\0')
            return retainer_paper_from_locale_name (value);
        }
    }

  return retainer_paper_from_locale_name (name);
}

/**
 * retainer_paper_label:
 * @paper: a paper
 *
 * Returns: its name for people, translated
 */
const char *
retainer_paper_label (RetainerPaper paper)
{
  switch (paper)
    {
    case RETAINER_PAPER_LETTER:
      return _("US Letter");
    case RETAINER_PAPER_A4:
    case RETAINER_N_PAPERS:
    default:
      return _("A4");
    }
}

/**
 * retainer_paper_get_size:
 * @paper: a paper
 * @width: (out): in points
 * @height: (out): in points
 *
 * A4 is 595 x 842 points, US Letter 612 x 792.
 */
void
retainer_paper_get_size (RetainerPaper paper,
                         double       *width,
                         double       *height)
{
  g_return_if_fail (width != NULL);
  g_return_if_fail (height != NULL);

  if (paper == RETAINER_PAPER_LETTER)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 595;
      *height = 842;
    }
}

/**
 * retainer_logo_type_detect:
 * @data: the start of a file
 * @length: its length
 *
 * Returns: what the signature says the file is
 */
RetainerLogoType
retainer_logo_type_detect (const guint8 *data,
                           gsize         length)
{
  static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (data == NULL)
    return RETAINER_LOGO_NONE;
  if (length >= sizeof png_signature && memcmp (data, png_signature, sizeof png_signature) == 0)
    return RETAINER_LOGO_PNG;
  if (length >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return RETAINER_LOGO_JPEG;
  return RETAINER_LOGO_NONE;
}

static const char *
logo_type_extension (RetainerLogoType type)
{
  return type == RETAINER_LOGO_JPEG ? "jpg" : "png";
}

static const char *
logo_type_id (RetainerLogoType type)
{
  return type == RETAINER_LOGO_JPEG ? "jpeg" : "png";
}

/**
 * retainer_agency_new_default:
 *
 * Returns: (transfer full): a profile with the defaults; the paper follows the locale
 */
RetainerAgency *
retainer_agency_new_default (void)
{
  RetainerAgency *agency = g_new0 (RetainerAgency, 1);

  agency->name = g_strdup ("");
  agency->primary_color = g_strdup (DEFAULT_PRIMARY_COLOR);
  agency->accent_color = g_strdup (DEFAULT_ACCENT_COLOR);
  agency->contact_name = g_strdup ("");
  agency->email = g_strdup ("");
  agency->phone = g_strdup ("");
  agency->website = g_strdup ("");
  agency->address = g_strdup ("");
  agency->footer = g_strdup ("");
  agency->number_prefix = g_strdup ("RT-");
  agency->next_number = 1;
  agency->validity_days = 30;
  agency->signatory_name = g_strdup ("");
  agency->signatory_title = g_strdup ("");
  agency->paper = retainer_paper_from_locale ();
  agency->fixed_overhead = RETAINER_AGENCY_DEFAULT_FIXED_OVERHEAD;
  agency->staff_cost_per_hour = RETAINER_AGENCY_DEFAULT_STAFF_COST_PER_HOUR;
  agency->team_capacity_hours = RETAINER_AGENCY_DEFAULT_TEAM_CAPACITY_HOURS;
  return agency;
}

/**
 * retainer_agency_copy:
 * @agency: a profile
 *
 * Returns: (transfer full): a deep copy
 */
RetainerAgency *
retainer_agency_copy (const RetainerAgency *agency)
{
  RetainerAgency *copy;

  g_return_val_if_fail (agency != NULL, NULL);

  copy = g_new0 (RetainerAgency, 1);
  copy->name = g_strdup (agency->name);
  copy->logo_path = g_strdup (agency->logo_path);
  copy->logo_data = agency->logo_data != NULL ? g_bytes_ref (agency->logo_data) : NULL;
  copy->primary_color = g_strdup (agency->primary_color);
  copy->accent_color = g_strdup (agency->accent_color);
  copy->contact_name = g_strdup (agency->contact_name);
  copy->email = g_strdup (agency->email);
  copy->phone = g_strdup (agency->phone);
  copy->website = g_strdup (agency->website);
  copy->address = g_strdup (agency->address);
  copy->footer = g_strdup (agency->footer);
  copy->number_prefix = g_strdup (agency->number_prefix);
  copy->next_number = agency->next_number;
  copy->validity_days = agency->validity_days;
  copy->signatory_name = g_strdup (agency->signatory_name);
  copy->signatory_title = g_strdup (agency->signatory_title);
  copy->paper = agency->paper;
  copy->fixed_overhead = agency->fixed_overhead;
  copy->staff_cost_per_hour = agency->staff_cost_per_hour;
  copy->team_capacity_hours = agency->team_capacity_hours;
  return copy;
}

void
retainer_agency_free (RetainerAgency *agency)
{
  if (agency == NULL)
    return;

  g_free (agency->name);
  g_free (agency->logo_path);
  g_clear_pointer (&agency->logo_data, g_bytes_unref);
  g_free (agency->primary_color);
  g_free (agency->accent_color);
  g_free (agency->contact_name);
  g_free (agency->email);
  g_free (agency->phone);
  g_free (agency->website);
  g_free (agency->address);
  g_free (agency->footer);
  g_free (agency->number_prefix);
  g_free (agency->signatory_name);
  g_free (agency->signatory_title);
  g_free (agency);
}

/* The text fields, for reading, writing and checking them alike. */
typedef struct
{
  const char *key;
  gsize       offset;
  gsize       max_length;
} TextField;

#define TEXT_FIELD(key, member, max) { key, G_STRUCT_OFFSET (RetainerAgency, member), max }

static const TextField text_fields[] = {
  TEXT_FIELD ("name", name, RETAINER_AGENCY_TEXT_MAX_LENGTH),
  TEXT_FIELD ("primary_color", primary_color, 7),
  TEXT_FIELD ("accent_color", accent_color, 7),
  TEXT_FIELD ("contact_name", contact_name, RETAINER_AGENCY_TEXT_MAX_LENGTH),
  TEXT_FIELD ("email", email, RETAINER_AGENCY_TEXT_MAX_LENGTH),
  TEXT_FIELD ("phone", phone, RETAINER_AGENCY_TEXT_MAX_LENGTH),
  TEXT_FIELD ("website", website, RETAINER_AGENCY_TEXT_MAX_LENGTH),
  TEXT_FIELD ("address", address, RETAINER_AGENCY_ADDRESS_MAX_LENGTH),
  TEXT_FIELD ("footer", footer, RETAINER_AGENCY_TEXT_MAX_LENGTH),
  TEXT_FIELD ("number_prefix", number_prefix, RETAINER_AGENCY_PREFIX_MAX_LENGTH),
  TEXT_FIELD ("signatory_name", signatory_name, RETAINER_AGENCY_TEXT_MAX_LENGTH),
  TEXT_FIELD ("signatory_title", signatory_title, RETAINER_AGENCY_TEXT_MAX_LENGTH),
};

static char **
text_field_slot (RetainerAgency  *agency,
                 const TextField *field)
{
  return G_STRUCT_MEMBER_P (agency, field->offset);
}

static const char *
text_field_value (const RetainerAgency *agency,
                  const TextField      *field)
{
  return G_STRUCT_MEMBER (const char *, agency, field->offset);
}

/* The book's figures, checked alike when read and when validated. */
static char *
describe_amount_range (double max_major)
{
  g_autofree char *high = g_strdup_printf ("%.15g", max_major);

  return g_strdup_printf (_("expected an amount from 0 to %s"), high);
}

static gboolean
check_book_figures (const RetainerAgency     *agency,
                    const RetainerJsonSource *source,
                    GError                  **error)
{
  if (agency->fixed_overhead < 0 || agency->fixed_overhead > RETAINER_MONEY_MAX)
    {
      g_autofree char *problem = describe_amount_range (RETAINER_MONEY_MAX_MAJOR);

      retainer_json_set_field_error (error, source, "", "fixed_overhead", problem);
      return FALSE;
    }
  if (agency->staff_cost_per_hour < 0
      || agency->staff_cost_per_hour
           > retainer_money_from_major (RETAINER_AGENCY_STAFF_COST_PER_HOUR_MAX_MAJOR))
    {
      g_autofree char *problem =
        describe_amount_range (RETAINER_AGENCY_STAFF_COST_PER_HOUR_MAX_MAJOR);

      retainer_json_set_field_error (error, source, "", "staff_cost_per_hour", problem);
      return FALSE;
    }
  if (agency->team_capacity_hours < 1
      || agency->team_capacity_hours > RETAINER_AGENCY_TEAM_CAPACITY_MAX_HOURS)
    {
      g_autofree char *problem =
        g_strdup_printf (_("expected a whole number of hours a month from 1 to %d"),
                         RETAINER_AGENCY_TEAM_CAPACITY_MAX_HOURS);

      retainer_json_set_field_error (error, source, "", "team_capacity_hours", problem);
      return FALSE;
    }
  return TRUE;
}

/**
 * retainer_agency_validate:
 * @agency: a profile
 * @display_name: (nullable): the file, for messages
 * @error: a #GError
 *
 * Returns: %TRUE when every field is within its limits and the colours are "#RRGGBB"
 */
gboolean
retainer_agency_validate (const RetainerAgency *agency,
                          const char           *display_name,
                          GError              **error)
{
  RetainerJsonSource source = { display_name, NULL };

  g_return_val_if_fail (agency != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *value = text_field_value (agency, &text_fields[i]);

      if (value == NULL)
        continue;
      if (!g_utf8_validate (value, -1, NULL))
        {
          retainer_json_set_field_error (error, &source, "", text_fields[i].key,
                                         _("expected text in UTF-8"));
          return FALSE;
        }
      if (g_utf8_strlen (value, -1) > (glong) text_fields[i].max_length)
        {
          g_autofree char *problem =
            g_strdup_printf (ngettext ("expected at most %lu character",
                                       "expected at most %lu characters",
                                       text_fields[i].max_length),
                             (unsigned long) text_fields[i].max_length);
          retainer_json_set_field_error (error, &source, "", text_fields[i].key, problem);
          return FALSE;
        }
    }

  if (!retainer_color_parse (agency->primary_color, NULL, NULL, NULL))
    {
      retainer_json_set_field_error (error, &source, "", "primary_color",
                                     _("expected a colour like “#1F4E79”"));
      return FALSE;
    }
  if (!retainer_color_parse (agency->accent_color, NULL, NULL, NULL))
    {
      retainer_json_set_field_error (error, &source, "", "accent_color",
                                     _("expected a colour like “#2E8B57”"));
      return FALSE;
    }
  if (agency->validity_days < 1 || agency->validity_days > RETAINER_AGENCY_VALIDITY_MAX_DAYS)
    {
      g_autofree char *problem =
        g_strdup_printf (_("expected a number of days from 1 to %d"),
                         RETAINER_AGENCY_VALIDITY_MAX_DAYS);
      retainer_json_set_field_error (error, &source, "", "validity_days", problem);
      return FALSE;
    }
  if (agency->next_number > RETAINER_AGENCY_NUMBER_MAX)
    {
      g_autofree char *problem =
        g_strdup_printf (_("expected a whole number from 0 to %d"), RETAINER_AGENCY_NUMBER_MAX);
      retainer_json_set_field_error (error, &source, "", "next_number", problem);
      return FALSE;
    }
  if ((guint) agency->paper >= RETAINER_N_PAPERS)
    {
      retainer_json_set_field_error (error, &source, "", "paper",
                                     _("expected “a4” or “letter”"));
      return FALSE;
    }
  if (!check_book_figures (agency, &source, error))
    return FALSE;

  return TRUE;
}

static GBytes *
read_logo_file (const char *path,
                GError    **error)
{
  g_autofree char *display_name = g_filename_display_name (path);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize length = 0;

  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, RETAINER_AGENCY_ERROR, RETAINER_AGENCY_ERROR_LOGO,
                   _("The logo %s could not be found"), display_name);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, RETAINER_AGENCY_ERROR, RETAINER_AGENCY_ERROR_LOGO,
                   _("The logo %s is not a file"), display_name);
      return NULL;
    }
  if (st.st_size > RETAINER_AGENCY_LOGO_MAX_SIZE)
    {
      g_autofree char *size = g_format_size ((guint64) st.st_size);
      g_autofree char *limit = g_format_size (RETAINER_AGENCY_LOGO_MAX_SIZE);

      g_set_error (error, RETAINER_AGENCY_ERROR, RETAINER_AGENCY_ERROR_LOGO,
                   _("The logo %s is too large (%s; the limit is %s)"),
                   display_name, size, limit);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, RETAINER_AGENCY_ERROR, RETAINER_AGENCY_ERROR_LOGO,
                   _("Could not read the logo %s: %s"), display_name, local_error->message);
      return NULL;
    }
  if (retainer_logo_type_detect ((const guint8 *) contents, length) == RETAINER_LOGO_NONE)
    {
      g_set_error (error, RETAINER_AGENCY_ERROR, RETAINER_AGENCY_ERROR_LOGO,
                   _("The logo %s is not a PNG or JPEG image"), display_name);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/**
 * retainer_agency_set_logo:
 * @agency: a profile
 * @path: (nullable): a PNG or JPEG file, or %NULL to remove the logo
 * @error: a #GError
 *
 * Reads the image into the profile; retainer_agency_save() then copies it
 * beside the profile. On failure the profile keeps its previous logo.
 */
gboolean
retainer_agency_set_logo (RetainerAgency *agency,
                          const char     *path,
                          GError        **error)
{
  GBytes *bytes = NULL;

  g_return_val_if_fail (agency != NULL, FALSE);

  if (path != NULL)
    {
      bytes = read_logo_file (path, error);
      if (bytes == NULL)
        return FALSE;
    }

  g_clear_pointer (&agency->logo_data, g_bytes_unref);
  g_clear_pointer (&agency->logo_path, g_free);
  agency->logo_data = bytes;
  agency->logo_path = path != NULL ? g_canonicalize_filename (path, NULL) : NULL;
  return TRUE;
}

/**
 * retainer_agency_get_logo:
 * @agency: a profile
 * @error: a #GError, set when the profile names a logo that cannot be used
 *
 * Returns: (transfer full) (nullable): the logo's bytes; %NULL without error
 *   when the profile has no logo
 */
GBytes *
retainer_agency_get_logo (const RetainerAgency *agency,
                          GError              **error)
{
  g_return_val_if_fail (agency != NULL, NULL);

  if (agency->logo_data != NULL)
    return g_bytes_ref (agency->logo_data);
  if (agency->logo_path == NULL || agency->logo_path[0] == '\0')
    return NULL;
  return read_logo_file (agency->logo_path, error);
}

/* Absent figures keep their defaults, so older profiles still load. */
static gboolean
read_book_figures (const cJSON              *root,
                   RetainerAgency           *agency,
                   const RetainerJsonSource *source,
                   GError                  **error)
{
  double staff_cost = retainer_money_to_major (agency->staff_cost_per_hour);

  if (!retainer_json_get_money (root, "", "fixed_overhead", FALSE, &agency->fixed_overhead,
                                source, error)
      || !retainer_json_get_number (root, "", "staff_cost_per_hour", FALSE, 0,
                                    RETAINER_AGENCY_STAFF_COST_PER_HOUR_MAX_MAJOR, &staff_cost,
                                    source, error)
      || !retainer_json_get_uint (root, "", "team_capacity_hours", FALSE, 1,
                                  RETAINER_AGENCY_TEAM_CAPACITY_MAX_HOURS,
                                  &agency->team_capacity_hours, source, error))
    return FALSE;

  agency->staff_cost_per_hour = retainer_money_from_major (staff_cost);
  return TRUE;
}

static RetainerAgency *
agency_from_json (const cJSON              *root,
                  const char               *base_dir,
                  const RetainerJsonSource *source,
                  GError                  **error)
{
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autofree char *logo = NULL;
  g_autofree char *logo_data = NULL;
  g_autofree char *logo_type = NULL;
  int paper = agency->paper;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      if (!retainer_json_get_string (root, "", text_fields[i].key, FALSE,
                                     text_fields[i].max_length,
                                     text_field_slot (agency, &text_fields[i]), source, error))
        return NULL;
    }

  if (!retainer_json_get_uint (root, "", "next_number", FALSE, 0, RETAINER_AGENCY_NUMBER_MAX,
                               &agency->next_number, source, error)
      || !retainer_json_get_uint (root, "", "validity_days", FALSE, 1,
                                  RETAINER_AGENCY_VALIDITY_MAX_DAYS, &agency->validity_days,
                                  source, error)
      || !retainer_json_get_enum (root, "", "paper", FALSE, retainer_paper_ids, &paper, source,
                                  error))
    return NULL;
  agency->paper = (RetainerPaper) paper;
  if (!read_book_figures (root, agency, source, error))
    return NULL;

  if (!retainer_color_parse (agency->primary_color, NULL, NULL, NULL))
    {
      retainer_json_set_field_error (error, source, "", "primary_color",
                                     _("expected a colour like “#1F4E79”"));
      return NULL;
    }
  if (!retainer_color_parse (agency->accent_color, NULL, NULL, NULL))
    {
      retainer_json_set_field_error (error, source, "", "accent_color",
                                     _("expected a colour like “#2E8B57”"));
      return NULL;
    }

  if (!retainer_json_get_string (root, "", "logo", FALSE, 4096, &logo, source, error)
      || !retainer_json_get_string (root, "", "logo_type", FALSE, 8, &logo_type, source, error)
      || !retainer_json_get_string (root, "", "logo_data", FALSE,
                                    RETAINER_AGENCY_LOGO_MAX_SIZE / 3 * 4 + 8, &logo_data,
                                    source, error))
    return NULL;

  if (logo_data != NULL)
    {
      gsize length = 0;
      guchar *decoded;

      /* g_base64_decode() skips what is not base64: check the alphabet first. */
      for (const char *p = logo_data; *p != '\0'; p++)
        {
          if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=' && *p != '\n')
            {
              retainer_json_set_field_error (error, source, "", "logo_data",
                                             _("expected a PNG or JPEG image in base64"));
              return NULL;
            }
        }

      decoded = g_base64_decode (logo_data, &length);
      if (retainer_logo_type_detect (decoded, length) == RETAINER_LOGO_NONE)
        {
          g_free (decoded);
          retainer_json_set_field_error (error, source, "", "logo_data",
                                         _("expected a PNG or JPEG image in base64"));
          return NULL;
        }
      agency->logo_data = g_bytes_new_take (decoded, length);
    }
  else if (logo != NULL && logo[0] != '\0')
    {
      if (g_path_is_absolute (logo))
        agency->logo_path = g_steal_pointer (&logo);
      else
        agency->logo_path = g_build_filename (base_dir, logo, NULL);
    }

  return g_steal_pointer (&agency);
}

/**
 * retainer_agency_load:
 * @path: a profile file
 * @error: a #GError naming the file and the field
 *
 * Returns: (transfer full) (nullable): the profile
 */
RetainerAgency *
retainer_agency_load (const char *path,
                      GError    **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *base_dir = NULL;
  g_autoptr (cJSON) root = NULL;
  RetainerJsonSource source;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_name (path);
  absolute = g_canonicalize_filename (path, NULL);
  base_dir = g_path_get_dirname (absolute);
  source = (RetainerJsonSource) { display_name, NULL };

  root = retainer_json_load_file (path, &text, error);
  if (root == NULL)
    return NULL;
  source.text = text;
  if (!retainer_json_check_format (root, RETAINER_AGENCY_FORMAT, RETAINER_AGENCY_VERSION,
                                   &source, error))
    return NULL;

  return agency_from_json (root, base_dir, &source, error);
}

static cJSON *
agency_to_json (const RetainerAgency *agency)
{
  cJSON *root = cJSON_CreateObject ();

  cJSON_AddStringToObject (root, "format", RETAINER_AGENCY_FORMAT);
  cJSON_AddNumberToObject (root, "version", RETAINER_AGENCY_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *value = text_field_value (agency, &text_fields[i]);

      cJSON_AddStringToObject (root, text_fields[i].key, value != NULL ? value : "");
    }
  cJSON_AddNumberToObject (root, "next_number", agency->next_number);
  cJSON_AddNumberToObject (root, "validity_days", agency->validity_days);
  cJSON_AddStringToObject (root, "paper", retainer_paper_ids[agency->paper]);
  retainer_json_add_money (root, "fixed_overhead", agency->fixed_overhead);
  retainer_json_add_money (root, "staff_cost_per_hour", agency->staff_cost_per_hour);
  cJSON_AddNumberToObject (root, "team_capacity_hours", agency->team_capacity_hours);
  return root;
}

static gboolean
check_json_root (cJSON       *root,
                 const char  *path,
                 GError     **error)
{
  if (root == NULL)
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, RETAINER_AGENCY_ERROR, RETAINER_AGENCY_ERROR_INVALID,
                   _("Could not save %s: out of memory"), display_name);
      return FALSE;
    }
  return TRUE;
}

/**
 * retainer_agency_save:
 * @agency: a profile
 * @path: the profile file
 * @error: a #GError
 *
 * Writes the logo beside @path first, then the profile, each atomically: a
 * failure leaves the previous profile whole.
 */
gboolean
retainer_agency_save (const RetainerAgency *agency,
                      const char           *path,
                      GError              **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *logo_name = NULL;
  g_autoptr (GBytes) logo = NULL;
  g_autoptr (GError) logo_error = NULL;
  g_autoptr (cJSON) root = NULL;
  char *dot;

  g_return_val_if_fail (agency != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = g_filename_display_name (path);
  absolute = g_canonicalize_filename (path, NULL);
  dir = g_path_get_dirname (absolute);
  base = g_path_get_basename (absolute);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!retainer_agency_validate (agency, display_name, error))
    return FALSE;

  logo = retainer_agency_get_logo (agency, &logo_error);
  if (logo_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&logo_error));
      return FALSE;
    }

  root = agency_to_json (agency);
  if (!check_json_root (root, path, error))
    return FALSE;

  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';

  if (logo != NULL)
    {
      gsize length = 0;
      const guint8 *data = g_bytes_get_data (logo, &length);
      RetainerLogoType type = retainer_logo_type_detect (data, length);
      g_autofree char *logo_path = NULL;
      g_autofree char *other_path = NULL;

      logo_name = g_strdup_printf ("%s-logo.%s", base, logo_type_extension (type));
      logo_path = g_build_filename (dir, logo_name, NULL);
      /* Saving over itself needs no copy. */
      if (g_strcmp0 (logo_path, agency->logo_path) != 0
          && !retainer_file_replace_contents (logo_path, (const char *) data, length, error))
        return FALSE;

      /* A logo of the other type left by an earlier save would only confuse. */
      other_path = g_strdup_printf ("%s/%s-logo.%s", dir, base,
                                    logo_type_extension (type == RETAINER_LOGO_PNG
                                                           ? RETAINER_LOGO_JPEG
                                                           : RETAINER_LOGO_PNG));
      g_remove (other_path);
      cJSON_AddStringToObject (root, "logo", logo_name);
    }

  return retainer_json_save_file (root, path, error);
}

/**
 * retainer_agency_export:
 * @agency: a profile
 * @path: the file to share
 * @error: a #GError
 *
 * Writes one self-contained file, the logo inside as base64.
 */
gboolean
retainer_agency_export (const RetainerAgency *agency,
                        const char           *path,
                        GError              **error)
{
  g_autofree char *display_name = g_filename_display_name (path);
  g_autoptr (GBytes) logo = NULL;
  g_autoptr (GError) logo_error = NULL;
  g_autoptr (cJSON) root = NULL;

  g_return_val_if_fail (agency != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!retainer_agency_validate (agency, display_name, error))
    return FALSE;

  logo = retainer_agency_get_logo (agency, &logo_error);
  if (logo_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&logo_error));
      return FALSE;
    }

  root = agency_to_json (agency);
  if (!check_json_root (root, path, error))
    return FALSE;

  if (logo != NULL)
    {
      gsize length = 0;
      const guint8 *data = g_bytes_get_data (logo, &length);
      g_autofree char *encoded = g_base64_encode (data, length);

      cJSON_AddStringToObject (root, "logo_type",
                               logo_type_id (retainer_logo_type_detect (data, length)));
      cJSON_AddStringToObject (root, "logo_data", encoded);
    }

  return retainer_json_save_file (root, path, error);
}

/**
 * retainer_agency_user_path:
 *
 * Returns: (transfer full): $XDG_CONFIG_HOME/retainer/agency.json
 */
char *
retainer_agency_user_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "retainer", "agency.json", NULL);
}

/**
 * retainer_agency_load_user:
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the stored profile, or the defaults
 *   when none is stored; %NULL when the stored one cannot be read
 */
RetainerAgency *
retainer_agency_load_user (GError **error)
{
  g_autofree char *path = retainer_agency_user_path ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return retainer_agency_new_default ();

  return retainer_agency_load (path, error);
}

/**
 * retainer_agency_save_user:
 * @agency: a profile
 * @error: a #GError
 *
 * Stores @agency as the user's profile.
 */
gboolean
retainer_agency_save_user (const RetainerAgency *agency,
                           GError              **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (agency != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = retainer_agency_user_path ();
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display_name = g_filename_display_name (dir);

      g_set_error (error, RETAINER_AGENCY_ERROR, RETAINER_AGENCY_ERROR_INVALID,
                   _("Could not create the folder %s: %s"), display_name,
                   g_strerror (saved_errno));
      return FALSE;
    }

  return retainer_agency_save (agency, path, error);
}

/**
 * retainer_agency_import:
 * @path: a shared profile
 * @error: a #GError
 *
 * Stores a shared profile as the user's. The next proposal number stays
 * the larger of the two, so that no number is issued twice.
 *
 * Returns: (transfer full) (nullable): the profile now stored as the user's,
 *   its logo pointing at the copy beside it
 */
RetainerAgency *
retainer_agency_import (const char *path,
                        GError    **error)
{
  g_autoptr (RetainerAgency) agency = NULL;
  g_autoptr (RetainerAgency) current = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  agency = retainer_agency_load (path, error);
  if (agency == NULL)
    return NULL;
  /* A number this profile has issued is never issued again: a colleague's
   * profile, further behind, does not set the count back. */
  current = retainer_agency_load_user (NULL);
  if (current != NULL && current->next_number > agency->next_number)
    agency->next_number = current->next_number;
  if (!retainer_agency_save_user (agency, error))
    return NULL;

  return retainer_agency_load_user (error);
}

/**
 * retainer_agency_format_number:
 * @agency: a profile
 * @number: a proposal number
 *
 * Returns: (transfer full): the prefix and the number on four digits, "RT-0042"
 */
char *
retainer_agency_format_number (const RetainerAgency *agency,
                               guint                 number)
{
  g_return_val_if_fail (agency != NULL, NULL);

  return g_strdup_printf ("%s%04u", agency->number_prefix != NULL ? agency->number_prefix : "",
                          number);
}

/**
 * retainer_agency_proposal_number:
 * @agency: the profile
 * @proposal: a proposal
 *
 * The number a proposal's PDF carries: its own once it has one (a proposal
 * keeps its number for life), else the profile's next.
 *
 * Returns: (transfer full): the number, "RT-0042"
 */
char *
retainer_agency_proposal_number (const RetainerAgency   *agency,
                                 const RetainerProposal *proposal)
{
  g_return_val_if_fail (agency != NULL, NULL);
  g_return_val_if_fail (proposal != NULL, NULL);

  if (proposal->number != NULL && *proposal->number != '\0')
    return g_strdup (proposal->number);
  return retainer_agency_format_number (agency, agency->next_number);
}

/**
 * retainer_agency_number_proposal:
 * @agency: the profile
 * @proposal: a proposal about to be exported
 * @today: (nullable): the date to give it, "2026-11-30"; %NULL for today
 *
 * Gives a proposal without a number the profile's next one and @today as
 * its date. A numbered proposal is left as it is. The window and the
 * command line both number through this; the caller moves the profile's
 * next number on (retainer_agency_advance_number()) once the PDF exists,
 * so that a failed export uses up nothing.
 *
 * Returns: %TRUE when @proposal was numbered now
 */
gboolean
retainer_agency_number_proposal (const RetainerAgency *agency,
                                 RetainerProposal     *proposal,
                                 const char           *today)
{
  g_return_val_if_fail (agency != NULL, FALSE);
  g_return_val_if_fail (proposal != NULL, FALSE);

  if (proposal->number != NULL && *proposal->number != '\0')
    return FALSE;

  g_free (proposal->number);
  proposal->number = retainer_agency_format_number (agency, agency->next_number);
  g_free (proposal->date);
  if (today != NULL)
    proposal->date = g_strdup (today);
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      proposal->date = g_date_time_format (now, "%Y-%m-%d");
    }
  return TRUE;
}

/**
 * retainer_agency_advance_number:
 * @agency: the stored profile (retainer_agency_load_user())
 * @error: a #GError
 *
 * Moves the profile's next number on and stores it, once a PDF carrying
 * the number exists. A logo gone from beside the profile would stop every
 * number from being stored, so the profile is then stored without it (the
 * PDF has warned about the logo already).
 *
 * Returns: %TRUE when the next number is stored; on %FALSE the number in
 *   @agency has moved on but the next export may use it again
 */
gboolean
retainer_agency_advance_number (RetainerAgency *agency,
                                GError        **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (agency != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  agency->next_number++;
  if (retainer_agency_save_user (agency, &local_error))
    return TRUE;
  if (g_error_matches (local_error, RETAINER_AGENCY_ERROR, RETAINER_AGENCY_ERROR_LOGO))
    {
      g_clear_error (&local_error);
      g_clear_pointer (&agency->logo_path, g_free);
      if (retainer_agency_save_user (agency, &local_error))
        return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * retainer_agency_store_next_number:
 * @path: a profile file, as given to retainer_agency_load()
 * @next_number: the number the next new proposal is to take
 * @error: a #GError
 *
 * Moves the next number on in the profile file at @path (one named on the
 * command line rather than the stored profile) once a PDF carrying the
 * number before it exists. Only "next_number" changes: the other keys, a
 * logo kept inside the file or the name of one next to it stay as they
 * are, and the file is replaced atomically. When @path is a link, the file
 * it points to is written and the link kept. A number the file already
 * holds past @next_number is left alone.
 *
 * Returns: %TRUE when the file holds @next_number or more
 */
gboolean
retainer_agency_store_next_number (const char *path,
                                   guint       next_number,
                                   GError    **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *target = NULL;
  g_autoptr (cJSON) root = NULL;
  RetainerJsonSource source;
  guint stored = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (next_number <= RETAINER_AGENCY_NUMBER_MAX, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = g_filename_display_name (path);
  source = (RetainerJsonSource) { display_name, NULL };
  root = retainer_json_load_file (path, &text, error);
  if (root == NULL)
    return FALSE;
  source.text = text;
  if (!retainer_json_check_format (root, RETAINER_AGENCY_FORMAT, RETAINER_AGENCY_VERSION,
                                   &source, error)
      || !retainer_json_get_uint (root, "", "next_number", FALSE, 0, RETAINER_AGENCY_NUMBER_MAX,
                                  &stored, &source, error))
    return FALSE;
  if (cJSON_GetObjectItemCaseSensitive (root, "next_number") == NULL)
    cJSON_AddNumberToObject (root, "next_number", next_number);
  else if (stored >= next_number)
    return TRUE;
  else
    cJSON_ReplaceItemInObjectCaseSensitive (root, "next_number",
                                            cJSON_CreateNumber (next_number));

  target = realpath (path, NULL);
  return retainer_json_save_file (root, target != NULL ? target : path, error);
}

static GDateTime *
date_or_today (const char *iso_date)
{
  int year, month, day;

  if (iso_date != NULL && sscanf (iso_date, "%d-%d-%d", &year, &month, &day) == 3)
    {
      /* Noon: no time zone moves it to another day. */
      GDateTime *date = g_date_time_new_local (year, month, day, 12, 0, 0);

      if (date != NULL)
        return date;
    }

  return g_date_time_new_now_local ();
}

static char *
format_long_date (GDateTime *date)
{
  const RetainerLanguage *document = retainer_language_get_current ();
  /* Translators: a date in a document, as strftime() takes it: "%B %-d, %Y"
   * gives "March 4, 2025"; German would use "%-d. %B %Y". */
  const char *pattern = C_("long date", "%B %-d, %Y");
  const char *month = NULL;
  g_autoptr (GString) own = NULL;

  if (document != NULL)
    month = retainer_language_get_month_name (document, (guint) g_date_time_get_month (date));
  if (month == NULL)
    return g_date_time_format (date, pattern);

  /* A document in another language than the user's: its month names come
   * from core's table, not from the process's LC_TIME. */
  own = g_string_new (NULL);
  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 'B')
        {
          g_string_append (own, month);
          p++;
        }
      else if (p[0] == '%' && p[1] != '\0')
        {
          g_string_append_len (own, p, 2);
          p++;
        }
      else
        g_string_append_c (own, *p);
    }
  return g_date_time_format (date, own->str);
}

/**
 * retainer_agency_format_dates:
 * @agency: the profile, for its validity
 * @iso_date: (nullable): the proposal's date, YYYY-MM-DD
 * @date_text: (out) (transfer full): the date, "March 4, 2025"
 * @valid_until_text: (out) (transfer full): the date the offer runs out
 *
 * Writes the two dates of a proposal's cover, as the PDF and the preview
 * of the cover both show them.
 */
void
retainer_agency_format_dates (const RetainerAgency *agency,
                              const char           *iso_date,
                              char                **date_text,
                              char                **valid_until_text)
{
  g_autoptr (GDateTime) date = NULL;
  g_autoptr (GDateTime) valid_until = NULL;

  g_return_if_fail (agency != NULL);
  g_return_if_fail (date_text != NULL);
  g_return_if_fail (valid_until_text != NULL);

  date = date_or_today (iso_date);
  valid_until = g_date_time_add_days (date, (int) MAX (agency->validity_days, 1));
  *date_text = format_long_date (date);
  *valid_until_text = format_long_date (valid_until);
}
