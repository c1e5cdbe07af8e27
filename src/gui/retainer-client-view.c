/* retainer-client-view.c: one client, its months and its documents
 *
 * Every figure comes from the core (RetainerValueReport); the view only
 * lays them out. The accepted proposal's figures are shown, never edited:
 * the client file's proposal is frozen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "retainer-agency.h"
#include "retainer-alert.h"
#include "retainer-client-view.h"
#include "retainer-json.h"
#include "retainer-money.h"
#include "retainer-month-editor.h"
#include "retainer-months-csv.h"
#include "retainer-number.h"
#include "retainer-pdf-client.h"
#include "retainer-rate-card.h"

struct _RetainerClientView
{
  AdwNavigationPage  parent_instance;

  AdwActionRow      *plan_row;
  AdwActionRow      *setup_fee_row;
  AdwActionRow      *accepted_row;
  AdwActionRow      *break_even_row;
  GtkListBox        *months_list;
  AdwPreferencesGroup *month_group;
  GtkGrid           *metrics_grid;
  GtkLabel          *retraining_label;
  GtkLabel          *agency_costs_label;

  RetainerWindow    *window;      /* weak */
  char              *path;
  RetainerClient    *client;
  int                selected;
  guint              filling;     /* > 0: the list is being rebuilt */
  GCancellable      *cancellable; /* the file dialogs */
};

G_DEFINE_FINAL_TYPE (RetainerClientView, retainer_client_view, ADW_TYPE_NAVIGATION_PAGE)

/* ------------------------------------------------------------------ */
/* Showing the client                                                  */

static char *
format_money (RetainerClientView *self,
              gint64              amount)
{
  return retainer_money_format (amount, self->client->proposal->currency,
                                RETAINER_MONEY_FORMAT_DEFAULT);
}

static gboolean
presenting (RetainerClientView *self)
{
  return self->window != NULL && retainer_window_get_presenting (self->window);
}

static GtkWidget *
cell (const char *text,
      float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static GtkWidget *
create_month_row (RetainerClientView        *self,
                  const RetainerValueReport *report)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *month = retainer_month_format_long (report->month, TRUE);
  g_autofree char *api = format_money (self, report->api_cost_equivalent);
  g_autofree char *billed = format_money (self, report->retainer_billed);
  g_autofree char *saving = format_money (self, report->monthly_saving);
  g_autofree char *cumulative = format_money (self, report->cumulative_saving);
  g_autofree char *description = NULL;

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), cell (month, 0));
  gtk_box_append (GTK_BOX (box), cell (api, 1));
  gtk_box_append (GTK_BOX (box), cell (billed, 1));
  gtk_box_append (GTK_BOX (box), cell (saving, 1));
  gtk_box_append (GTK_BOX (box), cell (cumulative, 1));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: what a screen reader says for a month of the table;
   * %1$s is the month, then its API cost equivalent, the retainer billed,
   * the saving and the savings since go-live. */
  description = g_strdup_printf (_("%1$s: API cost %2$s, retainer %3$s, saving %4$s, "
                                   "cumulative %5$s"),
                                 month, api, billed, saving, cumulative);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
  return row;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
attach_heading (GtkGrid    *grid,
                const char *text,
                int         column,
                float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, column, 0, 1, 1);
}

