/* retainer-proposal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "retainer-client.h"
#include "retainer-i18n.h"
#include "retainer-money.h"
#include "retainer-proposal.h"

#define SAMPLE_RESOURCE "/app/retainer/Retainer/sample.retainer"

G_DEFINE_QUARK (retainer-proposal-error-quark, retainer_proposal_error)

/**
 * retainer_proposal_new:
 * @card: the rate card to price with (copied)
 *
 * Returns: (transfer full): an empty proposal with the defaults of
 *   docs/calculation.md
 */
RetainerProposal *
retainer_proposal_new (const RetainerRateCard *card)
{
  RetainerProposal *proposal;

  g_return_val_if_fail (card != NULL, NULL);

  proposal = g_new0 (RetainerProposal, 1);
  proposal->contact = g_strdup ("");
  proposal->company = g_strdup ("");
  proposal->industry = g_strdup ("");
  proposal->currency = g_strdup (card->currency);
  proposal->coverage_pct = 100;
  proposal->complexity = RETAINER_COMPLEXITY_SIMPLE;
  proposal->change_frequency = RETAINER_CHANGE_STABLE;
  proposal->support = RETAINER_SUPPORT_NEXT_BUSINESS_DAY;
  proposal->use_cases = 1;
  proposal->billing = RETAINER_BILLING_MONTHLY;
  proposal->horizon_months = 12;
  proposal->show_cautious_range = TRUE;
  proposal->rate_card = retainer_rate_card_copy (card);
  proposal->revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) retainer_revision_free);
  return proposal;
}

/**
 * retainer_proposal_free:
 * @proposal: (nullable): a proposal
 */
void
retainer_proposal_free (RetainerProposal *proposal)
{
  if (proposal == NULL)
    return;

  g_free (proposal->contact);
  g_free (proposal->company);
  g_free (proposal->industry);
  g_free (proposal->currency);
  g_free (proposal->tier_id);
  g_free (proposal->number);
  g_free (proposal->date);
  g_free (proposal->language);
  retainer_spend_basis_free (proposal->spend_estimate);
  g_clear_pointer (&proposal->revisions, g_ptr_array_unref);
  retainer_rate_card_free (proposal->rate_card);
  g_free (proposal);
}

/**
 * retainer_proposal_copy:
 * @proposal: a proposal
 *
 * Returns: (transfer full): a deep copy
 */
RetainerProposal *
retainer_proposal_copy (const RetainerProposal *proposal)
{
  RetainerProposal *copy;

  g_return_val_if_fail (proposal != NULL, NULL);

  copy = g_new0 (RetainerProposal, 1);
  *copy = *proposal;
  copy->contact = g_strdup (proposal->contact);
  copy->company = g_strdup (proposal->company);
  copy->industry = g_strdup (proposal->industry);
  copy->currency = g_strdup (proposal->currency);
  copy->tier_id = g_strdup (proposal->tier_id);
  copy->number = g_strdup (proposal->number);
  copy->date = g_strdup (proposal->date);
  copy->language = g_strdup (proposal->language);
  copy->rate_card = retainer_rate_card_copy (proposal->rate_card);
  copy->spend_estimate = proposal->spend_estimate != NULL
                           ? retainer_spend_basis_copy (proposal->spend_estimate)
                           : NULL;
  copy->revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) retainer_revision_free);
  for (guint i = 0; proposal->revisions != NULL && i < proposal->revisions->len; i++)
    g_ptr_array_add (copy->revisions,
                     retainer_revision_copy (g_ptr_array_index (proposal->revisions, i)));
  return copy;
}

/**
 * retainer_revision_copy:
 * @revision: an issued revision
 *
 * Returns: (transfer full): a deep copy
 */
RetainerRevision *
retainer_revision_copy (const RetainerRevision *revision)
{
  RetainerRevision *copy;

  g_return_val_if_fail (revision != NULL, NULL);

  copy = g_new0 (RetainerRevision, 1);
  *copy = *revision;
  copy->number = g_strdup (revision->number);
  copy->date = g_strdup (revision->date);
  copy->tier_id = g_strdup (revision->tier_id);
  copy->currency = g_strdup (revision->currency);
  copy->digest = g_strdup (revision->digest);
  return copy;
}

