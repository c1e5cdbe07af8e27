/* retainer-book.c: the agency across its clients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "retainer-book.h"
#include "retainer-i18n.h"
#include "retainer-json.h"
#include "retainer-money.h"
#include "retainer-months-csv.h"

G_DEFINE_QUARK (retainer-book-error-quark, retainer_book_error)

static const struct
{
  RetainerBookFlags flag;
  const char       *id;
} flag_info[RETAINER_BOOK_N_FLAGS] = {
  { RETAINER_BOOK_FLAG_OVER_CAPACITY, "over-capacity" },
  { RETAINER_BOOK_FLAG_MARGIN_BELOW_FLOOR, "margin-below-floor" },
};

static const struct
{
  RetainerBookActuals actual;
  const char         *id;
} actual_info[] = {
  { RETAINER_BOOK_ACTUAL_PLATFORM, "platform" },
  { RETAINER_BOOK_ACTUAL_COMPUTE, "compute" },
  { RETAINER_BOOK_ACTUAL_STAFF_HOURS, "staff_hours" },
};

/* One month's costs of one client: what a row and a point of the series
 * both hold. Hours are whole hundredths of an hour. */
typedef struct
{
  gint64              platform;
  gint64              compute;
  gint64              staff_hundredths;
  gint64              staff_cost;
  RetainerBookActuals actuals;
} MonthCosts;

static gint64
hours_to_hundredths (double hours)
{
  return (gint64) round (hours * 100.0);
}

static double
hundredths_to_hours (gint64 hundredths)
{
  return (double) hundredths / 100.0;
}

static gint64
money_midpoint (gint64 low,
                gint64 high)
{
  return retainer_money_round (((double) low + (double) high) / 2.0);
}

static double
margin_pct_of (gint64 margin,
               gint64 revenue)
{
  return revenue > 0 ? 100.0 * (double) margin / (double) revenue : 0.0;
}

/* A share as hundredths of a percent, rounded half away from zero from the
 * integers themselves, so files never depend on how a double falls:
 * 1725.50 of 2000 is 86.275 %, written 86.28. */
static gint64
percent_hundredths (gint64 part,
                    gint64 whole)
{
  gint64 magnitude;

  if (whole <= 0)
    return 0;
  magnitude = part < 0 ? -part : part;
  if (magnitude > G_GINT64_CONSTANT (400000000000000))
    return (gint64) round (10000.0 * (double) part / (double) whole);
  magnitude = (magnitude * 20000 + whole) / (2 * whole);
  return part < 0 ? -magnitude : magnitude;
}

/* Staff cost of whole hundredths of an hour, to the cent. */
static gint64
staff_cost_of (gint64 hundredths,
               gint64 cost_per_hour)
{
  return retainer_money_round ((double) hundredths * (double) cost_per_hour / 100.0);
}

static void
compute_month_costs (const RetainerTier        *tier,
                     guint                      use_cases,
                     const RetainerClientMonth *record,
                     gint64                     cost_per_hour,
                     MonthCosts                *costs)
{
  gint64 instances = tier->platform_per_use_case ? (gint64) MAX (use_cases, 1) : 1;

  memset (costs, 0, sizeof *costs);

  if (record != NULL && record->has_actual_platform)
    {
      costs->platform = record->actual_platform;
      costs->actuals |= RETAINER_BOOK_ACTUAL_PLATFORM;
    }
  else
    {
      costs->platform = tier->platform_cost * instances;
    }

  if (record != NULL && record->has_actual_compute)
    {
      costs->compute = record->actual_compute;
      costs->actuals |= RETAINER_BOOK_ACTUAL_COMPUTE;
    }
  else
    {
      costs->compute = money_midpoint (tier->compute_cost_low, tier->compute_cost_high);
    }

  if (record != NULL && record->has_actual_staff_hours)
    {
      costs->staff_hundredths = hours_to_hundredths (record->actual_staff_hours);
      costs->actuals |= RETAINER_BOOK_ACTUAL_STAFF_HOURS;
    }
  else
    {
      costs->staff_hundredths = hours_to_hundredths ((tier->staff_hours_low
                                                      + tier->staff_hours_high) / 2.0);
    }

  costs->staff_cost = staff_cost_of (costs->staff_hundredths, cost_per_hour);
}