static void
show_metrics (RetainerClientView        *self,
              const RetainerValueReport *report)
{
  GtkGrid *grid = self->metrics_grid;

  clear_grid (grid);
  attach_heading (grid, _("Metric"), 0, 0);
  attach_heading (grid, report->previous_month != NULL ? _("Last Month") : "", 1, 1);
  attach_heading (grid, _("This Month"), 2, 1);
  attach_heading (grid, _("Change"), 3, 1);
  attach_heading (grid, "", 4, 0);

  if (report->metrics->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No metrics recorded this month"));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_grid_attach (grid, none, 0, 1, 5, 1);
      return;
    }

  for (guint i = 0; i < report->metrics->len; i++)
    {
      const RetainerMetricComparison *metric = g_ptr_array_index (report->metrics, i);
      GtkWidget *name = cell (metric->name, 0);
      GtkWidget *verdict = cell (retainer_metric_verdict_label (metric->verdict), 0);
      int row = (int) i + 1;

      gtk_widget_set_hexpand (name, TRUE);
      /* Ellipsized, whole in the tooltip: a wrapping label in a grid
       * measures its height wrongly for the width it gets. */
      gtk_widget_set_tooltip_text (name, metric->name);
      if (metric->verdict == RETAINER_METRIC_VERDICT_BETTER)
        gtk_widget_add_css_class (verdict, "success");
      else if (metric->verdict == RETAINER_METRIC_VERDICT_WORSE)
        gtk_widget_add_css_class (verdict, "error");
      else
        gtk_widget_add_css_class (verdict, "dim-label");

      gtk_grid_attach (grid, name, 0, row, 1, 1);
      gtk_grid_attach (grid, cell (metric->previous_text, 1), 1, row, 1, 1);
      gtk_grid_attach (grid, cell (metric->current_text, 1), 2, row, 1, 1);
      gtk_grid_attach (grid, cell (metric->change_text, 1), 3, row, 1, 1);
      gtk_grid_attach (grid, verdict, 4, row, 1, 1);
    }
}

static char *
describe_retraining (const RetainerClientMonth *record)
{
  g_autofree char *examples = NULL;
  g_autofree char *hours = NULL;

  if (!record->retrained)
    return g_strdup (_("Not retrained this month."));

  examples = retainer_format_number (record->new_examples, 0);
  hours = retainer_format_number (record->training_hours,
                                 retainer_metric_decimals (record->training_hours));
  /* Translators: %1$s new training examples, %2$s where they came from,
   * %3$s hours of training, %4$s the hardware, like "1 x NVIDIA A100". */
  return g_strdup_printf (_("Retrained on %1$s new examples (%2$s), %3$s h of training on %4$s."),
                          examples,
                          record->training_source != NULL ? record->training_source : "—",
                          hours,
                          record->hardware != NULL ? record->hardware : "—");
}

static char *
describe_agency_costs (RetainerClientView        *self,
                       const RetainerClientMonth *record)
{
  g_autofree char *platform = NULL;
  g_autofree char *compute = NULL;
  g_autofree char *hours = NULL;

  if (!record->has_actual_platform && !record->has_actual_compute && !record->has_actual_staff_hours)
    return NULL;

  platform = record->has_actual_platform ? format_money (self, record->actual_platform)
                                         : g_strdup ("—");
  compute = record->has_actual_compute ? format_money (self, record->actual_compute)
                                       : g_strdup ("—");
  hours = record->has_actual_staff_hours ? retainer_format_number (record->actual_staff_hours, 1)
                                         : g_strdup ("—");
  /* Translators: the agency's private figures; %1$s the platform cost,
   * %2$s the compute cost, %3$s the staff hours. */
  return g_strdup_printf (_("Your own costs this month, never shown to the client: platform %1$s, "
                            "compute %2$s, %3$s staff hours."),
                          platform, compute, hours);
}

static void
show_month (RetainerClientView *self)
{
  const RetainerClientMonth *record;
  g_autoptr (RetainerValueReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *retraining = NULL;
  g_autofree char *agency_costs = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.edit-month", self->selected >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.export-report", self->selected >= 0);
  if (self->selected < 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->month_group), FALSE);
      return;
    }

  record = g_ptr_array_index (self->client->months, self->selected);
  report = retainer_value_report_new (self->client, record->month, &error);
  if (report == NULL)
    {
      g_warning ("%s", retainer_error_message (error));
      gtk_widget_set_visible (GTK_WIDGET (self->month_group), FALSE);
      return;
    }

  title = retainer_month_format_long (record->month, TRUE);
  /* Translators: %u counts the months since go-live (1 is the go-live month). */
  description = g_strdup_printf (_("Month %u since go-live"), report->month_number);
  adw_preferences_group_set_title (self->month_group, title);
  adw_preferences_group_set_description (self->month_group, description);
  show_metrics (self, report);

  retraining = describe_retraining (record);
  gtk_label_set_label (self->retraining_label, retraining);

  /* The agency's own figures stay off the screen while the client watches. */
  agency_costs = presenting (self) ? NULL : describe_agency_costs (self, record);
  gtk_label_set_label (self->agency_costs_label, agency_costs != NULL ? agency_costs : "");
  gtk_widget_set_visible (GTK_WIDGET (self->agency_costs_label), agency_costs != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->month_group), TRUE);
}

