/* retainer-months-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "retainer-i18n.h"
#include "retainer-json.h"
#include "retainer-money.h"
#include "retainer-months-csv.h"

typedef enum
{
  COLUMN_MONTH,
  COLUMN_API_COST_EQUIVALENT,
  COLUMN_RETAINER_BILLED,
  COLUMN_NEW_EXAMPLES,
  COLUMN_TRAINING_SOURCE,
  COLUMN_TRAINING_HOURS,
  COLUMN_HARDWARE,
  COLUMN_ACTUAL_PLATFORM,
  COLUMN_ACTUAL_COMPUTE,
  COLUMN_ACTUAL_STAFF_HOURS,
  N_FIXED_COLUMNS,
  COLUMN_METRIC = N_FIXED_COLUMNS,
} ColumnKind;

static const char *const fixed_columns[] = {
  "month",
  "api_cost_equivalent",
  "retainer_billed",
  "new_examples",
  "training_source",
  "training_hours",
  "hardware",
  "actual_platform",
  "actual_compute",
  "actual_staff_hours",
};

G_STATIC_ASSERT (G_N_ELEMENTS (fixed_columns) == N_FIXED_COLUMNS);

#define METRIC_PREFIX "metric:"

typedef struct
{
  ColumnKind              kind;
  char                   *header;    /* as written, for messages */
  char                   *name;      /* metric columns */
  char                   *unit;
  RetainerMetricDirection direction;
} Column;

typedef struct
{
  GPtrArray *fields; /* char * */
  guint      line;   /* where the row starts */
} Row;

static void
column_free (Column *column)
{
  g_free (column->header);
  g_free (column->name);
  g_free (column->unit);
  g_free (column);
}

static void
row_free (Row *row)
{
  g_ptr_array_unref (row->fields);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Column, column_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Row, row_free)

static gboolean
set_line_error (GError    **error,
                const char *display_name,
                guint       line,
                const char *problem)
{
  /* Translators: %1$s is a file name, %2$u a line number, %3$s what is wrong. */
  g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_CSV, _("%1$s, line %2$u: %3$s"),
               display_name, line, problem);
  return FALSE;
}

static gboolean
set_cell_error (GError    **error,
                const char *display_name,
                guint       line,
                const char *column,
                const char *problem)
{
  g_autofree char *shown = g_utf8_make_valid (column, -1);

  /* Translators: %1$s is a file name, %2$u a line number, %3$s a column
   * like "api_cost_equivalent", %4$s what is wrong with it. */
  g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_CSV,
               _("%1$s, line %2$u: field “%3$s”: %4$s"), display_name, line, shown, problem);
  return FALSE;
}

/* --- RFC 4180 ---------------------------------------------------------- */

static gboolean
row_is_blank (const Row *row)
{
  return row->fields->len == 1 && *(const char *) g_ptr_array_index (row->fields, 0) == '\0';
}

/* Splits @text into rows of fields. Quoted fields may hold commas, quotes
 * written twice and line breaks; each row remembers the line it starts
 * on. */
static GPtrArray *
split_rows (const char *text,
            gsize       length,
            const char *display_name,
            GError    **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr (Row) row = NULL;
  g_autoptr (GString) field = g_string_new (NULL);
  const char *p = text, *end = text + length;
  guint line = 1;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p <= end)
    {
      gboolean end_of_row = FALSE;

      if (row == NULL)
        {
          row = g_new0 (Row, 1);
          row->fields = g_ptr_array_new_with_free_func (g_free);
          row->line = line;
        }

      g_string_truncate (field, 0);
      if (p < end && *p == '"')
        {
          guint quote_line = line;

          p++;
          for (;;)
            {
              if (p >= end)
                {
                  set_line_error (error, display_name, quote_line,
                                  _("a quoted field is not closed: expected a closing double "
                                    "quote"));
                  return NULL;
                }
              if (*p == '"' && p + 1 < end && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                {
                  if (*p == '\n')
                    line++;
                  g_string_append_c (field, *p++);
                }
            }
          if (p < end && *p != ',' && *p != '\r' && *p != '\n')
            {
              set_line_error (error, display_name, line,
                              _("text after a closing double quote: expected a comma or the "
                                "end of the row"));
              return NULL;
            }
        }
      else
        {
          while (p < end && *p != ',' && *p != '\r' && *p != '\n')
            {
              if (*p == '"')
                {
                  set_line_error (error, display_name, line,
                                  _("a double quote inside a field without quotes: expected the "
                                    "whole field in double quotes, with the quote written "
                                    "twice"));
                  return NULL;
                }
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (row->fields, g_strndup (field->str, field->len));

      if (p >= end)
        {
          end_of_row = TRUE;
          p++;
        }
      else if (*p == ',')
        {
          p++;
        }
      else
        {
          end_of_row = TRUE;
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          line++;
        }

      if (end_of_row)
        {
          if (!row_is_blank (row))
            g_ptr_array_add (rows, g_steal_pointer (&row));
          else
            g_clear_pointer (&row, row_free);
          if (rows->len > RETAINER_CLIENT_MAX_MONTHS + 1)
            {
              set_line_error (error, display_name, line,
                              _("too many rows: expected at most 1200 months"));
              return NULL;
            }
        }
    }

  return g_steal_pointer (&rows);
}

/* --- cells ------------------------------------------------------------- */

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text));
}

