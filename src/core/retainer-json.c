/* retainer-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "retainer-i18n.h"
#include "retainer-json.h"
#include "retainer-money.h"

G_DEFINE_QUARK (retainer-json-error-quark, retainer_json_error)

static const char *
source_name (const RetainerJsonSource *source)
{
  return source != NULL && source->display_name != NULL ? source->display_name : _("(unnamed)");
}

static guint
line_of_offset (const char *text,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset && text[i] != '\0'; i++)
    if (text[i] == '\n')
      line++;

  return line;
}

/* Finding the line of a field: a small scanner that walks the source text
 * (already known to be valid JSON) along a path like "tiers[1].price". */
typedef struct
{
  const char *text;
  const char *p;
  char      **segments; /* "tiers", "[1]", "price" */
  guint       n_segments;
  int         depth;
} LineScanner;

static void scan_skip_value (LineScanner *scanner);
static const char *scan_value (LineScanner *scanner, guint segment);

static void
scan_space (LineScanner *scanner)
{
  while (*scanner->p == ' ' || *scanner->p == '\t' || *scanner->p == '\n' || *scanner->p == '\r')
    scanner->p++;
}

/* Reads a string at p (which is on the opening quote); returns it unescaped
 * only as far as plain keys need (escapes are kept as written). */
static char *
scan_string (LineScanner *scanner)
{
  const char *start = ++scanner->p;

  while (*scanner->p != '\0' && *scanner->p != '"')
    {
      if (*scanner->p == '\\' && scanner->p[1] != '\0')
        scanner->p++;
      scanner->p++;
    }
  if (*scanner->p == '"')
    scanner->p++;
  return g_strndup (start, (gsize) (scanner->p - start - 1));
}

static void
scan_skip_value (LineScanner *scanner)
{
  scan_value (scanner, G_MAXUINT);
}

/* Scans one value; when `segment` is a real index, looks for the rest of the
 * path inside it and returns where the last segment's key or item starts. */
static const char *
scan_value (LineScanner *scanner,
            guint        segment)
{
  const char *found = NULL;

  scan_space (scanner);
  if (++scanner->depth > CJSON_NESTING_LIMIT + 1)
    return NULL;

  if (*scanner->p == '{')
    {
      scanner->p++;
      scan_space (scanner);
      while (*scanner->p == '"')
        {
          const char *key_start = scanner->p;
          g_autofree char *key = scan_string (scanner);
          gboolean match = segment < scanner->n_segments
                           && strcmp (scanner->segments[segment], key) == 0;

          scan_space (scanner);
          if (*scanner->p == ':')
            scanner->p++;
          if (match && found == NULL && segment + 1 == scanner->n_segments)
            {
              found = key_start;
              scan_skip_value (scanner);
            }
          else if (match && found == NULL)
            found = scan_value (scanner, segment + 1);
          else
            scan_skip_value (scanner);
          scan_space (scanner);
          if (*scanner->p == ',')
            scanner->p++;
          scan_space (scanner);
        }
      if (*scanner->p == '}')
        scanner->p++;
    }
  else if (*scanner->p == '[')
    {
      guint index = 0;

      scanner->p++;
      scan_space (scanner);
      while (*scanner->p != ']' && *scanner->p != '\0')
        {
          g_autofree char *wanted = g_strdup_printf ("[%u]", index++);
          const char *item_start = scanner->p;
          gboolean match = segment < scanner->n_segments
                           && strcmp (scanner->segments[segment], wanted) == 0;

          if (match && found == NULL && segment + 1 == scanner->n_segments)
            {
              found = item_start;
              scan_skip_value (scanner);
            }
          else if (match && found == NULL)
            found = scan_value (scanner, segment + 1);
          else
            scan_skip_value (scanner);
          scan_space (scanner);
          if (*scanner->p == ',')
            scanner->p++;
          else if (*scanner->p != ']')
            break;
          scan_space (scanner);
        }
      if (*scanner->p == ']')
        scanner->p++;
    }
  else if (*scanner->p == '"')
    {
      g_free (scan_string (scanner));
    }
  else
    {
      while (*scanner->p != '\0' && strchr (",]} \t\r\n", *scanner->p) == NULL)
        scanner->p++;
    }

  scanner->depth--;
  return found;
}

