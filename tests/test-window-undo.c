/* test-window-undo.c: undo and redo of the founder's edits in the window
 *
 * Split from test-window.c to keep each program well inside its timeout
 * under AddressSanitizer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "retainer-application.h"
#include "retainer-money.h"
#include "retainer-tier-card.h"
#include "retainer-window.h"
#include "ui-test-util.h"

static RetainerApplication *application;

/* ------------------------------------------------------------------ */
/* Undo and redo                                                       */

static gboolean
action_enabled (RetainerWindow *window,
                const char     *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), name);
}

static void
activate (RetainerWindow *window,
          const char     *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  retainer_test_settle ();
}

/* What the founder reads off the window for one state of the proposal. */
typedef struct
{
  char *tier;
  char *price;
  char *saving;
  char *spend;
  char *title;
} Figures;

static void
figures_read (RetainerWindow *window,
              Figures        *figures)
{
  figures->tier = g_strdup (retainer_test_label_text (window, "tier_name_label"));
  figures->price = g_strdup (retainer_test_label_text (window, "tier_price_label"));
  figures->saving = g_strdup (retainer_test_label_text (window, "saving_value"));
  figures->spend = g_strdup (gtk_editable_get_text (retainer_test_window_child (window, "monthly_spend_row")));
  figures->title = g_strdup (adw_window_title_get_title (retainer_test_window_child (window, "window_title")));
}

static void
figures_clear (Figures *figures)
{
  g_free (figures->tier);
  g_free (figures->price);
  g_free (figures->saving);
  g_free (figures->spend);
  g_free (figures->title);
}

static void
assert_figures (RetainerWindow *window,
                const Figures  *expected)
{
  Figures shown;

  figures_read (window, &shown);
  g_assert_cmpstr (shown.tier, ==, expected->tier);
  g_assert_cmpstr (shown.price, ==, expected->price);
  g_assert_cmpstr (shown.saving, ==, expected->saving);
  g_assert_cmpstr (shown.spend, ==, expected->spend);
  g_assert_cmpstr (shown.title, ==, expected->title);
  figures_clear (&shown);
}

static gboolean
has_accel (GStrv       accels,
           const char *wanted)
{
  guint wanted_key, key;
  GdkModifierType wanted_mods, mods;

  g_assert_true (gtk_accelerator_parse (wanted, &wanted_key, &wanted_mods));
  for (guint i = 0; accels != NULL && accels[i] != NULL; i++)
    if (gtk_accelerator_parse (accels[i], &key, &mods) && key == wanted_key && mods == wanted_mods)
      return TRUE;
  return FALSE;
}

static void
test_undo_redo (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);
  g_autoptr (RetainerProposal) original = retainer_test_new_default_proposal ();
  g_autoptr (RetainerProposal) chosen = NULL;
  g_auto (GStrv) undo_accels = NULL;
  g_auto (GStrv) redo_accels = NULL;
  Figures before, after_spend, after_tier;

  undo_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "win.undo");
  redo_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "win.redo");
  g_assert_true (has_accel (undo_accels, "<Control>z"));
  g_assert_true (has_accel (redo_accels, "<Control><Shift>z"));
  g_assert_true (has_accel (redo_accels, "<Control>y"));

  retainer_window_load_proposal (window, retainer_test_new_default_proposal (), NULL);
  g_assert_false (action_enabled (window, "undo"));
  g_assert_false (action_enabled (window, "redo"));
  figures_read (window, &before);

  adw_spin_row_set_value (retainer_test_window_child (window, "monthly_spend_row"), 12000);
  retainer_test_settle ();
  figures_read (window, &after_spend);
  g_assert_cmpstr (after_spend.tier, ==, "Growth");
  g_assert_cmpstr (after_spend.price, !=, before.price);
  retainer_test_select_tier_card (window, 2);
  figures_read (window, &after_tier);
  g_assert_cmpstr (after_tier.tier, ==, "Enterprise");
  chosen = retainer_proposal_copy (retainer_window_get_proposal (window));
  g_assert_true (retainer_window_get_modified (window));
  g_assert_true (action_enabled (window, "undo"));
  g_assert_false (action_enabled (window, "redo"));

  /* The tier choice is a step of its own. */
  activate (window, "win.undo");
  assert_figures (window, &after_spend);
  g_assert_null (retainer_window_get_proposal (window)->tier_id);
  g_assert_false (gtk_widget_get_visible (retainer_test_window_child (window, "override_box")));
  g_assert_true (action_enabled (window, "redo"));

  /* Back where the file was: the original figures and no unsaved mark. */
  activate (window, "win.undo");
  assert_figures (window, &before);
  g_assert_true (retainer_proposal_equal (retainer_window_get_proposal (window), original));
  g_assert_false (retainer_window_get_modified (window));
  g_assert_cmpstr (before.title, ==, "New Proposal");
  g_assert_false (action_enabled (window, "undo"));
  g_assert_true (action_enabled (window, "redo"));

  activate (window, "win.redo");
  assert_figures (window, &after_spend);
  g_assert_true (retainer_window_get_modified (window));
  activate (window, "win.redo");
  assert_figures (window, &after_tier);
  g_assert_true (retainer_proposal_equal (retainer_window_get_proposal (window), chosen));
  g_assert_false (action_enabled (window, "redo"));

  /* Opening another proposal starts a history of its own. */
  retainer_window_load_proposal (window, retainer_test_new_default_proposal (), NULL);
  g_assert_false (action_enabled (window, "undo"));
  g_assert_false (action_enabled (window, "redo"));

  figures_clear (&before);
  figures_clear (&after_spend);
  figures_clear (&after_tier);
  retainer_test_destroy_window (window);
}

