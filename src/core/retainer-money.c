/* retainer-money.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "retainer-i18n.h"
#include "retainer-money.h"
#include "retainer-number.h"

static const RetainerCurrency currencies[] = {
  { "USD", "$", FALSE },
  { "EUR", "€", FALSE },
  { "GBP", "£", FALSE },
  { "CAD", "CA$", FALSE },
  { "AUD", "A$", FALSE },
  { "INR", "₹", FALSE },
  { "CHF", "CHF", TRUE },
};

/**
 * retainer_money_round:
 * @minor_units: an amount in minor units, possibly fractional
 *
 * The one rounding rule of Retainer: to the nearest cent, halves away from
 * zero. Amounts beyond the representable range are clamped.
 */
gint64
retainer_money_round (double minor_units)
{
  if (isnan (minor_units))
    return 0;
  if (minor_units >= 9.0e18)
    return G_GINT64_CONSTANT (9000000000000000000);
  if (minor_units <= -9.0e18)
    return -G_GINT64_CONSTANT (9000000000000000000);

  return (gint64) round (minor_units);
}

/**
 * retainer_money_from_major:
 * @major_units: an amount in major units, as typed or read from a file
 *
 * Converts to minor units, rounding to the cent.
 */
gint64
retainer_money_from_major (double major_units)
{
  return retainer_money_round (major_units * 100.0);
}

/**
 * retainer_money_to_major:
 * @minor_units: an amount in minor units
 *
 * Converts to major units for display widgets and charts.
 */
double
retainer_money_to_major (gint64 minor_units)
{
  return (double) minor_units / 100.0;
}

/**
 * retainer_money_percent_of:
 * @amount: minor units
 * @percent: a percentage, 10.0 for 10 %
 *
 * Returns @percent of @amount, rounded to the cent.
 */
gint64
retainer_money_percent_of (gint64 amount,
                           double percent)
{
  return retainer_money_round ((double) amount * percent / 100.0);
}

/**
 * retainer_money_to_json_number:
 * @minor_units: an amount in minor units
 *
 * Writes the amount as an exact JSON number in major units: "5000",
 * "2333.33", "-0.5".
 */
char *
retainer_money_to_json_number (gint64 minor_units)
{
  guint64 magnitude = minor_units < 0 ? (guint64) (-(minor_units + 1)) + 1 : (guint64) minor_units;
  guint64 whole = magnitude / 100;
  guint cents = (guint) (magnitude % 100);
  const char *sign = minor_units < 0 ? "-" : "";

  if (cents == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, sign, whole);
  if (cents % 10 == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%u", sign, whole, cents / 10);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", sign, whole, cents);
}

/**
 * retainer_currency_lookup:
 * @code: an ISO 4217 code
 *
 * Returns: (nullable): the supported currency, or %NULL.
 */
const RetainerCurrency *
retainer_currency_lookup (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (strcmp (currencies[i].code, code) == 0)
      return &currencies[i];

  return NULL;
}

/**
 * retainer_currency_list:
 * @n_currencies: (out): how many
 *
 * Returns: the supported currencies, USD first.
 */
const RetainerCurrency *
retainer_currency_list (guint *n_currencies)
{
  g_return_val_if_fail (n_currencies != NULL, NULL);

  *n_currencies = G_N_ELEMENTS (currencies);
  return currencies;
}

/**
 * retainer_currency_is_supported:
 * @code: an ISO 4217 code
 *
 * Whether proposals may be written in this currency.
 */
gboolean
retainer_currency_is_supported (const char *code)
{
  return retainer_currency_lookup (code) != NULL;
}

typedef struct
{
  const char *decimal_point;
  const char *thousands_sep;
  gboolean    symbol_first;
  gboolean    symbol_space;
} NumberStyle;

/* The marks of the document being written, or of the user's locale. */
static void
get_number_style (NumberStyle          *style,
                  RetainerNumberFormat *storage,
                  gboolean              monetary)
{
  retainer_number_format_current (storage, monetary);
  style->decimal_point = storage->decimal_mark;
  style->thousands_sep = storage->grouping_mark;
  style->symbol_first = storage->currency_first;
  style->symbol_space = storage->currency_space;
}

static void
append_grouped (GString    *out,
                guint64     whole,
                const char *thousands_sep)
{
  char digits[32];
  int n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, whole);

  for (int i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, thousands_sep);
      g_string_append_c (out, digits[i]);
    }
}

static void
append_number (GString           *out,
               guint64            whole,
               guint              fraction,
               guint              decimals,
               const NumberStyle *style)
{
  append_grouped (out, whole, style->thousands_sep);
  if (decimals > 0)
    {
      g_string_append (out, style->decimal_point);
      g_string_append_printf (out, "%0*u", (int) decimals, fraction);
    }
}

