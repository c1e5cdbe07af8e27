/* retainer-price-table.h: list prices of hosted models, per million tokens
 *
 * A price table is a file like a rate card:
 *
 *   {
 *     "format": "retainer-price-table",
 *     "version": 1,
 *     "name": "List prices from the providers' pages",
 *     "prices_read": "2026-11-30",
 *     "note": "optional: where and how the prices were read",
 *     "models": [
 *       {
 *         "provider": "OpenAI",
 *         "name": "GPT-4o",
 *         "input_price": 2.5,
 *         "output_price": 10,
 *         "source": "https://…/pricing",
 *         "prices_read": "2026-11-02"
 *       }
 *     ]
 *   }
 *
 *   format        "retainer-price-table"
 *   version       1; a newer version is refused and the file left as it is
 *   name          the table's name, 1 to 120 characters
 *   prices_read   YYYY-MM-DD: the date the table's prices were read
 *   note          optional, up to 2000 characters
 *   models        1 to 500 models, each with:
 *     provider      who sells it, 1 to 80 characters
 *     name          the model as the provider names it, 1 to 120 characters;
 *                   provider and name together are unique in a table
 *     input_price   US dollars per million input tokens, 0 to 10,000, at
 *                   most 6 decimals; read exactly, never rounded
 *     output_price  US dollars per million output tokens, likewise
 *     source        the public page the prices came from, an http(s) address
 *     prices_read   optional YYYY-MM-DD: when this model's prices were read,
 *                   when it is not the table's date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cjson/cJSON.h>

#include "retainer-json.h"

G_BEGIN_DECLS

#define RETAINER_PRICE_TABLE_FORMAT "retainer-price-table"
#define RETAINER_PRICE_TABLE_VERSION 1
#define RETAINER_PRICE_TABLE_MAX_MODELS 500

/* Prices and exchange rates are exact decimals kept in millionths:
 * 2.50 is 2500000. No binary floating point ever holds them. */
#define RETAINER_DECIMAL_SCALE G_GINT64_CONSTANT (1000000)
#define RETAINER_DECIMAL_DIGITS 6
/* The dearest price a table may give: USD 10,000 per million tokens. */
#define RETAINER_PRICE_MAX (G_GINT64_CONSTANT (10000) * RETAINER_DECIMAL_SCALE)

typedef struct
{
  char  *provider;
  char  *name;
  gint64 input_price;   /* USD per million input tokens, in millionths of a dollar */
  gint64 output_price;  /* USD per million output tokens, likewise */
  char  *source;        /* the public page the prices came from */
  char  *prices_read;   /* YYYY-MM-DD */
} RetainerModelPrice;

typedef struct
{
  char               *name;
  char               *prices_read; /* YYYY-MM-DD */
  char               *note;        /* nullable */
  RetainerModelPrice *models;
  guint               n_models;
  char               *path;        /* the file it was loaded from; NULL when built in */
  gboolean            builtin;     /* shipped with Retainer */
} RetainerPriceTable;

#define RETAINER_PRICE_TABLE_ERROR (retainer_price_table_error_quark ())

typedef enum
{
  RETAINER_PRICE_TABLE_ERROR_INVALID,   /* the table contradicts itself: no models, a model twice */
  RETAINER_PRICE_TABLE_ERROR_NOT_FOUND,
} RetainerPriceTableError;

GQuark              retainer_price_table_error_quark (void);

RetainerPriceTable *retainer_price_table_copy        (const RetainerPriceTable   *table);
void                retainer_price_table_free        (RetainerPriceTable         *table);
gboolean            retainer_price_table_equal       (const RetainerPriceTable   *a,
                                                      const RetainerPriceTable   *b);
gboolean            retainer_price_table_validate    (const RetainerPriceTable   *table,
                                                      const RetainerJsonSource   *source,
                                                      GError                    **error);
int                 retainer_price_table_find_model  (const RetainerPriceTable   *table,
                                                      const char                 *provider,
                                                      const char                 *name);
/* Editing in the window: a new table, a copy of another to make one's own,
 * a model added at the end or removed. retainer_price_table_save()
 * validates before it writes. */
RetainerPriceTable *retainer_price_table_new         (const char                 *name,
                                                      const char                 *prices_read);
RetainerPriceTable *retainer_price_table_copy_as_own (const RetainerPriceTable   *table,
                                                      const char                 *name);
void                retainer_price_table_add_model   (RetainerPriceTable         *table,
                                                      const char                 *provider,
                                                      const char                 *name,
                                                      gint64                      input_price,
                                                      gint64                      output_price,
                                                      const char                 *source,
                                                      const char                 *prices_read);
void                retainer_price_table_remove_model (RetainerPriceTable        *table,
                                                      guint                       index);

RetainerPriceTable *retainer_price_table_from_json   (const cJSON                *root,
                                                      const RetainerJsonSource   *source,
                                                      GError                    **error);
cJSON              *retainer_price_table_to_json     (const RetainerPriceTable   *table);
RetainerPriceTable *retainer_price_table_load_data   (const char                 *text,
                                                      gsize                       length,
                                                      const char                 *display_name,
                                                      GError                    **error);
RetainerPriceTable *retainer_price_table_load        (const char                 *path,
                                                      GError                    **error);
gboolean            retainer_price_table_save        (const RetainerPriceTable   *table,
                                                      const char                 *path,
                                                      GError                    **error);

/* The table shipped with Retainer (compiled in as a GResource). */
RetainerPriceTable *retainer_price_table_load_builtin (GError                   **error);
/* The built-in table followed by the valid tables in the user's data folder
 * ($XDG_DATA_HOME/retainer/price-tables/, each file ending in .json, by
 * file name). Files that fail to load are reported in `problems` (one message each) and skipped. */
GPtrArray          *retainer_price_table_list_all    (GPtrArray                 **problems);
char               *retainer_price_table_user_dir    (void);

/* Exact decimals in millionths. Typed text and text for people go through
 * retainer-number.h (six decimals, the marks in effect); files keep exact
 * JSON numbers. */
gboolean            retainer_millionths_parse        (const char                 *text,
                                                      gint64                      max,
                                                      gint64                     *millionths,
                                                      GError                    **error);
char               *retainer_millionths_format       (gint64                      millionths,
                                                      guint                       min_decimals);
gboolean            retainer_decimal_from_json       (double                      number,
                                                      gint64                      max,
                                                      gint64                     *millionths);
char               *retainer_decimal_to_json         (gint64                      millionths);
char               *retainer_price_format            (gint64                      millionths);
gboolean            retainer_iso_date_is_valid       (const char                 *text);
gboolean            retainer_public_page_is_valid    (const char                 *address);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerPriceTable, retainer_price_table_free)

G_END_DECLS
