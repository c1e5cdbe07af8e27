/* test-layout.c: the window on half a screen
 *
 * On a call the founder shares half of a laptop screen: 683 px of a
 * 1366×768 screen, 960 px of a 1920×1080 one. At those sizes every input,
 * figure, plan and action has to be there whole: inside the window, not cut
 * off at the side, no text shortened with "…", and, in one column or in
 * presentation mode, the results before the inputs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "retainer-application.h"
#include "retainer-tier-card.h"
#include "retainer-window.h"
#include "ui-test-util.h"

static RetainerApplication *application;

/* ------------------------------------------------------------------ */
/* Waiting for GTK                                                     */

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* Waits until @widget has been through @n_frames frames: breakpoints are
 * applied while the window is laid out, and the new layout is only laid
 * out and drawn in the frame after that. */
static void
wait_for_frames (GtkWidget *widget,
                 guint      n_frames)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (frames < n_frames && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
  g_assert_cmpuint (frames, >=, n_frames);
  retainer_test_settle ();
}

/* The window as the other tests open it, then laid out again with its
 * breakpoints applied. */
static RetainerWindow *
create_window (int      width,
               int      height,
               gboolean presenting)
{
  RetainerWindow *window =
    retainer_test_new_window_full (application, width, height, presenting);

  wait_for_frames (GTK_WIDGET (window), 3);
  return window;
}

/* Resizes an open window, as a person dragging its edge would. */
static void
resize_window (RetainerWindow *window,
               int             width,
               int             height)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  wait_for_frames (GTK_WIDGET (window), 3);
}

/* The width the window's content is laid out in (the window without the
 * frame GTK draws around it). */
static int
content_width (RetainerWindow *window)
{
  return gtk_widget_get_width (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)));
}

/* ------------------------------------------------------------------ */
/* Walking the widgets                                                 */

static void
collect_mapped (GtkWidget *widget,
                GType      type,
                GPtrArray *found)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mapped (child, type, found);
}

/* Every mapped widget of @type under @root (@root included). */
static GPtrArray *
find_mapped (gpointer root,
             GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_mapped (root, type, found);
  return found;
}

static GtkWidget *
find_button (GtkWidget *root)
{
  g_autoptr (GPtrArray) buttons = find_mapped (root, GTK_TYPE_BUTTON);

  g_assert_cmpuint (buttons->len, ==, 1);
  return g_ptr_array_index (buttons, 0);
}

/* The mapped buttons of the window that run @action. */
static GPtrArray *
find_action_buttons (RetainerWindow *window,
                     const char     *action)
{
  g_autoptr (GPtrArray) actionables = find_mapped (window, GTK_TYPE_ACTIONABLE);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < actionables->len; i++)
    {
      GtkActionable *actionable = g_ptr_array_index (actionables, i);

      if (g_strcmp0 (gtk_actionable_get_action_name (actionable), action) == 0)
        g_ptr_array_add (found, actionable);
    }
  return found;
}

static GtkWidget *
primary_menu_button (RetainerWindow *window)
{
  g_autoptr (GPtrArray) menu_buttons = find_mapped (window, GTK_TYPE_MENU_BUTTON);

  for (guint i = 0; i < menu_buttons->len; i++)
    if (gtk_menu_button_get_primary (g_ptr_array_index (menu_buttons, i)))
      return g_ptr_array_index (menu_buttons, i);
  return NULL;
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr (GMenuLinkIter) links = NULL;
      const char *link;
      GMenuModel *linked;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_strcmp0 (name, action) == 0)
        return TRUE;

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, &link, &linked))
        {
          gboolean found = menu_has_action (linked, action);

          g_object_unref (linked);
          if (found)
            return TRUE;
        }
    }
  return FALSE;
}

static const char *
describe_widget (GtkWidget *widget)
{
  static char description[256];
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_label (GTK_LABEL (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  g_snprintf (description, sizeof description, "%s%s%s%s (in %s, %s)", G_OBJECT_TYPE_NAME (widget),
              text != NULL ? " “" : "", text != NULL ? text : "", text != NULL ? "”" : "",
              G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
              G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (widget))));
  return description;
}

/* ------------------------------------------------------------------ */
/* What a person sees                                                  */

/* @widget is drawn whole across: inside the window, and inside the
 * scrolled pane it sits in (the panes never scroll sideways). */
