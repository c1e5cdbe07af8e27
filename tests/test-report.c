/* test-report.c: the client's documents after the yes, the monthly value
 * report and the quarterly review, read back as a client would read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "retainer-client-report.h"
#include "retainer-client.h"
#include "retainer-language.h"
#include "retainer-money.h"
#include "retainer-pdf-client.h"

typedef struct
{
  char           *dir;
  RetainerClient *client;
  RetainerAgency *agency;
  GPtrArray      *warnings;
  char           *pdf;
} Fixture;

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *client_path = data_path ("client-worked-example.retainer");
  g_autofree char *agency_path = data_path ("agency-acme.json");

  fixture->dir = g_dir_make_tmp ("retainer-report-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->client = retainer_client_load (client_path, &error);
  g_assert_no_error (error);
  fixture->agency = retainer_agency_load (agency_path, &error);
  g_assert_no_error (error);
  fixture->warnings = g_ptr_array_new_with_free_func (g_free);
  fixture->pdf = g_build_filename (fixture->dir, "document.pdf", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->pdf);
  retainer_client_free (fixture->client);
  retainer_agency_free (fixture->agency);
  g_ptr_array_unref (fixture->warnings);
}

/* Runs a tool; returns its standard output. */
static char *
run (const char *const *argv,
     int               *status)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  if (status != NULL)
    *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  else
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  return out;
}

/* Runs the command line with `env` (NAME, VALUE pairs) on top of ours. */
static char *
run_cli (const char *const *args,
         const char *const *env,
         int               *status,
         char             **err)
{
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("RETAINER_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  for (guint i = 0; env != NULL && env[i] != NULL; i += 2)
    envp = g_environ_setenv (envp, env[i], env[i + 1], TRUE);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, err,
                &wait_status, &error);
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return out;
}

/* The document's text as a reader searches it: runs of white space, the
 * no-break spaces included, made one plain space. */
