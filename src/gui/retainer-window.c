/* retainer-window.c: the inputs and the core's result, side by side or in
 * one column
 *
 * The window reads its widgets into the proposal, asks the core for the
 * result and shows it. Nothing here computes or formats money by itself:
 * amounts come from the core and are written with retainer_money_format ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "retainer-json.h"
#include "retainer-money.h"
#include "retainer-number.h"
#include "retainer-tier-card.h"
#include "retainer-window-private.h"

G_DEFINE_FINAL_TYPE (RetainerWindow, retainer_window, ADW_TYPE_APPLICATION_WINDOW)

static const guint horizons[] = { 12, 24, 36 };

/* ------------------------------------------------------------------ */
/* Number fields: exact values in the locale's marks                   */

/* Each field holds its value as an integer scaled by 10^decimals: cents
 * for amounts, hundredths of a percent for rates. Core's
 * retainer_parse_decimal () and retainer_format_decimal () turn it into
 * text and back without losing a digit, so a field that was not edited
 * never changes its value, and an edit changes its own value only. */
typedef struct
{
  guint  decimals;
  gint64 lower;
  gint64 upper;
} NumberRule;

static const NumberRule number_rules[RETAINER_N_FIELDS] = {
  [RETAINER_FIELD_SPEND] = { 2, 0, RETAINER_MONEY_MAX },
  [RETAINER_FIELD_GROWTH] = { 2, (gint64) (RETAINER_GROWTH_MIN_PCT * 100),
                              (gint64) (RETAINER_GROWTH_MAX_PCT * 100) },
  [RETAINER_FIELD_COVERAGE] = { 2, 0, 100 * 100 },
  [RETAINER_FIELD_USE_CASES] = { 0, 1, RETAINER_USE_CASES_MAX },
  [RETAINER_FIELD_GO_LIVE] = { 0, 0, RETAINER_GO_LIVE_MAX_MONTHS },
  [RETAINER_FIELD_SETUP_FEE] = { 2, 0, RETAINER_MONEY_MAX },
};

/* A change to more than this many times the value, or to less than its
 * share, in one edit is shown, so that a slipped digit does not go
 * unnoticed on a call. */
#define LARGE_CHANGE_FACTOR 5

static void proposal_changed (RetainerWindow *self,
                              gconstpointer   key);
static void refresh_setup_fee (RetainerWindow *self);

static double
number_scale (RetainerField field)
{
  return number_rules[field].decimals == 2 ? 100.0 : 1.0;
}

static gboolean
number_is_rate (RetainerField field)
{
  return field == RETAINER_FIELD_GROWTH || field == RETAINER_FIELD_COVERAGE;
}

static gboolean
number_is_money (RetainerField field)
{
  return field == RETAINER_FIELD_SPEND || field == RETAINER_FIELD_SETUP_FEE;
}

static RetainerField
number_field_of (RetainerWindow *self,
                 gpointer        row)
{
  for (guint i = 0; i < RETAINER_N_FIELDS; i++)
    if (self->numbers[i].row == row)
      return i;
  g_return_val_if_reached (RETAINER_FIELD_SPEND);
}

/* The field's value in the proposal, scaled. A setup fee the founder has
 * not set is the one the core suggests. */
