/* test-book.c: the agency across its clients, the prospect's effect on it,
 * the agency profile's book figures and the rate cards' staff hours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "retainer-agency.h"
#include "retainer-book.h"
#include "retainer-client.h"
#include "retainer-money.h"
#include "retainer-rate-card.h"
#include "retainer-recommend.h"

#define USD(major) ((gint64) (major) * 100)
#define CENTS(cents) ((gint64) (cents))

#define N_SEED 10

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
seed_name (guint i)
{
  return g_strdup_printf ("seed-%02u.retainer", i + 1);
}

static RetainerClient *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr (GError) error = NULL;
  RetainerClient *client = retainer_client_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (client);
  return client;
}

static RetainerAgency *
agency_with (gint64 overhead,
             gint64 staff_cost_per_hour,
             guint  capacity_hours)
{
  RetainerAgency *agency = retainer_agency_new_default ();

  agency->fixed_overhead = overhead;
  agency->staff_cost_per_hour = staff_cost_per_hour;
  agency->team_capacity_hours = capacity_hours;
  return agency;
}

/* The seed's ten clients, each file added as it is. */
static void
add_seed (RetainerBook *book)
{
  for (guint i = 0; i < N_SEED; i++)
    {
      g_autofree char *name = seed_name (i);
      g_autofree char *relative = g_build_filename ("book", name, NULL);
      g_autoptr (RetainerClient) client = load_fixture (relative);
      g_autoptr (GError) error = NULL;

      g_assert_true (retainer_book_add_client (book, client, name, &error));
      g_assert_no_error (error);
    }
}

static RetainerBook *
seed_book (const RetainerAgency *agency)
{
  RetainerBook *book = retainer_book_new (agency);

  add_seed (book);
  return book;
}

static char *
percent_text (double percent)
{
  return retainer_format_percent (percent, 1);
}

static RetainerRateCard *
default_card (void)
{
  g_autoptr (GError) error = NULL;
  RetainerRateCard *card = retainer_rate_card_load_builtin (RETAINER_RATE_CARD_DEFAULT_ID, &error);

  g_assert_no_error (error);
  return card;
}

/* A proposal on the default card, on `tier_id`, with `use_cases`. */
static RetainerProposal *
proposal_on (const char *company,
             const char *tier_id,
             guint       use_cases,
             const char *currency)
{
  g_autoptr (RetainerRateCard) card = default_card ();
  RetainerProposal *proposal = retainer_proposal_new (card);

  g_free (proposal->company);
  proposal->company = g_strdup (company);
  g_free (proposal->currency);
  proposal->currency = g_strdup (currency);
  proposal->monthly_api_spend = USD (12000);
  proposal->tier_id = g_strdup (tier_id);
  proposal->use_cases = use_cases;
  return proposal;
}

static RetainerClient *
client_on (const char *tier_id,
           guint       use_cases)
{
  g_autoptr (RetainerProposal) proposal = proposal_on ("Test Client", tier_id, use_cases, "USD");
  g_autoptr (GError) error = NULL;
  RetainerClient *client = retainer_client_accept (proposal, "2026-05-04", 1, "2026-06", &error);

  g_assert_no_error (error);
  g_assert_nonnull (client);
  return client;
}

/* ---- the seed ---------------------------------------------------------- */

static void
assert_seed_totals (const RetainerBookTotals *totals)
{
  g_autofree char *margin = percent_text (totals->margin_pct);

  g_assert_cmpuint (totals->n_clients, ==, 10);
  g_assert_cmpint (totals->mrr, ==, USD (48000));
  g_assert_cmpint (totals->platform_cost, ==, USD (145));
  g_assert_cmpint (totals->compute_cost, ==, USD (3000));
  g_assert_cmpfloat (totals->staff_hours, ==, 80.0);
  g_assert_cmpint (totals->staff_cost, ==, USD (6400));
  g_assert_cmpint (totals->fixed_overhead, ==, USD (500));
  g_assert_cmpint (totals->total_costs, ==, USD (10045));
  g_assert_cmpint (totals->gross_margin, ==, USD (37955));
  g_assert_cmpstr (margin, ==, "79.1%");
  g_assert_cmpfloat (totals->margin_floor_pct, ==, 60.0);
  g_assert_cmpuint (totals->team_capacity_hours, ==, 160);
  g_assert_cmpfloat (totals->capacity_used_pct, ==, 50.0);
  g_assert_cmpuint (totals->flags, ==, 0);
}

static void
test_seed (void)
{
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autoptr (RetainerBook) book = seed_book (agency);
  guint per_tier[3] = { 0, 0, 0 };

  g_assert_cmpstr (book->currency, ==, "USD");
  g_assert_cmpuint (book->rows->len, ==, 10);
  assert_seed_totals (&book->totals);

  for (guint i = 0; i < book->rows->len; i++)
    {
      const RetainerBookRow *row = g_ptr_array_index (book->rows, i);

      /* Every cost is the founder's own figure. */
      g_assert_cmpuint (row->actuals, ==, RETAINER_BOOK_ACTUAL_PLATFORM
                                            | RETAINER_BOOK_ACTUAL_COMPUTE
                                            | RETAINER_BOOK_ACTUAL_STAFF_HOURS);
      g_assert_true (row->retainer_billed);
      g_assert_cmpstr (row->month, ==, "2026-06");
      g_assert_cmpint (row->platform_cost, ==, CENTS (1450));
      g_assert_cmpint (row->staff_cost, ==, retainer_money_round (row->staff_hours * 8000));
      g_assert_cmpint (row->monthly_cost, ==, row->platform_cost + row->compute_cost
                                               + row->staff_cost);
      g_assert_cmpint (row->margin, ==, row->monthly_retainer - row->monthly_cost);
      g_assert_cmpuint (row->flags, ==, 0);
      if (g_str_equal (row->tier_id, "essentials"))
        per_tier[0]++;
      else if (g_str_equal (row->tier_id, "growth"))
        per_tier[1]++;
      else if (g_str_equal (row->tier_id, "enterprise"))
        per_tier[2]++;
    }
  g_assert_cmpuint (per_tier[0], ==, 4);
  g_assert_cmpuint (per_tier[1], ==, 4);
  g_assert_cmpuint (per_tier[2], ==, 2);
}

