/* retainer-price-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "retainer-i18n.h"
#include "retainer-money.h"
#include "retainer-number.h"
#include "retainer-price-table.h"

#define BUILTIN_RESOURCE "/app/retainer/Retainer/price-tables/builtin.json"

G_DEFINE_QUARK (retainer-price-table-error-quark, retainer_price_table_error)

static guint64
power_of_ten (guint exponent)
{
  guint64 value = 1;

  while (exponent-- > 0)
    value *= 10;
  return value;
}

/* What g_ascii_formatd() writes: digits with at most one decimal point
 * and at most six decimals, nothing else. Never typed text: people's
 * numbers go through retainer_parse_decimal(). */
static gboolean
parse_plain_decimal (const char *text,
                     gsize       length,
                     gint64      max,
                     gint64     *millionths)
{
  guint64 whole = 0;
  guint64 fraction = 0;
  guint n_digits = 0;
  guint n_decimals = 0;
  gboolean after_mark = FALSE;
  guint64 value;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '.')
        {
          if (after_mark)
            return FALSE;
          after_mark = TRUE;
          continue;
        }
      if (!g_ascii_isdigit (c))
        return FALSE;
      n_digits++;
      if (after_mark)
        {
          if (++n_decimals > RETAINER_DECIMAL_DIGITS)
            return FALSE;
          fraction = fraction * 10 + (guint64) (c - '0');
        }
      else
        {
          whole = whole * 10 + (guint64) (c - '0');
          /* Past any bound a caller can give: stop before it overflows. */
          if (whole > (guint64) G_MAXINT64 / (guint64) RETAINER_DECIMAL_SCALE)
            return FALSE;
        }
    }

  if (n_digits == 0)
    return FALSE;

  value = whole * (guint64) RETAINER_DECIMAL_SCALE
          + fraction * power_of_ten (RETAINER_DECIMAL_DIGITS - n_decimals);
  if (value > (guint64) max)
    return FALSE;

  *millionths = (gint64) value;
  return TRUE;
}

static guint
decimals_needed (gint64 millionths,
                 guint  min_decimals)
{
  guint decimals = MIN (min_decimals, RETAINER_DECIMAL_DIGITS);

  while (decimals < RETAINER_DECIMAL_DIGITS
         && (guint64) millionths % power_of_ten (RETAINER_DECIMAL_DIGITS - decimals) != 0)
    decimals++;
  return decimals;
}

/**
 * retainer_millionths_format:
 * @millionths: a price or an exchange rate, 0 or more
 * @min_decimals: decimals always shown
 *
 * Writes the value with retainer_format_decimal(), in the marks in effect,
 * with as many decimals as it has and at least @min_decimals: "0.92",
 * "1,234.5". retainer_millionths_parse() reads it back.
 *
 * Returns: (transfer full): the text
 */
char *
retainer_millionths_format (gint64 millionths,
                            guint  min_decimals)
{
  guint decimals;

  g_return_val_if_fail (millionths >= 0, g_strdup ("0"));

  decimals = decimals_needed (millionths, min_decimals);
  return retainer_format_decimal (millionths
                                    / (gint64) power_of_ten (RETAINER_DECIMAL_DIGITS - decimals),
                                  decimals, NULL);
}

/**
 * retainer_millionths_parse:
 * @text: a price or an exchange rate as a person typed it: "2.50" in
 *   English, "0,92" in German
 * @max: the largest value accepted, in millionths
 * @millionths: (out): the value
 * @error: a #GError
 *
 * Reads typed text with retainer_parse_decimal() in the marks in effect,
 * keeping six decimals, and accepts values from 0 to @max. Text that could
 * be read two ways ("2.5" in German) is refused, never guessed at.
 *
 * Returns: %TRUE with @millionths set, or %FALSE with @error set (in
 *   %RETAINER_NUMBER_ERROR) and @millionths untouched
 */
gboolean
retainer_millionths_parse (const char *text,
                           gint64      max,
                           gint64     *millionths,
                           GError    **error)
{
  gint64 value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (millionths != NULL, FALSE);

  if (!retainer_parse_decimal (text, NULL, RETAINER_DECIMAL_DIGITS, &value, error))
    return FALSE;

  if (value < 0 || value > max)
    {
      g_autofree char *typed = g_strstrip (g_strdup (text));
      g_autofree char *most = retainer_millionths_format (max, 0);

      g_set_error (error, RETAINER_NUMBER_ERROR, RETAINER_NUMBER_ERROR_RANGE,
                   /* Translators: %1$s is what was typed, %2$s the largest value, like
                    * “10,000”. */
                   _("“%1$s” is not a number from 0 to %2$s"), typed, most);
      return FALSE;
    }

  *millionths = value;
  return TRUE;
}

