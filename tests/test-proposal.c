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

#include "retainer-money.h"
#include "retainer-recommend.h"

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

  /* Same figures after the trip. */
  {
    g_autoptr (RetainerResult) a = retainer_recommend (proposal);
    g_autoptr (RetainerResult) b = retainer_recommend (loaded);
    g_autoptr (cJSON) ja = retainer_result_to_json (a, proposal);
    g_autoptr (cJSON) jb = retainer_result_to_json (b, loaded);

    g_assert_true (cJSON_Compare (ja, jb, TRUE));
  }
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
  g_test_add_func ("/core/proposal/atomic-save/subprocess", test_atomic_save_subprocess);
  g_test_add_func ("/core/proposal/sample", test_sample);
  g_test_add_func ("/core/proposal/set-rate-card", test_set_rate_card);

  return g_test_run ();
}
