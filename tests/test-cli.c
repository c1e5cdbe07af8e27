/* test-cli.c: the command line as a user runs it, with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "retainer-json.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_retainer_env (Run               *run,
                  const char *const *args,
                  const char *const *env);

static void
run_retainer (Run               *run,
              const char *const *args)
{
  run_retainer_env (run, args, NULL);
}

/* `env`: NAME, VALUE pairs set for the child only. */
static void
run_retainer_env (Run               *run,
                  const char *const *args,
                  const char *const *env)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *bin = g_getenv ("RETAINER_BIN");

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* The command line must never need a display. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  for (guint i = 0; env != NULL && env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static char *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  char *path;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
  path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static cJSON *
summary_of (const char *proposal_text)
{
  g_autofree char *path = write_file ("proposal.retainer", proposal_text, -1);
  const char *args[] = { "--summary", path, NULL };
  g_auto (Run) run = { 0 };
  cJSON *json;

  run_retainer (&run, args);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  json = cJSON_Parse (run.out);
  g_assert_nonnull (json);
  return json;
}

static double
number_at (const cJSON *object,
           const char  *key)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, key);

  g_assert_true (cJSON_IsNumber (item));
  return item->valuedouble;
}

static const char *
string_at (const cJSON *object,
           const char  *key)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, key);

  g_assert_true (cJSON_IsString (item));
  return item->valuestring;
}

/* The first worked example of docs/calculation.md, written by hand from its text. */
static void
test_summary_worked_example (void)
{
  g_autoptr (cJSON) json = summary_of ("{\"format\": \"retainer-proposal\", \"version\": 1,\n"
                                       " \"monthly_api_spend\": 5000, \"complexity\": \"simple\",\n"
                                       " \"change_frequency\": \"stable\"}\n");
  const cJSON *band = cJSON_GetObjectItemCaseSensitive (json, "setup_band");
  const cJSON *agency = cJSON_GetObjectItemCaseSensitive (json, "agency");
  const cJSON *months = cJSON_GetObjectItemCaseSensitive (json, "months");
  const cJSON *flags = cJSON_GetObjectItemCaseSensitive (json, "flags");
  const cJSON *month2;

  g_assert_cmpstr (string_at (json, "recommended_tier"), ==, "essentials");
  g_assert_cmpstr (string_at (json, "chosen_tier"), ==, "essentials");
  g_assert_cmpstr (string_at (band, "complexity"), ==, "simple");
  g_assert_cmpfloat (number_at (band, "low"), ==, 5000);
  g_assert_cmpfloat (number_at (band, "high"), ==, 7000);
  g_assert_cmpfloat (number_at (json, "setup_fee"), ==, 6000);
  g_assert_cmpfloat (number_at (json, "monthly_retainer"), ==, 2000);
  g_assert_cmpfloat (number_at (json, "covered_api_spend"), ==, 5000);
  g_assert_cmpfloat (number_at (json, "monthly_saving"), ==, 3000);
  g_assert_cmpfloat (number_at (json, "saving_share"), ==, 0.6);
  g_assert_cmpfloat (number_at (json, "break_even_month"), ==, 2);
  g_assert_cmpfloat (number_at (json, "break_even_months"), ==, 2);
  g_assert_cmpfloat (number_at (json, "net_saving_12"), ==, 30000);
  g_assert_cmpfloat (number_at (json, "net_saving_horizon"), ==, 30000);
  g_assert_cmpfloat (number_at (json, "horizon_months"), ==, 12);
  g_assert_true (cJSON_IsArray (flags));
  g_assert_cmpint (cJSON_GetArraySize (flags), ==, 0);
  g_assert_cmpfloat (number_at (agency, "monthly_cost_low"), ==, 264.5);
  g_assert_cmpfloat (number_at (agency, "monthly_cost_high"), ==, 564.5);
  g_assert_cmpfloat (number_at (agency, "margin_low_pct"), ==, 71.78);
  g_assert_cmpfloat (number_at (agency, "margin_high_pct"), ==, 86.78);
  g_assert_cmpfloat (number_at (agency, "first_year_value"), ==, 30000);
  g_assert_cmpint (cJSON_GetArraySize (months), ==, 13);
  month2 = cJSON_GetArrayItem (months, 2);
  g_assert_cmpfloat (number_at (month2, "month"), ==, 2);
  g_assert_cmpfloat (number_at (month2, "without"), ==, 10000);
  g_assert_cmpfloat (number_at (month2, "with"), ==, 10000);
  g_assert_cmpfloat (number_at (month2, "net"), ==, 0);
}

static void
test_summary_setup_7000 (void)
{
  g_autoptr (cJSON) json = summary_of ("{\"format\": \"retainer-proposal\", \"version\": 1,"
                                       " \"monthly_api_spend\": 5000, \"complexity\": \"simple\","
                                       " \"setup_fee\": 7000}");

  g_assert_cmpfloat (number_at (json, "break_even_month"), ==, 3);
  g_assert_cmpfloat (number_at (json, "break_even_months"), ==, 2.33);
}

static void
test_summary_no_break_even (void)
{
  g_autoptr (cJSON) json = summary_of ("{\"format\": \"retainer-proposal\", \"version\": 1,"
                                       " \"monthly_api_spend\": 1500, \"complexity\": \"complex\"}");
  const cJSON *flags = cJSON_GetObjectItemCaseSensitive (json, "flags");
  g_autofree char *flags_text = cJSON_PrintUnformatted (flags);

  g_assert_true (cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (json, "break_even_month")));
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (json, "break_even_months")));
  g_assert_cmpstr (flags_text, ==, "[\"below-candidate-threshold\",\"no-saving\",\"no-break-even\"]");
}


/* Cents and fractional rates, figure by figure as docs/calculation.md's
 * fifth worked example derives them: each month rounded on its own. */
static void
test_summary_cents_and_rates (void)
{
  g_autoptr (cJSON) json = summary_of ("{\"format\": \"retainer-proposal\", \"version\": 1,"
                                       " \"monthly_api_spend\": 12000.5,"
                                       " \"api_growth_pct\": 2.25, \"coverage_pct\": 87.5,"
                                       " \"complexity\": \"moderate\"}");
  const cJSON *months = cJSON_GetObjectItemCaseSensitive (json, "months");
  const cJSON *month1 = cJSON_GetArrayItem (months, 1);
  const cJSON *month2 = cJSON_GetArrayItem (months, 2);

  g_assert_cmpstr (string_at (json, "chosen_tier"), ==, "growth");
  g_assert_cmpfloat (number_at (json, "setup_fee"), ==, 10000);
  g_assert_cmpfloat (number_at (json, "covered_api_spend"), ==, 10500.44);
  g_assert_cmpfloat (number_at (json, "monthly_saving"), ==, 5500.44);
  g_assert_cmpfloat (number_at (month1, "without"), ==, 12000.5);
  g_assert_cmpfloat (number_at (month1, "with"), ==, 16500.06);
  g_assert_cmpfloat (number_at (month1, "net"), ==, -4499.56);
  g_assert_cmpfloat (number_at (month2, "without"), ==, 24271.01);
  g_assert_cmpfloat (number_at (month2, "with"), ==, 23033.87);
  g_assert_cmpfloat (number_at (month2, "net"), ==, 1237.14);
  g_assert_cmpfloat (number_at (json, "break_even_month"), ==, 2);
  g_assert_cmpfloat (number_at (json, "break_even_months"), ==, 1.78);
  g_assert_cmpfloat (number_at (json, "net_saving_12"), ==, 72829.29);
}