static gboolean
copy_file (const char *from,
           const char *to)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  return g_file_get_contents (from, &text, &length, NULL)
         && g_file_set_contents (to, text, (gssize) length, NULL);
}

/* The clients folder, as `retainer --book` and the window read it: the seed,
 * a client billed in euros and a file that is not a client. */
static void
test_seed_folder (void)
{
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autofree char *dir = retainer_clients_dir ();
  g_autofree char *eur_from = fixture_path ("book-eur.retainer");
  g_autofree char *eur_to = g_build_filename (dir, "lindenbaum.retainer", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.retainer", NULL);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (RetainerBook) book = NULL;
  gboolean eur_named = FALSE, broken_named = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < N_SEED; i++)
    {
      g_autofree char *name = seed_name (i);
      g_autofree char *from = g_build_filename (g_test_get_dir (G_TEST_DIST), "data", "book",
                                                name, NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);

      g_assert_true (copy_file (from, to));
    }
  g_assert_true (copy_file (eur_from, eur_to));
  g_assert_true (g_file_set_contents (broken, "{ \"format\": ", -1, NULL));

  book = retainer_book_load (agency, &problems);
  g_assert_cmpstr (book->currency, ==, "USD");
  assert_seed_totals (&book->totals);

  g_assert_cmpuint (problems->len, ==, 2);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *message = g_ptr_array_index (problems, i);

      g_test_message ("%s", message);
      eur_named |= strstr (message, "Lindenbaum Versicherung") != NULL
                   && strstr (message, "EUR") != NULL && strstr (message, "USD") != NULL;
      broken_named |= strstr (message, "broken.retainer") != NULL;
    }
  g_assert_true (eur_named);
  g_assert_true (broken_named);

  /* By company, as the clients folder lists them, each with its file. */
  g_assert_cmpstr (((RetainerBookRow *) g_ptr_array_index (book->rows, 0))->company, ==,
                   "Atlas Capital Partners");
  g_assert_cmpstr (((RetainerBookRow *) g_ptr_array_index (book->rows, 0))->file, ==,
                   "seed-09.retainer");
}

/* ---- the card's figures when no actuals are entered -------------------- */

typedef struct
{
  const char *name;
  const char *tier_id;
  guint       use_cases;
  gint64      retainer;
  gint64      platform;
  gint64      compute;
  double      staff_hours;
  gint64      staff_cost;
  gint64      monthly_cost;
} MidpointCase;

static const MidpointCase midpoint_cases[] = {
  /* platform $14.50; compute $50-150; 1.7-2 h at $80 */
  { "essentials", "essentials", 1, USD (2000), CENTS (1450), USD (100), 1.85, USD (148),
    CENTS (26250) },
  /* compute $200-400; 4-6 h */
  { "growth", "growth", 1, USD (5000), CENTS (1450), USD (300), 5.0, USD (400), CENTS (71450) },
  /* compute $500-1,500; 15-25 h */
  { "enterprise", "enterprise", 1, USD (10000), CENTS (1450), USD (1000), 20.0, USD (1600),
    CENTS (261450) },
  /* The Enterprise card counts the platform per model instance: three use
   * cases, three instances, none of them billed extra. */
  { "enterprise-three-use-cases", "enterprise", 3, USD (10000), CENTS (4350), USD (1000), 20.0,
    USD (1600), CENTS (264350) },
  /* Growth's platform is one instance whatever the use cases; the two extra
   * use cases are billed $1,500 each. */
  { "growth-three-use-cases", "growth", 3, USD (8000), CENTS (1450), USD (300), 5.0, USD (400),
    CENTS (71450) },
};

static void
test_midpoints (gconstpointer data)
{
  const MidpointCase *c = data;
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autoptr (RetainerBook) book = retainer_book_new (agency);
  g_autoptr (RetainerClient) client = client_on (c->tier_id, c->use_cases);
  g_autoptr (GError) error = NULL;
  const RetainerBookRow *row;

  g_assert_true (retainer_book_add_client (book, client, NULL, &error));
  g_assert_no_error (error);
  row = g_ptr_array_index (book->rows, 0);
  g_assert_cmpstr (row->tier_id, ==, c->tier_id);
  g_assert_false (row->retainer_billed);
  g_assert_null (row->month);
  g_assert_cmpuint (row->actuals, ==, 0);
  g_assert_cmpint (row->monthly_retainer, ==, c->retainer);
  g_assert_cmpint (row->platform_cost, ==, c->platform);
  g_assert_cmpint (row->compute_cost, ==, c->compute);
  g_assert_cmpfloat_with_epsilon (row->staff_hours, c->staff_hours, 1e-9);
  g_assert_cmpint (row->staff_cost, ==, c->staff_cost);
  g_assert_cmpint (row->monthly_cost, ==, c->monthly_cost);
  g_assert_cmpint (row->margin, ==, c->retainer - c->monthly_cost);
  /* No month recorded: the series is empty; the totals hold the overhead. */
  g_assert_cmpuint (book->months->len, ==, 0);
  g_assert_cmpint (book->totals.total_costs, ==, c->monthly_cost + USD (500));
}

/* The seed's ten clients without entered costs: the card's midpoints. */
static void
test_midpoints_ten (void)
{
  static const struct { const char *tier; guint count; } mix[] = {
    { "essentials", 4 }, { "growth", 4 }, { "enterprise", 2 },
  };
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autoptr (RetainerBook) book = retainer_book_new (agency);
  g_autofree char *margin = NULL;
  g_autofree char *hours = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (mix); i++)
    for (guint n = 0; n < mix[i].count; n++)
      {
        g_autoptr (RetainerClient) client = client_on (mix[i].tier, 1);

        g_assert_true (retainer_book_add_client (book, client, NULL, NULL));
      }

  g_assert_cmpint (book->totals.mrr, ==, USD (48000));
  g_assert_cmpint (book->totals.platform_cost, ==, USD (145));
  /* 4 x $100 + 4 x $300 + 2 x $1,000 */
  g_assert_cmpint (book->totals.compute_cost, ==, USD (3600));
  /* 4 x 1.85 + 4 x 5 + 2 x 20 */
  hours = retainer_book_format_hours (book->totals.staff_hours);
  g_assert_cmpstr (hours, ==, "67.4");
  g_assert_cmpint (book->totals.staff_cost, ==, USD (5392));
  g_assert_cmpint (book->totals.total_costs, ==, USD (9637));
  g_assert_cmpint (book->totals.gross_margin, ==, USD (38363));
  margin = percent_text (book->totals.margin_pct);
  g_assert_cmpstr (margin, ==, "79.9%");
}

