/* test-proposal.c: proposal files: defaults, round trips, snapshots, atomic saves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "retainer-json.h"
#include "retainer-money.h"
#include "retainer-recommend.h"
#include "retainer-revision.h"

#define USD(major) ((gint64) (major) * 100)

static char *
data_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static RetainerProposal *
load_text (const char *text,
           GError    **error)
{
  return retainer_proposal_load_data (text, strlen (text), "test.retainer", error);
}

static void
test_minimal_defaults (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerProposal) proposal = load_text ("{\"format\": \"retainer-proposal\", "
                                                     "\"version\": 1, "
                                                     "\"monthly_api_spend\": 5000, "
                                                     "\"complexity\": \"simple\"}", &error);

  g_assert_no_error (error);
  g_assert_cmpint (proposal->monthly_api_spend, ==, USD (5000));
  g_assert_cmpint (proposal->complexity, ==, RETAINER_COMPLEXITY_SIMPLE);
  /* The defaults of docs/calculation.md */
  g_assert_cmpstr (proposal->currency, ==, "USD");
  g_assert_cmpfloat (proposal->api_growth_pct, ==, 0);
  g_assert_cmpfloat (proposal->coverage_pct, ==, 100);
  g_assert_cmpint (proposal->change_frequency, ==, RETAINER_CHANGE_STABLE);
  g_assert_false (proposal->dedicated_instance);
  g_assert_cmpint (proposal->support, ==, RETAINER_SUPPORT_NEXT_BUSINESS_DAY);
  g_assert_cmpuint (proposal->use_cases, ==, 1);
  g_assert_cmpint (proposal->billing, ==, RETAINER_BILLING_MONTHLY);
  g_assert_cmpuint (proposal->horizon_months, ==, 12);
  g_assert_cmpuint (proposal->go_live_months, ==, 0);
  g_assert_false (proposal->has_setup_fee);
  g_assert_null (proposal->tier_id);
  g_assert_cmpstr (proposal->rate_card->id, ==, RETAINER_RATE_CARD_DEFAULT_ID);
  g_assert_cmpstr (proposal->company, ==, "");
  /* Issue 10: the range is shown, nothing is offered as an option, the
   * spend was typed and nothing was issued yet. */
  g_assert_true (proposal->show_cautious_range);
  g_assert_cmpuint (proposal->option_extra_use_cases, ==, 0);
  g_assert_false (proposal->option_annual_prepay);
  g_assert_null (proposal->spend_estimate);
  g_assert_null (retainer_proposal_get_latest_revision (proposal));
}

#define ESTIMATE_JSON "{\"requests_per_day\": 40000, \"input_tokens\": 1200, " \
                      "\"output_tokens\": 300, \"provider\": \"OpenAI\", " \
                      "\"model\": \"GPT-4o\", \"input_price\": 2.5, " \
                      "\"output_price\": 10, \"prices_read\": \"2026-11-02\", " \
                      "\"currency\": \"EUR\", \"exchange_rate\": 0.92}"

static RetainerSpendBasis *
example_basis (void)
{
  g_autoptr (cJSON) json = cJSON_Parse (ESTIMATE_JSON);
  g_autoptr (GError) error = NULL;
  RetainerSpendBasis *basis = retainer_spend_basis_from_json (json, NULL, "spend_estimate",
                                                              &error);

  g_assert_no_error (error);
  return basis;
}