static void
append_short (GString           *out,
              guint64            magnitude_minor,
              const NumberStyle *style)
{
  static const struct { guint64 scale; const char *suffix; } scales[] = {
    { G_GUINT64_CONSTANT (100000000000000), "T" },
    { G_GUINT64_CONSTANT (100000000000), "B" },
    { G_GUINT64_CONSTANT (100000000), "M" },
    { G_GUINT64_CONSTANT (100000), "K" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      if (magnitude_minor >= scales[i].scale)
        {
          /* One decimal, dropped when it is zero: "1.5M", "12K". Whole
           * units and the remainder apart: magnitude_minor * 10 would
           * overflow above 1.8e18. */
          guint64 tenths = magnitude_minor / scales[i].scale * 10
                           + ((magnitude_minor % scales[i].scale) * 10 + scales[i].scale / 2)
                             / scales[i].scale;

          append_grouped (out, tenths / 10, style->thousands_sep);
          if (tenths % 10 != 0)
            g_string_append_printf (out, "%s%u", style->decimal_point, (guint) (tenths % 10));
          /* K, M, B, T are read the same in the languages Retainer speaks. */
          g_string_append (out, scales[i].suffix);
          return;
        }
    }

  append_grouped (out, (magnitude_minor + 50) / 100, style->thousands_sep);
}

/**
 * retainer_money_format:
 * @minor_units: the amount
 * @currency_code: an ISO 4217 code; an unsupported one is written as a code
 * @flags: how to write it
 *
 * Formats an amount for people, with the locale's decimal mark, grouping
 * and symbol position: "$5,000", "5.000 €", "CHF 1,234.50".
 */
char *
retainer_money_format (gint64                   minor_units,
                       const char              *currency_code,
                       RetainerMoneyFormatFlags flags)
{
  const RetainerCurrency *currency = retainer_currency_lookup (currency_code);
  const char *symbol = currency != NULL ? currency->symbol : currency_code;
  gboolean symbol_is_code = currency != NULL ? currency->symbol_is_code : TRUE;
  guint64 magnitude = minor_units < 0 ? (guint64) (-(minor_units + 1)) + 1 : (guint64) minor_units;
  GString *number = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  RetainerNumberFormat marks;
  NumberStyle style;

  get_number_style (&style, &marks, TRUE);

  /* Cents on $90,945.08 are noise a prospect stumbles over; the exact
   * amount stays in the file and in --summary. Half a unit rounds away
   * from zero. */
  if ((flags & RETAINER_MONEY_FORMAT_ROUNDED) && magnitude >= 100000)
    magnitude = (magnitude / 100 + (magnitude % 100 >= 50 ? 1 : 0)) * 100;

  if (flags & RETAINER_MONEY_FORMAT_SHORT)
    append_short (number, magnitude, &style);
  else if ((flags & RETAINER_MONEY_FORMAT_CENTS) || magnitude % 100 != 0)
    append_number (number, magnitude / 100, (guint) (magnitude % 100), 2, &style);
  else
    append_number (number, magnitude / 100, 0, 0, &style);

  if (symbol == NULL)
    symbol = "";

  if (minor_units < 0)
    g_string_append (out, "−");
  if (style.symbol_first)
    {
      g_string_append (out, symbol);
      if (style.symbol_space || symbol_is_code)
        g_string_append (out, "\u00a0");
      g_string_append (out, number->str);
    }
  else
    {
      g_string_append (out, number->str);
      g_string_append (out, "\u00a0");
      g_string_append (out, symbol);
    }

  g_string_free (number, TRUE);
  return g_string_free (out, FALSE);
}

/**
 * retainer_format_number:
 * @value: a number
 * @decimals: digits after the decimal mark
 *
 * Formats a plain number with the locale's marks: "1,234.5".
 */
char *
retainer_format_number (double value,
                        guint  decimals)
{
  GString *out = g_string_new (NULL);
  RetainerNumberFormat marks;
  NumberStyle style;
  double scale = pow (10.0, decimals);
  double magnitude;
  guint64 scaled;

  get_number_style (&style, &marks, FALSE);

  if (!isfinite (value))
    {
      g_string_append (out, "—");
      return g_string_free (out, FALSE);
    }

  magnitude = round (fabs (value) * scale);
  if (magnitude > 9.0e18)
    magnitude = 9.0e18;
  scaled = (guint64) magnitude;
  if (value < 0 && scaled != 0)
    g_string_append (out, "−");
  append_number (out, scaled / (guint64) scale, (guint) (scaled % (guint64) scale), decimals,
                 &style);
  return g_string_free (out, FALSE);
}

/**
 * retainer_format_percent:
 * @percent: 60.0 for 60 %
 * @decimals: digits after the decimal mark
 *
 * Formats a percentage for people: "60%", "60.5%".
 */
char *
retainer_format_percent (double percent,
                         guint  decimals)
{
  g_autofree char *number = retainer_format_number (percent, decimals);

  /* Translators: a percentage; %s is the number. Use your language's
   * spacing, like "%s %%" for French and German. */
  return g_strdup_printf (_("%s%%"), number);
}

/**
 * retainer_format_percent_exact:
 * @percent: a rate someone set, like a card's annual discount
 *
 * Formats a rate with the decimals it has, up to two, so that what the
 * founder set is what the client reads: "20%", "12.5%", "99.75%".
 */
char *
retainer_format_percent_exact (double percent)
{
  gint64 hundredths = (gint64) llround (percent * 100);
  guint decimals = hundredths % 100 == 0 ? 0 : hundredths % 10 == 0 ? 1 : 2;

  return retainer_format_percent ((double) hundredths / 100, decimals);
}

/**
 * retainer_format_share:
 * @share: a share from 0 to 1, like a result's saving_share
 * @decimals: digits after the decimal mark
 *
 * Formats a share as a percentage for people: 0.583 gives "58%".
 */
char *
retainer_format_share (double share,
                       guint  decimals)
{
  return retainer_format_percent (share * 100.0, decimals);
}