static gint64
number_value (RetainerWindow *self,
              RetainerField   field)
{
  const RetainerProposal *proposal = self->proposal;

  switch (field)
    {
    case RETAINER_FIELD_SPEND:
      return proposal->monthly_api_spend;
    case RETAINER_FIELD_GROWTH:
      return llround (proposal->api_growth_pct * 100);
    case RETAINER_FIELD_COVERAGE:
      return llround (proposal->coverage_pct * 100);
    case RETAINER_FIELD_USE_CASES:
      return proposal->use_cases;
    case RETAINER_FIELD_GO_LIVE:
      return proposal->go_live_months;
    case RETAINER_FIELD_SETUP_FEE:
      if (proposal->has_setup_fee || self->result == NULL)
        return proposal->setup_fee;
      return self->result->setup_fee;
    case RETAINER_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
set_number_value (RetainerWindow *self,
                  RetainerField   field,
                  gint64          scaled)
{
  RetainerProposal *proposal = self->proposal;

  switch (field)
    {
    case RETAINER_FIELD_SPEND:
      proposal->monthly_api_spend = scaled;
      break;
    case RETAINER_FIELD_GROWTH:
      proposal->api_growth_pct = (double) scaled / 100.0;
      break;
    case RETAINER_FIELD_COVERAGE:
      proposal->coverage_pct = (double) scaled / 100.0;
      break;
    case RETAINER_FIELD_USE_CASES:
      proposal->use_cases = (guint) scaled;
      break;
    case RETAINER_FIELD_GO_LIVE:
      proposal->go_live_months = (guint) scaled;
      break;
    case RETAINER_FIELD_SETUP_FEE:
      proposal->has_setup_fee = TRUE;
      proposal->setup_fee = scaled;
      break;
    case RETAINER_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* The text of a value: every cent and every hundredth it has, and no
 * zeros it has not ("8,500", "12,000.50", "87.5"). */
static char *
format_number_input (RetainerField field,
                     gint64        scaled)
{
  if (number_rules[field].decimals == 2)
    {
      if (scaled % 100 == 0)
        return retainer_format_decimal (scaled / 100, 0, NULL);
      if (number_is_rate (field) && scaled % 10 == 0)
        return retainer_format_decimal (scaled / 10, 1, NULL);
    }
  return retainer_format_decimal (scaled, number_rules[field].decimals, NULL);
}

/* The most a field takes: its rule's, except that the use cases leave room
 * for those the proposal document offers as an option. */
static gint64
number_upper (RetainerWindow *self,
              RetainerField   field)
{
  if (field == RETAINER_FIELD_USE_CASES && self->proposal != NULL)
    return retainer_proposal_max_use_cases (self->proposal);
  return number_rules[field].upper;
}

static void
update_number_limits (RetainerWindow *self)
{
  RetainerField field = RETAINER_FIELD_USE_CASES;
  AdwSpinRow *row = self->numbers[field].row;

  if (row == NULL)
    return;
  self->updating++;
  gtk_adjustment_set_upper (adw_spin_row_get_adjustment (row),
                            (double) number_upper (self, field) / number_scale (field));
  self->updating--;
}

static gboolean
parse_number_input (RetainerWindow *self,
                    RetainerField   field,
                    const char     *text,
                    gint64         *scaled,
                    GError        **error)
{
  const NumberRule *rule = &number_rules[field];
  gint64 most = number_upper (self, field);
  gint64 value;

  if (!retainer_parse_decimal (text, NULL, rule->decimals, &value, error))
    return FALSE;

  if (value < rule->lower || value > most)
    {
      g_autofree char *typed = g_strstrip (g_strdup (text));
      g_autofree char *lower = format_number_input (field, rule->lower);
      g_autofree char *upper = format_number_input (field, most);

      g_set_error (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_RANGE,
                   /* Translators: %1$s is what was typed, %2$s and %3$s the
                    * limits of the field, like “0” and “100”. */
                   _("“%1$s” is outside this field’s range of %2$s to %3$s"),
                   typed, lower, upper);
      return FALSE;
    }

  *scaled = value;
  return TRUE;
}

/* The spin button inside a spin row: it holds the text and the focus. */
static GtkWidget *
spin_button_of (AdwSpinRow *row)
{
  return gtk_editable_get_delegate (GTK_EDITABLE (row)) != NULL
           ? gtk_widget_get_ancestor (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                      GTK_TYPE_SPIN_BUTTON)
           : NULL;
}

/* A spin row's own spin button is labelled and described by the row. The
 * template gives each spin row the role of the list item it is: libadwaita
 * makes it "presentation", and GTK 4.18 then leaves the row out of the
 * accessibility tree together with the spin button in it. The row names
 * itself after its title, once, and describes itself with its subtitle,
 * which carries the unit where there is one; read from the row's text, the
 * spin button's name would be title, subtitle and buttons at once. */
static void
update_spin_row_accessible (AdwSpinRow *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  if (subtitle != NULL && *subtitle != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Refused text stays in the field for the founder to correct; the field
 * says why, in its subtitle and to screen readers, and which value the
 * proposal keeps meanwhile. */
static void
mark_number_input (RetainerWindow *self,
                   RetainerField   field,
                   const char     *problem)
{
  RetainerNumberInput *input = &self->numbers[field];
  GtkWidget *spin_button = spin_button_of (input->row);
  g_autofree char *kept = format_number_input (field, number_value (self, field));
  g_autofree char *description = NULL;
  g_autofree char *markup = NULL;

  /* Translators: %1$s says what is wrong with the typed text, %2$s is the
   * value the field keeps meanwhile, like “12,000.50”. */
  description = g_strdup_printf (_("%1$s. The value stays %2$s."), problem, kept);
  markup = g_markup_escape_text (description, -1);

  if (!input->invalid)
    {
      input->invalid = TRUE;
      input->subtitle = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (input->row)));
      gtk_widget_add_css_class (GTK_WIDGET (input->row), "error");
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (input->row), markup);
  gtk_accessible_update_property (GTK_ACCESSIBLE (input->row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  if (spin_button != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (spin_button),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
}

static void
unmark_number_input (RetainerWindow *self,
                     RetainerField   field)
{
  RetainerNumberInput *input = &self->numbers[field];
  GtkWidget *spin_button = spin_button_of (input->row);

  if (!input->invalid)
    return;

  input->invalid = FALSE;
  gtk_widget_remove_css_class (GTK_WIDGET (input->row), "error");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (input->row),
                               input->subtitle != NULL ? input->subtitle : "");
  g_clear_pointer (&input->subtitle, g_free);
  update_spin_row_accessible (input->row);
  if (spin_button != NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (spin_button),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (spin_button), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Writes the exact text of @scaled into the field, not as an edit. */
static void
show_number (RetainerWindow *self,
             RetainerField   field,
             gint64          scaled)
{
  RetainerNumberInput *input = &self->numbers[field];
  g_autofree char *text = format_number_input (field, scaled);

  self->updating++;
  unmark_number_input (self, field);
  input->editing = FALSE;
  adw_spin_row_set_value (input->row, (double) scaled / number_scale (field));
  /* set_value () does nothing when the value is equal but the text was
   * left half-typed, and the text it writes comes from a double: the
   * exact text goes in last. */
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (input->row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (input->row), text);
  self->updating--;
}

static int
spin_input_cb (AdwSpinRow     *row,
               double         *new_value,
               RetainerWindow *self)
{
  RetainerField field = number_field_of (self, row);
  g_autoptr (GError) error = NULL;
  gint64 scaled;

  if (!parse_number_input (self, field, gtk_editable_get_text (GTK_EDITABLE (row)), &scaled, &error))
    {
      mark_number_input (self, field, retainer_error_message (error));
      /* The spin button keeps the proposal's value; the output handler
       * leaves the refused text in place for the founder to correct. */
      scaled = number_value (self, field);
    }

  *new_value = (double) scaled / number_scale (field);
  return TRUE;
}

static gboolean
spin_output_cb (AdwSpinRow     *row,
                RetainerWindow *self)
{
  RetainerField field = number_field_of (self, row);
  RetainerNumberInput *input = &self->numbers[field];
  gint64 scaled = llround (adw_spin_row_get_value (row) * number_scale (field));
  g_autofree char *text = NULL;

  /* Refused text stays until the value moves (the buttons, the arrow keys). */
  if (input->invalid && scaled == number_value (self, field))
    return TRUE;

  text = format_number_input (field, scaled);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (row))) != 0)
    {
      /* Not typing: the value itself follows in notify::value. */
      self->updating++;
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      self->updating--;
    }
  return TRUE;
}

static char *
describe_number (RetainerWindow *self,
                 RetainerField   field,
                 gint64          scaled)
{
  if (number_is_money (field))
    return retainer_money_format (scaled, self->proposal->currency,
                                  RETAINER_MONEY_FORMAT_DEFAULT);
  return retainer_format_percent ((double) scaled / 100.0,
                                  scaled % 100 == 0 ? 0 : (scaled % 10 == 0 ? 1 : 2));
}

typedef struct
{
  RetainerField field;
  gint64        before;
  gint64        after;
} LargeChange;

static void
change_toast_undo_cb (AdwToast       *toast,
                      RetainerWindow *self)
{
  const LargeChange *change = g_object_get_data (G_OBJECT (toast), "retainer-change");

  /* Ctrl+Z or another edit may have moved the value since. */
  if (change == NULL || number_value (self, change->field) != change->after)
    return;

  set_number_value (self, change->field, change->before);
  show_number (self, change->field, change->before);
  proposal_changed (self, NULL);
}

static void
show_large_change (RetainerWindow *self,
                   RetainerField   field,
                   gint64          before,
                   gint64          after)
{
  g_autofree char *from = describe_number (self, field, before);
  g_autofree char *to = describe_number (self, field, after);
  g_autofree char *message = NULL;
  LargeChange *change = g_new0 (LargeChange, 1);
  AdwToast *toast;

  switch (field)
    {
    case RETAINER_FIELD_SPEND:
      /* Translators: shown after one edit multiplied or divided the value
       * by more than five; %1$s and %2$s are amounts like “$850” and “$8,500”. */
      message = g_strdup_printf (_("Spend changed from %1$s to %2$s"), from, to);
      break;
    case RETAINER_FIELD_GROWTH:
      /* Translators: %1$s and %2$s are percentages like “2%” and “20%”. */
      message = g_strdup_printf (_("Growth changed from %1$s to %2$s"), from, to);
      break;
    case RETAINER_FIELD_COVERAGE:
      /* Translators: %1$s and %2$s are percentages like “10%” and “100%”. */
      message = g_strdup_printf (_("Coverage changed from %1$s to %2$s"), from, to);
      break;
    case RETAINER_FIELD_SETUP_FEE:
      /* Translators: %1$s and %2$s are amounts like “$1,000” and “$10,000”. */
      message = g_strdup_printf (_("Setup fee changed from %1$s to %2$s"), from, to);
      break;
    case RETAINER_FIELD_USE_CASES:
    case RETAINER_FIELD_GO_LIVE:
    case RETAINER_N_FIELDS:
    default:
      g_free (change);
      return;
    }

  change->field = field;
  change->before = before;
  change->after = after;

  if (self->change_toast != NULL)
    adw_toast_dismiss (self->change_toast);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "retainer-change", change, g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (change_toast_undo_cb), self, 0);
  g_set_weak_pointer (&self->change_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
is_large_change (gint64 before,
                 gint64 after)
{
  guint64 from = before < 0 ? (guint64) -before : (guint64) before;
  guint64 to = after < 0 ? (guint64) -after : (guint64) after;

  if (from == 0 || to == 0)
    return FALSE;
  return to > from * LARGE_CHANGE_FACTOR || from > to * LARGE_CHANGE_FACTOR;
}

/* The end of one edit of a field: Enter, or the focus leaving it. */
static void
commit_number_input (RetainerWindow *self,
                     RetainerField   field)
{
  RetainerNumberInput *input = &self->numbers[field];
  gint64 after;

  if (!input->editing)
    return;

  input->editing = FALSE;
  after = number_value (self, field);
  if (is_large_change (input->edit_start, after))
    show_large_change (self, field, input->edit_start, after);
}

/* Typing: each keystroke that leaves a number counts, so the results
 * follow; text that is no number (yet) is marked and changes nothing. */
static void
number_text_changed_cb (RetainerWindow *self,
                        GtkEditable    *editable)
{
  RetainerField field;
  RetainerNumberInput *input;
  g_autoptr (GError) error = NULL;
  gint64 scaled;

  if (self->updating > 0)
    return;

  field = number_field_of (self, editable);
  input = &self->numbers[field];
  if (!parse_number_input (self, field, gtk_editable_get_text (editable), &scaled, &error))
    {
      /* An emptied field is being typed into: not a mistake yet. Leaving
       * it empty is (spin_input_cb). */
      if (!g_error_matches (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_EMPTY))
        mark_number_input (self, field, retainer_error_message (error));
      return;
    }

  if (input->invalid)
    {
      unmark_number_input (self, field);
      if (field == RETAINER_FIELD_SETUP_FEE && self->result != NULL)
        refresh_setup_fee (self);
    }
  if (scaled == number_value (self, field))
    return;

  if (!input->editing)
    {
      input->editing = TRUE;
      input->edit_start = number_value (self, field);
    }
  set_number_value (self, field, scaled);
  proposal_changed (self, editable);
}

/* The spin button's value moves when typing is committed (Enter, the
 * focus leaving), with the buttons and with the arrow keys. */
static void
number_value_changed_cb (RetainerWindow *self,
                         GParamSpec     *pspec,
                         AdwSpinRow     *row)
{
  RetainerField field;
  gint64 scaled;

  if (self->updating > 0)
    return;

  field = number_field_of (self, row);
  scaled = llround (adw_spin_row_get_value (row) * number_scale (field));
  if (scaled != number_value (self, field))
    {
      unmark_number_input (self, field);
      set_number_value (self, field, scaled);
      proposal_changed (self, row);
    }
  commit_number_input (self, field);
}

static gboolean
select_number_idle_cb (gpointer data)
{
  GtkWidget *row = data;
  GtkRoot *root = gtk_widget_get_root (row);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, row))
    gtk_editable_select_region (GTK_EDITABLE (row), 0, -1);
  return G_SOURCE_REMOVE;
}

/* A number field selects its text when it gets the focus, by a click too:
 * typing 8500 into a field that shows 0 gives 8,500, not 80,500. The
 * click places the cursor after the focus came, so the selection waits
 * for it. */
static void
number_focus_enter_cb (GtkEventControllerFocus *controller,
                       RetainerWindow          *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  gtk_editable_select_region (GTK_EDITABLE (row), 0, -1);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, select_number_idle_cb, g_object_ref (row),
                   g_object_unref);
}

static void
number_focus_leave_cb (GtkEventControllerFocus *controller,
                       RetainerWindow          *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  commit_number_input (self, number_field_of (self, row));
}

static void
setup_number_input (RetainerWindow *self,
                    RetainerField   field,
                    AdwSpinRow     *row)
{
  const NumberRule *rule = &number_rules[field];
  GtkAdjustment *adjustment = adw_spin_row_get_adjustment (row);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->numbers[field].row = row;
  /* The limits the core keeps to, from the same table the text is read with. */
  adw_spin_row_set_digits (row, rule->decimals);
  gtk_adjustment_set_lower (adjustment, (double) rule->lower / number_scale (field));
  gtk_adjustment_set_upper (adjustment, (double) rule->upper / number_scale (field));

  g_signal_connect (row, "input", G_CALLBACK (spin_input_cb), self);
  g_signal_connect (row, "output", G_CALLBACK (spin_output_cb), self);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (number_text_changed_cb), self);
  g_signal_connect_swapped (row, "notify::value", G_CALLBACK (number_value_changed_cb), self);
  g_signal_connect (focus, "enter", G_CALLBACK (number_focus_enter_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (number_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  update_spin_row_accessible (row);
}

/* libadwaita 1.7 labels an entry row by its title twice: a screen reader
 * would read "Company Company". The row is named once, by its title. */
static void
name_entry_row_once (AdwEntryRow *row)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                  -1);
}

/* A results card is read as its caption (labelled-by in the template) and
 * its figure and detail. */
static void
describe_card (GtkWidget *card,
               GtkLabel  *value,
               GtkLabel  *detail)
{
  gtk_accessible_update_relation (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, value, detail, NULL,
                                  -1);
}

/* ------------------------------------------------------------------ */
/* Combo rows                                                          */

/* Fills a combo row with the core's translated labels of an enum. */
#define FILL_COMBO(row, label_func, n_values)                         \
  G_STMT_START                                                        \
  {                                                                   \
    g_autoptr (GtkStringList) model_ = gtk_string_list_new (NULL);    \
                                                                      \
    for (guint i_ = 0; i_ < (guint) (n_values); i_++)                 \
      gtk_string_list_append (model_, label_func (i_));               \
    adw_combo_row_set_model ((row), G_LIST_MODEL (model_));           \
  }                                                                   \
  G_STMT_END

/* Combo rows show their value whole: libadwaita's own items stop at 20
 * characters, and shorter still in a narrow window. The values are short
 * words (a rate card's name, which can be long, is shown as the row's
 * subtitle instead): the row's title wraps around them. In the list that
 * pops up, the chosen item has a check mark. */
static void
combo_check_selected_cb (GtkListItem *item,
                         GParamSpec  *pspec,
                         GtkWidget   *check)
{
  gtk_widget_set_opacity (check, gtk_list_item_get_selected (item) ? 1.0 : 0.0);
}

static void
combo_item_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  in_popover)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (GPOINTER_TO_INT (in_popover))
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *check = g_object_new (GTK_TYPE_IMAGE,
                                       "icon-name", "object-select-symbolic",
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                       NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), check);
      g_signal_connect_object (item, "notify::selected", G_CALLBACK (combo_check_selected_cb),
                               check, 0);
      gtk_list_item_set_child (item, box);
    }
  else
    {
      /* No wrapping: the list view the row shows its value in gives the
       * label the height of one line. */
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_list_item_set_child (item, label);
    }
}