/* "tiers[1].price" -> "tiers", "[1]", "price" */
static GPtrArray *
split_path (const char *path)
{
  GPtrArray *segments = g_ptr_array_new_with_free_func (g_free);
  const char *p = path;

  while (*p != '\0')
    {
      const char *end;

      if (*p == '.')
        p++;
      if (*p == '[')
        {
          end = strchr (p, ']');
          end = end != NULL ? end + 1 : p + strlen (p);
        }
      else
        {
          end = p + strcspn (p, ".[");
        }
      if (end > p)
        g_ptr_array_add (segments, g_strndup (p, (gsize) (end - p)));
      p = end;
    }

  g_ptr_array_add (segments, NULL);
  return segments;
}

static guint
find_field_line (const char *text,
                 const char *path,
                 const char *key)
{
  g_autofree char *full_path = NULL;
  g_autoptr (GPtrArray) segments = NULL;
  LineScanner scanner = { 0 };
  const char *found;

  if (text == NULL || key == NULL)
    return 0;

  full_path = path != NULL && *path != '\0'
                ? (key[0] == '[' ? g_strconcat (path, key, NULL) : g_strconcat (path, ".", key, NULL))
                : g_strdup (key);
  segments = split_path (full_path);
  scanner.text = text;
  scanner.p = text;
  scanner.segments = (char **) segments->pdata;
  scanner.n_segments = segments->len - 1;
  found = scan_value (&scanner, 0);

  return found != NULL ? line_of_offset (text, (gsize) (found - text)) : 0;
}

/**
 * retainer_json_join_path:
 * @path: the parent's path, "" at the top
 * @key: the field
 *
 * Returns: "parent.key", or "key" at the top.
 */
char *
retainer_json_join_path (const char *path,
                         const char *key)
{
  if (path == NULL || *path == '\0')
    return g_strdup (key);
  return g_strdup_printf ("%s.%s", path, key);
}

/**
 * retainer_json_set_field_error:
 * @error: where to put the error
 * @source: the file
 * @path: the parent's path
 * @key: the field
 * @problem: what is wrong, translated, saying what was expected
 *
 * Sets an error naming the file, the field and, where found, its line.
 */
void
retainer_json_set_field_error (GError                  **error,
                               const RetainerJsonSource *source,
                               const char               *path,
                               const char               *key,
                               const char               *problem)
{
  g_autofree char *field = retainer_json_join_path (path, key);
  guint line = find_field_line (source != NULL ? source->text : NULL, path, key);

  if (line > 0)
    /* Translators: %1$s is a file name, %2$u a line number, %3$s a field
     * like "tiers[1].price", %4$s what is wrong with it. */
    g_set_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_FIELD,
                 _("%1$s, line %2$u: field “%3$s”: %4$s"),
                 source_name (source), line, field, problem);
  else
    /* Translators: %1$s is a file name, %2$s a field, %3$s what is wrong with it. */
    g_set_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_FIELD,
                 _("%1$s: field “%2$s”: %3$s"),
                 source_name (source), field, problem);
}

/**
 * retainer_json_parse:
 * @text: the file's contents
 * @length: its length in bytes
 * @source: for messages
 * @error: a #GError
 *
 * Parses a whole document; trailing text after the value is an error.
 *
 * Returns: (transfer full) (nullable): the document
 */
