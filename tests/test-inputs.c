/* test-inputs.c: the window's inputs keep every figure exact, refuse what
 * they cannot read, and are safe to type into at speed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <cjson/cJSON.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "retainer-application.h"
#include "retainer-money.h"
#include "retainer-window.h"
#include "ui-test-util.h"

static RetainerApplication *application;

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static RetainerWindow *
create_window (void)
{
  return retainer_test_new_window (application, 1400, 1000);
}

static char *
write_proposal (const char *name,
                const char *json)
{
  char *path = retainer_test_data_path (name);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
  return path;
}

static cJSON *
read_json (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  cJSON *root;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  root = cJSON_Parse (text);
  g_assert_nonnull (root);
  return root;
}

static gboolean
strv_has (const char * const *names,
          const char         *name)
{
  return names != NULL && g_strv_contains (names, name);
}

/* Every value of @before is in @after as the same JSON text, at any
 * depth, but those named in @changed; and @after has no value @before
 * lacks. */
static void
compare_values (const cJSON        *before,
                const cJSON        *after,
                const char * const *changed,
                const char         *where)
{
  const cJSON *item;

  cJSON_ArrayForEach (item, before)
    {
      const cJSON *other = cJSON_GetObjectItemCaseSensitive (after, item->string);
      g_autofree char *path = g_strdup_printf ("%s/%s", where, item->string);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (strv_has (changed, item->string))
        continue;
      if (other == NULL)
        g_error ("%s is gone", path);
      if (cJSON_IsObject (item) && cJSON_IsObject (other))
        {
          compare_values (item, other, changed, path);
          continue;
        }
      a = cJSON_PrintUnformatted (item);
      b = cJSON_PrintUnformatted (other);
      if (g_strcmp0 (a, b) != 0)
        g_error ("%s changed from %s to %s", path, a, b);
    }
  cJSON_ArrayForEach (item, after)
    if (!strv_has (changed, item->string)
        && cJSON_GetObjectItemCaseSensitive (before, item->string) == NULL)
      g_error ("%s/%s is new", where, item->string);
}

static void
assert_same_values (const char         *before_path,
                    const char         *after_path,
                    const char * const *changed)
{
  cJSON *before = read_json (before_path);
  cJSON *after = read_json (after_path);

  compare_values (before, after, changed, "");
  cJSON_Delete (before);
  cJSON_Delete (after);
}

static const char *
field_text (RetainerWindow *window,
            const char     *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (retainer_test_window_child (window, name)));
}

static void
set_field_text (RetainerWindow *window,
                const char     *name,
                const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (retainer_test_window_child (window, name)), text);
  retainer_test_settle ();
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child
                                                                  : find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A label under @widget whose text starts with @prefix. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget)
      && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The number field's spin button, where typed text goes. */
static GtkWidget *
spin_button_of (RetainerWindow *window,
                const char     *name)
{
  GtkWidget *spin = find_descendant (retainer_test_window_child (window, name),
                                     GTK_TYPE_SPIN_BUTTON);

  g_assert_nonnull (spin);
  return spin;
}

static void
assert_marked (RetainerWindow *window,
               const char     *name)
{
  GtkWidget *row = retainer_test_window_child (window, name);
  GtkWidget *spin = spin_button_of (window, name);

  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_test_accessible_assert_state (spin, GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (spin),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

static void
assert_not_marked (RetainerWindow *window,
                   const char     *name)
{
  GtkWidget *row = retainer_test_window_child (window, name);
  GtkWidget *spin = spin_button_of (window, name);

  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (spin),
                                                 GTK_ACCESSIBLE_STATE_INVALID));
}

/* Cents, fractional rates and an amount above 10^9, in either field. */
static const char *const exact_proposals[] = {
  "{ \"format\": \"retainer-proposal\", \"version\": 1, \"prospect\": { \"company\": \"Acme\" },"
  " \"monthly_api_spend\": 12000.5, \"api_growth_pct\": 2.25, \"coverage_pct\": 87.5,"
  " \"complexity\": \"moderate\", \"setup_fee\": 2500000000.75, \"tier\": \"essentials\" }",
  "{ \"format\": \"retainer-proposal\", \"version\": 1, \"prospect\": { \"company\": \"Acme\" },"
  " \"monthly_api_spend\": 2500000000.75, \"api_growth_pct\": -0.05, \"coverage_pct\": 0.5,"
  " \"complexity\": \"simple\", \"setup_fee\": 12000.5, \"tier\": \"growth\" }",
};

typedef enum
{
  STEP_SAVE,
  STEP_EXPORT,
  STEP_USE_RECOMMENDATION,
  STEP_RESET_FEE,
} Step;