/* No setup fee and a net of exactly 0: nothing is ever paid back, so the
 * break-even is null (no break-even) and flagged, not month 1. */
static void
test_summary_zero_fee (void)
{
  g_autoptr (cJSON) json = summary_of ("{\"format\": \"retainer-proposal\", \"version\": 1,"
                                       " \"monthly_api_spend\": 2000, \"complexity\": \"simple\","
                                       " \"setup_fee\": 0}");
  const cJSON *flags = cJSON_GetObjectItemCaseSensitive (json, "flags");
  g_autofree char *flags_text = cJSON_PrintUnformatted (flags);

  g_assert_cmpfloat (number_at (json, "monthly_saving"), ==, 0);
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (json, "break_even_month")));
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (json, "break_even_months")));
  g_assert_nonnull (strstr (flags_text, "\"no-break-even\""));
}

/* Review finding 5: no setup fee, two months to go-live and a retainer
 * dearer than the spend. The net is 0 until go-live and then falls; the
 * summary must not say month 1, for the plan, any tier or the cautious
 * case. */
static void
test_summary_zero_fee_go_live (void)
{
  g_autoptr (cJSON) json = summary_of ("{\"format\": \"retainer-proposal\", \"version\": 1,"
                                       " \"monthly_api_spend\": 1000, \"complexity\": \"simple\","
                                       " \"setup_fee\": 0, \"go_live_months\": 2}");
  const cJSON *flags = cJSON_GetObjectItemCaseSensitive (json, "flags");
  const cJSON *tiers = cJSON_GetObjectItemCaseSensitive (json, "tiers");
  const cJSON *cautious = cJSON_GetObjectItemCaseSensitive (json, "cautious");
  const cJSON *tier;
  g_autofree char *flags_text = cJSON_PrintUnformatted (flags);

  g_assert_cmpfloat (number_at (json, "monthly_saving"), ==, -1000);
  g_assert_cmpfloat (number_at (json, "net_saving_12"), ==, -10000);
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (json, "break_even_month")));
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (json, "break_even_months")));
  g_assert_nonnull (strstr (flags_text, "\"no-break-even\""));
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (cautious, "break_even_month")));
  g_assert_cmpint (cJSON_GetArraySize (tiers), ==, 3);
  cJSON_ArrayForEach (tier, tiers)
    g_assert_true (cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (tier, "break_even_month")));
}

/* docs/calculation.md, "The cautious case", worked example 1, as --summary prints it:
 * over 12 months -$1,000 and no break-even; over 24 exactly month 14. */
static const struct
{
  guint  horizon_months;
  int    break_even_month;   /* 0: null */
  double net_saving_horizon;
} cautious_summaries[] = {
  { 12, 0, -1000 },
  { 24, 14, 5000 },
};

static void
test_summary_cautious (gconstpointer data)
{
  const __typeof__ (cautious_summaries[0]) *c = data;
  g_autofree char *text = g_strdup_printf ("{\"format\": \"retainer-proposal\", \"version\": 1,"
                                           " \"monthly_api_spend\": 5000,"
                                           " \"complexity\": \"simple\","
                                           " \"horizon_months\": %u}", c->horizon_months);
  g_autoptr (cJSON) json = summary_of (text);
  const cJSON *cautious = cJSON_GetObjectItemCaseSensitive (json, "cautious");

  g_assert_true (cJSON_IsObject (cautious));
  g_assert_cmpfloat (number_at (cautious, "coverage_pct"), ==, 50);
  g_assert_cmpfloat (number_at (cautious, "go_live_months"), ==, 2);
  g_assert_cmpfloat (number_at (cautious, "growth_pct"), ==, 0);
  g_assert_cmpfloat (number_at (cautious, "monthly_saving"), ==, 500);
  g_assert_cmpfloat (number_at (cautious, "net_saving_12"), ==, -1000);
  g_assert_cmpfloat (number_at (cautious, "net_saving_horizon"), ==, c->net_saving_horizon);
  if (c->break_even_month == 0)
    {
      g_assert_true (cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (cautious,
                                                                     "break_even_month")));
      g_assert_true (cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (cautious,
                                                                     "break_even_months")));
    }
  else
    {
      g_assert_cmpfloat (number_at (cautious, "break_even_month"), ==, c->break_even_month);
      g_assert_cmpfloat (number_at (cautious, "break_even_months"), ==, 14.00);
    }
  /* The expected case beside it, untouched. */
  g_assert_cmpfloat (number_at (json, "break_even_month"), ==, 2);
  g_assert_cmpfloat (number_at (json, "net_saving_12"), ==, 30000);
}

/* The basis of an estimated spend, as the proposal keeps it; null when typed. */
static void
test_summary_spend_estimate (void)
{
  g_autoptr (cJSON) typed = summary_of ("{\"format\": \"retainer-proposal\", \"version\": 1,"
                                        " \"monthly_api_spend\": 7200, \"complexity\": \"simple\"}");
  g_autoptr (cJSON) estimated = summary_of (
    "{\"format\": \"retainer-proposal\", \"version\": 1, \"monthly_api_spend\": 7200,"
    " \"complexity\": \"simple\", \"spend_estimate\": {\"requests_per_day\": 40000,"
    " \"input_tokens\": 1200, \"output_tokens\": 300, \"provider\": \"OpenAI\","
    " \"model\": \"GPT-4o\", \"input_price\": 2.5, \"output_price\": 10,"
    " \"prices_read\": \"2026-11-02\"}}");
  const cJSON *basis = cJSON_GetObjectItemCaseSensitive (estimated, "spend_estimate");

  g_assert_true (cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (typed, "spend_estimate")));
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (typed, "number")));
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (typed, "revision")));
  g_assert_cmpfloat (number_at (typed, "revisions_issued"), ==, 0);
  g_assert_true (cJSON_IsObject (basis));
  g_assert_cmpfloat (number_at (basis, "requests_per_day"), ==, 40000);
  g_assert_cmpfloat (number_at (basis, "input_tokens"), ==, 1200);
  g_assert_cmpfloat (number_at (basis, "output_tokens"), ==, 300);
  g_assert_cmpstr (string_at (basis, "model"), ==, "GPT-4o");
  g_assert_cmpfloat (number_at (basis, "input_price"), ==, 2.5);
  g_assert_cmpfloat (number_at (basis, "output_price"), ==, 10);
  g_assert_cmpstr (string_at (basis, "prices_read"), ==, "2026-11-02");
}