/**
 * retainer_decimal_from_json:
 * @number: a number as cJSON read it
 * @max: the largest value accepted, in millionths
 * @millionths: (out): the value
 *
 * Recovers the exact decimal a file wrote. Every decimal with at most six
 * decimals and fifteen digits has one nearest double, and printing that
 * double with six decimals gives the decimal back; a number that does not
 * come back the same had more decimals than a price may have.
 *
 * Returns: %TRUE if @number is a decimal from 0 to @max with at most six
 *   decimals
 */
gboolean
retainer_decimal_from_json (double  number,
                            gint64  max,
                            gint64 *millionths)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (millionths != NULL, FALSE);

  if (!isfinite (number) || number < 0 || number > (double) max / (double) RETAINER_DECIMAL_SCALE)
    return FALSE;
  if (number == 0)
    {
      *millionths = 0;
      return TRUE;
    }

  g_ascii_formatd (buffer, sizeof buffer, "%.6f", number);
  if (g_ascii_strtod (buffer, NULL) != number)
    return FALSE;

  return parse_plain_decimal (buffer, strlen (buffer), max, millionths);
}

/**
 * retainer_decimal_to_json:
 * @millionths: a value, 0 or more
 *
 * Returns: (transfer full): the exact number for a JSON file, without
 *   trailing zeros: "2.5", "10", "0.0375"
 */
char *
retainer_decimal_to_json (gint64 millionths)
{
  guint64 magnitude = (guint64) MAX (millionths, 0);
  guint64 whole = magnitude / (guint64) RETAINER_DECIMAL_SCALE;
  guint64 fraction = magnitude % (guint64) RETAINER_DECIMAL_SCALE;
  int decimals = RETAINER_DECIMAL_DIGITS;

  g_return_val_if_fail (millionths >= 0, g_strdup ("0"));

  if (fraction == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT, whole);
  while (fraction % 10 == 0)
    {
      fraction /= 10;
      decimals--;
    }
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT, whole, decimals, fraction);
}

/**
 * retainer_price_format:
 * @millionths: US dollars, in millionths
 *
 * Formats a list price in US dollars with the cents always shown and the
 * further decimals the price has: "$2.50", "$0.075".
 *
 * Returns: (transfer full): the text
 */
char *
retainer_price_format (gint64 millionths)
{
  guint decimals;
  guint64 sub_cents_scale;
  gint64 cents;
  guint64 sub_cents;
  char *text;
  const char *last_digit = NULL;

  g_return_val_if_fail (millionths >= 0, g_strdup ("0"));

  decimals = decimals_needed (millionths, 2);
  sub_cents_scale = power_of_ten (RETAINER_DECIMAL_DIGITS - 2);
  cents = (gint64) ((guint64) millionths / sub_cents_scale);
  sub_cents = ((guint64) millionths % sub_cents_scale) / power_of_ten (RETAINER_DECIMAL_DIGITS - decimals);
  text = retainer_money_format (cents, "USD", RETAINER_MONEY_FORMAT_CENTS);
  if (decimals == 2)
    return text;

  /* The digits below the cent follow the cents, wherever the locale puts
   * the symbol; no currency symbol holds a digit. */
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      last_digit = p;
  g_assert (last_digit != NULL);
  {
    g_autofree char *owned = text;
    int offset = (int) (last_digit - text) + 1;

    return g_strdup_printf ("%.*s%0*" G_GUINT64_FORMAT "%s", offset, text, (int) decimals - 2,
                            sub_cents, text + offset);
  }
}

/**
 * retainer_iso_date_is_valid:
 * @text: (nullable): a date
 *
 * Returns: %TRUE if @text is a real date written YYYY-MM-DD, from the year 2000
 */
gboolean
retainer_iso_date_is_valid (const char *text)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  return year >= 2000 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/**
 * retainer_public_page_is_valid:
 * @address: (nullable): where prices came from
 *
 * Returns: %TRUE if @address is an http or https address of some page,
 *   without spaces or control characters
 */
