/* retainer-months-csv.h: a client's months from and to a CSV file
 *
 * The file is RFC 4180 CSV in UTF-8: fields separated by commas, rows by
 * CRLF or LF, a field with a comma, a quote or a line break in double
 * quotes, a quote inside one doubled (""). A UTF-8 byte order mark, as
 * spreadsheets write it, is skipped. The first row names the columns, in
 * any order; blank rows are skipped. Numbers are written with a dot as the
 * decimal mark and no grouping (4200.50), as spreadsheets export them.
 *
 *   column                 cell                                              empty cell
 *   month                  YYYY-MM, required; rows oldest first, one per     refused
 *                          month, without gaps, none before the go-live
 *                          month, starting at most one month after the last
 *                          month recorded
 *   api_cost_equivalent    E_k, 0 to 10^12, required                         refused
 *   retainer_billed        B_k, 0 to 10^12                                   the accepted
 *                                                                            retainer
 *   new_examples           whole number, 0 to 10^9                           ┐ all four empty:
 *   training_source        text, up to 500 characters                        │ not retrained
 *   training_hours         0 to 10000                                        │ that month
 *   hardware               text, up to 200 characters                        ┘
 *   actual_platform        the agency's own platform cost, 0 to 10^12        not known
 *   actual_compute         the agency's own compute cost, 0 to 10^12         not known
 *   actual_staff_hours     the agency's staff hours, 0 to 744                not known
 *   metric:NAME [UNIT] DIRECTION                                             not measured
 *                          one column per metric, like
 *                          “metric:Overall accuracy [%] higher-is-better” or
 *                          “metric:Average response time [s] lower-is-better”
 *                          (no comma, so no quotes needed); UNIT is “%”, “s”,
 *                          “ms”, another word of up to 16 characters or
 *                          nothing (“[]”); DIRECTION is higher-is-better or
 *                          lower-is-better; the cell is the value: 0 to 100
 *                          for “%”, ±10^9 otherwise
 *
 * A row for a month already recorded replaces that month's figures in the
 * file's columns (the four retraining columns together; a metric cell only
 * when it holds a value) and keeps the others, so a file of corrections
 * loses nothing it does not name; a usage estimate is dropped when the
 * API cost equivalent changes. Rows for later months are added. One bad
 * cell, row or column refuses the whole file with the
 * line and the column ("months.csv, line 4: field “api_cost_equivalent”:
 * expected a number from 0 to 1000000000000, like 4200 or 4200.50") and
 * changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "retainer-client.h"

G_BEGIN_DECLS

gboolean retainer_client_import_months_csv      (RetainerClient       *client,
                                                 const char           *text,
                                                 gsize                 length,
                                                 const char           *display_name,
                                                 guint                *n_added,
                                                 guint                *n_replaced,
                                                 GError              **error);
gboolean retainer_client_import_months_csv_file (RetainerClient       *client,
                                                 const char           *path,
                                                 guint                *n_added,
                                                 guint                *n_replaced,
                                                 GError              **error);
/* The client's months as a CSV file the import reads back. */
char    *retainer_client_months_to_csv          (const RetainerClient *client);

/* Writing a CSV (this file's and the book's): `text` as one field, in
 * double quotes when it holds a comma, a quote or a line break or starts or
 * ends with a space (NULL: an empty field); an amount in major units with
 * a dot and no grouping (4200.5). */
void     retainer_csv_append_field              (GString              *out,
                                                 const char           *text);
void     retainer_csv_append_money              (GString              *out,
                                                 gint64                amount);

G_END_DECLS