/* Opens each proposal, changes the company name, runs @step, saves, and
 * compares the saved file with the proposal as the core writes it. */
static void
check_round_trip (Step                step,
                  const char * const *changed)
{
  RetainerWindow *window = create_window ();

  for (guint i = 0; i < G_N_ELEMENTS (exact_proposals); i++)
    {
      g_autofree char *source = write_proposal ("exact-source.retainer", exact_proposals[i]);
      g_autofree char *baseline = retainer_test_data_path ("exact-baseline.retainer");
      g_autofree char *saved = retainer_test_data_path ("exact-saved.retainer");
      g_autoptr (RetainerProposal) proposal = NULL;
      g_autoptr (GError) error = NULL;

      proposal = retainer_proposal_load (source, &error);
      g_assert_no_error (error);
      g_assert_true (retainer_proposal_save (proposal, baseline, &error));
      g_assert_no_error (error);

      /* As opening the file does, without asking about the last one. */
      retainer_window_load_proposal (window, retainer_proposal_load (baseline, &error), baseline);
      g_assert_no_error (error);
      retainer_test_settle ();

      set_field_text (window, "company_row", "Acme Robotics");
      switch (step)
        {
        case STEP_SAVE:
          break;
        case STEP_EXPORT:
          {
            g_autofree char *pdf_path = retainer_test_data_path ("exact.pdf");
            g_autoptr (GFile) pdf = g_file_new_for_path (pdf_path);

            g_assert_true (retainer_window_export_pdf_to (window, pdf));
            retainer_test_settle ();
            g_assert_true (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
            g_unlink (pdf_path);
            break;
          }
        case STEP_USE_RECOMMENDATION:
          g_action_group_activate_action (G_ACTION_GROUP (window), "use-recommendation", NULL);
          break;
        case STEP_RESET_FEE:
          g_action_group_activate_action (G_ACTION_GROUP (window), "reset-setup-fee", NULL);
          break;
        }
      retainer_test_settle ();

      g_assert_true (retainer_window_save_to (window, saved, &error));
      g_assert_no_error (error);
      assert_same_values (baseline, saved, changed);

      g_unlink (saved);
      g_unlink (baseline);
      g_unlink (source);
    }

  retainer_test_destroy_window (window);
}

/* ------------------------------------------------------------------ */
/* Exact values                                                        */

static void
test_exact_after_save (void)
{
  check_round_trip (STEP_SAVE, (const char *[]) { "company", NULL });
}

static void
test_exact_after_export (void)
{
  /* The first export numbers and dates the proposal. */
  check_round_trip (STEP_EXPORT, (const char *[]) { "company", "number", "date", NULL });
}

static void
test_exact_after_use_recommendation (void)
{
  check_round_trip (STEP_USE_RECOMMENDATION, (const char *[]) { "company", "tier", NULL });
}

static void
test_exact_after_reset_fee (void)
{
  check_round_trip (STEP_RESET_FEE, (const char *[]) { "company", "setup_fee", NULL });
}

/* The fields show every cent and hundredth the proposal has. */
static void
test_fields_show_exact_text (void)
{
  g_autofree char *path = write_proposal ("exact-show.retainer", exact_proposals[0]);
  RetainerWindow *window = create_window ();

  retainer_window_open_file (window, path);
  retainer_test_settle ();

  g_assert_cmpstr (field_text (window, "monthly_spend_row"), ==, "12,000.50");
  g_assert_cmpstr (field_text (window, "growth_row"), ==, "2.25");
  g_assert_cmpstr (field_text (window, "coverage_row"), ==, "87.5");
  g_assert_cmpstr (field_text (window, "setup_fee_row"), ==, "2,500,000,000.75");

  /* Typed up to the core's limit of 10^12, to the cent. */
  set_field_text (window, "monthly_spend_row", "999,999,999,999.99");
  g_assert_cmpint (retainer_window_get_proposal (window)->monthly_api_spend, ==,
                   G_GINT64_CONSTANT (99999999999999));
  assert_not_marked (window, "monthly_spend_row");
  set_field_text (window, "monthly_spend_row", "1,000,000,000,000.01");
  g_assert_cmpint (retainer_window_get_proposal (window)->monthly_api_spend, ==,
                   G_GINT64_CONSTANT (99999999999999));
  assert_marked (window, "monthly_spend_row");

  retainer_test_destroy_window (window);
  g_unlink (path);
}

/* ------------------------------------------------------------------ */
/* Typed text in the locale's marks                                    */

typedef struct
{
  const char *locale;
  const char *field;
  const char *text;
  gboolean    accepted;
  double      rate;     /* growth read, when accepted */
} TypedCase;

static void
test_typed_in_locale (void)
{
  static const TypedCase cases[] = {
    /* "." groups thousands in German: "2.5" could only be 2,500; refused. */
    { "de_DE.UTF-8", "growth_row", "2.5", FALSE, 0 },
    { "de_DE.UTF-8", "growth_row", "2,5", TRUE, 2.5 },
    { "de_DE.UTF-8", "growth_row", "-3,75", TRUE, -3.75 },
    { "en_US.UTF-8", "monthly_spend_row", "1.234,5", FALSE, 0 },
    { "en_US.UTF-8", "monthly_spend_row", "12,34", FALSE, 0 },
    { "en_US.UTF-8", "growth_row", "2.5", TRUE, 2.5 },
    { "en_US.UTF-8", "growth_row", "30", FALSE, 0 },       /* beyond 25% */
    { "en_US.UTF-8", "growth_row", "2.255", FALSE, 0 },    /* a third decimal */
    { "en_US.UTF-8", "coverage_row", "abc", FALSE, 0 },
  };
  g_autofree char *saved_locale = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *path = write_proposal ("typed.retainer", exact_proposals[0]);
  RetainerWindow *window = create_window ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const TypedCase *c = &cases[i];
      g_autoptr (RetainerProposal) before = NULL;
      g_autoptr (GError) error = NULL;
      const RetainerProposal *after;

      if (setlocale (LC_NUMERIC, c->locale) == NULL)
        {
          g_test_fail_printf ("The locale %s is not installed", c->locale);
          break;
        }
      /* The file afresh, its numbers written with the locale's marks. */
      retainer_window_load_proposal (window, retainer_proposal_load (path, &error), path);
      g_assert_no_error (error);
      retainer_test_settle ();
      before = retainer_proposal_copy (retainer_window_get_proposal (window));

      g_test_message ("%s: “%s” in %s", c->locale, c->text, c->field);
      set_field_text (window, c->field, c->text);
      after = retainer_window_get_proposal (window);
      if (c->accepted)
        {
          assert_not_marked (window, c->field);
          g_assert_cmpfloat (after->api_growth_pct, ==, c->rate);
        }
      else
        {
          /* Marked, the text kept for correcting, every value unchanged. */
          assert_marked (window, c->field);
          g_assert_cmpstr (field_text (window, c->field), ==, c->text);
          g_assert_true (retainer_proposal_equal (before, after));

          /* Leaving the field keeps both the text and the mark. */
          gtk_widget_grab_focus (spin_button_of (window, c->field));
          retainer_test_settle ();
          gtk_widget_grab_focus (retainer_test_window_child (window, "company_row"));
          retainer_test_settle ();
          assert_marked (window, c->field);
          g_assert_true (retainer_proposal_equal (before, retainer_window_get_proposal (window)));

          if (i == 0 && g_getenv ("RETAINER_SCREENSHOT_DIR") != NULL)
            retainer_test_write_png (retainer_test_window_child (window, "inputs_box"),
                                     "inputs-refused-de.png");
        }
    }

  setlocale (LC_NUMERIC, saved_locale);
  retainer_test_destroy_window (window);
  g_unlink (path);
}