cJSON *
retainer_json_parse (const char               *text,
                     gsize                     length,
                     const RetainerJsonSource *source,
                     GError                  **error)
{
  g_autofree char *copy = NULL;
  const char *end = NULL;
  cJSON *root;
  gsize i;

  if (length > RETAINER_JSON_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (length);

      g_set_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_TOO_LARGE,
                   _("%s is too large to be a Retainer file (%s; the limit is %d MiB)"),
                   source_name (source), size, RETAINER_JSON_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  for (i = 0; i < length && g_ascii_isspace (text[i]); i++)
    ;
  if (i == length)
    {
      g_set_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_EMPTY,
                   _("%s is empty: expected a JSON object"), source_name (source));
      return NULL;
    }

  if (memchr (text, '\0', length) != NULL)
    {
      g_set_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_SYNTAX,
                   _("%s is not a text file: expected a JSON object"), source_name (source));
      return NULL;
    }

  /* cJSON wants a terminated buffer; with require_null_terminated it must be
   * given the terminator in the length. */
  copy = g_strndup (text, length);
  root = cJSON_ParseWithLengthOpts (copy, length + 1, &end, TRUE);
  if (root == NULL)
    {
      gsize offset = end != NULL && end >= copy ? (gsize) (end - copy) : 0;
      const char *ptr = cJSON_GetErrorPtr ();

      if (end == NULL && ptr != NULL && ptr >= copy && ptr <= copy + length)
        offset = (gsize) (ptr - copy);
      g_set_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_SYNTAX,
                   _("%s, line %u: not valid JSON (check for a missing comma, quote or "
                     "bracket, or nesting deeper than %d levels)"),
                   source_name (source), line_of_offset (copy, offset), CJSON_NESTING_LIMIT);
      return NULL;
    }

  if (!cJSON_IsObject (root))
    {
      cJSON_Delete (root);
      g_set_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_FORMAT,
                   _("%s: expected a JSON object at the top"), source_name (source));
      return NULL;
    }

  return root;
}

/**
 * retainer_json_load_file:
 * @path: a file name
 * @out_text: (out) (optional): the file's text, for line numbers
 * @error: a #GError
 *
 * Reads and parses a file, refusing anything larger than a real Retainer
 * file could be before reading it whole.
 *
 * Returns: (transfer full) (nullable): the document
 */
cJSON *
retainer_json_load_file (const char *path,
                         char      **out_text,
                         GError    **error)
{
  g_autofree char *display_name = g_filename_display_name (path);
  g_autofree char *text = NULL;
  g_autoptr (GError) local_error = NULL;
  RetainerJsonSource source = { display_name, NULL };
  GStatBuf st;
  gsize length = 0;
  cJSON *root;

  if (g_stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_READ,
                       _("%s is a folder: expected a file"), display_name);
          return NULL;
        }
      if (st.st_size > RETAINER_JSON_MAX_FILE_SIZE)
        {
          g_autofree char *size = g_format_size ((guint64) st.st_size);

          g_set_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_TOO_LARGE,
                       _("%s is too large to be a Retainer file (%s; the limit is %d MiB)"),
                       display_name, size,
                       RETAINER_JSON_MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
    }

  if (!g_file_get_contents (path, &text, &length, &local_error))
    {
      g_set_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_READ,
                   _("Could not read %s: %s"), display_name, local_error->message);
      return NULL;
    }

  source.text = text;
  root = retainer_json_parse (text, length, &source, error);
  if (root != NULL && out_text != NULL)
    *out_text = g_steal_pointer (&text);
  return root;
}

/**
 * retainer_json_check_format:
 * @root: the document
 * @format: the "format" it must declare
 * @max_version: the newest version this build reads
 * @source: for messages
 * @error: a #GError
 *
 * Refuses another kind of file, or one written by a newer Retainer.
 */
gboolean
retainer_json_check_format (const cJSON              *root,
                            const char               *format,
                            int                       max_version,
                            const RetainerJsonSource *source,
                            GError                  **error)
{
  const cJSON *format_item = cJSON_GetObjectItemCaseSensitive (root, "format");
  const cJSON *version_item = cJSON_GetObjectItemCaseSensitive (root, "version");

  if (!cJSON_IsString (format_item) || strcmp (format_item->valuestring, format) != 0)
    {
      g_set_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_FORMAT,
                   _("%s: field “format”: expected “%s”; this is not that kind of Retainer file"),
                   source_name (source), format);
      return FALSE;
    }

  if (!cJSON_IsNumber (version_item) || !isfinite (version_item->valuedouble)
      || version_item->valuedouble < 1 || version_item->valuedouble != floor (version_item->valuedouble))
    {
      retainer_json_set_field_error (error, source, "", "version",
                                     _("expected a whole number, 1 or more"));
      return FALSE;
    }

  if (version_item->valuedouble > max_version)
    {
      g_set_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_VERSION,
                   _("%s was written by a newer version of Retainer (file version %.0f; this "
                     "version reads up to %d). Update Retainer to open it; the file was not "
                     "changed."),
                   source_name (source), version_item->valuedouble, max_version);
      return FALSE;
    }

  return TRUE;
}

