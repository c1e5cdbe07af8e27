/* retainer-book.h: the agency across its clients (docs/calculation.md,
 * "The book")
 *
 * The book is the founder's private view: every accepted client with its
 * tier, its current monthly retainer and what serving it costs the agency
 * each month, then the totals with the agency's fixed overhead.
 *
 * One client's row:
 * - the monthly retainer is the latest recorded month's retainer billed,
 *   or the accepted retainer while no month is recorded;
 * - each of the three costs is the latest month's actual figure when the
 *   founder entered it ("actual_costs" in the client file), and otherwise
 *   the tier's card figure at the middle of its range:
 *     platform     the tier's platform cost, times the proposal's use cases
 *                  (model instances) when the card counts it per use case
 *     compute      (compute low + compute high) / 2
 *     staff hours  (staff hours low + staff hours high) / 2
 *   (the card the client was priced with, as kept in its file);
 * - staff cost = staff hours x the agency's loaded staff cost per hour;
 * - margin = retainer - (platform + compute + staff cost); the fixed
 *   overhead is the agency's, counted once in the totals, never per client.
 *
 * Rounding: amounts are integer minor units and every product is rounded
 * to the cent with the core's one rule (halves away from zero). Staff hours
 * are rounded to the hundredth of an hour per client and per month before
 * anything adds them or prices them, so the totals are exact sums of what
 * the rows show, and a row's staff cost is its hours as shown times the
 * hourly cost. Margin percentages are doubles (margin / MRR x 100, 0 when
 * there is no revenue); people see them with one decimal
 * (retainer_format_percent (pct, 1)); the JSON and the CSV get two,
 * rounded from the integer amounts, halves away from zero (1,725.50 of
 * 2,000 is 86.275 %, written 86.28), so files never depend on how a
 * double falls.
 *
 * Flags: the hours exceed the team's capacity; the gross margin falls below
 * the margin floor. A client's row carries the floor of the card it was
 * priced with; the book's floor is the highest of its rows' floors (the
 * one card a founder normally uses, its floor).
 *
 * The series for the chart has one point per calendar month in which at
 * least one client has a month recorded, oldest first: the retainers billed
 * that month, the costs of those months (actual or card figures, as above)
 * plus the fixed overhead, the margin and the staff hours. A client whose
 * hours fall from 20 in its first month to 4 in its sixth shows it there.
 *
 * A book holds one currency: the first client's (retainer_book_load() takes
 * the one most clients use). Retainer never converts currencies, so a
 * client or prospect in another currency is refused with
 * RETAINER_BOOK_ERROR_CURRENCY. The agency profile's overhead and hourly
 * cost are read in the book's currency.
 *
 * `retainer --book` prints retainer_book_to_json(): amounts in major units,
 * as exact numbers, like --summary.
 *
 *   {
 *     "currency": "USD",                      null for a book without clients
 *     "agency": { "fixed_overhead": 500, "staff_cost_per_hour": 80,
 *                 "team_capacity_hours": 160 },
 *     "clients": [                            in the order they were added
 *       { "company": "…", "file": "….retainer" or null, "rate_card": "fine-tuning-agency",
 *         "tier": "growth", "tier_name": "Growth", "month": "2026-06" or null,
 *         "monthly_retainer": 5000, "retainer_source": "billed" or "accepted",
 *         "platform_cost": 14.5, "compute_cost": 300, "staff_hours": 5,
 *         "staff_cost": 400, "monthly_cost": 714.5, "margin": 4285.5,
 *         "margin_pct": 85.71, "margin_floor_pct": 60,
 *         "actual_costs": [],                 the figures entered for the month, of
 *                                             "platform", "compute", "staff_hours"
 *         "flags": [] }                       or ["margin-below-floor"]
 *     ],
 *     "totals": { "clients": 10, "mrr": 48000, "platform_cost": 145, "compute_cost": 3000,
 *                 "staff_hours": 80, "staff_cost": 6400, "fixed_overhead": 500,
 *                 "total_costs": 10045, "gross_margin": 37955, "margin_pct": 79.07,
 *                 "margin_floor_pct": 60, "team_capacity_hours": 160,
 *                 "capacity_used_pct": 50,
 *                 "flags": [] },                  or "over-capacity", "margin-below-floor"
 *     "months": [ { "month": "2026-01", "clients": 10, "mrr": 48000, "total_costs": 10045,
 *                   "gross_margin": 37955, "margin_pct": 79.07, "staff_hours": 80 } ]
 *   }
 *
 * retainer_book_to_csv() writes the same rows for the founder's accountant:
 * RFC 4180, UTF-8, CRLF line ends, numbers with a dot and no grouping, one
 * row per client then one totals row, under this header:
 *
 *   row,company,file,month,tier,monthly_retainer,platform_cost,compute_cost,
 *   staff_hours,staff_cost,fixed_overhead,monthly_cost,gross_margin,margin_pct,
 *   actual_costs,currency
 *
 * "row" is "client" or "total"; "actual_costs" names the figures the founder
 * entered, separated by spaces ("platform compute staff_hours"), empty when
 * all three are the card's. The totals row leaves company, file, month,
 * tier and actual_costs empty, holds the fixed overhead, and its
 * monthly_cost is the total costs, overhead included; a client row leaves
 * fixed_overhead empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cjson/cJSON.h>

#include "retainer-agency.h"
#include "retainer-client.h"
#include "retainer-proposal.h"
#include "retainer-recommend.h"

G_BEGIN_DECLS

#define RETAINER_BOOK_ERROR (retainer_book_error_quark ())

typedef enum
{
  RETAINER_BOOK_ERROR_CURRENCY, /* a client or prospect billed in another currency */
} RetainerBookError;