static char *
plain_spaces (const char *text)
{
  g_autoptr (GRegex) spaces = g_regex_new ("(?:[ \\t\\r\\n\\f]|\u00a0|\u202f)+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = run (argv, NULL);

  return plain_spaces (text);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in the PDF's text:\n%s", needle, haystack);
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("“%s” should not be in the PDF's text", needle);
}

static guint
page_count (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run (argv, NULL);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static void
assert_qpdf_clean (const char *pdf)
{
  const char *argv[] = { "qpdf", "--check", pdf, NULL };
  int status = -1;
  g_autofree char *out = run (argv, &status);

  /* 0: no error; 3 would mean warnings. */
  g_assert_cmpint (status, ==, 0);
  assert_contains (out, "No syntax or stream encoding errors found");
}

/* The agency's own figures of the month, made unmistakable: none may
 * reach a client's document. */
static void
give_private_costs (RetainerClient *client)
{
  for (guint i = 0; i < client->months->len; i++)
    {
      RetainerClientMonth *month = g_ptr_array_index (client->months, i);

      month->has_actual_platform = TRUE;
      month->actual_platform = 1234567;   /* 12,345.67 */
      month->has_actual_compute = TRUE;
      month->actual_compute = 987654;     /* 9,876.54 */
      month->has_actual_staff_hours = TRUE;
      month->actual_staff_hours = 321.5;
    }
}

static void
assert_nothing_private (const char *text)
{
  static const char *const private_words[] = {
    "12,345", "9,876", "321.5", "argin", "delivery cost", "staff", "compute",
  };

  for (guint i = 0; i < G_N_ELEMENTS (private_words); i++)
    assert_lacks (text, private_words[i]);
}

/* docs/calculation.md, "After the yes: the value report and the quarterly
 * review", its worked example: month 7 (March 2026). */
static void
test_report_worked_example (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint pages;
  static const char *const rows[] = {
    "Overall accuracy 92.3% 94.1% +1.8 pts ✓ better",
    "Refund queries 89.1% 94.2% +5.1 pts ✓ better",
    "Shipping queries 95.7% 96.1% +0.4 pts ✓ better",
    "Hallucination rate 3.4% 2.1% −1.3 pts ✓ better",
    "Average response time 1.4 s 1.2 s −0.2 s ✓ better",
  };

  give_private_costs (fixture->client);
  g_assert_true (retainer_pdf_export_report (fixture->client, "2026-03", fixture->agency,
                                             fixture->pdf, fixture->warnings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->warnings->len, ==, 0);

  text = pdf_text (fixture->pdf);
  /* Cost impact: E_7, B_7 with the tier, the saving, since deployment. */
  assert_contains (text, "API cost equivalent Current cost Saved this month Saved since go-live "
                         "$4,200 $2,000 $2,200 $14,800");
  assert_contains (text, "API cost equivalent: what this month’s traffic would have cost on the "
                         "API $4,200");
  assert_contains (text, "Current cost: your Essentials plan $2,000");
  assert_contains (text, "Monthly savings $2,200");
  assert_contains (text, "Cumulative savings since go-live (7 months) $14,800");
  /* The performance comparison, February against March. */
  assert_contains (text, "February 2026");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    assert_contains (text, rows[i]);
  /* The retraining summary. */
  assert_contains (text, "1,240");
  assert_contains (text, "Refund and shipping tickets the model escalated in February");
  /* Promised against delivered: break-even promised in month 3 (2.73
   * months, November 2025), recovered in month 3 exactly. */
  assert_contains (text, "The setup fee was paid back in November 2025 (month 3), as the "
                         "proposal promised.");
  assert_contains (text, "Break-even promised Setup fee recovered Net saving so far "
                         "November 2025 November 2025 $8,800");
  /* N(7) = 7 x 2,200 - 6,000 = 9,400 promised; 14,800 - 6,000 delivered. */
  assert_contains (text, "net saving of $9,400");
  assert_contains (text, "delivered: $8,800");
  assert_contains (text, "Months from signature");
  /* In the brand: the agency's footer and the running header. */
  assert_contains (text, "Acme Applied AI");
  assert_contains (text, "Value report March 2026 · Brightside Outfitters");
  assert_nothing_private (text);

  pages = page_count (fixture->pdf);
  g_test_message ("the month-7 report has %u pages", pages);
  g_assert_cmpuint (pages, >=, 2);
  g_assert_cmpuint (pages, <=, 3);
  assert_qpdf_clean (fixture->pdf);
}

/* The go-live month has no month before it: every metric is new, and the
 * setup fee is not recovered yet. */
static void
test_report_first_month (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (retainer_pdf_export_report (fixture->client, "2025-09", fixture->agency,
                                             fixture->pdf, fixture->warnings, &error));
  g_assert_no_error (error);
  text = pdf_text (fixture->pdf);
  assert_contains (text, "Overall accuracy — 88% — new");
  /* 6,000 - (3,900 - 2,000) = 4,100 still to recover; promised in month 3. */
  assert_contains (text, "$4,100 of the setup fee is still to be recovered; the proposal "
                         "expects it back in November 2025 (month 3).");
  assert_contains (text, "Net saving so far November 2025 Not yet −$4,100");
  assert_contains (text, "The model has not been retrained since it went live");
  g_assert_cmpuint (page_count (fixture->pdf), <=, 3);
  assert_qpdf_clean (fixture->pdf);
}

static void
test_report_no_month (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (retainer_pdf_export_report (fixture->client, "2026-04", fixture->agency,
                                              fixture->pdf, fixture->warnings, &error));
  g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_NO_MONTH);
  g_assert_false (g_file_test (fixture->pdf, G_FILE_TEST_EXISTS));
}

/* The seed's offer: a second use case on Essentials for $1,500 a month. */
static void
test_review_offer (Fixture       *fixture,
                   gconstpointer  data)
{
  RetainerExpansionRequest offer = { 1, 400000, RETAINER_COMPLEXITY_SIMPLE, FALSE };
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint pages;

  give_private_costs (fixture->client);
  g_assert_true (retainer_pdf_export_review (fixture->client, "2026-Q1", &offer, fixture->agency,
                                             fixture->pdf, fixture->warnings, &error));
  g_assert_no_error (error);
  text = pdf_text (fixture->pdf);

  /* Value delivered: 3 x 2,200 in the quarter, 14,800 since go-live. */
  assert_contains (text, "Saved this quarter Saved since go-live Net of the setup fee "
                         "Setup fee recovered $6,600 $14,800 $8,800 November 2025");
  assert_contains (text, "Q1 2026 $12,600 $6,000 $6,600");
  /* The trend from December (the month before the quarter) to March. */
  assert_contains (text, "Overall accuracy 90.8% 91.5% 92.3% 94.1% +3.3 pts ✓ better");
  assert_contains (text, "Average response time 1.6 s 1.5 s 1.4 s 1.2 s −0.4 s ✓ better");
  /* The offer, by the calculation of a new proposal. */
  assert_contains (text, "Retainer increase New monthly retainer One-time setup fee Break-even "
                         "+$1,500 a month $3,500 per month $6,000 Month 3 (2.4 months)");
  assert_contains (text, "for an additional $1,500 a month");
  assert_contains (text, "Setup fee band $5,000 – $7,000");
  assert_contains (text, "Monthly retainer today $2,000 per month New monthly retainer "
                         "$3,500 per month");
  assert_contains (text, "Your monthly saving on the new use cases $2,500 per month");
  assert_contains (text, "Net saving over 12 months $24,000");
  assert_contains (text, "Acceptance");
  assert_contains (text, "By signing below, Brightside Outfitters accepts the expansion");
  assert_nothing_private (text);

  pages = page_count (fixture->pdf);
  g_test_message ("the Q1 2026 review with an offer has %u pages", pages);
  g_assert_cmpuint (pages, <=, 3);
  assert_qpdf_clean (fixture->pdf);
}

static void
test_review_without_offer (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (retainer_pdf_export_review (fixture->client, "2025-Q3", NULL, fixture->agency,
                                             fixture->pdf, fixture->warnings, &error));
  g_assert_no_error (error);
  text = pdf_text (fixture->pdf);
  /* Only September 2025 is recorded in Q3 2025. */
  assert_contains (text, "Q3 2025 $3,900 $2,000 $1,900");
  assert_lacks (text, "Expansion offer");
  assert_lacks (text, "Acceptance");
  assert_qpdf_clean (fixture->pdf);
}

static void
test_review_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  RetainerExpansionRequest none = { 0, 400000, RETAINER_COMPLEXITY_SIMPLE, FALSE };
  g_autoptr (GError) error = NULL;

  g_assert_false (retainer_pdf_export_review (fixture->client, "2026-Q2", NULL, fixture->agency,
                                              fixture->pdf, NULL, &error));
  g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_NO_MONTH);
  g_clear_error (&error);
  g_assert_false (retainer_pdf_export_review (fixture->client, "2026-Q1", &none, fixture->agency,
                                              fixture->pdf, NULL, &error));
  g_assert_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID);
  g_assert_false (g_file_test (fixture->pdf, G_FILE_TEST_EXISTS));
}