static void
combo_item_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  in_popover)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *label = GTK_IS_LABEL (child) ? child : gtk_widget_get_first_child (child);

  gtk_label_set_label (GTK_LABEL (label),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
  if (!GTK_IS_LABEL (child))
    combo_check_selected_cb (item, NULL, gtk_widget_get_last_child (child));
}

static GtkListItemFactory *
combo_factory_new (gboolean in_popover)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (combo_item_setup_cb),
                    GINT_TO_POINTER (in_popover));
  g_signal_connect (factory, "bind", G_CALLBACK (combo_item_bind_cb),
                    GINT_TO_POINTER (in_popover));
  return factory;
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

/* The list opens on the current value, with the focus on it: Up and Down
 * then move from there, and Enter keeps it. libadwaita 1.7 leaves the
 * focus where the list had it last. */
static void
combo_popover_map_cb (GtkWidget   *popover,
                      AdwComboRow *row)
{
  GtkWidget *list = find_descendant (popover, GTK_TYPE_LIST_VIEW);
  guint selected = adw_combo_row_get_selected (row);

  if (list != NULL && selected != GTK_INVALID_LIST_POSITION)
    gtk_list_view_scroll_to (GTK_LIST_VIEW (list), selected, GTK_LIST_SCROLL_FOCUS, NULL);
}

static void
setup_combos (AdwComboRow **rows,
              guint         n_rows)
{
  g_autoptr (GtkListItemFactory) value_factory = combo_factory_new (FALSE);
  g_autoptr (GtkListItemFactory) list_factory = combo_factory_new (TRUE);

  for (guint i = 0; i < n_rows; i++)
    {
      GtkWidget *popover = find_descendant (GTK_WIDGET (rows[i]), GTK_TYPE_POPOVER);

      adw_combo_row_set_factory (rows[i], value_factory);
      adw_combo_row_set_list_factory (rows[i], list_factory);
      if (popover != NULL)
        g_signal_connect_object (popover, "map", G_CALLBACK (combo_popover_map_cb), rows[i], 0);
      else
        g_warning ("The list of the combo row “%s” was not found",
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i])));
    }
}

static void
set_combo (AdwComboRow *row,
           guint        position)
{
  if (adw_combo_row_get_selected (row) != position)
    adw_combo_row_set_selected (row, position);
}

static guint
get_combo (AdwComboRow *row,
           guint        n_values)
{
  guint position = adw_combo_row_get_selected (row);

  return position < n_values ? position : 0;
}

static void
fill_horizon_combo (AdwComboRow *row)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (horizons); i++)
    {
      g_autofree char *label = g_strdup_printf (ngettext ("%u month", "%u months", horizons[i]),
                                                horizons[i]);

      gtk_string_list_append (model, label);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

static void
fill_currency_combo (AdwComboRow *row)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  const RetainerCurrency *currencies;
  guint n_currencies;

  currencies = retainer_currency_list (&n_currencies);
  for (guint i = 0; i < n_currencies; i++)
    {
      g_autofree char *label = NULL;

      if (currencies[i].symbol_is_code)
        label = g_strdup (currencies[i].code);
      else
        label = g_strdup_printf ("%s (%s)", currencies[i].code, currencies[i].symbol);
      gtk_string_list_append (model, label);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

static guint
currency_position (const char *code)
{
  const RetainerCurrency *currencies;
  guint n_currencies;

  currencies = retainer_currency_list (&n_currencies);
  for (guint i = 0; i < n_currencies; i++)
    if (g_strcmp0 (currencies[i].code, code) == 0)
      return i;
  return 0;
}

/* Languages a proposal can be written in. Names are in their own language,
 * as a language picker shows them; NULL is the user's own language. */
static const struct
{
  const char *code;
  const char *name;
} proposal_languages[] = {
  { NULL, NULL },
  { "en", "English" },
  { "de", "Deutsch" },
  { "es", "Español" },
  { "fr", "Français" },
};

/* The picker lists the languages above, plus a language a file names that
 * Retainer has no entry for, so that reading the widgets back keeps it. */
static void
fill_language_combo (RetainerWindow *self)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  const char *code = self->proposal->language;
  guint selected = 0;

  gtk_string_list_append (model, _("Same as Retainer"));
  for (guint i = 1; i < G_N_ELEMENTS (proposal_languages); i++)
    {
      gtk_string_list_append (model, proposal_languages[i].name);
      if (g_strcmp0 (code, proposal_languages[i].code) == 0)
        selected = i;
    }
  if (code != NULL && selected == 0)
    {
      gtk_string_list_append (model, code);
      selected = G_N_ELEMENTS (proposal_languages);
    }

  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->language_row, selected);
}

static char *
selected_language (RetainerWindow *self)
{
  guint position = adw_combo_row_get_selected (self->language_row);
  GListModel *model = adw_combo_row_get_model (self->language_row);

  if (position < G_N_ELEMENTS (proposal_languages))
    return g_strdup (proposal_languages[position].code);
  if (model != NULL && position < g_list_model_get_n_items (model))
    return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (model), position));
  return NULL;
}

/* The picker lists every card the founder has, plus the proposal's own
 * snapshot when it came from a card that is not installed here. */
static void
fill_rate_card_combo (RetainerWindow *self)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  const RetainerRateCard *own = self->proposal->rate_card;
  guint selected = G_MAXUINT;

  g_clear_pointer (&self->rate_cards, g_ptr_array_unref);
  self->rate_cards = retainer_rate_card_list_all (NULL);

  for (guint i = 0; i < self->rate_cards->len; i++)
    {
      const RetainerRateCard *card = g_ptr_array_index (self->rate_cards, i);

      gtk_string_list_append (model, retainer_rate_card_text (card->name));
      if (selected == G_MAXUINT && g_strcmp0 (card->id, own->id) == 0)
        selected = i;
    }

  if (selected == G_MAXUINT)
    {
      /* Translators: a rate card that exists only inside the open proposal file. */
      g_autofree char *label = g_strdup_printf (_("%s (from this proposal)"),
                                                retainer_rate_card_text (own->name));

      g_ptr_array_add (self->rate_cards, retainer_rate_card_copy (own));
      gtk_string_list_append (model, label);
      selected = self->rate_cards->len - 1;
    }

  adw_combo_row_set_model (self->rate_card_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->rate_card_row, selected);
}

