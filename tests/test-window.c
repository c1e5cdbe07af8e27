/* test-window.c: the pitch window, driven through its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "retainer-application.h"
#include "retainer-money.h"
#include "retainer-savings-chart.h"
#include "retainer-tier-card.h"
#include "retainer-window.h"
#include "ui-test-util.h"

static RetainerApplication *application;

/* ------------------------------------------------------------------ */
/* Tests                                                               */

static void
test_opens_on_sample (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);
  g_autoptr (RetainerProposal) sample = retainer_proposal_new_sample ();

  g_assert_true (retainer_window_get_is_sample (window));
  g_assert_false (retainer_window_get_modified (window));
  g_assert_true (retainer_proposal_equal (retainer_window_get_proposal (window), sample));
  g_assert_cmpstr (adw_window_title_get_title (retainer_test_window_child (window, "window_title")), ==,
                   "Northwind Legal LLP");
  g_assert_cmpstr (adw_window_title_get_subtitle (retainer_test_window_child (window, "window_title")), ==,
                   "Sample Proposal");
  g_assert_true (gtk_revealer_get_reveal_child (retainer_test_window_child (window, "sample_revealer")));
  g_assert_true (gtk_widget_get_sensitive (retainer_test_window_child (window, "export_button")));

  retainer_test_destroy_window (window);
}

/* The issue's own example: 12,000 a month with a moderate use case. */
static void
test_spend_and_complexity (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);
  g_autoptr (RetainerProposal) expected = retainer_test_new_default_proposal ();
  g_autoptr (RetainerResult) result = NULL;
  g_autofree char *price = NULL;
  g_autofree char *break_even = NULL;
  g_autofree char *saving = NULL;
  g_autofree char *fee_text = NULL;

  retainer_window_load_proposal (window, retainer_test_new_default_proposal (), NULL);
  g_assert_false (retainer_window_get_modified (window));

  /* Typed, not committed: results follow the keystrokes. */
  gtk_editable_set_text (GTK_EDITABLE (retainer_test_window_child (window, "monthly_spend_row")), "12,000");
  adw_combo_row_set_selected (retainer_test_window_child (window, "complexity_row"), RETAINER_COMPLEXITY_MODERATE);
  retainer_test_settle ();

  expected->monthly_api_spend = retainer_money_from_major (12000);
  expected->complexity = RETAINER_COMPLEXITY_MODERATE;
  result = retainer_recommend (expected);
  g_assert_true (retainer_proposal_equal (retainer_window_get_proposal (window), expected));

  price = retainer_money_format (result->monthly_retainer, "USD", RETAINER_MONEY_FORMAT_DEFAULT);
  break_even = retainer_break_even_describe (result->break_even_month, result->break_even_months,
                                             result->horizon_months, RETAINER_BREAK_EVEN_PHRASE);
  saving = retainer_money_format (result->monthly_saving, "USD", RETAINER_MONEY_FORMAT_DEFAULT);

  g_assert_cmpstr (retainer_test_label_text (window, "tier_name_label"), ==, "Growth");
  g_assert_cmpstr (retainer_test_label_text (window, "tier_price_label"), ==, "$5,000");
  g_assert_cmpstr (price, ==, "$5,000");
  g_assert_cmpstr (retainer_test_label_text (window, "break_even_value"), ==,
                   "Paid back in month 2");
  /* The fraction is on request. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (retainer_test_window_child (window, "break_even_value")), ==,
                   "The setup fee is paid back in month 2, after 1.4 months.");
  g_assert_cmpstr (retainer_test_label_text (window, "break_even_value"), ==, break_even);
  g_assert_cmpstr (retainer_test_label_text (window, "saving_value"), ==, saving);
  g_assert_cmpstr (retainer_test_label_text (window, "saving_value"), ==, "$7,000");
  g_assert_cmpstr (retainer_test_label_text (window, "saving_detail"), ==,
                   "58% of the covered API spend");
  g_assert_cmpstr (retainer_test_label_text (window, "plan_caption_label"), ==, "Recommended plan");
  g_assert_cmpfloat (adw_spin_row_get_value (retainer_test_window_child (window, "setup_fee_row")), ==, 10000);
  fee_text = retainer_format_number (10000, 0);
  g_assert_cmpstr (gtk_editable_get_text (retainer_test_window_child (window, "setup_fee_row")), ==, fee_text);
  g_assert_nonnull (strstr (retainer_test_label_text (window, "break_even_detail"), "$10,000"));
  g_assert_cmpstr (retainer_test_label_text (window, "net_12_value"), ==, "$74,000");
  g_assert_cmpstr (retainer_savings_chart_get_summary (retainer_test_window_child (window, "savings_chart")), ==,
                   "Break-even: month 2 (1.4 months). Net saving after 12 months: $74,000.");
  g_assert_true (retainer_window_get_modified (window));
  g_assert_cmpstr (adw_window_title_get_title (retainer_test_window_child (window, "window_title")), ==,
                   "• New Proposal");

  retainer_test_destroy_window (window);
}

static void
test_tier_override (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);
  const RetainerProposal *proposal;

  retainer_window_load_proposal (window, retainer_test_new_default_proposal (), NULL);
  adw_spin_row_set_value (retainer_test_window_child (window, "monthly_spend_row"), 12000);
  retainer_test_settle ();
  g_assert_cmpstr (retainer_test_label_text (window, "tier_name_label"), ==, "Growth");

  retainer_test_select_tier_card (window, 2);
  proposal = retainer_window_get_proposal (window);
  g_assert_cmpstr (proposal->tier_id, ==, "enterprise");
  g_assert_cmpstr (retainer_test_label_text (window, "tier_name_label"), ==, "Enterprise");
  g_assert_cmpstr (retainer_test_label_text (window, "plan_caption_label"), ==, "Chosen plan");
  g_assert_true (gtk_widget_get_visible (retainer_test_window_child (window, "override_box")));
  g_assert_cmpint (retainer_window_get_result (window)->recommended_tier, ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.use-recommendation", NULL));
  retainer_test_settle ();
  proposal = retainer_window_get_proposal (window);
  g_assert_null (proposal->tier_id);
  g_assert_cmpstr (retainer_test_label_text (window, "tier_name_label"), ==, "Growth");
  g_assert_false (gtk_widget_get_visible (retainer_test_window_child (window, "override_box")));

  retainer_test_destroy_window (window);
}

static GtkWidget *
nth_tier_card (RetainerWindow *window,
               guint           tier)
{
  GtkWidget *card = gtk_widget_get_first_child (retainer_test_window_child (window, "tiers_box"));

  for (guint i = 0; i < tier; i++)
    card = gtk_widget_get_next_sibling (card);
  g_assert_true (RETAINER_IS_TIER_CARD (card));
  return card;
}

/* What a screen reader hears: each input named once by its row, cards named
 * by their caption with their figures as description, tier cards saying
 * which is recommended and which is chosen. */
