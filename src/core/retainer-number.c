/* retainer-number.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <limits.h>
#include <locale.h>
#include <string.h>

#include "retainer-i18n.h"
#include "retainer-language.h"
#include "retainer-number.h"

G_DEFINE_QUARK (retainer-number-error-quark, retainer_number_error)

/* As the C library's en_US, de_DE, fr_FR and es_ES locales write them
 * (test-money checks the two agree). */
static const RetainerNumberFormat formats[] = {
  { "en", ".", ",", TRUE, FALSE },
  { "de", ",", ".", FALSE, TRUE },
  { "fr", ",", "\u202f", FALSE, TRUE },
  { "es", ",", ".", FALSE, TRUE },
};

/* More integer digits than this are refused: 10^15 major units leaves room
 * for three decimals in a gint64, and 10^12 for six (prices and exchange
 * rates keep six). */
#define MAX_INTEGER_DIGITS 15
#define MAX_SCALED_DIGITS 18
#define MAX_DECIMALS 6

/**
 * retainer_number_format_for_language:
 * @language: (nullable): a language code, "de", "de_AT", "fr-CA"
 *
 * Returns: (nullable): the language's conventions, or %NULL when Retainer
 *   has none for it
 */
const RetainerNumberFormat *
retainer_number_format_for_language (const char *language)
{
  gsize length;

  if (language == NULL)
    return NULL;

  length = strcspn (language, "_-.@");
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (length == strlen (formats[i].language)
        && g_ascii_strncasecmp (language, formats[i].language, length) == 0)
      return &formats[i];

  return NULL;
}

/**
 * retainer_number_format_current:
 * @format: (out caller-allocates): receives the marks
 * @monetary: the marks for money (LC_MONETARY) rather than plain numbers
 *
 * Fills @format with the marks in effect: those of the document being
 * written when retainer_language_push() made one current, else those of
 * the user's locale.
 */
void
retainer_number_format_current (RetainerNumberFormat *format,
                                gboolean              monetary)
{
  const RetainerLanguage *document = retainer_language_get_current ();
  const RetainerNumberFormat *document_format = NULL;
  const struct lconv *lc;
  const char *decimal_point;
  const char *thousands_sep;

  g_return_if_fail (format != NULL);

  if (document != NULL)
    document_format = retainer_language_get_number_format (document);
  if (document_format != NULL)
    {
      *format = *document_format;
      return;
    }

  lc = localeconv ();
  decimal_point = monetary ? lc->mon_decimal_point : lc->decimal_point;
  thousands_sep = monetary ? lc->mon_thousands_sep : lc->thousands_sep;

  /* The C locale has no grouping at all (and no monetary marks); figures
   * read better with the common ones. */
  if (decimal_point == NULL || *decimal_point == '\0')
    decimal_point = ".";
  if ((thousands_sep == NULL || *thousands_sep == '\0') && strcmp (decimal_point, ".") == 0)
    thousands_sep = ",";

  memset (format, 0, sizeof *format);
  g_strlcpy (format->decimal_mark, decimal_point, sizeof format->decimal_mark);
  g_strlcpy (format->grouping_mark, thousands_sep != NULL ? thousands_sep : "",
             sizeof format->grouping_mark);
  format->currency_first = lc->p_cs_precedes == CHAR_MAX ? TRUE : lc->p_cs_precedes != 0;
  format->currency_space = lc->p_sep_by_space == CHAR_MAX ? FALSE : lc->p_sep_by_space != 0;
}