static gboolean
revisions_equal (const GPtrArray *a,
                 const GPtrArray *b)
{
  guint n_a = a != NULL ? a->len : 0;
  guint n_b = b != NULL ? b->len : 0;

  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    {
      const RetainerRevision *x = g_ptr_array_index ((GPtrArray *) a, i);
      const RetainerRevision *y = g_ptr_array_index ((GPtrArray *) b, i);

      if (x->revision != y->revision || g_strcmp0 (x->number, y->number) != 0
          || g_strcmp0 (x->date, y->date) != 0 || g_strcmp0 (x->digest, y->digest) != 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * retainer_proposal_keep_issued:
 * @proposal: a proposal, an earlier or later state of @issued
 * @issued: the proposal as it is now
 *
 * Gives @proposal the number, the date and the revisions of @issued.
 *
 * Returns: whether @proposal changed
 */
gboolean
retainer_proposal_keep_issued (RetainerProposal       *proposal,
                               const RetainerProposal *issued)
{
  g_return_val_if_fail (proposal != NULL, FALSE);
  g_return_val_if_fail (issued != NULL, FALSE);

  if (g_strcmp0 (proposal->number, issued->number) == 0
      && g_strcmp0 (proposal->date, issued->date) == 0
      && revisions_equal (proposal->revisions, issued->revisions))
    return FALSE;

  g_free (proposal->number);
  proposal->number = g_strdup (issued->number);
  g_free (proposal->date);
  proposal->date = g_strdup (issued->date);
  if (proposal->revisions == NULL)
    proposal->revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) retainer_revision_free);
  g_ptr_array_set_size (proposal->revisions, 0);
  for (guint i = 0; issued->revisions != NULL && i < issued->revisions->len; i++)
    g_ptr_array_add (proposal->revisions,
                     retainer_revision_copy (g_ptr_array_index (issued->revisions, i)));
  return TRUE;
}

/**
 * retainer_revision_free:
 * @revision: (nullable): an issued revision
 */
void
retainer_revision_free (RetainerRevision *revision)
{
  if (revision == NULL)
    return;

  g_free (revision->number);
  g_free (revision->date);
  g_free (revision->tier_id);
  g_free (revision->currency);
  g_free (revision->digest);
  g_free (revision);
}

/**
 * retainer_proposal_get_latest_revision:
 * @proposal: a proposal
 *
 * Returns: (transfer none) (nullable): the revision issued last
 */
const RetainerRevision *
retainer_proposal_get_latest_revision (const RetainerProposal *proposal)
{
  g_return_val_if_fail (proposal != NULL, NULL);

  if (proposal->revisions == NULL || proposal->revisions->len == 0)
    return NULL;
  return g_ptr_array_index (proposal->revisions, proposal->revisions->len - 1);
}

/**
 * retainer_proposal_equal:
 * @a: a proposal
 * @b: another
 *
 * Returns: whether saving both would write the same file
 */
gboolean
retainer_proposal_equal (const RetainerProposal *a,
                         const RetainerProposal *b)
{
  g_autoptr (cJSON) json_a = NULL;
  g_autoptr (cJSON) json_b = NULL;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  json_a = retainer_proposal_to_json (a);
  json_b = retainer_proposal_to_json (b);
  return cJSON_Compare (json_a, json_b, TRUE);
}

/**
 * retainer_proposal_set_rate_card:
 * @proposal: a proposal
 * @card: the card to price with from now on (copied)
 *
 * The founder's tier choice survives when the new card has that tier.
 */
void
retainer_proposal_set_rate_card (RetainerProposal       *proposal,
                                 const RetainerRateCard *card)
{
  RetainerRateCard *copy;

  g_return_if_fail (proposal != NULL);
  g_return_if_fail (card != NULL);

  copy = retainer_rate_card_copy (card);
  retainer_rate_card_free (proposal->rate_card);
  proposal->rate_card = copy;
  if (retainer_rate_card_find_tier (copy, proposal->tier_id) < 0)
    g_clear_pointer (&proposal->tier_id, g_free);
}

static gboolean
set_invalid (GError                  **error,
             const RetainerJsonSource *source,
             const char               *key,
             const char               *problem)
{
  retainer_json_set_field_error (error, source, "", key, problem);
  if (error != NULL && *error != NULL)
    {
      (*error)->domain = RETAINER_PROPOSAL_ERROR;
      (*error)->code = RETAINER_PROPOSAL_ERROR_INVALID;
    }
  return FALSE;
}

static gboolean
is_iso_date (const char *date)
{
  g_autoptr (GDateTime) parsed = NULL;
  g_autofree char *iso = NULL;

  if (date == NULL || strlen (date) != 10)
    return FALSE;
  iso = g_strconcat (date, "T00:00:00Z", NULL);
  parsed = g_date_time_new_from_iso8601 (iso, NULL);
  return parsed != NULL;
}

static gboolean
is_digest (const char *digest)
{
  gsize prefix = strlen (RETAINER_DIGEST_PREFIX);

  if (digest == NULL || !g_str_has_prefix (digest, RETAINER_DIGEST_PREFIX)
      || strlen (digest) != prefix + 64)
    return FALSE;
  for (const char *p = digest + prefix; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

/* An error on a revision's field, named like "revisions[1].date". */
static gboolean
set_revision_invalid (GError                  **error,
                      const RetainerJsonSource *source,
                      guint                     index,
                      const char               *name,
                      const char               *problem)
{
  g_autofree char *path = g_strdup_printf ("revisions[%u]", index);

  retainer_json_set_field_error (error, source, path, name, problem);
  if (error != NULL && *error != NULL)
    {
      (*error)->domain = RETAINER_PROPOSAL_ERROR;
      (*error)->code = RETAINER_PROPOSAL_ERROR_INVALID;
    }
  return FALSE;
}

static gboolean
validate_revision (const RetainerProposal   *proposal,
                   guint                     index,
                   const RetainerJsonSource *source,
                   GError                  **error)
{
  const RetainerRevision *revision = g_ptr_array_index (proposal->revisions, index);
  const RetainerRevision *previous = NULL;

  if (index > 0)
    previous = g_ptr_array_index (proposal->revisions, index - 1);

  if (index >= RETAINER_REVISIONS_MAX)
    return set_invalid (error, source, "revisions", _("expected at most 999 revisions"));
  if (revision->number == NULL || *revision->number == '\0'
      || g_strcmp0 (revision->number, proposal->number) != 0)
    return set_revision_invalid (error, source, index, "number",
                                 _("expected the proposal’s own number: a proposal keeps its "
                                   "number for life"));
  if (revision->revision != index + 1)
    return set_revision_invalid (error, source, index, "revision",
                                 _("expected the revisions numbered 1, 2, 3… in the order they "
                                   "were issued"));
  if (!is_iso_date (revision->date))
    return set_revision_invalid (error, source, index, "date",
                                 _("expected a date like 2026-11-23"));
  if (previous != NULL && strcmp (revision->date, previous->date) < 0)
    return set_revision_invalid (error, source, index, "date",
                                 _("expected a date not before the previous revision’s"));
  if (revision->tier_id == NULL || *revision->tier_id == '\0')
    return set_revision_invalid (error, source, index, "tier",
                                 _("expected the id of the tier the revision offered"));
  if (revision->setup_fee < 0 || revision->setup_fee > RETAINER_MONEY_MAX)
    return set_revision_invalid (error, source, index, "setup_fee",
                                 _("expected an amount from 0 to 1000000000000"));
  if (revision->monthly_retainer < 0 || revision->monthly_retainer > RETAINER_MONEY_MAX)
    return set_revision_invalid (error, source, index, "monthly_retainer",
                                 _("expected an amount from 0 to 1000000000000"));
  if (!retainer_currency_is_supported (revision->currency))
    return set_revision_invalid (error, source, index, "currency",
                                 _("expected one of USD, EUR, GBP, CAD, AUD, INR, CHF"));
  if (!is_digest (revision->digest))
    return set_revision_invalid (error, source, index, "digest",
                                 _("expected “sha256:” and 64 lowercase hexadecimal digits"));
  return TRUE;
}

/**
 * retainer_proposal_validate:
 * @proposal: a proposal
 * @source: (nullable): its file, for messages
 * @error: a #GError
 *
 * Checks every input against its limits, as files and the window keep them.
 */
gboolean
retainer_proposal_validate (const RetainerProposal   *proposal,
                            const RetainerJsonSource *source,
                            GError                  **error)
{
  g_return_val_if_fail (proposal != NULL, FALSE);
  g_return_val_if_fail (proposal->rate_card != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!retainer_currency_is_supported (proposal->currency))
    return set_invalid (error, source, "currency",
                        _("expected one of USD, EUR, GBP, CAD, AUD, INR, CHF"));
  if (proposal->monthly_api_spend < 0 || proposal->monthly_api_spend > RETAINER_MONEY_MAX)
    return set_invalid (error, source, "monthly_api_spend",
                        _("expected an amount from 0 to 1000000000000"));
  if (!isfinite (proposal->api_growth_pct) || proposal->api_growth_pct < RETAINER_GROWTH_MIN_PCT
      || proposal->api_growth_pct > RETAINER_GROWTH_MAX_PCT)
    return set_invalid (error, source, "api_growth_pct",
                        _("expected a monthly growth from -25 to 25 percent"));
  if (!isfinite (proposal->coverage_pct) || proposal->coverage_pct < 0
      || proposal->coverage_pct > 100)
    return set_invalid (error, source, "coverage_pct", _("expected a share from 0 to 100 percent"));
  if (proposal->use_cases < 1 || proposal->use_cases > RETAINER_USE_CASES_MAX)
    return set_invalid (error, source, "use_cases", _("expected a whole number from 1 to 50"));
  if (proposal->horizon_months != 12 && proposal->horizon_months != 24
      && proposal->horizon_months != 36)
    return set_invalid (error, source, "horizon_months", _("expected 12, 24 or 36"));
  if (proposal->go_live_months > RETAINER_GO_LIVE_MAX_MONTHS)
    return set_invalid (error, source, "go_live_months", _("expected a whole number from 0 to 12"));
  if (proposal->has_setup_fee
      && (proposal->setup_fee < 0 || proposal->setup_fee > RETAINER_MONEY_MAX))
    return set_invalid (error, source, "setup_fee",
                        _("expected an amount from 0 to 1000000000000"));
  if (proposal->tier_id != NULL
      && retainer_rate_card_find_tier (proposal->rate_card, proposal->tier_id) < 0)
    return set_invalid (error, source, "tier",
                        _("expected the id of a tier of the proposal’s rate card"));
  if (proposal->date != NULL && !is_iso_date (proposal->date))
    return set_invalid (error, source, "date", _("expected a date like 2026-11-23"));
  if (proposal->use_cases + proposal->option_extra_use_cases > RETAINER_USE_CASES_MAX)
    return set_invalid (error, source, "options.extra_use_cases",
                        _("expected at most 50 use cases with the ones offered as an option"));
  if (proposal->spend_estimate != NULL)
    {
      RetainerSpendEstimate estimate;
      g_autoptr (GError) estimate_error = NULL;

      if (!retainer_spend_estimate_compute (proposal->spend_estimate, &estimate, &estimate_error))
        return set_invalid (error, source, RETAINER_SPEND_ESTIMATE_JSON_KEY,
                            estimate_error->message);
    }
  for (guint i = 0; proposal->revisions != NULL && i < proposal->revisions->len; i++)
    if (!validate_revision (proposal, i, source, error))
      return FALSE;

  return TRUE;
}

static gboolean
read_prospect (const cJSON              *root,
               RetainerProposal         *proposal,
               const RetainerJsonSource *source,
               GError                  **error)
{
  g_autoptr (GError) local_error = NULL;
  const cJSON *prospect = retainer_json_get_object (root, "", "prospect", FALSE, source,
                                                    &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (prospect == NULL)
    return TRUE;

  return retainer_json_get_string (prospect, "prospect", "contact", FALSE,
                                   RETAINER_TEXT_MAX_LENGTH, &proposal->contact, source, error)
         && retainer_json_get_string (prospect, "prospect", "company", FALSE,
                                      RETAINER_TEXT_MAX_LENGTH, &proposal->company, source, error)
         && retainer_json_get_string (prospect, "prospect", "industry", FALSE,
                                      RETAINER_TEXT_MAX_LENGTH, &proposal->industry, source, error);
}

static gboolean
read_answers (const cJSON              *root,
              RetainerProposal         *proposal,
              const RetainerJsonSource *source,
              GError                  **error)
{
  g_autoptr (GError) local_error = NULL;
  const cJSON *answers = retainer_json_get_object (root, "", "use_case_questions", FALSE, source,
                                                   &local_error);
  int tasks = 0, data = 0, evaluation = 0;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (answers == NULL)
    return TRUE;

  if (!retainer_json_get_enum (answers, "use_case_questions", "tasks", TRUE, retainer_tasks_ids,
                               &tasks, source, error)
      || !retainer_json_get_enum (answers, "use_case_questions", "data", TRUE, retainer_data_ids,
                                  &data, source, error)
      || !retainer_json_get_enum (answers, "use_case_questions", "evaluation", TRUE,
                                  retainer_evaluation_ids, &evaluation, source, error))
    return FALSE;

  proposal->has_answers = TRUE;
  proposal->tasks = tasks;
  proposal->data_readiness = data;
  proposal->evaluation = evaluation;
  return TRUE;
}

static RetainerRateCard *
read_rate_card (const cJSON              *root,
                const RetainerJsonSource *source,
                GError                  **error)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (root, "rate_card");
  g_autoptr (GError) local_error = NULL;
  RetainerRateCard *card;

  if (item == NULL || cJSON_IsNull (item))
    return retainer_rate_card_load_builtin (RETAINER_RATE_CARD_DEFAULT_ID, error);

  if (cJSON_IsString (item))
    {
      card = retainer_rate_card_load_builtin (item->valuestring, &local_error);
      if (card == NULL)
        {
          /* The file's bytes are echoed back: make them valid text first. */
          g_autofree char *given = g_utf8_make_valid (item->valuestring, -1);
          g_autofree char *problem =
            g_strdup_printf (_("expected “fine-tuning-agency”, “model-maintenance”, "
                               "“ai-services” or a whole rate card, got “%s”"),
                             given);
          retainer_json_set_field_error (error, source, "", "rate_card", problem);
        }
      return card;
    }

  if (!cJSON_IsObject (item))
    {
      retainer_json_set_field_error (error, source, "", "rate_card",
                                     _("expected the id of a built-in card or a whole rate card"));
      return NULL;
    }

  return retainer_rate_card_from_json (item, source, "rate_card", error);
}

static gboolean
read_options (const cJSON              *root,
              RetainerProposal         *proposal,
              const RetainerJsonSource *source,
              GError                  **error)
{
  g_autoptr (GError) local_error = NULL;
  const cJSON *options = retainer_json_get_object (root, "", "options", FALSE, source,
                                                   &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (options == NULL)
    return TRUE;

  return retainer_json_get_uint (options, "options", "extra_use_cases", FALSE, 0,
                                 RETAINER_USE_CASES_MAX - 1, &proposal->option_extra_use_cases,
                                 source, error)
         && retainer_json_get_bool (options, "options", "annual_prepay", FALSE,
                                    &proposal->option_annual_prepay, source, error);
}

static gboolean
read_spend_estimate (const cJSON              *root,
                     RetainerProposal         *proposal,
                     const RetainerJsonSource *source,
                     GError                  **error)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (root, RETAINER_SPEND_ESTIMATE_JSON_KEY);

  if (item == NULL || cJSON_IsNull (item))
    return TRUE;

  proposal->spend_estimate = retainer_spend_basis_from_json (item, source,
                                                             RETAINER_SPEND_ESTIMATE_JSON_KEY,
                                                             error);
  return proposal->spend_estimate != NULL;
}

static gboolean
read_revisions (const cJSON              *root,
                RetainerProposal         *proposal,
                const RetainerJsonSource *source,
                GError                  **error)
{
  g_autoptr (GError) local_error = NULL;
  const cJSON *revisions = retainer_json_get_array (root, "", "revisions", FALSE, source,
                                                    &local_error);
  const cJSON *item;
  guint index = 0;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  cJSON_ArrayForEach (item, revisions)
    {
      g_autofree char *path = g_strdup_printf ("revisions[%u]", index);
      g_autoptr (RetainerRevision) revision = g_new0 (RetainerRevision, 1);

      if (!cJSON_IsObject (item))
        {
          retainer_json_set_field_error (error, source, "", path,
                                         _("expected an object in braces"));
          return FALSE;
        }
      if (index >= RETAINER_REVISIONS_MAX)
        {
          retainer_json_set_field_error (error, source, "", "revisions",
                                         _("expected at most 999 revisions"));
          return FALSE;
        }
      if (!retainer_json_get_string (item, path, "number", TRUE, 64, &revision->number, source,
                                     error)
          || !retainer_json_get_uint (item, path, "revision", TRUE, 1, RETAINER_REVISIONS_MAX,
                                      &revision->revision, source, error)
          || !retainer_json_get_string (item, path, "date", TRUE, 10, &revision->date, source,
                                        error)
          || !retainer_json_get_string (item, path, "tier", TRUE, 64, &revision->tier_id, source,
                                        error)
          || !retainer_json_get_money (item, path, "setup_fee", TRUE, &revision->setup_fee,
                                       source, error)
          || !retainer_json_get_money (item, path, "monthly_retainer", TRUE,
                                       &revision->monthly_retainer, source, error)
          || !retainer_json_get_string (item, path, "currency", TRUE, 3, &revision->currency,
                                        source, error)
          || !retainer_json_get_string (item, path, "digest", TRUE, 80, &revision->digest,
                                        source, error))
        return FALSE;
      g_ptr_array_add (proposal->revisions, g_steal_pointer (&revision));
      index++;
    }

  return TRUE;
}

/**
 * retainer_proposal_from_json:
 * @root: the file's JSON
 * @source: the file, for messages
 * @error: a #GError
 *
 * Reads a proposal. Only format, version, monthly_api_spend and complexity
 * are required; the rest take the defaults of docs/calculation.md.
 *
 * Returns: (transfer full) (nullable): the proposal
 */
RetainerProposal *
retainer_proposal_from_json (const cJSON              *root,
                             const RetainerJsonSource *source,
                             GError                  **error)
{
  g_autoptr (RetainerRateCard) card = NULL;
  g_autoptr (RetainerProposal) proposal = NULL;
  int complexity = 0, change = 0, support = 0, billing = 0;

  if (!retainer_json_check_format (root, RETAINER_PROPOSAL_FORMAT, RETAINER_PROPOSAL_VERSION,
                                   source, error))
    return NULL;

  card = read_rate_card (root, source, error);
  if (card == NULL)
    return NULL;

  proposal = retainer_proposal_new (card);
  g_clear_pointer (&proposal->currency, g_free);
  complexity = proposal->complexity;
  change = proposal->change_frequency;
  support = proposal->support;
  billing = proposal->billing;

  if (!read_prospect (root, proposal, source, error)
      || !retainer_json_get_string (root, "", "currency", FALSE, 3, &proposal->currency, source,
                                    error)
      || !retainer_json_get_money (root, "", "monthly_api_spend", TRUE,
                                   &proposal->monthly_api_spend, source, error)
      || !retainer_json_get_number (root, "", "api_growth_pct", FALSE, RETAINER_GROWTH_MIN_PCT,
                                    RETAINER_GROWTH_MAX_PCT, &proposal->api_growth_pct, source,
                                    error)
      || !retainer_json_get_number (root, "", "coverage_pct", FALSE, 0, 100,
                                    &proposal->coverage_pct, source, error)
      || !retainer_json_get_enum (root, "", "complexity", TRUE, retainer_complexity_ids,
                                  &complexity, source, error)
      || !read_answers (root, proposal, source, error)
      || !retainer_json_get_enum (root, "", "change_frequency", FALSE, retainer_change_ids,
                                  &change, source, error)
      || !retainer_json_get_bool (root, "", "dedicated_instance", FALSE,
                                  &proposal->dedicated_instance, source, error)
      || !retainer_json_get_enum (root, "", "support", FALSE, retainer_support_ids, &support,
                                  source, error)
      || !retainer_json_get_uint (root, "", "use_cases", FALSE, 1, RETAINER_USE_CASES_MAX,
                                  &proposal->use_cases, source, error)
      || !retainer_json_get_enum (root, "", "billing", FALSE, retainer_billing_ids, &billing,
                                  source, error)
      || !retainer_json_get_uint (root, "", "horizon_months", FALSE, 12, 36,
                                  &proposal->horizon_months, source, error)
      || !retainer_json_get_uint (root, "", "go_live_months", FALSE, 0,
                                  RETAINER_GO_LIVE_MAX_MONTHS, &proposal->go_live_months, source,
                                  error)
      || !retainer_json_get_string (root, "", "tier", FALSE, 64, &proposal->tier_id, source, error)
      || !retainer_json_get_string (root, "", "number", FALSE, 64, &proposal->number, source,
                                    error)
      || !retainer_json_get_string (root, "", "date", FALSE, 10, &proposal->date, source, error)
      || !retainer_json_get_string (root, "", "language", FALSE, 16, &proposal->language, source,
                                    error)
      || !retainer_json_get_bool (root, "", "show_cautious_range", FALSE,
                                  &proposal->show_cautious_range, source, error)
      || !read_options (root, proposal, source, error)
      || !read_spend_estimate (root, proposal, source, error)
      || !read_revisions (root, proposal, source, error))
    return NULL;

  if (cJSON_GetObjectItemCaseSensitive (root, "setup_fee") != NULL
      && !cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (root, "setup_fee")))
    {
      if (!retainer_json_get_money (root, "", "setup_fee", TRUE, &proposal->setup_fee, source,
                                    error))
        return NULL;
      proposal->has_setup_fee = TRUE;
    }

  if (proposal->currency == NULL)
    proposal->currency = g_strdup (card->currency);
  proposal->complexity = complexity;
  proposal->change_frequency = change;
  proposal->support = support;
  proposal->billing = billing;

  if (!retainer_proposal_validate (proposal, source, error))
    return NULL;

  return g_steal_pointer (&proposal);
}

/**
 * retainer_proposal_to_json:
 * @proposal: a proposal
 *
 * Returns: (transfer full): the proposal file's JSON, with the rate card
 *   it is priced with written out whole
 */
cJSON *
retainer_proposal_to_json (const RetainerProposal *proposal)
{
  cJSON *root;
  cJSON *prospect;
  cJSON *options;

  g_return_val_if_fail (proposal != NULL, NULL);
  g_return_val_if_fail (proposal->rate_card != NULL, NULL);

  root = cJSON_CreateObject ();
  prospect = cJSON_CreateObject ();
  cJSON_AddStringToObject (root, "format", RETAINER_PROPOSAL_FORMAT);
  cJSON_AddNumberToObject (root, "version", RETAINER_PROPOSAL_VERSION);
  cJSON_AddStringToObject (prospect, "contact", proposal->contact ? proposal->contact : "");
  cJSON_AddStringToObject (prospect, "company", proposal->company ? proposal->company : "");
  cJSON_AddStringToObject (prospect, "industry", proposal->industry ? proposal->industry : "");
  cJSON_AddItemToObject (root, "prospect", prospect);
  cJSON_AddStringToObject (root, "currency", proposal->currency);
  retainer_json_add_money (root, "monthly_api_spend", proposal->monthly_api_spend);
  cJSON_AddNumberToObject (root, "api_growth_pct", proposal->api_growth_pct);
  cJSON_AddNumberToObject (root, "coverage_pct", proposal->coverage_pct);
  cJSON_AddStringToObject (root, "complexity", retainer_complexity_to_id (proposal->complexity));
  if (proposal->has_answers)
    {
      cJSON *answers = cJSON_AddObjectToObject (root, "use_case_questions");

      cJSON_AddStringToObject (answers, "tasks", retainer_tasks_to_id (proposal->tasks));
      cJSON_AddStringToObject (answers, "data", retainer_data_to_id (proposal->data_readiness));
      cJSON_AddStringToObject (answers, "evaluation",
                               retainer_evaluation_to_id (proposal->evaluation));
    }
  cJSON_AddStringToObject (root, "change_frequency",
                           retainer_change_to_id (proposal->change_frequency));
  cJSON_AddBoolToObject (root, "dedicated_instance", proposal->dedicated_instance);
  cJSON_AddStringToObject (root, "support", retainer_support_to_id (proposal->support));
  cJSON_AddNumberToObject (root, "use_cases", proposal->use_cases);
  cJSON_AddStringToObject (root, "billing", retainer_billing_to_id (proposal->billing));
  cJSON_AddNumberToObject (root, "horizon_months", proposal->horizon_months);
  cJSON_AddNumberToObject (root, "go_live_months", proposal->go_live_months);
  if (proposal->has_setup_fee)
    retainer_json_add_money (root, "setup_fee", proposal->setup_fee);
  else
    cJSON_AddNullToObject (root, "setup_fee");
  if (proposal->tier_id != NULL)
    cJSON_AddStringToObject (root, "tier", proposal->tier_id);
  else
    cJSON_AddNullToObject (root, "tier");
  if (proposal->number != NULL)
    cJSON_AddStringToObject (root, "number", proposal->number);
  if (proposal->date != NULL)
    cJSON_AddStringToObject (root, "date", proposal->date);
  if (proposal->language != NULL)
    cJSON_AddStringToObject (root, "language", proposal->language);
  cJSON_AddBoolToObject (root, "show_cautious_range", proposal->show_cautious_range);
  options = cJSON_AddObjectToObject (root, "options");
  cJSON_AddNumberToObject (options, "extra_use_cases", proposal->option_extra_use_cases);
  cJSON_AddBoolToObject (options, "annual_prepay", proposal->option_annual_prepay);
  if (proposal->spend_estimate != NULL)
    cJSON_AddItemToObject (root, RETAINER_SPEND_ESTIMATE_JSON_KEY,
                           retainer_spend_basis_to_json (proposal->spend_estimate));
  if (proposal->revisions != NULL && proposal->revisions->len > 0)
    {
      cJSON *revisions = cJSON_AddArrayToObject (root, "revisions");

      for (guint i = 0; i < proposal->revisions->len; i++)
        {
          const RetainerRevision *revision = g_ptr_array_index (proposal->revisions, i);
          cJSON *item = cJSON_CreateObject ();

          cJSON_AddStringToObject (item, "number", revision->number);
          cJSON_AddNumberToObject (item, "revision", revision->revision);
          cJSON_AddStringToObject (item, "date", revision->date);
          cJSON_AddStringToObject (item, "tier", revision->tier_id);
          retainer_json_add_money (item, "setup_fee", revision->setup_fee);
          retainer_json_add_money (item, "monthly_retainer", revision->monthly_retainer);
          cJSON_AddStringToObject (item, "currency", revision->currency);
          cJSON_AddStringToObject (item, "digest", revision->digest);
          cJSON_AddItemToArray (revisions, item);
        }
    }
  cJSON_AddItemToObject (root, "rate_card", retainer_rate_card_to_json (proposal->rate_card));
  return root;
}

/**
 * retainer_proposal_load_data:
 * @text: a proposal file's contents
 * @length: its length
 * @display_name: the file's name, for messages
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the proposal
 */
RetainerProposal *
retainer_proposal_load_data (const char *text,
                             gsize       length,
                             const char *display_name,
                             GError    **error)
{
  g_autofree char *terminated = NULL;
  RetainerJsonSource source;
  g_autoptr (cJSON) root = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Messages find a field's line in the text, reading up to a NUL that
   * @text may not have. */
  terminated = g_strndup (text, length);
  source = (RetainerJsonSource) { display_name, terminated };
  root = retainer_json_parse (text != NULL ? text : "", length, &source, error);
  if (root == NULL)
    return NULL;

  return retainer_proposal_from_json (root, &source, error);
}

/**
 * retainer_proposal_load:
 * @path: a .retainer file
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the proposal
 */
RetainerProposal *
retainer_proposal_load (const char *path,
                        GError    **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *text = NULL;
  g_autoptr (cJSON) root = NULL;
  RetainerJsonSource source;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_name (path);
  root = retainer_json_load_file (path, &text, error);
  source = (RetainerJsonSource) { display_name, text };
  if (root == NULL)
    return NULL;

  return retainer_proposal_from_json (root, &source, error);
}

guint
retainer_proposal_max_use_cases (const RetainerProposal *proposal)
{
  g_return_val_if_fail (proposal != NULL, 1);

  if (proposal->option_extra_use_cases >= RETAINER_USE_CASES_MAX)
    return 1;
  return RETAINER_USE_CASES_MAX - proposal->option_extra_use_cases;
}

guint
retainer_proposal_max_extra_use_cases (const RetainerProposal *proposal)
{
  g_return_val_if_fail (proposal != NULL, 0);

  if (proposal->use_cases >= RETAINER_USE_CASES_MAX)
    return 0;
  return RETAINER_USE_CASES_MAX - proposal->use_cases;
}

/* Whether @path is a client's file: the accepted proposal with its
 * "client" part (acceptance, promise and recorded months), which a plain
 * proposal written over it would drop. A file that cannot be read or
 * parsed is not one. */
static gboolean
is_client_file (const char *path)
{
  g_autoptr (cJSON) root = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  root = retainer_json_load_file (path, NULL, NULL);
  return root != NULL && retainer_client_json_is_client (root);
}

/**
 * retainer_proposal_save:
 * @proposal: a proposal
 * @path: where to save it
 * @error: a #GError
 *
 * Saves atomically: a crash or a full disk leaves the previous file whole.
 * A proposal that could not be opened again is not written at all, and
 * neither is one that would replace a client's file and its months.
 */
gboolean
retainer_proposal_save (const RetainerProposal *proposal,
                        const char             *path,
                        GError                **error)
{
  g_autoptr (cJSON) root = NULL;
  g_autofree char *name = NULL;
  RetainerJsonSource source = { NULL, NULL };

  g_return_val_if_fail (proposal != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_filename_display_basename (path);
  source.display_name = name;
  if (!retainer_proposal_validate (proposal, &source, error))
    {
      /* Translators: followed by the file, the field and what is wrong with it. */
      g_prefix_error (error, "%s", _("Not saved, the file is unchanged: "));
      return FALSE;
    }
  if (is_client_file (path))
    {
      g_set_error (error, RETAINER_PROPOSAL_ERROR, RETAINER_PROPOSAL_ERROR_CLIENT_FILE,
                   /* Translators: %s is a file name. */
                   _("%s is a client’s file, with the months recorded for that client: saving "
                     "a proposal over it would lose them. It was left unchanged; save the "
                     "proposal under another name."),
                   name);
      return FALSE;
    }

  root = retainer_proposal_to_json (proposal);
  return retainer_json_save_file (root, path, error);
}

/**
 * retainer_proposal_new_sample:
 *
 * Returns: (transfer full): the sample proposal built into Retainer
 */
RetainerProposal *
retainer_proposal_new_sample (void)
{
  g_autoptr (GBytes) bytes = g_resources_lookup_data (SAMPLE_RESOURCE,
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr (GError) error = NULL;
  RetainerProposal *proposal;
  const char *text;
  gsize length;

  g_assert (bytes != NULL);
  text = g_bytes_get_data (bytes, &length);
  proposal = retainer_proposal_load_data (text, length, SAMPLE_RESOURCE, &error);
  /* The sample is tested; failing here is a packaging mistake. */
  if (proposal == NULL)
    g_error ("%s", error->message);
  return proposal;
}