static RetainerProposal *
full_proposal (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerRateCard) card = retainer_rate_card_load_builtin ("fine-tuning-agency",
                                                                       &error);
  RetainerProposal *proposal;

  g_assert_no_error (error);
  proposal = retainer_proposal_new (card);
  g_free (proposal->company);
  proposal->company = g_strdup ("Zakład Usług Księgowych Łódź");
  g_free (proposal->contact);
  proposal->contact = g_strdup ("Ζωή Παπαδοπούλου");
  g_free (proposal->industry);
  proposal->industry = g_strdup ("Бухгалтерия \"quoted\" \\ back");
  g_free (proposal->currency);
  proposal->currency = g_strdup ("EUR");
  proposal->monthly_api_spend = 1234567;
  proposal->api_growth_pct = 2.5;
  proposal->coverage_pct = 80;
  proposal->complexity = RETAINER_COMPLEXITY_COMPLEX;
  proposal->has_answers = TRUE;
  proposal->tasks = RETAINER_TASKS_PIPELINE;
  proposal->data_readiness = RETAINER_DATA_NEEDS_CLEANING;
  proposal->evaluation = RETAINER_EVALUATION_CUSTOM;
  proposal->change_frequency = RETAINER_CHANGE_MONTHLY;
  proposal->dedicated_instance = TRUE;
  proposal->support = RETAINER_SUPPORT_FOUR_HOURS;
  proposal->use_cases = 2;
  proposal->billing = RETAINER_BILLING_ANNUAL;
  proposal->horizon_months = 36;
  proposal->go_live_months = 1;
  proposal->has_setup_fee = TRUE;
  proposal->setup_fee = 1350050;
  proposal->tier_id = g_strdup ("enterprise");
  proposal->number = g_strdup ("RT-0042");
  proposal->date = g_strdup ("2026-11-23");
  proposal->show_cautious_range = FALSE;
  proposal->option_extra_use_cases = 3;
  proposal->option_annual_prepay = TRUE;
  proposal->spend_estimate = example_basis ();
  {
    g_autoptr (RetainerResult) result = retainer_recommend (proposal);
    g_autoptr (GError) issue_error = NULL;
    guint revision = 0;

    g_assert_true (retainer_proposal_issue_revision (proposal, result, "2026-11-23", &revision,
                                                     &issue_error));
    g_assert_no_error (issue_error);
    g_assert_cmpuint (revision, ==, 1);
  }
  g_assert_true (retainer_proposal_validate (proposal, NULL, NULL));
  return proposal;
}

static void
test_round_trip (void)
{
  g_autoptr (RetainerProposal) proposal = full_proposal ();
  g_autoptr (RetainerProposal) loaded = NULL;
  g_autofree char *path = data_path ("round-trip.retainer");
  g_autoptr (GError) error = NULL;

  retainer_proposal_save (proposal, path, &error);
  g_assert_no_error (error);
  loaded = retainer_proposal_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (retainer_proposal_equal (proposal, loaded));
  g_assert_cmpstr (loaded->company, ==, "Zakład Usług Księgowych Łódź");
  g_assert_cmpint (loaded->setup_fee, ==, 1350050);
  g_assert_cmpint (loaded->monthly_api_spend, ==, 1234567);
  g_assert_true (loaded->has_answers);
  g_assert_cmpint (loaded->tasks, ==, RETAINER_TASKS_PIPELINE);
  g_assert_false (loaded->show_cautious_range);
  g_assert_cmpuint (loaded->option_extra_use_cases, ==, 3);
  g_assert_true (loaded->option_annual_prepay);
  g_assert_nonnull (loaded->spend_estimate);
  g_assert_true (retainer_spend_basis_equal (loaded->spend_estimate, proposal->spend_estimate));
  g_assert_cmpuint (loaded->revisions->len, ==, 1);
  g_assert_cmpstr (retainer_proposal_get_latest_revision (loaded)->digest, ==,
                   retainer_proposal_get_latest_revision (proposal)->digest);

  /* A copy is deep and equal; a change to the copy shows. */
  {
    g_autoptr (RetainerProposal) copy = retainer_proposal_copy (loaded);

    g_assert_true (retainer_proposal_equal (copy, loaded));
    copy->spend_estimate->requests = 50000;
    g_assert_false (retainer_proposal_equal (copy, loaded));
    g_assert_cmpint (loaded->spend_estimate->requests, ==, 40000);
    copy->spend_estimate->requests = 40000;
    g_assert_true (retainer_proposal_equal (copy, loaded));
    ((RetainerRevision *) g_ptr_array_index (copy->revisions, 0))->setup_fee++;
    g_assert_false (retainer_proposal_equal (copy, loaded));
  }

  /* Same figures after the trip. */
  {
    g_autoptr (RetainerResult) a = retainer_recommend (proposal);
    g_autoptr (RetainerResult) b = retainer_recommend (loaded);
    g_autoptr (cJSON) ja = retainer_result_to_json (a, proposal);
    g_autoptr (cJSON) jb = retainer_result_to_json (b, loaded);

    g_assert_true (cJSON_Compare (ja, jb, TRUE));
  }
}

