/* test-money.c: rounding and formatting of amounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "retainer-language.h"
#include "retainer-money.h"
#include "retainer-number.h"

/* 10^exponent, for spreading test values over every magnitude. */
static gint64
pow10_of (guint exponent)
{
  gint64 value = 1;

  while (exponent-- > 0)
    value *= 10;
  return value;
}

static void
test_round (void)
{
  static const struct { double minor; gint64 expected; } cases[] = {
    { 0.0, 0 },
    { 0.4999, 0 },
    { 0.5, 1 },
    { 1.5, 2 },
    { 2.5, 3 },
    { -0.5, -1 },
    { -1.4, -1 },
    { 123456.49, 123456 },
    { 1e30, G_GINT64_CONSTANT (9000000000000000000) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (retainer_money_round (cases[i].minor), ==, cases[i].expected);
}

static void
test_from_major (void)
{
  /* 0.1 + 0.2 style trouble must not leak into stored cents. */
  g_assert_cmpint (retainer_money_from_major (14.5), ==, 1450);
  g_assert_cmpint (retainer_money_from_major (0.29), ==, 29);
  g_assert_cmpint (retainer_money_from_major (1.005), ==, 100);
  g_assert_cmpint (retainer_money_from_major (1e12), ==, G_GINT64_CONSTANT (100000000000000));
  g_assert_cmpint (retainer_money_percent_of (500000, 10), ==, 50000);
  g_assert_cmpint (retainer_money_percent_of (333, 10), ==, 33);
  g_assert_cmpint (retainer_money_percent_of (335, 10), ==, 34);
}

static void
test_json_number (void)
{
  static const struct { gint64 minor; const char *expected; } cases[] = {
    { 0, "0" },
    { 500000, "5000" },
    { 233333, "2333.33" },
    { 1450, "14.5" },
    { 5, "0.05" },
    { -600000, "-6000" },
    { -50, "-0.5" },
    { G_GINT64_CONSTANT (100000000000000), "1000000000000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = retainer_money_to_json_number (cases[i].minor);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_c_locale (void)
{
  static const struct { gint64 minor; const char *code; RetainerMoneyFormatFlags flags; const char *expected; } cases[] = {
    { 500000, "USD", RETAINER_MONEY_FORMAT_DEFAULT, "$5,000" },
    { 123456789, "USD", RETAINER_MONEY_FORMAT_DEFAULT, "$1,234,567.89" },
    { 500000, "USD", RETAINER_MONEY_FORMAT_CENTS, "$5,000.00" },
    /* Whole units from 1,000 up, cents below, half a unit away from zero. */
    { 9094508, "USD", RETAINER_MONEY_FORMAT_ROUNDED, "$90,945" },
    { 9094550, "USD", RETAINER_MONEY_FORMAT_ROUNDED, "$90,946" },
    { -9094550, "USD", RETAINER_MONEY_FORMAT_ROUNDED, "−$90,946" },
    { 100049, "USD", RETAINER_MONEY_FORMAT_ROUNDED, "$1,000" },
    { 99999, "USD", RETAINER_MONEY_FORMAT_ROUNDED, "$999.99" },
    { 81450, "USD", RETAINER_MONEY_FORMAT_ROUNDED, "$814.50" },
    { G_GINT64_CONSTANT (100000000000000), "USD", RETAINER_MONEY_FORMAT_ROUNDED,
      "$1,000,000,000,000" },
    { -300000, "USD", RETAINER_MONEY_FORMAT_DEFAULT, "−$3,000" },
    { 1200000, "EUR", RETAINER_MONEY_FORMAT_DEFAULT, "€12,000" },
    { 1200000, "GBP", RETAINER_MONEY_FORMAT_DEFAULT, "£12,000" },
    { 1200000, "INR", RETAINER_MONEY_FORMAT_DEFAULT, "₹12,000" },
    { 1200000, "CHF", RETAINER_MONEY_FORMAT_DEFAULT, "CHF\u00a012,000" },
    { 1200000, "CAD", RETAINER_MONEY_FORMAT_DEFAULT, "CA$12,000" },
    { 1200000, "AUD", RETAINER_MONEY_FORMAT_DEFAULT, "A$12,000" },
    { 1250000, "USD", RETAINER_MONEY_FORMAT_SHORT, "$12.5K" },
    { 3000000000, "USD", RETAINER_MONEY_FORMAT_SHORT, "$30M" },
    { 50000, "USD", RETAINER_MONEY_FORMAT_SHORT, "$500" },
    { 0, "USD", RETAINER_MONEY_FORMAT_SHORT, "$0" },
  };

  setlocale (LC_ALL, "C.UTF-8");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = retainer_money_format (cases[i].minor, cases[i].code, cases[i].flags);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  {
    /* Plain numbers group the same way as money. */
    g_autofree char *number = retainer_format_number (1234567.25, 1);
    g_autofree char *share = retainer_format_share (0.5833, 0);
    g_assert_cmpstr (number, ==, "1,234,567.3");
    g_assert_cmpstr (share, ==, "58%");
  }
}

static void
test_format_german (void)
{
  g_autofree char *eur = NULL;
  g_autofree char *number = NULL;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed");
      return;
    }

  eur = retainer_money_format (123456750, "EUR", RETAINER_MONEY_FORMAT_DEFAULT);
  g_assert_cmpstr (eur, ==, "1.234.567,50\u00a0€");
  number = retainer_format_number (2.333, 1);
  g_assert_cmpstr (number, ==, "2,3");
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_currencies (void)
{
  static const char *const required[] = { "USD", "EUR", "GBP", "CAD", "AUD", "INR", "CHF" };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_true (retainer_currency_is_supported (required[i]));
  g_assert_false (retainer_currency_is_supported ("usd"));
  g_assert_false (retainer_currency_is_supported ("XYZ"));
  g_assert_false (retainer_currency_is_supported (NULL));
}


/* Near the top of gint64, the short form used to wrap around: 2e18 minor
 * units came out as "$1,553.3T". */
static void
test_format_short_huge (void)
{
  static const struct { gint64 minor; const char *expected; } cases[] = {
    { G_GINT64_CONSTANT (2000000000000000000), "$20,000T" },
    { G_GINT64_CONSTANT (1844674407370955162), "$18,446.7T" },
    { G_MAXINT64, "$92,233.7T" },
    { G_GINT64_CONSTANT (100000000000000), "$1T" },
    { G_GINT64_CONSTANT (99990000000000), "$999.9B" },
  };

  setlocale (LC_ALL, "C.UTF-8");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = retainer_money_format (cases[i].minor, "USD",
                                                     RETAINER_MONEY_FORMAT_SHORT);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

typedef struct
{
  const char *language;
  const char *text;
  gint64      expected;   /* scaled by 10^2; unused when code >= 0 */
  int         code;       /* RetainerNumberError, or -1 for success */
} ParseCase;

/* Typed text in each language, two decimals kept (cents, or hundredths of
 * a percent). */
static const ParseCase parse_cases[] = {
  /* English: "," groups, "." starts the decimals. */
  { "en", "12,000.50", 1200050, -1 },
  { "en", "12000.5", 1200050, -1 },
  { "en", " 2.25 ", 225, -1 },
  { "en", "1,000,000,000,000", G_GINT64_CONSTANT (100000000000000), -1 },
  { "en", "-3", -300, -1 },
  { "en", "−3.1", -310, -1 },
  { "en", ".5", 50, -1 },
  { "en", "0", 0, -1 },
  { "en", "1.234,5", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "en", "1,23", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "en", "12,0000", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "en", "1234,567", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "en", ",123", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "en", "1.2.3", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  /* No grouped number starts with a 0: a decimal typed with the other
   * convention's mark, refused rather than read a thousand times larger. */
  { "en", "0,005", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "en", "-0,500", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "en", "00,925", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "en", "0,000", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "en", "0.05", 5, -1 },
  { "en", "1,005", 100500, -1 },
  { "en", "2.255", 0, RETAINER_NUMBER_ERROR_PRECISION },
  { "en", "$12", 0, RETAINER_NUMBER_ERROR_INVALID },
  { "en", "12 000", 0, RETAINER_NUMBER_ERROR_INVALID },
  { "en", "", 0, RETAINER_NUMBER_ERROR_EMPTY },
  { "en", "  ", 0, RETAINER_NUMBER_ERROR_EMPTY },
  { "en", "-", 0, RETAINER_NUMBER_ERROR_INVALID },
  { "en", "10000000000000000", 0, RETAINER_NUMBER_ERROR_RANGE },
  { "en", "12\xff", 0, RETAINER_NUMBER_ERROR_INVALID },
  /* German: "." groups, "," starts the decimals; "2.5" is not 25. */
  { "de", "12.000,50", 1200050, -1 },
  { "de", "2,5", 250, -1 },
  { "de", "1.234", 123400, -1 },
  { "de", "2.5", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "de", "2.25", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "de", "1,234.5", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "de", "1,2,3", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "de", "0.500", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "de", "0,5", 50, -1 },
  /* French: narrow no-break space groups (so does any space typed), ","
   * starts the decimals, and so does "." (a keypad's decimal key). */
  { "fr", "12\u202f000,50", 1200050, -1 },
  { "fr", "12\u00a0000,50", 1200050, -1 },
  { "fr", "12 000,5", 1200050, -1 },
  { "fr", "2.5", 250, -1 },
  { "fr", "2,25", 225, -1 },
  { "fr", "1 2345", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "fr", "12,000.5", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "fr", "1.234,5", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "fr", "0 500", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "fr", "0,5", 50, -1 },
  /* Spanish: as German. */
  { "es", "12.000,50", 1200050, -1 },
  { "es", "87,5", 8750, -1 },
  { "es", "2.5", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "es", "12,000.50", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
  { "es", "0.150", 0, RETAINER_NUMBER_ERROR_AMBIGUOUS },
};

static void
test_parse_decimal (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      const RetainerNumberFormat *format = retainer_number_format_for_language (c->language);
      g_autoptr (GError) error = NULL;
      gint64 value = 424242;
      gboolean ok;

      g_assert_nonnull (format);
      ok = retainer_parse_decimal (c->text, format, 2, &value, &error);
      if (c->code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (value, ==, c->expected);
        }
      else
        {
          if (ok)
            g_error ("%s: “%s” was read as %" G_GINT64_FORMAT, c->language, c->text, value);
          g_assert_error (error, RETAINER_NUMBER_ERROR, c->code);
          /* The old value is kept, and the message quotes what was typed. */
          g_assert_cmpint (value, ==, 424242);
          {
            g_autofree char *stripped = g_strstrip (g_strdup (c->text));

            /* Text that is not UTF-8 cannot be quoted. */
            if (*stripped != '\0' && g_utf8_validate (stripped, -1, NULL))
              g_assert_nonnull (strstr (error->message, stripped));
          }
        }
    }
}

/* A whole number where no decimal is kept, and a third decimal where three are. */
static void
test_parse_decimals (void)
{
  const RetainerNumberFormat *en = retainer_number_format_for_language ("en");
  g_autoptr (GError) error = NULL;
  gint64 value = 0;

  g_assert_true (retainer_parse_decimal ("1,234", en, 0, &value, NULL));
  g_assert_cmpint (value, ==, 1234);
  g_assert_false (retainer_parse_decimal ("1.5", en, 0, &value, &error));
  g_assert_error (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_PRECISION);
  g_clear_error (&error);
  g_assert_true (retainer_parse_decimal ("2.125", en, 3, &value, NULL));
  g_assert_cmpint (value, ==, 2125);

  /* Prices and exchange rates keep six decimals, and then at most twelve
   * integer digits, so that the value stays inside a gint64. */
  {
    const RetainerNumberFormat *de = retainer_number_format_for_language ("de");
    g_autofree char *written = retainer_format_decimal (1234567891, 6, de);

    g_assert_true (retainer_parse_decimal ("0.000001", en, 6, &value, NULL));
    g_assert_cmpint (value, ==, 1);
    g_assert_true (retainer_parse_decimal ("999,999,999,999.999999", en, 6, &value, NULL));
    g_assert_cmpint (value, ==, G_GINT64_CONSTANT (999999999999999999));
    g_assert_false (retainer_parse_decimal ("1,000,000,000,000", en, 6, &value, &error));
    g_assert_error (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_RANGE);
    g_clear_error (&error);
    g_assert_false (retainer_parse_decimal ("2.5", de, 6, &value, &error));
    g_assert_error (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_AMBIGUOUS);
    g_clear_error (&error);
    g_assert_cmpstr (written, ==, "1.234,567891");
    g_assert_true (retainer_parse_decimal (written, de, 6, &value, NULL));
    g_assert_cmpint (value, ==, 1234567891);

    /* An exchange rate typed with the other language's decimal mark is
     * refused as "1,08" is, not read as 925; in its own marks it is 0.925. */
    g_assert_false (retainer_parse_decimal ("0,925", en, 6, &value, &error));
    g_assert_error (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_AMBIGUOUS);
    g_assert_nonnull (strstr (error->message, "“0,925” could be read two ways"));
    g_clear_error (&error);
    g_assert_true (retainer_parse_decimal ("0.925", en, 6, &value, NULL));
    g_assert_cmpint (value, ==, 925000);
    g_assert_false (retainer_parse_decimal ("0.925", de, 6, &value, &error));
    g_assert_error (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_AMBIGUOUS);
    g_clear_error (&error);
    g_assert_true (retainer_parse_decimal ("0,925", de, 6, &value, NULL));
    g_assert_cmpint (value, ==, 925000);
  }
  /* Regions read as their language. */
  g_assert_true (retainer_number_format_for_language ("de_AT") ==
                 retainer_number_format_for_language ("de"));
  g_assert_true (retainer_number_format_for_language ("fr-CA") ==
                 retainer_number_format_for_language ("fr"));
  g_assert_null (retainer_number_format_for_language ("pt"));
  g_assert_null (retainer_number_format_for_language (NULL));
}

/* What the formatter writes, the parser reads back to the same integer:
 * amounts to the cent up to 10^12, rates to the hundredth. */
static void
test_round_trip (void)
{
  static const char *const languages[] = { "en", "de", "fr", "es" };
  static const gint64 values[] = {
    0, 1, 5, 10, 99, 100, 101, 1200050, 225, -225, 8750, 123456789,
    G_GINT64_CONSTANT (99999999999999), G_GINT64_CONSTANT (100000000000000),
    -G_GINT64_CONSTANT (100000000000000),
  };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      const RetainerNumberFormat *format = retainer_number_format_for_language (languages[l]);
      guint32 seed = 1234567;

      for (guint i = 0; i < G_N_ELEMENTS (values) + 2000; i++)
        {
          gint64 value;
          g_autofree char *text = NULL;
          g_autoptr (GError) error = NULL;
          gint64 back = -1;

          if (i < G_N_ELEMENTS (values))
            value = values[i];
          else
            {
              /* Spread over every magnitude up to 10^14 minor units. */
              seed = seed * 1103515245u + 12345u;
              value = (gint64) (seed % 1000) * (gint64) pow10_of (seed % 12);
            }
          text = retainer_format_decimal (value, 2, format);
          if (!retainer_parse_decimal (text, format, 2, &back, &error))
            g_error ("%s: “%s” (%" G_GINT64_FORMAT ") did not read back: %s", languages[l],
                     text, value, error->message);
          g_assert_cmpint (back, ==, value);
        }
    }

  {
    g_autofree char *en = retainer_format_decimal (1200050, 2,
                                                   retainer_number_format_for_language ("en"));
    g_autofree char *de = retainer_format_decimal (1200050, 2,
                                                   retainer_number_format_for_language ("de"));
    g_autofree char *fr = retainer_format_decimal (1200050, 2,
                                                   retainer_number_format_for_language ("fr"));
    g_autofree char *rate = retainer_format_decimal (225, 2,
                                                     retainer_number_format_for_language ("en"));

    g_assert_cmpstr (en, ==, "12,000.50");
    g_assert_cmpstr (de, ==, "12.000,50");
    g_assert_cmpstr (fr, ==, "12\u202f000,50");
    g_assert_cmpstr (rate, ==, "2.25");
  }
}

/* The built-in conventions are the C library's for each language's main
 * country, so a PDF in German reads like the window in a German session. */
static void
test_conventions_match_locales (void)
{
  static const char *const locales[][2] = {
    { "en", "en_US.UTF-8" }, { "de", "de_DE.UTF-8" }, { "fr", "fr_FR.UTF-8" },
    { "es", "es_ES.UTF-8" },
  };
  guint checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      const RetainerNumberFormat *table = retainer_number_format_for_language (locales[i][0]);
      RetainerNumberFormat from_locale;

      if (setlocale (LC_ALL, locales[i][1]) == NULL)
        continue;
      for (int monetary = 0; monetary < 2; monetary++)
        {
          retainer_number_format_current (&from_locale, monetary);
          g_assert_cmpstr (table->decimal_mark, ==, from_locale.decimal_mark);
          g_assert_cmpstr (table->grouping_mark, ==, from_locale.grouping_mark);
          if (monetary)
            {
              g_assert_cmpint (table->currency_first, ==, from_locale.currency_first);
              if (table->currency_first)
                g_assert_cmpint (table->currency_space, ==, from_locale.currency_space);
            }
        }
      checked++;
    }
  setlocale (LC_ALL, "C.UTF-8");
  if (checked < G_N_ELEMENTS (locales))
    g_test_skip ("some of en_US, de_DE, fr_FR, es_ES are not installed");
}

/* Typed in the user's locale: German and French sessions read their own marks. */
static void
test_parse_current_locale (void)
{
  gint64 value = 0;
  g_autoptr (GError) error = NULL;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed");
      return;
    }
  g_assert_true (retainer_parse_decimal ("2,5", NULL, 2, &value, NULL));
  g_assert_cmpint (value, ==, 250);
  g_assert_false (retainer_parse_decimal ("2.5", NULL, 2, &value, &error));
  g_assert_error (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_AMBIGUOUS);
  g_assert_cmpint (value, ==, 250);
  {
    g_autofree char *text = retainer_format_decimal (1200050, 2, NULL);
    g_assert_cmpstr (text, ==, "12.000,50");
  }
  setlocale (LC_ALL, "C.UTF-8");
}

/* ------------------------------------------------------------------ */
/* The document language: a catalogue read without gettext             */

static char *
compile_catalogue (const char *dir,
                   const char *po_text)
{
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autofree char *po = g_build_filename (dir, "test.po", NULL);
  char *mo = g_build_filename (dir, "test.mo", NULL);
  const char *argv[] = { msgfmt, "-o", mo, po, NULL };
  g_autoptr (GError) error = NULL;
  int status = -1;

  if (msgfmt == NULL)
    {
      g_free (mo);
      return NULL;
    }
  g_assert_true (g_file_set_contents (po, po_text, -1, NULL));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return mo;
}

static void
test_language_catalogue (void)
{
  g_autofree char *dir = g_dir_make_tmp ("retainer-language-XXXXXX", NULL);
  g_autofree char *mo = NULL;
  g_autoptr (RetainerLanguage) fr = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *language_before = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *messages_before = g_strdup (setlocale (LC_MESSAGES, NULL));
  const char *po =
    "msgid \"\"\n"
    "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\"Plural-Forms: nplurals=2; plural=(n > 1);\\n\"\n"
    "\n"
    "msgid \"Summary\"\n"
    "msgstr \"Résumé\"\n"
    "\n"
    "msgid \"%u month\"\n"
    "msgid_plural \"%u months\"\n"
    "msgstr[0] \"%u mois (un)\"\n"
    "msgstr[1] \"%u mois (plusieurs)\"\n"
    "\n"
    "msgctxt \"long date\"\n"
    "msgid \"%B %-d, %Y\"\n"
    "msgstr \"%-d %B %Y\"\n";

  mo = compile_catalogue (dir, po);
  if (mo == NULL)
    {
      g_test_skip ("msgfmt is not installed");
      return;
    }
  fr = retainer_language_new_from_file ("fr", mo, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (retainer_language_gettext (fr, "Summary"), ==, "Résumé");
  g_assert_cmpstr (retainer_language_gettext (fr, "Not there"), ==, "Not there");
  /* French takes the singular for 0 and 1: the catalogue's rule, not English's. */
  g_assert_cmpstr (retainer_language_ngettext (fr, "%u month", "%u months", 0), ==,
                   "%u mois (un)");
  g_assert_cmpstr (retainer_language_ngettext (fr, "%u month", "%u months", 1), ==,
                   "%u mois (un)");
  g_assert_cmpstr (retainer_language_ngettext (fr, "%u month", "%u months", 2), ==,
                   "%u mois (plusieurs)");
  g_assert_cmpstr (retainer_language_ngettext (fr, "%u day", "%u days", 0), ==, "%u days");
  g_assert_cmpstr (retainer_language_pgettext (fr, "long date", "%B %-d, %Y"), ==, "%-d %B %Y");
  g_assert_cmpstr (retainer_language_pgettext (fr, "other", "%B %-d, %Y"), ==, "%B %-d, %Y");
  g_assert_cmpstr (retainer_language_get_month_name (fr, 8), ==, "août");

  /* Current on this thread only while set; the process is untouched. */
  g_assert_null (retainer_language_set_current (fr));
  {
    gint64 amount = G_GINT64_CONSTANT (700050);
    g_autofree char *usd = retainer_money_format (amount, "USD", RETAINER_MONEY_FORMAT_DEFAULT);

    g_assert_cmpstr (usd, ==, "7\u202f000,50\u00a0$");
  }
  g_assert_true (retainer_language_set_current (NULL) == fr);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, language_before);
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, messages_before);
  {
    g_autofree char *usd = retainer_money_format (700050, "USD", RETAINER_MONEY_FORMAT_DEFAULT);
    g_assert_cmpstr (usd, ==, "$7,000.50");
  }

  {
    g_autofree char *po_path = g_build_filename (dir, "test.po", NULL);

    g_remove (mo);
    g_remove (po_path);
    g_rmdir (dir);
  }
}


/* A Plural-Forms expression with every operator a catalogue uses: the
 * Russian rule picks one of three forms. */
static void
test_language_plural_rule (void)
{
  g_autofree char *dir = g_dir_make_tmp ("retainer-language-XXXXXX", NULL);
  g_autofree char *mo = NULL;
  g_autoptr (RetainerLanguage) ru = NULL;
  g_autoptr (GError) error = NULL;
  static const struct { gulong n; const char *form; } cases[] = {
    { 1, "one" }, { 21, "one" }, { 101, "one" }, { 2, "few" }, { 3, "few" }, { 22, "few" },
    { 104, "few" }, { 0, "many" }, { 5, "many" }, { 11, "many" }, { 12, "many" },
    { 14, "many" }, { 111, "many" }, { 1000, "many" },
  };
  const char *po =
    "msgid \"\"\n"
    "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
    "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n\"\n"
    "\n"
    "msgid \"%u month\"\n"
    "msgid_plural \"%u months\"\n"
    "msgstr[0] \"one\"\n"
    "msgstr[1] \"few\"\n"
    "msgstr[2] \"many\"\n";

  mo = compile_catalogue (dir, po);
  if (mo == NULL)
    {
      g_test_skip ("msgfmt is not installed");
      return;
    }
  ru = retainer_language_new_from_file ("ru", mo, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (retainer_language_ngettext (ru, "%u month", "%u months", cases[i].n), ==,
                     cases[i].form);
  /* Russian has no built-in conventions: the user's marks apply. */
  g_assert_null (retainer_language_get_number_format (ru));
  g_assert_null (retainer_language_get_month_name (ru, 1));

  {
    g_autofree char *po_path = g_build_filename (dir, "test.po", NULL);

    g_remove (mo);
    g_remove (po_path);
    g_rmdir (dir);
  }
}

static void
test_language_damaged (void)
{
  g_autofree char *dir = g_dir_make_tmp ("retainer-language-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.mo", NULL);
  /* The magic number, then tables pointing past the end. */
  static const guint8 bad[] = {
    0xde, 0x12, 0x04, 0x95, 0, 0, 0, 0, 2, 0, 0, 0, 28, 0, 0, 0,
    0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerLanguage) language = NULL;

  g_assert_true (g_file_set_contents (path, (const char *) bad, sizeof bad, NULL));
  language = retainer_language_new_from_file ("de", path, &error);
  g_assert_null (language);
  g_assert_error (error, RETAINER_LANGUAGE_ERROR, RETAINER_LANGUAGE_ERROR_CATALOGUE);
  g_assert_nonnull (strstr (error->message, "bad.mo"));
  g_clear_error (&error);

  /* English is Retainer's own; an unknown language has no catalogue. */
  {
    g_autoptr (RetainerLanguage) en = retainer_language_new ("en_GB", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (retainer_language_gettext (en, "Summary"), ==, "Summary");
    g_assert_cmpstr (retainer_language_ngettext (en, "%u month", "%u months", 2), ==,
                     "%u months");
  }
  g_assert_null (retainer_language_new ("xx", &error));
  g_assert_error (error, RETAINER_LANGUAGE_ERROR, RETAINER_LANGUAGE_ERROR_NO_CATALOGUE);
  g_clear_error (&error);
  g_assert_null (retainer_language_new ("../../etc", &error));
  g_assert_error (error, RETAINER_LANGUAGE_ERROR, RETAINER_LANGUAGE_ERROR_NO_CATALOGUE);

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/money/round", test_round);
  g_test_add_func ("/core/money/from-major", test_from_major);
  g_test_add_func ("/core/money/json-number", test_json_number);
  g_test_add_func ("/core/money/format-c-locale", test_format_c_locale);
  g_test_add_func ("/core/money/format-german", test_format_german);
  g_test_add_func ("/core/money/currencies", test_currencies);
  g_test_add_func ("/core/money/format-short-huge", test_format_short_huge);
  g_test_add_func ("/core/number/parse", test_parse_decimal);
  g_test_add_func ("/core/number/parse-decimals", test_parse_decimals);
  g_test_add_func ("/core/number/round-trip", test_round_trip);
  g_test_add_func ("/core/number/conventions-match-locales", test_conventions_match_locales);
  g_test_add_func ("/core/number/parse-current-locale", test_parse_current_locale);
  g_test_add_func ("/core/language/catalogue", test_language_catalogue);
  g_test_add_func ("/core/language/plural-rule", test_language_plural_rule);
  g_test_add_func ("/core/language/damaged", test_language_damaged);

  return g_test_run ();
}
