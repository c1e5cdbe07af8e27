/* retainer-revision.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "retainer-i18n.h"
#include "retainer-revision.h"

#define FIGURES_FORMAT "retainer-figures"
#define FIGURES_VERSION 1

/* Amounts as whole minor units and rates with four decimals, both written
 * here rather than by cJSON, so that the text never depends on how a
 * double prints or on the locale. */
static void
add_amount (cJSON      *object,
            const char *key,
            gint64      minor_units)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, minor_units);
  cJSON_AddItemToObject (object, key, cJSON_CreateRaw (text));
}

static void
add_rate (cJSON      *object,
          const char *key,
          double      value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (text, sizeof text, "%.4f", value);
  cJSON_AddItemToObject (object, key, cJSON_CreateRaw (text));
}

static void
add_count (cJSON      *object,
           const char *key,
           gint64      count)
{
  add_amount (object, key, count);
}

/**
 * retainer_result_canonical_figures:
 * @result: a result
 * @proposal: the proposal it was computed from
 *
 * Writes the figures a client sees in the proposal, in a fixed order, as
 * one line of JSON: the inputs that are figures (spend, growth, coverage,
 * go-live, horizon, use cases, billing), the offer (tier, setup fee,
 * retainer), the outcome (saving, break-even, net savings), every tier of
 * the comparison, the options with their first-year totals and, when the
 * PDF states it, the cautious case. Names, addresses and wording are not
 * figures: correcting a typo issues no new revision.
 *
 * Returns: (transfer full): the canonical JSON
 */
char *
retainer_result_canonical_figures (const RetainerResult   *result,
                                   const RetainerProposal *proposal)
{
  const RetainerRateCard *card;
  g_autoptr (cJSON) root = NULL;
  cJSON *options, *tiers;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (proposal != NULL && proposal->rate_card != NULL, NULL);

  card = proposal->rate_card;
  root = cJSON_CreateObject ();
  cJSON_AddStringToObject (root, "format", FIGURES_FORMAT);
  add_count (root, "version", FIGURES_VERSION);
  cJSON_AddStringToObject (root, "currency", proposal->currency);
  add_amount (root, "monthly_api_spend", proposal->monthly_api_spend);
  add_rate (root, "api_growth_pct", proposal->api_growth_pct);
  add_rate (root, "coverage_pct", proposal->coverage_pct);
  add_count (root, "go_live_months", proposal->go_live_months);
  add_count (root, "horizon_months", proposal->horizon_months);
  add_count (root, "use_cases", proposal->use_cases);
  cJSON_AddStringToObject (root, "billing", retainer_billing_to_id (proposal->billing));
  cJSON_AddStringToObject (root, "tier", card->tiers[result->chosen_tier].id);
  add_amount (root, "setup_fee", result->setup_fee);
  add_amount (root, "monthly_retainer", result->monthly_retainer);
  add_amount (root, "annual_option_retainer", result->annual_option_retainer);
  add_amount (root, "covered_api_spend", result->covered_api_spend);
  add_amount (root, "monthly_saving", result->monthly_saving);
  add_count (root, "break_even_month", result->break_even_month);
  add_rate (root, "break_even_months", result->break_even_months);
  add_amount (root, "net_saving_12", result->net_saving_12);
  add_amount (root, "net_saving_horizon", result->net_saving_horizon);

  tiers = cJSON_AddArrayToObject (root, "tiers");
  for (guint i = 0; i < result->tier_options->len; i++)
    {
      const RetainerTierOption *option = &g_array_index (result->tier_options,
                                                         RetainerTierOption, i);
      cJSON *item = cJSON_CreateObject ();

      cJSON_AddStringToObject (item, "tier", card->tiers[option->tier].id);
      add_amount (item, "monthly_retainer", option->monthly_retainer);
      add_amount (item, "monthly_saving", option->monthly_saving);
      add_count (item, "break_even_month", option->break_even_month);
      add_amount (item, "net_saving_horizon", option->net_saving_horizon);
      cJSON_AddItemToArray (tiers, item);
    }

  options = cJSON_AddObjectToObject (root, "options");
  add_amount (options, "first_year_total", result->options.first_year_total);
  add_count (options, "extra_use_cases", result->options.extra_use_cases);
  add_amount (options, "extra_use_cases_first_year", result->options.extra_use_cases_first_year);
  cJSON_AddBoolToObject (options, "annual_prepay", result->options.annual_prepay);
  add_amount (options, "annual_prepay_first_year", result->options.annual_prepay_first_year);
  add_amount (options, "all_options_first_year", result->options.all_options_first_year);

  if (proposal->show_cautious_range)
    {
      const RetainerCautiousCase *cautious = &result->cautious;
      cJSON *object = cJSON_AddObjectToObject (root, "cautious");

      add_rate (object, "coverage_pct", cautious->coverage_pct);
      add_count (object, "go_live_months", cautious->go_live_months);
      add_rate (object, "growth_pct", cautious->growth_pct);
      add_amount (object, "monthly_saving", cautious->monthly_saving);
      add_count (object, "break_even_month", cautious->break_even_month);
      add_amount (object, "net_saving_horizon", cautious->net_saving_horizon);
    }

  return cJSON_PrintUnformatted (root);
}

/**
 * retainer_result_digest:
 * @result: a result
 * @proposal: the proposal it was computed from
 *
 * Returns: (transfer full): "sha256:" and the SHA-256, in lowercase
 *   hexadecimal, of retainer_result_canonical_figures()
 */