static gint64
month_costs_total (const MonthCosts *costs)
{
  return costs->platform + costs->compute + costs->staff_cost;
}

static void
book_row_free (RetainerBookRow *row)
{
  if (row == NULL)
    return;
  g_free (row->company);
  g_free (row->file);
  g_free (row->rate_card_id);
  g_free (row->tier_id);
  g_free (row->tier_name);
  g_free (row->month);
  g_free (row);
}

static void
row_set_costs (RetainerBookRow  *row,
               const MonthCosts *costs)
{
  row->platform_cost = costs->platform;
  row->compute_cost = costs->compute;
  row->staff_hours = hundredths_to_hours (costs->staff_hundredths);
  row->staff_cost = costs->staff_cost;
  row->actuals = costs->actuals;
  row->monthly_cost = month_costs_total (costs);
  row->margin = row->monthly_retainer - row->monthly_cost;
  row->margin_pct = margin_pct_of (row->margin, row->monthly_retainer);
  row->flags = row->margin_pct < row->margin_floor_pct ? RETAINER_BOOK_FLAG_MARGIN_BELOW_FLOOR : 0;
}

/* Adds one row's figures to running totals; finish_totals() derives the rest. */
static void
totals_add_row (RetainerBookTotals    *totals,
                gint64                *staff_hundredths,
                const RetainerBookRow *row)
{
  totals->n_clients++;
  totals->mrr += row->monthly_retainer;
  totals->platform_cost += row->platform_cost;
  totals->compute_cost += row->compute_cost;
  totals->staff_cost += row->staff_cost;
  *staff_hundredths += hours_to_hundredths (row->staff_hours);
  totals->margin_floor_pct = MAX (totals->margin_floor_pct, row->margin_floor_pct);
}

static void
finish_totals (RetainerBookTotals *totals,
               gint64              staff_hundredths)
{
  totals->total_costs = totals->platform_cost + totals->compute_cost + totals->staff_cost
                        + totals->fixed_overhead;
  totals->gross_margin = totals->mrr - totals->total_costs;
  totals->margin_pct = margin_pct_of (totals->gross_margin, totals->mrr);
  totals->staff_hours = hundredths_to_hours (staff_hundredths);
  totals->capacity_used_pct = totals->team_capacity_hours > 0
                                ? 100.0 * totals->staff_hours / totals->team_capacity_hours
                                : 0.0;
  totals->flags = 0;
  if (staff_hundredths > (gint64) totals->team_capacity_hours * 100)
    totals->flags |= RETAINER_BOOK_FLAG_OVER_CAPACITY;
  if (totals->n_clients > 0 && totals->margin_pct < totals->margin_floor_pct)
    totals->flags |= RETAINER_BOOK_FLAG_MARGIN_BELOW_FLOOR;
}

static void
compute_totals (const RetainerBook    *book,
                const RetainerBookRow *extra,
                RetainerBookTotals    *totals)
{
  gint64 staff_hundredths = 0;

  totals->n_clients = 0;
  totals->mrr = 0;
  totals->platform_cost = 0;
  totals->compute_cost = 0;
  totals->staff_cost = 0;
  totals->margin_floor_pct = 0;
  for (guint i = 0; i < book->rows->len; i++)
    totals_add_row (totals, &staff_hundredths, g_ptr_array_index (book->rows, i));
  if (extra != NULL)
    totals_add_row (totals, &staff_hundredths, extra);
  finish_totals (totals, staff_hundredths);
}

/**
 * retainer_book_new:
 * @agency: the agency profile, for its overhead, hourly cost and capacity
 *
 * Returns: (transfer full): a book without clients: its costs are the
 *   fixed overhead alone
 */
RetainerBook *
retainer_book_new (const RetainerAgency *agency)
{
  RetainerBook *book;

  g_return_val_if_fail (agency != NULL, NULL);

  book = g_new0 (RetainerBook, 1);
  book->staff_cost_per_hour = agency->staff_cost_per_hour;
  book->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) book_row_free);
  book->months = g_array_new (FALSE, TRUE, sizeof (RetainerBookMonth));
  book->totals.fixed_overhead = agency->fixed_overhead;
  book->totals.team_capacity_hours = agency->team_capacity_hours;
  compute_totals (book, NULL, &book->totals);
  return book;
}