/* A plain decimal number: [-]digits[.digits][e[+-]digits]. */
static gboolean
parse_decimal (const char *text,
               double     *value)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '-' || *p == '+')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p != '\0')
    return FALSE;

  *value = g_ascii_strtod (text, NULL);
  return TRUE;
}

static gboolean
read_number (const char *cell,
             double      min,
             double      max,
             gboolean    whole,
             double     *value,
             char      **problem)
{
  g_autofree char *low = g_strdup_printf ("%.15g", min);
  g_autofree char *high = g_strdup_printf ("%.15g", max);

  if (!parse_decimal (cell, value) || !isfinite (*value) || *value < min || *value > max
      || (whole && *value != floor (*value)))
    {
      if (whole)
        *problem = g_strdup_printf (_("expected a whole number from %s to %s"), low, high);
      else
        /* Translators: %s are the limits; the examples show the written form. */
        *problem = g_strdup_printf (_("expected a number from %s to %s, like 4200 or 4200.50"),
                                    low, high);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_text (const char *cell,
           gsize       max_length,
           char      **problem)
{
  if (g_utf8_strlen (cell, -1) > (glong) max_length)
    {
      *problem = g_strdup_printf (ngettext ("expected at most %lu character",
                                            "expected at most %lu characters", max_length),
                                  (unsigned long) max_length);
      return FALSE;
    }
  for (const char *p = cell; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
      {
        *problem = g_strdup (_("expected text without control characters"));
        return FALSE;
      }
  return TRUE;
}

/* --- the header -------------------------------------------------------- */

static const char *
metric_column_example (void)
{
  return _("expected a metric column like “metric:Overall accuracy [%] higher-is-better”");
}

/* "metric:NAME [UNIT] DIRECTION" */
static Column *
parse_metric_header (const char *header,
                     char      **problem)
{
  g_autofree char *rest = trimmed (header + strlen (METRIC_PREFIX));
  g_autoptr (Column) column = g_new0 (Column, 1);
  g_autofree char *direction = NULL;
  char *open = strrchr (rest, '[');
  char *close = open != NULL ? strchr (open, ']') : NULL;
  int found = -1;

  if (open == NULL || close == NULL)
    {
      *problem = g_strdup (metric_column_example ());
      return NULL;
    }
  *open = '\0';
  *close = '\0';
  column->kind = COLUMN_METRIC;
  column->header = g_strdup (header);
  column->name = trimmed (rest);
  column->unit = trimmed (open + 1);
  direction = trimmed (close + 1);

  if (*column->name == '\0' || g_utf8_strlen (column->name, -1) > RETAINER_METRIC_NAME_MAX_LENGTH)
    {
      *problem = g_strdup (_("expected a metric name of 1 to 100 characters"));
      return NULL;
    }
  if (g_utf8_strlen (column->unit, -1) > RETAINER_METRIC_UNIT_MAX_LENGTH
      || strchr (column->unit, '[') != NULL)
    {
      *problem = g_strdup (_("expected “%”, “s”, “ms” or another unit of up to 16 characters"));
      return NULL;
    }
  for (int i = 0; retainer_metric_direction_ids[i] != NULL; i++)
    if (strcmp (direction, retainer_metric_direction_ids[i]) == 0)
      found = i;
  if (found < 0)
    {
      *problem = g_strdup (_("expected “higher-is-better” or “lower-is-better” after the unit "
                             "in brackets"));
      return NULL;
    }
  column->direction = found;
  return g_steal_pointer (&column);
}

static GPtrArray *
parse_header (const Row  *row,
              const char *display_name,
              GError    **error)
{
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean has[N_FIXED_COLUMNS] = { FALSE };

  for (guint i = 0; i < row->fields->len; i++)
    {
      g_autofree char *header = trimmed (g_ptr_array_index (row->fields, i));
      g_autofree char *problem = NULL;
      Column *column = NULL;

      if (g_str_has_prefix (header, METRIC_PREFIX))
        {
          column = parse_metric_header (header, &problem);
          if (column == NULL)
            {
              set_cell_error (error, display_name, row->line, header, problem);
              return NULL;
            }
        }
      else
        {
          for (guint kind = 0; kind < N_FIXED_COLUMNS; kind++)
            if (strcmp (header, fixed_columns[kind]) == 0)
              {
                column = g_new0 (Column, 1);
                column->kind = kind;
                column->header = g_strdup (header);
                has[kind] = TRUE;
              }
          if (column == NULL)
            {
              g_autofree char *shown = g_utf8_make_valid (header, -1);
              g_autofree char *message =
                g_strdup_printf (_("unknown column “%s”: expected month, api_cost_equivalent, "
                                   "retainer_billed, new_examples, training_source, "
                                   "training_hours, hardware, actual_platform, actual_compute, "
                                   "actual_staff_hours or metric:NAME [UNIT] DIRECTION"),
                                 shown);
              set_line_error (error, display_name, row->line, message);
              return NULL;
            }
        }

      {
        g_autofree char *key = column->kind == COLUMN_METRIC
                                 ? g_strdup_printf ("metric\x1f%s\x1f%s\x1f%u", column->name,
                                                    column->unit, column->direction)
                                 : g_strdup (column->header);

        if (!g_hash_table_add (seen, g_steal_pointer (&key)))
          {
            column_free (column);
            set_cell_error (error, display_name, row->line, header,
                            _("this column appears twice: expected each column once"));
            return NULL;
          }
      }
      g_ptr_array_add (columns, column);
    }

  if (!has[COLUMN_MONTH] || !has[COLUMN_API_COST_EQUIVALENT])
    {
      set_line_error (error, display_name, row->line,
                      _("the columns “month” and “api_cost_equivalent” are required: expected "
                        "them in the first row"));
      return NULL;
    }
  return g_steal_pointer (&columns);
}

/* --- rows -------------------------------------------------------------- */

static int
find_column (GPtrArray  *columns,
             ColumnKind  kind)
{
  for (guint i = 0; i < columns->len; i++)
    if (((const Column *) g_ptr_array_index (columns, i))->kind == kind)
      return (int) i;
  return -1;
}

/* The file's columns replace a recorded month's figures in them; what the
 * file has no column for stays as it was. */
static void
clear_columns_figures (RetainerClientMonth  *record,
                       GPtrArray            *columns,
                       const RetainerClient *client)
{
  for (guint i = 0; i < columns->len; i++)
    switch (((const Column *) g_ptr_array_index (columns, i))->kind)
      {
      case COLUMN_RETAINER_BILLED:
        record->retainer_billed = client->promise.monthly_retainer;
        break;
      case COLUMN_NEW_EXAMPLES:
      case COLUMN_TRAINING_SOURCE:
      case COLUMN_TRAINING_HOURS:
      case COLUMN_HARDWARE:
        record->retrained = FALSE;
        record->new_examples = 0;
        record->training_hours = 0;
        g_clear_pointer (&record->training_source, g_free);
        g_clear_pointer (&record->hardware, g_free);
        break;
      case COLUMN_ACTUAL_PLATFORM:
        record->has_actual_platform = FALSE;
        record->actual_platform = 0;
        break;
      case COLUMN_ACTUAL_COMPUTE:
        record->has_actual_compute = FALSE;
        record->actual_compute = 0;
        break;
      case COLUMN_ACTUAL_STAFF_HOURS:
        record->has_actual_staff_hours = FALSE;
        record->actual_staff_hours = 0;
        break;
      case COLUMN_MONTH:
      case COLUMN_API_COST_EQUIVALENT:
      case COLUMN_METRIC:
      default:
        break;
      }
}

static void
set_metric (RetainerClientMonth *record,
            const Column        *column,
            double               value)
{
  RetainerMetric *metric = NULL;

  for (guint i = 0; i < record->metrics->len && metric == NULL; i++)
    if (g_strcmp0 (((RetainerMetric *) g_ptr_array_index (record->metrics, i))->name,
                   column->name) == 0)
      metric = g_ptr_array_index (record->metrics, i);

  if (metric == NULL)
    {
      metric = retainer_metric_new (column->name, column->unit, column->direction);
      g_ptr_array_add (record->metrics, metric);
    }
  g_free (metric->unit);
  metric->unit = g_strdup (column->unit);
  metric->direction = column->direction;
  metric->has_value = TRUE;
  metric->value = value;
}

static gboolean
read_row (const Row            *row,
          GPtrArray            *columns,
          const RetainerClient *client,
          const char           *display_name,
          RetainerClientMonth **out,
          GError              **error)
{
  g_autoptr (RetainerClientMonth) record = NULL;
  g_autoptr (GHashTable) row_metrics = g_hash_table_new (g_str_hash, g_str_equal);
  const RetainerClientMonth *recorded = NULL;
  int month_column = find_column (columns, COLUMN_MONTH);
  g_autofree char *month = NULL;
  int index;

  if (row->fields->len != columns->len)
    {
      g_autofree char *problem =
        g_strdup_printf (ngettext ("expected %u field, as in the first row, found %u",
                                   "expected %u fields, as in the first row, found %u",
                                   columns->len),
                         columns->len, row->fields->len);
      return set_line_error (error, display_name, row->line, problem);
    }

  month = trimmed (g_ptr_array_index (row->fields, (guint) month_column));
  if (*month == '\0')
    return set_cell_error (error, display_name, row->line, "month",
                           _("is required but missing"));
  if (!retainer_month_parse (month, NULL))
    return set_cell_error (error, display_name, row->line, "month",
                           _("expected a month like 2026-03"));

  index = retainer_client_find_month (client, month);
  if (index >= 0)
    {
      recorded = g_ptr_array_index (client->months, (guint) index);
      record = retainer_client_month_copy (recorded);
    }
  else
    {
      record = retainer_client_month_new (month);
      record->retainer_billed = client->promise.monthly_retainer;
    }
  clear_columns_figures (record, columns, client);

  for (guint i = 0; i < columns->len; i++)
    {
      const Column *column = g_ptr_array_index (columns, i);
      g_autofree char *cell = trimmed (g_ptr_array_index (row->fields, i));
      g_autofree char *problem = NULL;
      double value = 0;
      gboolean ok = TRUE;

      if (column->kind == COLUMN_MONTH)
        continue;
      if (!g_utf8_validate (cell, -1, NULL))
        return set_cell_error (error, display_name, row->line, column->header,
                               _("expected text in UTF-8"));

      if (*cell == '\0')
        {
          if (column->kind == COLUMN_API_COST_EQUIVALENT)
            return set_cell_error (error, display_name, row->line, column->header,
                                   _("is required but missing"));
          continue;
        }

      switch (column->kind)
        {
        case COLUMN_API_COST_EQUIVALENT:
        case COLUMN_RETAINER_BILLED:
        case COLUMN_ACTUAL_PLATFORM:
        case COLUMN_ACTUAL_COMPUTE:
          ok = read_number (cell, 0, RETAINER_MONEY_MAX_MAJOR, FALSE, &value, &problem);
          if (!ok)
            break;
          if (column->kind == COLUMN_API_COST_EQUIVALENT)
            {
              record->api_cost_equivalent = retainer_money_from_major (value);
              /* A usage estimate no longer explains a figure that changed. */
              if (recorded != NULL && recorded->api_cost_equivalent != record->api_cost_equivalent)
                {
                  g_clear_pointer (&record->estimate, retainer_spend_basis_free);
                }
            }
          else if (column->kind == COLUMN_RETAINER_BILLED)
            {
              record->retainer_billed = retainer_money_from_major (value);
            }
          else if (column->kind == COLUMN_ACTUAL_PLATFORM)
            {
              record->has_actual_platform = TRUE;
              record->actual_platform = retainer_money_from_major (value);
            }
          else
            {
              record->has_actual_compute = TRUE;
              record->actual_compute = retainer_money_from_major (value);
            }
          break;
        case COLUMN_NEW_EXAMPLES:
          ok = read_number (cell, 0, 1e9, TRUE, &value, &problem);
          record->new_examples = ok ? (guint) value : 0;
          record->retrained = TRUE;
          break;
        case COLUMN_TRAINING_HOURS:
          ok = read_number (cell, 0, RETAINER_TRAINING_HOURS_MAX, FALSE, &value, &problem);
          record->training_hours = ok ? value : 0;
          record->retrained = TRUE;
          break;
        case COLUMN_TRAINING_SOURCE:
          ok = read_text (cell, RETAINER_TEXT_MAX_LENGTH, &problem);
          record->training_source = g_steal_pointer (&cell);
          record->retrained = TRUE;
          break;
        case COLUMN_HARDWARE:
          ok = read_text (cell, 200, &problem);
          record->hardware = g_steal_pointer (&cell);
          record->retrained = TRUE;
          break;
        case COLUMN_ACTUAL_STAFF_HOURS:
          ok = read_number (cell, 0, RETAINER_STAFF_HOURS_MAX, FALSE, &value, &problem);
          record->has_actual_staff_hours = ok;
          record->actual_staff_hours = value;
          break;
        case COLUMN_METRIC:
        default:
          {
            double min = -RETAINER_METRIC_MAX_VALUE, max = RETAINER_METRIC_MAX_VALUE;

            if (strcmp (column->unit, "%") == 0)
              {
                min = 0;
                max = 100;
              }
            ok = read_number (cell, min, max, FALSE, &value, &problem);
            if (!ok)
              break;
            if (!g_hash_table_add (row_metrics, column->name))
              return set_cell_error (error, display_name, row->line, column->header,
                                     _("another column of this row already holds a value for "
                                       "this metric: expected one value per metric and month"));
            set_metric (record, column, value);
          }
          break;
        }

      if (!ok)
        return set_cell_error (error, display_name, row->line, column->header, problem);
    }

  *out = g_steal_pointer (&record);
  return TRUE;
}

/**
 * retainer_client_import_months_csv:
 * @client: a valid client; changed only on success
 * @text: the file's contents
 * @length: its length in bytes
 * @display_name: the file's name, for messages
 * @n_added: (out) (optional): months added after the last one recorded
 * @n_replaced: (out) (optional): months recorded before that the file
 *   replaced
 * @error: a #GError
 *
 * Imports months from CSV (the columns are in retainer-months-csv.h). Any
 * bad row refuses the whole file, naming the line and the column, and
 * leaves @client as it was.
 */
gboolean
retainer_client_import_months_csv (RetainerClient *client,
                                   const char     *text,
                                   gsize           length,
                                   const char     *display_name,
                                   guint          *n_added,
                                   guint          *n_replaced,
                                   GError        **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) columns = NULL;
  g_autoptr (GPtrArray) months = NULL;
  g_autoptr (RetainerClient) merged = NULL;
  int go_live = 0, previous = -1, previous_line = 0;
  guint added = 0, replaced = 0;

  g_return_val_if_fail (client != NULL, FALSE);

  if (length > RETAINER_JSON_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (length);

      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_CSV,
                   _("%s is too large to be a months file (%s; the limit is %d MiB)"),
                   display_name, size, RETAINER_JSON_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (memchr (text, '\0', length) != NULL)
    {
      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_CSV,
                   _("%s is not a text file: expected CSV with a header row"), display_name);
      return FALSE;
    }

  rows = split_rows (text, length, display_name, error);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_CSV,
                   _("%s is empty: expected a header row and one row per month"), display_name);
      return FALSE;
    }
  columns = parse_header (g_ptr_array_index (rows, 0), display_name, error);
  if (columns == NULL)
    return FALSE;
  if (rows->len == 1)
    {
      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_CSV,
                   _("%s holds no month: expected one row per month below the header"),
                   display_name);
      return FALSE;
    }

  retainer_month_parse (client->go_live_month, &go_live);
  months = g_ptr_array_new_with_free_func ((GDestroyNotify) retainer_client_month_free);
  for (guint r = 1; r < rows->len; r++)
    {
      const Row *row = g_ptr_array_index (rows, r);
      RetainerClientMonth *record = NULL;
      int index;

      if (!read_row (row, columns, client, display_name, &record, error))
        return FALSE;
      g_ptr_array_add (months, record);
      retainer_month_parse (record->month, &index);

      if (index < go_live)
        {
          g_autofree char *problem =
            g_strdup_printf (_("expected %s or later: the client went live in %s"),
                             client->go_live_month, client->go_live_month);
          return set_cell_error (error, display_name, row->line, "month", problem);
        }
      if (previous >= 0 && index == previous)
        {
          g_autofree char *problem =
            g_strdup_printf (_("%s appears twice (also on line %d): expected each month once"),
                             record->month, previous_line);
          return set_cell_error (error, display_name, row->line, "month", problem);
        }
      if (previous >= 0 && index != previous + 1)
        {
          g_autofree char *wanted = retainer_month_to_string (previous + 1);
          g_autofree char *problem =
            g_strdup_printf (_("expected %s, the month after the row above: rows go oldest "
                               "first, without gaps"), wanted);
          return set_cell_error (error, display_name, row->line, "month", problem);
        }
      if (previous < 0 && index > go_live + (int) client->months->len)
        {
          g_autofree char *first = retainer_month_to_string (go_live);
          g_autofree char *last = retainer_month_to_string (go_live + (int) client->months->len);
          g_autofree char *problem =
            g_strdup_printf (_("expected a month from %s to %s: months follow each other from "
                               "the go-live month without gaps"), first, last);
          return set_cell_error (error, display_name, row->line, "month", problem);
        }
      previous = index;
      previous_line = (int) row->line;
    }

  /* Merge into a copy, check the whole, and only then take it. */
  merged = retainer_client_copy (client);
  for (guint i = 0; i < months->len; i++)
    {
      RetainerClientMonth *record = g_ptr_array_index (months, i);
      int index;
      guint position;

      retainer_month_parse (record->month, &index);
      position = (guint) (index - go_live);
      months->pdata[i] = NULL;
      if (position < merged->months->len)
        {
          retainer_client_month_free (merged->months->pdata[position]);
          merged->months->pdata[position] = record;
          replaced++;
        }
      else
        {
          g_ptr_array_add (merged->months, record);
          added++;
        }
    }
  if (merged->months->len > RETAINER_CLIENT_MAX_MONTHS)
    {
      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_CSV,
                   _("%s would make more than 1200 months: nothing was imported"),
                   display_name);
      return FALSE;
    }
  {
    RetainerJsonSource source = { display_name, NULL };

    if (!retainer_client_validate (merged, &source, error))
      return FALSE;
  }

  {
    GPtrArray *swap = client->months;

    client->months = merged->months;
    merged->months = swap;
  }
  if (n_added != NULL)
    *n_added = added;
  if (n_replaced != NULL)
    *n_replaced = replaced;
  return TRUE;
}