static void
assert_inside (RetainerWindow *window,
               GtkWidget      *widget)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  GtkWidget *pane = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds, pane_bounds;
  double left = 0, right = content_width (window);

  g_assert_true (gtk_widget_compute_bounds (widget, content, &bounds));
  if (pane != NULL)
    {
      g_assert_true (gtk_widget_compute_bounds (pane, content, &pane_bounds));
      left = MAX (left, pane_bounds.origin.x);
      right = MIN (right, pane_bounds.origin.x + pane_bounds.size.width);
    }
  /* A pixel of slack: Adwaita draws a header bar's edge a pixel past the
   * window's content. */
  if (bounds.origin.x < left - 1.5 || bounds.origin.x + bounds.size.width > right + 1.5)
    g_error ("%s is cut off at %d px: it spans %.0f to %.0f px, the space is %.0f to %.0f px",
             describe_widget (widget), content_width (window), bounds.origin.x,
             bounds.origin.x + bounds.size.width, left, right);
}

/* @widget is shown, with a size, and whole across. */
static void
assert_shown (RetainerWindow *window,
              GtkWidget      *widget)
{
  if (!gtk_widget_get_mapped (widget))
    g_error ("%s is not shown at %d px", describe_widget (widget), content_width (window));
  if (gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    g_error ("%s has no size at %d px: %d×%d", describe_widget (widget),
             content_width (window), gtk_widget_get_width (widget),
             gtk_widget_get_height (widget));
  assert_inside (window, widget);
}

static void
assert_child_shown (RetainerWindow *window,
                    const char     *name)
{
  assert_shown (window, retainer_test_window_child (window, name));
}

/* Every mapped widget is whole across: nothing sticks out of the window or
 * of its pane, which would mean scrolling sideways or text cut off. */
static void
assert_nothing_cut_off (RetainerWindow *window)
{
  g_autoptr (GPtrArray) widgets = find_mapped (window, GTK_TYPE_WIDGET);
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));

  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (widgets, i);

      if (widget == GTK_WIDGET (window) || !gtk_widget_is_ancestor (widget, content))
        continue;
      /* Overlay scroll bars draw their trough a little past the pane's edge. */
      if (GTK_IS_SCROLLBAR (widget) || gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLBAR) != NULL)
        continue;
      assert_inside (window, widget);
    }
}

/* No text is cut: no label shows fewer lines than its text takes (a label
 * wrapped in a space one line high), and, with @no_ellipsis, none is
 * shortened with an ellipsis: not a figure, not a plan's name, not a row's
 * title or value. */
static void
assert_text_whole (RetainerWindow *window,
                   gboolean        no_ellipsis)
{
  g_autoptr (GPtrArray) labels = find_mapped (window, GTK_TYPE_LABEL);
  guint checked = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      PangoLayout *layout = gtk_label_get_layout (label);
      int text_height;

      if (*gtk_label_get_text (label) == '\0')
        continue;
      if (no_ellipsis && pango_layout_is_ellipsized (layout))
        g_error ("“%s” is cut short with an ellipsis at %d px (%d px wide)",
                 gtk_label_get_text (label), content_width (window),
                 gtk_widget_get_width (GTK_WIDGET (label)));
      pango_layout_get_pixel_size (layout, NULL, &text_height);
      if (text_height > gtk_widget_get_height (GTK_WIDGET (label)) + 1)
        g_error ("“%s” is cut off at %d px: %d lines need %d px, the label has %d px",
                 gtk_label_get_text (label), content_width (window),
                 pango_layout_get_line_count (layout), text_height,
                 gtk_widget_get_height (GTK_WIDGET (label)));
      checked++;
    }
  /* Sanity: the walk saw the window's labels (presenting, with the inputs
   * folded, about 45). */
  g_assert_cmpuint (checked, >, 40);
}

/* Rows of the inputs, template children. The three questions only show
 * when the switch above them is on. */
static const char * const input_rows[] = {
  "company_row", "contact_row", "industry_row", "monthly_spend_row", "currency_row",
  "growth_row", "coverage_row", "questions_row", "complexity_row", "change_row",
  "dedicated_row", "support_row", "use_cases_row", "billing_row", "horizon_row",
  "go_live_row", "rate_card_row", "language_row",
};

/* What the results show to everyone. */
static const char * const shared_results[] = {
  "plan_caption_label", "tier_name_label", "tier_price_label", "billing_label", "reason_label",
  "saving_value", "saving_detail", "break_even_value", "break_even_detail", "net_12_value",
  "net_12_detail", "net_horizon_caption", "net_horizon_value", "net_horizon_detail",
  "chart_title_label", "savings_chart",
};

/* What only the founder sees: hidden in presentation mode. The agency
 * figures are closed until the founder opens them. */
static const char * const private_results[] = {
  "delivery_cost_label", "margin_label", "setup_margin_label", "first_year_label",
  "setup_fee_row",
};

