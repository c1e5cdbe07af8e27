/* test-presentation.c: presentation mode shows the prospect's figures and
 * nothing of the price room, in type read from across a call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "retainer-application.h"
#include "retainer-money.h"
#include "retainer-tier-card.h"
#include "retainer-window.h"
#include "ui-test-util.h"

static RetainerApplication *application;

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

/* Everything a person can read on screen: the text of each label that is
 * drawn (mapped, inside a mapped parent), and the window's title. */
static void
collect_shown_text (GtkWidget *widget,
                    GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_opacity (widget) == 0)
    return;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget))
    g_ptr_array_add (texts, g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shown_text (child, texts);
}

static GPtrArray *
shown_text (RetainerWindow *window)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (texts, g_strdup (gtk_window_get_title (GTK_WINDOW (window))));
  collect_shown_text (GTK_WIDGET (window), texts);
  return texts;
}

static void
assert_not_shown (GPtrArray  *texts,
                  const char *what,
                  const char *needle)
{
  g_assert_nonnull (needle);
  g_assert_cmpstr (needle, !=, "");
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), needle) != NULL)
      g_error ("presentation mode shows %s: “%s” in “%s”", what, needle,
               (const char *) g_ptr_array_index (texts, i));
}

static gboolean
is_shown (GPtrArray  *texts,
          const char *needle)
{
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static double
font_size (RetainerWindow *window,
           const char     *name)
{
  GtkWidget *label = retainer_test_window_child (window, name);
  PangoContext *context = gtk_widget_get_pango_context (label);

  return pango_font_description_get_size (pango_context_get_font_description (context));
}

/* The private strings of the window as it is: what presentation mode must
 * not show. Read before presenting, while the founder's view has them. */
typedef struct
{
  char *band;
  char *delivery_cost;
  char *margin;
  char *setup_margin;
  char *first_year;
} PrivateText;

static void
private_text_clear (PrivateText *private)
{
  g_free (private->band);
  g_free (private->delivery_cost);
  g_free (private->margin);
  g_free (private->setup_margin);
  g_free (private->first_year);
}

static void
read_private_text (RetainerWindow *window,
                   PrivateText    *private)
{
  const RetainerResult *result = retainer_window_get_result (window);
  const char *currency = retainer_window_get_proposal (window)->currency;
  AdwActionRow *fee_row = retainer_test_window_child (window, "setup_fee_row");
  g_autofree char *low = retainer_money_format (result->setup_band_low, currency,
                                                RETAINER_MONEY_FORMAT_DEFAULT);

  /* The band as the founder's view writes it, in the fee row's subtitle. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (fee_row), low));
  private->band = g_strdup (low);
  private->delivery_cost = g_strdup (retainer_test_label_text (window, "delivery_cost_label"));
  private->margin = g_strdup (retainer_test_label_text (window, "margin_label"));
  private->setup_margin = g_strdup (retainer_test_label_text (window, "setup_margin_label"));
  private->first_year = g_strdup (retainer_test_label_text (window, "first_year_label"));
}

static void
assert_nothing_private (RetainerWindow    *window,
                        const PrivateText *private)
{
  g_autoptr (GPtrArray) texts = shown_text (window);

  /* Sanity: the walk reads the results. */
  g_assert_true (is_shown (texts, retainer_test_label_text (window, "tier_name_label")));
  g_assert_true (is_shown (texts, retainer_test_label_text (window, "saving_value")));
  g_assert_cmpuint (texts->len, >, 20);

  assert_not_shown (texts, "the setup band", private->band);
  assert_not_shown (texts, "the delivery cost", private->delivery_cost);
  assert_not_shown (texts, "the margin", private->margin);
  assert_not_shown (texts, "the setup margin", private->setup_margin);
  assert_not_shown (texts, "the first-year value", private->first_year);
  assert_not_shown (texts, "the save state", "Unsaved");
  assert_not_shown (texts, "the save state", "Not Saved");
  assert_not_shown (texts, "the unsaved mark", "•");
  assert_not_shown (texts, "the agency figures", "Agency Figures");
  assert_not_shown (texts, "the suggested fee", "suggested");
  assert_not_shown (texts, "the mode itself", "Presentation");
  assert_not_shown (texts, "the mode itself", "hidden");
  assert_not_shown (texts, "the mode itself", "Esc");
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */

/* An unsaved proposal with a company, at a full HD screen and half of one:
 * nothing private in what is drawn, in the title or in the toasts. */
static void
test_nothing_private (void)
{
  static const int widths[] = { 1920, 960 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      RetainerWindow *window = retainer_test_new_window_full (application, widths[i], 1080, FALSE);
      GtkEditable *company = retainer_test_window_child (window, "company_row");
      PrivateText private = { 0 };

      g_test_message ("%d px", widths[i]);
      gtk_editable_set_text (company, "Northwind Traders");
      /* A spend with cents, read back to the cent in the folded inputs. */
      gtk_editable_set_text (retainer_test_window_child (window, "monthly_spend_row"), "12,000.50");
      retainer_test_settle ();
      g_assert_true (retainer_window_get_modified (window));
      /* The founder's view has what the prospect must not see. */
      adw_expander_row_set_expanded (retainer_test_window_child (window, "private_expander"), TRUE);
      retainer_test_wait_frame (window);
      read_private_text (window, &private);
      {
        g_autoptr (GPtrArray) texts = shown_text (window);

        g_assert_true (is_shown (texts, private.delivery_cost));
        g_assert_true (is_shown (texts, "Unsaved"));
      }

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
      retainer_test_wait_ms (100);
      retainer_test_wait_frame (window);
      assert_nothing_private (window, &private);
      /* Preferences (the agency's overhead and staff cost) do not open on
       * the shared screen; the book's action is off. */
      g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()),
                                      "preferences", NULL);
      retainer_test_settle ();
      g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
      g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "book"));
      /* No figure selected, as if highlighted for the prospect. */
      g_assert_false (gtk_label_get_selection_bounds (retainer_test_window_child (window,
                                                                                  "saving_value"),
                                                      NULL, NULL));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                       "Northwind Traders – Retainer");

      /* The inputs, folded into one line, open on request, still without
       * the band (the setup fee row stays with the founder). */
      g_assert_false (gtk_toggle_button_get_active (retainer_test_window_child (window,
                                                                                "inputs_toggle")));
      g_assert_false (gtk_widget_get_mapped (retainer_test_window_child (window,
                                                                          "monthly_spend_row")));
      g_assert_nonnull (strstr (retainer_test_label_text (window, "inputs_summary_label"),
                                "Northwind Traders"));
      g_assert_nonnull (strstr (retainer_test_label_text (window, "inputs_summary_label"),
                                "$12,000.50 a month"));
      gtk_toggle_button_set_active (retainer_test_window_child (window, "inputs_toggle"), TRUE);
      retainer_test_wait_ms (100);
      retainer_test_wait_frame (window);
      g_assert_true (gtk_widget_get_mapped (retainer_test_window_child (window,
                                                                         "monthly_spend_row")));
      assert_nothing_private (window, &private);

      private_text_clear (&private);
      retainer_test_destroy_window (window);
    }
}