static void
show_proposal (RetainerClientView  *self,
               RetainerValueReport *last)
{
  const RetainerTier *tier = retainer_client_tier (self->client);
  g_autofree char *retainer = format_money (self, retainer_client_monthly_retainer (self->client));
  g_autofree char *setup_fee = format_money (self, retainer_client_setup_fee (self->client));
  g_autofree char *go_live = retainer_month_format_long (self->client->go_live_month, TRUE);
  g_autofree char *plan = NULL;
  g_autofree char *accepted = NULL;
  g_autofree char *recovery = NULL;

  /* Translators: %1$s is the plan, %2$s the monthly retainer, like "$2,000". */
  plan = g_strdup_printf (_("%1$s, %2$s a month"),
                          tier != NULL ? retainer_rate_card_text (tier->name) : self->client->promise.tier_id,
                          retainer);
  /* Translators: %1$s is a date like 2025-09-02, %2$u the revision the
   * client signed, %3$s the go-live month like "September 2025". */
  accepted = g_strdup_printf (_("%1$s, revision %2$u, live from %3$s"),
                              self->client->accepted_date, self->client->accepted_revision,
                              go_live);
  recovery = last != NULL
               ? retainer_value_report_describe_recovery (last, self->client->proposal->currency)
               : g_strdup (_("No month recorded yet"));

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self),
                                 self->client->proposal->company != NULL
                                   ? self->client->proposal->company : _("Client"));
  adw_action_row_set_subtitle (self->plan_row, plan);
  adw_action_row_set_subtitle (self->setup_fee_row, setup_fee);
  adw_action_row_set_subtitle (self->accepted_row, accepted);
  adw_action_row_set_subtitle (self->break_even_row, recovery);
}

static void
refresh (RetainerClientView *self)
{
  g_autoptr (RetainerValueReport) last = NULL;
  GPtrArray *months = self->client->months;

  self->filling++;
  gtk_list_box_remove_all (self->months_list);
  for (guint i = 0; i < months->len; i++)
    {
      const RetainerClientMonth *record = g_ptr_array_index (months, i);
      g_autoptr (GError) error = NULL;
      g_autoptr (RetainerValueReport) report = retainer_value_report_new (self->client,
                                                                          record->month, &error);

      if (report == NULL)
        {
          g_warning ("%s", retainer_error_message (error));
          continue;
        }
      gtk_list_box_append (self->months_list, create_month_row (self, report));
      if (i + 1 == months->len)
        last = g_steal_pointer (&report);
    }
  self->filling--;

  show_proposal (self, last);
  if (self->selected >= (int) months->len)
    self->selected = (int) months->len - 1;
  gtk_list_box_select_row (self->months_list,
                           self->selected >= 0
                             ? gtk_list_box_get_row_at_index (self->months_list, self->selected)
                             : NULL);
  show_month (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.export-review", months->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.add-month",
                                 months->len < RETAINER_CLIENT_MAX_MONTHS);
}

static void
month_selected_cb (RetainerClientView *self,
                   GtkListBoxRow      *row)
{
  if (self->filling > 0)
    return;
  self->selected = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  show_month (self);
}

/* ------------------------------------------------------------------ */
/* Alerts                                                              */

static void
show_error (RetainerClientView *self,
            const char         *heading,
            const char         *message)
{
  AdwDialog *dialog = retainer_alert_new (heading, message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "close");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "close");
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
toast (RetainerClientView *self,
       const char         *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

/* Reads a chosen file's path; a file without one is shown as a failure. */
static char *
local_path (RetainerClientView *self,
            GFile              *file,
            const char         *heading)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *parse_name = g_file_get_parse_name (file);
      g_autofree char *message = g_strdup_printf (_("%s is not a local file"), parse_name);

      show_error (self, heading, message);
    }
  return path;
}

