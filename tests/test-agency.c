/* test-agency.c: the agency profile, its logo and sharing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "retainer-agency.h"

static void
test_defaults (void)
{
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autofree char *number = NULL;

  g_assert_cmpuint (agency->validity_days, ==, 30);
  g_assert_true (retainer_color_parse (agency->primary_color, NULL, NULL, NULL));
  g_assert_true (retainer_color_parse (agency->accent_color, NULL, NULL, NULL));
  g_assert_true (retainer_agency_validate (agency, "default", NULL));
  agency->next_number = 42;
  g_free (agency->number_prefix);
  agency->number_prefix = g_strdup ("AC-");
  number = retainer_agency_format_number (agency, agency->next_number);
  g_assert_cmpstr (number, ==, "AC-0042");
}

static void
test_paper_from_locale (void)
{
  const struct
  {
    const char   *locale;
    RetainerPaper paper;
  } cases[] = {
    { "en_US.UTF-8", RETAINER_PAPER_LETTER },
    { "fr_CA", RETAINER_PAPER_LETTER },
    { "en_CA.UTF-8@euro", RETAINER_PAPER_LETTER },
    { "de_DE.UTF-8", RETAINER_PAPER_A4 },
    { "pl_PL", RETAINER_PAPER_A4 },
    { "en_GB.UTF-8", RETAINER_PAPER_A4 },
    { "C", RETAINER_PAPER_A4 },
    { "en_USA", RETAINER_PAPER_A4 },
    { NULL, RETAINER_PAPER_A4 },
  };
  double width, height;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (retainer_paper_from_locale_name (cases[i].locale), ==, cases[i].paper);

  retainer_paper_get_size (RETAINER_PAPER_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);
}

static void
test_color_parse (void)
{
  double red, green, blue;

  g_assert_true (retainer_color_parse ("#FF8000", &red, &green, &blue));
  g_assert_cmpfloat_with_epsilon (red, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (green, 128 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (blue, 0.0, 1e-9);
  g_assert_true (retainer_color_parse ("#1f4e79", NULL, NULL, NULL));
  g_assert_false (retainer_color_parse ("1F4E79", NULL, NULL, NULL));
  g_assert_false (retainer_color_parse ("#1F4E7", NULL, NULL, NULL));
  g_assert_false (retainer_color_parse ("#1F4E79FF", NULL, NULL, NULL));
  g_assert_false (retainer_color_parse ("#GG0000", NULL, NULL, NULL));
  g_assert_false (retainer_color_parse ("blue", NULL, NULL, NULL));
  g_assert_false (retainer_color_parse (NULL, NULL, NULL, NULL));
}

static void
test_load_fixture (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "agency-acme.json", NULL);
  g_autofree char *logo = g_test_build_filename (G_TEST_DIST, "data", "pdf-logo.png", NULL);
  g_autoptr (RetainerAgency) agency = retainer_agency_load (path, &error);
  g_autoptr (GBytes) bytes = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (agency->name, ==, "Acme Applied AI");
  g_assert_cmpstr (agency->address, ==, "ul. Prosta 1\n00-001 Warszawa");
  g_assert_cmpuint (agency->next_number, ==, 42);
  g_assert_cmpint (agency->paper, ==, RETAINER_PAPER_A4);
  g_assert_true (g_path_is_absolute (agency->logo_path));
  g_assert_true (g_str_has_suffix (agency->logo_path, "pdf-logo.png"));
  bytes = retainer_agency_get_logo (agency, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
}

static void
test_bad_color (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "agency-bad-color.json",
                                                 NULL);
  g_autoptr (RetainerAgency) agency = retainer_agency_load (path, &error);

  g_assert_null (agency);
  g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_FIELD);
  g_assert_nonnull (strstr (error->message, "agency-bad-color.json"));
  g_assert_nonnull (strstr (error->message, "primary_color"));
}

/* The logo is copied beside the stored profile: moving the original breaks nothing. */
static void
test_save_copies_logo (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *fixture_logo = g_test_build_filename (G_TEST_DIST, "data", "pdf-logo.png",
                                                         NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autofree char *original = g_build_filename (g_get_tmp_dir (), "my-logo.png", NULL);
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autoptr (RetainerAgency) loaded = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *user_path = retainer_agency_user_path ();
  g_autofree char *dir = g_path_get_dirname (user_path);
  g_autofree char *copy = g_build_filename (dir, "agency-logo.png", NULL);

  g_assert_true (g_str_has_prefix (user_path, g_get_user_config_dir ()));
  g_assert_true (g_file_get_contents (fixture_logo, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (original, contents, (gssize) length, NULL));

  g_free (agency->name);
  agency->name = g_strdup ("Zakład Łódź");
  agency->paper = RETAINER_PAPER_LETTER;
  g_assert_true (retainer_agency_set_logo (agency, original, &error));
  g_assert_no_error (error);
  g_assert_true (retainer_agency_save_user (agency, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (g_remove (original), ==, 0);
  loaded = retainer_agency_load_user (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Zakład Łódź");
  g_assert_cmpint (loaded->paper, ==, RETAINER_PAPER_LETTER);
  g_assert_cmpstr (loaded->logo_path, ==, copy);
  bytes = retainer_agency_get_logo (loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, length);

  /* Saving the loaded profile again over itself keeps the logo. */
  g_assert_true (retainer_agency_save_user (loaded, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
}

static void
test_set_logo_refuses (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autofree char *text = g_build_filename (g_get_tmp_dir (), "not-a-logo.png", NULL);

  g_assert_true (g_file_set_contents (text, "hello", -1, NULL));
  g_assert_false (retainer_agency_set_logo (agency, text, &error));
  g_assert_error (error, RETAINER_AGENCY_ERROR, RETAINER_AGENCY_ERROR_LOGO);
  g_assert_nonnull (strstr (error->message, "not-a-logo.png"));
  g_assert_null (agency->logo_data);
}

/* One file carries the whole brand to a colleague. */
static void
test_export_import (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "agency-acme.json", NULL);
  g_autoptr (RetainerAgency) agency = retainer_agency_load (path, &error);
  g_autofree char *shared = g_build_filename (g_get_tmp_dir (), "acme-brand.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr (RetainerAgency) imported = NULL;
  g_autoptr (GBytes) original_logo = NULL;
  g_autoptr (GBytes) imported_logo = NULL;

  g_assert_no_error (error);
  g_assert_true (retainer_agency_export (agency, shared, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (shared, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"logo_data\""));
  g_assert_null (strstr (text, "\"logo\":"));

  imported = retainer_agency_import (shared, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (imported->name, ==, "Acme Applied AI");
  g_assert_cmpstr (imported->footer, ==, agency->footer);
  g_assert_true (g_str_has_prefix (imported->logo_path, g_get_user_config_dir ()));
  original_logo = retainer_agency_get_logo (agency, &error);
  imported_logo = retainer_agency_get_logo (imported, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (original_logo, imported_logo));
}

/* Importing a colleague's profile, further behind in its numbering, does
 * not set the founder's count back: AC-0042 is not issued twice. A profile
 * further ahead brings its count along. */
static void
test_import_keeps_number (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "agency-acme.json", NULL);
  g_autoptr (RetainerAgency) mine = retainer_agency_load (path, &error);
  g_autoptr (RetainerAgency) theirs = retainer_agency_load (path, &error);
  g_autofree char *shared = g_build_filename (g_get_tmp_dir (), "colleague-brand.json", NULL);
  g_autoptr (RetainerAgency) imported = NULL;
  g_autoptr (RetainerAgency) stored = NULL;
  g_autoptr (RetainerAgency) ahead = NULL;

  g_assert_no_error (error);
  mine->next_number = 42;
  g_assert_true (retainer_agency_save_user (mine, &error));
  g_assert_no_error (error);
  theirs->next_number = 12;
  g_assert_true (retainer_agency_export (theirs, shared, &error));
  g_assert_no_error (error);

  imported = retainer_agency_import (shared, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->next_number, ==, 42);
  stored = retainer_agency_load_user (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->next_number, ==, 42);

  theirs->next_number = 50;
  g_assert_true (retainer_agency_export (theirs, shared, &error));
  g_assert_no_error (error);
  ahead = retainer_agency_import (shared, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ahead->next_number, ==, 50);
}

static void
test_load_user_default (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerAgency) agency = retainer_agency_load_user (&error);

  g_assert_no_error (error);
  g_assert_nonnull (agency);
  g_assert_cmpuint (agency->validity_days, ==, 30);
}


/* The one contrast rule: dark ink on light brand colours, white on dark
 * ones, whichever contrasts more (WCAG 2). */
static void
test_color_contrast (void)
{
  static const struct { const char *color; gboolean dark; } cases[] = {
    { "#FFFFFF", TRUE }, { "#FFFF00", TRUE }, { "#FFA500", TRUE }, { "#7FDBFF", TRUE },
    { "#000000", FALSE }, { "#1F4E79", FALSE }, { "#2E8B57", FALSE }, { "#C0392B", FALSE },
    { "#777777", FALSE }, { "#999999", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double red, green, blue;

      g_assert_true (retainer_color_parse (cases[i].color, &red, &green, &blue));
      if (retainer_color_wants_dark_text (red, green, blue) != cases[i].dark)
        g_error ("%s: expected %s text", cases[i].color, cases[i].dark ? "dark" : "white");
    }
}

/* The cover's small label keeps the accent colour only where it reads on
 * the primary colour: the default green on a navy band does not. */
static void
test_color_readable (void)
{
  static const struct
  {
    const char *text;
    const char *background;
    gboolean    readable;
  } cases[] = {
    { "#2E8B57", "#1B2A41", FALSE }, /* the default accent on navy: 3.4:1 */
    { "#2E8B57", "#2E8B57", FALSE }, /* the same colour */
    { "#FFD166", "#1B2A41", TRUE },  /* amber on navy */
    { "#FFFFFF", "#1B2A41", TRUE },
    { "#21242A", "#FFFFFF", TRUE },
    { "#777777", "#FFFFFF", FALSE }, /* 4.48:1, just under */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double tr, tg, tb, br, bg, bb;

      g_assert_true (retainer_color_parse (cases[i].text, &tr, &tg, &tb));
      g_assert_true (retainer_color_parse (cases[i].background, &br, &bg, &bb));
      if (retainer_color_is_readable_on (tr, tg, tb, br, bg, bb) != cases[i].readable)
        g_error ("%s on %s: expected %s", cases[i].text, cases[i].background,
                 cases[i].readable ? "readable" : "not readable");
    }
}

/* A programmer's mistake is a critical warning and a safe return. */
static void
test_programmer_errors (void)
{
  char *date = NULL;

  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*path != NULL*");
  g_assert_null (retainer_agency_load (NULL, NULL));
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*agency != NULL*");
  g_assert_false (retainer_agency_save (NULL, "x.json", NULL));
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*agency != NULL*");
  retainer_agency_format_dates (NULL, NULL, &date, &date);
  g_test_assert_expected_messages ();
  g_assert_null (date);
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*agency != NULL*");
  g_assert_null (retainer_agency_proposal_number (NULL, NULL));
  g_test_assert_expected_messages ();
}

/* A proposal keeps its number; an unnumbered one gets the profile's next
 * and the day's date, and the profile itself does not move. */
static void
test_numbering (void)
{
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerRateCard) card = retainer_rate_card_load_builtin ("fine-tuning-agency",
                                                                       &error);
  g_autoptr (RetainerProposal) proposal = NULL;
  g_autofree char *next = NULL;

  g_assert_no_error (error);
  proposal = retainer_proposal_new (card);
  g_free (agency->number_prefix);
  agency->number_prefix = g_strdup ("AC-");
  agency->next_number = 42;

  next = retainer_agency_proposal_number (agency, proposal);
  g_assert_cmpstr (next, ==, "AC-0042");
  g_assert_null (proposal->number);

  g_assert_true (retainer_agency_number_proposal (agency, proposal, "2026-11-30"));
  g_assert_cmpstr (proposal->number, ==, "AC-0042");
  g_assert_cmpstr (proposal->date, ==, "2026-11-30");
  g_assert_cmpuint (agency->next_number, ==, 42);

  /* Numbered once, numbered for life. */
  agency->next_number = 43;
  g_assert_false (retainer_agency_number_proposal (agency, proposal, NULL));
  g_assert_cmpstr (proposal->number, ==, "AC-0042");
  g_assert_cmpstr (proposal->date, ==, "2026-11-30");
  {
    g_autofree char *kept = retainer_agency_proposal_number (agency, proposal);
    g_assert_cmpstr (kept, ==, "AC-0042");
  }
}

/* A profile named on the command line takes the next number in place:
 * "next_number" moves on, everything else stays; a file already past the
 * number keeps its own; a link stays a link, with its target written. */
static void
test_store_next_number (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("retainer-store-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *ahead = NULL;
  g_autofree char *missing_key = NULL;
  g_autofree char *link = NULL;
  g_autofree char *text = NULL;
  g_autofree char *ahead_before = NULL;
  g_autofree char *ahead_after = NULL;
  g_autoptr (RetainerAgency) stored = NULL;
  g_autoptr (RetainerAgency) fixture = NULL;
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "data", "agency-acme.json",
                                                         NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (fixture_path, &text, NULL, NULL));
  path = g_build_filename (dir, "agency.json", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  fixture = retainer_agency_load (fixture_path, &error);
  g_assert_no_error (error);

  g_assert_true (retainer_agency_store_next_number (path, 43, &error));
  g_assert_no_error (error);
  stored = retainer_agency_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->next_number, ==, 43);
  g_assert_cmpstr (stored->name, ==, fixture->name);
  g_assert_cmpstr (stored->footer, ==, fixture->footer);
  g_assert_cmpstr (stored->number_prefix, ==, "AC-");
  g_clear_pointer (&stored, retainer_agency_free);

  /* Another export moved it further meanwhile: left alone. */
  ahead = g_build_filename (dir, "ahead.json", NULL);
  g_assert_true (g_file_set_contents (ahead, "{\"format\": \"retainer-agency\", \"version\": 1,"
                                             " \"next_number\": 50}", -1, NULL));
  g_assert_true (g_file_get_contents (ahead, &ahead_before, NULL, NULL));
  g_assert_true (retainer_agency_store_next_number (ahead, 44, &error));
  g_assert_true (g_file_get_contents (ahead, &ahead_after, NULL, NULL));
  g_assert_cmpstr (ahead_after, ==, ahead_before);

  /* No "next_number" yet (the default, 1): it is added. */
  missing_key = g_build_filename (dir, "missing.json", NULL);
  g_assert_true (g_file_set_contents (missing_key, "{\"format\": \"retainer-agency\","
                                                   " \"version\": 1, \"name\": \"Solo\"}",
                                      -1, NULL));
  g_assert_true (retainer_agency_store_next_number (missing_key, 2, &error));
  stored = retainer_agency_load (missing_key, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->next_number, ==, 2);
  g_assert_cmpstr (stored->name, ==, "Solo");
  g_clear_pointer (&stored, retainer_agency_free);

  /* Through a link. */
  link = g_build_filename (dir, "link.json", NULL);
  g_assert_cmpint (symlink (path, link), ==, 0);
  g_assert_true (retainer_agency_store_next_number (link, 44, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  stored = retainer_agency_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->next_number, ==, 44);

  /* Not a profile: refused, named, left as it was. */
  {
    g_autofree char *other = g_build_filename (dir, "other.json", NULL);
    g_autofree char *after = NULL;
    const char *not_agency = "{\"format\": \"retainer-proposal\", \"version\": 1}";

    g_assert_true (g_file_set_contents (other, not_agency, -1, NULL));
    g_assert_false (retainer_agency_store_next_number (other, 2, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "other.json"));
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (other, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, not_agency);
    g_unlink (other);
  }

  g_unlink (link);
  g_unlink (missing_key);
  g_unlink (ahead);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/agency/defaults", test_defaults);
  g_test_add_func ("/agency/paper/from-locale", test_paper_from_locale);
  g_test_add_func ("/agency/color/parse", test_color_parse);
  g_test_add_func ("/agency/load/fixture", test_load_fixture);
  g_test_add_func ("/agency/load/bad-color", test_bad_color);
  g_test_add_func ("/agency/load/user-default", test_load_user_default);
  g_test_add_func ("/agency/save/copies-logo", test_save_copies_logo);
  g_test_add_func ("/agency/logo/refuses-non-image", test_set_logo_refuses);
  g_test_add_func ("/agency/share/export-import", test_export_import);
  g_test_add_func ("/agency/share/import-keeps-number", test_import_keeps_number);
  g_test_add_func ("/agency/color/contrast", test_color_contrast);
  g_test_add_func ("/agency/color/readable-on", test_color_readable);
  g_test_add_func ("/agency/numbering", test_numbering);
  g_test_add_func ("/agency/numbering/store-next-number", test_store_next_number);
  g_test_add_func ("/agency/programmer-errors", test_programmer_errors);

  return g_test_run ();
}