static cJSON *
load_json (const char *path)
{
  g_autofree char *text = NULL;
  cJSON *json;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  json = cJSON_Parse (text);
  g_assert_nonnull (json);
  return json;
}

/* A copy of tests/data/agency-acme.json and its logo in the test's own
 * folder: --record moves a profile's next number on, and the fixture must
 * stay as it is. */
static char *
copy_acme_agency (void)
{
  g_autofree char *logo_source = g_test_build_filename (G_TEST_DIST, "data", "pdf-logo.png",
                                                        NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "agency-acme.json", NULL);
  g_autofree char *logo_bytes = NULL;
  g_autofree char *logo = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (logo_source, &logo_bytes, &length, NULL));
  logo = write_file ("pdf-logo.png", logo_bytes, (gssize) length);
  g_assert_true (g_file_get_contents (source, &text, &length, NULL));
  return write_file ("agency-acme.json", text, (gssize) length);
}

static void
export_recorded (const char *pdf,
                 const char *proposal,
                 gboolean    record,
                 Run        *run)
{
  g_autofree char *agency = copy_acme_agency ();
  const char *args[] = { "--export-pdf", pdf, proposal, "--agency", agency,
                         record ? "--record" : NULL, NULL };

  run_retainer (run, args);
}

/* docs/calculation.md, "Revisions": a proposal exported with --record,
 * then given an option and a new figure and exported again, carries
 * revision 2 with both revisions in the file; exported once more unchanged,
 * it stays at revision 2. Without --record the file is left alone. */
static void
test_export_revisions (void)
{
  g_autofree char *path = write_file ("revisions.retainer",
                                      "{\"format\": \"retainer-proposal\", \"version\": 1,"
                                      " \"monthly_api_spend\": 5000,"
                                      " \"complexity\": \"simple\","
                                      " \"prospect\": {\"company\": \"Northwind\"}}", -1);
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "revisions.pdf", NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (cJSON) first = NULL;
  g_autoptr (cJSON) second = NULL;
  g_autoptr (cJSON) third = NULL;
  const cJSON *revisions, *r1, *r2;
  g_auto (Run) run1 = { 0 };
  g_auto (Run) run2 = { 0 };
  g_auto (Run) run3 = { 0 };
  g_auto (Run) run4 = { 0 };

  /* First export: numbered from the profile, revision 1 recorded. */
  export_recorded (pdf, path, TRUE, &run1);
  g_test_message ("%s", run1.err);
  g_assert_cmpint (run1.status, ==, 0);
  g_assert_cmpstr (run1.err, ==, "");
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  first = load_json (path);
  g_assert_cmpstr (string_at (first, "number"), ==, "AC-0042");
  g_assert_cmpstr (string_at (first, "date"), ==, today);
  revisions = cJSON_GetObjectItemCaseSensitive (first, "revisions");
  g_assert_cmpint (cJSON_GetArraySize (revisions), ==, 1);

  /* An option and a figure change, exported again. */
  cJSON_ReplaceItemInObject (first, "monthly_api_spend", cJSON_CreateNumber (6000));
  cJSON_ReplaceItemInObject (first, "options",
                             cJSON_Parse ("{\"extra_use_cases\": 0, \"annual_prepay\": true}"));
  {
    g_autofree char *text = cJSON_Print (first);

    g_assert_true (g_file_set_contents (path, text, -1, NULL));
  }
  export_recorded (pdf, path, TRUE, &run2);
  g_assert_cmpint (run2.status, ==, 0);
  second = load_json (path);
  revisions = cJSON_GetObjectItemCaseSensitive (second, "revisions");
  g_assert_cmpint (cJSON_GetArraySize (revisions), ==, 2);
  r1 = cJSON_GetArrayItem (revisions, 0);
  r2 = cJSON_GetArrayItem (revisions, 1);
  g_assert_cmpstr (string_at (r1, "number"), ==, "AC-0042");
  g_assert_cmpstr (string_at (r2, "number"), ==, "AC-0042");
  g_assert_cmpfloat (number_at (r1, "revision"), ==, 1);
  g_assert_cmpfloat (number_at (r2, "revision"), ==, 2);
  g_assert_cmpstr (string_at (r2, "date"), ==, today);
  g_assert_cmpstr (string_at (r1, "tier"), ==, "essentials");
  g_assert_cmpfloat (number_at (r1, "setup_fee"), ==, 6000);
  g_assert_cmpfloat (number_at (r1, "monthly_retainer"), ==, 2000);
  g_assert_cmpstr (string_at (r1, "currency"), ==, "USD");
  g_assert_cmpstr (string_at (r1, "digest"), !=, string_at (r2, "digest"));

  /* --summary tells which revision these figures are. */
  {
    const char *args[] = { "--summary", path, NULL };
    g_auto (Run) summary = { 0 };
    g_autoptr (cJSON) json = NULL;

    run_retainer (&summary, args);
    g_assert_cmpint (summary.status, ==, 0);
    json = cJSON_Parse (summary.out);
    g_assert_cmpstr (string_at (json, "number"), ==, "AC-0042");
    g_assert_cmpfloat (number_at (json, "revision"), ==, 2);
    g_assert_cmpfloat (number_at (json, "revisions_issued"), ==, 2);
  }

  /* Unchanged: the same revision, the file as it was. */
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  export_recorded (pdf, path, TRUE, &run3);
  g_assert_cmpint (run3.status, ==, 0);
  g_assert_cmpstr (run3.err, ==, "");
  third = load_json (path);
  g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItemCaseSensitive (third, "revisions")),
                   ==, 2);

  /* A new figure without --record: the PDF is revision 3, the file says
   * nothing of it, and the founder is told. */
  cJSON_ReplaceItemInObject (third, "monthly_api_spend", cJSON_CreateNumber (6500));
  {
    g_autofree char *text = cJSON_Print (third);

    g_assert_true (g_file_set_contents (path, text, -1, NULL));
    g_free (before);
    before = g_strdup (text);
  }
  export_recorded (pdf, path, FALSE, &run4);
  g_assert_cmpint (run4.status, ==, 0);
  g_assert_nonnull (strstr (run4.err, "AC-0042, revision 3"));
  g_assert_nonnull (strstr (run4.err, "--record"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  {
    const char *args[] = { "--summary", path, NULL };
    g_auto (Run) summary = { 0 };
    g_autoptr (cJSON) json = NULL;

    run_retainer (&summary, args);
    json = cJSON_Parse (summary.out);
    /* Changed since revision 2 and not recorded: no revision yet. */
    g_assert_true (cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (json, "revision")));
    g_assert_cmpfloat (number_at (json, "revisions_issued"), ==, 2);
  }
}