/* ------------------------------------------------------------------ */
/* Changes                                                             */

/* Keeps @changed at the client's path; on success it becomes the client shown. */
static gboolean
keep (RetainerClientView *self,
      RetainerClient     *changed,
      GError            **error)
{
  if (!retainer_client_validate (changed, NULL, error)
      || !retainer_client_save (changed, self->path, error))
    return FALSE;

  retainer_client_free (self->client);
  self->client = retainer_client_copy (changed);
  refresh (self);
  return TRUE;
}

gboolean
retainer_client_view_replace_month (RetainerClientView        *self,
                                    guint                      index,
                                    const RetainerClientMonth *month,
                                    GError                   **error)
{
  g_autoptr (RetainerClient) changed = NULL;
  RetainerClientMonth *slot;

  g_return_val_if_fail (RETAINER_IS_CLIENT_VIEW (self), FALSE);
  g_return_val_if_fail (month != NULL, FALSE);
  g_return_val_if_fail (index <= self->client->months->len, FALSE);

  changed = retainer_client_copy (self->client);
  if (index == changed->months->len && retainer_client_add_next_month (changed) == NULL)
    {
      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID,
                   _("No more months can be recorded for this client"));
      return FALSE;
    }

  slot = retainer_client_month_copy (month);
  /* The month keeps its place in the calendar, whatever the copy said. */
  g_free (slot->month);
  slot->month = g_strdup (((RetainerClientMonth *) g_ptr_array_index (changed->months, index))->month);
  retainer_client_month_free (g_ptr_array_index (changed->months, index));
  changed->months->pdata[index] = slot;

  if (!keep (self, changed, error))
    return FALSE;
  retainer_client_view_select_month (self, (int) index);
  return TRUE;
}

static void
open_editor (RetainerClientView        *self,
             guint                      index,
             const RetainerClientMonth *month)
{
  RetainerMonthEditor *editor = retainer_month_editor_new (self, index, month, !presenting (self));

  adw_dialog_present (ADW_DIALOG (editor), GTK_WIDGET (self));
}

static void
add_month_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RetainerClientView *self = RETAINER_CLIENT_VIEW (widget);
  g_autoptr (RetainerClient) draft = retainer_client_copy (self->client);
  const RetainerClientMonth *next = retainer_client_add_next_month (draft);

  /* Recorded only when the editor saves it. */
  if (next != NULL)
    open_editor (self, self->client->months->len, next);
}

static void
edit_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RetainerClientView *self = RETAINER_CLIENT_VIEW (widget);

  if (self->selected >= 0)
    open_editor (self, (guint) self->selected, g_ptr_array_index (self->client->months, self->selected));
}

static void
month_activated_cb (RetainerClientView *self,
                    GtkListBoxRow      *row)
{
  self->selected = gtk_list_box_row_get_index (row);
  show_month (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "client.edit-month", NULL);
}

