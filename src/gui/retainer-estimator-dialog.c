/* retainer-estimator-dialog.c: the monthly spend estimated from usage
 *
 * docs/calculation.md, "Estimating the spend from usage": the core computes
 * (retainer-spend-estimate.h); this dialog reads what the founder types,
 * exactly (retainer_parse_decimal, whole numbers; the exchange rate with six
 * decimals), shows the cost of one request and the monthly spend as they
 * type, and hands the basis to the window ("Use This Spend").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "retainer-alert.h"
#include "retainer-estimator-dialog.h"
#include "retainer-json.h"
#include "retainer-money.h"
#include "retainer-number.h"
#include "retainer-window-pitch.h"
#include "retainer-window-private.h"

struct _RetainerEstimatorDialog
{
  AdwDialog             parent_instance;

  AdwComboRow          *period_row;
  AdwEntryRow          *requests_row;
  AdwEntryRow          *input_tokens_row;
  AdwEntryRow          *output_tokens_row;
  AdwPreferencesGroup  *model_group;
  AdwComboRow          *table_row;
  AdwComboRow          *model_row;
  AdwActionRow         *prices_row;
  GtkWidget            *rate_group;
  AdwEntryRow          *rate_row;
  GtkLabel             *request_cost_label;
  GtkLabel             *monthly_spend_label;
  GtkLabel             *problem_label;
  GtkWidget            *use_button;

  RetainerWindow       *window;       /* weak */
  char                 *currency;     /* the proposal's */
  GPtrArray            *tables;       /* RetainerPriceTable, as listed in table_row */
  GCancellable         *cancellable;
  guint                 updating;
};

G_DEFINE_FINAL_TYPE (RetainerEstimatorDialog, retainer_estimator_dialog, ADW_TYPE_DIALOG)

static void recompute (RetainerEstimatorDialog *self);

/* ------------------------------------------------------------------ */
/* Tables and models                                                   */

static const RetainerPriceTable *
selected_table (RetainerEstimatorDialog *self)
{
  guint position = adw_combo_row_get_selected (self->table_row);

  return position < self->tables->len ? g_ptr_array_index (self->tables, position) : NULL;
}

static char *
describe_table (const RetainerPriceTable *table)
{
  g_autofree char *where = NULL;

  if (table->builtin)
    where = g_strdup (_("Built in"));
  else
    where = g_path_get_basename (table->path != NULL ? table->path : table->name);
  /* Translators: %1$s says where a price table comes from ("Built in" or
   * its file name), %2$s the date its prices were read, YYYY-MM-DD. */
  return g_strdup_printf (_("%1$s · prices read %2$s"), where, table->prices_read);
}

static void
describe_model (RetainerEstimatorDialog *self)
{
  const RetainerPriceTable *table = selected_table (self);
  guint position = adw_combo_row_get_selected (self->model_row);
  const RetainerModelPrice *model;
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autofree char *subtitle = NULL;

  if (table == NULL || position >= table->n_models)
    {
      adw_action_row_set_subtitle (self->prices_row, "");
      return;
    }
  model = &table->models[position];
  input = retainer_price_format (model->input_price);
  output = retainer_price_format (model->output_price);
  /* Translators: a model's prices: %1$s and %2$s are US dollar amounts per
   * million input and output tokens, %3$s the date they were read
   * (YYYY-MM-DD), %4$s the page they were read on. */
  subtitle = g_strdup_printf (_("%1$s in, %2$s out per million tokens · read %3$s · %4$s"),
                              input, output,
                              model->prices_read != NULL ? model->prices_read : table->prices_read,
                              model->source);
  adw_action_row_set_subtitle (self->prices_row, subtitle);
}

static void
fill_models (RetainerEstimatorDialog *self)
{
  const RetainerPriceTable *table = selected_table (self);
  g_autoptr (GtkStringList) models = gtk_string_list_new (NULL);
  g_autofree char *table_subtitle = NULL;

  if (table != NULL)
    {
      for (guint i = 0; i < table->n_models; i++)
        {
          /* Translators: a model in a list: %1$s its provider, %2$s its name. */
          g_autofree char *label = g_strdup_printf (_("%1$s %2$s"), table->models[i].provider,
                                                    table->models[i].name);

          gtk_string_list_append (models, label);
        }
      table_subtitle = describe_table (table);
    }
  self->updating++;
  adw_combo_row_set_model (self->model_row, G_LIST_MODEL (models));
  adw_combo_row_set_selected (self->model_row, 0);
  self->updating--;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->table_row),
                               table_subtitle != NULL ? table_subtitle : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->model_group), TRUE);
}