/* ------------------------------------------------------------------ */
/* Proposal -> widgets                                                 */

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
update_question_rows (RetainerWindow *self,
                      gboolean        has_answers)
{
  gtk_widget_set_visible (GTK_WIDGET (self->tasks_row), has_answers);
  gtk_widget_set_visible (GTK_WIDGET (self->data_row), has_answers);
  gtk_widget_set_visible (GTK_WIDGET (self->evaluation_row), has_answers);
  /* The answers decide the complexity; the row then only shows it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->complexity_row), !has_answers);
}

static guint
horizon_position (guint months)
{
  for (guint i = 0; i < G_N_ELEMENTS (horizons); i++)
    if (horizons[i] == months)
      return i;
  return 0;
}

static void refresh_results (RetainerWindow *self);

/* Fills every input from self->proposal, without taking it as an edit. */
void
retainer_window_show_proposal (RetainerWindow *self)
{
  const RetainerProposal *proposal = self->proposal;

  self->updating++;

  set_entry_text (self->company_row, proposal->company);
  set_entry_text (self->contact_row, proposal->contact);
  set_entry_text (self->industry_row, proposal->industry);
  /* From the stored cents and hundredths, never through a double's text. */
  show_number (self, RETAINER_FIELD_SPEND, proposal->monthly_api_spend);
  set_combo (self->currency_row, currency_position (proposal->currency));
  show_number (self, RETAINER_FIELD_GROWTH, number_value (self, RETAINER_FIELD_GROWTH));
  show_number (self, RETAINER_FIELD_COVERAGE, number_value (self, RETAINER_FIELD_COVERAGE));
  adw_switch_row_set_active (self->questions_row, proposal->has_answers);
  set_combo (self->complexity_row, proposal->complexity);
  set_combo (self->tasks_row, proposal->tasks);
  set_combo (self->data_row, proposal->data_readiness);
  set_combo (self->evaluation_row, proposal->evaluation);
  update_question_rows (self, proposal->has_answers);
  set_combo (self->change_row, proposal->change_frequency);
  adw_switch_row_set_active (self->dedicated_row, proposal->dedicated_instance);
  set_combo (self->support_row, proposal->support);
  update_number_limits (self);
  show_number (self, RETAINER_FIELD_USE_CASES, proposal->use_cases);
  set_combo (self->billing_row, proposal->billing);
  set_combo (self->horizon_row, horizon_position (proposal->horizon_months));
  show_number (self, RETAINER_FIELD_GO_LIVE, proposal->go_live_months);
  fill_rate_card_combo (self);
  fill_language_combo (self);
  /* A fee the founder has not set follows the core's suggestion (refresh_setup_fee). */
  if (proposal->has_setup_fee)
    show_number (self, RETAINER_FIELD_SETUP_FEE, proposal->setup_fee);

  self->updating--;

  refresh_results (self);
}

/* ------------------------------------------------------------------ */
/* Widgets -> proposal                                                 */

static void
read_text (AdwEntryRow  *row,
           char        **field)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  g_free (*field);
  /* Files keep to the same limit; a longer paste is cut, not refused. */
  if (g_utf8_strlen (text, -1) > RETAINER_TEXT_MAX_LENGTH)
    *field = g_utf8_substring (text, 0, RETAINER_TEXT_MAX_LENGTH);
  else
    *field = g_strdup (text);
}

/* The three answers that decide the complexity, started from the
 * complexity the proposal has, so that turning the questions on changes no
 * figure: the answers already given stay where they do not ask for more. */
static void
match_answers_to_complexity (RetainerProposal *proposal)
{
  int level = (int) proposal->complexity;

  if (retainer_complexity_from_answers (proposal->tasks, proposal->data_readiness,
                                        proposal->evaluation) == proposal->complexity)
    return;

  proposal->tasks = (RetainerTasks) MIN (level, RETAINER_N_TASKS - 1);
  proposal->data_readiness = (RetainerDataReadiness) MIN ((int) proposal->data_readiness, level);
  proposal->evaluation = (RetainerEvaluation) MIN ((int) proposal->evaluation, level);
}

static void
show_answers (RetainerWindow *self)
{
  const RetainerProposal *proposal = self->proposal;

  self->updating++;
  set_combo (self->tasks_row, proposal->tasks);
  set_combo (self->data_row, proposal->data_readiness);
  set_combo (self->evaluation_row, proposal->evaluation);
  set_combo (self->complexity_row, proposal->complexity);
  self->updating--;
  update_question_rows (self, proposal->has_answers);
}

/* Reads the one choice that changed into the proposal. */
static void
read_choice (RetainerWindow *self,
             GObject        *row)
{
  RetainerProposal *proposal = self->proposal;

  if (row == G_OBJECT (self->currency_row))
    {
      const RetainerCurrency *currencies;
      guint n_currencies;

      currencies = retainer_currency_list (&n_currencies);
      g_free (proposal->currency);
      proposal->currency = g_strdup (currencies[get_combo (self->currency_row, n_currencies)].code);
    }
  else if (row == G_OBJECT (self->questions_row))
    {
      proposal->has_answers = adw_switch_row_get_active (self->questions_row);
      if (proposal->has_answers)
        match_answers_to_complexity (proposal);
      show_answers (self);
    }
  else if (row == G_OBJECT (self->complexity_row))
    proposal->complexity = get_combo (self->complexity_row, RETAINER_N_COMPLEXITIES);
  else if (row == G_OBJECT (self->tasks_row) || row == G_OBJECT (self->data_row)
           || row == G_OBJECT (self->evaluation_row))
    {
      if (row == G_OBJECT (self->tasks_row))
        proposal->tasks = get_combo (self->tasks_row, RETAINER_N_TASKS);
      else if (row == G_OBJECT (self->data_row))
        proposal->data_readiness = get_combo (self->data_row, RETAINER_N_DATA);
      else
        proposal->evaluation = get_combo (self->evaluation_row, RETAINER_N_EVALUATIONS);
      if (proposal->has_answers)
        {
          proposal->complexity = retainer_complexity_from_answers (proposal->tasks,
                                                                   proposal->data_readiness,
                                                                   proposal->evaluation);
          show_answers (self);
        }
    }
  else if (row == G_OBJECT (self->change_row))
    proposal->change_frequency = get_combo (self->change_row, RETAINER_N_CHANGES);
  else if (row == G_OBJECT (self->dedicated_row))
    proposal->dedicated_instance = adw_switch_row_get_active (self->dedicated_row);
  else if (row == G_OBJECT (self->support_row))
    proposal->support = get_combo (self->support_row, RETAINER_N_SUPPORTS);
  else if (row == G_OBJECT (self->billing_row))
    proposal->billing = get_combo (self->billing_row, RETAINER_N_BILLINGS);
  else if (row == G_OBJECT (self->horizon_row))
    proposal->horizon_months = horizons[get_combo (self->horizon_row, G_N_ELEMENTS (horizons))];
  else if (row == G_OBJECT (self->language_row))
    {
      g_free (proposal->language);
      proposal->language = selected_language (self);
    }
  else if (row == G_OBJECT (self->rate_card_row))
    {
      guint position = adw_combo_row_get_selected (self->rate_card_row);

      if (self->rate_cards != NULL && position < self->rate_cards->len)
        {
          const RetainerRateCard *card = g_ptr_array_index (self->rate_cards, position);

          if (g_strcmp0 (card->id, proposal->rate_card->id) != 0)
            {
              retainer_proposal_set_rate_card (proposal, card);
              if (card->builtin)
                g_settings_set_string (self->settings, "rate-card", card->id);
            }
        }
    }
  else
    g_return_if_reached ();
}

/* The unsaved mark, the title, the actions and autosave follow the proposal. */
static void
document_changed (RetainerWindow *self)
{
  self->modified = self->saved == NULL || !retainer_proposal_equal (self->proposal, self->saved);
  retainer_window_update_title (self);
  retainer_window_update_actions (self);
  retainer_window_schedule_autosave (self);
}

/* `key` is the widget typed into, so that typing in one field is one undo
 * step; NULL for a choice (a combo, a switch, a tier), a step of its own. */
static void
proposal_changed (RetainerWindow *self,
                  gconstpointer   key)
{
  /* A spend typed by hand, or another currency, ends the estimate's basis. */
  retainer_window_read_pitch_inputs (self);
  refresh_results (self);
  retainer_history_record (self->history, self->proposal, key, g_get_monotonic_time ());
  document_changed (self);
}

/* After an action changed self->proposal itself. */
void
retainer_window_inputs_changed (RetainerWindow *self)
{
  if (self->updating > 0)
    return;

  proposal_changed (self, NULL);
}

static void
choice_changed_cb (RetainerWindow *self,
                   GParamSpec     *pspec,
                   GObject        *row)
{
  if (self->updating > 0)
    return;

  read_choice (self, row);
  proposal_changed (self, NULL);
}