gboolean
retainer_client_view_import_months_file (RetainerClientView *self,
                                         GFile              *file)
{
  g_autoptr (RetainerClient) changed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  guint added = 0, replaced = 0;

  g_return_val_if_fail (RETAINER_IS_CLIENT_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = local_path (self, file, _("Could Not Import the Months"));
  if (path == NULL)
    return FALSE;

  /* On a copy: a bad row leaves the client as it was. */
  changed = retainer_client_copy (self->client);
  if (!retainer_client_import_months_csv_file (changed, path, &added, &replaced, &error)
      || !keep (self, changed, &error))
    {
      show_error (self, _("Could Not Import the Months"), retainer_error_message (error));
      return FALSE;
    }

  if (self->selected < 0 && self->client->months->len > 0)
    retainer_client_view_select_month (self, (int) self->client->months->len - 1);
  /* Translators: %1$u months added and %2$u months corrected from a CSV file. */
  message = g_strdup_printf (_("Months imported: %1$u added, %2$u replaced"), added, replaced);
  toast (self, message);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Documents                                                           */

static void
toast_exported (RetainerClientView *self,
                GFile              *file,
                GPtrArray          *warnings)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is the file's name. */
  g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

  toast (self, message);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    toast (self, g_ptr_array_index (warnings, i));
}

gboolean
retainer_client_view_export_report_to (RetainerClientView *self,
                                       GFile              *file)
{
  g_autoptr (RetainerAgency) agency = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  const RetainerClientMonth *month;

  g_return_val_if_fail (RETAINER_IS_CLIENT_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->selected >= 0, FALSE);

  path = local_path (self, file, _("Could Not Export the Report"));
  if (path == NULL)
    return FALSE;

  month = g_ptr_array_index (self->client->months, self->selected);
  agency = retainer_agency_load_user (&error);
  if (agency == NULL
      || !retainer_pdf_export_report (self->client, month->month, agency, path, warnings, &error))
    {
      show_error (self, _("Could Not Export the Report"), retainer_error_message (error));
      return FALSE;
    }
  toast_exported (self, file, warnings);
  return TRUE;
}

gboolean
retainer_client_view_export_review_to (RetainerClientView             *self,
                                       const char                     *quarter,
                                       const RetainerExpansionRequest *offer,
                                       GFile                          *file)
{
  g_autoptr (RetainerAgency) agency = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (RETAINER_IS_CLIENT_VIEW (self), FALSE);
  g_return_val_if_fail (quarter != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = local_path (self, file, _("Could Not Export the Quarterly Review"));
  if (path == NULL)
    return FALSE;

  agency = retainer_agency_load_user (&error);
  if (agency == NULL
      || !retainer_pdf_export_review (self->client, quarter, offer, agency, path, warnings, &error))
    {
      show_error (self, _("Could Not Export the Quarterly Review"), retainer_error_message (error));
      return FALSE;
    }
  toast_exported (self, file, warnings);
  return TRUE;
}

gboolean
retainer_client_view_export_client_to (RetainerClientView *self,
                                       GFile              *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (RETAINER_IS_CLIENT_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = local_path (self, file, _("Could Not Export the Client"));
  if (path == NULL)
    return FALSE;
  if (!retainer_client_export (self->client, path, &error))
    {
      show_error (self, _("Could Not Export the Client"), retainer_error_message (error));
      return FALSE;
    }
  toast_exported (self, file, NULL);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* File dialogs                                                        */

typedef enum
{
  FILE_IMPORT_MONTHS,
  FILE_REPORT,
  FILE_REVIEW,
  FILE_CLIENT,
} FilePurpose;

typedef struct
{
  RetainerClientView      *view;
  FilePurpose              purpose;
  char                    *quarter;
  RetainerExpansionRequest offer;
} FileRequest;

static void
file_request_free (FileRequest *request)
{
  g_object_unref (request->view);
  g_free (request->quarter);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FileRequest, file_request_free)

static void
file_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (FileRequest) request = user_data;
  RetainerClientView *self = request->view;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (request->purpose == FILE_IMPORT_MONTHS)
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);
  else
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);

  if (file == NULL || g_cancellable_is_cancelled (self->cancellable)
      || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    {
      if (file == NULL && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED)
          && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED)
          && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
        show_error (self, _("Could Not Open the File"), retainer_error_message (error));
      return;
    }

  switch (request->purpose)
    {
    case FILE_IMPORT_MONTHS:
      retainer_client_view_import_months_file (self, file);
      break;
    case FILE_REPORT:
      retainer_client_view_export_report_to (self, file);
      break;
    case FILE_REVIEW:
      retainer_client_view_export_review_to (self, request->quarter, &request->offer, file);
      break;
    case FILE_CLIENT:
      retainer_client_view_export_client_to (self, file);
      break;
    default:
      g_assert_not_reached ();
    }
}

static GtkFileDialog *
create_file_dialog (const char *title,
                    const char *accept_label,
                    const char *filter_name,
                    const char *mime_type,
                    const char *pattern)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  gtk_file_dialog_set_modal (dialog, TRUE);
  return dialog;
}

static char *
company_for_file_name (RetainerClientView *self)
{
  const char *company = self->client->proposal->company;
  g_autofree char *name = g_strdelimit (g_strdup (company != NULL && *company != '\0' ? company
                                                                                      : _("Client")),
                                        "/\\:*?\"<>|", '-');

  return g_steal_pointer (&name);
}