gboolean
retainer_public_page_is_valid (const char *address)
{
  const char *host;

  if (address == NULL)
    return FALSE;

  if (g_str_has_prefix (address, "https://"))
    host = address + strlen ("https://");
  else if (g_str_has_prefix (address, "http://"))
    host = address + strlen ("http://");
  else
    return FALSE;

  if (*host == '\0' || *host == '/')
    return FALSE;
  for (const char *p = address; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      return FALSE;
  return TRUE;
}

static void
model_clear (RetainerModelPrice *model)
{
  g_clear_pointer (&model->provider, g_free);
  g_clear_pointer (&model->name, g_free);
  g_clear_pointer (&model->source, g_free);
  g_clear_pointer (&model->prices_read, g_free);
}

/**
 * retainer_price_table_free:
 * @table: (nullable): a table
 *
 * Frees the table and everything it holds.
 */
void
retainer_price_table_free (RetainerPriceTable *table)
{
  if (table == NULL)
    return;

  g_free (table->name);
  g_free (table->prices_read);
  g_free (table->note);
  g_free (table->path);
  for (guint i = 0; i < table->n_models; i++)
    model_clear (&table->models[i]);
  g_free (table->models);
  g_free (table);
}

/**
 * retainer_price_table_copy:
 * @table: a table
 *
 * Returns: (transfer full): a deep copy
 */
RetainerPriceTable *
retainer_price_table_copy (const RetainerPriceTable *table)
{
  RetainerPriceTable *copy;

  g_return_val_if_fail (table != NULL, NULL);

  copy = g_new0 (RetainerPriceTable, 1);
  copy->name = g_strdup (table->name);
  copy->prices_read = g_strdup (table->prices_read);
  copy->note = g_strdup (table->note);
  copy->path = g_strdup (table->path);
  copy->builtin = table->builtin;
  copy->n_models = table->n_models;
  copy->models = g_new0 (RetainerModelPrice, MAX (table->n_models, 1));
  for (guint i = 0; i < table->n_models; i++)
    {
      const RetainerModelPrice *model = &table->models[i];

      copy->models[i].provider = g_strdup (model->provider);
      copy->models[i].name = g_strdup (model->name);
      copy->models[i].input_price = model->input_price;
      copy->models[i].output_price = model->output_price;
      copy->models[i].source = g_strdup (model->source);
      copy->models[i].prices_read = g_strdup (model->prices_read);
    }

  return copy;
}

/**
 * retainer_price_table_equal:
 * @a: a table
 * @b: another
 *
 * Returns: %TRUE if both hold the same prices, names, sources and dates
 *   (where they were loaded from does not count)
 */
gboolean
retainer_price_table_equal (const RetainerPriceTable *a,
                            const RetainerPriceTable *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (g_strcmp0 (a->name, b->name) != 0 || g_strcmp0 (a->prices_read, b->prices_read) != 0
      || g_strcmp0 (a->note, b->note) != 0 || a->n_models != b->n_models)
    return FALSE;

  for (guint i = 0; i < a->n_models; i++)
    {
      const RetainerModelPrice *x = &a->models[i];
      const RetainerModelPrice *y = &b->models[i];

      if (g_strcmp0 (x->provider, y->provider) != 0 || g_strcmp0 (x->name, y->name) != 0
          || x->input_price != y->input_price || x->output_price != y->output_price
          || g_strcmp0 (x->source, y->source) != 0 || g_strcmp0 (x->prices_read, y->prices_read) != 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * retainer_price_table_find_model:
 * @table: a table
 * @provider: who sells the model
 * @name: the model's name
 *
 * Returns: the model's index, or -1
 */
int
retainer_price_table_find_model (const RetainerPriceTable *table,
                                 const char               *provider,
                                 const char               *name)
{
  g_return_val_if_fail (table != NULL, -1);

  for (guint i = 0; i < table->n_models; i++)
    if (g_strcmp0 (table->models[i].provider, provider) == 0
        && g_strcmp0 (table->models[i].name, name) == 0)
      return (int) i;

  return -1;
}

/**
 * retainer_price_table_new:
 * @name: the table's name
 * @prices_read: (nullable): YYYY-MM-DD, the date its prices are read
 *
 * Returns: (transfer full): a table without models, for the founder to fill
 */
RetainerPriceTable *
retainer_price_table_new (const char *name,
                          const char *prices_read)
{
  RetainerPriceTable *table = g_new0 (RetainerPriceTable, 1);

  table->name = g_strdup (name);
  table->prices_read = g_strdup (prices_read);
  table->models = g_new0 (RetainerModelPrice, 1);
  return table;
}

/**
 * retainer_price_table_copy_as_own:
 * @table: a table, the built-in one for example
 * @name: the copy's name
 *
 * Returns: (transfer full): a copy the founder owns: not built in, not yet
 *   saved anywhere
 */
RetainerPriceTable *
retainer_price_table_copy_as_own (const RetainerPriceTable *table,
                                  const char               *name)
{
  RetainerPriceTable *copy = retainer_price_table_copy (table);

  g_free (copy->name);
  copy->name = g_strdup (name);
  g_clear_pointer (&copy->path, g_free);
  copy->builtin = FALSE;
  return copy;
}

/**
 * retainer_price_table_add_model:
 * @table: a table
 * @provider: who sells the model
 * @name: the model as the provider names it
 * @input_price: USD per million input tokens, in millionths
 * @output_price: USD per million output tokens, in millionths
 * @source: the public page the prices came from
 * @prices_read: (nullable): YYYY-MM-DD; %NULL for the table's date
 *
 * Adds a model at the end. Nothing is checked here: the window shows what
 * retainer_price_table_validate() says before saving.
 */
void
retainer_price_table_add_model (RetainerPriceTable *table,
                                const char         *provider,
                                const char         *name,
                                gint64              input_price,
                                gint64              output_price,
                                const char         *source,
                                const char         *prices_read)
{
  RetainerModelPrice *model;

  g_return_if_fail (table != NULL);

  table->models = g_renew (RetainerModelPrice, table->models, table->n_models + 1);
  model = &table->models[table->n_models++];
  model->provider = g_strdup (provider);
  model->name = g_strdup (name);
  model->input_price = input_price;
  model->output_price = output_price;
  model->source = g_strdup (source);
  model->prices_read = g_strdup (prices_read != NULL ? prices_read : table->prices_read);
}

/**
 * retainer_price_table_remove_model:
 * @table: a table
 * @index: one of its models
 *
 * Removes a model; the ones after it move up.
 */
void
retainer_price_table_remove_model (RetainerPriceTable *table,
                                   guint               index)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (index < table->n_models);

  model_clear (&table->models[index]);
  memmove (&table->models[index], &table->models[index + 1],
           (table->n_models - index - 1) * sizeof (RetainerModelPrice));
  table->n_models--;
}

static gboolean
set_invalid (GError                  **error,
             const RetainerJsonSource *source,
             const char               *path,
             const char               *key,
             const char               *problem)
{
  retainer_json_set_field_error (error, source, path, key, problem);
  /* The same message, in the table's own domain. */
  if (error != NULL && *error != NULL)
    {
      (*error)->domain = RETAINER_PRICE_TABLE_ERROR;
      (*error)->code = RETAINER_PRICE_TABLE_ERROR_INVALID;
    }
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
same_model (const RetainerModelPrice *a,
            const RetainerModelPrice *b)
{
  g_autofree char *provider_a = g_utf8_casefold (a->provider, -1);
  g_autofree char *provider_b = g_utf8_casefold (b->provider, -1);
  g_autofree char *name_a = g_utf8_casefold (a->name, -1);
  g_autofree char *name_b = g_utf8_casefold (b->name, -1);

  return strcmp (provider_a, provider_b) == 0 && strcmp (name_a, name_b) == 0;
}

/**
 * retainer_price_table_validate:
 * @table: a table
 * @source: (nullable): the file it came from, for messages
 * @error: a #GError
 *
 * Checks what a table must hold: a name, a real date, at least one model,
 * and for each model a provider, a name no other model of the same
 * provider has, prices in range and a public page.
 */
gboolean
retainer_price_table_validate (const RetainerPriceTable *table,
                               const RetainerJsonSource *source,
                               GError                  **error)
{
  g_return_val_if_fail (table != NULL, FALSE);

  if (is_blank (table->name))
    return set_invalid (error, source, "", "name", _("expected the table’s name"));
  if (!retainer_iso_date_is_valid (table->prices_read))
    return set_invalid (error, source, "", "prices_read",
                        _("expected the date the prices were read, like 2026-11-30"));
  if (table->n_models == 0)
    return set_invalid (error, source, "", "models",
                        _("expected at least one model; this table has none"));
  if (table->n_models > RETAINER_PRICE_TABLE_MAX_MODELS)
    {
      g_autofree char *problem = g_strdup_printf (ngettext ("expected at most %d model",
                                                            "expected at most %d models",
                                                            RETAINER_PRICE_TABLE_MAX_MODELS),
                                                  RETAINER_PRICE_TABLE_MAX_MODELS);
      return set_invalid (error, source, "", "models", problem);
    }

  for (guint i = 0; i < table->n_models; i++)
    {
      const RetainerModelPrice *model = &table->models[i];
      g_autofree char *path = g_strdup_printf ("models[%u]", i);

      if (is_blank (model->provider))
        return set_invalid (error, source, path, "provider",
                            _("expected who sells the model, like OpenAI"));
      if (is_blank (model->name))
        return set_invalid (error, source, path, "name",
                            _("expected the model’s name as its provider writes it"));
      if (model->input_price < 0 || model->input_price > RETAINER_PRICE_MAX)
        return set_invalid (error, source, path, "input_price",
                            _("expected US dollars per million tokens, from 0 to 10,000"));
      if (model->output_price < 0 || model->output_price > RETAINER_PRICE_MAX)
        return set_invalid (error, source, path, "output_price",
                            _("expected US dollars per million tokens, from 0 to 10,000"));
      if (!retainer_public_page_is_valid (model->source))
        return set_invalid (error, source, path, "source",
                            _("expected the address of the public page the prices came from, "
                              "starting with https://"));
      if (!retainer_iso_date_is_valid (model->prices_read))
        return set_invalid (error, source, path, "prices_read",
                            _("expected the date the prices were read, like 2026-11-30"));
      for (guint j = 0; j < i; j++)
        if (same_model (&table->models[j], model))
          return set_invalid (error, source, path, "name",
                              _("expected a model the table does not list already"));
    }

  return TRUE;
}

static gboolean
read_price (const cJSON              *object,
            const char               *path,
            const char               *key,
            gint64                   *value,
            const RetainerJsonSource *source,
            GError                  **error)
{
  double number = 0;

  if (!retainer_json_get_number (object, path, key, TRUE, 0,
                                 (double) (RETAINER_PRICE_MAX / RETAINER_DECIMAL_SCALE), &number,
                                 source, error))
    return FALSE;

  if (!retainer_decimal_from_json (number, RETAINER_PRICE_MAX, value))
    {
      retainer_json_set_field_error (error, source, path, key,
                                     _("expected US dollars per million tokens with at most 6 "
                                       "decimals, like 2.50"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_date (const cJSON              *object,
           const char               *path,
           const char               *key,
           gboolean                  required,
           char                    **value,
           const RetainerJsonSource *source,
           GError                  **error)
{
  g_autofree char *text = NULL;

  if (!retainer_json_get_string (object, path, key, required, 64, &text, source, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!retainer_iso_date_is_valid (text))
    {
      retainer_json_set_field_error (error, source, path, key,
                                     _("expected the date the prices were read, like 2026-11-30"));
      return FALSE;
    }

  g_free (*value);
  *value = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
read_model (const cJSON              *object,
            const char               *path,
            const char               *table_date,
            RetainerModelPrice       *model,
            const RetainerJsonSource *source,
            GError                  **error)
{
  if (!retainer_json_get_string (object, path, "provider", TRUE, 80, &model->provider, source, error)
      || !retainer_json_get_string (object, path, "name", TRUE, 120, &model->name, source, error)
      || !read_price (object, path, "input_price", &model->input_price, source, error)
      || !read_price (object, path, "output_price", &model->output_price, source, error)
      || !retainer_json_get_string (object, path, "source", TRUE, 2000, &model->source, source,
                                    error)
      || !read_date (object, path, "prices_read", FALSE, &model->prices_read, source, error))
    return FALSE;

  if (model->prices_read == NULL)
    model->prices_read = g_strdup (table_date);
  return TRUE;
}

/**
 * retainer_price_table_from_json:
 * @root: the file's JSON object, its format already checked
 * @source: the file, for messages
 * @error: a #GError
 *
 * Reads and validates a table.
 *
 * Returns: (transfer full) (nullable): the table
 */
RetainerPriceTable *
retainer_price_table_from_json (const cJSON              *root,
                                const RetainerJsonSource *source,
                                GError                  **error)
{
  g_autoptr (RetainerPriceTable) table = g_new0 (RetainerPriceTable, 1);
  const cJSON *models, *item;
  guint index = 0;
  int size;

  g_return_val_if_fail (root != NULL, NULL);

  if (!retainer_json_get_string (root, "", "name", TRUE, 120, &table->name, source, error)
      || !read_date (root, "", "prices_read", TRUE, &table->prices_read, source, error)
      || !retainer_json_get_string (root, "", "note", FALSE, 2000, &table->note, source, error))
    return NULL;

  models = retainer_json_get_array (root, "", "models", TRUE, source, error);
  if (models == NULL)
    return NULL;
  size = cJSON_GetArraySize (models);
  if (size > RETAINER_PRICE_TABLE_MAX_MODELS)
    {
      g_autofree char *problem = g_strdup_printf (ngettext ("expected at most %d model",
                                                            "expected at most %d models",
                                                            RETAINER_PRICE_TABLE_MAX_MODELS),
                                                  RETAINER_PRICE_TABLE_MAX_MODELS);
      retainer_json_set_field_error (error, source, "", "models", problem);
      return NULL;
    }

  table->models = g_new0 (RetainerModelPrice, MAX (size, 1));
  cJSON_ArrayForEach (item, models)
    {
      g_autofree char *model_path = g_strdup_printf ("models[%u]", index);

      if (!cJSON_IsObject (item))
        {
          retainer_json_set_field_error (error, source, "", model_path,
                                         _("expected an object in braces"));
          return NULL;
        }
      table->n_models = ++index;
      if (!read_model (item, model_path, table->prices_read, &table->models[index - 1], source,
                       error))
        return NULL;
    }

  if (!retainer_price_table_validate (table, source, error))
    return NULL;

  return g_steal_pointer (&table);
}

static void
add_decimal (cJSON      *object,
             const char *key,
             gint64      millionths)
{
  g_autofree char *number = retainer_decimal_to_json (millionths);

  cJSON_AddItemToObject (object, key, cJSON_CreateRaw (number));
}

/**
 * retainer_price_table_to_json:
 * @table: a table
 *
 * Returns: (transfer full): the table as a price table file's JSON, prices
 *   written exactly
 */
cJSON *
retainer_price_table_to_json (const RetainerPriceTable *table)
{
  cJSON *root = cJSON_CreateObject ();
  cJSON *models;

  cJSON_AddStringToObject (root, "format", RETAINER_PRICE_TABLE_FORMAT);
  cJSON_AddNumberToObject (root, "version", RETAINER_PRICE_TABLE_VERSION);
  cJSON_AddStringToObject (root, "name", table->name != NULL ? table->name : "");
  cJSON_AddStringToObject (root, "prices_read", table->prices_read != NULL ? table->prices_read : "");
  if (table->note != NULL)
    cJSON_AddStringToObject (root, "note", table->note);
  models = cJSON_AddArrayToObject (root, "models");
  for (guint i = 0; i < table->n_models; i++)
    {
      const RetainerModelPrice *model = &table->models[i];
      cJSON *object = cJSON_CreateObject ();

      cJSON_AddStringToObject (object, "provider", model->provider != NULL ? model->provider : "");
      cJSON_AddStringToObject (object, "name", model->name != NULL ? model->name : "");
      add_decimal (object, "input_price", model->input_price);
      add_decimal (object, "output_price", model->output_price);
      cJSON_AddStringToObject (object, "source", model->source != NULL ? model->source : "");
      /* A model read the same day as the table keeps the table's date. */
      if (model->prices_read != NULL && g_strcmp0 (model->prices_read, table->prices_read) != 0)
        cJSON_AddStringToObject (object, "prices_read", model->prices_read);
      cJSON_AddItemToArray (models, object);
    }

  return root;
}

/**
 * retainer_price_table_load_data:
 * @text: a file's contents, not necessarily terminated
 * @length: their length in bytes
 * @display_name: the file's name, for messages
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the table
 */
RetainerPriceTable *
retainer_price_table_load_data (const char *text,
                                gsize       length,
                                const char *display_name,
                                GError    **error)
{
  /* Messages find a field's line in the text, reading up to a NUL that
   * @text may not have. */
  g_autofree char *terminated = g_strndup (text, length);
  RetainerJsonSource source = { display_name, terminated };
  g_autoptr (cJSON) root = retainer_json_parse (text, length, &source, error);

  if (root == NULL)
    return NULL;
  if (!retainer_json_check_format (root, RETAINER_PRICE_TABLE_FORMAT,
                                   RETAINER_PRICE_TABLE_VERSION, &source, error))
    return NULL;

  return retainer_price_table_from_json (root, &source, error);
}

/**
 * retainer_price_table_load:
 * @path: a price table file
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the table, remembering @path
 */
RetainerPriceTable *
retainer_price_table_load (const char *path,
                           GError    **error)
{
  g_autofree char *display_name = g_filename_display_name (path);
  g_autofree char *text = NULL;
  g_autoptr (cJSON) root = retainer_json_load_file (path, &text, error);
  RetainerJsonSource source = { display_name, text };
  RetainerPriceTable *table;

  if (root == NULL)
    return NULL;
  if (!retainer_json_check_format (root, RETAINER_PRICE_TABLE_FORMAT,
                                   RETAINER_PRICE_TABLE_VERSION, &source, error))
    return NULL;

  table = retainer_price_table_from_json (root, &source, error);
  if (table != NULL)
    table->path = g_strdup (path);
  return table;
}

/**
 * retainer_price_table_save:
 * @table: a table
 * @path: where to save it
 * @error: a #GError
 *
 * Saves atomically: a failed save leaves the previous file whole. A table
 * that does not validate is not written.
 */
gboolean
retainer_price_table_save (const RetainerPriceTable *table,
                           const char               *path,
                           GError                  **error)
{
  g_autofree char *display_name = g_filename_display_name (path);
  RetainerJsonSource source = { display_name, NULL };
  g_autoptr (cJSON) root = NULL;

  if (!retainer_price_table_validate (table, &source, error))
    return FALSE;

  root = retainer_price_table_to_json (table);
  return retainer_json_save_file (root, path, error);
}

/**
 * retainer_price_table_load_builtin:
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the table shipped with Retainer
 */
RetainerPriceTable *
retainer_price_table_load_builtin (GError **error)
{
  g_autoptr (GBytes) bytes = g_resources_lookup_data (BUILTIN_RESOURCE,
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  RetainerPriceTable *table;
  gsize length;
  const char *text;

  if (bytes == NULL)
    {
      g_set_error (error, RETAINER_PRICE_TABLE_ERROR, RETAINER_PRICE_TABLE_ERROR_NOT_FOUND,
                   _("The built-in price table is missing from this build of Retainer"));
      return NULL;
    }

  text = g_bytes_get_data (bytes, &length);
  table = retainer_price_table_load_data (text, length, BUILTIN_RESOURCE, error);
  if (table != NULL)
    table->builtin = TRUE;
  return table;
}

/**
 * retainer_price_table_user_dir:
 *
 * Returns: (transfer full): the folder of the founder's own tables
 */
char *
retainer_price_table_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "retainer", "price-tables", NULL);
}

/* retainer_price_table_load() for retainer_json_load_folder(). */
static gpointer
load_table_cb (const char *path,
               GError    **error)
{
  return retainer_price_table_load (path, error);
}

/**
 * retainer_price_table_list_all:
 * @problems: (out) (optional) (transfer full): messages of files that failed
 *
 * Returns: (transfer full): the built-in table, then the user's, by file name
 */
GPtrArray *
retainer_price_table_list_all (GPtrArray **problems)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func ((GDestroyNotify) retainer_price_table_free);
  g_autofree char *dir_path = retainer_price_table_user_dir ();
  g_autoptr (GError) builtin_error = NULL;
  RetainerPriceTable *builtin = retainer_price_table_load_builtin (&builtin_error);

  if (problems != NULL)
    *problems = g_ptr_array_new_with_free_func (g_free);

  /* The built-in table is tested; failing here is a packaging mistake. */
  if (builtin == NULL)
    g_critical ("%s", builtin_error->message);
  else
    g_ptr_array_add (tables, builtin);

  retainer_json_load_folder (dir_path, load_table_cb, tables,
                             problems != NULL ? *problems : NULL);
  return tables;
}