GQuark retainer_book_error_quark (void);

/* Which of a row's costs the founder entered rather than the card's. */
typedef enum
{
  RETAINER_BOOK_ACTUAL_PLATFORM    = 1 << 0,
  RETAINER_BOOK_ACTUAL_COMPUTE     = 1 << 1,
  RETAINER_BOOK_ACTUAL_STAFF_HOURS = 1 << 2,
} RetainerBookActuals;

typedef enum
{
  RETAINER_BOOK_FLAG_OVER_CAPACITY      = 1 << 0, /* staff hours above the team's capacity */
  RETAINER_BOOK_FLAG_MARGIN_BELOW_FLOOR = 1 << 1, /* margin % under the card's floor */
} RetainerBookFlags;

#define RETAINER_BOOK_N_FLAGS 2

typedef struct
{
  char               *company;          /* as in the proposal; may be "" */
  char               *file;             /* the client file's name; NULL when not known */
  char               *rate_card_id;
  char               *tier_id;
  char               *tier_name;        /* as the card holds it */
  char               *month;            /* the latest month recorded; NULL: none yet */
  gboolean            retainer_billed;  /* the latest month's billed retainer, else the
                                         * accepted one */
  gint64              monthly_retainer;
  gint64              platform_cost;
  gint64              compute_cost;
  double              staff_hours;      /* to the hundredth of an hour */
  gint64              staff_cost;
  gint64              monthly_cost;     /* platform + compute + staff cost */
  gint64              margin;           /* retainer - monthly cost */
  double              margin_pct;
  double              margin_floor_pct; /* of the client's card */
  RetainerBookActuals actuals;
  RetainerBookFlags   flags;            /* MARGIN_BELOW_FLOOR only */
} RetainerBookRow;

typedef struct
{
  guint             n_clients;
  gint64            mrr;
  gint64            platform_cost;
  gint64            compute_cost;
  gint64            staff_cost;
  gint64            fixed_overhead;
  gint64            total_costs;        /* the rows' costs + the fixed overhead */
  gint64            gross_margin;       /* mrr - total costs */
  double            margin_pct;
  double            margin_floor_pct;   /* the highest floor among the rows; 0 without rows */
  double            staff_hours;
  guint             team_capacity_hours;
  double            capacity_used_pct;  /* staff hours / capacity x 100 */
  RetainerBookFlags flags;
} RetainerBookTotals;

/* One point of the chart: a calendar month. */
typedef struct
{
  char   month[8];      /* YYYY-MM */
  guint  n_clients;     /* clients with that month recorded */
  gint64 mrr;           /* retainers billed that month */
  gint64 total_costs;   /* their costs + the fixed overhead */
  gint64 gross_margin;
  double margin_pct;
  double staff_hours;
} RetainerBookMonth;

typedef struct
{
  char               *currency;            /* NULL until a client is added */
  gint64              staff_cost_per_hour; /* from the agency profile */
  GPtrArray          *rows;                /* RetainerBookRow */
  RetainerBookTotals  totals;
  GArray             *months;              /* RetainerBookMonth, oldest first */
} RetainerBook;

/* What a prospect would do to the book: the totals without and with it. */
typedef struct
{
  RetainerBookTotals before;
  RetainerBookTotals after;
  gint64             prospect_monthly_retainer;
  gint64             prospect_monthly_cost;
  double             prospect_staff_hours;
} RetainerBookImpact;

/* An empty book with the agency's overhead, hourly cost and capacity. */
RetainerBook *retainer_book_new               (const RetainerAgency     *agency);
void          retainer_book_free              (RetainerBook             *book);

/* Adds an accepted, valid client; `file_name` (nullable) names its file. */
gboolean      retainer_book_add_client        (RetainerBook             *book,
                                               const RetainerClient     *client,
                                               const char               *file_name,
                                               GError                  **error);
/* Adds the clients of retainer_clients_list(); a client that cannot join
 * the book (another currency) is reported in `problems` and left out. */
void          retainer_book_add_entries       (RetainerBook             *book,
                                               const GPtrArray          *entries,
                                               GPtrArray                *problems);
/* The book of every client kept in retainer_clients_dir(). */
RetainerBook *retainer_book_load              (const RetainerAgency     *agency,
                                               GPtrArray               **problems);

/* The book before and after a prospect priced as `result` says. */
gboolean      retainer_book_prospect_impact   (const RetainerBook       *book,
                                               const RetainerProposal   *proposal,
                                               const RetainerResult     *result,
                                               RetainerBookImpact       *impact,
                                               GError                  **error);

/* The `retainer --book` document. */
cJSON        *retainer_book_to_json           (const RetainerBook       *book);
/* The accountant's CSV. */
char         *retainer_book_to_csv            (const RetainerBook       *book);
gboolean      retainer_book_save_csv          (const RetainerBook       *book,
                                               const char               *path,
                                               GError                  **error);

const char   *retainer_book_flag_to_id        (RetainerBookFlags         flag);
/* One sentence for a flag of `totals`, translated: "The team's staff hours
 * (180 a month) exceed its capacity of 160 hours." */
char         *retainer_book_describe_flag     (const RetainerBookTotals *totals,
                                               RetainerBookFlags         flag);
/* "80", "67.4", "1.85": hours with the locale's marks, at most two decimals. */
char         *retainer_book_format_hours      (double                    hours);
/* "80 of 160 hours", translated. */
char         *retainer_book_describe_capacity (double                    hours,
                                               guint                     capacity_hours);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerBook, retainer_book_free)

G_END_DECLS