/* With --record and the stored profile, each new proposal takes the next
 * number and the profile moves on, as in the window; without --record
 * nothing is used up. */
static void
test_export_record_numbers (void)
{
  const char *text = "{\"format\": \"retainer-proposal\", \"version\": 1,"
                     " \"monthly_api_spend\": 5000, \"complexity\": \"simple\"}";
  g_autofree char *a = write_file ("a.retainer", text, -1);
  g_autofree char *b = write_file ("b.retainer", text, -1);
  g_autofree char *c = write_file ("c.retainer", text, -1);
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "numbers.pdf", NULL);
  const char *draft_args[] = { "--export-pdf", pdf, c, NULL };
  const char *a_args[] = { "--export-pdf", pdf, a, "--record", NULL };
  const char *b_args[] = { "--export-pdf", pdf, b, "--record", NULL };
  g_autoptr (cJSON) a_json = NULL;
  g_autoptr (cJSON) b_json = NULL;
  g_autoptr (cJSON) c_json = NULL;
  /* The test's own folder for the stored profile. */
  const char *env[] = { "XDG_CONFIG_HOME", g_get_user_config_dir (), NULL };
  g_auto (Run) draft = { 0 };
  g_auto (Run) run_a = { 0 };
  g_auto (Run) run_b = { 0 };

  run_retainer_env (&draft, draft_args, env);
  g_assert_cmpint (draft.status, ==, 0);
  g_assert_nonnull (strstr (draft.err, "revision 1"));
  run_retainer_env (&run_a, a_args, env);
  g_assert_cmpstr (run_a.err, ==, "");
  g_assert_cmpint (run_a.status, ==, 0);
  run_retainer_env (&run_b, b_args, env);
  g_assert_cmpstr (run_b.err, ==, "");
  g_assert_cmpint (run_b.status, ==, 0);

  a_json = load_json (a);
  b_json = load_json (b);
  c_json = load_json (c);
  /* The draft used up no number: the first recorded export has the one
   * the draft showed. */
  g_assert_null (cJSON_GetObjectItemCaseSensitive (c_json, "number"));
  g_assert_nonnull (strstr (draft.err, string_at (a_json, "number")));
  g_assert_cmpstr (string_at (a_json, "number"), !=, string_at (b_json, "number"));
  /* Numbered and dated on the same day, through the same core call as
   * the window's first export. */
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    g_assert_cmpstr (string_at (a_json, "date"), ==, today);
    g_assert_null (cJSON_GetObjectItemCaseSensitive (c_json, "date"));
  }
}

/* Review finding 9: with --agency FILE and --record, each new proposal
 * takes the next number and FILE moves on (only its "next_number"; the
 * rest of the profile, its logo name included, stays); without --record
 * FILE is left byte for byte. */
static void
test_export_record_numbers_agency (void)
{
  const char *text = "{\"format\": \"retainer-proposal\", \"version\": 1,"
                     " \"monthly_api_spend\": 5000, \"complexity\": \"simple\"}";
  g_autofree char *a = write_file ("agency-a.retainer", text, -1);
  g_autofree char *b = write_file ("agency-b.retainer", text, -1);
  g_autofree char *c = write_file ("agency-c.retainer", text, -1);
  g_autofree char *source_text = NULL;
  g_autofree char *agency = copy_acme_agency ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "agency-numbers.pdf", NULL);
  g_autoptr (cJSON) original = NULL;
  g_autoptr (cJSON) moved = NULL;
  g_autoptr (cJSON) a_json = NULL;
  g_autoptr (cJSON) b_json = NULL;
  g_autoptr (cJSON) c_json = NULL;

  g_assert_true (g_file_get_contents (agency, &source_text, NULL, NULL));
  original = load_json (agency);
  g_assert_cmpfloat (number_at (original, "next_number"), ==, 42);

  /* A draft: no number used up, the profile untouched. */
  {
    const char *args[] = { "--export-pdf", pdf, c, "--agency", agency, NULL };
    g_auto (Run) run = { 0 };

    run_retainer (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (agency, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, source_text);
    g_clear_pointer (&after, g_free);
  }

  for (guint i = 0; i < 2; i++)
    {
      const char *args[] = { "--export-pdf", pdf, i == 0 ? a : b, "--agency", agency, "--record",
                             NULL };
      g_auto (Run) run = { 0 };

      run_retainer (&run, args);
      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
    }

  a_json = load_json (a);
  b_json = load_json (b);
  c_json = load_json (c);
  g_assert_cmpstr (string_at (a_json, "number"), ==, "AC-0042");
  g_assert_cmpstr (string_at (b_json, "number"), ==, "AC-0043");
  g_assert_null (cJSON_GetObjectItemCaseSensitive (c_json, "number"));

  /* The profile holds the next number, and everything else as it was. */
  moved = load_json (agency);
  g_assert_cmpfloat (number_at (moved, "next_number"), ==, 44);
  cJSON_ReplaceItemInObjectCaseSensitive (moved, "next_number", cJSON_CreateNumber (42));
  g_assert_true (cJSON_Compare (moved, original, TRUE));

  /* Exported again, a numbered proposal keeps its number and uses none. */
  {
    const char *args[] = { "--export-pdf", pdf, a, "--agency", agency, "--record", NULL };
    g_auto (Run) run = { 0 };

    g_assert_true (g_file_get_contents (agency, &before, NULL, NULL));
    run_retainer (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (agency, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, before);
  }
}

/* A profile the number cannot be stored in (its name leaves no room for
 * the temporary file an atomic write needs, which even root cannot get
 * around): the PDF and the proposal's number are still made, and the
 * founder is told, with the file named, that the number will repeat; the
 * profile stays as it was. */
static void
test_export_record_numbers_agency_unwritable (void)
{
  const char *text = "{\"format\": \"retainer-proposal\", \"version\": 1,"
                     " \"monthly_api_spend\": 5000, \"complexity\": \"simple\"}";
  g_autofree char *proposal = write_file ("unwritable.retainer", text, -1);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "agency-acme.json", NULL);
  g_autofree char *source_text = NULL;
  g_autofree char *long_name = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *after = NULL;
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "unwritable.pdf", NULL);
  g_autoptr (cJSON) json = NULL;
  gsize length = 0;
  g_auto (Run) run = { 0 };
  const char *args[] = { "--export-pdf", pdf, proposal, "--agency", NULL, "--record", NULL };

  /* 250 characters: the file itself fits NAME_MAX, "name.XXXXXX" does not. */
  {
    g_autofree char *stem = g_strnfill (245, 'n');

    long_name = g_strconcat (stem, ".json", NULL);
  }
  g_assert_true (g_file_get_contents (source, &source_text, &length, NULL));
  agency = g_build_filename (g_get_user_data_dir (), long_name, NULL);
  /* Written in place: an atomic write could not make it either. */
  {
    FILE *file = fopen (agency, "wb");

    g_assert_nonnull (file);
    g_assert_cmpuint (fwrite (source_text, 1, length, file), ==, length);
    g_assert_cmpint (fclose (file), ==, 0);
  }
  args[4] = agency;

  run_retainer (&run, args);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (run.err, "warning: The next proposal number could not be stored in"));
  g_assert_nonnull (strstr (run.err, long_name));
  g_assert_nonnull (strstr (run.err, "will be AC-0042 again"));
  json = load_json (proposal);
  g_assert_cmpstr (string_at (json, "number"), ==, "AC-0042");
  g_assert_true (g_file_get_contents (agency, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, source_text);
}