/* Each entered figure replaces the card's on its own: the ramp client
 * entered its staff hours only. */
static void
test_actuals_independent (void)
{
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autoptr (RetainerBook) book = retainer_book_new (agency);
  g_autoptr (RetainerClient) client = load_fixture ("book-ramp.retainer");
  const RetainerBookRow *row;

  g_assert_true (retainer_book_add_client (book, client, "book-ramp.retainer", NULL));
  row = g_ptr_array_index (book->rows, 0);
  g_assert_cmpstr (row->month, ==, "2026-06");
  g_assert_true (row->retainer_billed);
  g_assert_cmpuint (row->actuals, ==, RETAINER_BOOK_ACTUAL_STAFF_HOURS);
  g_assert_cmpint (row->platform_cost, ==, CENTS (1450));
  g_assert_cmpint (row->compute_cost, ==, USD (300));
  g_assert_cmpfloat (row->staff_hours, ==, 4.0);
  g_assert_cmpint (row->staff_cost, ==, USD (320));
}

/* The latest month's billed retainer, not the accepted one. */
static void
test_billed_retainer (void)
{
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autoptr (RetainerBook) book = retainer_book_new (agency);
  g_autoptr (RetainerClient) client = client_on ("growth", 1);
  RetainerClientMonth *first = retainer_client_add_next_month (client);
  RetainerClientMonth *second = retainer_client_add_next_month (client);
  const RetainerBookRow *row;

  first->retainer_billed = USD (5000);
  second->retainer_billed = USD (4500);
  second->has_actual_staff_hours = TRUE;
  /* Hours are kept to the hundredth: 3.456 h counts as 3.46 h. */
  second->actual_staff_hours = 3.456;
  g_assert_true (retainer_book_add_client (book, client, NULL, NULL));
  row = g_ptr_array_index (book->rows, 0);
  g_assert_cmpstr (row->month, ==, "2026-07");
  g_assert_cmpint (row->monthly_retainer, ==, USD (4500));
  g_assert_cmpfloat_with_epsilon (row->staff_hours, 3.46, 1e-9);
  g_assert_cmpint (row->staff_cost, ==, CENTS (27680));
  g_assert_cmpint (book->totals.mrr, ==, USD (4500));
}

/* ---- flags ------------------------------------------------------------- */

typedef struct
{
  const char *name;
  guint       capacity_hours;
  gboolean    over;
  const char *capacity_text;
} CapacityCase;

static const CapacityCase capacity_cases[] = {
  { "under", 160, FALSE, "80 of 160 hours" },
  { "exactly-full", 80, FALSE, "80 of 80 hours" },
  { "over", 79, TRUE, "80 of 79 hours" },
  { "one-hour-team", 1, TRUE, "80 of 1 hour" },
};

static void
test_capacity (gconstpointer data)
{
  const CapacityCase *c = data;
  g_autoptr (RetainerAgency) agency = agency_with (USD (500), USD (80), c->capacity_hours);
  g_autoptr (RetainerBook) book = seed_book (agency);
  g_autofree char *capacity = retainer_book_describe_capacity (book->totals.staff_hours,
                                                               book->totals.team_capacity_hours);

  g_assert_cmpstr (capacity, ==, c->capacity_text);
  g_assert_cmpint (!!(book->totals.flags & RETAINER_BOOK_FLAG_OVER_CAPACITY), ==, c->over);
  if (c->over)
    {
      g_autofree char *warning = retainer_book_describe_flag (&book->totals,
                                                              RETAINER_BOOK_FLAG_OVER_CAPACITY);
      g_autofree char *expected = g_strdup_printf ("The clients take 80 staff hours a month, "
                                                   "more than the team’s capacity of %u %s.",
                                                   c->capacity_hours,
                                                   c->capacity_hours == 1 ? "hour" : "hours");

      g_assert_cmpstr (warning, ==, expected);
    }
}

typedef struct
{
  const char *name;
  gint64      staff_cost_per_hour;
  gboolean    below;
  guint       rows_below;
  const char *margin_text;
} FloorCase;

static const FloorCase floor_cases[] = {
  { "seed", USD (80), FALSE, 0, "79.1%" },
  /* 80 h at $400: $32,000 of staff; every tier's margin falls under 60 %. */
  { "dear-staff", USD (400), TRUE, 10, "25.7%" },
  /* 80 h at $150: $12,000: the book keeps more than 60 % (67.4 %), but
   * the two Enterprise clients' 24 h each leave them 56.9 %. */
  { "enterprise-only", USD (150), FALSE, 2, "67.4%" },
};

static void
test_margin_floor (gconstpointer data)
{
  const FloorCase *c = data;
  g_autoptr (RetainerAgency) agency = agency_with (USD (500), c->staff_cost_per_hour, 160);
  g_autoptr (RetainerBook) book = seed_book (agency);
  g_autofree char *margin = percent_text (book->totals.margin_pct);
  guint rows_below = 0;

  g_assert_cmpstr (margin, ==, c->margin_text);
  g_assert_cmpint (!!(book->totals.flags & RETAINER_BOOK_FLAG_MARGIN_BELOW_FLOOR), ==, c->below);
  for (guint i = 0; i < book->rows->len; i++)
    {
      const RetainerBookRow *row = g_ptr_array_index (book->rows, i);

      if (row->flags & RETAINER_BOOK_FLAG_MARGIN_BELOW_FLOOR)
        {
          rows_below++;
          g_assert_cmpfloat (row->margin_pct, <, 60.0);
        }
    }
  g_assert_cmpuint (rows_below, ==, c->rows_below);
  if (c->below)
    {
      g_autofree char *warning =
        retainer_book_describe_flag (&book->totals, RETAINER_BOOK_FLAG_MARGIN_BELOW_FLOOR);
      g_autofree char *expected =
        g_strdup_printf ("The gross margin of %s is below the rate card’s floor of 60%%.",
                         c->margin_text);

      g_assert_cmpstr (warning, ==, expected);
    }
}