char *
retainer_result_digest (const RetainerResult   *result,
                        const RetainerProposal *proposal)
{
  g_autofree char *figures = NULL;
  g_autofree char *checksum = NULL;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (proposal != NULL, NULL);

  figures = retainer_result_canonical_figures (result, proposal);
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, figures, -1);
  return g_strconcat (RETAINER_DIGEST_PREFIX, checksum, NULL);
}

/**
 * retainer_proposal_current_revision:
 * @proposal: a proposal
 * @result: its result
 *
 * Returns: the latest issued revision when it holds these figures, else 0
 */
guint
retainer_proposal_current_revision (const RetainerProposal *proposal,
                                    const RetainerResult   *result)
{
  const RetainerRevision *latest;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (proposal != NULL, 0);
  g_return_val_if_fail (result != NULL, 0);

  latest = retainer_proposal_get_latest_revision (proposal);
  if (latest == NULL || g_strcmp0 (latest->number, proposal->number) != 0)
    return 0;
  digest = retainer_result_digest (result, proposal);
  return g_strcmp0 (digest, latest->digest) == 0 ? latest->revision : 0;
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

/**
 * retainer_proposal_issue_revision:
 * @proposal: a numbered proposal about to be exported
 * @result: its result, from retainer_recommend()
 * @date: the day of the export, YYYY-MM-DD
 * @revision_out: (out) (optional): the revision the PDF carries
 * @error: a #GError
 *
 * Issues the revision an export carries. When the latest revision holds the
 * same figures (the same digest), it is issued again and @proposal does not
 * change. Otherwise the next revision is recorded in @proposal with @date,
 * the tier, the setup fee, the monthly retainer, the currency and the
 * digest, and @date becomes the proposal's date. The window and the command
 * line call this on a copy and keep the copy once the PDF is written, so a
 * failed export issues nothing.
 *
 * Returns: %TRUE on success; %FALSE with @error set when @proposal has no
 *   number, @date is not a date or the revisions are used up
 */
gboolean
retainer_proposal_issue_revision (RetainerProposal     *proposal,
                                  const RetainerResult *result,
                                  const char           *date,
                                  guint                *revision_out,
                                  GError              **error)
{
  const RetainerRevision *latest;
  RetainerRevision *revision;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (proposal != NULL && proposal->rate_card != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (result->chosen_tier >= 0
                        && (guint) result->chosen_tier < proposal->rate_card->n_tiers, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (proposal->number == NULL || *proposal->number == '\0')
    {
      g_set_error_literal (error, RETAINER_PROPOSAL_ERROR, RETAINER_PROPOSAL_ERROR_INVALID,
                           _("A revision can only be issued for a proposal with a number"));
      return FALSE;
    }
  if (!is_iso_date (date))
    {
      g_autofree char *given = g_utf8_make_valid (date != NULL ? date : "", -1);

      g_set_error (error, RETAINER_PROPOSAL_ERROR, RETAINER_PROPOSAL_ERROR_INVALID,
                   /* Translators: %s is what was given instead of a date. */
                   _("A revision needs a date like 2026-11-23, not “%s”"), given);
      return FALSE;
    }

  if (proposal->revisions == NULL)
    proposal->revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) retainer_revision_free);

  digest = retainer_result_digest (result, proposal);
  latest = retainer_proposal_get_latest_revision (proposal);
  if (latest != NULL && g_strcmp0 (latest->digest, digest) == 0
      && g_strcmp0 (latest->number, proposal->number) == 0)
    {
      if (revision_out != NULL)
        *revision_out = latest->revision;
      return TRUE;
    }

  if (latest != NULL && strcmp (date, latest->date) < 0)
    {
      g_set_error (error, RETAINER_PROPOSAL_ERROR, RETAINER_PROPOSAL_ERROR_INVALID,
                   /* Translators: %1$s is the day of an export, %2$s the day
                    * the last revision was issued; both like 2026-11-23. */
                   _("A revision dated %1$s would come before the revision issued on %2$s"),
                   date, latest->date);
      return FALSE;
    }
  if (proposal->revisions->len >= RETAINER_REVISIONS_MAX)
    {
      g_set_error_literal (error, RETAINER_PROPOSAL_ERROR, RETAINER_PROPOSAL_ERROR_INVALID,
                           _("This proposal has 999 revisions, the most one can have: start a "
                             "new proposal from it"));
      return FALSE;
    }

  revision = g_new0 (RetainerRevision, 1);
  revision->number = g_strdup (proposal->number);
  revision->revision = proposal->revisions->len + 1;
  revision->date = g_strdup (date);
  revision->tier_id = g_strdup (proposal->rate_card->tiers[result->chosen_tier].id);
  revision->setup_fee = result->setup_fee;
  revision->monthly_retainer = result->monthly_retainer;
  revision->currency = g_strdup (proposal->currency);
  revision->digest = g_steal_pointer (&digest);
  g_ptr_array_add (proposal->revisions, revision);

  g_free (proposal->date);
  proposal->date = g_strdup (date);
  if (revision_out != NULL)
    *revision_out = revision->revision;
  return TRUE;
}

/**
 * retainer_revision_format_label:
 * @number: a proposal number
 * @revision: its revision; 0 for none issued
 *
 * Returns: (transfer full): "AC-0042, revision 2", as the cover, the page
 *   headers and the window show it
 */
char *
retainer_revision_format_label (const char *number,
                                guint       revision)
{
  g_return_val_if_fail (number != NULL, NULL);

  if (revision == 0)
    return g_strdup (number);
  /* Translators: a proposal number with its revision, like "AC-0042,
   * revision 2"; %1$s is the number, %2$u the revision. */
  return g_strdup_printf (_("%1$s, revision %2$u"), number, revision);
}