static void
choose_file (RetainerClientView *self,
             GtkFileDialog      *dialog,
             FileRequest        *request)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  request->view = g_object_ref (self);
  if (request->purpose == FILE_IMPORT_MONTHS)
    gtk_file_dialog_open (dialog, window, self->cancellable, file_chosen_cb, request);
  else
    gtk_file_dialog_save (dialog, window, self->cancellable, file_chosen_cb, request);
}

static void
import_months_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RetainerClientView *self = RETAINER_CLIENT_VIEW (widget);
  g_autoptr (GtkFileDialog) dialog = create_file_dialog (_("Import Months from CSV"), _("_Import"),
                                                         _("CSV Files"), "text/csv", "*.csv");
  FileRequest *request = g_new0 (FileRequest, 1);

  request->purpose = FILE_IMPORT_MONTHS;
  choose_file (self, dialog, request);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RetainerClientView *self = RETAINER_CLIENT_VIEW (widget);
  g_autoptr (GtkFileDialog) dialog = NULL;
  g_autofree char *company = company_for_file_name (self);
  g_autofree char *name = NULL;
  const RetainerClientMonth *month;
  FileRequest *request;

  if (self->selected < 0)
    return;
  month = g_ptr_array_index (self->client->months, self->selected);
  dialog = create_file_dialog (_("Export the Monthly Report"), _("_Export"), _("PDF Documents"),
                               "application/pdf", "*.pdf");
  /* Translators: a file name; %1$s is the company, %2$s the month like 2026-03. Keep ".pdf". */
  name = g_strdup_printf (_("Value Report - %1$s - %2$s.pdf"), company, month->month);
  gtk_file_dialog_set_initial_name (dialog, name);
  request = g_new0 (FileRequest, 1);
  request->purpose = FILE_REPORT;
  choose_file (self, dialog, request);
}

static void
export_client_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RetainerClientView *self = RETAINER_CLIENT_VIEW (widget);
  g_autoptr (GtkFileDialog) dialog = create_file_dialog (_("Export the Client"), _("_Export"),
                                                         _("Retainer Proposals"),
                                                         RETAINER_PROPOSAL_MIME_TYPE,
                                                         "*" RETAINER_PROPOSAL_EXTENSION);
  g_autofree char *name = retainer_client_file_name (self->client);
  FileRequest *request = g_new0 (FileRequest, 1);

  gtk_file_dialog_set_initial_name (dialog, name);
  request->purpose = FILE_CLIENT;
  choose_file (self, dialog, request);
}

/* The offer of the quarterly review: which quarter, and what to offer. */
typedef struct
{
  RetainerClientView *view;
  GStrv               quarters;
  AdwComboRow        *quarter_row;
  AdwSpinRow         *use_cases_row;
  AdwEntryRow        *spend_row;
  AdwComboRow        *complexity_row;
  AdwSwitchRow       *next_tier_row;
} ReviewQuestion;

static void
review_question_free (ReviewQuestion *question)
{
  g_object_unref (question->view);
  g_strfreev (question->quarters);
  g_free (question);
}

static GStrv
recorded_quarters (const RetainerClient *client)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *last = NULL;

  for (guint i = 0; i < client->months->len; i++)
    {
      const RetainerClientMonth *month = g_ptr_array_index (client->months, i);
      int index = 0;
      g_autofree char *quarter = NULL;

      retainer_month_parse (month->month, &index);
      quarter = g_strdup_printf ("%d-Q%d", index / 12, (index % 12) / 3 + 1);
      if (g_strcmp0 (quarter, last) != 0)
        {
          g_strv_builder_add (builder, quarter);
          g_free (last);
          last = g_steal_pointer (&quarter);
        }
    }
  return g_strv_builder_end (builder);
}

