/* test-history.c: undo and redo steps, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "retainer-history.h"
#include "ui-test-util.h"

/* Stand-ins for the widgets the window passes as keys. */
static const char spend_field[] = "spend";
static const char company_field[] = "company";

static void
test_undo_redo (void)
{
  g_autoptr (RetainerProposal) proposal = retainer_test_new_default_proposal ();
  g_autoptr (RetainerHistory) history = retainer_history_new (proposal, 100);
  g_autoptr (RetainerProposal) original = retainer_proposal_copy (proposal);
  g_autoptr (RetainerProposal) after_spend = NULL;
  const RetainerProposal *state;

  g_assert_false (retainer_history_can_undo (history));
  g_assert_false (retainer_history_can_redo (history));
  g_assert_null (retainer_history_undo (history));
  g_assert_null (retainer_history_redo (history));

  proposal->monthly_api_spend = 1200000;
  g_assert_true (retainer_history_record (history, proposal, spend_field, 0));
  after_spend = retainer_proposal_copy (proposal);
  proposal->tier_id = g_strdup ("enterprise");
  g_assert_true (retainer_history_record (history, proposal, NULL, 10));
  g_assert_cmpuint (retainer_history_get_n_undo (history), ==, 2);

  state = retainer_history_undo (history);
  g_assert_true (retainer_proposal_equal (state, after_spend));
  g_assert_null (state->tier_id);
  state = retainer_history_undo (history);
  g_assert_true (retainer_proposal_equal (state, original));
  g_assert_false (retainer_history_can_undo (history));
  g_assert_cmpuint (retainer_history_get_n_redo (history), ==, 2);

  state = retainer_history_redo (history);
  g_assert_true (retainer_proposal_equal (state, after_spend));
  state = retainer_history_redo (history);
  g_assert_cmpstr (state->tier_id, ==, "enterprise");
  g_assert_cmpint (state->monthly_api_spend, ==, 1200000);
  g_assert_false (retainer_history_can_redo (history));
}

static void
test_new_edit_drops_redo (void)
{
  g_autoptr (RetainerProposal) proposal = retainer_test_new_default_proposal ();
  g_autoptr (RetainerHistory) history = retainer_history_new (proposal, 100);
  g_autoptr (RetainerProposal) edited = NULL;

  proposal->monthly_api_spend = 1200000;
  retainer_history_record (history, proposal, spend_field, 0);
  edited = retainer_proposal_copy (retainer_history_undo (history));
  g_assert_true (retainer_history_can_redo (history));

  edited->use_cases = 3;
  g_assert_true (retainer_history_record (history, edited, NULL, 10));
  g_assert_false (retainer_history_can_redo (history));
  g_assert_null (retainer_history_redo (history));
  g_assert_cmpuint (retainer_history_get_n_undo (history), ==, 1);
}

