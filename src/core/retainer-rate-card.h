/* retainer-rate-card.h: the founder's price list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cjson/cJSON.h>

#include "retainer-enums.h"
#include "retainer-json.h"

G_BEGIN_DECLS

#define RETAINER_RATE_CARD_FORMAT "retainer-rate-card"
#define RETAINER_RATE_CARD_VERSION 1
#define RETAINER_RATE_CARD_DEFAULT_ID "fine-tuning-agency"
#define RETAINER_RATE_CARD_MAX_TIERS 12
/* The cautious case's defaults and limits. */
#define RETAINER_CAUTIOUS_COVERAGE_FACTOR_PCT 50.0
#define RETAINER_CAUTIOUS_GO_LIVE_DELAY_MONTHS 2
#define RETAINER_CAUTIOUS_GO_LIVE_DELAY_MAX 12
/* Staff hours a month one client of a tier takes: at most every hour of a
 * 31-day month. A card that leaves them out (one written before the book)
 * gets its labour cost at RETAINER_RATE_CARD_DEFAULT_HOURLY_COST an hour
 * (80 of the card's currency, the agency profile's default loaded cost),
 * rounded to the hundredth of an hour; one end given alone is both ends.
 *
 * The built-in cards' hours: the fine-tuning card's are docs/calculation.md's
 * (Essentials 1.7-2, Growth 4-6, Enterprise 15-25); the model maintenance
 * card's are its labour cost at 80 an hour (0.75-1.5, 1.9-3.75, 5-8.75),
 * which matches its work (a weekly metric review and a monthly report, then
 * a retrain a quarter, then a retrain a month); the AI services card's are
 * the hours it sells (system maintenance 4 h and the report 1 h on the
 * lighter plan, so 4-5; 10 on the 10-hour retainer). */
#define RETAINER_TIER_STAFF_HOURS_MAX 744.0
#define RETAINER_RATE_CARD_DEFAULT_HOURLY_COST (G_GINT64_CONSTANT (8000))

typedef struct
{
  gint64 low;      /* minor units */
  gint64 high;
  char  *summary;  /* what makes a case this level */
  char  *example;
} RetainerSetupBand;

typedef struct
{
  char                   *id;
  char                   *name;
  char                   *summary;
  char                  **includes;          /* NULL-terminated */
  gint64                  price;             /* list price per month, the top of its range */
  gint64                  price_floor;       /* the lowest the founder may discount to */
  RetainerRetraining      retraining;
  RetainerChangeFrequency suits_change;      /* the fastest-changing business it serves */
  gboolean                dedicated_instance;
  RetainerSupport         support;
  guint                   included_use_cases;
  /* The agency's own delivery cost per month. */
  gint64                  platform_cost;
  gboolean                platform_per_use_case; /* platform cost counted per model instance */
  gint64                  compute_cost_low;
  gint64                  compute_cost_high;
  gint64                  labour_cost_low;
  gint64                  labour_cost_high;
  double                  staff_hours_low;       /* staff hours a month, for the book */
  double                  staff_hours_high;
  double                  target_margin_low_pct;
  double                  target_margin_high_pct;
} RetainerTier;

typedef struct
{
  char              *id;
  char              *name;
  char              *description;
  char              *currency;
  RetainerSetupBand  bands[RETAINER_N_COMPLEXITIES];
  RetainerTier      *tiers;                  /* ordered by list price, cheapest first */
  guint              n_tiers;
  /* Policies */
  gint64             candidate_threshold;    /* monthly API spend that makes a savings candidate */
  double             min_savings_share_pct;  /* of the covered spend the client keeps */
  double             annual_discount_pct;
  gint64             expansion_price;        /* per extra use case per month */
  gint64             overhead_low;           /* agency fixed overhead per month */
  gint64             overhead_high;
  double             margin_floor_pct;
  gint64             build_cost_low;         /* the agency's own cost of a build */
  gint64             build_cost_high;
  /* The cautious case (docs/calculation.md): only this share of the covered
   * spend moves to the model, and go-live slips by these months. */
  double             cautious_coverage_factor_pct;
  guint              cautious_go_live_delay_months;
  gboolean           builtin;                /* shipped with Retainer, not loaded from a file */
} RetainerRateCard;

#define RETAINER_RATE_CARD_ERROR (retainer_rate_card_error_quark ())

typedef enum
{
  RETAINER_RATE_CARD_ERROR_INVALID, /* the card contradicts itself: no tiers, overlapping bands */
  RETAINER_RATE_CARD_ERROR_NOT_FOUND,
} RetainerRateCardError;

GQuark            retainer_rate_card_error_quark   (void);

RetainerRateCard *retainer_rate_card_copy          (const RetainerRateCard   *card);
void              retainer_rate_card_free          (RetainerRateCard         *card);
gboolean          retainer_rate_card_validate      (const RetainerRateCard   *card,
                                                    const RetainerJsonSource *source,
                                                    const char               *path,
                                                    GError                  **error);
int               retainer_rate_card_find_tier     (const RetainerRateCard   *card,
                                                    const char               *tier_id);
gint64            retainer_setup_band_midpoint     (const RetainerSetupBand  *band);

/* JSON: `path` is where the card sits inside its file ("" for a card file,
 * "rate_card" inside a proposal). */
RetainerRateCard *retainer_rate_card_from_json     (const cJSON              *object,
                                                    const RetainerJsonSource *source,
                                                    const char               *path,
                                                    GError                  **error);
cJSON            *retainer_rate_card_to_json       (const RetainerRateCard   *card);
RetainerRateCard *retainer_rate_card_load          (const char               *path,
                                                    GError                  **error);
gboolean          retainer_rate_card_save          (const RetainerRateCard   *card,
                                                    const char               *path,
                                                    GError                  **error);

/* The cards shipped with Retainer (compiled in as GResources), default first. */
GPtrArray        *retainer_rate_card_list_builtin  (void);
RetainerRateCard *retainer_rate_card_load_builtin  (const char               *id,
                                                    GError                  **error);
/* Built-in cards followed by the valid cards in the user's data folder
 * ($XDG_DATA_HOME/retainer/rate-cards/). Files that fail to load are
 * reported in `problems` (one message each) and skipped. */
GPtrArray        *retainer_rate_card_list_all      (GPtrArray               **problems);
char             *retainer_rate_card_user_dir      (void);

/* Texts of the built-in cards, NULL-terminated, marked for translation. */
extern const char *const retainer_rate_card_builtin_texts[];
/* A card's text in the user's language when it is a built-in card's text,
 * as written otherwise: the founder's own words are never changed. */
const char       *retainer_rate_card_text          (const char               *text);

/* Sum of list prices: a portfolio of clients, `counts[i]` on tier i. */
gint64            retainer_rate_card_portfolio_mrr (const RetainerRateCard   *card,
                                                    const guint              *counts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerRateCard, retainer_rate_card_free)

G_END_DECLS