static void
test_accessible_names (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);

  retainer_window_load_proposal (window, retainer_test_new_default_proposal (), NULL);
  adw_spin_row_set_value (retainer_test_window_child (window, "monthly_spend_row"), 12000);
  retainer_test_settle ();

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (retainer_test_window_child (window, "monthly_spend_row")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Monthly API spend");
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (retainer_test_window_child (window, "monthly_spend_row"))),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (retainer_test_window_child (window, "growth_row")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Percent per month");
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (retainer_test_window_child (window, "plan_box")),
                                       GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                       retainer_test_window_child (window, "tier_name_label"),
                                       retainer_test_window_child (window, "tier_price_label"), NULL);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (retainer_test_window_child (window, "break_even_value")))),
                                       GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                       retainer_test_window_child (window, "break_even_value"),
                                       retainer_test_window_child (window, "break_even_detail"), NULL);

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (nth_tier_card (window, 1)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Recommended and chosen");
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (nth_tier_card (window, 0)),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  retainer_test_select_tier_card (window, 2);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (nth_tier_card (window, 2)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Chosen by hand");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (nth_tier_card (window, 1)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Recommended");

  retainer_test_destroy_window (window);
}

/* The founder picks the PDF's language; one a file names that the window
 * does not list is kept through edits. */