static const cJSON *
get_item (const cJSON              *object,
          const char               *path,
          const char               *key,
          gboolean                  required,
          const RetainerJsonSource *source,
          GError                  **error)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, key);

  if ((item == NULL || cJSON_IsNull (item)) && required)
    retainer_json_set_field_error (error, source, path, key, _("is required but missing"));

  return cJSON_IsNull (item) ? NULL : item;
}

/**
 * retainer_json_get_string:
 *
 * Reads a text field of at most @max_length characters. The text must be
 * valid UTF-8; control characters other than newline and tab are refused.
 */
gboolean
retainer_json_get_string (const cJSON              *object,
                          const char               *path,
                          const char               *key,
                          gboolean                  required,
                          gsize                     max_length,
                          char                    **value,
                          const RetainerJsonSource *source,
                          GError                  **error)
{
  const cJSON *item = get_item (object, path, key, required, source, error);
  const char *text;

  if (item == NULL)
    return !required;

  if (!cJSON_IsString (item))
    {
      retainer_json_set_field_error (error, source, path, key, _("expected text in quotes"));
      return FALSE;
    }

  text = item->valuestring;
  if (!g_utf8_validate (text, -1, NULL))
    {
      retainer_json_set_field_error (error, source, path, key, _("expected text in UTF-8"));
      return FALSE;
    }

  if (g_utf8_strlen (text, -1) > (glong) max_length)
    {
      g_autofree char *problem =
        g_strdup_printf (ngettext ("expected at most %lu character",
                                   "expected at most %lu characters", max_length),
                         (unsigned long) max_length);
      retainer_json_set_field_error (error, source, path, key, problem);
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
        {
          retainer_json_set_field_error (error, source, path, key,
                                         _("expected text without control characters"));
          return FALSE;
        }
    }

  g_free (*value);
  *value = g_strdup (text);
  return TRUE;
}

/**
 * retainer_json_get_number:
 *
 * Reads a finite number within [@min, @max].
 */
gboolean
retainer_json_get_number (const cJSON              *object,
                          const char               *path,
                          const char               *key,
                          gboolean                  required,
                          double                    min,
                          double                    max,
                          double                   *value,
                          const RetainerJsonSource *source,
                          GError                  **error)
{
  const cJSON *item = get_item (object, path, key, required, source, error);

  if (item == NULL)
    return !required;

  if (!cJSON_IsNumber (item) || !isfinite (item->valuedouble)
      || item->valuedouble < min || item->valuedouble > max)
    {
      g_autofree char *low = g_strdup_printf ("%.15g", min);
      g_autofree char *high = g_strdup_printf ("%.15g", max);
      g_autofree char *problem = NULL;

      if (cJSON_IsNumber (item) && !isfinite (item->valuedouble))
        problem = g_strdup_printf (_("expected a number from %s to %s, got a number too large "
                                     "to store"), low, high);
      else if (cJSON_IsNumber (item))
        problem = g_strdup_printf (_("expected a number from %s to %s, got %.15g"),
                                   low, high, item->valuedouble);
      else
        problem = g_strdup_printf (_("expected a number from %s to %s"), low, high);
      retainer_json_set_field_error (error, source, path, key, problem);
      return FALSE;
    }

  *value = item->valuedouble;
  return TRUE;
}

/**
 * retainer_json_get_money:
 *
 * Reads an amount in major units, from 0 to 10^12, into minor units.
 */
gboolean
retainer_json_get_money (const cJSON              *object,
                         const char               *path,
                         const char               *key,
                         gboolean                  required,
                         gint64                   *value,
                         const RetainerJsonSource *source,
                         GError                  **error)
{
  double major = 0;

  if (cJSON_GetObjectItemCaseSensitive (object, key) == NULL && !required)
    return TRUE;

  if (!retainer_json_get_number (object, path, key, required, 0, RETAINER_MONEY_MAX_MAJOR, &major,
                                 source, error))
    return FALSE;

  if (cJSON_GetObjectItemCaseSensitive (object, key) != NULL
      && !cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (object, key)))
    *value = retainer_money_from_major (major);
  return TRUE;
}

/**
 * retainer_json_get_uint:
 *
 * Reads a whole number within [@min, @max].
 */