/* The results grow by half at least, the captions as much as the figures. */
static void
test_large_type (void)
{
  static const char * const labels[] = {
    "tier_name_label", "saving_value", "saving_detail", "plan_caption_label", "break_even_value",
  };
  RetainerWindow *window = retainer_test_new_window_full (application, 1920, 1080, FALSE);
  double normal[G_N_ELEMENTS (labels)];

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    normal[i] = font_size (window, labels[i]);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  retainer_test_wait_frame (window);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      double presenting = font_size (window, labels[i]);

      g_test_message ("%s: %.1f pt, presenting %.1f pt", labels[i], normal[i] / PANGO_SCALE,
                      presenting / PANGO_SCALE);
      g_assert_cmpfloat (presenting, >=, 1.5 * normal[i] - 1);
    }
  retainer_test_destroy_window (window);
}

/* New Proposal starts at the top of the results with the agency figures
 * closed, wherever the last proposal was scrolled to. */
static void
test_new_starts_at_top (void)
{
  RetainerWindow *window = retainer_test_new_window_full (application, 1280, 700, FALSE);
  GtkScrolledWindow *scroller = retainer_test_window_child (window, "results_scroller");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  AdwExpanderRow *private = retainer_test_window_child (window, "private_expander");

  /* Closed from the start. */
  g_assert_false (adw_expander_row_get_expanded (private));
  adw_expander_row_set_expanded (private, TRUE);
  retainer_test_wait_frame (window);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  retainer_test_wait_frame (window);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 100);

  /* The sample has no changes: New asks nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  retainer_test_wait_frame (window);
  g_assert_false (retainer_window_get_is_sample (window));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_false (adw_expander_row_get_expanded (private));
  retainer_test_destroy_window (window);
}

/* Esc leaves presentation mode, whatever has the focus; while not
 * presenting it is left to the focused widget. */