/* ------------------------------------------------------------------ */
/* Entry at speed                                                      */

/* Typing replaces what a focused number field holds. */
static void
test_focus_selects (void)
{
  RetainerWindow *window = create_window ();
  GtkWidget *spin = spin_button_of (window, "monthly_spend_row");
  GtkEditable *spend = GTK_EDITABLE (retainer_test_window_child (window, "monthly_spend_row"));
  int start = -1, end = -1;
  int position;

  set_field_text (window, "monthly_spend_row", "0");
  gtk_widget_grab_focus (retainer_test_window_child (window, "company_row"));
  retainer_test_settle ();

  gtk_widget_grab_focus (spin);
  retainer_test_settle ();
  g_assert_true (gtk_editable_get_selection_bounds (spend, &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, g_utf8_strlen (gtk_editable_get_text (spend), -1));

  /* A click gives the focus, then places the cursor where it fell; the
   * field selects all the same once the click is done. */
  gtk_widget_grab_focus (retainer_test_window_child (window, "company_row"));
  retainer_test_settle ();
  gtk_widget_grab_focus (spin);
  gtk_editable_set_position (spend, 0);
  retainer_test_settle ();
  g_assert_true (gtk_editable_get_selection_bounds (spend, &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, g_utf8_strlen (gtk_editable_get_text (spend), -1));

  /* As typing does: the selection goes, the digits come one by one. */
  gtk_editable_delete_selection (spend);
  position = 0;
  for (const char *digit = "8500"; *digit != '\0'; digit++)
    gtk_editable_insert_text (spend, digit, 1, &position);
  retainer_test_settle ();
  g_assert_cmpint (retainer_window_get_proposal (window)->monthly_api_spend, ==, 850000);

  retainer_test_destroy_window (window);
}

/* A button under @widget whose label (with its mnemonic) is @label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child)
          && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

/* Types @text into the spend field as one edit and leaves it. */
static void
type_spend (RetainerWindow *window,
            const char     *text)
{
  gtk_widget_grab_focus (spin_button_of (window, "monthly_spend_row"));
  retainer_test_settle ();
  set_field_text (window, "monthly_spend_row", text);
  gtk_widget_grab_focus (retainer_test_window_child (window, "company_row"));
  retainer_test_settle ();
}

static void
test_large_change (void)
{
  RetainerWindow *window = create_window ();
  GtkLabel *label;
  GtkWidget *undo_button;

  type_spend (window, "850");
  g_assert_cmpint (retainer_window_get_proposal (window)->monthly_api_spend, ==, 85000);

  /* Nine times as much in one edit: shown, with Undo. */
  type_spend (window, "8500");
  g_assert_cmpint (retainer_window_get_proposal (window)->monthly_api_spend, ==, 850000);
  label = find_label (retainer_test_window_child (window, "toast_overlay"), "Spend changed");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_label (label), ==, "Spend changed from $850 to $8,500");
  if (g_getenv ("RETAINER_SCREENSHOT_DIR") != NULL)
    retainer_test_write_png (window, "inputs-large-change.png");

  /* The toast's Undo takes it back. */
  undo_button = find_button (retainer_test_window_child (window, "toast_overlay"), "_Undo");
  g_assert_nonnull (undo_button);
  g_signal_emit_by_name (undo_button, "clicked");
  retainer_test_settle ();
  g_assert_cmpint (retainer_window_get_proposal (window)->monthly_api_spend, ==, 85000);
  g_assert_cmpstr (field_text (window, "monthly_spend_row"), ==, "850");

  /* Ctrl+Z, the one key, takes it back too. */
  type_spend (window, "8500");
  g_assert_cmpint (retainer_window_get_proposal (window)->monthly_api_spend, ==, 850000);
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  retainer_test_settle ();
  g_assert_cmpint (retainer_window_get_proposal (window)->monthly_api_spend, ==, 85000);
  g_assert_cmpstr (field_text (window, "monthly_spend_row"), ==, "850");

  /* Twice as much is an ordinary edit: no notice. */
  retainer_test_wait_ms (100);
  type_spend (window, "1700");
  g_assert_null (find_label (retainer_test_window_child (window, "toast_overlay"),
                             "Spend changed from $850 to $1,700"));

  retainer_test_destroy_window (window);
}

/* Tab goes from control to control: a spin or entry row is one stop, its
 * text, never the row first. */
static void
test_tab_order (void)
{
  static const char *const text_rows[] = {
    "company_row", "contact_row", "industry_row", "monthly_spend_row", "growth_row",
    "coverage_row", "use_cases_row", "go_live_row",
  };
  RetainerWindow *window = create_window ();
  guint stops[G_N_ELEMENTS (text_rows)] = { 0 };
  GtkWidget *first = retainer_test_window_child (window, "company_row");

  gtk_widget_grab_focus (first);
  retainer_test_settle ();
  for (guint step = 0; step < 60; step++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

      g_assert_nonnull (focus);
      for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
        {
          GtkWidget *row = retainer_test_window_child (window, text_rows[i]);

          if (focus == row)
            g_error ("Tab stopped on the row %s itself", text_rows[i]);
          /* The typing goes to the field; a row may also hold a button of
           * its own after it (the spend row's estimator). */
          if (gtk_widget_is_ancestor (focus, row) && !GTK_IS_BUTTON (focus))
            {
              g_assert_true (GTK_IS_TEXT (focus));
              stops[i]++;
            }
        }
      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      retainer_test_settle ();
    }
  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    {
      g_test_message ("%s: %u stops", text_rows[i], stops[i]);
      g_assert_cmpuint (stops[i], >=, 1);
    }

  retainer_test_destroy_window (window);
}

/* A dropdown opens with the focus on its current value. */
static void
test_combo_opens_on_value (void)
{
  RetainerWindow *window = create_window ();
  AdwComboRow *row = retainer_test_window_child (window, "support_row");
  GListModel *model = adw_combo_row_get_model (row);
  guint last = g_list_model_get_n_items (model) - 1;
  const char *wanted = gtk_string_list_get_string (GTK_STRING_LIST (model), last);
  GtkWidget *popover = find_descendant (GTK_WIDGET (row), GTK_TYPE_POPOVER);
  GtkWidget *focus;
  GtkLabel *label;

  adw_combo_row_set_selected (row, last);
  retainer_test_settle ();
  gtk_widget_grab_focus (GTK_WIDGET (row));
  gtk_widget_activate (GTK_WIDGET (row));
  retainer_test_wait_ms (200);
  g_assert_true (gtk_widget_get_mapped (popover));

  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, popover));
  label = find_label (focus, wanted);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_label (label), ==, wanted);

  gtk_popover_popdown (GTK_POPOVER (popover));
  retainer_test_settle ();
  retainer_test_destroy_window (window);
}

