/* retainer-savings-chart.h: cumulative cost with and without the agency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "retainer-recommend.h"

G_BEGIN_DECLS

#define RETAINER_TYPE_SAVINGS_CHART (retainer_savings_chart_get_type ())

G_DECLARE_FINAL_TYPE (RetainerSavingsChart, retainer_savings_chart, RETAINER, SAVINGS_CHART, GtkWidget)

GtkWidget  *retainer_savings_chart_new                   (void);
/* The series: months 0..horizon, as in RetainerResult.months (copied). */
void        retainer_savings_chart_set_months            (RetainerSavingsChart *self,
                                                          const RetainerMonth  *months,
                                                          guint                 n_months);
guint       retainer_savings_chart_get_n_months          (RetainerSavingsChart *self);
/* The cautious case's months (copied), shaded as a band below the expected
 * net saving; NULL or 0 months: no band. */
void        retainer_savings_chart_set_cautious_series   (RetainerSavingsChart *self,
                                                          const RetainerMonth  *months,
                                                          guint                 n_months);
guint       retainer_savings_chart_get_n_cautious_months (RetainerSavingsChart *self);
const char *retainer_savings_chart_get_currency          (RetainerSavingsChart *self);
void        retainer_savings_chart_set_currency          (RetainerSavingsChart *self,
                                                          const char           *currency);
double      retainer_savings_chart_get_break_even_months (RetainerSavingsChart *self);
void        retainer_savings_chart_set_break_even_months (RetainerSavingsChart *self,
                                                          double                break_even_months);
const char *retainer_savings_chart_get_break_even_label  (RetainerSavingsChart *self);
void        retainer_savings_chart_set_break_even_label  (RetainerSavingsChart *self,
                                                          const char           *label);
const char *retainer_savings_chart_get_summary           (RetainerSavingsChart *self);
void        retainer_savings_chart_set_summary           (RetainerSavingsChart *self,
                                                          const char           *summary);
int         retainer_savings_chart_get_hover_month       (RetainerSavingsChart *self);
void        retainer_savings_chart_set_hover_month       (RetainerSavingsChart *self,
                                                          int                   month);
/* The figures shown while the pointer rests on `month`, translated. */
char       *retainer_savings_chart_describe_month        (RetainerSavingsChart *self,
                                                          guint                 month);

G_END_DECLS