static void
assert_everything_shown (RetainerWindow *window,
                         gboolean        presenting)
{
  GtkWidget *tiers = retainer_test_window_child (window, "tiers_box");
  AdwExpanderRow *agency = retainer_test_window_child (window, "private_expander");
  guint n_cards = 0;

  /* Presenting, the inputs fold into one line. */
  for (guint i = 0; i < G_N_ELEMENTS (input_rows); i++)
    if (presenting)
      g_assert_false (gtk_widget_get_mapped (retainer_test_window_child (window, input_rows[i])));
    else
      assert_child_shown (window, input_rows[i]);
  if (presenting)
    assert_child_shown (window, "inputs_summary_label");
  if (!presenting && !adw_expander_row_get_expanded (agency))
    {
      adw_expander_row_set_expanded (agency, TRUE);
      wait_for_frames (GTK_WIDGET (window), 2);
    }
  for (guint i = 0; i < G_N_ELEMENTS (shared_results); i++)
    assert_child_shown (window, shared_results[i]);
  for (guint i = 0; i < G_N_ELEMENTS (private_results); i++)
    {
      GtkWidget *widget = retainer_test_window_child (window, private_results[i]);

      if (presenting)
        g_assert_false (gtk_widget_get_mapped (widget));
      else
        assert_shown (window, widget);
    }

  for (GtkWidget *card = gtk_widget_get_first_child (tiers);
       card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      g_autoptr (GPtrArray) labels = find_mapped (card, GTK_TYPE_LABEL);

      assert_shown (window, card);
      assert_shown (window, find_button (card));
      for (guint i = 0; i < labels->len; i++)
        assert_shown (window, g_ptr_array_index (labels, i));
      n_cards++;
    }
  g_assert_cmpuint (n_cards, ==, retainer_window_get_proposal (window)->rate_card->n_tiers);

  /* The main actions: exporting, and the menu with everything else. */
  {
    g_autoptr (GPtrArray) export = find_action_buttons (window, "win.export");
    GtkWidget *menu = primary_menu_button (window);

    g_assert_cmpuint (export->len, ==, 1);
    assert_shown (window, g_ptr_array_index (export, 0));
    g_assert_nonnull (menu);
    assert_shown (window, menu);
  }
  /* Open, New and Presentation Mode: a button, or else in the menu. */
  {
    static const char * const actions[] = { "win.open", "win.new", "win.present" };
    GMenuModel *model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (primary_menu_button (window)));

    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      {
        g_autoptr (GPtrArray) buttons = find_action_buttons (window, actions[i]);

        for (guint j = 0; j < buttons->len; j++)
          assert_shown (window, g_ptr_array_index (buttons, j));
        g_assert_true (menu_has_action (model, actions[i]));
      }
  }
}

static graphene_point_t
position_of (RetainerWindow *window,
             const char     *name)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (retainer_test_window_child (window, name), content,
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  return point;
}

typedef enum
{
  INPUTS_LEFT,     /* side by side, the inputs first */
  RESULTS_ONLY,    /* presenting: the results, the inputs folded away */
  RESULTS_ABOVE,   /* one column, the results first */
} Arrangement;