/* A libharu failure is reported by name on stderr, never as "(null)" and
 * never as a crash, and nothing is written. */
static void
test_export_font_failure (void)
{
  g_autofree char *proposal = write_file ("fault.retainer",
                                          "{\"format\": \"retainer-proposal\", \"version\": 1,"
                                          " \"monthly_api_spend\": 5000,"
                                          " \"complexity\": \"simple\"}", -1);
  g_autofree char *agency = g_test_build_filename (G_TEST_DIST, "data", "agency-acme.json",
                                                   NULL);
  g_autofree char *out = g_build_filename (g_get_user_data_dir (), "fault.pdf", NULL);
  const char *args[] = { "--export-pdf", out, proposal, "--agency", agency, NULL };
  const char *env[] = { "RETAINER_PDF_FAULT", "get-font", NULL };
  g_auto (Run) run = { 0 };

  run_retainer_env (&run, args, env);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "retainer: The embedded font"));
  g_assert_nonnull (strstr (run.err, "UTF-8"));
  g_assert_null (strstr (run.err, "(null)"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_help (void)
{
  const char *args[] = { "--help", NULL };
  g_auto (Run) run = { 0 };

  run_retainer (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--summary"));
  g_assert_nonnull (strstr (run.out, "--export-pdf"));
  g_assert_nonnull (strstr (run.out, "--agency"));
  g_assert_nonnull (strstr (run.out, "--record"));
  g_assert_nonnull (strstr (run.out, "--book"));
  g_assert_nonnull (strstr (run.out, "--csv"));
  g_assert_nonnull (strstr (run.out, "Exit status"));
}

typedef struct
{
  const char *name;
  const char *contents;   /* NULL: the file does not exist */
  const char *expected;   /* in the message, besides the file's name */
} BadInput;

#define HEAD "{\"format\": \"retainer-proposal\", \"version\": 1, "

static const BadInput bad_inputs[] = {
  { "missing-file", NULL, "Could not read" },
  { "empty", "", "is empty" },
  { "whitespace-only", "  \n\t ", "is empty" },
  { "malformed", HEAD "\"monthly_api_spend\": 5000,, \"complexity\": \"simple\"}", "line 1: not valid JSON" },
  { "truncated", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"sim", "not valid JSON" },
  { "trailing-garbage", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\"} x", "not valid JSON" },
  { "not-an-object", "[1, 2, 3]", "expected a JSON object" },
  { "binary", "{\"format\"\0\1\2", "not a text file" },
  { "other-format", "{\"format\": \"retainer-agency\", \"version\": 1}", "“format”" },
  { "newer-version", "{\"format\": \"retainer-proposal\", \"version\": 2}", "newer version of Retainer" },
  { "missing-spend", HEAD "\"complexity\": \"simple\"}", "“monthly_api_spend”: is required" },
  { "missing-complexity", HEAD "\"monthly_api_spend\": 5000}", "“complexity”: is required" },
  { "spend-as-text", HEAD "\"monthly_api_spend\": \"5000\", \"complexity\": \"simple\"}", "“monthly_api_spend”: expected a number" },
  { "negative-spend", HEAD "\"monthly_api_spend\": -1, \"complexity\": \"simple\"}", "“monthly_api_spend”: expected a number from 0 to 1000000000000, got -1" },
  { "infinite-spend", HEAD "\"monthly_api_spend\": 1e999, \"complexity\": \"simple\"}", "“monthly_api_spend”: expected a number from 0 to 1000000000000, got a number too large" },
  { "absurd-spend", HEAD "\"monthly_api_spend\": 1000000000001, \"complexity\": \"simple\"}", "“monthly_api_spend”: expected a number from 0 to 1000000000000" },
  { "absurd-fee", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", \"setup_fee\": 5e12}", "“setup_fee”" },
  { "unknown-complexity", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"easy\"}", "“complexity”: expected one of “simple”, “moderate”, “complex”" },
  { "unknown-billing", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", \"billing\": \"yearly\"}", "“billing”" },
  { "unknown-currency", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", \"currency\": \"BTC\"}", "“currency”" },
  { "growth-absurd", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", \"api_growth_pct\": 400}", "“api_growth_pct”" },
  { "coverage-over-100", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", \"coverage_pct\": 120}", "“coverage_pct”" },
  { "horizon-13", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", \"horizon_months\": 13}", "“horizon_months”: expected 12, 24 or 36" },
  { "use-cases-fraction", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", \"use_cases\": 1.5}", "“use_cases”" },
  { "dedicated-as-text", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", \"dedicated_instance\": \"yes\"}", "“dedicated_instance”: expected true or false" },
  { "unknown-tier", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", \"tier\": \"platinum\"}", "“tier”" },
  { "prospect-not-object", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", \"prospect\": \"ACME\"}", "“prospect”: expected an object" },
  { "company-as-number", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", \"prospect\": {\"company\": 7}}", "“prospect.company”: expected text" },
  { "unknown-card", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", \"rate_card\": \"cheap\"}", "“rate_card”" },
  { "card-no-tiers", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", \"rate_card\": {\"id\": \"x\", \"name\": \"X\", \"setup_bands\": {\"simple\": {\"low\": 1, \"high\": 2}, \"moderate\": {\"low\": 2, \"high\": 3}, \"complex\": {\"low\": 3, \"high\": 4}}, \"tiers\": []}}", "“rate_card.tiers”: expected at least one retainer tier" },
  { "card-overlapping-bands", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", \"rate_card\": {\"id\": \"x\", \"name\": \"X\", \"setup_bands\": {\"simple\": {\"low\": 1, \"high\": 5}, \"moderate\": {\"low\": 2, \"high\": 6}, \"complex\": {\"low\": 6, \"high\": 7}}, \"tiers\": [{\"id\": \"a\", \"name\": \"A\", \"price\": 10}]}}", "“rate_card.setup_bands.moderate.low”: overlaps" },
  { "bad-date", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", \"date\": \"2026-02-31\"}", "“date”" },
  { "control-characters", HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", \"prospect\": {\"company\": \"A\\u0007B\"}}", "“prospect.company”: expected text without control characters" },
};

static void
test_bad_input (gconstpointer data)
{
  const BadInput *c = data;
  g_autofree char *name = g_strdup_printf ("%s.retainer", c->name);
  g_autofree char *path = NULL;
  const char *args[] = { "--summary", NULL, NULL };
  g_auto (Run) run = { 0 };

  if (c->contents != NULL)
    {
      /* The binary case has NULs: write its bytes up to the closing quote. */
      gssize length = strcmp (c->name, "binary") == 0 ? 13 : -1;
      path = write_file (name, c->contents, length);
    }
  else
    path = g_build_filename (g_get_user_data_dir (), name, NULL);

  args[1] = path;
  run_retainer (&run, args);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, name));
  g_assert_nonnull (strstr (run.err, c->expected));
  /* One line, not a crash report. */
  g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, strlen (run.err) - 1);
}