static gboolean
is_space_mark (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

/* Whether the grouping mark is a space of some kind: then any space a
 * person can type (plain, no-break, narrow no-break, thin) groups digits. */
static gboolean
groups_with_space (const RetainerNumberFormat *format)
{
  return format->grouping_mark[0] != '\0'
         && is_space_mark (g_utf8_get_char (format->grouping_mark));
}

static gboolean
set_unclear (GError                    **error,
             const char                 *text,
             const RetainerNumberFormat *format)
{
  g_autofree char *example = retainer_format_decimal (123450, 2, format);
  const char *grouping = format->grouping_mark;

  if (groups_with_space (format))
    /* Translators: shown for a space that groups digits. */
    grouping = C_("grouping mark", "a space");

  g_set_error (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_AMBIGUOUS,
               /* Translators: %1$s is what was typed, %2$s the mark that
                * groups thousands (like “.”), %3$s the decimal mark (like
                * “,”), %4$s an example like “1.234,50”. */
               _("“%1$s” could be read two ways: here %2$s groups digits by three and "
                 "“%3$s” starts the decimals, as in “%4$s”"),
               text, grouping, format->decimal_mark, example);
  return FALSE;
}

/**
 * retainer_parse_decimal:
 * @text: what a person typed, like "12,000.50"
 * @format: (nullable): the marks to read it with; %NULL for the current ones
 *   (retainer_number_format_current())
 * @decimals: the most digits after the decimal mark the value keeps (0 to 6:
 *   two for amounts and rates, six for prices and exchange rates)
 * @scaled: (out): the value times 10^@decimals: 1200050 for "12,000.50"
 *   with two decimals
 * @error: a #GError
 *
 * Reads a number by the rules of @format: an optional sign, digits that
 * may be grouped by the grouping mark (the first group has one to three
 * digits, every other exactly three), then the decimal mark and at most
 * @decimals digits. Spaces around it are ignored. When the grouping mark is
 * a space, any space (no-break or narrow no-break too) groups. A "." is a
 * decimal mark too where it is neither mark of @format (French).
 *
 * Text that breaks a rule is refused, never guessed at: "2.5" in German
 * (where "." groups thousands, so the "5" would have to be "500"),
 * "1.234,5" in English and a grouped number whose first group starts with
 * 0 ("0,925" in English, "0.925" in German: a decimal written the other
 * way) are %RETAINER_NUMBER_ERROR_AMBIGUOUS; a third
 * decimal where two are kept is %RETAINER_NUMBER_ERROR_PRECISION.
 *
 * Returns: %TRUE with @scaled set, or %FALSE with @error set and @scaled
 *   untouched
 */
gboolean
retainer_parse_decimal (const char                 *text,
                        const RetainerNumberFormat *format,
                        guint                       decimals,
                        gint64                     *scaled,
                        GError                    **error)
{
  RetainerNumberFormat current;
  g_autoptr (GString) integer = g_string_new (NULL);
  g_autoptr (GString) fraction = g_string_new (NULL);
  g_autoptr (GArray) groups = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *trimmed = NULL;
  gboolean negative = FALSE;
  gboolean in_fraction = FALSE;
  gboolean grouped = FALSE;
  guint group = 0;
  const char *p;
  guint64 value = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (scaled != NULL, FALSE);
  g_return_val_if_fail (decimals <= MAX_DECIMALS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == NULL)
    {
      retainer_number_format_current (&current, FALSE);
      format = &current;
    }

  /* Text from a widget is UTF-8; anything else is not a number either. */
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_INVALID,
                   _("The text is not a number: it is not valid UTF-8"));
      return FALSE;
    }

  /* Spaces of every kind around the number. */
  p = text;
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  trimmed = g_strdup (p);
  {
    char *end = trimmed + strlen (trimmed);

    while (end > trimmed)
      {
        char *previous = g_utf8_prev_char (end);

        if (!g_unichar_isspace (g_utf8_get_char (previous)))
          break;
        end = previous;
      }
    *end = '\0';
  }

  if (*trimmed == '\0')
    {
      g_set_error (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_EMPTY,
                   _("Type a number"));
      return FALSE;
    }

  p = trimmed;
  if (*p == '-' || *p == '+' || g_utf8_get_char (p) == 0x2212)
    {
      negative = *p != '+';
      p = g_utf8_next_char (p);
    }

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      gsize decimal_length = strlen (format->decimal_mark);
      gsize grouping_length = strlen (format->grouping_mark);

      if (c >= '0' && c <= '9')
        {
          g_string_append_c (in_fraction ? fraction : integer, (char) c);
          if (!in_fraction)
            group++;
          p++;
          continue;
        }

      if (decimal_length > 0 && strncmp (p, format->decimal_mark, decimal_length) == 0)
        {
          if (in_fraction)
            return set_unclear (error, trimmed, format);
          in_fraction = TRUE;
          p += decimal_length;
          continue;
        }

      if ((grouping_length > 0 && strncmp (p, format->grouping_mark, grouping_length) == 0)
          || (groups_with_space (format) && is_space_mark (c)))
        {
          /* A grouping mark among the decimals, or one with no digits
           * before it, belongs to another way of writing numbers. */
          if (in_fraction || group == 0)
            return set_unclear (error, trimmed, format);
          g_array_append_val (groups, group);
          group = 0;
          grouped = TRUE;
          p = grouping_length > 0 && strncmp (p, format->grouping_mark, grouping_length) == 0
                ? p + grouping_length
                : g_utf8_next_char (p);
          continue;
        }

      if (c == '.' && strcmp (format->decimal_mark, ".") != 0
          && strcmp (format->grouping_mark, ".") != 0)
        {
          if (in_fraction)
            return set_unclear (error, trimmed, format);
          in_fraction = TRUE;
          p++;
          continue;
        }

      {
        char character[8] = { 0 };

        g_unichar_to_utf8 (c, character);
        g_set_error (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_INVALID,
                     /* Translators: %1$s is what was typed, %2$s one character of it. */
                     _("“%1$s” is not a number: “%2$s” has no place in one"), trimmed,
                     character);
        return FALSE;
      }
    }

  if (grouped)
    {
      /* The last group ends at the decimal mark or the end. No grouped
       * number starts with a 0: "0,925" in English is a decimal typed with
       * the other convention's mark, never nine hundred and twenty-five. */
      if (group != 3 || integer->str[0] == '0')
        return set_unclear (error, trimmed, format);
      for (guint i = 0; i < groups->len; i++)
        {
          guint size = g_array_index (groups, guint, i);

          if (i == 0 ? size > 3 : size != 3)
            return set_unclear (error, trimmed, format);
        }
    }

  if (integer->len == 0 && fraction->len == 0)
    {
      g_set_error (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_INVALID,
                   _("“%s” is not a number: it has no digits"), trimmed);
      return FALSE;
    }

  if (fraction->len > decimals)
    {
      if (decimals == 0)
        g_set_error (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_PRECISION,
                     _("“%s” has decimals; type a whole number"), trimmed);
      else
        g_set_error (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_PRECISION,
                     /* Translators: %1$s is what was typed, %2$u how many decimals are kept. */
                     ngettext ("“%1$s” has more decimals than the %2$u this field keeps",
                               "“%1$s” has more decimals than the %2$u this field keeps",
                               decimals),
                     trimmed, decimals);
      return FALSE;
    }

  {
    const char *digits = integer->str;

    while (*digits == '0')
      digits++;
    if (strlen (digits) > MIN (MAX_INTEGER_DIGITS, MAX_SCALED_DIGITS - decimals))
      {
        g_set_error (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_RANGE,
                     _("“%s” is too large"), trimmed);
        return FALSE;
      }
    for (; *digits != '\0'; digits++)
      value = value * 10 + (guint64) (*digits - '0');
  }
  for (guint i = 0; i < decimals; i++)
    value = value * 10 + (i < fraction->len ? (guint64) (fraction->str[i] - '0') : 0);

  *scaled = negative ? -(gint64) value : (gint64) value;
  return TRUE;
}