static void
assert_arrangement (RetainerWindow *window,
                    Arrangement     expected)
{
  graphene_point_t inputs = position_of (window, "inputs_box");
  graphene_point_t results = position_of (window, "results_box");

  g_test_message ("at %d px: inputs at %.0f,%.0f, results at %.0f,%.0f",
                  content_width (window), inputs.x, inputs.y, results.x, results.y);
  switch (expected)
    {
    case INPUTS_LEFT:
      g_assert_cmpfloat (inputs.x, <, results.x);
      break;
    case RESULTS_ONLY:
      g_assert_true (gtk_widget_get_mapped (retainer_test_window_child (window, "results_box")));
      g_assert_false (gtk_widget_get_mapped (retainer_test_window_child (window, "inputs_box")));
      break;
    case RESULTS_ABOVE:
      g_assert_cmpfloat (results.y, <, inputs.y);
      g_assert_cmpfloat (fabs (results.x - inputs.x), <, 1);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------ */
/* Screenshots                                                         */

/* The window as drawn, then scrolled down a page at a time until every
 * pane has shown its end: name-1.png, name-2.png, ... */
static void
write_pages (RetainerWindow *window,
             const char     *name)
{
  g_autoptr (GPtrArray) panes = find_mapped (window, GTK_TYPE_SCROLLED_WINDOW);
  gboolean more = TRUE;

  for (guint i = 0; i < panes->len; i++)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (g_ptr_array_index (panes, i)), 0);
  wait_for_frames (GTK_WIDGET (window), 2);
  for (guint page = 1; more && page <= 12; page++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%u.png", name, page);

      retainer_test_write_png (window, file);
      more = FALSE;
      for (guint i = 0; i < panes->len; i++)
        {
          GtkAdjustment *adjustment =
            gtk_scrolled_window_get_vadjustment (g_ptr_array_index (panes, i));
          double value = gtk_adjustment_get_value (adjustment);
          double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

          if (value < end - 1)
            {
              /* A little overlap, so that nothing falls between two pages. */
              gtk_adjustment_set_value (adjustment,
                                        MIN (end, value + 0.9 * gtk_adjustment_get_page_size (adjustment)));
              more = TRUE;
            }
        }
      if (more)
        wait_for_frames (GTK_WIDGET (window), 2);
    }
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */

typedef struct
{
  const char *name;
  int         width;
  int         height;
  gboolean    presenting;
  Arrangement arrangement;
} HalfScreen;

static const HalfScreen half_screens[] = {
  /* Half of 1366×768: one column. */
  { "683x768", 683, 768, FALSE, RESULTS_ABOVE },
  /* Half of 1920×1080: still room for the inputs beside the results. */
  { "960x1080", 960, 1080, FALSE, INPUTS_LEFT },
  { "960x1080-presentation", 960, 1080, TRUE, RESULTS_ONLY },
};

static void
test_half_screen (gconstpointer data)
{
  const HalfScreen *size = data;
  AdwStyleManager *style = adw_style_manager_get_default ();
  RetainerWindow *window;

  window = create_window (size->width, size->height, size->presenting);
  /* The window got the size asked for, less GTK's frame. */
  g_assert_cmpint (content_width (window), <=, size->width);
  g_assert_cmpint (content_width (window), >=, size->width - 24);
  g_assert_cmpint (retainer_window_get_presenting (window), ==, size->presenting);

  assert_arrangement (window, size->arrangement);
  assert_everything_shown (window, size->presenting);
  assert_nothing_cut_off (window);
  assert_text_whole (window, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (retainer_test_color_schemes); i++)
    {
      const RetainerTestColorScheme *scheme = &retainer_test_color_schemes[i];
      g_autofree char *name = g_strdup_printf ("layout-%s-%s", size->name, scheme->name);
      adw_style_manager_set_color_scheme (style, scheme->scheme);
      wait_for_frames (GTK_WIDGET (window), 2);
      write_pages (window, name);
    }
  retainer_test_destroy_window (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* The same from the narrowest window GNOME supports up to a wide screen,
 * across each width the layout changes at: nothing sticks out (and
 * libadwaita warns, fatally here, when the content needs more room than
 * the window has). */
static void
assert_width_fits (RetainerWindow *window,
                   int             width,
                   gboolean        presenting)
{
  g_test_message ("%d px%s", width, presenting ? ", presenting" : "");
  g_assert_cmpint (retainer_window_get_presenting (window), ==, presenting);
  assert_everything_shown (window, presenting);
  assert_nothing_cut_off (window);
  /* At 360 px libadwaita shortens the label of a toast. */
  assert_text_whole (window, FALSE);
  if (presenting)
    assert_arrangement (window, RESULTS_ONLY);
  else if (content_width (window) <= 900)
    assert_arrangement (window, RESULTS_ABOVE);
  else
    assert_arrangement (window, INPUTS_LEFT);
}

static void
test_every_width (void)
{
  /* Each side of both breakpoints (900sp and 540sp), half a 1920 px screen
   * and GNOME's narrowest; 683 px and 1280 px are checked by the tests
   * below. */
  static const int widths[] = { 960, 901, 900, 541, 540, 360 };
  RetainerWindow *window = create_window (widths[0], 700, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      /* Xvfb has no window manager: a window asked to go full screen keeps
       * its size, and GDK holds resizes until the answer comes. So the
       * window is resized first, then presented. */
      retainer_window_set_presenting (window, FALSE);
      resize_window (window, widths[i], 700);
      /* GTK's frame around the content is all the difference. */
      g_assert_cmpint (content_width (window), <=, widths[i]);
      g_assert_cmpint (content_width (window), >=, widths[i] - 24);
      assert_width_fits (window, widths[i], FALSE);
      if (widths[i] == 360)
        write_pages (window, "layout-360x700");

      retainer_window_set_presenting (window, TRUE);
      wait_for_frames (GTK_WIDGET (window), 3);
      assert_width_fits (window, widths[i], TRUE);
      if (widths[i] == 360)
        write_pages (window, "layout-360x700-presentation");
    }
  retainer_test_destroy_window (window);
}

/* Presentation mode switched on and off in an open window moves the
 * results first and back. */
static void
test_presentation_toggles_order (void)
{
  RetainerWindow *window = create_window (1280, 800, FALSE);

  assert_arrangement (window, INPUTS_LEFT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  wait_for_frames (GTK_WIDGET (window), 3);
  assert_arrangement (window, RESULTS_ONLY);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-presentation", NULL));
  wait_for_frames (GTK_WIDGET (window), 3);
  assert_arrangement (window, INPUTS_LEFT);
  retainer_test_destroy_window (window);
}

/* What a screen reader reads: each tier's button says which tier it
 * chooses; the group of plans has a name; each number field is named
 * once, by its row. */
static void
test_accessible_names (void)
{
  RetainerWindow *window = create_window (960, 1080, FALSE);
  GtkWidget *tiers = retainer_test_window_child (window, "tiers_box");
  const RetainerRateCard *card = retainer_window_get_proposal (window)->rate_card;
  static const char * const spin_rows[] = {
    "monthly_spend_row", "growth_row", "coverage_row", "use_cases_row", "go_live_row",
    "setup_fee_row",
  };
  guint tier = 0;

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (tiers)), ==,
                   GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (tiers), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Plans");

  for (GtkWidget *child = gtk_widget_get_first_child (tiers);
       child != NULL;
       child = gtk_widget_get_next_sibling (child), tier++)
    {
      GtkWidget *button = find_button (child);
      const char *name = retainer_rate_card_text (card->tiers[tier].name);
      g_autofree char *expected = NULL;

      if (retainer_tier_card_get_chosen (RETAINER_TIER_CARD (child)))
        expected = g_strdup_printf ("%s is chosen", name);
      else
        expected = g_strdup_printf ("Choose %s", name);
      g_test_message ("tier %u: “%s”", tier, expected);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           expected);
      /* A labelled-by relation (as gtk_button_set_label () makes, to the
       * one word shown) would be read instead of the name. */
      g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button),
                                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY));
    }
  g_assert_cmpuint (tier, ==, 3);
  g_assert_cmpstr (retainer_rate_card_text (card->tiers[0].name), ==, "Essentials");
  g_assert_cmpstr (retainer_rate_card_text (card->tiers[2].name), ==, "Enterprise");

  /* Choosing another tier renames both buttons. */
  g_signal_emit_by_name (gtk_widget_get_last_child (tiers), "choose");
  retainer_test_settle ();
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_button (gtk_widget_get_last_child (tiers))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Enterprise is chosen");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_button (gtk_widget_get_first_child (tiers))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Choose Essentials");

  for (guint i = 0; i < G_N_ELEMENTS (spin_rows); i++)
    {
      AdwSpinRow *row = retainer_test_window_child (window, spin_rows[i]);
      GtkEditable *spin = gtk_editable_get_delegate (GTK_EDITABLE (row));
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row));

      /* GTK 4.18 leaves a "presentation" widget out of the tree for
       * assistive technologies, with its children: the spin button too. */
      g_assert_cmpint (role, !=, GTK_ACCESSIBLE_ROLE_PRESENTATION);
      g_assert_cmpint (role, !=, GTK_ACCESSIBLE_ROLE_NONE);
      g_assert_true (GTK_IS_SPIN_BUTTON (spin));
      gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (spin),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      if (subtitle != NULL && *subtitle != '\0')
        gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row),
                                             GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle);
      /* Named by the row only: a label of its own would be read twice. */
      g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (spin),
                                                        GTK_ACCESSIBLE_PROPERTY_LABEL));
    }
  /* An entry row is named by its title once (libadwaita 1.7 labels it by
   * its title twice). */
  for (guint i = 0; i < 3; i++)
    {
      static const char * const entry_rows[] = { "company_row", "contact_row", "industry_row" };
      AdwPreferencesRow *row = retainer_test_window_child (window, entry_rows[i]);

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           adw_preferences_row_get_title (row));
      g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (row),
                                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY));
    }
  /* The unit is in the description. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (retainer_test_window_child (window, "growth_row")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Percent per month");

  retainer_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  application = retainer_test_init_window_tests (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (half_screens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/layout/half-screen-%s", half_screens[i].name);

      g_test_add_data_func (path, &half_screens[i], test_half_screen);
    }
  /* A suite of its own: tests/ui/meson.build runs it as a test of its own. */
  g_test_add_func ("/ui/layout-widths/every-width", test_every_width);
  g_test_add_func ("/ui/layout/presentation-toggles-order", test_presentation_toggles_order);
  g_test_add_func ("/ui/layout/accessible-names", test_accessible_names);

  return retainer_test_run (application);
}
