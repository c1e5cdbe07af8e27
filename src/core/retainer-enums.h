/* retainer-enums.h: the business's vocabulary, with the ids used in files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RETAINER_COMPLEXITY_SIMPLE,
  RETAINER_COMPLEXITY_MODERATE,
  RETAINER_COMPLEXITY_COMPLEX,
  RETAINER_N_COMPLEXITIES
} RetainerComplexity;

/* How often the client's business changes; sets the retraining needed. */
typedef enum
{
  RETAINER_CHANGE_STABLE,
  RETAINER_CHANGE_MONTHLY,
  RETAINER_CHANGE_WEEKLY,
  RETAINER_N_CHANGES
} RetainerChangeFrequency;

typedef enum
{
  RETAINER_RETRAINING_ON_REQUEST,
  RETAINER_RETRAINING_QUARTERLY,
  RETAINER_RETRAINING_MONTHLY,
  RETAINER_RETRAINING_BIWEEKLY,
  RETAINER_N_RETRAININGS
} RetainerRetraining;

typedef enum
{
  RETAINER_SUPPORT_NEXT_BUSINESS_DAY,
  RETAINER_SUPPORT_FOUR_HOURS,
  RETAINER_SUPPORT_ACCOUNT_MANAGER,
  RETAINER_N_SUPPORTS
} RetainerSupport;

typedef enum
{
  RETAINER_BILLING_MONTHLY,
  RETAINER_BILLING_ANNUAL,
  RETAINER_N_BILLINGS
} RetainerBilling;

/* The three questions that decide the complexity when it is not chosen directly. */
typedef enum
{
  RETAINER_TASKS_ONE,
  RETAINER_TASKS_SEVERAL,
  RETAINER_TASKS_PIPELINE,
  RETAINER_N_TASKS
} RetainerTasks;

typedef enum
{
  RETAINER_DATA_CLEAN,
  RETAINER_DATA_NEEDS_CLEANING,
  RETAINER_DATA_MUST_COLLECT,
  RETAINER_N_DATA
} RetainerDataReadiness;

typedef enum
{
  RETAINER_EVALUATION_STANDARD,
  RETAINER_EVALUATION_CUSTOM,
  RETAINER_EVALUATION_EXTENSIVE,
  RETAINER_N_EVALUATIONS
} RetainerEvaluation;

/* The ids used in files, NULL-terminated, in value order. */
extern const char *const retainer_complexity_ids[];
extern const char *const retainer_change_ids[];
extern const char *const retainer_retraining_ids[];
extern const char *const retainer_support_ids[];
extern const char *const retainer_billing_ids[];
extern const char *const retainer_tasks_ids[];
extern const char *const retainer_data_ids[];
extern const char *const retainer_evaluation_ids[];

/* Each family has: the id used in files, a translated label for people,
 * and a parser from the id (returns FALSE for an unknown id). */
const char *retainer_complexity_to_id    (RetainerComplexity       value);
const char *retainer_complexity_label    (RetainerComplexity       value);
gboolean    retainer_complexity_from_id  (const char              *id,
                                          RetainerComplexity      *value);
const char *retainer_change_to_id        (RetainerChangeFrequency  value);
const char *retainer_change_label        (RetainerChangeFrequency  value);
gboolean    retainer_change_from_id      (const char              *id,
                                          RetainerChangeFrequency *value);
const char *retainer_retraining_to_id    (RetainerRetraining       value);
const char *retainer_retraining_label    (RetainerRetraining       value);
gboolean    retainer_retraining_from_id  (const char              *id,
                                          RetainerRetraining      *value);
const char *retainer_support_to_id       (RetainerSupport          value);
const char *retainer_support_label       (RetainerSupport          value);
gboolean    retainer_support_from_id     (const char              *id,
                                          RetainerSupport         *value);
const char *retainer_billing_to_id       (RetainerBilling          value);
const char *retainer_billing_label       (RetainerBilling          value);
gboolean    retainer_billing_from_id     (const char              *id,
                                          RetainerBilling         *value);
const char *retainer_tasks_to_id         (RetainerTasks            value);
const char *retainer_tasks_label         (RetainerTasks            value);
gboolean    retainer_tasks_from_id       (const char              *id,
                                          RetainerTasks           *value);
const char *retainer_data_to_id          (RetainerDataReadiness    value);
const char *retainer_data_label          (RetainerDataReadiness    value);
gboolean    retainer_data_from_id        (const char              *id,
                                          RetainerDataReadiness   *value);
const char *retainer_evaluation_to_id    (RetainerEvaluation       value);
const char *retainer_evaluation_label    (RetainerEvaluation       value);
gboolean    retainer_evaluation_from_id  (const char              *id,
                                          RetainerEvaluation      *value);

/* The complexity is the highest level among the three answers. */
RetainerComplexity retainer_complexity_from_answers  (RetainerTasks            tasks,
                                                      RetainerDataReadiness    data,
                                                      RetainerEvaluation       evaluation);

G_END_DECLS