gboolean
retainer_json_get_uint (const cJSON              *object,
                        const char               *path,
                        const char               *key,
                        gboolean                  required,
                        guint                     min,
                        guint                     max,
                        guint                    *value,
                        const RetainerJsonSource *source,
                        GError                  **error)
{
  const cJSON *item = get_item (object, path, key, required, source, error);

  if (item == NULL)
    return !required;

  if (!cJSON_IsNumber (item) || !isfinite (item->valuedouble) || item->valuedouble < min
      || item->valuedouble > max || item->valuedouble != floor (item->valuedouble))
    {
      g_autofree char *problem = g_strdup_printf (_("expected a whole number from %u to %u"),
                                                  min, max);
      retainer_json_set_field_error (error, source, path, key, problem);
      return FALSE;
    }

  *value = (guint) item->valuedouble;
  return TRUE;
}

/**
 * retainer_json_get_bool:
 *
 * Reads true or false.
 */
gboolean
retainer_json_get_bool (const cJSON              *object,
                        const char               *path,
                        const char               *key,
                        gboolean                  required,
                        gboolean                 *value,
                        const RetainerJsonSource *source,
                        GError                  **error)
{
  const cJSON *item = get_item (object, path, key, required, source, error);

  if (item == NULL)
    return !required;

  if (!cJSON_IsBool (item))
    {
      retainer_json_set_field_error (error, source, path, key, _("expected true or false"));
      return FALSE;
    }

  *value = cJSON_IsTrue (item);
  return TRUE;
}

/**
 * retainer_json_get_enum:
 *
 * Reads one of @ids, storing its index.
 */
gboolean
retainer_json_get_enum (const cJSON              *object,
                        const char               *path,
                        const char               *key,
                        gboolean                  required,
                        const char *const        *ids,
                        int                      *value,
                        const RetainerJsonSource *source,
                        GError                  **error)
{
  const cJSON *item = get_item (object, path, key, required, source, error);

  if (item == NULL)
    return !required;

  if (cJSON_IsString (item))
    {
      for (int i = 0; ids[i] != NULL; i++)
        {
          if (strcmp (ids[i], item->valuestring) == 0)
            {
              *value = i;
              return TRUE;
            }
        }
    }

  {
    g_autoptr (GString) choices = g_string_new (NULL);
    g_autofree char *problem = NULL;

    for (int i = 0; ids[i] != NULL; i++)
      g_string_append_printf (choices, "%s“%s”", i > 0 ? ", " : "", ids[i]);
    problem = g_strdup_printf (_("expected one of %s"), choices->str);
    retainer_json_set_field_error (error, source, path, key, problem);
  }
  return FALSE;
}

