/* retainer-month-editor.c: typing one month of a client
 *
 * Numbers are read exactly with retainer_parse_decimal () in the user's
 * locale; a field that does not read is marked, named in the banner, and
 * nothing is recorded until it does: what was typed stays in the fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "retainer-alert.h"
#include "retainer-json.h"
#include "retainer-month-editor.h"
#include "retainer-number.h"

struct _RetainerMonthEditor
{
  AdwDialog            parent_instance;

  RetainerClientView  *view;
  guint                index;
  RetainerClientMonth *month;        /* the month as it was, with what Save keeps */
  gboolean             show_agency_costs;

  AdwBanner           *banner;
  AdwPreferencesGroup *metrics_group;
  GHashTable          *fields;       /* name -> GtkWidget (owned by the dialog) */
  GPtrArray           *metrics;      /* RetainerMetric: names, units, directions */
  GPtrArray           *metric_rows;  /* AdwEntryRow, parallel to metrics */
  char                *problem;
  gboolean             edited;       /* typed into, or a metric added, since it opened */
};

G_DEFINE_FINAL_TYPE (RetainerMonthEditor, retainer_month_editor, ADW_TYPE_DIALOG)

/* ------------------------------------------------------------------ */
/* Fields                                                              */

static AdwEntryRow *
add_entry (RetainerMonthEditor *self,
           AdwPreferencesGroup *group,
           const char          *name,
           const char          *title,
           const char          *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_widget_set_name (GTK_WIDGET (row), name);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_hash_table_insert (self->fields, g_strdup (name), row);
  return row;
}

static char *
format_amount (gint64 minor_units)
{
  return retainer_format_decimal (minor_units, 2, NULL);
}

static char *
format_value (double value)
{
  guint decimals = retainer_metric_decimals (value);
  double scale = pow (10, decimals);

  return retainer_format_decimal ((gint64) llround (value * scale), decimals, NULL);
}

static const char *
direction_label (RetainerMetricDirection direction)
{
  return direction == RETAINER_METRIC_HIGHER_IS_BETTER ? _("Higher is better")
                                                       : _("Lower is better");
}

static void
add_metric_row (RetainerMonthEditor  *self,
                const RetainerMetric *metric)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  g_autofree char *name = g_strconcat ("metric:", metric->name, NULL);
  g_autofree char *title = NULL;
  g_autofree char *value = metric->has_value ? format_value (metric->value) : NULL;

  if (*metric->unit != '\0')
    /* Translators: a metric with its unit and direction, like
     * "Overall accuracy (%, higher is better)". */
    title = g_strdup_printf (_("%1$s (%2$s, %3$s)"), metric->name, metric->unit,
                             direction_label (metric->direction));
  else
    /* Translators: a metric without a unit and its direction. */
    title = g_strdup_printf (_("%1$s (%2$s)"), metric->name, direction_label (metric->direction));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  gtk_widget_set_name (GTK_WIDGET (row), name);
  adw_preferences_group_add (self->metrics_group, GTK_WIDGET (row));
  g_hash_table_insert (self->fields, g_strdup (name), row);
  g_ptr_array_add (self->metrics, retainer_metric_copy (metric));
  g_ptr_array_add (self->metric_rows, row);
}

static void
edited_cb (RetainerMonthEditor *self)
{
  self->edited = TRUE;
}