static void
test_proposal_language (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);
  RetainerProposal *proposal = retainer_test_new_default_proposal ();

  proposal->language = g_strdup ("pt");
  retainer_window_load_proposal (window, proposal, NULL);
  retainer_test_settle ();
  adw_spin_row_set_value (retainer_test_window_child (window, "monthly_spend_row"), 9000);
  retainer_test_settle ();
  g_assert_cmpstr (retainer_window_get_proposal (window)->language, ==, "pt");

  adw_combo_row_set_selected (retainer_test_window_child (window, "language_row"), 2);
  retainer_test_settle ();
  g_assert_cmpstr (retainer_window_get_proposal (window)->language, ==, "de");
  g_assert_true (retainer_window_get_modified (window));

  adw_combo_row_set_selected (retainer_test_window_child (window, "language_row"), 0);
  retainer_test_settle ();
  g_assert_null (retainer_window_get_proposal (window)->language);

  retainer_test_destroy_window (window);
}

static void
test_setup_fee_band (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);
  AdwSpinRow *fee = retainer_test_window_child (window, "setup_fee_row");

  retainer_window_load_proposal (window, retainer_test_new_default_proposal (), NULL);
  adw_combo_row_set_selected (retainer_test_window_child (window, "complexity_row"), RETAINER_COMPLEXITY_MODERATE);
  retainer_test_settle ();
  g_assert_false (gtk_revealer_get_reveal_child (retainer_test_window_child (window, "setup_fee_warning_revealer")));

  adw_spin_row_set_value (fee, 15000);
  retainer_test_settle ();
  g_assert_true (retainer_window_get_proposal (window)->has_setup_fee);
  g_assert_true (gtk_revealer_get_reveal_child (retainer_test_window_child (window, "setup_fee_warning_revealer")));
  g_assert_cmpstr (retainer_test_label_text (window, "setup_fee_warning_label"), ==,
                   "This fee is outside the band of $8,000 – $12,000 for this complexity.");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reset-setup-fee", NULL));
  retainer_test_settle ();
  g_assert_false (retainer_window_get_proposal (window)->has_setup_fee);
  g_assert_cmpfloat (adw_spin_row_get_value (fee), ==, 10000);
  g_assert_false (gtk_revealer_get_reveal_child (retainer_test_window_child (window, "setup_fee_warning_revealer")));

  retainer_test_destroy_window (window);
}

static void
test_questions_decide_complexity (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);

  retainer_window_load_proposal (window, retainer_test_new_default_proposal (), NULL);
  g_assert_false (gtk_widget_get_visible (retainer_test_window_child (window, "tasks_row")));
  adw_switch_row_set_active (retainer_test_window_child (window, "questions_row"), TRUE);
  retainer_test_settle ();
  g_assert_true (gtk_widget_get_visible (retainer_test_window_child (window, "tasks_row")));
  g_assert_false (gtk_widget_get_sensitive (retainer_test_window_child (window, "complexity_row")));

  adw_combo_row_set_selected (retainer_test_window_child (window, "data_row"), RETAINER_DATA_MUST_COLLECT);
  retainer_test_settle ();
  g_assert_true (retainer_window_get_proposal (window)->has_answers);
  g_assert_cmpint (retainer_window_get_proposal (window)->complexity, ==,
                   RETAINER_COMPLEXITY_COMPLEX);
  g_assert_cmpuint (adw_combo_row_get_selected (retainer_test_window_child (window, "complexity_row")), ==,
                    RETAINER_COMPLEXITY_COMPLEX);

  retainer_test_destroy_window (window);
}

static void
test_flags_in_plain_words (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);
  GtkWidget *row;

  retainer_window_load_proposal (window, retainer_test_new_default_proposal (), NULL);
  adw_spin_row_set_value (retainer_test_window_child (window, "monthly_spend_row"), 1000);
  retainer_test_settle ();

  g_assert_true (gtk_widget_get_visible (retainer_test_window_child (window, "notes_group")));
  row = gtk_widget_get_first_child (retainer_test_window_child (window, "notes_list"));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   retainer_flag_describe (RETAINER_FLAG_BELOW_CANDIDATE_THRESHOLD));

  retainer_test_destroy_window (window);
}

