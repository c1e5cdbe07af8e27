/* retainer-client.h: a proposal the client accepted, and the months recorded
 * since it went live
 *
 * A client file is a proposal file ("format": "retainer-proposal", every
 * key of the proposal as the README lists them) with one more object,
 * "client". The proposal part is frozen: no function here changes it, and
 * the figures promised on acceptance are kept as stored, whatever a later
 * Retainer or a later rate card would compute.
 *
 *   "client": {
 *     "accepted_date": "2025-09-02",     YYYY-MM-DD, required
 *     "accepted_revision": 1,            the proposal revision the client signed, 1 to 9999,
 *                                        required
 *     "go_live_month": "2025-09",        YYYY-MM, not before the acceptance month, required
 *     "promised": {                      what the accepted proposal promised; written on
 *                                        acceptance, computed from the proposal when absent
 *       "tier": "essentials",            a tier id of the proposal's rate card
 *       "setup_fee": 6000,               F, 0 to 10^12
 *       "monthly_retainer": 2000,        R, 0 to 10^12
 *       "net": [-6000, -3800, …]         the projected cumulative net N(m), m = 0 to the
 *                                        horizon (horizon_months + 1 amounts, ±10^12;
 *                                        net[0] = -setup_fee)
 *     },
 *     "months": [                        oldest first: the first is the go-live month, each
 *                                        next one the calendar month after (no gaps, no
 *                                        repeats), at most 1200
 *       {
 *         "month": "2025-09",            YYYY-MM, required
 *         "api_cost_equivalent": 3900,   E_k: what the month's production traffic would have
 *                                        cost on the API, 0 to 10^12, required
 *         "retainer_billed": 2000,       B_k, 0 to 10^12; default the promised retainer
 *         "estimate": {                  optional: how E_k was estimated from usage, the
 *                                        same object as a proposal's "spend_estimate"
 *                                        (retainer-spend-estimate.h has its keys and
 *                                        ranges; docs/calculation.md, "Estimating the
 *                                        spend from usage", the arithmetic), in the
 *                                        proposal's currency
 *           "requests_per_month": 1300000,      or "requests_per_day"
 *           "input_tokens": 1200,
 *           "output_tokens": 300,
 *           "provider": "OpenAI",
 *           "model": "GPT-4o",
 *           "input_price": 2.5,
 *           "output_price": 10,
 *           "prices_read": "2025-08-01",
 *           "source": "https://…",              optional
 *           "currency": "USD",                  the proposal's currency
 *           "exchange_rate": 0.92               required unless the currency is USD
 *         },
 *         "retraining": {                optional: absent when the model was not retrained
 *           "new_examples": 1240,        whole number, 0 to 10^9
 *           "source": "…",               text up to 500 characters
 *           "training_hours": 3.5,       0 to 10000
 *           "hardware": "1 x A100 80 GB" text up to 200 characters
 *         },
 *         "metrics": [                   at most 50, names unique within the month
 *           {
 *             "name": "Overall accuracy",        text, 1 to 100 characters, required
 *             "unit": "%",                       "%", "s", "ms" or the founder's own word,
 *                                                up to 16 characters without brackets ("" for
 *                                                a plain count);
 *                                                required
 *             "direction": "higher-is-better",   or "lower-is-better", required
 *             "value": 94.1                      finite; 0 to 100 for "%", ±10^9 otherwise;
 *                                                null or absent: not measured yet
 *           }
 *         ],
 *         "actual_costs": {              optional, the agency's own figures (never on a
 *                                        client's document): what serving this client cost
 *                                        this month
 *           "platform": 14.5,            0 to 10^12
 *           "compute": 120,              0 to 10^12
 *           "staff_hours": 2.5           0 to 744
 *         }
 *       }
 *     ]
 *   }
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cjson/cJSON.h>

#include "retainer-json.h"
#include "retainer-proposal.h"
#include "retainer-spend-estimate.h"

G_BEGIN_DECLS

#define RETAINER_CLIENT_MAX_MONTHS 1200
#define RETAINER_CLIENT_MAX_METRICS 50
#define RETAINER_CLIENT_MAX_REVISION 9999
#define RETAINER_METRIC_NAME_MAX_LENGTH 100
#define RETAINER_METRIC_UNIT_MAX_LENGTH 16
#define RETAINER_METRIC_MAX_VALUE 1000000000.0
#define RETAINER_STAFF_HOURS_MAX 744.0
#define RETAINER_TRAINING_HOURS_MAX 10000.0

#define RETAINER_CLIENT_ERROR (retainer_client_error_quark ())

typedef enum
{
  RETAINER_CLIENT_ERROR_INVALID,      /* a field breaks a rule: dates, month order, ranges */
  RETAINER_CLIENT_ERROR_NOT_A_CLIENT, /* a proposal that was never accepted */
  RETAINER_CLIENT_ERROR_NO_MONTH,     /* the month or quarter asked for is not recorded */
  RETAINER_CLIENT_ERROR_EXISTS,       /* importing over a client that is already kept */
  RETAINER_CLIENT_ERROR_CSV,          /* a months file row that cannot be imported */
} RetainerClientError;

GQuark retainer_client_error_quark (void);

typedef enum
{
  RETAINER_METRIC_HIGHER_IS_BETTER,
  RETAINER_METRIC_LOWER_IS_BETTER,
  RETAINER_N_METRIC_DIRECTIONS
} RetainerMetricDirection;

/* "higher-is-better", "lower-is-better", NULL */
extern const char *const retainer_metric_direction_ids[];