/* What the founder types here is asked about before it is thrown away. */
static void
watch_field (RetainerMonthEditor *self,
             GtkWidget           *field)
{
  if (GTK_IS_EDITABLE (field))
    g_signal_connect_object (field, "changed", G_CALLBACK (edited_cb), self, G_CONNECT_SWAPPED);
  else if (ADW_IS_EXPANDER_ROW (field))
    g_signal_connect_object (field, "notify::enable-expansion", G_CALLBACK (edited_cb), self,
                             G_CONNECT_SWAPPED);
  else if (ADW_IS_COMBO_ROW (field))
    g_signal_connect_object (field, "notify::selected", G_CALLBACK (edited_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
mark (GtkWidget *widget,
      gboolean   wrong)
{
  if (wrong)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

static void
set_problem (RetainerMonthEditor *self,
             GtkWidget           *field,
             const char          *message)
{
  g_free (self->problem);
  self->problem = g_strdup (message);
  adw_banner_set_title (self->banner, message != NULL ? message : "");
  adw_banner_set_revealed (self->banner, message != NULL);
  if (field != NULL)
    {
      mark (field, TRUE);
      gtk_widget_grab_focus (field);
    }
}

static const char *
field_text (RetainerMonthEditor *self,
            const char          *name)
{
  GtkWidget *field = g_hash_table_lookup (self->fields, name);

  return field != NULL ? gtk_editable_get_text (GTK_EDITABLE (field)) : "";
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Reads a number field into @scaled (@decimals kept) within 0 .. @max;
 * @optional: an empty field reads as absent. */
static gboolean
read_number (RetainerMonthEditor *self,
             const char          *name,
             const char          *title,
             guint                decimals,
             gint64               min,
             gint64               max,
             gboolean             optional,
             gboolean            *present,
             gint64              *scaled)
{
  GtkWidget *field = g_hash_table_lookup (self->fields, name);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field));
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  mark (field, FALSE);
  if (present != NULL)
    *present = FALSE;
  if (optional && is_blank (text))
    return TRUE;

  if (!retainer_parse_decimal (text, NULL, decimals, scaled, &error))
    {
      /* Translators: %1$s is a field's name, %2$s says what was expected. */
      message = g_strdup_printf (_("%1$s: %2$s"), title, retainer_error_message (error));
      set_problem (self, field, message);
      return FALSE;
    }
  if (*scaled < min || *scaled > max)
    {
      g_autofree char *low = retainer_format_decimal (min, decimals, NULL);
      g_autofree char *high = retainer_format_decimal (max, decimals, NULL);

      /* Translators: %1$s is a field's name, %2$s and %3$s the limits. */
      message = g_strdup_printf (_("%1$s: expected a number from %2$s to %3$s"), title, low, high);
      set_problem (self, field, message);
      return FALSE;
    }
  if (present != NULL)
    *present = TRUE;
  return TRUE;
}

#define AMOUNT_MAX (G_GINT64_CONSTANT (100000000000000))

gboolean
retainer_month_editor_save (RetainerMonthEditor *self)
{
  g_autoptr (RetainerClientMonth) month = NULL;
  g_autoptr (GError) error = NULL;
  gboolean retrained, present;
  gint64 scaled = 0;

  g_return_val_if_fail (RETAINER_IS_MONTH_EDITOR (self), FALSE);

  month = retainer_client_month_copy (self->month);

  if (!read_number (self, "api_cost_equivalent", _("API cost equivalent"), 2, 0, AMOUNT_MAX,
                    FALSE, NULL, &scaled))
    return FALSE;
  if (scaled != month->api_cost_equivalent)
    {
      /* The estimate no longer says how this figure was made. */
      g_clear_pointer (&month->estimate, retainer_spend_basis_free);
      month->api_cost_equivalent = scaled;
    }
  if (!read_number (self, "retainer_billed", _("Retainer billed"), 2, 0, AMOUNT_MAX, FALSE, NULL,
                    &scaled))
    return FALSE;
  month->retainer_billed = scaled;

  retrained = adw_expander_row_get_enable_expansion (g_hash_table_lookup (self->fields, "retrained"));
  month->retrained = retrained;
  g_clear_pointer (&month->training_source, g_free);
  g_clear_pointer (&month->hardware, g_free);
  month->new_examples = 0;
  month->training_hours = 0;
  if (retrained)
    {
      const char *source = field_text (self, "training_source");
      const char *hardware = field_text (self, "hardware");

      if (!read_number (self, "new_examples", _("New training examples"), 0, 0, 1000000000, FALSE,
                        NULL, &scaled))
        return FALSE;
      month->new_examples = (guint) scaled;
      if (!read_number (self, "training_hours", _("Training time"), 2, 0,
                        (gint64) RETAINER_TRAINING_HOURS_MAX * 100, FALSE, NULL, &scaled))
        return FALSE;
      month->training_hours = scaled / 100.0;
      month->training_source = is_blank (source) ? NULL : g_strstrip (g_strdup (source));
      month->hardware = is_blank (hardware) ? NULL : g_strstrip (g_strdup (hardware));
    }

  for (guint i = 0; i < self->metrics->len; i++)
    {
      RetainerMetric *metric = g_ptr_array_index (self->metrics, i);
      g_autofree char *name = g_strconcat ("metric:", metric->name, NULL);
      gboolean percent = retainer_metric_is_percent (metric);
      gint64 limit = (gint64) (percent ? 100.0 : RETAINER_METRIC_MAX_VALUE) * 1000;
      RetainerMetric *kept;

      if (!read_number (self, name, metric->name, 3, percent ? 0 : -limit, limit, TRUE, &present,
                        &scaled))
        return FALSE;
      kept = retainer_metric_copy (metric);
      kept->has_value = present;
      kept->value = present ? scaled / 1000.0 : 0;
      g_ptr_array_add (month->metrics, kept);
    }

  if (self->show_agency_costs)
    {
      if (!read_number (self, "actual_platform", _("Platform cost"), 2, 0, AMOUNT_MAX, TRUE,
                        &month->has_actual_platform, &month->actual_platform)
          || !read_number (self, "actual_compute", _("Compute cost"), 2, 0, AMOUNT_MAX, TRUE,
                           &month->has_actual_compute, &month->actual_compute)
          || !read_number (self, "actual_staff_hours", _("Staff hours"), 2, 0,
                           (gint64) RETAINER_STAFF_HOURS_MAX * 100, TRUE,
                           &month->has_actual_staff_hours, &scaled))
        return FALSE;
      month->actual_staff_hours = month->has_actual_staff_hours ? scaled / 100.0 : 0;
    }

  if (!retainer_client_view_replace_month (self->view, self->index, month, &error))
    {
      set_problem (self, NULL, retainer_error_message (error));
      return FALSE;
    }
  set_problem (self, NULL, NULL);
  adw_dialog_force_close (ADW_DIALOG (self));
  return TRUE;
}

static void
add_metric_cb (RetainerMonthEditor *self)
{
  GtkWidget *name_row = g_hash_table_lookup (self->fields, "new_metric_name");
  GtkWidget *unit_row = g_hash_table_lookup (self->fields, "new_metric_unit");
  AdwComboRow *direction_row = g_hash_table_lookup (self->fields, "new_metric_direction");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (name_row))));
  g_autofree char *unit = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (unit_row))));
  g_autoptr (RetainerMetric) metric = NULL;
  g_autofree char *field = NULL;

  mark (name_row, FALSE);
  mark (unit_row, FALSE);
  field = g_strconcat ("metric:", name, NULL);
  if (*name == '\0' || g_utf8_strlen (name, -1) > RETAINER_METRIC_NAME_MAX_LENGTH
      || g_hash_table_contains (self->fields, field))
    {
      set_problem (self, name_row,
                   _("Metric name: expected a name of 1 to 100 characters that no other metric "
                     "of the month has"));
      return;
    }
  if (g_utf8_strlen (unit, -1) > RETAINER_METRIC_UNIT_MAX_LENGTH || strpbrk (unit, "[]") != NULL)
    {
      set_problem (self, unit_row,
                   _("Unit: expected “%”, “s”, “ms” or a word of up to 16 characters without "
                     "brackets, or nothing"));
      return;
    }
  if (self->metrics->len >= RETAINER_CLIENT_MAX_METRICS)
    {
      set_problem (self, name_row, _("A month holds at most 50 metrics"));
      return;
    }

  metric = retainer_metric_new (name, unit,
                                adw_combo_row_get_selected (direction_row) == 0
                                  ? RETAINER_METRIC_HIGHER_IS_BETTER
                                  : RETAINER_METRIC_LOWER_IS_BETTER);
  add_metric_row (self, metric);
  watch_field (self, g_ptr_array_index (self->metric_rows, self->metric_rows->len - 1));
  self->edited = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (unit_row), "");
  set_problem (self, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* The dialog                                                          */

static void
build (RetainerMonthEditor *self)
{
  const RetainerClientMonth *month = self->month;
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *costs = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *training = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *new_metric = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *add_button = gtk_button_new_with_mnemonic (_("A_dd Metric"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  AdwComboRow *direction_row = ADW_COMBO_ROW (adw_combo_row_new ());
  const char *directions[] = { direction_label (RETAINER_METRIC_HIGHER_IS_BETTER),
                               direction_label (RETAINER_METRIC_LOWER_IS_BETTER), NULL };
  g_autofree char *title = retainer_month_format_long (month->month, TRUE);
  g_autofree char *api = format_amount (month->api_cost_equivalent);
  g_autofree char *billed = format_amount (month->retainer_billed);
  g_autofree char *examples = month->retrained ? retainer_format_decimal (month->new_examples, 0, NULL) : NULL;
  g_autofree char *hours = month->retrained
                             ? retainer_format_decimal ((gint64) llround (month->training_hours * 100),
                                                        2, NULL)
                             : NULL;
  AdwEntryRow *row;

  adw_dialog_set_title (ADW_DIALOG (self), title);
  adw_dialog_set_content_width (ADW_DIALOG (self), 560);
  adw_dialog_set_content_height (ADW_DIALOG (self), 760);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_name (save, "save");
  g_hash_table_insert (self->fields, g_strdup ("save"), save);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (adw_dialog_close), self);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (retainer_month_editor_save), self);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), header);

  self->banner = ADW_BANNER (adw_banner_new (""));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->banner));

  adw_preferences_group_set_title (costs, _("Cost Impact"));
  row = add_entry (self, costs, "api_cost_equivalent", _("API Cost Equivalent"), api);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row),
                               _("What the month's production traffic would have cost on the API"));
  add_entry (self, costs, "retainer_billed", _("Retainer Billed"), billed);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), costs);

  adw_preferences_group_set_title (training, _("Retraining"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Retrained This Month"));
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (expander), TRUE);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (expander), month->retrained);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), month->retrained);
  gtk_widget_set_name (expander, "retrained");
  g_hash_table_insert (self->fields, g_strdup ("retrained"), expander);
  adw_preferences_group_add (training, expander);
  {
    const struct { const char *name; const char *title; const char *text; } rows[] = {
      { "new_examples", _("New Training Examples"), examples },
      { "training_source", _("Where They Came From"), month->training_source },
      { "training_hours", _("Training Time (Hours)"), hours },
      { "hardware", _("Hardware"), month->hardware },
    };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        AdwEntryRow *entry = ADW_ENTRY_ROW (adw_entry_row_new ());

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), rows[i].title);
        gtk_editable_set_text (GTK_EDITABLE (entry), rows[i].text != NULL ? rows[i].text : "");
        gtk_widget_set_name (GTK_WIDGET (entry), rows[i].name);
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (entry));
        g_hash_table_insert (self->fields, g_strdup (rows[i].name), entry);
      }
  }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), training);

  self->metrics_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->metrics_group, _("Metrics"));
  adw_preferences_group_set_description (self->metrics_group,
                                         _("Leave a value empty when it was not measured this month."));
  for (guint i = 0; i < month->metrics->len; i++)
    add_metric_row (self, g_ptr_array_index (month->metrics, i));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->metrics_group);

  adw_preferences_group_set_title (new_metric, _("New Metric"));
  add_entry (self, new_metric, "new_metric_name", _("Name"), NULL);
  row = add_entry (self, new_metric, "new_metric_unit", _("Unit"), NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("“%”, “s”, “ms”, your own word, or nothing for a count"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (direction_row), _("Direction"));
  {
    g_autoptr (GtkStringList) model = gtk_string_list_new (directions);

    adw_combo_row_set_model (direction_row, G_LIST_MODEL (model));
  }
  gtk_widget_set_name (GTK_WIDGET (direction_row), "new_metric_direction");
  g_hash_table_insert (self->fields, g_strdup ("new_metric_direction"), direction_row);
  adw_preferences_group_add (new_metric, GTK_WIDGET (direction_row));
  gtk_widget_set_halign (add_button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (add_button, 12);
  gtk_widget_set_name (add_button, "add_metric");
  g_hash_table_insert (self->fields, g_strdup ("add_metric"), add_button);
  g_signal_connect_swapped (add_button, "clicked", G_CALLBACK (add_metric_cb), self);
  adw_preferences_group_add (new_metric, add_button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), new_metric);

  /* The agency's own figures are not typed in front of the client. */
  if (self->show_agency_costs)
    {
      AdwPreferencesGroup *agency = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      g_autofree char *platform = month->has_actual_platform ? format_amount (month->actual_platform) : NULL;
      g_autofree char *compute = month->has_actual_compute ? format_amount (month->actual_compute) : NULL;
      g_autofree char *staff = month->has_actual_staff_hours
                                 ? retainer_format_decimal ((gint64) llround (month->actual_staff_hours * 100),
                                                            2, NULL)
                                 : NULL;

      adw_preferences_group_set_title (agency, _("Your Own Costs"));
      adw_preferences_group_set_description (agency,
                                             _("Private: never on a client's document. Leave "
                                               "empty when not known."));
      add_entry (self, agency, "actual_platform", _("Platform Cost"), platform);
      add_entry (self, agency, "actual_compute", _("Compute Cost"), compute);
      add_entry (self, agency, "actual_staff_hours", _("Staff Hours"), staff);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), agency);
    }

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), box);
  adw_dialog_set_child (ADW_DIALOG (self), toolbar);
  adw_dialog_set_default_widget (ADW_DIALOG (self), save);
}