static void
review_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    ReviewQuestion *question)
{
  RetainerClientView *self = question->view;
  const char *spend_text = gtk_editable_get_text (GTK_EDITABLE (question->spend_row));
  g_autoptr (GtkFileDialog) file_dialog = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *company = NULL;
  g_autofree char *name = NULL;
  FileRequest *request;
  guint quarter_index;
  gint64 spend = 0;

  if (g_strcmp0 (response, "export") != 0)
    return;

  request = g_new0 (FileRequest, 1);
  request->purpose = FILE_REVIEW;
  quarter_index = adw_combo_row_get_selected (question->quarter_row);
  request->quarter = g_strdup (question->quarters[quarter_index]);
  request->offer.extra_use_cases = (guint) adw_spin_row_get_value (question->use_cases_row);
  if (*spend_text != '\0' && !retainer_parse_decimal (spend_text, NULL, 2, &spend, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says what was expected. */
      message = g_strdup_printf (_("Their monthly API spend: %s"), retainer_error_message (error));
      show_error (self, _("Could Not Export the Quarterly Review"), message);
      request->view = g_object_ref (self);
      file_request_free (request);
      return;
    }
  request->offer.monthly_api_spend = spend;
  request->offer.complexity = (RetainerComplexity) adw_combo_row_get_selected (question->complexity_row);
  request->offer.next_tier = adw_switch_row_get_active (question->next_tier_row);

  company = company_for_file_name (self);
  file_dialog = create_file_dialog (_("Export the Quarterly Review"), _("_Export"),
                                    _("PDF Documents"), "application/pdf", "*.pdf");
  /* Translators: a file name; %1$s is the company, %2$s the quarter like 2026-Q1. Keep ".pdf". */
  name = g_strdup_printf (_("Quarterly Review - %1$s - %2$s.pdf"), company, request->quarter);
  gtk_file_dialog_set_initial_name (file_dialog, name);
  choose_file (self, file_dialog, request);
}

static void
export_review_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RetainerClientView *self = RETAINER_CLIENT_VIEW (widget);
  ReviewQuestion *question = g_new0 (ReviewQuestion, 1);
  AdwDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr (GtkStringList) complexities = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) quarters = NULL;
  guint n_quarters;

  question->view = g_object_ref (self);
  question->quarters = recorded_quarters (self->client);
  n_quarters = g_strv_length (question->quarters);
  quarters = gtk_string_list_new ((const char *const *) question->quarters);
  if (n_quarters == 0)
    {
      review_question_free (question);
      return;
    }

  dialog = retainer_alert_new (_("Export a Quarterly Review"),
                               _("The review shows the value delivered and offers an expansion: "
                                 "more use cases at the expansion price, the next tier up, or both."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  question->quarter_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (question->quarter_row), _("Quarter"));
  adw_combo_row_set_model (question->quarter_row, G_LIST_MODEL (quarters));
  adw_combo_row_set_selected (question->quarter_row, n_quarters - 1);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (question->quarter_row));

  question->use_cases_row = ADW_SPIN_ROW (adw_spin_row_new_with_range (0, 20, 1));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (question->use_cases_row),
                                 _("More Use Cases"));
  adw_spin_row_set_value (question->use_cases_row, 1);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (question->use_cases_row));

  question->spend_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (question->spend_row),
                                 _("Their Monthly API Spend"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (question->spend_row));

  for (int i = 0; i < RETAINER_N_COMPLEXITIES; i++)
    gtk_string_list_append (complexities, retainer_complexity_label ((RetainerComplexity) i));
  question->complexity_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (question->complexity_row),
                                 _("Their Complexity"));
  adw_combo_row_set_model (question->complexity_row, G_LIST_MODEL (complexities));
  adw_combo_row_set_selected (question->complexity_row, RETAINER_COMPLEXITY_MODERATE);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (question->complexity_row));

  question->next_tier_row = ADW_SWITCH_ROW (adw_switch_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (question->next_tier_row),
                                 _("Offer the Next Tier Up"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (question->next_tier_row));

  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), list);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "export", _("_Export…"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "export",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "export");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (review_response_cb), question,
                         (GClosureNotify) (void (*) (void)) review_question_free, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* The object                                                          */