typedef struct
{
  char                   *name;
  char                   *unit;      /* "%", "s", "ms", the founder's word or "" */
  RetainerMetricDirection direction;
  gboolean                has_value; /* FALSE: carried over, not measured yet */
  double                  value;
} RetainerMetric;

typedef struct
{
  char                  *month;               /* YYYY-MM */
  gint64                 api_cost_equivalent; /* E_k, minor units */
  gint64                 retainer_billed;     /* B_k, minor units */
  RetainerSpendBasis    *estimate;            /* nullable: the usage E_k was estimated from */
  gboolean               retrained;
  guint                  new_examples;
  char                  *training_source;     /* may be NULL */
  double                 training_hours;
  char                  *hardware;            /* may be NULL */
  GPtrArray             *metrics;             /* RetainerMetric */
  /* The agency's own costs that month: private, never on a client's document. */
  gboolean               has_actual_platform;
  gint64                 actual_platform;
  gboolean               has_actual_compute;
  gint64                 actual_compute;
  gboolean               has_actual_staff_hours;
  double                 actual_staff_hours;
} RetainerClientMonth;

/* The figures the client signed for, frozen at acceptance. */
typedef struct
{
  char   *tier_id;
  gint64  setup_fee;        /* F */
  gint64  monthly_retainer; /* R */
  GArray *net;              /* gint64 N(m), m = 0 .. horizon */
} RetainerPromise;

typedef struct
{
  RetainerProposal *proposal;          /* the accepted proposal, frozen */
  char             *accepted_date;     /* YYYY-MM-DD */
  guint             accepted_revision;
  char             *go_live_month;     /* YYYY-MM */
  RetainerPromise   promise;
  GPtrArray        *months;            /* RetainerClientMonth, oldest first */
} RetainerClient;

/* Calendar months as one number (year x 12 + month - 1), for arithmetic. */
gboolean             retainer_month_parse            (const char               *text,
                                                      int                      *index);
char                *retainer_month_to_string        (int                       index);
gboolean             retainer_date_parse             (const char               *text,
                                                      int                      *month_index);

RetainerMetric      *retainer_metric_new             (const char               *name,
                                                      const char               *unit,
                                                      RetainerMetricDirection   direction);
RetainerMetric      *retainer_metric_copy            (const RetainerMetric     *metric);
void                 retainer_metric_free            (RetainerMetric           *metric);
gboolean             retainer_metric_is_percent      (const RetainerMetric     *metric);

RetainerClientMonth *retainer_client_month_new       (const char               *month);
RetainerClientMonth *retainer_client_month_copy      (const RetainerClientMonth *month);
void                 retainer_client_month_free      (RetainerClientMonth      *month);
const RetainerMetric *retainer_client_month_find_metric (const RetainerClientMonth *month,
                                                         const char               *name);

RetainerClient      *retainer_client_accept          (const RetainerProposal   *proposal,
                                                      const char               *accepted_date,
                                                      guint                     accepted_revision,
                                                      const char               *go_live_month,
                                                      GError                  **error);
RetainerClient      *retainer_client_copy            (const RetainerClient     *client);
void                 retainer_client_free            (RetainerClient           *client);
gboolean             retainer_client_equal           (const RetainerClient     *a,
                                                      const RetainerClient     *b);
gboolean             retainer_client_validate        (const RetainerClient     *client,
                                                      const RetainerJsonSource *source,
                                                      GError                  **error);
RetainerClientMonth *retainer_client_add_next_month  (RetainerClient           *client);
int                  retainer_client_find_month      (const RetainerClient     *client,
                                                      const char               *month);
/* Calendar months from the acceptance month to the go-live month. */
int                  retainer_client_go_live_offset  (const RetainerClient     *client);

/* The proposal's figures for R and F as the client's own documents show them. */
gint64               retainer_client_setup_fee       (const RetainerClient     *client);
gint64               retainer_client_monthly_retainer (const RetainerClient    *client);
const RetainerTier  *retainer_client_tier            (const RetainerClient     *client);

/* Whether a parsed file holds a client rather than a plain proposal. */
gboolean             retainer_client_json_is_client  (const cJSON              *root);

RetainerClient      *retainer_client_from_json       (const cJSON              *root,
                                                      const RetainerJsonSource *source,
                                                      GError                  **error);
cJSON               *retainer_client_to_json         (const RetainerClient     *client);
RetainerClient      *retainer_client_load            (const char               *path,
                                                      GError                  **error);
RetainerClient      *retainer_client_load_data       (const char               *text,
                                                      gsize                     length,
                                                      const char               *display_name,
                                                      GError                  **error);
gboolean             retainer_client_save            (const RetainerClient     *client,
                                                      const char               *path,
                                                      GError                  **error);

/* Where clients are kept: $XDG_DATA_HOME/retainer/clients, which the
 * Flatpak sandbox can always reach. */
typedef struct
{
  char           *path;
  RetainerClient *client;
} RetainerClientEntry;

char                *retainer_clients_dir            (void);
char                *retainer_client_file_name       (const RetainerClient     *client);
GPtrArray           *retainer_clients_list           (GPtrArray               **problems);
void                 retainer_client_entry_free      (RetainerClientEntry      *entry);
char                *retainer_clients_store          (const RetainerClient     *client,
                                                      GError                  **error);
gboolean             retainer_client_export          (const RetainerClient     *client,
                                                      const char               *path,
                                                      GError                  **error);
char                *retainer_clients_import         (const char               *path,
                                                      gboolean                  replace,
                                                      GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerMetric, retainer_metric_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerClientMonth, retainer_client_month_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerClient, retainer_client_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerClientEntry, retainer_client_entry_free)

G_END_DECLS