/* ---- what a prospect adds ---------------------------------------------- */

static void
test_prospect_growth (void)
{
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autoptr (RetainerBook) book = seed_book (agency);
  g_autoptr (RetainerProposal) proposal = proposal_on ("Prospect Co", "growth", 1, "USD");
  g_autoptr (RetainerResult) result = retainer_recommend (proposal);
  g_autoptr (GError) error = NULL;
  RetainerBookImpact impact;
  g_autofree char *before_margin = NULL, *after_margin = NULL;
  g_autofree char *before_hours = NULL, *after_hours = NULL;

  g_assert_cmpint (result->monthly_retainer, ==, USD (5000));
  g_assert_true (retainer_book_prospect_impact (book, proposal, result, &impact, &error));
  g_assert_no_error (error);

  assert_seed_totals (&impact.before);
  g_assert_cmpint (impact.after.mrr, ==, USD (53000));
  g_assert_cmpuint (impact.after.n_clients, ==, 11);
  g_assert_cmpint (impact.prospect_monthly_retainer, ==, USD (5000));
  /* $14.50 + $300 + 5 h x $80 */
  g_assert_cmpint (impact.prospect_monthly_cost, ==, CENTS (71450));
  g_assert_cmpint (impact.after.total_costs, ==, CENTS (1075950));
  g_assert_cmpint (impact.after.gross_margin, ==, CENTS (4224050));
  before_margin = percent_text (impact.before.margin_pct);
  after_margin = percent_text (impact.after.margin_pct);
  g_assert_cmpstr (before_margin, ==, "79.1%");
  g_assert_cmpstr (after_margin, ==, "79.7%");
  before_hours = retainer_book_describe_capacity (impact.before.staff_hours,
                                                  impact.before.team_capacity_hours);
  after_hours = retainer_book_describe_capacity (impact.after.staff_hours,
                                                 impact.after.team_capacity_hours);
  g_assert_cmpstr (before_hours, ==, "80 of 160 hours");
  g_assert_cmpstr (after_hours, ==, "85 of 160 hours");
  g_assert_cmpuint (impact.after.flags, ==, 0);

  /* The book itself does not change. */
  assert_seed_totals (&book->totals);
  g_assert_cmpuint (book->rows->len, ==, 10);
}

/* A prospect that fills the team: an Enterprise deal on a 90-hour team. */
static void
test_prospect_over_capacity (void)
{
  g_autoptr (RetainerAgency) agency = agency_with (USD (500), USD (80), 90);
  g_autoptr (RetainerBook) book = seed_book (agency);
  g_autoptr (RetainerProposal) proposal = proposal_on ("Big Prospect", "enterprise", 1, "USD");
  g_autoptr (RetainerResult) result = retainer_recommend (proposal);
  RetainerBookImpact impact;
  g_autofree char *after_hours = NULL;

  g_assert_true (retainer_book_prospect_impact (book, proposal, result, &impact, NULL));
  g_assert_false (impact.before.flags & RETAINER_BOOK_FLAG_OVER_CAPACITY);
  g_assert_true (impact.after.flags & RETAINER_BOOK_FLAG_OVER_CAPACITY);
  after_hours = retainer_book_describe_capacity (impact.after.staff_hours, 90);
  g_assert_cmpstr (after_hours, ==, "100 of 90 hours");
}

static void
test_prospect_empty_book_and_currency (void)
{
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autoptr (RetainerBook) empty = retainer_book_new (agency);
  g_autoptr (RetainerBook) book = seed_book (agency);
  g_autoptr (RetainerProposal) proposal = proposal_on ("Prospect Co", "essentials", 1, "EUR");
  g_autoptr (RetainerResult) result = retainer_recommend (proposal);
  g_autoptr (GError) error = NULL;
  RetainerBookImpact impact;

  /* The first client: the overhead alone before. */
  g_assert_true (retainer_book_prospect_impact (empty, proposal, result, &impact, &error));
  g_assert_no_error (error);
  g_assert_cmpint (impact.before.mrr, ==, 0);
  g_assert_cmpint (impact.before.total_costs, ==, USD (500));
  g_assert_cmpfloat (impact.before.margin_pct, ==, 0.0);
  g_assert_cmpuint (impact.before.flags, ==, 0);
  g_assert_cmpint (impact.after.mrr, ==, USD (2000));
  /* $2,000 - ($262.50 + $500) */
  g_assert_cmpint (impact.after.gross_margin, ==, CENTS (123750));

  /* A book in dollars does not take a prospect in euros. */
  g_assert_false (retainer_book_prospect_impact (book, proposal, result, &impact, &error));
  g_assert_error (error, RETAINER_BOOK_ERROR, RETAINER_BOOK_ERROR_CURRENCY);
  g_assert_cmpstr (error->message, ==,
                   "This proposal is in EUR and the book is in USD: Retainer does not convert "
                   "between currencies, so it cannot show what the deal adds to the book");
}

/* ---- the series -------------------------------------------------------- */

static void
test_series_month_one_to_six (void)
{
  static const double hours[] = { 20, 14, 10, 7, 5, 4 };
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autoptr (RetainerBook) book = retainer_book_new (agency);
  g_autoptr (RetainerClient) client = load_fixture ("book-ramp.retainer");
  const RetainerBookMonth *first, *sixth;
  g_autofree char *first_margin = NULL, *sixth_margin = NULL;

  g_assert_true (retainer_book_add_client (book, client, NULL, NULL));
  g_assert_cmpuint (book->months->len, ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      const RetainerBookMonth *point = &g_array_index (book->months, RetainerBookMonth, i);
      g_autofree char *month = g_strdup_printf ("2026-%02u", i + 1);

      g_assert_cmpstr (point->month, ==, month);
      g_assert_cmpuint (point->n_clients, ==, 1);
      g_assert_cmpint (point->mrr, ==, USD (5000));
      g_assert_cmpfloat (point->staff_hours, ==, hours[i]);
      /* $14.50 + $300 from the card, the hours entered, the overhead */
      g_assert_cmpint (point->total_costs, ==, CENTS (31450) + retainer_money_round (hours[i] * 8000)
                                                 + USD (500));
      if (i > 0)
        g_assert_cmpfloat (point->margin_pct, >,
                           g_array_index (book->months, RetainerBookMonth, i - 1).margin_pct);
    }

  /* Month 1, 20 hours; month 6, 4 hours: the margin grows from 51.7 % to 77.3 %. */
  first = &g_array_index (book->months, RetainerBookMonth, 0);
  sixth = &g_array_index (book->months, RetainerBookMonth, 5);
  g_assert_cmpint (first->gross_margin, ==, CENTS (258550));
  g_assert_cmpint (sixth->gross_margin, ==, CENTS (386550));
  first_margin = percent_text (first->margin_pct);
  sixth_margin = percent_text (sixth->margin_pct);
  g_assert_cmpstr (first_margin, ==, "51.7%");
  g_assert_cmpstr (sixth_margin, ==, "77.3%");
}