static void
discard_cb (RetainerMonthEditor *self)
{
  adw_dialog_force_close (ADW_DIALOG (self));
}

/* Cancel, Esc or a click outside: nothing typed goes without a question. */
static void
retainer_month_editor_close_attempt (AdwDialog *dialog)
{
  RetainerMonthEditor *self = RETAINER_MONTH_EDITOR (dialog);
  AdwDialog *alert;

  if (!self->edited)
    {
      adw_dialog_force_close (dialog);
      return;
    }

  alert = retainer_alert_new (_("Discard This Month’s Changes?"),
                              _("What you typed here is not recorded yet."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "edit", _("_Keep Editing"),
                                  "discard", _("_Discard"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "discard",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "edit");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "edit");
  g_signal_connect_object (alert, "response::discard", G_CALLBACK (discard_cb), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (alert, GTK_WIDGET (self));
}

static void
retainer_month_editor_dispose (GObject *object)
{
  RetainerMonthEditor *self = RETAINER_MONTH_EDITOR (object);

  g_clear_object (&self->view);
  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (retainer_month_editor_parent_class)->dispose (object);
}

static void
retainer_month_editor_finalize (GObject *object)
{
  RetainerMonthEditor *self = RETAINER_MONTH_EDITOR (object);

  g_clear_pointer (&self->month, retainer_client_month_free);
  g_clear_pointer (&self->metrics, g_ptr_array_unref);
  g_clear_pointer (&self->metric_rows, g_ptr_array_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (retainer_month_editor_parent_class)->finalize (object);
}

static void
retainer_month_editor_class_init (RetainerMonthEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = retainer_month_editor_dispose;
  object_class->finalize = retainer_month_editor_finalize;
  ADW_DIALOG_CLASS (klass)->close_attempt = retainer_month_editor_close_attempt;
}

static void
retainer_month_editor_init (RetainerMonthEditor *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->metrics = g_ptr_array_new_with_free_func ((GDestroyNotify) retainer_metric_free);
  self->metric_rows = g_ptr_array_new ();
  adw_dialog_set_can_close (ADW_DIALOG (self), FALSE);
}

RetainerMonthEditor *
retainer_month_editor_new (RetainerClientView        *view,
                           guint                      index,
                           const RetainerClientMonth *month,
                           gboolean                   show_agency_costs)
{
  RetainerMonthEditor *self;

  g_return_val_if_fail (RETAINER_IS_CLIENT_VIEW (view), NULL);
  g_return_val_if_fail (month != NULL, NULL);

  self = g_object_new (RETAINER_TYPE_MONTH_EDITOR, NULL);
  self->view = g_object_ref (view);
  self->index = index;
  self->month = retainer_client_month_copy (month);
  self->show_agency_costs = show_agency_costs;
  build (self);
  {
    GHashTableIter iter;
    gpointer field;

    g_hash_table_iter_init (&iter, self->fields);
    while (g_hash_table_iter_next (&iter, NULL, &field))
      watch_field (self, field);
  }
  /* The editor reads its metrics back from its own rows: Save starts the
   * month's list afresh. */
  g_ptr_array_set_size (self->month->metrics, 0);
  return self;
}

GtkWidget *
retainer_month_editor_get_field (RetainerMonthEditor *self,
                                 const char          *name)
{
  g_return_val_if_fail (RETAINER_IS_MONTH_EDITOR (self), NULL);
  return g_hash_table_lookup (self->fields, name);
}

const char *
retainer_month_editor_get_problem (RetainerMonthEditor *self)
{
  g_return_val_if_fail (RETAINER_IS_MONTH_EDITOR (self), NULL);
  return self->problem;
}
