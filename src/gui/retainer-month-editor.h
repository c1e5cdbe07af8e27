/* retainer-month-editor.h: typing one month of a client: the API cost
 * equivalent, the retainer billed, the retraining facts and the metrics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "retainer-client-view.h"

G_BEGIN_DECLS

#define RETAINER_TYPE_MONTH_EDITOR (retainer_month_editor_get_type ())

G_DECLARE_FINAL_TYPE (RetainerMonthEditor, retainer_month_editor, RETAINER, MONTH_EDITOR, AdwDialog)

/* Edits a copy of @month, recorded at @index of @view's client (the
 * number of months: a new month). Save hands it to
 * retainer_client_view_replace_month (); the agency's own costs are
 * offered only when @show_agency_costs. */
RetainerMonthEditor *retainer_month_editor_new       (RetainerClientView        *view,
                                                      guint                      index,
                                                      const RetainerClientMonth *month,
                                                      gboolean                   show_agency_costs);
/* A field by name, for tests: "api_cost_equivalent", "retainer_billed",
 * "retrained", "new_examples", "training_source", "training_hours",
 * "hardware", "actual_platform", "actual_compute", "actual_staff_hours",
 * "metric:NAME", "save", and the new metric's "new_metric_name",
 * "new_metric_unit", "new_metric_direction", "add_metric". */
GtkWidget           *retainer_month_editor_get_field (RetainerMonthEditor       *self,
                                                      const char                *name);
/* What the Save button does: reads every field; a field that does not
 * read is marked and named, and nothing is recorded. */
gboolean             retainer_month_editor_save      (RetainerMonthEditor       *self);
/* The message of the last field that did not read, or NULL. */
const char          *retainer_month_editor_get_problem (RetainerMonthEditor     *self);

G_END_DECLS