/* Clients add up per calendar month, whenever each went live. */
static void
test_series_merges_clients (void)
{
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autoptr (RetainerBook) book = retainer_book_new (agency);
  g_autoptr (RetainerClient) ramp = load_fixture ("book-ramp.retainer");
  const RetainerBookMonth *june;

  /* The seed first, so the ramp client's earlier months go in front. */
  add_seed (book);
  g_assert_cmpuint (book->months->len, ==, 1);
  g_assert_true (retainer_book_add_client (book, ramp, NULL, NULL));
  g_assert_cmpuint (book->months->len, ==, 6);
  g_assert_cmpstr (g_array_index (book->months, RetainerBookMonth, 0).month, ==, "2026-01");
  g_assert_cmpuint (g_array_index (book->months, RetainerBookMonth, 0).n_clients, ==, 1);

  june = &g_array_index (book->months, RetainerBookMonth, 5);
  g_assert_cmpstr (june->month, ==, "2026-06");
  g_assert_cmpuint (june->n_clients, ==, 11);
  g_assert_cmpint (june->mrr, ==, USD (53000));
  g_assert_cmpfloat (june->staff_hours, ==, 84.0);
  /* The seed's $10,045 (overhead once) + the ramp client's $634.50 */
  g_assert_cmpint (june->total_costs, ==, CENTS (1067950));
  g_assert_cmpint (june->total_costs, ==, book->totals.total_costs);
}

/* ---- JSON and CSV ------------------------------------------------------ */

static void
assert_keys (const cJSON *object,
             const char  *expected)
{
  g_autoptr (GString) keys = g_string_new (NULL);
  const cJSON *item;

  cJSON_ArrayForEach (item, object)
    {
      if (keys->len > 0)
        g_string_append_c (keys, ' ');
      g_string_append (keys, item->string);
    }
  g_assert_cmpstr (keys->str, ==, expected);
}

static char *
print_item (const cJSON *object,
            const char  *key)
{
  return cJSON_PrintUnformatted (cJSON_GetObjectItemCaseSensitive (object, key));
}

static void
test_json (void)
{
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autoptr (RetainerBook) book = seed_book (agency);
  g_autoptr (cJSON) json = retainer_book_to_json (book);
  g_autofree char *agency_text = print_item (json, "agency");
  g_autofree char *totals_text = print_item (json, "totals");
  g_autofree char *months_text = print_item (json, "months");
  g_autofree char *row_text = NULL;
  const cJSON *clients = cJSON_GetObjectItemCaseSensitive (json, "clients");

  assert_keys (json, "currency agency clients totals months");
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (json, "currency")),
                   ==, "USD");
  g_assert_cmpstr (agency_text, ==,
                   "{\"fixed_overhead\":500,\"staff_cost_per_hour\":80,\"team_capacity_hours\":160}");
  g_assert_cmpint (cJSON_GetArraySize (clients), ==, 10);
  assert_keys (cJSON_GetArrayItem (clients, 0),
               "company file rate_card tier tier_name month monthly_retainer retainer_source "
               "platform_cost compute_cost staff_hours staff_cost monthly_cost margin margin_pct "
               "margin_floor_pct actual_costs flags");
  row_text = cJSON_PrintUnformatted (cJSON_GetArrayItem (clients, 4));
  g_assert_cmpstr (row_text, ==,
                   "{\"company\":\"Northwind Legal, LLP\",\"file\":\"seed-05.retainer\","
                   "\"rate_card\":\"fine-tuning-agency\",\"tier\":\"growth\","
                   "\"tier_name\":\"Growth\",\"month\":\"2026-06\",\"monthly_retainer\":5000,"
                   "\"retainer_source\":\"billed\",\"platform_cost\":14.5,\"compute_cost\":300,"
                   "\"staff_hours\":6,\"staff_cost\":480,\"monthly_cost\":794.5,"
                   "\"margin\":4205.5,\"margin_pct\":84.11,\"margin_floor_pct\":60,"
                   "\"actual_costs\":[\"platform\",\"compute\",\"staff_hours\"],\"flags\":[]}");
  g_assert_cmpstr (totals_text, ==,
                   "{\"clients\":10,\"mrr\":48000,\"platform_cost\":145,\"compute_cost\":3000,"
                   "\"staff_hours\":80,\"staff_cost\":6400,\"fixed_overhead\":500,"
                   "\"total_costs\":10045,\"gross_margin\":37955,\"margin_pct\":79.07,"
                   "\"margin_floor_pct\":60,\"team_capacity_hours\":160,"
                   "\"capacity_used_pct\":50,\"flags\":[]}");
  g_assert_cmpstr (months_text, ==,
                   "[{\"month\":\"2026-06\",\"clients\":10,\"mrr\":48000,\"total_costs\":10045,"
                   "\"gross_margin\":37955,\"margin_pct\":79.07,\"staff_hours\":80}]");
}