/**
 * retainer_book_free:
 * @book: (nullable): a book
 */
void
retainer_book_free (RetainerBook *book)
{
  if (book == NULL)
    return;
  g_free (book->currency);
  g_ptr_array_unref (book->rows);
  g_array_unref (book->months);
  g_free (book);
}

/* `who` names a client; NULL for the proposal being priced. */
static gboolean
check_currency (const RetainerBook *book,
                const char         *currency,
                const char         *who,
                GError            **error)
{
  if (book->currency == NULL || g_strcmp0 (book->currency, currency) == 0)
    return TRUE;

  if (who == NULL)
    g_set_error (error, RETAINER_BOOK_ERROR, RETAINER_BOOK_ERROR_CURRENCY,
                 /* Translators: both %s are currency codes like "EUR" and "USD". */
                 _("This proposal is in %s and the book is in %s: Retainer does not convert "
                   "between currencies, so it cannot show what the deal adds to the book"),
                 currency, book->currency);
  else
    g_set_error (error, RETAINER_BOOK_ERROR, RETAINER_BOOK_ERROR_CURRENCY,
                 /* Translators: the first %s is a client's company or file, the
                  * others currency codes like "EUR" and "USD". */
                 _("%s is billed in %s and the book is in %s: Retainer does not convert "
                   "between currencies, so it is left out of the book"),
                 who, currency, book->currency);
  return FALSE;
}

static const char *
name_for_messages (const char *company,
                   const char *file_name)
{
  if (company != NULL && company[0] != '\0')
    return company;
  if (file_name != NULL)
    return file_name;
  return _("A client without a company name");
}

/* The point of the series for calendar month `index`, made when missing:
 * a new point holds the fixed overhead alone. */
static RetainerBookMonth *
series_month (RetainerBook *book,
              int           index)
{
  RetainerBookMonth point = { { 0 }, 0, 0, 0, 0, 0, 0 };
  g_autofree char *text = retainer_month_to_string (index);
  guint position = book->months->len;

  for (guint i = 0; i < book->months->len; i++)
    {
      int order = strcmp (g_array_index (book->months, RetainerBookMonth, i).month, text);

      if (order == 0)
        return &g_array_index (book->months, RetainerBookMonth, i);
      if (order > 0)
        {
          position = i;
          break;
        }
    }

  g_strlcpy (point.month, text, sizeof point.month);
  point.total_costs = book->totals.fixed_overhead;
  g_array_insert_val (book->months, position, point);
  return &g_array_index (book->months, RetainerBookMonth, position);
}

/* Each recorded month of the client adds to its calendar month's point.
 * The sums stay exact: costs are cents, and hours go back to whole
 * hundredths before they are added. */
static void
series_add_client (RetainerBook         *book,
                   const RetainerClient *client,
                   const RetainerTier   *tier)
{
  for (guint k = 0; k < client->months->len; k++)
    {
      const RetainerClientMonth *record = g_ptr_array_index (client->months, k);
      RetainerBookMonth *point;
      MonthCosts costs;
      int index;

      if (!retainer_month_parse (record->month, &index))
        continue;
      point = series_month (book, index);
      compute_month_costs (tier, client->proposal->use_cases, record, book->staff_cost_per_hour,
                           &costs);
      point->n_clients++;
      point->mrr += record->retainer_billed;
      point->total_costs += month_costs_total (&costs);
      point->gross_margin = point->mrr - point->total_costs;
      point->margin_pct = margin_pct_of (point->gross_margin, point->mrr);
      point->staff_hours = hundredths_to_hours (hours_to_hundredths (point->staff_hours)
                                                + costs.staff_hundredths);
    }
}

/**
 * retainer_book_add_client:
 * @book: a book
 * @client: an accepted client, valid (as loaded)
 * @file_name: (nullable): the name of its file, for the rows and messages
 * @error: a #GError, %RETAINER_BOOK_ERROR_CURRENCY when the client is
 *   billed in another currency than the book
 *
 * Adds the client's row, its months to the series, and updates the totals.
 *
 * Returns: %TRUE when the client joined the book
 */