/* docs/calculation.md, "Revisions" and "Options and the first year":
 * exported, then an option and a figure change, exported again:
 * revision 2, both listed; exported once more unchanged: still
 * revision 2. */
static void
test_revisions (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerRateCard) card = retainer_rate_card_load_builtin ("fine-tuning-agency",
                                                                       &error);
  g_autoptr (RetainerProposal) proposal = retainer_proposal_new (card);
  g_autoptr (RetainerResult) result = NULL;
  const RetainerRevision *first, *second;
  g_autofree char *label = NULL;
  guint revision = 0;

  proposal->monthly_api_spend = USD (5000);
  /* No number yet: nothing to issue a revision of. */
  result = retainer_recommend (proposal);
  g_assert_false (retainer_proposal_issue_revision (proposal, result, "2026-11-30", &revision,
                                                    &error));
  g_assert_error (error, RETAINER_PROPOSAL_ERROR, RETAINER_PROPOSAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (retainer_proposal_current_revision (proposal, result), ==, 0);

  proposal->number = g_strdup ("AC-0042");
  g_assert_false (retainer_proposal_issue_revision (proposal, result, "30.11.2026", &revision,
                                                    &error));
  g_assert_error (error, RETAINER_PROPOSAL_ERROR, RETAINER_PROPOSAL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (retainer_proposal_issue_revision (proposal, result, "2026-11-30", &revision,
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpuint (revision, ==, 1);
  g_assert_cmpstr (proposal->date, ==, "2026-11-30");
  g_assert_cmpuint (retainer_proposal_current_revision (proposal, result), ==, 1);

  /* Only a name changes: not a figure, the same revision. */
  g_free (proposal->company);
  proposal->company = g_strdup ("Acme Corrected Ltd");
  g_clear_pointer (&result, retainer_result_free);
  result = retainer_recommend (proposal);
  g_assert_true (retainer_proposal_issue_revision (proposal, result, "2026-12-01", &revision,
                                                   &error));
  g_assert_cmpuint (revision, ==, 1);
  g_assert_cmpuint (proposal->revisions->len, ==, 1);
  g_assert_cmpstr (proposal->date, ==, "2026-11-30");

  /* An option and a figure change. */
  proposal->option_annual_prepay = TRUE;
  proposal->monthly_api_spend = USD (6000);
  g_clear_pointer (&result, retainer_result_free);
  result = retainer_recommend (proposal);
  g_assert_cmpuint (retainer_proposal_current_revision (proposal, result), ==, 0);
  /* Not dated before the revision it follows. */
  g_assert_false (retainer_proposal_issue_revision (proposal, result, "2026-11-01", &revision,
                                                    &error));
  g_assert_error (error, RETAINER_PROPOSAL_ERROR, RETAINER_PROPOSAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (proposal->revisions->len, ==, 1);
  g_assert_true (retainer_proposal_issue_revision (proposal, result, "2026-12-02", &revision,
                                                   &error));
  g_assert_cmpuint (revision, ==, 2);
  g_assert_cmpuint (proposal->revisions->len, ==, 2);
  g_assert_cmpstr (proposal->date, ==, "2026-12-02");

  first = g_ptr_array_index (proposal->revisions, 0);
  second = g_ptr_array_index (proposal->revisions, 1);
  g_assert_cmpstr (first->number, ==, "AC-0042");
  g_assert_cmpstr (second->number, ==, "AC-0042");
  g_assert_cmpuint (first->revision, ==, 1);
  g_assert_cmpstr (first->date, ==, "2026-11-30");
  g_assert_cmpstr (second->date, ==, "2026-12-02");
  g_assert_cmpstr (first->tier_id, ==, "essentials");
  g_assert_cmpint (first->setup_fee, ==, USD (6000));
  g_assert_cmpint (first->monthly_retainer, ==, USD (2000));
  g_assert_cmpstr (first->currency, ==, "USD");
  g_assert_true (g_str_has_prefix (first->digest, "sha256:"));
  g_assert_cmpuint (strlen (first->digest), ==, 7 + 64);
  g_assert_cmpstr (first->digest, !=, second->digest);

  /* Unchanged: revision 2 again, nothing added. */
  g_assert_true (retainer_proposal_issue_revision (proposal, result, "2026-12-05", &revision,
                                                   &error));
  g_assert_cmpuint (revision, ==, 2);
  g_assert_cmpuint (proposal->revisions->len, ==, 2);
  g_assert_cmpstr (proposal->date, ==, "2026-12-02");

  /* The digest is stable: the same figures from a copy give the same one. */
  {
    g_autoptr (RetainerProposal) copy = retainer_proposal_copy (proposal);
    g_autoptr (RetainerResult) again = retainer_recommend (copy);
    g_autofree char *digest = retainer_result_digest (again, copy);

    g_assert_cmpstr (digest, ==, second->digest);
  }

  label = retainer_revision_format_label (proposal->number, revision);
  g_assert_cmpstr (label, ==, "AC-0042, revision 2");
}

/* The canonical figures docs/calculation.md documents, to the character:
 * a digest anyone can recompute. */
static void
test_canonical_figures (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerRateCard) card = retainer_rate_card_load_builtin ("fine-tuning-agency",
                                                                       &error);
  g_autoptr (RetainerProposal) proposal = retainer_proposal_new (card);
  g_autoptr (RetainerResult) result = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *expected_digest = NULL;
  g_autofree char *checksum = NULL;
  const char *documented = "{\"format\":\"retainer-figures\",\"version\":1,\"currency\":\"USD\","
                           "\"monthly_api_spend\":500000,\"api_growth_pct\":0.0000,"
                           "\"coverage_pct\":100.0000,\"go_live_months\":0,"
                           "\"horizon_months\":12,\"use_cases\":1,\"billing\":\"monthly\","
                           "\"tier\":\"essentials\",\"setup_fee\":600000,"
                           "\"monthly_retainer\":200000,\"annual_option_retainer\":180000,"
                           "\"covered_api_spend\":500000,\"monthly_saving\":300000,"
                           "\"break_even_month\":2,\"break_even_months\":2.0000,"
                           "\"net_saving_12\":3000000,\"net_saving_horizon\":3000000,"
                           "\"tiers\":[";

  proposal->monthly_api_spend = USD (5000);
  result = retainer_recommend (proposal);
  figures = retainer_result_canonical_figures (result, proposal);
  g_test_message ("%s", figures);
  g_assert_true (g_str_has_prefix (figures, documented));
  g_assert_null (strchr (figures, ' '));
  digest = retainer_result_digest (result, proposal);
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, figures, -1);
  expected_digest = g_strconcat ("sha256:", checksum, NULL);
  g_assert_cmpstr (digest, ==, expected_digest);
}

typedef struct
{
  const char *name;
  const char *members;  /* added to a minimal proposal */
  const char *field;    /* named in the message */
} BadProposalCase;

#define GOOD_REVISION(n, date) \
  "{\"number\": \"AC-1\", \"revision\": " #n ", \"date\": \"" date "\", \"tier\": \"essentials\", " \
  "\"setup_fee\": 6000, \"monthly_retainer\": 2000, \"currency\": \"USD\", " \
  "\"digest\": \"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\"}"

static const BadProposalCase bad_proposals[] = {
  { "range-as-text", "\"show_cautious_range\": \"yes\"", "show_cautious_range" },
  { "options-not-object", "\"options\": 2", "options" },
  { "options-negative", "\"options\": {\"extra_use_cases\": -1}", "options.extra_use_cases" },
  { "options-too-many", "\"use_cases\": 10, \"options\": {\"extra_use_cases\": 41}",
    "options.extra_use_cases" },
  { "options-prepay-text", "\"options\": {\"annual_prepay\": 1}", "options.annual_prepay" },
  { "estimate-not-object", "\"spend_estimate\": 7200", "spend_estimate" },
  { "estimate-no-model", "\"spend_estimate\": {\"requests_per_day\": 1, \"input_tokens\": 1, "
    "\"output_tokens\": 1}", "spend_estimate." },
  { "revisions-not-array", "\"number\": \"AC-1\", \"revisions\": {}", "revisions" },
  { "revision-other-number", "\"number\": \"AC-2\", \"revisions\": [" GOOD_REVISION (1, "2026-11-30") "]",
    "revisions[0].number" },
  { "revision-without-number", "\"revisions\": [" GOOD_REVISION (1, "2026-11-30") "]",
    "revisions[0].number" },
  { "revision-skipped", "\"number\": \"AC-1\", \"revisions\": [" GOOD_REVISION (1, "2026-11-30") ", "
    GOOD_REVISION (3, "2026-12-01") "]", "revisions[1].revision" },
  { "revision-back-in-time", "\"number\": \"AC-1\", \"revisions\": [" GOOD_REVISION (1, "2026-11-30") ", "
    GOOD_REVISION (2, "2026-10-01") "]", "revisions[1].date" },
  { "revision-bad-date", "\"number\": \"AC-1\", \"revisions\": [" GOOD_REVISION (1, "2026-13-30") "]",
    "revisions[0].date" },
  { "revision-no-digest", "\"number\": \"AC-1\", \"revisions\": [{\"number\": \"AC-1\", "
    "\"revision\": 1, \"date\": \"2026-11-30\", \"tier\": \"essentials\", \"setup_fee\": 6000, "
    "\"monthly_retainer\": 2000, \"currency\": \"USD\"}]", "revisions[0].digest" },
  { "revision-short-digest", "\"number\": \"AC-1\", \"revisions\": [{\"number\": \"AC-1\", "
    "\"revision\": 1, \"date\": \"2026-11-30\", \"tier\": \"essentials\", \"setup_fee\": 6000, "
    "\"monthly_retainer\": 2000, \"currency\": \"USD\", \"digest\": \"sha256:abc\"}]",
    "revisions[0].digest" },
  { "revision-negative-fee", "\"number\": \"AC-1\", \"revisions\": [{\"number\": \"AC-1\", "
    "\"revision\": 1, \"date\": \"2026-11-30\", \"tier\": \"essentials\", \"setup_fee\": -1, "
    "\"monthly_retainer\": 2000, \"currency\": \"USD\", \"digest\": \"sha256:abc\"}]",
    "revisions[0].setup_fee" },
};

static void
test_bad_proposal (gconstpointer data)
{
  const BadProposalCase *c = data;
  g_autofree char *text = g_strdup_printf ("{\"format\": \"retainer-proposal\", \"version\": 1, "
                                           "\"monthly_api_spend\": 5000, "
                                           "\"complexity\": \"simple\", %s}", c->members);
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerProposal) proposal = load_text (text, &error);
  g_autofree char *quoted = g_strdup_printf ("“%s", c->field);

  g_assert_null (proposal);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "test.retainer"));
  g_assert_nonnull (strstr (error->message, quoted));
}