static void
test_undo_then_edit_drops_redo (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);
  g_autofree char *path = retainer_test_data_path ("undo.retainer");
  g_autoptr (GError) error = NULL;

  retainer_window_load_proposal (window, retainer_test_new_default_proposal (), NULL);
  gtk_editable_set_text (GTK_EDITABLE (retainer_test_window_child (window, "company_row")), "Acme Robotics");
  retainer_test_settle ();
  g_assert_true (retainer_window_save_to (window, path, &error));
  g_assert_no_error (error);

  adw_combo_row_set_selected (retainer_test_window_child (window, "complexity_row"), RETAINER_COMPLEXITY_MODERATE);
  retainer_test_settle ();
  g_assert_true (retainer_window_get_modified (window));

  /* Undone to the saved state: nothing left unsaved. */
  activate (window, "win.undo");
  g_assert_false (retainer_window_get_modified (window));
  g_assert_cmpstr (adw_window_title_get_title (retainer_test_window_child (window, "window_title")), ==,
                   "Acme Robotics");
  g_assert_true (action_enabled (window, "redo"));

  adw_combo_row_set_selected (retainer_test_window_child (window, "support_row"), 1);
  retainer_test_settle ();
  g_assert_false (action_enabled (window, "redo"));
  g_assert_true (retainer_window_get_modified (window));
  activate (window, "win.redo");
  g_assert_cmpuint (retainer_window_get_proposal (window)->support, ==, 1);
  g_assert_cmpuint (retainer_window_get_proposal (window)->complexity, !=,
                    RETAINER_COMPLEXITY_MODERATE);

  /* Undoing past the save reaches the company typed before it, then the new proposal. */
  activate (window, "win.undo");
  g_assert_false (retainer_window_get_modified (window));
  activate (window, "win.undo");
  g_assert_cmpstr (gtk_editable_get_text (retainer_test_window_child (window, "company_row")), ==, "");
  g_assert_true (retainer_window_get_modified (window));

  retainer_test_destroy_window (window);
}

/* Five digits typed one by one into the spend field make one step. */
static void
test_typing_is_one_step (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);
  GtkEditable *spend = retainer_test_window_child (window, "monthly_spend_row");
  g_autofree char *original_text = NULL;
  g_autofree char *original_price = NULL;
  int position;

  retainer_window_load_proposal (window, retainer_test_new_default_proposal (), NULL);
  gtk_widget_grab_focus (GTK_WIDGET (spend));
  original_text = g_strdup (gtk_editable_get_text (spend));
  original_price = g_strdup (retainer_test_label_text (window, "tier_price_label"));

  /* Keystrokes as a fast typist makes them: each change is read into the
   * proposal as it comes (synchronously); no frame is drawn in between,
   * which under ASan alone can take longer than the coalescing second. */
  gtk_editable_set_text (spend, "");
  for (const char *digit = "12000"; *digit != '\0'; digit++)
    {
      position = -1;
      gtk_editable_insert_text (spend, digit, 1, &position);
    }
  retainer_test_settle ();
  g_assert_cmpint (retainer_window_get_proposal (window)->monthly_api_spend, ==,
                   retainer_money_from_major (12000));
  g_assert_cmpstr (retainer_test_label_text (window, "tier_name_label"), ==, "Growth");

  activate (window, "win.undo");
  g_assert_cmpstr (gtk_editable_get_text (spend), ==, original_text);
  g_assert_cmpstr (retainer_test_label_text (window, "tier_price_label"), ==, original_price);
  g_assert_false (retainer_window_get_modified (window));
  g_assert_false (action_enabled (window, "undo"));

  activate (window, "win.redo");
  g_assert_cmpint (retainer_window_get_proposal (window)->monthly_api_spend, ==,
                   retainer_money_from_major (12000));
  g_assert_false (action_enabled (window, "redo"));

  retainer_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  application = retainer_test_init_window_tests (&argc, &argv);

  g_test_add_func ("/ui/window/undo-redo", test_undo_redo);
  g_test_add_func ("/ui/window/undo-then-edit-drops-redo", test_undo_then_edit_drops_redo);
  g_test_add_func ("/ui/window/typing-is-one-step", test_typing_is_one_step);

  return retainer_test_run (application);
}