static void
fill_tables (RetainerEstimatorDialog *self,
             guint                    selected)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->tables->len; i++)
    {
      const RetainerPriceTable *table = g_ptr_array_index (self->tables, i);

      gtk_string_list_append (names, table->name);
    }
  self->updating++;
  adw_combo_row_set_model (self->table_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->table_row, selected);
  self->updating--;
  fill_models (self);
}

gboolean
retainer_estimator_dialog_select_model (RetainerEstimatorDialog *self,
                                        const char              *provider,
                                        const char              *name)
{
  g_return_val_if_fail (RETAINER_IS_ESTIMATOR_DIALOG (self), FALSE);

  for (guint t = 0; t < self->tables->len; t++)
    {
      int model = retainer_price_table_find_model (g_ptr_array_index (self->tables, t),
                                                   provider, name);

      if (model >= 0)
        {
          self->updating++;
          adw_combo_row_set_selected (self->table_row, t);
          fill_models (self);
          adw_combo_row_set_selected (self->model_row, (guint) model);
          self->updating--;
          recompute (self);
          return TRUE;
        }
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* The estimate                                                        */

static gboolean
read_whole (AdwEntryRow *row,
            gint64      *value,
            GError     **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr (GError) number_error = NULL;

  if (!retainer_parse_decimal (text, NULL, 0, value, &number_error))
    {
      /* Translators: %1$s is a field's title, %2$s says what was expected. */
      g_set_error (error, RETAINER_SPEND_ESTIMATE_ERROR, RETAINER_SPEND_ESTIMATE_ERROR_INVALID,
                   _("%1$s: %2$s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                   retainer_error_message (number_error));
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  return TRUE;
}

RetainerSpendBasis *
retainer_estimator_dialog_get_basis (RetainerEstimatorDialog *self,
                                     GError                 **error)
{
  g_autoptr (RetainerSpendBasis) basis = retainer_spend_basis_new ();
  const RetainerPriceTable *table = selected_table (self);
  guint model = adw_combo_row_get_selected (self->model_row);

  g_return_val_if_fail (RETAINER_IS_ESTIMATOR_DIALOG (self), NULL);

  basis->period = adw_combo_row_get_selected (self->period_row) == 1 ? RETAINER_USAGE_PER_MONTH
                                                                      : RETAINER_USAGE_PER_DAY;
  if (!read_whole (self->requests_row, &basis->requests, error)
      || !read_whole (self->input_tokens_row, &basis->input_tokens, error)
      || !read_whole (self->output_tokens_row, &basis->output_tokens, error))
    return NULL;

  if (table == NULL || model >= table->n_models)
    {
      g_set_error_literal (error, RETAINER_SPEND_ESTIMATE_ERROR,
                           RETAINER_SPEND_ESTIMATE_ERROR_INVALID, _("Model: choose one"));
      return NULL;
    }
  retainer_spend_basis_set_model (basis, table, model);

  if (!retainer_spend_basis_set_currency (basis, self->currency,
                                          gtk_editable_get_text (GTK_EDITABLE (self->rate_row)),
                                          error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->rate_row), "error");
      return NULL;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->rate_row), "error");
  return g_steal_pointer (&basis);
}

static gboolean
all_typed (RetainerEstimatorDialog *self)
{
  AdwEntryRow *rows[] = { self->requests_row, self->input_tokens_row, self->output_tokens_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (*gtk_editable_get_text (GTK_EDITABLE (rows[i])) == '\0')
      return FALSE;
  return TRUE;
}

static void
show_problem (RetainerEstimatorDialog *self,
              const char              *message)
{
  gtk_label_set_label (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

static void
recompute (RetainerEstimatorDialog *self)
{
  g_autoptr (RetainerSpendBasis) basis = NULL;
  g_autoptr (GError) error = NULL;
  RetainerSpendEstimate estimate;
  g_autofree char *cost = NULL;
  g_autofree char *spend = NULL;

  if (self->updating > 0)
    return;

  describe_model (self);
  if (!all_typed (self))
    {
      gtk_label_set_label (self->request_cost_label, "—");
      gtk_label_set_label (self->monthly_spend_label, "—");
      gtk_widget_set_sensitive (self->use_button, FALSE);
      show_problem (self, NULL);
      return;
    }

  basis = retainer_estimator_dialog_get_basis (self, &error);
  if (basis == NULL || !retainer_spend_estimate_compute (basis, &estimate, &error))
    {
      gtk_label_set_label (self->request_cost_label, "—");
      gtk_label_set_label (self->monthly_spend_label, "—");
      gtk_widget_set_sensitive (self->use_button, FALSE);
      show_problem (self, retainer_error_message (error));
      return;
    }

  cost = retainer_spend_estimate_format_request_cost (&estimate);
  spend = retainer_money_format (estimate.monthly_spend, self->currency,
                                 RETAINER_MONEY_FORMAT_DEFAULT);
  gtk_label_set_label (self->request_cost_label, cost);
  gtk_label_set_label (self->monthly_spend_label, spend);
  gtk_widget_set_sensitive (self->use_button, TRUE);
  show_problem (self, NULL);
}

static void
input_changed_cb (RetainerEstimatorDialog *self)
{
  recompute (self);
}

static void
table_changed_cb (RetainerEstimatorDialog *self)
{
  if (self->updating > 0)
    return;
  fill_models (self);
  recompute (self);
}

gboolean
retainer_estimator_dialog_use (RetainerEstimatorDialog *self)
{
  g_autoptr (RetainerSpendBasis) basis = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (RETAINER_IS_ESTIMATOR_DIALOG (self), FALSE);

  if (self->window == NULL)
    return FALSE;
  basis = retainer_estimator_dialog_get_basis (self, &error);
  if (basis == NULL || !retainer_window_use_estimate (self->window, basis, &error))
    {
      show_problem (self, retainer_error_message (error));
      return FALSE;
    }
  adw_dialog_close (ADW_DIALOG (self));
  return TRUE;
}

static void
use_cb (RetainerEstimatorDialog *self)
{
  retainer_estimator_dialog_use (self);
}

/* ------------------------------------------------------------------ */
/* Opening and sharing tables                                          */

static void
show_file_error (RetainerEstimatorDialog *self,
                 const char              *heading,
                 const char              *message)
{
  AdwDialog *alert = retainer_alert_new (heading, message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
  adw_dialog_present (alert, GTK_WIDGET (self));
}

gboolean
retainer_estimator_dialog_open_table_file (RetainerEstimatorDialog *self,
                                           GFile                   *file,
                                           GError                 **error)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *kept = NULL;
  RetainerPriceTable *table;

  g_return_val_if_fail (RETAINER_IS_ESTIMATOR_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only a price table in a local folder can be opened"));
      return FALSE;
    }
  table = retainer_price_table_load (path, error);
  if (table == NULL)
    return FALSE;

  /* Kept with the founder's other tables, so it is listed next time; a
   * table of that file name already there is left as it is. */
  folder = retainer_price_table_user_dir ();
  basename = g_path_get_basename (path);
  if (!g_str_has_suffix (basename, ".json"))
    {
      g_autofree char *plain = g_steal_pointer (&basename);

      basename = g_strconcat (plain, ".json", NULL);
    }
  kept = g_build_filename (folder, basename, NULL);
  if (g_strcmp0 (kept, path) != 0 && !g_file_test (kept, G_FILE_TEST_EXISTS)
      && g_mkdir_with_parents (folder, 0700) == 0)
    {
      g_autoptr (GError) save_error = NULL;

      if (retainer_price_table_save (table, kept, &save_error))
        {
          g_free (table->path);
          table->path = g_strdup (kept);
        }
      else
        g_warning ("Could not keep the price table in %s: %s", folder, retainer_error_message (save_error));
    }

  g_ptr_array_add (self->tables, table);
  fill_tables (self, self->tables->len - 1);
  recompute (self);
  return TRUE;
}

static void
open_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (RetainerEstimatorDialog) self = user_data;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);
  if (file == NULL || self->window == NULL)
    return;
  if (!retainer_estimator_dialog_open_table_file (self, file, &error))
    show_file_error (self, _("Could Not Open the Price Table"), retainer_error_message (error));
}

static GListModel *
json_filters (void)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("Price Tables"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_pattern (filter, "*.json");
  g_list_store_append (filters, filter);
  return G_LIST_MODEL (filters);
}

static void
open_table_cb (RetainerEstimatorDialog *self)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GListModel) filters = json_filters ();

  gtk_file_dialog_set_title (dialog, _("Open a Price Table"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                        self->cancellable, open_cb, g_object_ref (self));
}

gboolean
retainer_estimator_dialog_save_table_to (RetainerEstimatorDialog *self,
                                         GFile                   *file,
                                         GError                 **error)
{
  const RetainerPriceTable *table;
  g_autofree char *path = NULL;

  g_return_val_if_fail (RETAINER_IS_ESTIMATOR_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  table = selected_table (self);
  path = g_file_get_path (file);
  if (table == NULL || path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           table == NULL ? _("No price table is chosen")
                                         : _("Only a local folder can hold the price table"));
      return FALSE;
    }
  return retainer_price_table_save (table, path, error);
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (RetainerEstimatorDialog) self = user_data;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  if (file == NULL || self->window == NULL)
    return;
  if (!retainer_estimator_dialog_save_table_to (self, file, &error))
    show_file_error (self, _("Could Not Save the Price Table"), retainer_error_message (error));
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is a file name. */
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

      retainer_window_toast (self->window, message);
    }
}

static void
save_table_cb (RetainerEstimatorDialog *self)
{
  const RetainerPriceTable *table = selected_table (self);
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GListModel) filters = json_filters ();
  g_autofree char *name = NULL;

  if (table == NULL)
    return;
  name = g_strdup_printf ("%s.json", table->name);
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  gtk_file_dialog_set_title (dialog, _("Save a Copy of the Price Table"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                        self->cancellable, save_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------ */
/* Object                                                              */

static void
retainer_estimator_dialog_dispose (GObject *object)
{
  RetainerEstimatorDialog *self = RETAINER_ESTIMATOR_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->window);
  gtk_widget_dispose_template (GTK_WIDGET (self), RETAINER_TYPE_ESTIMATOR_DIALOG);

  G_OBJECT_CLASS (retainer_estimator_dialog_parent_class)->dispose (object);
}

static void
retainer_estimator_dialog_finalize (GObject *object)
{
  RetainerEstimatorDialog *self = RETAINER_ESTIMATOR_DIALOG (object);

  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (retainer_estimator_dialog_parent_class)->finalize (object);
}

static void
retainer_estimator_dialog_class_init (RetainerEstimatorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = retainer_estimator_dialog_dispose;
  object_class->finalize = retainer_estimator_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/retainer/Retainer/retainer-estimator-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RetainerEstimatorDialog, name)
  BIND (period_row);
  BIND (requests_row);
  BIND (input_tokens_row);
  BIND (output_tokens_row);
  BIND (model_group);
  BIND (table_row);
  BIND (model_row);
  BIND (prices_row);
  BIND (rate_group);
  BIND (rate_row);
  BIND (request_cost_label);
  BIND (monthly_spend_label);
  BIND (problem_label);
  BIND (use_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_table_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_table_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_cb);
}

static void
retainer_estimator_dialog_init (RetainerEstimatorDialog *self)
{
  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating--;
  self->cancellable = g_cancellable_new ();
  self->currency = g_strdup ("USD");
}

static void
set_whole (AdwEntryRow *row,
           gint64       value)
{
  g_autofree char *text = retainer_format_decimal (value, 0, NULL);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

AdwDialog *
retainer_estimator_dialog_new (RetainerWindow *window)
{
  RetainerEstimatorDialog *self = g_object_new (RETAINER_TYPE_ESTIMATOR_DIALOG, NULL);
  const RetainerProposal *proposal = retainer_window_get_proposal (window);
  const RetainerSpendBasis *basis = proposal->spend_estimate;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *rate_title = NULL;

  g_set_weak_pointer (&self->window, window);
  g_free (self->currency);
  self->currency = g_strdup (proposal->currency);

  self->tables = retainer_price_table_list_all (&problems);
  if (problems != NULL && problems->len > 0)
    adw_preferences_group_set_description (self->model_group, g_ptr_array_index (problems, 0));

  /* Translators: %s is a currency code like EUR. */
  rate_title = g_strdup_printf (_("%s one US dollar buys"), self->currency);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rate_row), rate_title);
  gtk_widget_set_visible (self->rate_group, g_strcmp0 (self->currency, "USD") != 0);

  self->updating++;
  fill_tables (self, 0);
  if (basis != NULL)
    {
      adw_combo_row_set_selected (self->period_row,
                                  basis->period == RETAINER_USAGE_PER_MONTH ? 1 : 0);
      set_whole (self->requests_row, basis->requests);
      set_whole (self->input_tokens_row, basis->input_tokens);
      set_whole (self->output_tokens_row, basis->output_tokens);
      if (g_strcmp0 (basis->currency, self->currency) == 0
          && g_strcmp0 (basis->currency, "USD") != 0)
        {
          g_autofree char *rate = retainer_millionths_format (basis->exchange_rate, 0);

          gtk_editable_set_text (GTK_EDITABLE (self->rate_row), rate);
        }
    }
  self->updating--;
  if (basis == NULL || !retainer_estimator_dialog_select_model (self, basis->provider, basis->model))
    recompute (self);
  adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (self->requests_row));
  return ADW_DIALOG (self);
}