/* Which edits make one step: the same field, soon enough, unsealed. */
static void
test_coalescing (void)
{
  static const struct
  {
    const char   *name;
    gconstpointer second_key;
    gint64        second_time;
    gboolean      seal;
    guint         steps;
  } cases[] = {
    { "same field, soon", spend_field, G_USEC_PER_SEC / 2, FALSE, 1 },
    { "same field, just in time", spend_field, RETAINER_HISTORY_COALESCE_USEC, FALSE, 1 },
    { "same field, too late", spend_field, RETAINER_HISTORY_COALESCE_USEC + 1, FALSE, 2 },
    { "other field", company_field, 1, FALSE, 2 },
    { "a choice", NULL, 1, FALSE, 2 },
    { "focus moved between", spend_field, 1, TRUE, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (RetainerProposal) proposal = retainer_test_new_default_proposal ();
      g_autoptr (RetainerProposal) original = retainer_proposal_copy (proposal);
      g_autoptr (RetainerHistory) history = retainer_history_new (proposal, 100);
      const RetainerProposal *state = NULL;

      g_test_message ("%s", cases[i].name);
      proposal->monthly_api_spend = 100;
      retainer_history_record (history, proposal, spend_field, 0);
      if (cases[i].seal)
        retainer_history_seal (history);
      proposal->monthly_api_spend = 1200;
      retainer_history_record (history, proposal, cases[i].second_key, cases[i].second_time);
      g_assert_cmpuint (retainer_history_get_n_undo (history), ==, cases[i].steps);

      /* However many steps, undoing them all gets back the original. */
      for (guint step = 0; step < cases[i].steps; step++)
        state = retainer_history_undo (history);
      g_assert_true (retainer_proposal_equal (state, original));
      g_assert_false (retainer_history_can_undo (history));
      g_assert_true (retainer_history_can_redo (history));
    }
}

/* Five keystrokes, 200 ms apart, each measured from the one before. */
static void
test_typing_is_one_step (void)
{
  g_autoptr (RetainerProposal) proposal = retainer_test_new_default_proposal ();
  g_autoptr (RetainerProposal) original = retainer_proposal_copy (proposal);
  g_autoptr (RetainerHistory) history = retainer_history_new (proposal, 100);
  static const gint64 typed[] = { 1, 12, 120, 1200, 12000 };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      proposal->monthly_api_spend = typed[i] * 100;
      g_assert_true (retainer_history_record (history, proposal, spend_field,
                                              (gint64) i * G_USEC_PER_SEC / 5));
    }
  g_assert_cmpuint (retainer_history_get_n_undo (history), ==, 1);
  g_assert_true (retainer_proposal_equal (retainer_history_undo (history), original));

  /* After an undo, the same field starts a new step. */
  proposal->monthly_api_spend = 500;
  retainer_history_record (history, proposal, spend_field, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (retainer_history_get_n_undo (history), ==, 1);
  g_assert_true (retainer_proposal_equal (retainer_history_undo (history), original));
}

static void
test_no_change_no_step (void)
{
  g_autoptr (RetainerProposal) proposal = retainer_test_new_default_proposal ();
  g_autoptr (RetainerHistory) history = retainer_history_new (proposal, 100);

  g_assert_false (retainer_history_record (history, proposal, NULL, 0));
  g_assert_false (retainer_history_can_undo (history));

  /* Amended, a change is the present without being a step. */
  g_free (proposal->number);
  proposal->number = g_strdup ("2025-007");
  retainer_history_amend (history, proposal);
  g_assert_false (retainer_history_record (history, proposal, NULL, 0));
  g_assert_false (retainer_history_can_undo (history));
}

static void
test_limit (void)
{
  g_autoptr (RetainerProposal) proposal = retainer_test_new_default_proposal ();
  g_autoptr (RetainerHistory) history = retainer_history_new (proposal, 3);
  const RetainerProposal *state = NULL;

  for (guint i = 1; i <= 5; i++)
    {
      proposal->use_cases = i;
      retainer_history_record (history, proposal, NULL, i);
    }
  g_assert_cmpuint (retainer_history_get_n_undo (history), ==, 3);

  /* The oldest steps are the ones forgotten. */
  while (retainer_history_can_undo (history))
    state = retainer_history_undo (history);
  g_assert_nonnull (state);
  g_assert_cmpuint (state->use_cases, ==, 2);
}

static void
test_reset (void)
{
  g_autoptr (RetainerProposal) proposal = retainer_test_new_default_proposal ();
  g_autoptr (RetainerHistory) history = retainer_history_new (proposal, 100);
  g_autoptr (RetainerProposal) opened = retainer_test_new_default_proposal ();

  proposal->use_cases = 4;
  retainer_history_record (history, proposal, NULL, 0);
  proposal->use_cases = 5;
  retainer_history_record (history, proposal, NULL, 1);
  retainer_history_undo (history);

  opened->monthly_api_spend = 700000;
  retainer_history_reset (history, opened);
  g_assert_false (retainer_history_can_undo (history));
  g_assert_false (retainer_history_can_redo (history));
  /* The present is the opened proposal: an edit to it is one step back to it. */
  opened->use_cases = 9;
  retainer_history_record (history, opened, NULL, 2);
  g_assert_cmpint (retainer_history_undo (history)->monthly_api_spend, ==, 700000);
}

int
main (int   argc,
      char *argv[])
{
  retainer_test_keep_mime_database ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ui/history/undo-redo", test_undo_redo);
  g_test_add_func ("/ui/history/new-edit-drops-redo", test_new_edit_drops_redo);
  g_test_add_func ("/ui/history/coalescing", test_coalescing);
  g_test_add_func ("/ui/history/typing-is-one-step", test_typing_is_one_step);
  g_test_add_func ("/ui/history/no-change-no-step", test_no_change_no_step);
  g_test_add_func ("/ui/history/limit", test_limit);
  g_test_add_func ("/ui/history/reset", test_reset);

  return g_test_run ();
}