static void
cancel_cb (RetainerClientView *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
retainer_client_view_dispose (GObject *object)
{
  RetainerClientView *self = RETAINER_CLIENT_VIEW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->window);
  /* The list unselects its rows as it goes: nothing to show any more. */
  self->filling++;
  gtk_widget_dispose_template (GTK_WIDGET (self), RETAINER_TYPE_CLIENT_VIEW);

  G_OBJECT_CLASS (retainer_client_view_parent_class)->dispose (object);
}

static void
retainer_client_view_finalize (GObject *object)
{
  RetainerClientView *self = RETAINER_CLIENT_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->client, retainer_client_free);

  G_OBJECT_CLASS (retainer_client_view_parent_class)->finalize (object);
}

static void
retainer_client_view_class_init (RetainerClientViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = retainer_client_view_dispose;
  object_class->finalize = retainer_client_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/retainer/Retainer/retainer-client-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RetainerClientView, plan_row);
  gtk_widget_class_bind_template_child (widget_class, RetainerClientView, setup_fee_row);
  gtk_widget_class_bind_template_child (widget_class, RetainerClientView, accepted_row);
  gtk_widget_class_bind_template_child (widget_class, RetainerClientView, break_even_row);
  gtk_widget_class_bind_template_child (widget_class, RetainerClientView, months_list);
  gtk_widget_class_bind_template_child (widget_class, RetainerClientView, month_group);
  gtk_widget_class_bind_template_child (widget_class, RetainerClientView, metrics_grid);
  gtk_widget_class_bind_template_child (widget_class, RetainerClientView, retraining_label);
  gtk_widget_class_bind_template_child (widget_class, RetainerClientView, agency_costs_label);
  gtk_widget_class_bind_template_callback (widget_class, month_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, month_activated_cb);

  gtk_widget_class_install_action (widget_class, "client.add-month", NULL, add_month_action);
  gtk_widget_class_install_action (widget_class, "client.edit-month", NULL, edit_month_action);
  gtk_widget_class_install_action (widget_class, "client.import-months", NULL, import_months_action);
  gtk_widget_class_install_action (widget_class, "client.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "client.export-review", NULL, export_review_action);
  gtk_widget_class_install_action (widget_class, "client.export-client", NULL, export_client_action);
}

static void
retainer_client_view_init (RetainerClientView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->selected = -1;
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self, "unrealize", G_CALLBACK (cancel_cb), NULL);
}

RetainerClientView *
retainer_client_view_new (RetainerWindow *window,
                          const char     *path,
                          RetainerClient *client)
{
  RetainerClientView *self;

  g_return_val_if_fail (RETAINER_IS_WINDOW (window), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (client != NULL, NULL);

  self = g_object_new (RETAINER_TYPE_CLIENT_VIEW, NULL);
  g_set_weak_pointer (&self->window, window);
  self->path = g_strdup (path);
  self->client = client;
  /* Presentation mode hides the agency's own figures at once. */
  g_signal_connect_object (g_action_map_lookup_action (G_ACTION_MAP (window), "present"),
                           "notify::state", G_CALLBACK (show_month), self, G_CONNECT_SWAPPED);
  /* The latest month first: that is the report of the day. */
  self->selected = (int) client->months->len - 1;
  refresh (self);
  return self;
}

const RetainerClient *
retainer_client_view_get_client (RetainerClientView *self)
{
  g_return_val_if_fail (RETAINER_IS_CLIENT_VIEW (self), NULL);
  return self->client;
}

const char *
retainer_client_view_get_path (RetainerClientView *self)
{
  g_return_val_if_fail (RETAINER_IS_CLIENT_VIEW (self), NULL);
  return self->path;
}

int
retainer_client_view_get_selected_month (RetainerClientView *self)
{
  g_return_val_if_fail (RETAINER_IS_CLIENT_VIEW (self), -1);
  return self->selected;
}

void
retainer_client_view_select_month (RetainerClientView *self,
                                   int                 index)
{
  g_return_if_fail (RETAINER_IS_CLIENT_VIEW (self));
  g_return_if_fail (index < (int) self->client->months->len);

  self->selected = index;
  self->filling++;
  gtk_list_box_select_row (self->months_list,
                           index >= 0 ? gtk_list_box_get_row_at_index (self->months_list, index)
                                      : NULL);
  self->filling--;
  show_month (self);
}
