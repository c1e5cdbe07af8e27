/* retainer-number.h: how a language writes numbers, and reading typed ones
 *
 * Retainer writes figures in two settings: for the user, with the marks of
 * the user's locale, and in a proposal PDF, with the marks of the proposal's
 * language, whatever the user's locale is. A RetainerNumberFormat holds the
 * marks of one of them; the table behind
 * retainer_number_format_for_language() knows English, German, French and
 * Spanish (the languages Retainer is translated into) and agrees with the C
 * library's en_US, de_DE, fr_FR and es_ES locales.
 *
 * How the window uses this (amount and rate fields):
 *
 *  - Show a value with retainer_format_decimal (): an amount as
 *    retainer_format_decimal (minor_units, 2, NULL) ("12,000.50" in en_US,
 *    "12.000,50" in de_DE), a rate in hundredths of a percent as
 *    retainer_format_decimal (hundredths, 2, NULL) ("2.25"). Every cent and
 *    every hundredth shows, so the text never hides a digit the proposal has.
 *  - Read what was typed with retainer_parse_decimal (text, NULL, 2, &value,
 *    &error): it gives back the same integer the formatter was given
 *    (format -> parse round-trips exactly), so re-reading a field that was
 *    not edited never changes its value.
 *  - On FALSE, keep the old value, mark the field (the "error" style class)
 *    and show error->message: it says what was expected. Range checks (0 to
 *    10^12 for amounts, -25 to 25 for growth, 0 to 100 for coverage) stay
 *    with the caller; retainer_proposal_validate() has the limits.
 *
 * Prices and exchange rates keep six decimals: retainer_millionths_parse()
 * and retainer_millionths_format() (retainer-price-table.h) are these two
 * functions with six decimals, a range and the trailing zeros dropped.
 * JSON files are not typed text: retainer_decimal_from_json() reads their
 * numbers exactly, whatever the locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char     language[8];       /* "de"; "" for a format read from the locale */
  char     decimal_mark[8];   /* UTF-8, "," */
  char     grouping_mark[8];  /* UTF-8, "." ; U+202F in French */
  gboolean currency_first;    /* "$5" rather than "5 $" */
  gboolean currency_space;    /* a no-break space between symbol and figure when first */
} RetainerNumberFormat;

#define RETAINER_NUMBER_ERROR (retainer_number_error_quark ())

typedef enum
{
  RETAINER_NUMBER_ERROR_EMPTY,       /* nothing typed */
  RETAINER_NUMBER_ERROR_INVALID,     /* a character that is not part of a number */
  RETAINER_NUMBER_ERROR_AMBIGUOUS,   /* marks that could be read two ways */
  RETAINER_NUMBER_ERROR_PRECISION,   /* more decimals than the field keeps */
  RETAINER_NUMBER_ERROR_RANGE,       /* beyond 10^15 (10^12 with six decimals), or the
                                      * caller's range */
} RetainerNumberError;

GQuark                      retainer_number_error_quark         (void);

/* The built-in conventions of "en", "de", "fr", "es" (a region such as
 * "de_AT" or "fr-CA" is read as its language); NULL for another language. */
const RetainerNumberFormat *retainer_number_format_for_language (const char                 *language);

/* The marks in effect: the document's while a document in another language
 * is written (see retainer_language_push()), else the user's locale
 * (LC_NUMERIC, or LC_MONETARY when @monetary). */
void                        retainer_number_format_current      (RetainerNumberFormat       *format,
                                                                 gboolean                    monetary);

/* Reads a decimal number typed by a person; see the top of this file. */
gboolean                    retainer_parse_decimal              (const char                 *text,
                                                                 const RetainerNumberFormat *format,
                                                                 guint                       decimals,
                                                                 gint64                     *scaled,
                                                                 GError                    **error);

/* Writes @scaled / 10^@decimals with exactly @decimals digits after the
 * decimal mark, grouped: the text retainer_parse_decimal() reads back. */
char                       *retainer_format_decimal             (gint64                      scaled,
                                                                 guint                       decimals,
                                                                 const RetainerNumberFormat *format);

G_END_DECLS
