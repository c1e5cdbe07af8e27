/* retainer-json.h: reading and writing the project's JSON files with cJSON
 *
 * Every reader names the file and the field (as a path like "tiers[1].price")
 * in its messages, with the line of the field where it can be found.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cjson/cJSON.h>

G_BEGIN_DECLS

#define RETAINER_JSON_ERROR (retainer_json_error_quark ())

typedef enum
{
  RETAINER_JSON_ERROR_READ,      /* the file could not be read */
  RETAINER_JSON_ERROR_WRITE,     /* the file could not be written */
  RETAINER_JSON_ERROR_TOO_LARGE, /* over the size any real file has */
  RETAINER_JSON_ERROR_EMPTY,
  RETAINER_JSON_ERROR_SYNTAX,    /* not JSON */
  RETAINER_JSON_ERROR_FORMAT,    /* JSON, but not this kind of file */
  RETAINER_JSON_ERROR_VERSION,   /* written by a newer Retainer */
  RETAINER_JSON_ERROR_FIELD,     /* a field is missing, of the wrong type or out of range */
} RetainerJsonError;

GQuark retainer_json_error_quark (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cJSON, cJSON_Delete)

/* The largest file any loader accepts. */
#define RETAINER_JSON_MAX_FILE_SIZE (4 * 1024 * 1024)

/* Where the values come from, for messages. */
typedef struct
{
  const char *display_name; /* the file's name as the user knows it */
  const char *text;         /* the source text, NUL-terminated, for line numbers; may be NULL */
} RetainerJsonSource;

cJSON   *retainer_json_parse            (const char               *text,
                                         gsize                     length,
                                         const RetainerJsonSource *source,
                                         GError                  **error);
cJSON   *retainer_json_load_file        (const char               *path,
                                         char                    **out_text,
                                         GError                  **error);
gboolean retainer_json_check_format     (const cJSON              *root,
                                         const char               *format,
                                         int                       max_version,
                                         const RetainerJsonSource *source,
                                         GError                  **error);

/* Typed getters. `path` is the dotted path of the parent ("" at the top);
 * a missing optional field leaves *value untouched and succeeds. */
gboolean retainer_json_get_string       (const cJSON              *object,
                                         const char               *path,
                                         const char               *key,
                                         gboolean                  required,
                                         gsize                     max_length,
                                         char                    **value,
                                         const RetainerJsonSource *source,
                                         GError                  **error);
gboolean retainer_json_get_number       (const cJSON              *object,
                                         const char               *path,
                                         const char               *key,
                                         gboolean                  required,
                                         double                    min,
                                         double                    max,
                                         double                   *value,
                                         const RetainerJsonSource *source,
                                         GError                  **error);
gboolean retainer_json_get_money        (const cJSON              *object,
                                         const char               *path,
                                         const char               *key,
                                         gboolean                  required,
                                         gint64                   *value,
                                         const RetainerJsonSource *source,
                                         GError                  **error);
gboolean retainer_json_get_uint         (const cJSON              *object,
                                         const char               *path,
                                         const char               *key,
                                         gboolean                  required,
                                         guint                     min,
                                         guint                     max,
                                         guint                    *value,
                                         const RetainerJsonSource *source,
                                         GError                  **error);
gboolean retainer_json_get_bool         (const cJSON              *object,
                                         const char               *path,
                                         const char               *key,
                                         gboolean                  required,
                                         gboolean                 *value,
                                         const RetainerJsonSource *source,
                                         GError                  **error);
/* An enum given by its id; `ids` is NULL-terminated, in value order. */
gboolean retainer_json_get_enum         (const cJSON              *object,
                                         const char               *path,
                                         const char               *key,
                                         gboolean                  required,
                                         const char *const        *ids,
                                         int                      *value,
                                         const RetainerJsonSource *source,
                                         GError                  **error);
const cJSON *retainer_json_get_object   (const cJSON              *object,
                                         const char               *path,
                                         const char               *key,
                                         gboolean                  required,
                                         const RetainerJsonSource *source,
                                         GError                  **error);
const cJSON *retainer_json_get_array    (const cJSON              *object,
                                         const char               *path,
                                         const char               *key,
                                         gboolean                  required,
                                         const RetainerJsonSource *source,
                                         GError                  **error);
/* Sets a field error naming the file, the field and, where found, its line. */
void     retainer_json_set_field_error  (GError                  **error,
                                         const RetainerJsonSource *source,
                                         const char               *path,
                                         const char               *key,
                                         const char               *problem);
char    *retainer_json_join_path        (const char               *path,
                                         const char               *key);

void     retainer_json_add_money        (cJSON                    *object,
                                         const char               *key,
                                         gint64                    minor_units);

/* Writes atomically: a crash or a full disk leaves the previous file whole. */
gboolean retainer_json_save_file        (const cJSON              *root,
                                         const char               *path,
                                         GError                  **error);
gboolean retainer_file_replace_contents (const char               *path,
                                         const char               *contents,
                                         gsize                     length,
                                         GError                  **error);

/* Whether two paths name one file (the same device and inode when both
 * exist): an output named like an input must not replace it. */
gboolean retainer_file_is_same          (const char               *path,
                                         const char               *other);

/* The sentence a failure is told in: @error's message, or a plain one when
 * a function failed without setting it (a bug, but never a crash). */
const char *retainer_error_message      (const GError             *error);

/* Reads one file of a folder into an item (a rate card, a price table). */
typedef gpointer (*RetainerJsonLoadFunc) (const char               *path,
                                          GError                  **error);
/* Loads every "*.json" file of `dir_path` with `load`, in the order of
 * their names: each item that loads is added to `items`, and each file
 * that does not adds its message to `problems` (nullable). A missing
 * folder holds nothing. */
void     retainer_json_load_folder      (const char               *dir_path,
                                         RetainerJsonLoadFunc      load,
                                         GPtrArray                *items,
                                         GPtrArray                *problems);

G_END_DECLS