/* Typing in a text row changes its own field only. */
static void
text_changed_cb (RetainerWindow *self,
                 GtkEditable    *editable)
{
  RetainerProposal *proposal = self->proposal;

  if (self->updating > 0)
    return;

  if (editable == GTK_EDITABLE (self->company_row))
    read_text (self->company_row, &proposal->company);
  else if (editable == GTK_EDITABLE (self->contact_row))
    read_text (self->contact_row, &proposal->contact);
  else if (editable == GTK_EDITABLE (self->industry_row))
    read_text (self->industry_row, &proposal->industry);
  else
    g_return_if_reached ();
  proposal_changed (self, editable);
}

static void
tier_card_choose_cb (RetainerTierCard *card,
                     RetainerWindow   *self)
{
  guint tier = retainer_tier_card_get_tier (card);
  const RetainerRateCard *rate_card = self->proposal->rate_card;

  g_return_if_fail (tier < rate_card->n_tiers);

  /* Choosing the recommended tier is the same as following the recommendation. */
  g_clear_pointer (&self->proposal->tier_id, g_free);
  if (self->result == NULL || (int) tier != self->result->recommended_tier)
    self->proposal->tier_id = g_strdup (rate_card->tiers[tier].id);
  proposal_changed (self, NULL);
}

/* ------------------------------------------------------------------ */
/* Result -> widgets                                                   */

static char *
format_money (const RetainerWindow *self,
              gint64                amount)
{
  return retainer_money_format (amount, self->proposal->currency, RETAINER_MONEY_FORMAT_ROUNDED);
}

/* What the client pays or spends, to the cent, as the PDF prints it: a
 * price is never rounded. */
static char *
format_price (const RetainerWindow *self,
              gint64                amount)
{
  return retainer_money_format (amount, self->proposal->currency, RETAINER_MONEY_FORMAT_DEFAULT);
}

static char *
format_money_range (const RetainerWindow *self,
                    gint64                low,
                    gint64                high)
{
  g_autofree char *low_text = format_money (self, low);
  g_autofree char *high_text = format_money (self, high);

  if (low == high)
    return g_steal_pointer (&low_text);
  /* Translators: a range of amounts, like "$8,000 – $12,000". */
  return g_strdup_printf (_("%1$s – %2$s"), low_text, high_text);
}

/* A new proposal has no spend yet: its figures would be losses and
 * warnings about an empty field. Until a spend is typed the results stay
 * calm: a dash for each figure, and what to do. */
gboolean
retainer_window_waiting_for_spend (const RetainerWindow *self)
{
  return self->proposal->monthly_api_spend == 0;
}

static void
refresh_plan (RetainerWindow *self)
{
  const RetainerResult *result = self->result;
  const RetainerRateCard *card = self->proposal->rate_card;
  const RetainerTier *chosen = &card->tiers[result->chosen_tier];
  const RetainerTier *recommended = &card->tiers[result->recommended_tier];
  gboolean overridden = (result->flags & RETAINER_FLAG_TIER_OVERRIDDEN) != 0;
  g_autofree char *price = format_price (self, result->monthly_retainer);
  g_autofree char *reason = retainer_result_describe_reason (result, self->proposal);
  g_autoptr (GString) billing = g_string_new (NULL);

  gtk_label_set_label (self->plan_caption_label,
                       overridden ? _("Chosen plan") : _("Recommended plan"));
  gtk_label_set_label (self->tier_name_label, retainer_rate_card_text (chosen->name));
  gtk_label_set_label (self->tier_price_label, price);
  gtk_label_set_label (self->reason_label,
                       retainer_window_waiting_for_spend (self)
                         ? _("Type the prospect’s monthly API spend to see what each plan saves.")
                         : reason);

  gtk_widget_set_visible (self->override_box, overridden);
  if (overridden)
    {
      /* Translators: %s is the name of the recommended tier. */
      g_autofree char *text = g_strdup_printf (_("Chosen by hand: Retainer recommends %s."),
                                               retainer_rate_card_text (recommended->name));

      gtk_label_set_label (self->override_label, text);
    }

  if (self->proposal->billing == RETAINER_BILLING_ANNUAL)
    {
      g_autofree char *year = format_price (self, result->annual_prepay);
      g_autofree char *discount = retainer_format_percent_exact (card->annual_discount_pct);

      /* Translators: %1$s is the amount paid once a year, %2$s a discount like "10%". */
      g_string_append_printf (billing, _("Billed annually: %1$s a year, %2$s off"), year, discount);
    }
  else
    {
      g_autofree char *annual = format_price (self, result->annual_option_retainer);
      g_autofree char *discount = retainer_format_percent_exact (card->annual_discount_pct);

      /* Translators: %1$s is a monthly amount, %2$s a discount like "10%". */
      g_string_append_printf (billing, _("%1$s a month with annual prepay (%2$s off)"),
                              annual, discount);
    }
  if (result->extra_use_cases > 0)
    {
      g_string_append_c (billing, '\n');
      g_string_append_printf (billing,
                              ngettext ("Includes %u extra use case", "Includes %u extra use cases",
                                        result->extra_use_cases),
                              result->extra_use_cases);
    }
  gtk_label_set_label (self->billing_label, billing->str);
}

static void
refresh_figures (RetainerWindow *self)
{
  const RetainerResult *result = self->result;
  g_autofree char *saving = format_money (self, result->monthly_saving);
  g_autofree char *share = retainer_format_share (result->saving_share, 0);
  g_autofree char *share_text = NULL;
  g_autofree char *break_even = retainer_break_even_describe (result->break_even_month,
                                                              result->break_even_months,
                                                              result->horizon_months,
                                                              RETAINER_BREAK_EVEN_PHRASE);
  g_autofree char *break_even_exact = retainer_break_even_describe (result->break_even_month,
                                                                    result->break_even_months,
                                                                    result->horizon_months,
                                                                    RETAINER_BREAK_EVEN_SENTENCE);
  g_autofree char *fee = format_price (self, result->setup_fee);
  g_autofree char *fee_text = NULL;
  g_autofree char *net_12 = format_money (self, result->net_saving_12);
  g_autofree char *net_horizon = format_money (self, result->net_saving_horizon);
  g_autofree char *horizon_caption = NULL;

  /* Translators: %s is a percentage like "58%". */
  share_text = g_strdup_printf (_("%s of the covered API spend"), share);
  /* Translators: %s is the one-time setup fee. */
  fee_text = g_strdup_printf (_("Earns back a setup fee of %s"), fee);
  horizon_caption = g_strdup_printf (ngettext ("Net saving after %u month",
                                               "Net saving after %u months",
                                               result->horizon_months),
                                     result->horizon_months);

  gtk_label_set_label (self->saving_value, saving);
  gtk_label_set_label (self->saving_detail, share_text);
  gtk_label_set_label (self->break_even_value, break_even);
  /* The fraction, for whoever asks: the phrase is what everyone reads. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->break_even_value), break_even_exact);
  gtk_label_set_label (self->break_even_detail, fee_text);
  gtk_label_set_label (self->net_12_value, net_12);
  gtk_label_set_label (self->net_12_detail, _("Setup fee included"));
  gtk_label_set_label (self->net_horizon_caption, horizon_caption);
  gtk_label_set_label (self->net_horizon_value, net_horizon);
  gtk_label_set_label (self->net_horizon_detail, _("Setup fee included"));
  if (retainer_window_waiting_for_spend (self))
    {
      gtk_label_set_label (self->saving_value, _("—"));
      gtk_label_set_label (self->saving_detail, _("Waiting for the monthly API spend"));
      gtk_label_set_label (self->break_even_value, _("—"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->break_even_value), NULL);
      gtk_label_set_label (self->net_12_value, _("—"));
      gtk_label_set_label (self->net_horizon_value, _("—"));
    }
  /* With a 12-month horizon both figures are the same one. */
  gtk_widget_set_visible (gtk_widget_get_parent (self->net_horizon_box),
                          result->horizon_months != 12);
}