/* Turning the three questions on keeps the complexity, and the fee. */
static void
test_questions_keep_complexity (void)
{
  RetainerWindow *window = create_window ();
  AdwComboRow *complexity = retainer_test_window_child (window, "complexity_row");
  AdwSwitchRow *questions = retainer_test_window_child (window, "questions_row");

  for (guint level = 0; level < RETAINER_N_COMPLEXITIES; level++)
    {
      gint64 fee;

      adw_switch_row_set_active (questions, FALSE);
      retainer_test_settle ();
      adw_combo_row_set_selected (complexity, level);
      retainer_test_settle ();
      g_assert_cmpuint (retainer_window_get_proposal (window)->complexity, ==, level);
      fee = retainer_window_get_result (window)->setup_fee;

      adw_switch_row_set_active (questions, TRUE);
      retainer_test_settle ();
      g_assert_true (retainer_window_get_proposal (window)->has_answers);
      g_assert_cmpuint (retainer_window_get_proposal (window)->complexity, ==, level);
      g_assert_cmpuint (adw_combo_row_get_selected (complexity), ==, level);
      g_assert_cmpint (retainer_window_get_result (window)->setup_fee, ==, fee);
      /* The answers shown give that complexity: changing one moves from here. */
      g_assert_cmpuint (retainer_complexity_from_answers (
                          adw_combo_row_get_selected (retainer_test_window_child (window, "tasks_row")),
                          adw_combo_row_get_selected (retainer_test_window_child (window, "data_row")),
                          adw_combo_row_get_selected (retainer_test_window_child (window, "evaluation_row"))),
                        ==, level);
    }

  retainer_test_destroy_window (window);
}