gboolean
retainer_book_add_client (RetainerBook         *book,
                          const RetainerClient *client,
                          const char           *file_name,
                          GError              **error)
{
  const RetainerProposal *proposal;
  const RetainerClientMonth *latest = NULL;
  const RetainerTier *tier;
  RetainerBookRow *row;
  MonthCosts costs;

  g_return_val_if_fail (book != NULL, FALSE);
  g_return_val_if_fail (client != NULL && client->proposal != NULL, FALSE);

  proposal = client->proposal;
  tier = retainer_client_tier (client);
  g_return_val_if_fail (tier != NULL, FALSE);

  if (!check_currency (book, proposal->currency, name_for_messages (proposal->company, file_name),
                       error))
    return FALSE;
  if (book->currency == NULL)
    book->currency = g_strdup (proposal->currency);

  if (client->months->len > 0)
    latest = g_ptr_array_index (client->months, client->months->len - 1);

  row = g_new0 (RetainerBookRow, 1);
  row->company = g_strdup (proposal->company != NULL ? proposal->company : "");
  row->file = g_strdup (file_name);
  row->rate_card_id = g_strdup (proposal->rate_card->id);
  row->tier_id = g_strdup (tier->id);
  row->tier_name = g_strdup (tier->name);
  row->margin_floor_pct = proposal->rate_card->margin_floor_pct;
  if (latest != NULL)
    {
      row->month = g_strdup (latest->month);
      row->retainer_billed = TRUE;
      row->monthly_retainer = latest->retainer_billed;
    }
  else
    {
      row->monthly_retainer = retainer_client_monthly_retainer (client);
    }
  compute_month_costs (tier, proposal->use_cases, latest, book->staff_cost_per_hour, &costs);
  row_set_costs (row, &costs);
  g_ptr_array_add (book->rows, row);

  series_add_client (book, client, tier);
  compute_totals (book, NULL, &book->totals);
  return TRUE;
}

/**
 * retainer_book_add_entries:
 * @book: a book
 * @entries: (element-type RetainerClientEntry): as retainer_clients_list() gives them
 * @problems: (nullable) (element-type utf8): where to add one message per
 *   client left out
 *
 * Adds every client. A book without a currency yet takes the one most of
 * the clients are billed in (the first of them on a tie); the others are
 * left out and reported.
 */
void
retainer_book_add_entries (RetainerBook    *book,
                           const GPtrArray *entries,
                           GPtrArray       *problems)
{
  g_return_if_fail (book != NULL);
  g_return_if_fail (entries != NULL);

  if (book->currency == NULL && entries->len > 0)
    {
      guint best_count = 0;

      for (guint i = 0; i < entries->len; i++)
        {
          const RetainerClientEntry *entry = g_ptr_array_index (entries, i);
          const char *currency = entry->client->proposal->currency;
          guint count = 0;

          for (guint j = 0; j < entries->len; j++)
            {
              const RetainerClientEntry *other = g_ptr_array_index (entries, j);

              if (g_strcmp0 (other->client->proposal->currency, currency) == 0)
                count++;
            }
          if (count > best_count)
            {
              best_count = count;
              g_free (book->currency);
              book->currency = g_strdup (currency);
            }
        }
    }

  for (guint i = 0; i < entries->len; i++)
    {
      const RetainerClientEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *file_name = entry->path != NULL ? g_path_get_basename (entry->path) : NULL;
      g_autoptr (GError) error = NULL;

      if (!retainer_book_add_client (book, entry->client, file_name, &error) && problems != NULL)
        g_ptr_array_add (problems, g_strdup (error->message));
    }
}

/**
 * retainer_book_load:
 * @agency: the agency profile
 * @problems: (out) (optional) (transfer full) (element-type utf8): one
 *   message per client file that did not load or was left out
 *
 * Returns: (transfer full): the book of every client kept in
 *   retainer_clients_dir(); without clients when there are none
 */