static const cJSON *
get_typed (const cJSON              *object,
           const char               *path,
           const char               *key,
           gboolean                  required,
           cJSON_bool              (*is_type) (const cJSON *),
           const char               *expected,
           const RetainerJsonSource *source,
           GError                  **error)
{
  g_autoptr (GError) local_error = NULL;
  const cJSON *item = get_item (object, path, key, required, source, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (item == NULL)
    return NULL;

  if (!is_type (item))
    {
      retainer_json_set_field_error (error, source, path, key, expected);
      return NULL;
    }

  return item;
}

/**
 * retainer_json_get_object:
 *
 * Returns: (nullable): the object, or %NULL when missing (an error only if
 * @required) or not an object (always an error).
 */
const cJSON *
retainer_json_get_object (const cJSON              *object,
                          const char               *path,
                          const char               *key,
                          gboolean                  required,
                          const RetainerJsonSource *source,
                          GError                  **error)
{
  return get_typed (object, path, key, required, cJSON_IsObject,
                    _("expected an object in braces"), source, error);
}

/**
 * retainer_json_get_array:
 *
 * Returns: (nullable): the array, as retainer_json_get_object().
 */
const cJSON *
retainer_json_get_array (const cJSON              *object,
                         const char               *path,
                         const char               *key,
                         gboolean                  required,
                         const RetainerJsonSource *source,
                         GError                  **error)
{
  return get_typed (object, path, key, required, cJSON_IsArray,
                    _("expected a list in square brackets"), source, error);
}

/**
 * retainer_json_add_money:
 * @object: a JSON object
 * @key: the field
 * @minor_units: the amount
 *
 * Adds an amount as an exact number in major units.
 */
void
retainer_json_add_money (cJSON      *object,
                         const char *key,
                         gint64      minor_units)
{
  g_autofree char *number = retainer_money_to_json_number (minor_units);

  cJSON_AddItemToObject (object, key, cJSON_CreateRaw (number));
}

/**
 * retainer_error_message:
 * @error: (nullable): what a failed call set
 *
 * The window and the command line tell a failure through this, never
 * through `error->message` itself: a function that returned failure
 * without setting its error is a bug, and the user then reads a sentence
 * instead of the program crashing on a %NULL error.
 *
 * Returns: (transfer none): the message to show
 */
const char *
retainer_error_message (const GError *error)
{
  if (error == NULL || error->message == NULL || *error->message == '\0')
    return _("The work failed for an unknown reason");
  return error->message;
}

/**
 * retainer_file_replace_contents:
 * @path: the file to write
 * @contents: the bytes
 * @length: how many
 * @error: a #GError
 *
 * Writes a temporary file next to @path, flushes it to disk and renames it
 * over @path: a crash or a full disk leaves the previous file whole.
 */
gboolean
retainer_file_replace_contents (const char *path,
                                const char *contents,
                                gsize       length,
                                GError    **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!g_file_set_contents_full (path, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_WRITE,
                   _("Could not save %s: %s. The previous file, if any, was left unchanged."),
                   display_name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * retainer_file_is_same:
 * @path: (nullable): a file, like the output of an export
 * @other: (nullable): another, like the proposal it reads
 *
 * For files that exist, the same device and inode: "./a.retainer" and
 * "a.retainer", a link and its target, or two spellings of one path all
 * match. Otherwise the same path once resolved.
 *
 * Returns: %TRUE when both name one file
 */
gboolean
retainer_file_is_same (const char *path,
                       const char *other)
{
  GStatBuf path_stat;
  GStatBuf other_stat;
  g_autoptr (GFile) path_file = NULL;
  g_autoptr (GFile) other_file = NULL;

  if (path == NULL || other == NULL)
    return FALSE;
  if (g_stat (path, &path_stat) == 0 && g_stat (other, &other_stat) == 0)
    return path_stat.st_dev == other_stat.st_dev && path_stat.st_ino == other_stat.st_ino;
  path_file = g_file_new_for_path (path);
  other_file = g_file_new_for_path (other);
  return g_file_equal (path_file, other_file);
}

/**
 * retainer_json_save_file:
 * @root: the document
 * @path: the file
 * @error: a #GError
 *
 * Saves the document atomically, as retainer_file_replace_contents().
 */
gboolean
retainer_json_save_file (const cJSON *root,
                         const char  *path,
                         GError     **error)
{
  g_autofree char *text = cJSON_Print (root);
  g_autofree char *with_newline = NULL;

  if (text == NULL)
    {
      g_set_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_WRITE,
                   _("Could not save %s: out of memory"), path);
      return FALSE;
    }

  with_newline = g_strconcat (text, "\n", NULL);
  return retainer_file_replace_contents (path, with_newline, strlen (with_newline), error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/**
 * retainer_json_load_folder:
 * @dir_path: the folder of the founder's own files
 * @load: reads one file
 * @items: receives what loaded, by file name
 * @problems: (nullable) (element-type utf8): receives one message per file
 *   that did not load
 *
 * The founder's own cards and price tables live one a file in a folder;
 * this reads them all, so that a bad file costs only itself.
 */
void
retainer_json_load_folder (const char           *dir_path,
                           RetainerJsonLoadFunc  load,
                           GPtrArray            *items,
                           GPtrArray            *problems)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = NULL;
  const char *name;

  g_return_if_fail (dir_path != NULL);
  g_return_if_fail (load != NULL);
  g_return_if_fail (items != NULL);

  dir = g_dir_open (dir_path, 0, NULL);
  names = g_ptr_array_new_with_free_func (g_free);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
      g_autoptr (GError) error = NULL;
      gpointer item = load (path, &error);

      if (item != NULL)
        g_ptr_array_add (items, item);
      else if (problems != NULL)
        g_ptr_array_add (problems, g_strdup (error->message));
    }
}