static void
test_huge_file (void)
{
  gsize size = 10 * 1024 * 1024;
  g_autofree char *contents = g_malloc (size);
  g_autofree char *path = NULL;
  const char *args[] = { "--summary", NULL, NULL };
  g_auto (Run) run = { 0 };

  memset (contents, ' ', size);
  memcpy (contents, "{\"format\": \"retainer-proposal\"", 30);
  contents[size - 1] = '}';
  path = write_file ("huge.retainer", contents, (gssize) size);
  args[1] = path;
  run_retainer (&run, args);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "huge.retainer is too large"));
}

static void
test_deep_nesting (void)
{
  GString *text = g_string_new (HEAD "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", \"x\": ");
  g_autofree char *path = NULL;
  const char *args[] = { "--summary", NULL, NULL };
  g_auto (Run) run = { 0 };

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  path = write_file ("deep.retainer", text->str, (gssize) text->len);
  g_string_free (text, TRUE);
  args[1] = path;
  run_retainer (&run, args);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "deep.retainer, line 1: not valid JSON"));
}

static void
test_bad_arguments (void)
{
  const char *unknown[] = { "--frobnicate", NULL };
  const char *two_files[] = { "--export-pdf", "out.pdf", "a.retainer", "b.retainer", NULL };
  const char *agency_alone[] = { "--agency", "agency.json", NULL };
  const char *record_alone[] = { "--record", "a.retainer", NULL };
  g_auto (Run) run1 = { 0 };
  g_auto (Run) run2 = { 0 };
  g_auto (Run) run3 = { 0 };
  g_auto (Run) run4 = { 0 };

  run_retainer (&run1, unknown);
  g_assert_cmpint (run1.status, ==, 2);
  g_assert_nonnull (strstr (run1.err, "--help"));
  run_retainer (&run2, two_files);
  g_assert_cmpint (run2.status, ==, 2);
  run_retainer (&run3, agency_alone);
  g_assert_cmpint (run3.status, ==, 2);
  run_retainer (&run4, record_alone);
  g_assert_cmpint (run4.status, ==, 2);
  g_assert_nonnull (strstr (run4.err, "--record goes with --export-pdf"));
}

/* ---- retainer --book ---------------------------------------------------- */

#define N_SEED 10

/* The child reads the test's own isolated folders: the clients under the
 * data folder, the stored agency profile (none) under the config folder. */
static void
run_book (Run               *run,
          const char *const *args)
{
  const char *env[] = { "XDG_DATA_HOME", g_get_user_data_dir (),
                        "XDG_CONFIG_HOME", g_get_user_config_dir (), NULL };

  run_retainer_env (run, args, env);
}

/* The ten seed clients in the clients folder the program reads. */
static void
put_seed_clients (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "retainer", "clients", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 1; i <= N_SEED; i++)
    {
      g_autofree char *name = g_strdup_printf ("seed-%02u.retainer", i);
      g_autofree char *from = g_test_build_filename (G_TEST_DIST, "data", "book", name, NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (from, &text, &length, NULL));
      g_assert_true (g_file_set_contents (to, text, (gssize) length, NULL));
    }
}

/* The seed's agency: $500 of overhead, $80 an hour, 160 hours a month. */
static char *
write_seed_agency (void)
{
  return write_file ("seed-agency.json",
                     "{\"format\": \"retainer-agency\", \"version\": 1, \"name\": \"Seed\",\n"
                     " \"fixed_overhead\": 500, \"staff_cost_per_hour\": 80,\n"
                     " \"team_capacity_hours\": 160}\n",
                     -1);
}

static cJSON *
book_of (const char *const *args)
{
  g_auto (Run) run = { 0 };
  cJSON *json;

  run_book (&run, args);
  g_test_message ("%s", run.err);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  json = cJSON_Parse (run.out);
  g_assert_nonnull (json);
  return json;
}

static void
test_book_seed (void)
{
  g_autofree char *agency_path = NULL;
  const char *with_agency[] = { "--book", "--agency", NULL, NULL };
  const char *stored[] = { "--book", NULL };
  g_autoptr (cJSON) json = NULL;
  g_autoptr (cJSON) json_stored = NULL;
  const cJSON *totals, *clients, *first, *months;

  put_seed_clients ();
  agency_path = write_seed_agency ();
  with_agency[2] = agency_path;
  json = book_of (with_agency);

  g_assert_cmpstr (string_at (json, "currency"), ==, "USD");
  totals = cJSON_GetObjectItemCaseSensitive (json, "totals");
  g_assert_cmpfloat (number_at (totals, "clients"), ==, 10);
  g_assert_cmpfloat (number_at (totals, "mrr"), ==, 48000);
  g_assert_cmpfloat (number_at (totals, "platform_cost"), ==, 145);
  g_assert_cmpfloat (number_at (totals, "compute_cost"), ==, 3000);
  g_assert_cmpfloat (number_at (totals, "staff_hours"), ==, 80);
  g_assert_cmpfloat (number_at (totals, "staff_cost"), ==, 6400);
  g_assert_cmpfloat (number_at (totals, "fixed_overhead"), ==, 500);
  g_assert_cmpfloat (number_at (totals, "total_costs"), ==, 10045);
  g_assert_cmpfloat (number_at (totals, "gross_margin"), ==, 37955);
  g_assert_cmpfloat (number_at (totals, "margin_pct"), ==, 79.07);
  g_assert_cmpfloat (number_at (totals, "team_capacity_hours"), ==, 160);
  g_assert_cmpfloat (number_at (totals, "capacity_used_pct"), ==, 50);
  g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItemCaseSensitive (totals, "flags")), ==, 0);

  clients = cJSON_GetObjectItemCaseSensitive (json, "clients");
  g_assert_cmpint (cJSON_GetArraySize (clients), ==, 10);
  first = cJSON_GetArrayItem (clients, 0);
  g_assert_cmpstr (string_at (first, "company"), ==, "Atlas Capital Partners");
  g_assert_cmpstr (string_at (first, "file"), ==, "seed-09.retainer");
  g_assert_cmpstr (string_at (first, "tier"), ==, "enterprise");
  g_assert_cmpfloat (number_at (first, "monthly_retainer"), ==, 10000);
  g_assert_cmpfloat (number_at (first, "staff_hours"), ==, 24);
  g_assert_cmpfloat (number_at (first, "margin"), ==, 7365.5);
  months = cJSON_GetObjectItemCaseSensitive (json, "months");
  g_assert_true (cJSON_IsArray (months));
  g_assert_cmpint (cJSON_GetArraySize (months), >, 0);

  /* Without --agency: the stored profile, here none, so the defaults,
   * which are the seed's. */
  json_stored = book_of (stored);
  g_assert_true (cJSON_Compare (json, json_stored, TRUE));
}