RetainerBook *
retainer_book_load (const RetainerAgency *agency,
                    GPtrArray           **problems)
{
  g_autoptr (GPtrArray) entries = NULL;
  GPtrArray *found = NULL;
  RetainerBook *book;

  g_return_val_if_fail (agency != NULL, NULL);

  entries = retainer_clients_list (&found);
  book = retainer_book_new (agency);
  retainer_book_add_entries (book, entries, found);
  if (problems != NULL)
    *problems = found;
  else
    g_ptr_array_unref (found);
  return book;
}

/**
 * retainer_book_prospect_impact:
 * @book: the book as it stands
 * @proposal: the prospect's proposal, valid
 * @result: its recommendation (retainer_recommend())
 * @impact: (out caller-allocates): the totals before and after
 * @error: a #GError, %RETAINER_BOOK_ERROR_CURRENCY when the proposal is
 *   in another currency than the book
 *
 * Counts the prospect as one more client on the chosen tier at the result's
 * monthly retainer, with the card's costs (midpoints, platform per use case
 * where the card says so). Cheap enough to run on every keystroke.
 *
 * Returns: %TRUE when @impact is filled
 */
gboolean
retainer_book_prospect_impact (const RetainerBook     *book,
                               const RetainerProposal *proposal,
                               const RetainerResult   *result,
                               RetainerBookImpact     *impact,
                               GError                **error)
{
  const RetainerRateCard *card;
  const RetainerTier *tier;
  RetainerBookRow row = { 0 };
  MonthCosts costs;

  g_return_val_if_fail (book != NULL, FALSE);
  g_return_val_if_fail (proposal != NULL && proposal->rate_card != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (impact != NULL, FALSE);
  card = proposal->rate_card;
  g_return_val_if_fail (result->chosen_tier >= 0 && (guint) result->chosen_tier < card->n_tiers,
                        FALSE);

  if (!check_currency (book, proposal->currency, NULL, error))
    return FALSE;

  tier = &card->tiers[result->chosen_tier];
  row.monthly_retainer = result->monthly_retainer;
  row.margin_floor_pct = card->margin_floor_pct;
  compute_month_costs (tier, proposal->use_cases, NULL, book->staff_cost_per_hour, &costs);
  row_set_costs (&row, &costs);

  impact->before = book->totals;
  impact->after = book->totals;
  compute_totals (book, &row, &impact->after);
  impact->prospect_monthly_retainer = row.monthly_retainer;
  impact->prospect_monthly_cost = row.monthly_cost;
  impact->prospect_staff_hours = row.staff_hours;
  return TRUE;
}

/**
 * retainer_book_flag_to_id:
 * @flag: one flag
 *
 * Returns: its id in `retainer --book`: "over-capacity", "margin-below-floor"
 */
const char *
retainer_book_flag_to_id (RetainerBookFlags flag)
{
  for (guint i = 0; i < G_N_ELEMENTS (flag_info); i++)
    if (flag_info[i].flag == flag)
      return flag_info[i].id;
  g_return_val_if_reached (NULL);
}

/**
 * retainer_book_format_hours:
 * @hours: staff hours
 *
 * Returns: (transfer full): the hours with the locale's marks and as many
 *   decimals as they need, at most two: "80", "67.4", "1.85"
 */
char *
retainer_book_format_hours (double hours)
{
  gint64 hundredths = hours_to_hundredths (hours);
  guint decimals = hundredths % 100 == 0 ? 0 : hundredths % 10 == 0 ? 1 : 2;

  return retainer_format_number (hundredths_to_hours (hundredths), decimals);
}

/**
 * retainer_book_describe_capacity:
 * @hours: staff hours a month
 * @capacity_hours: the team's capacity
 *
 * Returns: (transfer full): "80 of 160 hours", translated
 */
char *
retainer_book_describe_capacity (double hours,
                                 guint  capacity_hours)
{
  g_autofree char *used = retainer_book_format_hours (hours);
  g_autofree char *capacity = retainer_format_number (capacity_hours, 0);

  /* Translators: staff hours a month against the team's capacity, like
   * "80 of 160 hours"; the number is the capacity. */
  return g_strdup_printf (ngettext ("%1$s of %2$s hour", "%1$s of %2$s hours", capacity_hours),
                          used, capacity);
}

/**
 * retainer_book_describe_flag:
 * @totals: a book's totals (or a prospect's before or after)
 * @flag: one of its flags
 *
 * Returns: (transfer full): one sentence for the founder, translated
 */
char *
retainer_book_describe_flag (const RetainerBookTotals *totals,
                             RetainerBookFlags         flag)
{
  g_return_val_if_fail (totals != NULL, NULL);

  switch (flag)
    {
    case RETAINER_BOOK_FLAG_OVER_CAPACITY:
      {
        g_autofree char *hours = retainer_book_format_hours (totals->staff_hours);
        g_autofree char *capacity = retainer_format_number (totals->team_capacity_hours, 0);

        /* Translators: the first %s is staff hours a month ("180"), the
         * second the team's capacity in hours a month ("160"), which
         * chooses the plural. */
        return g_strdup_printf (ngettext ("The clients take %s staff hours a month, more than "
                                          "the team’s capacity of %s hour.",
                                          "The clients take %s staff hours a month, more than "
                                          "the team’s capacity of %s hours.",
                                          totals->team_capacity_hours),
                                hours, capacity);
      }
    case RETAINER_BOOK_FLAG_MARGIN_BELOW_FLOOR:
      {
        g_autofree char *margin = retainer_format_percent (totals->margin_pct, 1);
        g_autofree char *floor_text = retainer_format_percent (totals->margin_floor_pct, 0);

        /* Translators: both %s are percentages, like "55.2%" and "60%". */
        return g_strdup_printf (_("The gross margin of %s is below the rate card’s floor of %s."),
                                margin, floor_text);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
add_hours (cJSON      *object,
           const char *key,
           double      hours)
{
  /* Hundredths of an hour print exactly as money does: "1.85", "80". */
  g_autofree char *number = retainer_money_to_json_number (hours_to_hundredths (hours));

  cJSON_AddItemToObject (object, key, cJSON_CreateRaw (number));
}

static void
add_percent (cJSON      *object,
             const char *key,
             gint64      hundredths)
{
  g_autofree char *number = retainer_money_to_json_number (hundredths);

  cJSON_AddItemToObject (object, key, cJSON_CreateRaw (number));
}

static void
add_string_or_null (cJSON      *object,
                    const char *key,
                    const char *value)
{
  if (value != NULL)
    cJSON_AddStringToObject (object, key, value);
  else
    cJSON_AddNullToObject (object, key);
}

static cJSON *
flags_to_json (RetainerBookFlags flags)
{
  cJSON *array = cJSON_CreateArray ();

  for (guint i = 0; i < G_N_ELEMENTS (flag_info); i++)
    if (flags & flag_info[i].flag)
      cJSON_AddItemToArray (array, cJSON_CreateString (flag_info[i].id));
  return array;
}

static cJSON *
row_to_json (const RetainerBookRow *row)
{
  cJSON *object = cJSON_CreateObject ();
  cJSON *actuals = cJSON_CreateArray ();

  cJSON_AddStringToObject (object, "company", row->company);
  add_string_or_null (object, "file", row->file);
  cJSON_AddStringToObject (object, "rate_card", row->rate_card_id);
  cJSON_AddStringToObject (object, "tier", row->tier_id);
  cJSON_AddStringToObject (object, "tier_name", row->tier_name);
  add_string_or_null (object, "month", row->month);
  retainer_json_add_money (object, "monthly_retainer", row->monthly_retainer);
  cJSON_AddStringToObject (object, "retainer_source", row->retainer_billed ? "billed" : "accepted");
  retainer_json_add_money (object, "platform_cost", row->platform_cost);
  retainer_json_add_money (object, "compute_cost", row->compute_cost);
  add_hours (object, "staff_hours", row->staff_hours);
  retainer_json_add_money (object, "staff_cost", row->staff_cost);
  retainer_json_add_money (object, "monthly_cost", row->monthly_cost);
  retainer_json_add_money (object, "margin", row->margin);
  add_percent (object, "margin_pct", percent_hundredths (row->margin, row->monthly_retainer));
  cJSON_AddNumberToObject (object, "margin_floor_pct", row->margin_floor_pct);
  for (guint i = 0; i < G_N_ELEMENTS (actual_info); i++)
    if (row->actuals & actual_info[i].actual)
      cJSON_AddItemToArray (actuals, cJSON_CreateString (actual_info[i].id));
  cJSON_AddItemToObject (object, "actual_costs", actuals);
  cJSON_AddItemToObject (object, "flags", flags_to_json (row->flags));
  return object;
}

static cJSON *
totals_to_json (const RetainerBookTotals *totals)
{
  cJSON *object = cJSON_CreateObject ();

  cJSON_AddNumberToObject (object, "clients", totals->n_clients);
  retainer_json_add_money (object, "mrr", totals->mrr);
  retainer_json_add_money (object, "platform_cost", totals->platform_cost);
  retainer_json_add_money (object, "compute_cost", totals->compute_cost);
  add_hours (object, "staff_hours", totals->staff_hours);
  retainer_json_add_money (object, "staff_cost", totals->staff_cost);
  retainer_json_add_money (object, "fixed_overhead", totals->fixed_overhead);
  retainer_json_add_money (object, "total_costs", totals->total_costs);
  retainer_json_add_money (object, "gross_margin", totals->gross_margin);
  add_percent (object, "margin_pct", percent_hundredths (totals->gross_margin, totals->mrr));
  cJSON_AddNumberToObject (object, "margin_floor_pct", totals->margin_floor_pct);
  cJSON_AddNumberToObject (object, "team_capacity_hours", totals->team_capacity_hours);
  add_percent (object, "capacity_used_pct",
               percent_hundredths (hours_to_hundredths (totals->staff_hours),
                                   (gint64) totals->team_capacity_hours * 100));
  cJSON_AddItemToObject (object, "flags", flags_to_json (totals->flags));
  return object;
}

/**
 * retainer_book_to_json:
 * @book: a book
 *
 * Returns: (transfer full): the `retainer --book` document (keys in
 *   retainer-book.h), amounts in major units
 */
cJSON *
retainer_book_to_json (const RetainerBook *book)
{
  cJSON *root, *agency, *clients, *months;

  g_return_val_if_fail (book != NULL, NULL);

  root = cJSON_CreateObject ();
  agency = cJSON_CreateObject ();
  clients = cJSON_CreateArray ();
  months = cJSON_CreateArray ();

  add_string_or_null (root, "currency", book->currency);
  retainer_json_add_money (agency, "fixed_overhead", book->totals.fixed_overhead);
  retainer_json_add_money (agency, "staff_cost_per_hour", book->staff_cost_per_hour);
  cJSON_AddNumberToObject (agency, "team_capacity_hours", book->totals.team_capacity_hours);
  cJSON_AddItemToObject (root, "agency", agency);
  for (guint i = 0; i < book->rows->len; i++)
    cJSON_AddItemToArray (clients, row_to_json (g_ptr_array_index (book->rows, i)));
  cJSON_AddItemToObject (root, "clients", clients);
  cJSON_AddItemToObject (root, "totals", totals_to_json (&book->totals));
  for (guint i = 0; i < book->months->len; i++)
    {
      const RetainerBookMonth *point = &g_array_index (book->months, RetainerBookMonth, i);
      cJSON *item = cJSON_CreateObject ();

      cJSON_AddStringToObject (item, "month", point->month);
      cJSON_AddNumberToObject (item, "clients", point->n_clients);
      retainer_json_add_money (item, "mrr", point->mrr);
      retainer_json_add_money (item, "total_costs", point->total_costs);
      retainer_json_add_money (item, "gross_margin", point->gross_margin);
      add_percent (item, "margin_pct", percent_hundredths (point->gross_margin, point->mrr));
      add_hours (item, "staff_hours", point->staff_hours);
      cJSON_AddItemToArray (months, item);
    }
  cJSON_AddItemToObject (root, "months", months);
  return root;
}

static void
csv_hours (GString *out,
           double   hours)
{
  retainer_csv_append_money (out, hours_to_hundredths (hours));
}

static void
csv_percent (GString *out,
             gint64   part,
             gint64   whole)
{
  retainer_csv_append_money (out, percent_hundredths (part, whole));
}

#define CSV_HEADER "row,company,file,month,tier,monthly_retainer,platform_cost,compute_cost," \
                   "staff_hours,staff_cost,fixed_overhead,monthly_cost,gross_margin,margin_pct," \
                   "actual_costs,currency"

/**
 * retainer_book_to_csv:
 * @book: a book
 *
 * Returns: (transfer full): the book as the CSV file of retainer-book.h:
 *   one row per client and a totals row
 */
char *
retainer_book_to_csv (const RetainerBook *book)
{
  GString *out;
  const RetainerBookTotals *totals;
  const char *currency;

  g_return_val_if_fail (book != NULL, NULL);

  out = g_string_new (CSV_HEADER "\r\n");
  totals = &book->totals;
  currency = book->currency != NULL ? book->currency : "";
  for (guint i = 0; i < book->rows->len; i++)
    {
      const RetainerBookRow *row = g_ptr_array_index (book->rows, i);
      gboolean first = TRUE;

      g_string_append (out, "client,");
      retainer_csv_append_field (out, row->company);
      g_string_append_c (out, ',');
      retainer_csv_append_field (out, row->file);
      g_string_append_c (out, ',');
      retainer_csv_append_field (out, row->month);
      g_string_append_c (out, ',');
      retainer_csv_append_field (out, row->tier_id);
      g_string_append_c (out, ',');
      retainer_csv_append_money (out, row->monthly_retainer);
      g_string_append_c (out, ',');
      retainer_csv_append_money (out, row->platform_cost);
      g_string_append_c (out, ',');
      retainer_csv_append_money (out, row->compute_cost);
      g_string_append_c (out, ',');
      csv_hours (out, row->staff_hours);
      g_string_append_c (out, ',');
      retainer_csv_append_money (out, row->staff_cost);
      g_string_append (out, ",,");
      retainer_csv_append_money (out, row->monthly_cost);
      g_string_append_c (out, ',');
      retainer_csv_append_money (out, row->margin);
      g_string_append_c (out, ',');
      csv_percent (out, row->margin, row->monthly_retainer);
      g_string_append_c (out, ',');
      for (guint j = 0; j < G_N_ELEMENTS (actual_info); j++)
        {
          if (!(row->actuals & actual_info[j].actual))
            continue;
          if (!first)
            g_string_append_c (out, ' ');
          g_string_append (out, actual_info[j].id);
          first = FALSE;
        }
      g_string_append_c (out, ',');
      retainer_csv_append_field (out, currency);
      g_string_append (out, "\r\n");
    }

  g_string_append (out, "total,,,,,");
  retainer_csv_append_money (out, totals->mrr);
  g_string_append_c (out, ',');
  retainer_csv_append_money (out, totals->platform_cost);
  g_string_append_c (out, ',');
  retainer_csv_append_money (out, totals->compute_cost);
  g_string_append_c (out, ',');
  csv_hours (out, totals->staff_hours);
  g_string_append_c (out, ',');
  retainer_csv_append_money (out, totals->staff_cost);
  g_string_append_c (out, ',');
  retainer_csv_append_money (out, totals->fixed_overhead);
  g_string_append_c (out, ',');
  retainer_csv_append_money (out, totals->total_costs);
  g_string_append_c (out, ',');
  retainer_csv_append_money (out, totals->gross_margin);
  g_string_append_c (out, ',');
  csv_percent (out, totals->gross_margin, totals->mrr);
  g_string_append (out, ",,");
  retainer_csv_append_field (out, currency);
  g_string_append (out, "\r\n");

  return g_string_free (out, FALSE);
}

/**
 * retainer_book_save_csv:
 * @book: a book
 * @path: the file to write
 * @error: a #GError
 *
 * Writes retainer_book_to_csv() atomically: a failure leaves the previous
 * file whole.
 */
gboolean
retainer_book_save_csv (const RetainerBook *book,
                        const char         *path,
                        GError            **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (book != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = retainer_book_to_csv (book);
  return retainer_file_replace_contents (path, text, strlen (text), error);
}
