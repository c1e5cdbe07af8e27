/* retainer-money.h: amounts as integer minor units, rounding and formatting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest amount a proposal or rate card may hold, in major units. */
#define RETAINER_MONEY_MAX_MAJOR 1000000000000.0
#define RETAINER_MONEY_MAX (G_GINT64_CONSTANT (100000000000000))

typedef struct
{
  const char *code;        /* ISO 4217, "USD" */
  const char *symbol;      /* "$", "€", "CHF" */
  gboolean    symbol_is_code; /* written with a space, like "CHF 10" */
} RetainerCurrency;

typedef enum
{
  RETAINER_MONEY_FORMAT_DEFAULT = 0,      /* cents only when not whole */
  RETAINER_MONEY_FORMAT_CENTS   = 1 << 0, /* always two decimals */
  RETAINER_MONEY_FORMAT_SHORT   = 1 << 1, /* "$12K", "$1.5M": chart ticks */
  RETAINER_MONEY_FORMAT_ROUNDED = 1 << 2, /* whole units from 1,000 up, cents below:
                                           * what the window and the PDF show */
} RetainerMoneyFormatFlags;

gint64                  retainer_money_round             (double                   minor_units);
gint64                  retainer_money_from_major        (double                   major_units);
double                  retainer_money_to_major          (gint64                   minor_units);
gint64                  retainer_money_percent_of        (gint64                   amount,
                                                          double                   percent);
char                   *retainer_money_to_json_number    (gint64                   minor_units);

const RetainerCurrency *retainer_currency_lookup         (const char              *code);
const RetainerCurrency *retainer_currency_list           (guint                   *n_currencies);
gboolean                retainer_currency_is_supported   (const char              *code);

char                   *retainer_money_format            (gint64                   minor_units,
                                                          const char              *currency_code,
                                                          RetainerMoneyFormatFlags flags);
char                   *retainer_format_number           (double                   value,
                                                          guint                    decimals);
char                   *retainer_format_percent          (double                   percent,
                                                          guint                    decimals);
/* A rate as it was set, with the decimals it has (at most two): "20%", "12.5%". */
char                   *retainer_format_percent_exact    (double                   percent);
char                   *retainer_format_share            (double                   share,
                                                          guint                    decimals);

G_END_DECLS