static void
test_escape_leaves (void)
{
  RetainerWindow *window = retainer_test_new_window_full (application, 1280, 800, TRUE);
  GtkWidget *company = retainer_test_window_child (window, "company_row");
  GtkEventController *escape = NULL;
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  /* Found among the window's controllers, caught before the focus sees it. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && escape == NULL; i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller)
          && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        {
          GListModel *shortcuts = G_LIST_MODEL (controller);

          for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
            {
              g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
              GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

              if (GTK_IS_KEYVAL_TRIGGER (trigger)
                  && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape
                  && GTK_IS_NAMED_ACTION (action)
                  && g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                                "win.leave-presentation") == 0)
                {
                  escape = controller;
                  g_object_ref (escape);
                }
            }
        }
    }
  g_object_unref (controllers);
  g_assert_nonnull (escape);

  /* What the shortcut does, with a text field focused in the open inputs. */
  gtk_toggle_button_set_active (retainer_test_window_child (window, "inputs_toggle"), TRUE);
  retainer_test_wait_frame (window);
  g_assert_true (gtk_widget_grab_focus (company));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-presentation", NULL));
  retainer_test_settle ();
  g_assert_false (retainer_window_get_presenting (window));
  /* Not presenting: the action is off, so the key goes on to the field. */
  g_assert_false (g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (window),
                                                                     "leave-presentation")));
  g_object_unref (escape);
  retainer_test_destroy_window (window);
}

/* A blank new proposal shows no loss and no warning before a spend is
 * typed; the figures come with the spend. */
static void
test_calm_until_spend (void)
{
  RetainerWindow *window = retainer_test_new_window_full (application, 1280, 1080, FALSE);
  GtkEditable *spend = retainer_test_window_child (window, "monthly_spend_row");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  retainer_test_wait_frame (window);
  g_assert_cmpint (retainer_window_get_proposal (window)->monthly_api_spend, ==, 0);
  /* What the core says about a spend of 0: losses and warnings. */
  g_assert_cmpint (retainer_window_get_result (window)->monthly_saving, <, 0);
  g_assert_cmpuint (retainer_window_get_result (window)->flags, !=, 0);
  {
    g_autoptr (GPtrArray) texts = shown_text (window);

    assert_not_shown (texts, "a loss", "−");
    assert_not_shown (texts, "a loss", "No monthly saving");
    assert_not_shown (texts, "a warning", "Not paid back");
    g_assert_false (gtk_widget_get_mapped (retainer_test_window_child (window, "notes_group")));
    g_assert_false (gtk_widget_get_mapped (retainer_test_window_child (window, "savings_chart")));
    g_assert_true (is_shown (texts, "monthly API spend"));
  }
  retainer_test_write_png (window, "results-waiting-for-spend.png");

  gtk_editable_set_text (spend, "12000");
  retainer_test_settle ();
  retainer_test_wait_frame (window);
  g_assert_cmpint (retainer_window_get_proposal (window)->monthly_api_spend, ==,
                   retainer_money_from_major (12000));
  {
    const RetainerResult *result = retainer_window_get_result (window);
    g_autofree char *saving = retainer_money_format (result->monthly_saving, "USD",
                                                     RETAINER_MONEY_FORMAT_ROUNDED);

    g_assert_cmpstr (retainer_test_label_text (window, "saving_value"), ==, saving);
    g_assert_cmpstr (retainer_test_label_text (window, "break_even_value"), !=, "—");
    g_assert_true (gtk_widget_get_mapped (retainer_test_window_child (window, "savings_chart")));
  }
  retainer_test_destroy_window (window);
}

