/* test-money.c: rounding and formatting of amounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "retainer-money.h"

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

  return g_test_run ();
}