/* Another profile changes the costs, never the revenue: $750 of overhead,
 * 80 hours at $95.50, 320 hours of capacity. */
static void
test_book_agency (void)
{
  g_autofree char *agency_path = g_test_build_filename (G_TEST_DIST, "data", "book-agency.json",
                                                        NULL);
  const char *args[] = { "--book", "--agency", agency_path, NULL };
  g_autoptr (cJSON) json = NULL;
  const cJSON *totals;

  put_seed_clients ();
  json = book_of (args);
  totals = cJSON_GetObjectItemCaseSensitive (json, "totals");
  g_assert_cmpfloat (number_at (totals, "mrr"), ==, 48000);
  g_assert_cmpfloat (number_at (totals, "staff_cost"), ==, 7640);
  g_assert_cmpfloat (number_at (totals, "fixed_overhead"), ==, 750);
  g_assert_cmpfloat (number_at (totals, "total_costs"), ==, 11535);
  g_assert_cmpfloat (number_at (totals, "gross_margin"), ==, 36465);
  g_assert_cmpfloat (number_at (totals, "margin_pct"), ==, 75.97);
  g_assert_cmpfloat (number_at (totals, "team_capacity_hours"), ==, 320);
  g_assert_cmpfloat (number_at (totals, "capacity_used_pct"), ==, 25);
}

static void
test_book_csv (void)
{
  g_autofree char *agency_path = NULL;
  g_autofree char *out = g_build_filename (g_get_user_data_dir (), "book.csv", NULL);
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "no-such-folder",
                                               "book.csv", NULL);
  const char *args[] = { "--book", "--agency", NULL, "--csv", out, NULL };
  const char *bad[] = { "--book", "--csv", missing, NULL };
  g_auto (Run) run = { 0 };
  g_auto (Run) bad_run = { 0 };
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  put_seed_clients ();
  agency_path = write_seed_agency ();
  args[2] = agency_path;
  /* A previous export is replaced whole. */
  g_assert_true (g_file_set_contents (out, "old export\r\n", -1, NULL));
  run_book (&run, args);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 10 + 1 + 1);
  g_assert_cmpstr (lines[0], ==,
                   "row,company,file,month,tier,monthly_retainer,platform_cost,compute_cost,"
                   "staff_hours,staff_cost,fixed_overhead,monthly_cost,gross_margin,margin_pct,"
                   "actual_costs,currency");
  g_assert_cmpstr (lines[1], ==,
                   "client,Atlas Capital Partners,seed-09.retainer,2026-06,enterprise,10000,"
                   "14.5,700,24,1920,,2634.5,7365.5,73.66,platform compute staff_hours,USD");
  g_assert_cmpstr (lines[11], ==, "total,,,,,48000,145,3000,80,6400,500,10045,37955,79.07,,USD");
  g_assert_cmpstr (lines[12], ==, "");

  /* A folder that does not exist: refused, named, nothing written. */
  run_book (&bad_run, bad);
  g_test_message ("%s", bad_run.err);
  g_assert_cmpint (bad_run.status, ==, 2);
  g_assert_nonnull (strstr (bad_run.err, "book.csv"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* A client file that cannot join the book is named on standard error; the
 * others are still the book. */
static void
test_book_broken_client (void)
{
  g_autofree char *broken = g_build_filename (g_get_user_data_dir (), "retainer", "clients",
                                              "broken.retainer", NULL);
  const char *args[] = { "--book", NULL };
  g_auto (Run) run = { 0 };
  g_autoptr (cJSON) json = NULL;

  put_seed_clients ();
  g_assert_true (g_file_set_contents (broken, "{ \"format\": ", -1, NULL));
  run_book (&run, args);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "broken.retainer"));
  json = cJSON_Parse (run.out);
  g_assert_nonnull (json);
  g_assert_cmpfloat (number_at (cJSON_GetObjectItemCaseSensitive (json, "totals"), "mrr"), ==,
                     48000);
}

static void
test_book_bad_agency (void)
{
  g_autofree char *agency_path = write_file ("bad-agency.json",
                                             "{\"format\": \"retainer-agency\", \"version\": 1, "
                                             "\"name\": \"Seed\", \"fixed_overhead\": \"lots\"}",
                                             -1);
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "nowhere.json", NULL);
  const char *args[] = { "--book", "--agency", agency_path, NULL };
  const char *missing_args[] = { "--book", "--agency", missing, NULL };
  const char *csv_alone[] = { "--csv", "book.csv", NULL };
  const char *with_file[] = { "--book", "a.retainer", NULL };
  g_auto (Run) run = { 0 };
  g_auto (Run) missing_run = { 0 };
  g_auto (Run) csv_run = { 0 };
  g_auto (Run) file_run = { 0 };

  put_seed_clients ();
  run_book (&run, args);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "bad-agency.json"));
  g_assert_nonnull (strstr (run.err, "fixed_overhead"));

  run_book (&missing_run, missing_args);
  g_assert_cmpint (missing_run.status, ==, 2);
  g_assert_cmpstr (missing_run.out, ==, "");
  g_assert_nonnull (strstr (missing_run.err, "nowhere.json"));

  run_book (&csv_run, csv_alone);
  g_assert_cmpint (csv_run.status, ==, 2);
  g_assert_nonnull (strstr (csv_run.err, "--csv goes with --book"));
  run_book (&file_run, with_file);
  g_assert_cmpint (file_run.status, ==, 2);
}

/* Runs @args, which name @victim as an output: refused with exit status 2
 * and a message naming the file and the option, and @victim is left byte
 * for byte as it was. */
static void
assert_output_refused (const char *const *args,
                       const char        *victim,
                       const char        *option)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *name = g_path_get_basename (victim);
  gsize before_length = 0;
  gsize after_length = 0;
  g_auto (Run) run = { 0 };

  g_assert_true (g_file_get_contents (victim, &before, &before_length, NULL));
  run_book (&run, args);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, name));
  g_assert_nonnull (strstr (run.err, option));
  g_assert_nonnull (strstr (run.err, "would write over it"));
  g_assert_true (g_file_get_contents (victim, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, before, before_length);
}

/* Review finding 2: an output named like one of the inputs (the proposal,
 * the client file, the agency profile) is refused before anything is
 * written, however the name is spelled; the input stays byte for byte. */