/* A plan's name is never cut: not with an ellipsis, not inside a word,
 * not past its label's edge; at half a full HD screen and at 1280 px,
 * presenting or not (run in English and in German). */
static void
assert_name_whole (GtkLabel   *label,
                   const char *expected,
                   int         width)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  g_auto (GStrv) words = g_strsplit (expected, " ", -1);
  int text_width, text_height;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_text (label), ==, expected);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  g_test_message ("%d px: “%s” in %d lines, %d×%d px in %d×%d", width, expected,
                  pango_layout_get_line_count (layout), text_width, text_height,
                  gtk_widget_get_width (GTK_WIDGET (label)),
                  gtk_widget_get_height (GTK_WIDGET (label)));
  g_assert_false (pango_layout_is_ellipsized (layout));
  /* Broken only between words, if at all. */
  g_assert_cmpint (pango_layout_get_line_count (layout), <=, (int) g_strv_length (words));
  g_assert_cmpint (text_width, <=, gtk_widget_get_width (GTK_WIDGET (label)) + 1);
  g_assert_cmpint (text_height, <=, gtk_widget_get_height (GTK_WIDGET (label)) + 1);
}

static void
test_plan_names_whole (void)
{
  static const int widths[] = { 960, 1280 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    for (guint presenting = 0; presenting < 2; presenting++)
      {
        RetainerWindow *window =
          retainer_test_new_window_full (application, widths[i], 1080, presenting);
        const RetainerProposal *proposal = retainer_window_get_proposal (window);
        const RetainerResult *result = retainer_window_get_result (window);
        GtkWidget *tiers = retainer_test_window_child (window, "tiers_box");
        guint n = 0;

        retainer_test_wait_ms (100);
        retainer_test_wait_frame (window);
        assert_name_whole (retainer_test_window_child (window, "tier_name_label"),
                           retainer_rate_card_text (proposal->rate_card->tiers[result->chosen_tier].name),
                           widths[i]);
        for (GtkWidget *card = gtk_widget_get_first_child (tiers); card != NULL;
             card = gtk_widget_get_next_sibling (card), n++)
          assert_name_whole (GTK_LABEL (gtk_widget_get_template_child (card,
                                                                       RETAINER_TYPE_TIER_CARD,
                                                                       "name_label")),
                             retainer_rate_card_text (proposal->rate_card->tiers[n].name),
                             widths[i]);
        g_assert_cmpuint (n, ==, proposal->rate_card->n_tiers);
        retainer_test_destroy_window (window);
      }
}

/* To look at: a shared full HD screen and half of one, light and dark. */
static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  static const int widths[] = { 1920, 960 };

  for (guint i = 0; i < G_N_ELEMENTS (retainer_test_color_schemes); i++)
    for (guint j = 0; j < G_N_ELEMENTS (widths); j++)
      {
        g_autofree char *name = g_strdup_printf ("presentation-%dx1080-%s.png", widths[j],
                                                 retainer_test_color_schemes[i].name);
        RetainerWindow *window;

        adw_style_manager_set_color_scheme (style, retainer_test_color_schemes[i].scheme);
        window = retainer_test_new_window_full (application, widths[j], 1080, TRUE);
        retainer_test_wait_ms (200);
        g_assert_false (gtk_label_get_selection_bounds (retainer_test_window_child (window,
                                                                                    "saving_value"),
                                                        NULL, NULL));
        retainer_test_write_png (window, name);
        retainer_test_destroy_window (window);
      }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  application = retainer_test_init_window_tests (&argc, &argv);

  g_test_add_func ("/ui/presentation/nothing-private", test_nothing_private);
  g_test_add_func ("/ui/presentation/large-type", test_large_type);
  g_test_add_func ("/ui/presentation/new-starts-at-top", test_new_starts_at_top);
  g_test_add_func ("/ui/presentation/escape-leaves", test_escape_leaves);
  g_test_add_func ("/ui/presentation/plan-names-whole", test_plan_names_whole);
  g_test_add_func ("/ui/presentation/calm-until-spend", test_calm_until_spend);
  g_test_add_func ("/ui/presentation/screenshots", test_screenshots);

  return retainer_test_run (application);
}