static void
test_presentation_mode (void)
{
  RetainerWindow *window = retainer_test_new_window (application, 1280, 800);

  g_assert_true (gtk_widget_get_visible (retainer_test_window_child (window, "private_group")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  retainer_test_settle ();
  g_assert_true (retainer_window_get_presenting (window));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  g_assert_false (gtk_widget_get_visible (retainer_test_window_child (window, "private_group")));
  /* Inputs stay editable for what-ifs. */
  g_assert_true (gtk_widget_is_sensitive (retainer_test_window_child (window, "monthly_spend_row")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-presentation", NULL));
  retainer_test_settle ();
  g_assert_false (retainer_window_get_presenting (window));
  g_assert_true (gtk_widget_get_visible (retainer_test_window_child (window, "private_group")));

  retainer_test_destroy_window (window);
}

static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  RetainerWindow *window;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = retainer_test_new_window (application, 1280, 800);
  retainer_savings_chart_set_hover_month (retainer_test_window_child (window, "savings_chart"), 9);
  retainer_test_wait_ms (200);
  retainer_test_write_png (window, "window-light.png");
  retainer_test_destroy_window (window);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = retainer_test_new_window (application, 1280, 800);
  retainer_test_wait_ms (200);
  retainer_test_write_png (window, "window-dark.png");
  retainer_test_destroy_window (window);

  /* More of the results, to look at. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = retainer_test_new_window (application, 1280, 1080);
  retainer_test_wait_ms (200);
  retainer_test_write_png (window, "window-tall.png");
  retainer_test_destroy_window (window);

  window = retainer_test_new_window (application, 1024, 700);
  retainer_test_wait_ms (200);
  retainer_test_write_png (window, "window-narrow.png");
  retainer_test_destroy_window (window);

  window = retainer_test_new_window_full (application, 1920, 1080, TRUE);
  retainer_test_wait_ms (300);
  retainer_test_write_png (window, "window-presentation.png");
  retainer_test_destroy_window (window);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = retainer_test_new_window_full (application, 1920, 1080, TRUE);
  retainer_test_wait_ms (300);
  retainer_test_write_png (window, "window-presentation-dark.png");
  retainer_test_destroy_window (window);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Run only in a second pass with LANGUAGE and LC_ALL set (see
 * tests/ui/meson.build): the window speaks the language and writes money
 * the locale's way. */
static void
test_language (void)
{
  const char *language = g_getenv ("RETAINER_TEST_LANGUAGE");
  const char *english = "Recommended plan";
  const char *translated = gettext (english);
  const struct lconv *lc = localeconv ();
  g_autofree char *grouped = g_strdup_printf ("5%s000", lc->mon_thousands_sep);
  g_autofree char *price = retainer_money_format (500000, "USD", RETAINER_MONEY_FORMAT_DEFAULT);
  g_autofree char *name = g_strdup_printf ("window-%s.png", language);
  RetainerWindow *window;

  g_assert_cmpstr (translated, !=, english);
  g_assert_cmpstr (lc->mon_thousands_sep, !=, ",");

  window = retainer_test_new_window (application, 1280, 800);
  g_assert_cmpstr (retainer_test_label_text (window, "plan_caption_label"), ==, translated);
  /* Built-in rate card texts too: the sample's band is "moderate". */
  {
    const char *band = "Several tasks, data needs cleaning, custom evaluation";

    g_assert_cmpstr (gettext (band), !=, band);
    g_assert_cmpstr (adw_action_row_get_subtitle (retainer_test_window_child (window, "complexity_row")), ==,
                     gettext (band));
  }
  g_assert_cmpstr (retainer_test_label_text (window, "tier_price_label"), ==, price);
  g_assert_nonnull (strstr (price, grouped));
  retainer_test_wait_ms (200);
  retainer_test_write_png (window, name);
  retainer_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  application = retainer_test_init_window_tests (&argc, &argv);

  g_test_add_func ("/ui/window/opens-on-sample", test_opens_on_sample);
  g_test_add_func ("/ui/window/spend-and-complexity", test_spend_and_complexity);
  g_test_add_func ("/ui/window/tier-override", test_tier_override);
  g_test_add_func ("/ui/window/setup-fee-band", test_setup_fee_band);
  g_test_add_func ("/ui/window/accessible-names", test_accessible_names);
  g_test_add_func ("/ui/window/proposal-language", test_proposal_language);
  g_test_add_func ("/ui/window/questions-decide-complexity", test_questions_decide_complexity);
  g_test_add_func ("/ui/window/flags-in-plain-words", test_flags_in_plain_words);
  g_test_add_func ("/ui/window/presentation-mode", test_presentation_mode);
  g_test_add_func ("/ui/window/screenshots", test_screenshots);
  /* In a translation, which retainer_test_init_window_tests () has bound. */
  if (g_getenv ("RETAINER_TEST_LANGUAGE") != NULL)
    g_test_add_func ("/ui/window/language", test_language);

  return retainer_test_run (application);
}
