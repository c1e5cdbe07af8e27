/* retainer-rate-card-strings.c: the built-in rate cards' texts, for translators
 *
 * Written by build-aux/card-strings from data/rate-cards/; do not edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "retainer-i18n.h"
#include "retainer-rate-card.h"

const char *const retainer_rate_card_builtin_texts[] = {
  /* Translators: from a built-in rate card */
  N_("Fine-tuned model agency"),
  /* Translators: from a built-in rate card */
  N_("Fine-tune a model for the client, then host, monitor and retrain it every month for less than their API bill."),
  /* Translators: from a built-in rate card */
  N_("One task, clean data, standard model"),
  /* Translators: from a built-in rate card */
  N_("Support-ticket classifier"),
  /* Translators: from a built-in rate card */
  N_("Several tasks, data needs cleaning, custom evaluation"),
  /* Translators: from a built-in rate card */
  N_("Legal document review: classify, extract entities, flag risks"),
  /* Translators: from a built-in rate card */
  N_("Multi-model pipeline, data must be collected, extensive evaluation"),
  /* Translators: from a built-in rate card */
  N_("Financial analysis: extraction, analysis, report generation"),
  /* Translators: from a built-in rate card */
  N_("Essentials"),
  /* Translators: from a built-in rate card */
  N_("A tuned model hosted, watched and retrained every quarter."),
  /* Translators: from a built-in rate card */
  /* xgettext:no-c-format */
  N_("Hosting and serving with a 99.5% uptime SLA"),
  /* Translators: from a built-in rate card */
  N_("Basic monitoring: uptime, latency, error rates"),
  /* Translators: from a built-in rate card */
  N_("Quarterly retraining"),
  /* Translators: from a built-in rate card */
  N_("Monthly usage report"),
  /* Translators: from a built-in rate card */
  N_("Email support, next business day"),
  /* Translators: from a built-in rate card */
  N_("Growth"),
  /* Translators: from a built-in rate card */
  N_("A dedicated model that is retrained and evaluated every month."),
  /* Translators: from a built-in rate card */
  N_("Everything in Essentials"),
  /* Translators: from a built-in rate card */
  N_("Dedicated model instance"),
  /* Translators: from a built-in rate card */
  N_("Monthly retraining with performance analysis"),
  /* Translators: from a built-in rate card */
  N_("Detailed evaluation reports"),
  /* Translators: from a built-in rate card */
  N_("Priority support with a 4-hour response"),
  /* Translators: from a built-in rate card */
  N_("Quarterly strategy call"),
  /* Translators: from a built-in rate card */
  N_("Enterprise"),
  /* Translators: from a built-in rate card */
  N_("Several models or a multi-model pipeline, improved continuously."),
  /* Translators: from a built-in rate card */
  N_("Everything in Growth"),
  /* Translators: from a built-in rate card */
  N_("Several models or a multi-model pipeline"),
  /* Translators: from a built-in rate card */
  N_("Retraining every two weeks for continuous improvement"),
  /* Translators: from a built-in rate card */
  N_("Custom evaluation framework"),
  /* Translators: from a built-in rate card */
  N_("Dedicated account manager"),
  /* Translators: from a built-in rate card */
  N_("Monthly stakeholder review"),
  /* Translators: from a built-in rate card */
  N_("Priority deployment"),
  /* Translators: from a built-in rate card */
  N_("Custom integration support"),
  /* Translators: from a built-in rate card */
  N_("Model maintenance retainer"),
  /* Translators: from a built-in rate card */
  N_("Keep a model the client already runs healthy: monitoring, reports and retraining. Setup bands and the price of an extra use case are the fine-tuning card's until you edit them."),
  /* Translators: from a built-in rate card */
  N_("Monitoring only"),
  /* Translators: from a built-in rate card */
  N_("For a stable use case: the model is watched, retrained only by change order."),
  /* Translators: from a built-in rate card */
  N_("Weekly metric review"),
  /* Translators: from a built-in rate card */
  N_("Monthly report"),
  /* Translators: from a built-in rate card */
  N_("Threshold alerts"),
  /* Translators: from a built-in rate card */
  N_("Retraining only by change order"),
  /* Translators: from a built-in rate card */
  N_("Monitoring + quarterly retraining"),
  /* Translators: from a built-in rate card */
  N_("What most clients need: monitoring and a retrain every quarter."),
  /* Translators: from a built-in rate card */
  N_("Everything in Monitoring only"),
  /* Translators: from a built-in rate card */
  N_("Quarterly retraining with new data from monitoring"),
  /* Translators: from a built-in rate card */
  N_("Evaluation after each retrain"),
  /* Translators: from a built-in rate card */
  N_("One integration update a quarter"),
  /* Translators: from a built-in rate card */
  N_("Monitoring + monthly retraining + new use cases"),
  /* Translators: from a built-in rate card */
  N_("For rapidly changing data or plans to expand."),
  /* Translators: from a built-in rate card */
  N_("Everything in Monitoring + quarterly retraining"),
  /* Translators: from a built-in rate card */
  N_("Monthly retraining"),
  /* Translators: from a built-in rate card */
  N_("One new use case or model variant a quarter"),
  /* Translators: from a built-in rate card */
  N_("Priority response"),
  /* Translators: from a built-in rate card */
  N_("Quarterly strategy session"),
  /* Translators: from a built-in rate card */
  N_("AI services retainer"),
  /* Translators: from a built-in rate card */
  N_("Hours of AI work every month for a business that runs on AI systems: cheaper than an internal hire at $3,000-5,000 a month who needs 3-4 months to ramp up. Setup bands and the price of an extra use case are the fine-tuning card's until you edit them."),
  /* Translators: from a built-in rate card */
  N_("System management"),
  /* Translators: from a built-in rate card */
  N_("For a stable business: the systems kept running and reported on."),
  /* Translators: from a built-in rate card */
  N_("System maintenance"),
  /* Translators: from a built-in rate card */
  N_("Monthly performance report"),
  /* Translators: from a built-in rate card */
  N_("AI services retainer (10 hours)"),
  /* Translators: from a built-in rate card */
  N_("For a business that changes monthly or faster: 10 hours at $100/hour."),
  /* Translators: from a built-in rate card */
  N_("System maintenance: 4 hours"),
  /* Translators: from a built-in rate card */
  N_("New automations or content: 4 hours"),
  /* Translators: from a built-in rate card */
  N_("Monthly strategy call: 1 hour"),
  /* Translators: from a built-in rate card */
  N_("Performance report: 1 hour"),
  NULL
};