static void
test_json_flags_and_empty (void)
{
  g_autoptr (RetainerAgency) agency = agency_with (USD (500), USD (400), 40);
  g_autoptr (RetainerBook) book = seed_book (agency);
  g_autoptr (RetainerBook) empty = retainer_book_new (agency);
  g_autoptr (cJSON) json = retainer_book_to_json (book);
  g_autoptr (cJSON) empty_json = retainer_book_to_json (empty);
  const cJSON *totals = cJSON_GetObjectItemCaseSensitive (json, "totals");
  g_autofree char *flags = print_item (totals, "flags");
  g_autofree char *used = print_item (totals, "capacity_used_pct");
  g_autofree char *row_flags = print_item (cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (json, "clients"), 0), "flags");
  g_autofree char *empty_text = cJSON_PrintUnformatted (empty_json);

  g_assert_cmpstr (flags, ==, "[\"over-capacity\",\"margin-below-floor\"]");
  g_assert_cmpstr (used, ==, "200");
  g_assert_cmpstr (row_flags, ==, "[\"margin-below-floor\"]");
  g_assert_cmpstr (empty_text, ==,
                   "{\"currency\":null,\"agency\":{\"fixed_overhead\":500,"
                   "\"staff_cost_per_hour\":400,\"team_capacity_hours\":40},\"clients\":[],"
                   "\"totals\":{\"clients\":0,\"mrr\":0,\"platform_cost\":0,\"compute_cost\":0,"
                   "\"staff_hours\":0,\"staff_cost\":0,\"fixed_overhead\":500,"
                   "\"total_costs\":500,\"gross_margin\":-500,\"margin_pct\":0,"
                   "\"margin_floor_pct\":0,\"team_capacity_hours\":40,"
                   "\"capacity_used_pct\":0,\"flags\":[]},\"months\":[]}");
}

static const char seed_csv[] =
  "row,company,file,month,tier,monthly_retainer,platform_cost,compute_cost,staff_hours,"
  "staff_cost,fixed_overhead,monthly_cost,gross_margin,margin_pct,actual_costs,currency\r\n"
  "client,Brightside Outfitters,seed-01.retainer,2026-06,essentials,2000,14.5,100,2,160,,274.5,"
  "1725.5,86.28,platform compute staff_hours,USD\r\n"
  "client,Cobalt Dental Group,seed-02.retainer,2026-06,essentials,2000,14.5,100,2,160,,274.5,"
  "1725.5,86.28,platform compute staff_hours,USD\r\n"
  "client,Fernhill Property Management,seed-03.retainer,2026-06,essentials,2000,14.5,100,2,160,,"
  "274.5,1725.5,86.28,platform compute staff_hours,USD\r\n"
  "client,Juniper & Co. Tailors,seed-04.retainer,2026-06,essentials,2000,14.5,100,2,160,,274.5,"
  "1725.5,86.28,platform compute staff_hours,USD\r\n"
  "client,\"Northwind Legal, LLP\",seed-05.retainer,2026-06,growth,5000,14.5,300,6,480,,794.5,"
  "4205.5,84.11,platform compute staff_hours,USD\r\n"
  "client,\"Kite \"\"K\"\" Logistics\",seed-06.retainer,2026-06,growth,5000,14.5,300,6,480,,794.5,"
  "4205.5,84.11,platform compute staff_hours,USD\r\n"
  "client,Meridian Health Clinics,seed-07.retainer,2026-06,growth,5000,14.5,300,6,480,,794.5,"
  "4205.5,84.11,platform compute staff_hours,USD\r\n"
  "client,Saltmarsh Insurance,seed-08.retainer,2026-06,growth,5000,14.5,300,6,480,,794.5,"
  "4205.5,84.11,platform compute staff_hours,USD\r\n"
  "client,Atlas Capital Partners,seed-09.retainer,2026-06,enterprise,10000,14.5,700,24,1920,,"
  "2634.5,7365.5,73.66,platform compute staff_hours,USD\r\n"
  "client,Vantage Freight Systems,seed-10.retainer,2026-06,enterprise,10000,14.5,700,24,1920,,"
  "2634.5,7365.5,73.66,platform compute staff_hours,USD\r\n"
  "total,,,,,48000,145,3000,80,6400,500,10045,37955,79.07,,USD\r\n";

static void
test_csv (void)
{
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autoptr (RetainerBook) book = seed_book (agency);
  g_autofree char *csv = retainer_book_to_csv (book);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "book.csv", NULL);
  g_autofree char *written = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (csv, ==, seed_csv);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (retainer_book_save_csv (book, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, seed_csv);
}

/* A client without entered costs and a prospect-free empty book. */
static void
test_csv_estimates_and_empty (void)
{
  g_autoptr (RetainerAgency) agency = retainer_agency_new_default ();
  g_autoptr (RetainerBook) book = retainer_book_new (agency);
  g_autoptr (RetainerBook) empty = retainer_book_new (agency);
  g_autoptr (RetainerClient) client = client_on ("essentials", 1);
  g_autofree char *csv = NULL;
  g_autofree char *empty_csv = retainer_book_to_csv (empty);
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "no", "such", "book.csv",
                                               NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (retainer_book_add_client (book, client, NULL, NULL));
  csv = retainer_book_to_csv (book);
  g_assert_cmpstr (strchr (csv, '\n') + 1, ==,
                   "client,Test Client,,,essentials,2000,14.5,100,1.85,148,,262.5,1737.5,86.88,,"
                   "USD\r\n"
                   "total,,,,,2000,14.5,100,1.85,148,500,762.5,1237.5,61.88,,USD\r\n");
  g_assert_cmpstr (strchr (empty_csv, '\n') + 1, ==,
                   "total,,,,,0,0,0,0,0,500,500,-500,0,,\r\n");

  g_assert_false (retainer_book_save_csv (book, missing, &error));
  g_assert_nonnull (error);
}

/* ---- formatting -------------------------------------------------------- */