/* --- the command line ------------------------------------------------- */

static void
test_cli_exports (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *client = data_path ("client-worked-example.retainer");
  g_autofree char *agency = data_path ("agency-acme.json");
  g_autofree char *report = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *review = g_build_filename (fixture->dir, "review.pdf", NULL);
  const char *report_args[] = { "--export-report", report, client, "--month", "2026-03",
                                "--agency", agency, NULL };
  const char *review_args[] = { "--export-review", review, client, "--quarter", "2026-Q1",
                                "--agency", agency, "--offer-spend", "4000", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *report_text = NULL;
  g_autofree char *review_text = NULL;
  int status = -1;

  out = run_cli (report_args, NULL, &status, &err);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  report_text = pdf_text (report);
  assert_contains (report_text, "Cumulative savings since go-live (7 months) $14,800");
  g_assert_cmpuint (page_count (report), <=, 3);

  out2 = run_cli (review_args, NULL, &status, &err2);
  g_assert_cmpstr (err2, ==, "");
  g_assert_cmpint (status, ==, 0);
  review_text = pdf_text (review);
  assert_contains (review_text, "+$1,500 a month");
}

typedef struct
{
  const char *name;
  const char *args[12];   /* CLIENT, OUT and AGENCY stand for the paths */
  const char *messages[3];
} BadCall;

static const BadCall bad_calls[] = {
  { "month-not-recorded", { "--export-report", "OUT", "CLIENT", "--month", "2026-04", NULL },
    { "client-worked-example.retainer, option “--month”", "No figures are recorded for 2026-04",
      NULL } },
  { "month-not-a-month", { "--export-report", "OUT", "CLIENT", "--month", "March", NULL },
    { "option “--month”", "like 2026-03", NULL } },
  { "month-missing", { "--export-report", "OUT", "CLIENT", NULL },
    { "--export-report needs the month", NULL } },
  { "quarter-not-a-quarter", { "--export-review", "OUT", "CLIENT", "--quarter", "2026-Q5", NULL },
    { "client-worked-example.retainer, option “--quarter”", "like 2026-Q1", NULL } },
  { "quarter-not-recorded", { "--export-review", "OUT", "CLIENT", "--quarter", "2024-Q4", NULL },
    { "option “--quarter”", "No month of 2024-Q4 is recorded", NULL } },
  { "quarter-missing", { "--export-review", "OUT", "CLIENT", NULL },
    { "--export-review needs the quarter", NULL } },
  { "offer-spend-not-a-number", { "--export-review", "OUT", "CLIENT", "--quarter", "2026-Q1",
                                  "--offer-spend", "lots", NULL },
    { "option “--offer-spend”", "“lots” is not a number", NULL } },
  { "offer-no-use-cases", { "--export-review", "OUT", "CLIENT", "--quarter", "2026-Q1",
                            "--offer-spend", "4000", "--offer-use-cases", "0", NULL },
    { "option “--offer-use-cases”", "expected 1 to 49", NULL } },
  { "offer-complexity", { "--export-review", "OUT", "CLIENT", "--quarter", "2026-Q1",
                          "--offer-spend", "4000", "--offer-complexity", "huge", NULL },
    { "option “--offer-complexity”", "expected simple, moderate or complex", NULL } },
  { "offer-without-spend", { "--export-review", "OUT", "CLIENT", "--quarter", "2026-Q1",
                             "--offer-next-tier", NULL },
    { "needs the new use cases’ monthly API spend", NULL } },
  { "not-a-client", { "--export-report", "OUT", "good-worked-example-1.retainer", "--month",
                      "2026-03", NULL },
    { "good-worked-example-1.retainer is a proposal that was not accepted", NULL } },
  { "bad-client-file", { "--export-report", "OUT", "client-bad-direction.retainer", "--month",
                         "2026-03", NULL },
    { "client-bad-direction.retainer, line", "field “client.months[0].metrics[3].direction”",
      NULL } },
  { "missing-client-file", { "--export-review", "OUT", "no-such-client.retainer", "--quarter",
                             "2026-Q1", NULL },
    { "no-such-client.retainer", NULL } },
  { "report-and-review", { "--export-report", "OUT", "--export-review", "OUT", "CLIENT",
                           "--month", "2026-03", NULL },
    { "either --export-report or --export-review", NULL } },
  { "month-with-review", { "--export-review", "OUT", "CLIENT", "--quarter", "2026-Q1", "--month",
                           "2026-03", NULL },
    { "--month goes with --export-report", NULL } },
};

static void
test_cli_refuses (gconstpointer data)
{
  const BadCall *call = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("retainer-report-cli-XXXXXX", &error);
  g_autofree char *out_path = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *client = data_path ("client-worked-example.retainer");
  g_autofree char *agency = data_path ("agency-acme.json");
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  g_assert_no_error (error);
  for (guint i = 0; call->args[i] != NULL; i++)
    {
      const char *arg = call->args[i];

      if (strcmp (arg, "OUT") == 0)
        g_ptr_array_add (args, g_strdup (out_path));
      else if (strcmp (arg, "CLIENT") == 0)
        g_ptr_array_add (args, g_strdup (client));
      else if (g_str_has_suffix (arg, ".retainer"))
        g_ptr_array_add (args, data_path (arg));
      else
        g_ptr_array_add (args, g_strdup (arg));
    }
  g_ptr_array_add (args, g_strdup ("--agency"));
  g_ptr_array_add (args, g_strdup (agency));
  g_ptr_array_add (args, NULL);

  out = run_cli ((const char *const *) args->pdata, NULL, &status, &err);
  g_test_message ("%s", err);
  g_assert_cmpint (status, ==, 2);
  g_assert_cmpstr (out, ==, "");
  for (guint i = 0; call->messages[i] != NULL; i++)
    if (strstr (err, call->messages[i]) == NULL)
      g_error ("“%s” not in the message: %s", call->messages[i], err);
  /* Nothing written, not even a temporary file. */
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
  {
    g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);

    g_assert_null (g_dir_read_name (listing));
  }
  g_rmdir (dir);
}