static void
refresh_chart (RetainerWindow *self)
{
  const RetainerResult *result = self->result;
  g_autofree char *break_even = retainer_result_describe_break_even (result);
  g_autofree char *marker = retainer_break_even_describe (result->break_even_month,
                                                          result->break_even_months,
                                                          result->horizon_months,
                                                          RETAINER_BREAK_EVEN_PHRASE);
  g_autofree char *net = format_money (self, result->net_saving_horizon);
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;

  title = g_strdup_printf (ngettext ("Cumulative cost over %u month",
                                     "Cumulative cost over %u months",
                                     result->horizon_months),
                           result->horizon_months);
  /* Translators: the chart's description for screen readers; %1$s is the
   * break-even ("month 2"), %2$u the horizon in months, %3$s an amount. */
  summary = g_strdup_printf (ngettext ("Break-even: %1$s. Net saving after %2$u month: %3$s.",
                                       "Break-even: %1$s. Net saving after %2$u months: %3$s.",
                                       result->horizon_months),
                             break_even, result->horizon_months, net);

  gtk_label_set_label (self->chart_title_label, title);
  /* Without a spend the chart is only the agency's cost: nothing to show yet. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->savings_chart)),
                          !retainer_window_waiting_for_spend (self));
  retainer_savings_chart_set_currency (self->savings_chart, self->proposal->currency);
  retainer_savings_chart_set_months (self->savings_chart,
                                     (const RetainerMonth *) (gpointer) result->months->data,
                                     result->months->len);
  retainer_savings_chart_set_break_even_months (self->savings_chart,
                                                retainer_window_waiting_for_spend (self) ? -1
                                                                         : result->break_even_months);
  retainer_savings_chart_set_break_even_label (self->savings_chart,
                                               retainer_window_waiting_for_spend (self) ? NULL : marker);
  retainer_savings_chart_set_summary (self->savings_chart, summary);
}

static void
refresh_setup_fee (RetainerWindow *self)
{
  const RetainerResult *result = self->result;
  const RetainerRateCard *card = self->proposal->rate_card;
  g_autofree char *band = format_money_range (self, result->setup_band_low, result->setup_band_high);
  g_autofree char *subtitle = NULL;
  g_autofree char *suggested = format_money (self, result->suggested_setup_fee);
  gboolean outside = (result->flags & RETAINER_FLAG_FEE_OUTSIDE_BAND) != 0;

  /* Translators: %1$s is a complexity like "Moderate", %2$s a range of
   * amounts, %3$s the suggested amount. */
  subtitle = g_strdup_printf (_("%1$s use case: band %2$s, suggested %3$s"),
                              retainer_complexity_label (result->complexity), band, suggested);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->setup_fee_row), subtitle);
  update_spin_row_accessible (self->setup_fee_row);
  adw_action_row_set_subtitle (
    ADW_ACTION_ROW (self->complexity_row),
    retainer_rate_card_text (card->bands[self->proposal->complexity].summary));

  if (!self->proposal->has_setup_fee)
    {
      show_number (self, RETAINER_FIELD_SETUP_FEE, result->setup_fee);
    }

  /* The band and the suggested fee are the price room's: the prospect sees
   * the fee itself on the break-even card. */
  gtk_widget_set_visible (self->setup_group, !self->presenting);
  gtk_revealer_set_reveal_child (self->setup_fee_warning_revealer, outside && !self->presenting);
  if (outside)
    {
      /* Translators: %s is a range of amounts. */
      g_autofree char *warning = g_strdup_printf (_("This fee is outside the band of %s for this "
                                                    "complexity."), band);

      gtk_label_set_label (self->setup_fee_warning_label, warning);
    }
}

static void
rebuild_tier_cards (RetainerWindow *self)
{
  GtkWidget *child;
  const RetainerRateCard *card = self->proposal->rate_card;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tiers_box))) != NULL)
    gtk_box_remove (self->tiers_box, child);

  for (guint i = 0; i < card->n_tiers; i++)
    {
      GtkWidget *tier_card = retainer_tier_card_new (i);

      g_signal_connect (tier_card, "choose", G_CALLBACK (tier_card_choose_cb), self);
      gtk_box_append (self->tiers_box, tier_card);
    }
}

static void
refresh_tiers (RetainerWindow *self)
{
  const RetainerResult *result = self->result;
  const RetainerRateCard *card = self->proposal->rate_card;
  GtkWidget *child;
  guint n_cards = 0;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->tiers_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_cards++;
  if (n_cards != card->n_tiers)
    rebuild_tier_cards (self);

  child = gtk_widget_get_first_child (GTK_WIDGET (self->tiers_box));
  for (guint i = 0; i < result->tier_options->len && child != NULL; i++)
    {
      const RetainerTierOption *option = &g_array_index (result->tier_options,
                                                         RetainerTierOption, i);
      RetainerTierCard *tier_card = RETAINER_TIER_CARD (child);
      g_autofree char *price = format_price (self, option->monthly_retainer);
      /* The same words as the PDF's plan table. */
      g_autofree char *saving_text =
        retainer_tier_option_describe_saving (option, self->proposal->currency);
      g_autofree char *break_even_text =
        retainer_break_even_describe (option->break_even_month, option->break_even_months,
                                      result->horizon_months, RETAINER_BREAK_EVEN_PHRASE);

      retainer_tier_card_set_figures (tier_card,
                                      retainer_rate_card_text (card->tiers[option->tier].name),
                                      price,
                                      retainer_window_waiting_for_spend (self) ? _("—") : saving_text,
                                      retainer_window_waiting_for_spend (self) ? "" : break_even_text);
      {
        g_autofree char *fit = retainer_tier_describe_fit (result, self->proposal, option->tier);

        retainer_tier_card_set_fit (tier_card, retainer_window_waiting_for_spend (self) ? "" : fit);
      }
      retainer_tier_card_set_recommended (tier_card, (int) i == result->recommended_tier);
      retainer_tier_card_set_chosen (tier_card, (int) i == result->chosen_tier);
      child = gtk_widget_get_next_sibling (child);
    }
}