/* The two good revisions the bad cases bend load as they are. */
static void
test_good_revisions (void)
{
  const char *text = "{\"format\": \"retainer-proposal\", \"version\": 1, "
                     "\"monthly_api_spend\": 5000, \"complexity\": \"simple\", "
                     "\"number\": \"AC-1\", \"revisions\": [" GOOD_REVISION (1, "2026-11-30")
                     ", " GOOD_REVISION (2, "2026-11-30") "]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerProposal) proposal = load_text (text, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (proposal->revisions->len, ==, 2);
  g_assert_cmpuint (retainer_proposal_get_latest_revision (proposal)->revision, ==, 2);
}

/* A proposal sent months ago still shows the same figures after the card changes. */
static void
test_rate_card_snapshot (void)
{
  g_autoptr (RetainerProposal) proposal = full_proposal ();
  g_autoptr (RetainerProposal) loaded = NULL;
  g_autofree char *path = data_path ("snapshot.retainer");
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerResult) before = NULL;
  g_autoptr (RetainerResult) after = NULL;

  proposal->rate_card->tiers[2].price = USD (12345);
  retainer_proposal_save (proposal, path, &error);
  g_assert_no_error (error);
  loaded = retainer_proposal_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->rate_card->tiers[2].price, ==, USD (12345));
  before = retainer_recommend (proposal);
  after = retainer_recommend (loaded);
  g_assert_cmpint (before->monthly_retainer, ==, after->monthly_retainer);
}