/**
 * retainer_client_import_months_csv_file:
 * @client: a valid client; changed only on success
 * @path: a CSV file
 * @n_added: (out) (optional): months added
 * @n_replaced: (out) (optional): months replaced
 * @error: a #GError
 *
 * Reads @path and imports it as retainer_client_import_months_csv().
 */
gboolean
retainer_client_import_months_csv_file (RetainerClient *client,
                                        const char     *path,
                                        guint          *n_added,
                                        guint          *n_replaced,
                                        GError        **error)
{
  g_autofree char *display_name = g_filename_display_name (path);
  g_autofree char *text = NULL;
  g_autoptr (GError) local_error = NULL;
  GStatBuf st;
  gsize length = 0;

  if (g_stat (path, &st) == 0 && st.st_size > RETAINER_JSON_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size ((guint64) st.st_size);

      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_CSV,
                   _("%s is too large to be a months file (%s; the limit is %d MiB)"),
                   display_name, size, RETAINER_JSON_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (!g_file_get_contents (path, &text, &length, &local_error))
    {
      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_CSV,
                   _("Could not read %s: %s"), display_name, local_error->message);
      return FALSE;
    }
  return retainer_client_import_months_csv (client, text, length, display_name, n_added,
                                            n_replaced, error);
}

/* --- export ------------------------------------------------------------ */