static void
refresh_notes (RetainerWindow *self)
{
  RetainerFlags flags = self->result->flags;
  gboolean show = flags != 0
                  && !retainer_window_waiting_for_spend (self)
                  && !(self->presenting
                       && g_settings_get_boolean (self->settings, "presentation-hides-notes"));
  GtkWidget *child;

  gtk_widget_set_visible (self->notes_group, show);
  if (flags == self->shown_flags && self->notes_shown)
    return;

  /* Rebuilt only when the flags change, so typing does not redraw the list. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_list))) != NULL)
    gtk_list_box_remove (self->notes_list, child);

  for (guint i = 0; i < RETAINER_N_FLAGS; i++)
    {
      RetainerFlags flag = 1u << i;
      GtkWidget *row, *icon;

      if (!(flags & flag))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), retainer_flag_describe (flag));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      icon = gtk_image_new_from_icon_name (flag == RETAINER_FLAG_TIER_OVERRIDDEN
                                             ? "dialog-information-symbolic"
                                             : "dialog-warning-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      if (flag != RETAINER_FLAG_TIER_OVERRIDDEN)
        gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->notes_list, row);
    }

  self->shown_flags = flags;
  self->notes_shown = TRUE;
}

static void
refresh_private (RetainerWindow *self)
{
  const RetainerResult *result = self->result;
  g_autofree char *cost = format_money_range (self, result->agency_monthly_cost_low,
                                              result->agency_monthly_cost_high);
  g_autofree char *margin_low = retainer_format_percent (result->margin_low_pct, 0);
  g_autofree char *margin_high = retainer_format_percent (result->margin_high_pct, 0);
  g_autofree char *margin = NULL;
  g_autofree char *setup_margin = format_money_range (self, result->setup_margin_low,
                                                      result->setup_margin_high);
  g_autofree char *first_year = format_price (self, result->first_year_value);

  margin = g_strdup_printf (_("%1$s – %2$s"), margin_low, margin_high);
  gtk_label_set_label (self->delivery_cost_label, cost);
  gtk_label_set_label (self->margin_label, margin);
  gtk_label_set_label (self->setup_margin_label, setup_margin);
  gtk_label_set_label (self->first_year_label, first_year);
  gtk_widget_set_visible (self->margin_warning_row,
                          (result->flags & RETAINER_FLAG_MARGIN_BELOW_FLOOR) != 0);
  gtk_widget_set_visible (self->private_group, !self->presenting);
}

/* Presentation mode folds the inputs into this line: what the figures
 * rest on, in the prospect's words. */
static char *
format_rate (double percent)
{
  /* As few decimals as the rate has: "3%", "2.25%". */
  guint decimals = fabs (percent - round (percent)) < 0.005 ? 0
                   : fabs (percent * 10 - round (percent * 10)) < 0.05 ? 1 : 2;

  return retainer_format_percent (percent, decimals);
}

static void
refresh_inputs_summary (RetainerWindow *self)
{
  const RetainerProposal *proposal = self->proposal;
  const char *company = proposal->company;
  g_autofree char *spend = format_price (self, proposal->monthly_api_spend);
  g_autofree char *growth = format_rate (proposal->api_growth_pct);
  g_autofree char *coverage = format_rate (proposal->coverage_pct);
  g_autofree char *summary = NULL;

  if (company == NULL || *company == '\0')
    company = _("New Proposal");
  /* Translators: the inputs in one line; %1$s is the prospect's company,
   * %2$s an amount of money, %3$s and %4$s percentages like "3%". */
  summary = g_strdup_printf (_("%1$s: %2$s a month in API spend, growing %3$s a month, "
                               "%4$s covered"),
                             company, spend, growth, coverage);
  gtk_label_set_label (self->inputs_summary_label, summary);
}

static void
refresh_results (RetainerWindow *self)
{
  g_autoptr (GError) error = NULL;

  /* The inputs keep to the limits, so this only fails on a programming error. */
  if (!retainer_proposal_validate (self->proposal, NULL, &error))
    {
      g_critical ("Invalid proposal from the window: %s", retainer_error_message (error));
      return;
    }

  update_number_limits (self);
  g_clear_pointer (&self->result, retainer_result_free);
  self->result = retainer_recommend (self->proposal);

  refresh_plan (self);
  refresh_figures (self);
  refresh_chart (self);
  refresh_setup_fee (self);
  refresh_tiers (self);
  refresh_notes (self);
  refresh_private (self);
  retainer_window_refresh_pitch (self);
  retainer_window_refresh_book (self);
  refresh_inputs_summary (self);
}

/* ------------------------------------------------------------------ */
/* Document                                                            */

void
retainer_window_update_title (RetainerWindow *self)
{
  const char *company = self->proposal->company;
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;
  const char *name = company != NULL && *company != '\0' ? company : _("New Proposal");

  /* Translators: the title of a proposal with unsaved changes; %s is its name. */
  title = self->modified && !self->presenting ? g_strdup_printf (_("• %s"), name) : g_strdup (name);

  /* On a shared screen the title is the prospect's name and nothing about
   * the file: "Not Saved" or "Unsaved Changes" is not theirs to read. */
  if (self->presenting)
    subtitle = NULL;
  else if (self->is_sample)
    subtitle = g_strdup (_("Sample Proposal"));
  else if (self->path != NULL)
    subtitle = g_filename_display_basename (self->path);
  else
    subtitle = g_strdup (_("Not Saved"));

  if (self->modified && subtitle != NULL)
    {
      /* Translators: the subtitle of a proposal with unsaved changes; %s is
       * its file name or "Not Saved". */
      g_autofree char *marked = g_strdup_printf (_("%s — Unsaved Changes"), subtitle);

      g_free (subtitle);
      subtitle = g_steal_pointer (&marked);
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* Translators: the window's title as the desktop shows it; %s is the proposal's name. */
  window_title = g_strdup_printf (_("%s – Retainer"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
  gtk_revealer_set_reveal_child (self->sample_revealer, self->is_sample && !self->presenting);
}

void
retainer_window_reset_results_view (RetainerWindow *self)
{
  GtkWidget *scrollers[] = { self->results_scroller, self->column_scroller,
                             self->presentation_scroller };

  g_return_if_fail (RETAINER_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (scrollers); i++)
    gtk_adjustment_set_value (
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrollers[i])), 0);
  adw_expander_row_set_expanded (self->private_expander, FALSE);
}

void
retainer_window_set_document (RetainerWindow   *self,
                              RetainerProposal *proposal,
                              RetainerProposal *saved,
                              const char       *path,
                              gboolean          is_sample)
{
  g_return_if_fail (RETAINER_IS_WINDOW (self));
  g_return_if_fail (proposal != NULL);

  g_clear_pointer (&self->proposal, retainer_proposal_free);
  g_clear_pointer (&self->saved, retainer_proposal_free);
  self->proposal = proposal;
  self->saved = saved;
  g_free (self->path);
  self->path = g_strdup (path);
  self->is_sample = is_sample;
  self->notes_shown = FALSE;

  retainer_window_show_proposal (self);
  /* Another document: the steps of the last one mean nothing here. */
  if (self->history == NULL)
    self->history = retainer_history_new (self->proposal, RETAINER_HISTORY_DEFAULT_LIMIT);
  else
    retainer_history_reset (self->history, self->proposal);
  self->modified = self->saved == NULL || !retainer_proposal_equal (self->proposal, self->saved);
  retainer_window_update_title (self);
  retainer_window_update_actions (self);
  if (self->modified)
    retainer_window_schedule_autosave (self);
  retainer_window_reset_results_view (self);
}

/* Shows a state from the history as the proposal. */
static void
show_history_state (RetainerWindow         *self,
                    const RetainerProposal *state)
{
  RetainerProposal *proposal = retainer_proposal_copy (state);

  /* The number, the date and the revisions come with the exports and are
   * printed on PDFs that may have gone out already: undo never takes them
   * back, or a later export would issue a revision's number twice. */
  if (retainer_proposal_keep_issued (proposal, self->proposal))
    retainer_history_amend (self->history, proposal);

  g_clear_pointer (&self->proposal, retainer_proposal_free);
  self->proposal = proposal;
  retainer_window_show_proposal (self);
  document_changed (self);
}

void
retainer_window_undo (RetainerWindow *self)
{
  const RetainerProposal *state = retainer_history_undo (self->history);

  if (state != NULL)
    {
      /* The notice of a large change is answered. */
      if (self->change_toast != NULL)
        adw_toast_dismiss (self->change_toast);
      show_history_state (self, state);
    }
}

void
retainer_window_redo (RetainerWindow *self)
{
  const RetainerProposal *state = retainer_history_redo (self->history);

  if (state != NULL)
    show_history_state (self, state);
}

/* Typing ends when the focus moves: typing in the same field later is a new step. */
static void
focus_widget_changed_cb (RetainerWindow *self)
{
  if (self->history != NULL)
    retainer_history_seal (self->history);
}

void
retainer_window_load_proposal (RetainerWindow   *self,
                               RetainerProposal *proposal,
                               const char       *path)
{
  g_return_if_fail (RETAINER_IS_WINDOW (self));
  g_return_if_fail (proposal != NULL);

  retainer_window_set_document (self, proposal, retainer_proposal_copy (proposal), path, FALSE);
  if (path != NULL)
    {
      g_settings_set_string (self->settings, "last-document", path);
      retainer_window_add_recent (self, path);
    }
}

void
retainer_window_load_sample (RetainerWindow *self)
{
  RetainerProposal *sample = retainer_proposal_new_sample ();

  g_return_if_fail (RETAINER_IS_WINDOW (self));

  retainer_window_set_document (self, sample, retainer_proposal_copy (sample), NULL, TRUE);
}

void
retainer_window_show_error (RetainerWindow *self,
                            const char     *heading,
                            const char     *message)
{
  AdwDialog *dialog = retainer_alert_new (heading, message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "close");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "close");
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

void
retainer_window_toast (RetainerWindow *self,
                       const char     *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* ------------------------------------------------------------------ */
/* Layout                                                              */

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* Side by side, the inputs come first, as a form is read; in presentation
 * mode the results do, as the people on the call read them. In one column
 * (half a laptop screen) the results come first too: they are what the call
 * is about, and the inputs are a scroll away. */
static void
update_layout (RetainerWindow *self)
{
  AdwBreakpoint *breakpoint =
    adw_application_window_get_current_breakpoint (ADW_APPLICATION_WINDOW (self));
  gboolean compact = breakpoint != NULL && breakpoint == self->compact_breakpoint;
  gboolean one_column = compact || (breakpoint != NULL && breakpoint == self->column_breakpoint);
  const char *layout;

  /* Presenting wins over the width: the inputs are folded at any size. */
  if (self->presenting)
    layout = "results-first";
  else if (one_column)
    layout = "column";
  else
    layout = "side-by-side";

  adw_multi_layout_view_set_layout_name (self->layout_view, layout);
  set_css_class (GTK_WIDGET (self), "one-column", one_column);
  set_css_class (GTK_WIDGET (self), "compact", compact);
}

/* ------------------------------------------------------------------ */
/* Presentation mode                                                   */

gboolean
retainer_window_get_presenting (RetainerWindow *self)
{
  g_return_val_if_fail (RETAINER_IS_WINDOW (self), FALSE);

  return self->presenting;
}

void
retainer_window_set_presenting (RetainerWindow *self,
                                gboolean        presenting)
{
  g_return_if_fail (RETAINER_IS_WINDOW (self));

  presenting = !!presenting;
  if (self->presenting == presenting)
    return;

  self->presenting = presenting;
  if (presenting)
    {
      /* Nothing on screen says so: the prospect sees a proposal, not a
       * mode. The inputs start folded, the figures at the top. */
      gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
      gtk_toggle_button_set_active (self->inputs_toggle, FALSE);
      gtk_adjustment_set_value (
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->presentation_scroller)), 0);
      gtk_window_fullscreen (GTK_WINDOW (self));
      /* The focus may sit in a field now folded away; on a figure it
       * would select it, as if highlighted for the prospect. It goes to
       * the button that toggles the mode, where F5 or a click left it. */
      if (!gtk_widget_grab_focus (GTK_WIDGET (self->present_button)))
        gtk_window_set_focus (GTK_WINDOW (self), NULL);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }
  update_layout (self);

  if (self->result != NULL)
    {
      refresh_setup_fee (self);
      refresh_notes (self);
      refresh_private (self);
    }
  retainer_window_update_title (self);
  retainer_window_update_actions (self);
}

static void
inputs_toggled_cb (RetainerWindow *self)
{
  gboolean open = gtk_toggle_button_get_active (self->inputs_toggle);

  gtk_revealer_set_reveal_child (self->inputs_revealer, open);
  gtk_image_set_from_icon_name (self->inputs_toggle_arrow,
                                open ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->inputs_toggle),
                               GTK_ACCESSIBLE_STATE_EXPANDED, open, -1);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static gboolean
retainer_window_close_request (GtkWindow *window)
{
  RetainerWindow *self = RETAINER_WINDOW (window);

  if (self->modified && !self->closing_confirmed)
    {
      retainer_window_clear_pending (self);
      self->pending = RETAINER_PENDING_CLOSE;
      retainer_window_confirm_pending (self);
      return TRUE;
    }

  /* A clean exit: nothing is left to restore at the next start. */
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  retainer_window_remove_autosave (self);
  g_settings_set_string (self->settings, "last-document",
                         self->path != NULL && !self->is_sample ? self->path : "");

  return GTK_WINDOW_CLASS (retainer_window_parent_class)->close_request (window);
}

static void
retainer_window_dispose (GObject *object)
{
  RetainerWindow *self = RETAINER_WINDOW (object);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_weak_pointer (&self->change_toast);
  g_clear_object (&self->settings);
  retainer_window_dispose_book (self);
  if (self->file_cancellable != NULL)
    g_cancellable_cancel (self->file_cancellable);
  g_clear_object (&self->file_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), RETAINER_TYPE_WINDOW);

  G_OBJECT_CLASS (retainer_window_parent_class)->dispose (object);
}