/**
 * retainer_format_decimal:
 * @scaled: the value times 10^@decimals
 * @decimals: digits after the decimal mark (0 to 6)
 * @format: (nullable): the marks; %NULL for the current ones
 *
 * Returns: (transfer full): "12,000.50" for 1200050 with two decimals in
 *   English, "12.000,50" in German, "−3.00" for -300
 */
char *
retainer_format_decimal (gint64                      scaled,
                         guint                       decimals,
                         const RetainerNumberFormat *format)
{
  RetainerNumberFormat current;
  guint64 magnitude = scaled < 0 ? (guint64) (-(scaled + 1)) + 1 : (guint64) scaled;
  guint64 divisor = 1;
  GString *out = g_string_new (NULL);
  char digits[32];
  int n;

  g_return_val_if_fail (decimals <= MAX_DECIMALS, g_string_free (out, FALSE));

  if (format == NULL)
    {
      retainer_number_format_current (&current, FALSE);
      format = &current;
    }

  for (guint i = 0; i < decimals; i++)
    divisor *= 10;

  if (scaled < 0)
    g_string_append (out, "−");
  n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude / divisor);
  for (int i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, format->grouping_mark);
      g_string_append_c (out, digits[i]);
    }
  if (decimals > 0)
    {
      g_string_append (out, format->decimal_mark);
      g_string_append_printf (out, "%0*" G_GUINT64_FORMAT, (int) decimals, magnitude % divisor);
    }

  return g_string_free (out, FALSE);
}