static void
test_refuses_newer_version (void)
{
  const char *text = "{\"format\": \"retainer-proposal\", \"version\": 2, "
                     "\"monthly_api_spend\": 5000, \"complexity\": \"simple\"}";
  g_autofree char *path = data_path ("newer.retainer");
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerProposal) proposal = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  proposal = retainer_proposal_load (path, &error);
  g_assert_null (proposal);
  g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version of Retainer"));
  g_assert_nonnull (strstr (error->message, "newer.retainer"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);
}

static void
test_refuses_other_format (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerProposal) proposal = load_text ("{\"format\": \"retainer-rate-card\", "
                                                     "\"version\": 1}", &error);

  g_assert_null (proposal);
  g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "“format”"));
}

/* Saving over a file when the disk fills up: the file size limit makes the
 * write fail part-way, as a full disk would. */
static void
test_atomic_save_subprocess (void)
{
  g_autoptr (RetainerProposal) proposal = full_proposal ();
  const char *path = g_getenv ("RETAINER_TEST_TARGET");
  struct rlimit limit = { 512, 512 };
  g_autoptr (GError) error = NULL;

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (retainer_proposal_save (proposal, path, &error));
  g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "left unchanged"));
  g_printerr ("%s\n", error->message);
}

static void
test_atomic_save (void)
{
  g_autofree char *path = data_path ("precious.retainer");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;
  gsize n_files = 0;

  {
    g_autoptr (RetainerProposal) old = full_proposal ();
    g_autoptr (GError) error = NULL;

    g_free (old->company);
    old->company = g_strdup ("The old version");
    retainer_proposal_save (old, path, &error);
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_cmpuint (strlen (before), >, 512);

  g_setenv ("RETAINER_TEST_TARGET", path, TRUE);
  g_test_trap_subprocess ("/core/proposal/atomic-save/subprocess", 0,
                          G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Could not save*precious.retainer*");

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  /* No temporary file left next to it. */
  dir = g_dir_open (g_get_user_data_dir (), 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

/* A proposal the window could hold but no one could open again (more use
 * cases with the option than a proposal may have) is refused before
 * anything is written, with the field named, and the file stays as it was. */
static void
test_save_refuses_invalid (void)
{
  g_autofree char *path = data_path ("extra-use-cases.retainer");
  g_autoptr (RetainerProposal) proposal = full_proposal ();
  g_autoptr (RetainerProposal) reopened = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  proposal->use_cases = 4;
  g_assert_cmpuint (retainer_proposal_max_extra_use_cases (proposal), ==, 46);
  proposal->option_extra_use_cases = 46;
  g_assert_cmpuint (retainer_proposal_max_use_cases (proposal), ==, 4);
  g_assert_true (retainer_proposal_save (proposal, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  proposal->use_cases = 5;
  g_assert_false (retainer_proposal_save (proposal, path, &error));
  g_assert_error (error, RETAINER_PROPOSAL_ERROR, RETAINER_PROPOSAL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "extra-use-cases.retainer"));
  g_assert_nonnull (strstr (error->message, "options.extra_use_cases"));
  g_assert_nonnull (strstr (error->message, "unchanged"));
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  reopened = retainer_proposal_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reopened->use_cases, ==, 4);
  g_assert_cmpuint (reopened->option_extra_use_cases, ==, 46);

  proposal->use_cases = RETAINER_USE_CASES_MAX;
  proposal->option_extra_use_cases = 0;
  g_assert_cmpuint (retainer_proposal_max_extra_use_cases (proposal), ==, 0);
  g_assert_cmpuint (retainer_proposal_max_use_cases (proposal), ==, RETAINER_USE_CASES_MAX);
}

/* A client's file opened as a proposal and saved back would lose the
 * client's months: refused, the file untouched; saving elsewhere works. */
static void
test_save_keeps_client_file (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data",
                                                    "client-worked-example.retainer", NULL);
  g_autofree char *path = data_path ("client-copy.retainer");
  g_autofree char *other = data_path ("from-client.retainer");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (RetainerProposal) proposal = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (fixture, &before, NULL, NULL));
  g_assert_nonnull (strstr (before, "\"client\""));
  g_assert_true (g_file_set_contents (path, before, -1, NULL));
  proposal = retainer_proposal_load (path, &error);
  g_assert_no_error (error);

  proposal->monthly_api_spend += 100;
  g_assert_false (retainer_proposal_save (proposal, path, &error));
  g_assert_error (error, RETAINER_PROPOSAL_ERROR, RETAINER_PROPOSAL_ERROR_CLIENT_FILE);
  g_assert_nonnull (strstr (error->message, "client-copy.retainer"));
  g_assert_nonnull (strstr (error->message, "unchanged"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  g_assert_true (retainer_proposal_save (proposal, other, &error));
  g_assert_no_error (error);
}

static void
test_sample (void)
{
  g_autoptr (RetainerProposal) sample = retainer_proposal_new_sample ();
  g_autoptr (RetainerResult) result = retainer_recommend (sample);

  g_assert_cmpstr (sample->company, !=, "");
  g_assert_cmpstr (sample->rate_card->tiers[result->recommended_tier].id, ==, "growth");
}

static void
test_set_rate_card (void)
{
  g_autoptr (RetainerProposal) proposal = full_proposal ();
  g_autoptr (RetainerRateCard) services = retainer_rate_card_load_builtin ("ai-services", NULL);
  g_autoptr (RetainerRateCard) agency = retainer_rate_card_load_builtin ("fine-tuning-agency",
                                                                         NULL);

  retainer_proposal_set_rate_card (proposal, services);
  g_assert_null (proposal->tier_id);
  g_assert_cmpstr (proposal->rate_card->id, ==, "ai-services");
  proposal->tier_id = g_strdup ("growth");
  retainer_proposal_set_rate_card (proposal, agency);
  g_assert_cmpstr (proposal->tier_id, ==, "growth");
}

/* The test an export makes before it writes: one file however it is
 * named, two files never. */
static void
test_file_is_same (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "same", NULL);
  g_autofree char *dir_name = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *a_again = NULL;
  g_autofree char *link = NULL;
  g_autofree char *missing = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  dir_name = g_path_get_basename (dir);
  a = g_build_filename (dir, "a.retainer", NULL);
  b = g_build_filename (dir, "b.retainer", NULL);
  a_again = g_build_filename (dir, "..", dir_name, ".", "a.retainer", NULL);
  link = g_build_filename (dir, "link.retainer", NULL);
  missing = g_build_filename (dir, "missing.retainer", NULL);
  g_assert_true (g_file_set_contents (a, "{}", -1, NULL));
  g_assert_true (g_file_set_contents (b, "{}", -1, NULL));
  g_assert_cmpint (symlink (a, link), ==, 0);

  g_assert_true (retainer_file_is_same (a, a));
  g_assert_true (retainer_file_is_same (a_again, a));
  g_assert_true (retainer_file_is_same (link, a));
  g_assert_false (retainer_file_is_same (a, b));
  g_assert_false (retainer_file_is_same (missing, a));
  g_assert_true (retainer_file_is_same (missing, missing));
  g_assert_false (retainer_file_is_same (NULL, a));
  g_assert_false (retainer_file_is_same (a, NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/proposal/minimal-defaults", test_minimal_defaults);
  g_test_add_func ("/core/proposal/round-trip", test_round_trip);
  g_test_add_func ("/core/proposal/rate-card-snapshot", test_rate_card_snapshot);
  g_test_add_func ("/core/proposal/refuses-newer-version", test_refuses_newer_version);
  g_test_add_func ("/core/proposal/refuses-other-format", test_refuses_other_format);
  g_test_add_func ("/core/proposal/atomic-save", test_atomic_save);
  g_test_add_func ("/core/proposal/file-is-same", test_file_is_same);
  g_test_add_func ("/core/proposal/atomic-save/subprocess", test_atomic_save_subprocess);
  g_test_add_func ("/core/proposal/save-refuses-invalid", test_save_refuses_invalid);
  g_test_add_func ("/core/proposal/save-keeps-client-file", test_save_keeps_client_file);
  g_test_add_func ("/core/proposal/sample", test_sample);
  g_test_add_func ("/core/proposal/set-rate-card", test_set_rate_card);
  g_test_add_func ("/core/proposal/revisions", test_revisions);
  g_test_add_func ("/core/proposal/revisions/good", test_good_revisions);
  g_test_add_func ("/core/proposal/revisions/canonical", test_canonical_figures);
  for (guint i = 0; i < G_N_ELEMENTS (bad_proposals); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/proposal/bad/%s", bad_proposals[i].name);
      g_test_add_data_func (path, &bad_proposals[i], test_bad_proposal);
    }

  return g_test_run ();
}