static void
test_format_hours (void)
{
  static const struct { double hours; const char *text; } cases[] = {
    { 80, "80" }, { 67.4, "67.4" }, { 1.85, "1.85" }, { 3.456, "3.46" }, { 0, "0" },
    { 1234.5, "1,234.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = retainer_book_format_hours (cases[i].hours);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  g_assert_cmpstr (retainer_book_flag_to_id (RETAINER_BOOK_FLAG_OVER_CAPACITY), ==,
                   "over-capacity");
  g_assert_cmpstr (retainer_book_flag_to_id (RETAINER_BOOK_FLAG_MARGIN_BELOW_FLOOR), ==,
                   "margin-below-floor");
}

/* ---- the agency profile's book figures --------------------------------- */

static void
test_agency_figures (void)
{
  g_autoptr (RetainerAgency) defaults = retainer_agency_new_default ();
  g_autofree char *path = fixture_path ("book-agency.json");
  g_autofree char *older = fixture_path ("agency-acme.json");
  g_autofree char *saved = g_build_filename (g_get_user_config_dir (), "agency-book.json", NULL);
  g_autoptr (RetainerAgency) agency = NULL;
  g_autoptr (RetainerAgency) acme = NULL;
  g_autoptr (RetainerAgency) reloaded = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (defaults->fixed_overhead, ==, USD (500));
  g_assert_cmpint (defaults->staff_cost_per_hour, ==, USD (80));
  g_assert_cmpuint (defaults->team_capacity_hours, ==, 160);

  agency = retainer_agency_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (agency->fixed_overhead, ==, USD (750));
  g_assert_cmpint (agency->staff_cost_per_hour, ==, CENTS (9550));
  g_assert_cmpuint (agency->team_capacity_hours, ==, 320);

  /* A profile written before the book gets the defaults. */
  acme = retainer_agency_load (older, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acme->fixed_overhead, ==, USD (500));
  g_assert_cmpint (acme->staff_cost_per_hour, ==, USD (80));
  g_assert_cmpuint (acme->team_capacity_hours, ==, 160);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_assert_true (retainer_agency_save (agency, saved, &error));
  g_assert_no_error (error);
  reloaded = retainer_agency_load (saved, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reloaded->fixed_overhead, ==, USD (750));
  g_assert_cmpint (reloaded->staff_cost_per_hour, ==, CENTS (9550));
  g_assert_cmpuint (reloaded->team_capacity_hours, ==, 320);

  /* The book uses them. */
  {
    g_autoptr (RetainerBook) book = seed_book (agency);

    g_assert_cmpint (book->totals.fixed_overhead, ==, USD (750));
    /* 80 h x $95.50 */
    g_assert_cmpint (book->totals.staff_cost, ==, USD (7640));
    g_assert_cmpfloat (book->totals.capacity_used_pct, ==, 25.0);
  }
}

typedef struct
{
  const char *name;
  const char *json;  /* the figure as written in the file */
  const char *field;
} BadAgencyCase;

static const BadAgencyCase bad_agencies[] = {
  { "negative-overhead", "\"fixed_overhead\": -500", "fixed_overhead" },
  { "infinite-overhead", "\"fixed_overhead\": 1e999", "fixed_overhead" },
  { "overhead-as-text", "\"fixed_overhead\": \"500\"", "fixed_overhead" },
  { "negative-staff-cost", "\"staff_cost_per_hour\": -80", "staff_cost_per_hour" },
  { "absurd-staff-cost", "\"staff_cost_per_hour\": 5000000", "staff_cost_per_hour" },
  { "infinite-staff-cost", "\"staff_cost_per_hour\": 1e999", "staff_cost_per_hour" },
  { "no-capacity", "\"team_capacity_hours\": 0", "team_capacity_hours" },
  { "negative-capacity", "\"team_capacity_hours\": -160", "team_capacity_hours" },
  { "absurd-capacity", "\"team_capacity_hours\": 1000000000", "team_capacity_hours" },
  { "fractional-capacity", "\"team_capacity_hours\": 160.5", "team_capacity_hours" },
  { "infinite-capacity", "\"team_capacity_hours\": 1e999", "team_capacity_hours" },
};

static void
test_agency_refused (gconstpointer data)
{
  const BadAgencyCase *c = data;
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "bad-agency.json", NULL);
  g_autofree char *text = g_strdup_printf ("{\n  \"format\": \"retainer-agency\",\n"
                                           "  \"version\": 1,\n  \"name\": \"Acme\",\n  %s\n}\n",
                                           c->json);
  g_autofree char *quoted = g_strdup_printf ("“%s”", c->field);
  g_autoptr (RetainerAgency) agency = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  agency = retainer_agency_load (path, &error);
  g_assert_null (agency);
  g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_FIELD);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "bad-agency.json"));
  g_assert_nonnull (strstr (error->message, quoted));
  g_assert_nonnull (strstr (error->message, "line 5"));
}

/* What the preferences would store is checked too: save refuses it. */
static void
test_agency_validate (void)
{
  static const struct
  {
    gint64      overhead;
    gint64      staff_cost;
    guint       capacity;
    const char *field;
  } cases[] = {
    { -1, USD (80), 160, "fixed_overhead" },
    { RETAINER_MONEY_MAX + 1, USD (80), 160, "fixed_overhead" },
    { USD (500), -1, 160, "staff_cost_per_hour" },
    { USD (500), USD (100001), 160, "staff_cost_per_hour" },
    { USD (500), USD (80), 0, "team_capacity_hours" },
    { USD (500), USD (80), 100001, "team_capacity_hours" },
  };
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "agency.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (RetainerAgency) agency = agency_with (cases[i].overhead, cases[i].staff_cost,
                                                       cases[i].capacity);
      g_autofree char *quoted = g_strdup_printf ("“%s”", cases[i].field);
      g_autoptr (GError) error = NULL;

      g_assert_false (retainer_agency_validate (agency, "agency.json", &error));
      g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_FIELD);
      g_assert_nonnull (strstr (error->message, quoted));
      g_clear_error (&error);
      g_assert_false (retainer_agency_save (agency, path, &error));
      g_assert_nonnull (error);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

/* ---- the rate cards' staff hours --------------------------------------- */

/* A card as saved in its file, parsed back (amounts are written raw). */
static cJSON *
card_file_json (const RetainerRateCard *card)
{
  g_autoptr (cJSON) json = retainer_rate_card_to_json (card);
  g_autofree char *text = cJSON_Print (json);
  cJSON *parsed = cJSON_Parse (text);

  g_assert_nonnull (parsed);
  return parsed;
}

