/* retainer-enums.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "retainer-i18n.h"
#include "retainer-enums.h"

const char *const retainer_complexity_ids[] = { "simple", "moderate", "complex", NULL };
const char *const retainer_change_ids[] = { "stable", "monthly", "weekly", NULL };
const char *const retainer_retraining_ids[] = { "on-request", "quarterly", "monthly", "biweekly", NULL };
const char *const retainer_support_ids[] = { "next-business-day", "4-hours", "account-manager", NULL };
const char *const retainer_billing_ids[] = { "monthly", "annual", NULL };
const char *const retainer_tasks_ids[] = { "one", "several", "pipeline", NULL };
const char *const retainer_data_ids[] = { "clean", "needs-cleaning", "must-collect", NULL };
const char *const retainer_evaluation_ids[] = { "standard", "custom", "extensive", NULL };

static const char *const complexity_labels[] = {
  NC_("complexity", "Simple"),
  NC_("complexity", "Moderate"),
  NC_("complexity", "Complex"),
};
static const char *const change_labels[] = {
  NC_("change frequency", "Stable"),
  NC_("change frequency", "Changes monthly"),
  NC_("change frequency", "Changes weekly"),
};
static const char *const retraining_labels[] = {
  NC_("retraining", "Retraining on request"),
  NC_("retraining", "Quarterly retraining"),
  NC_("retraining", "Monthly retraining"),
  NC_("retraining", "Retraining every two weeks"),
};
static const char *const support_labels[] = {
  NC_("support", "Next business day"),
  NC_("support", "Within 4 hours"),
  NC_("support", "Dedicated account manager"),
};
static const char *const billing_labels[] = {
  NC_("billing", "Monthly"),
  NC_("billing", "Annual prepay"),
};
static const char *const tasks_labels[] = {
  NC_("tasks", "One task"),
  NC_("tasks", "Several tasks"),
  NC_("tasks", "Multi-model pipeline"),
};
static const char *const data_labels[] = {
  NC_("data readiness", "Clean data"),
  NC_("data readiness", "Data needs cleaning"),
  NC_("data readiness", "Data must be collected"),
};
static const char *const evaluation_labels[] = {
  NC_("evaluation", "Standard evaluation"),
  NC_("evaluation", "Custom evaluation"),
  NC_("evaluation", "Extensive evaluation"),
};

static gboolean
lookup_id (const char *const *ids,
           const char        *id,
           int               *value)
{
  if (id == NULL)
    return FALSE;

  for (int i = 0; ids[i] != NULL; i++)
    {
      if (strcmp (ids[i], id) == 0)
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_ENUM_FUNCS(prefix, Type, n_values, context)                             \
  const char *retainer_##prefix##_to_id (Type value)                                   \
  {                                                                                    \
    g_return_val_if_fail ((int) value >= 0 && (int) value < (n_values), NULL);         \
    return retainer_##prefix##_ids[value];                                             \
  }                                                                                    \
  const char *retainer_##prefix##_label (Type value)                                   \
  {                                                                                    \
    g_return_val_if_fail ((int) value >= 0 && (int) value < (n_values), NULL);         \
    return retainer_pgettext (context, prefix##_labels[value]);            \
  }                                                                                    \
  gboolean retainer_##prefix##_from_id (const char *id, Type *value)                   \
  {                                                                                    \
    int found;                                                                         \
    if (!lookup_id (retainer_##prefix##_ids, id, &found))                              \
      return FALSE;                                                                    \
    *value = (Type) found;                                                             \
    return TRUE;                                                                       \
  }

DEFINE_ENUM_FUNCS (complexity, RetainerComplexity, RETAINER_N_COMPLEXITIES, "complexity")
DEFINE_ENUM_FUNCS (change, RetainerChangeFrequency, RETAINER_N_CHANGES, "change frequency")
DEFINE_ENUM_FUNCS (retraining, RetainerRetraining, RETAINER_N_RETRAININGS, "retraining")
DEFINE_ENUM_FUNCS (support, RetainerSupport, RETAINER_N_SUPPORTS, "support")
DEFINE_ENUM_FUNCS (billing, RetainerBilling, RETAINER_N_BILLINGS, "billing")
DEFINE_ENUM_FUNCS (tasks, RetainerTasks, RETAINER_N_TASKS, "tasks")
DEFINE_ENUM_FUNCS (data, RetainerDataReadiness, RETAINER_N_DATA, "data readiness")
DEFINE_ENUM_FUNCS (evaluation, RetainerEvaluation, RETAINER_N_EVALUATIONS, "evaluation")

/**
 * retainer_complexity_from_answers:
 * @tasks: how many tasks the model does
 * @data: how ready the client's data is
 * @evaluation: how much evaluation the case needs
 *
 * Returns: the highest level among the three answers.
 */
RetainerComplexity
retainer_complexity_from_answers (RetainerTasks         tasks,
                                  RetainerDataReadiness data,
                                  RetainerEvaluation    evaluation)
{
  int level = MAX ((int) tasks, MAX ((int) data, (int) evaluation));

  return (RetainerComplexity) CLAMP (level, 0, RETAINER_N_COMPLEXITIES - 1);
}