/* A proposal without a setup fee breaks even at once: the card says in
 * which month, with a number. */
static void
test_zero_fee_break_even (void)
{
  g_autofree char *path = write_proposal ("zero-fee.retainer",
                                          "{ \"format\": \"retainer-proposal\", \"version\": 1,"
                                          " \"monthly_api_spend\": 20000,"
                                          " \"complexity\": \"simple\", \"setup_fee\": 0 }");
  RetainerWindow *window = create_window ();
  const char *text;

  retainer_window_open_file (window, path);
  retainer_test_settle ();
  text = gtk_label_get_label (retainer_test_window_child (window, "break_even_value"));
  g_test_message ("break-even: %s", text);
  g_assert_nonnull (strpbrk (text, "0123456789"));
  g_assert_null (strstr (text, "—"));
  g_assert_null (strstr (text, "nan"));

  retainer_test_destroy_window (window);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  application = retainer_test_init_window_tests (&argc, &argv);

  g_test_add_func ("/ui/inputs/exact/save", test_exact_after_save);
  g_test_add_func ("/ui/inputs/exact/export", test_exact_after_export);
  g_test_add_func ("/ui/inputs/exact/use-recommendation", test_exact_after_use_recommendation);
  g_test_add_func ("/ui/inputs/exact/reset-fee", test_exact_after_reset_fee);
  g_test_add_func ("/ui/inputs/exact/text", test_fields_show_exact_text);
  g_test_add_func ("/ui/inputs/typed-in-locale", test_typed_in_locale);
  g_test_add_func ("/ui/inputs/focus-selects", test_focus_selects);
  g_test_add_func ("/ui/inputs/large-change", test_large_change);
  g_test_add_func ("/ui/inputs/tab-order", test_tab_order);
  g_test_add_func ("/ui/inputs/combo-opens-on-value", test_combo_opens_on_value);
  g_test_add_func ("/ui/inputs/questions-keep-complexity", test_questions_keep_complexity);
  g_test_add_func ("/ui/inputs/zero-fee-break-even", test_zero_fee_break_even);

  return retainer_test_run (application);
}