static void
test_card_staff_hours (void)
{
  static const struct
  {
    const char *card;
    const char *tier;
    double      low;
    double      high;
  } cases[] = {
    { "fine-tuning-agency", "essentials", 1.7, 2 },
    { "fine-tuning-agency", "growth", 4, 6 },
    { "fine-tuning-agency", "enterprise", 15, 25 },
    { "model-maintenance", "monitoring", 0.75, 1.5 },
    { "model-maintenance", "quarterly", 1.9, 3.75 },
    { "model-maintenance", "monthly-expansion", 5, 8.75 },
    { "ai-services", "system-management", 4, 5 },
    { "ai-services", "ten-hours", 10, 10 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RetainerRateCard) card = retainer_rate_card_load_builtin (cases[i].card, &error);
      g_autoptr (cJSON) json = NULL;
      g_autoptr (RetainerRateCard) again = NULL;
      int index;

      g_assert_no_error (error);
      index = retainer_rate_card_find_tier (card, cases[i].tier);
      g_assert_cmpint (index, >=, 0);
      g_assert_cmpfloat (card->tiers[index].staff_hours_low, ==, cases[i].low);
      g_assert_cmpfloat (card->tiers[index].staff_hours_high, ==, cases[i].high);

      /* Saved and read back, the hours stay. */
      json = card_file_json (card);
      again = retainer_rate_card_from_json (json, NULL, "", &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (again->tiers[index].staff_hours_low, ==, cases[i].low);
      g_assert_cmpfloat (again->tiers[index].staff_hours_high, ==, cases[i].high);
    }
}

static RetainerRateCard *
card_with_cost (const char *growth_cost,
                GError    **error)
{
  g_autoptr (RetainerRateCard) card = default_card ();
  g_autoptr (cJSON) json = card_file_json (card);
  cJSON *growth = cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (json, "tiers"), 1);
  cJSON *cost = cJSON_Parse (growth_cost);
  g_autofree char *text = NULL;
  RetainerJsonSource source = { "my-card.json", NULL };

  g_assert_nonnull (cost);
  cJSON_ReplaceItemInObjectCaseSensitive (growth, "cost", cost);
  text = cJSON_Print (json);
  source.text = text;
  return retainer_rate_card_from_json (json, &source, "", error);
}

/* Cards written before the book still load: hours from the labour cost. */
static void
test_card_staff_hours_default (void)
{
  static const struct
  {
    const char *name;
    const char *cost;
    double      low;
    double      high;
  } cases[] = {
    /* $600-1,000 at $80 an hour */
    { "from-labour", "{\"platform\": 14.5, \"labour_low\": 600, \"labour_high\": 1000}", 7.5, 12.5 },
    /* $250 / $80 = 3.125, kept to the hundredth */
    { "rounded", "{\"labour_low\": 250, \"labour_high\": 250}", 3.13, 3.13 },
    { "no-labour", "{\"platform\": 14.5}", 0, 0 },
    { "low-alone", "{\"labour_low\": 600, \"labour_high\": 1000, \"staff_hours_low\": 4}", 4, 4 },
    { "high-alone", "{\"staff_hours_high\": 6}", 6, 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RetainerRateCard) card = card_with_cost (cases[i].cost, &error);

      g_test_message ("%s", cases[i].name);
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (card->tiers[1].staff_hours_low, cases[i].low, 1e-9);
      g_assert_cmpfloat_with_epsilon (card->tiers[1].staff_hours_high, cases[i].high, 1e-9);
    }
}

static void
test_card_staff_hours_refused (void)
{
  static const struct
  {
    const char *cost;
    const char *field;
  } cases[] = {
    { "{\"staff_hours_low\": -1, \"staff_hours_high\": 6}", "tiers[1].cost.staff_hours_low" },
    { "{\"staff_hours_low\": 4, \"staff_hours_high\": 800}", "tiers[1].cost.staff_hours_high" },
    { "{\"staff_hours_low\": 4, \"staff_hours_high\": 1e999}", "tiers[1].cost.staff_hours_high" },
    { "{\"staff_hours_low\": 6, \"staff_hours_high\": 4}", "tiers[1].cost.staff_hours_low" },
    { "{\"staff_hours_low\": \"4\"}", "tiers[1].cost.staff_hours_low" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RetainerRateCard) card = card_with_cost (cases[i].cost, &error);
      g_autofree char *quoted = g_strdup_printf ("“%s”", cases[i].field);

      g_assert_null (card);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "my-card.json"));
      g_assert_nonnull (strstr (error->message, quoted));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/book/seed", test_seed);
  g_test_add_func ("/core/book/seed/clients-folder", test_seed_folder);
  for (guint i = 0; i < G_N_ELEMENTS (midpoint_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/book/midpoints/%s", midpoint_cases[i].name);

      g_test_add_data_func (path, &midpoint_cases[i], test_midpoints);
    }
  g_test_add_func ("/core/book/midpoints/ten-clients", test_midpoints_ten);
  g_test_add_func ("/core/book/actuals-independent", test_actuals_independent);
  g_test_add_func ("/core/book/billed-retainer", test_billed_retainer);
  for (guint i = 0; i < G_N_ELEMENTS (capacity_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/book/capacity/%s", capacity_cases[i].name);

      g_test_add_data_func (path, &capacity_cases[i], test_capacity);
    }
  for (guint i = 0; i < G_N_ELEMENTS (floor_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/book/margin-floor/%s", floor_cases[i].name);

      g_test_add_data_func (path, &floor_cases[i], test_margin_floor);
    }
  g_test_add_func ("/core/book/prospect/growth", test_prospect_growth);
  g_test_add_func ("/core/book/prospect/over-capacity", test_prospect_over_capacity);
  g_test_add_func ("/core/book/prospect/empty-book-and-currency",
                   test_prospect_empty_book_and_currency);
  g_test_add_func ("/core/book/series/month-one-to-six", test_series_month_one_to_six);
  g_test_add_func ("/core/book/series/merges-clients", test_series_merges_clients);
  g_test_add_func ("/core/book/json", test_json);
  g_test_add_func ("/core/book/json/flags-and-empty", test_json_flags_and_empty);
  g_test_add_func ("/core/book/csv", test_csv);
  g_test_add_func ("/core/book/csv/estimates-and-empty", test_csv_estimates_and_empty);
  g_test_add_func ("/core/book/format-hours", test_format_hours);

  g_test_add_func ("/core/agency/book-figures", test_agency_figures);
  for (guint i = 0; i < G_N_ELEMENTS (bad_agencies); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/agency/book-figures/refused/%s",
                                               bad_agencies[i].name);

      g_test_add_data_func (path, &bad_agencies[i], test_agency_refused);
    }
  g_test_add_func ("/core/agency/book-figures/validate", test_agency_validate);

  g_test_add_func ("/core/rate-card/staff-hours", test_card_staff_hours);
  g_test_add_func ("/core/rate-card/staff-hours/default", test_card_staff_hours_default);
  g_test_add_func ("/core/rate-card/staff-hours/refused", test_card_staff_hours_refused);

  return g_test_run ();
}