/* --summary of a client adds its part; a plain proposal's stays as it was. */
static void
test_cli_summary (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *client = data_path ("client-worked-example.retainer");
  g_autofree char *proposal = data_path ("good-worked-example-1.retainer");
  const char *client_args[] = { "--summary", client, NULL };
  const char *proposal_args[] = { "--summary", proposal, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *plain_out = NULL;
  g_autofree char *plain_err = NULL;
  g_autoptr (cJSON) json = NULL;
  g_autoptr (cJSON) plain = NULL;
  const cJSON *part, *metrics, *first, *last;
  int status = -1;

  out = run_cli (client_args, NULL, &status, &err);
  g_assert_cmpint (status, ==, 0);
  json = cJSON_Parse (out);
  g_assert_nonnull (json);
  part = cJSON_GetObjectItemCaseSensitive (json, "client");
  g_assert_true (cJSON_IsObject (part));
  g_assert_cmpint (cJSON_GetObjectItem (part, "months_recorded")->valueint, ==, 7);
  g_assert_cmpfloat (cJSON_GetObjectItem (part, "cumulative_saving")->valuedouble, ==, 14800);
  g_assert_cmpint (cJSON_GetObjectItem (part, "promised_break_even_month")->valueint, ==, 3);
  g_assert_cmpint (cJSON_GetObjectItem (part, "actual_break_even_month")->valueint, ==, 3);
  metrics = cJSON_GetObjectItem (part, "last_month_metrics");
  g_assert_cmpint (cJSON_GetArraySize (metrics), ==, 5);
  first = cJSON_GetArrayItem (metrics, 0);
  last = cJSON_GetArrayItem (metrics, 4);
  g_assert_cmpstr (cJSON_GetObjectItem (first, "change_text")->valuestring, ==, "+1.8\u00a0pts");
  g_assert_cmpstr (cJSON_GetObjectItem (first, "verdict")->valuestring, ==, "better");
  g_assert_cmpstr (cJSON_GetObjectItem (last, "change_text")->valuestring, ==, "−0.2\u00a0s");
  g_assert_cmpstr (cJSON_GetObjectItem (last, "verdict")->valuestring, ==, "better");

  plain_out = run_cli (proposal_args, NULL, &status, &plain_err);
  g_assert_cmpint (status, ==, 0);
  plain = cJSON_Parse (plain_out);
  g_assert_nonnull (plain);
  g_assert_null (cJSON_GetObjectItemCaseSensitive (plain, "client"));
}

/* Where the build keeps the compiled catalogues. */
static char *
build_locale_dir (void)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *tests = g_strdup (builddir != NULL ? builddir : ".");
  g_autofree char *root = g_path_get_dirname (tests);
  char *dir = g_build_filename (root, "po", NULL);
  g_autofree char *mo = g_build_filename (dir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("%s was not built: build the whole project before the tests", mo);
  return dir;
}

/* A German client's report speaks German numbers and months, from an
 * English session. */
static void
test_german_report (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *locale_dir = build_locale_dir ();
  g_autofree char *mo = g_build_filename (locale_dir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                          NULL);
  g_autofree char *source = data_path ("client-worked-example.retainer");
  g_autofree char *client_path = g_build_filename (fixture->dir, "kunde.retainer", NULL);
  g_autofree char *agency = data_path ("agency-acme.json");
  g_autofree char *contents = NULL;
  g_autofree char *german = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerLanguage) language = retainer_language_new_from_file ("de", mo, &error);
  const char *args[] = { "--export-report", fixture->pdf, client_path, "--month", "2026-03",
                         "--agency", agency, NULL };
  const char *env[] = { "LANGUAGE", "en", "LC_ALL", "en_US.UTF-8",
                        "RETAINER_LOCALEDIR", locale_dir, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cumulative = NULL;
  g_autofree char *accuracy = NULL;
  g_autofree char *change = NULL;
  const RetainerLanguage *previous;
  int status = -1;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  {
    g_auto (GStrv) parts = g_strsplit (contents, "\"currency\": \"USD\",", 2);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    german = g_strjoin ("\"currency\": \"USD\",\n  \"language\": \"de\",", parts[0], parts[1],
                        NULL);
  }
  g_assert_true (g_file_set_contents (client_path, german, -1, NULL));

  out = run_cli (args, env, &status, &err);
  g_test_message ("%s", err);
  g_assert_cmpint (status, ==, 0);
  text = pdf_text (fixture->pdf);

  previous = retainer_language_set_current (language);
  cumulative = retainer_money_format (1480000, "USD", RETAINER_MONEY_FORMAT_DEFAULT);
  {
    g_autofree char *value = retainer_metric_format_value (94.1, "%", 1);
    g_autofree char *delta = retainer_metric_format_change (1.8, "%", 1);

    accuracy = plain_spaces (value);
    change = plain_spaces (delta);
  }
  retainer_language_set_current (previous);
  {
    g_autofree char *plain = plain_spaces (cumulative);

    g_test_message ("German: %s, %s, %s", plain, accuracy, change);
    g_assert_cmpstr (plain, !=, "$14,800");
    assert_contains (text, plain);
  }
  assert_contains (text, accuracy);
  assert_contains (text, change);
  assert_contains (text, "94,1");
  assert_contains (text, "März 2026");
  assert_lacks (text, "$14,800");
  assert_lacks (text, "March 2026");
  g_assert_cmpuint (page_count (fixture->pdf), <=, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pdf/report/worked-example", test_report_worked_example);
  ADD ("/pdf/report/first-month", test_report_first_month);
  ADD ("/pdf/report/no-month", test_report_no_month);
  ADD ("/pdf/review/offer", test_review_offer);
  ADD ("/pdf/review/without-offer", test_review_without_offer);
  ADD ("/pdf/review/refused", test_review_refused);
  ADD ("/pdf/report/cli/exports", test_cli_exports);
  ADD ("/pdf/report/cli/summary", test_cli_summary);
  ADD ("/pdf/report/german", test_german_report);
#undef ADD
  for (guint i = 0; i < G_N_ELEMENTS (bad_calls); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pdf/report/cli/refuses/%s", bad_calls[i].name);

      g_test_add_data_func (path, &bad_calls[i], test_cli_refuses);
    }

  return g_test_run ();
}