static void
retainer_window_finalize (GObject *object)
{
  RetainerWindow *self = RETAINER_WINDOW (object);

  g_clear_pointer (&self->proposal, retainer_proposal_free);
  g_clear_pointer (&self->saved, retainer_proposal_free);
  g_clear_pointer (&self->result, retainer_result_free);
  g_clear_pointer (&self->history, retainer_history_free);
  g_clear_pointer (&self->rate_cards, g_ptr_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->pending_proposal, retainer_proposal_free);
  g_clear_pointer (&self->pending_path, g_free);
  for (guint i = 0; i < RETAINER_N_FIELDS; i++)
    g_clear_pointer (&self->numbers[i].subtitle, g_free);

  G_OBJECT_CLASS (retainer_window_parent_class)->finalize (object);
}

static void
retainer_window_class_init (RetainerWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = retainer_window_dispose;
  object_class->finalize = retainer_window_finalize;
  window_class->close_request = retainer_window_close_request;

  g_type_ensure (RETAINER_TYPE_SAVINGS_CHART);
  g_type_ensure (RETAINER_TYPE_TIER_CARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/retainer/Retainer/retainer-window.ui");
  retainer_window_class_init_pitch (widget_class);
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RetainerWindow, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (sample_revealer);
  BIND (present_button);
  BIND (export_button);
  BIND (inputs_scroller);
  BIND (layout_view);
  BIND (inputs_box);
  BIND (results_box);
  BIND (results_scroller);
  BIND (column_scroller);
  BIND (presentation_scroller);
  BIND (inputs_toggle);
  BIND (inputs_toggle_arrow);
  BIND (inputs_revealer);
  BIND (inputs_summary_label);
  BIND (column_breakpoint);
  BIND (compact_breakpoint);
  BIND (recent_menu);
  BIND (company_row);
  BIND (contact_row);
  BIND (industry_row);
  BIND (monthly_spend_row);
  BIND (currency_row);
  BIND (growth_row);
  BIND (coverage_row);
  BIND (questions_row);
  BIND (complexity_row);
  BIND (tasks_row);
  BIND (data_row);
  BIND (evaluation_row);
  BIND (change_row);
  BIND (dedicated_row);
  BIND (support_row);
  BIND (use_cases_row);
  BIND (billing_row);
  BIND (horizon_row);
  BIND (go_live_row);
  BIND (rate_card_row);
  BIND (language_row);
  BIND (plan_caption_label);
  BIND (plan_box);
  BIND (tier_name_label);
  BIND (tier_price_label);
  BIND (billing_label);
  BIND (reason_label);
  BIND (override_box);
  BIND (override_label);
  BIND (saving_value);
  BIND (saving_detail);
  BIND (break_even_value);
  BIND (break_even_detail);
  BIND (net_12_value);
  BIND (net_12_detail);
  BIND (net_horizon_box);
  BIND (net_horizon_caption);
  BIND (net_horizon_value);
  BIND (net_horizon_detail);
  BIND (chart_title_label);
  BIND (savings_chart);
  BIND (tiers_box);
  BIND (setup_group);
  BIND (setup_fee_row);
  BIND (setup_fee_warning_revealer);
  BIND (setup_fee_warning_label);
  BIND (notes_group);
  BIND (notes_list);
  BIND (private_group);
  BIND (private_expander);
  BIND (delivery_cost_label);
  BIND (margin_label);
  BIND (setup_margin_label);
  BIND (first_year_label);
  BIND (margin_warning_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);

}

static void
retainer_window_init (RetainerWindow *self)
{
  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  setup_combos ((AdwComboRow *[]) { self->currency_row, self->complexity_row, self->tasks_row,
                                    self->data_row, self->evaluation_row, self->change_row,
                                    self->support_row, self->billing_row, self->horizon_row,
                                    self->rate_card_row, self->language_row }, 11);
  fill_currency_combo (self->currency_row);
  FILL_COMBO (self->complexity_row, retainer_complexity_label, RETAINER_N_COMPLEXITIES);
  FILL_COMBO (self->tasks_row, retainer_tasks_label, RETAINER_N_TASKS);
  FILL_COMBO (self->data_row, retainer_data_label, RETAINER_N_DATA);
  FILL_COMBO (self->evaluation_row, retainer_evaluation_label, RETAINER_N_EVALUATIONS);
  FILL_COMBO (self->change_row, retainer_change_label, RETAINER_N_CHANGES);
  FILL_COMBO (self->support_row, retainer_support_label, RETAINER_N_SUPPORTS);
  FILL_COMBO (self->billing_row, retainer_billing_label, RETAINER_N_BILLINGS);
  fill_horizon_combo (self->horizon_row);

  setup_number_input (self, RETAINER_FIELD_SPEND, self->monthly_spend_row);
  setup_number_input (self, RETAINER_FIELD_GROWTH, self->growth_row);
  setup_number_input (self, RETAINER_FIELD_COVERAGE, self->coverage_row);
  setup_number_input (self, RETAINER_FIELD_USE_CASES, self->use_cases_row);
  setup_number_input (self, RETAINER_FIELD_GO_LIVE, self->go_live_row);
  setup_number_input (self, RETAINER_FIELD_SETUP_FEE, self->setup_fee_row);
  /* Ctrl+Z is the window's undo everywhere, in a text field too (the
   * application's accelerators run in the capture phase, before GtkText
   * sees the key). A field's own undo would be a second history that
   * disagrees with the window's: its change would come back as a new edit
   * and drop what the window could redo. Every keystroke is already in the
   * window's history, and typing in one field is one step, so the field
   * loses nothing; its own undo is off so that nothing answers Ctrl+Z when
   * the window has nothing to undo. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->company_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->contact_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->industry_row), FALSE);
  name_entry_row_once (self->company_row);
  name_entry_row_once (self->contact_row);
  name_entry_row_once (self->industry_row);
  g_signal_connect_swapped (self, "notify::focus-widget", G_CALLBACK (focus_widget_changed_cb),
                            self);
  g_signal_connect_swapped (self, "notify::current-breakpoint", G_CALLBACK (update_layout), self);
  update_layout (self);
  describe_card (gtk_widget_get_parent (GTK_WIDGET (self->saving_value)),
                 self->saving_value, self->saving_detail);
  describe_card (gtk_widget_get_parent (GTK_WIDGET (self->break_even_value)),
                 self->break_even_value, self->break_even_detail);
  describe_card (gtk_widget_get_parent (GTK_WIDGET (self->net_12_value)),
                 self->net_12_value, self->net_12_detail);
  describe_card (self->net_horizon_box, self->net_horizon_value, self->net_horizon_detail);
  describe_card (self->plan_box, self->tier_name_label, self->tier_price_label);

  retainer_window_init_actions (self);
  retainer_window_init_pitch (self);

  /* One Esc leaves presentation mode wherever the focus is, a text field
   * too: caught before the focused widget sees it. While not presenting
   * the action is disabled and the key goes on to the focused widget. */
  {
    GtkEventController *controller = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                        gtk_named_action_new ("win.leave-presentation")));
    gtk_widget_add_controller (GTK_WIDGET (self), controller);
  }
  g_signal_connect_swapped (self->inputs_toggle, "toggled", G_CALLBACK (inputs_toggled_cb), self);
  inputs_toggled_cb (self);
  self->updating--;

  retainer_window_load_sample (self);
}

RetainerWindow *
retainer_window_new (GtkApplication *application)
{
  return g_object_new (RETAINER_TYPE_WINDOW, "application", application, NULL);
}

const RetainerProposal *
retainer_window_get_proposal (RetainerWindow *self)
{
  g_return_val_if_fail (RETAINER_IS_WINDOW (self), NULL);

  return self->proposal;
}

const RetainerResult *
retainer_window_get_result (RetainerWindow *self)
{
  g_return_val_if_fail (RETAINER_IS_WINDOW (self), NULL);

  return self->result;
}

const char *
retainer_window_get_path (RetainerWindow *self)
{
  g_return_val_if_fail (RETAINER_IS_WINDOW (self), NULL);

  return self->path;
}

gboolean
retainer_window_get_modified (RetainerWindow *self)
{
  g_return_val_if_fail (RETAINER_IS_WINDOW (self), FALSE);

  return self->modified;
}

gboolean
retainer_window_get_is_sample (RetainerWindow *self)
{
  g_return_val_if_fail (RETAINER_IS_WINDOW (self), FALSE);

  return self->is_sample;
}