static void
test_export_onto_input (void)
{
  g_autofree char *proposal_text = NULL;
  g_autofree char *client_text = NULL;
  g_autofree char *agency_text = NULL;
  g_autofree char *proposal_source = g_test_build_filename (G_TEST_DIST, "data",
                                                            "good-worked-example-1.retainer",
                                                            NULL);
  g_autofree char *client_source = g_test_build_filename (G_TEST_DIST, "data",
                                                          "client-worked-example.retainer", NULL);
  g_autofree char *agency_source = g_test_build_filename (G_TEST_DIST, "data", "agency-acme.json",
                                                          NULL);
  g_autofree char *proposal = NULL;
  g_autofree char *client = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *proposal_other_spelling = NULL;
  g_autofree char *good_pdf = g_build_filename (g_get_user_data_dir (), "onto-input.pdf", NULL);
  gsize length = 0;

  g_assert_true (g_file_get_contents (proposal_source, &proposal_text, &length, NULL));
  proposal = write_file ("same.retainer", proposal_text, (gssize) length);
  g_assert_true (g_file_get_contents (client_source, &client_text, &length, NULL));
  client = write_file ("same-client.retainer", client_text, (gssize) length);
  g_assert_true (g_file_get_contents (agency_source, &agency_text, &length, NULL));
  agency = write_file ("same-agency.json", agency_text, (gssize) length);
  /* The same file by another path: through "." and its folder's name. */
  {
    g_autofree char *dir = g_path_get_dirname (proposal);
    g_autofree char *dir_name = g_path_get_basename (dir);

    proposal_other_spelling = g_build_filename (dir, "..", dir_name, ".", "same.retainer", NULL);
  }

  {
    const char *args[] = { "--export-pdf", proposal, proposal, "--agency", agency, NULL };

    assert_output_refused (args, proposal, "--export-pdf");
  }
  {
    const char *args[] = { "--export-pdf", proposal_other_spelling, proposal, "--agency", agency,
                           "--record", NULL };

    assert_output_refused (args, proposal, "--export-pdf");
  }
  {
    const char *args[] = { "--export-pdf", agency, proposal, "--agency", agency, NULL };

    assert_output_refused (args, agency, "--export-pdf");
  }
  /* The profile's logo, read from beside it. */
  {
    g_autofree char *logo_source = g_test_build_filename (G_TEST_DIST, "data", "pdf-logo.png",
                                                          NULL);
    g_autofree char *logo_bytes = NULL;
    g_autofree char *logo = NULL;
    const char *args[] = { "--export-pdf", NULL, proposal, "--agency", agency, NULL };

    g_assert_true (g_file_get_contents (logo_source, &logo_bytes, &length, NULL));
    logo = write_file ("pdf-logo.png", logo_bytes, (gssize) length);
    args[1] = logo;
    assert_output_refused (args, logo, "--export-pdf");
  }
  {
    const char *args[] = { "--export-pdf", client, client, "--agency", agency, "--record", NULL };

    assert_output_refused (args, client, "--export-pdf");
  }
  {
    const char *args[] = { "--export-report", client, client, "--month", "2026-03",
                           "--agency", agency, NULL };

    assert_output_refused (args, client, "--export-report");
  }
  {
    const char *args[] = { "--export-review", agency, client, "--quarter", "2026-Q1",
                           "--agency", agency, NULL };

    assert_output_refused (args, agency, "--export-review");
  }
  {
    const char *args[] = { "--book", "--agency", agency, "--csv", agency, NULL };

    assert_output_refused (args, agency, "--csv");
  }
  /* The book's CSV over one of the clients it reads. */
  {
    g_autofree char *kept = NULL;
    const char *args[] = { "--book", "--agency", agency, "--csv", NULL, NULL };

    put_seed_clients ();
    kept = g_build_filename (g_get_user_data_dir (), "retainer", "clients", "seed-01.retainer",
                             NULL);
    args[4] = kept;
    assert_output_refused (args, kept, "--csv");
  }
  /* The stored profile, when no --agency is given. */
  {
    g_autofree char *stored = g_build_filename (g_get_user_config_dir (), "retainer",
                                                "agency.json", NULL);
    const char *args[] = { "--export-pdf", stored, proposal, NULL };
    g_autofree char *stored_dir = g_path_get_dirname (stored);

    g_assert_cmpint (g_mkdir_with_parents (stored_dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (stored, agency_text, -1, NULL));
    assert_output_refused (args, stored, "--export-pdf");
  }

  /* Another output is fine, and the check refuses nothing it should not. */
  {
    const char *args[] = { "--export-pdf", good_pdf, proposal, "--agency", agency, NULL };
    g_auto (Run) run = { 0 };

    run_book (&run, args);
    g_test_message ("%s", run.err);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (good_pdf, G_FILE_TEST_IS_REGULAR));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/cli/summary/worked-example", test_summary_worked_example);
  g_test_add_func ("/core/cli/summary/setup-7000", test_summary_setup_7000);
  g_test_add_func ("/core/cli/summary/no-break-even", test_summary_no_break_even);
  g_test_add_func ("/core/cli/summary/zero-fee", test_summary_zero_fee);
  g_test_add_func ("/core/cli/summary/zero-fee-go-live", test_summary_zero_fee_go_live);
  g_test_add_func ("/core/cli/summary/cents-and-rates", test_summary_cents_and_rates);
  g_test_add_func ("/core/cli/export/font-failure", test_export_font_failure);
  g_test_add_func ("/core/cli/export/revisions", test_export_revisions);
  g_test_add_func ("/core/cli/export/record-numbers", test_export_record_numbers);
  g_test_add_func ("/core/cli/export/onto-input", test_export_onto_input);
  g_test_add_func ("/core/cli/export/record-numbers-agency", test_export_record_numbers_agency);
  g_test_add_func ("/core/cli/export/record-numbers-agency-unwritable",
                   test_export_record_numbers_agency_unwritable);
  g_test_add_func ("/core/cli/summary/spend-estimate", test_summary_spend_estimate);
  for (guint i = 0; i < G_N_ELEMENTS (cautious_summaries); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/cli/summary/cautious-%u",
                                               cautious_summaries[i].horizon_months);
      g_test_add_data_func (path, &cautious_summaries[i], test_summary_cautious);
    }
  g_test_add_func ("/core/cli/help", test_help);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/cli/bad-input/%s", bad_inputs[i].name);
      g_test_add_data_func (path, &bad_inputs[i], test_bad_input);
    }
  g_test_add_func ("/core/cli/bad-input/huge-file", test_huge_file);
  g_test_add_func ("/core/cli/bad-input/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/cli/bad-arguments", test_bad_arguments);
  g_test_add_func ("/core/cli/book/seed", test_book_seed);
  g_test_add_func ("/core/cli/book/agency", test_book_agency);
  g_test_add_func ("/core/cli/book/csv", test_book_csv);
  g_test_add_func ("/core/cli/book/broken-client", test_book_broken_client);
  g_test_add_func ("/core/cli/book/bad-agency", test_book_bad_agency);

  return g_test_run ();
}