/**
 * retainer_csv_append_field:
 * @out: the CSV being written
 * @text: (nullable): the field's text
 *
 * Appends @text as one RFC 4180 field, quoted only when it must be (or
 * when a spreadsheet would trim its spaces); %NULL is an empty field.
 */
void
retainer_csv_append_field (GString    *out,
                           const char *text)
{
  gboolean quote;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  quote = text[0] == ' ' || (text[0] != '\0' && text[strlen (text) - 1] == ' ')
          || strpbrk (text, ",\"\r\n") != NULL;
  if (!quote)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * retainer_csv_append_money:
 * @out: the CSV being written
 * @amount: minor units
 *
 * Appends @amount in major units as JSON writes it: a dot, no grouping.
 */
void
retainer_csv_append_money (GString *out,
                           gint64   amount)
{
  g_autofree char *number = retainer_money_to_json_number (amount);

  g_return_if_fail (out != NULL);

  g_string_append (out, number);
}

static void
append_double (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

static gboolean
same_metric_column (const Column         *column,
                    const RetainerMetric *metric)
{
  return strcmp (column->name, metric->name) == 0 && strcmp (column->unit, metric->unit) == 0
         && column->direction == metric->direction;
}

/**
 * retainer_client_months_to_csv:
 * @client: a client
 *
 * Writes every recorded month as CSV (CRLF line ends), with the columns
 * the import reads: one metric column for each metric name, unit and
 * direction met in any month.
 *
 * Returns: (transfer full): the file's text
 */
char *
retainer_client_months_to_csv (const RetainerClient *client)
{
  g_autoptr (GPtrArray) metric_columns =
    g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < client->months->len; i++)
    {
      const RetainerClientMonth *record = g_ptr_array_index (client->months, i);

      for (guint j = 0; j < record->metrics->len; j++)
        {
          const RetainerMetric *metric = g_ptr_array_index (record->metrics, j);
          gboolean known = FALSE;

          for (guint c = 0; c < metric_columns->len && !known; c++)
            known = same_metric_column (g_ptr_array_index (metric_columns, c), metric);
          if (!known)
            {
              Column *column = g_new0 (Column, 1);

              column->kind = COLUMN_METRIC;
              column->name = g_strdup (metric->name);
              column->unit = g_strdup (metric->unit);
              column->direction = metric->direction;
              column->header = g_strdup_printf (METRIC_PREFIX "%s [%s] %s", metric->name,
                                                metric->unit,
                                                retainer_metric_direction_ids[metric->direction]);
              g_ptr_array_add (metric_columns, column);
            }
        }
    }

  for (guint kind = 0; kind < N_FIXED_COLUMNS; kind++)
    {
      if (kind > 0)
        g_string_append_c (out, ',');
      g_string_append (out, fixed_columns[kind]);
    }
  for (guint c = 0; c < metric_columns->len; c++)
    {
      g_string_append_c (out, ',');
      retainer_csv_append_field (out, ((Column *) g_ptr_array_index (metric_columns, c))->header);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < client->months->len; i++)
    {
      const RetainerClientMonth *record = g_ptr_array_index (client->months, i);

      retainer_csv_append_field (out, record->month);
      g_string_append_c (out, ',');
      retainer_csv_append_money (out, record->api_cost_equivalent);
      g_string_append_c (out, ',');
      retainer_csv_append_money (out, record->retainer_billed);
      g_string_append_c (out, ',');
      if (record->retrained)
        {
          g_string_append_printf (out, "%u,", record->new_examples);
          retainer_csv_append_field (out, record->training_source);
          g_string_append_c (out, ',');
          append_double (out, record->training_hours);
          g_string_append_c (out, ',');
          retainer_csv_append_field (out, record->hardware);
        }
      else
        {
          g_string_append (out, ",,,");
        }
      g_string_append_c (out, ',');
      if (record->has_actual_platform)
        retainer_csv_append_money (out, record->actual_platform);
      g_string_append_c (out, ',');
      if (record->has_actual_compute)
        retainer_csv_append_money (out, record->actual_compute);
      g_string_append_c (out, ',');
      if (record->has_actual_staff_hours)
        append_double (out, record->actual_staff_hours);
      for (guint c = 0; c < metric_columns->len; c++)
        {
          const Column *column = g_ptr_array_index (metric_columns, c);
          const RetainerMetric *metric = retainer_client_month_find_metric (record, column->name);

          g_string_append_c (out, ',');
          if (metric != NULL && metric->has_value && same_metric_column (column, metric))
            append_double (out, metric->value);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}
