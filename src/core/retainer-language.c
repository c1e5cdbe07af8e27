/* retainer-language.c: a compiled catalogue read by hand, and the current
 * document's language
 *
 * The .mo layout (GNU gettext's "The Format of GNU MO Files"): a magic
 * number that also gives the byte order, a revision, the number of
 * strings N, the offsets of two tables of N (length, offset) pairs, the
 * originals sorted and their translations, and a hash table we do not need.
 * An original with a context is "context\004msgid"; a plural one is
 * "singular\0plural", and its translation holds each form after a NUL.
 * The translation of "" is the header with the Plural-Forms expression.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "retainer-i18n.h"
#include "retainer-language.h"

G_DEFINE_QUARK (retainer-language-error-quark, retainer_language_error)

#define MO_MAGIC 0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u
/* A catalogue larger than this is not Retainer's. */
#define MO_MAX_SIZE (16 * 1024 * 1024)
/* Nesting allowed in a Plural-Forms expression. */
#define PLURAL_MAX_DEPTH 64

typedef struct
{
  const char *text;   /* into the catalogue's contents */
  gsize       length; /* all forms with the NULs between them */
} Translation;

struct _RetainerLanguage
{
  char                       *code;
  char                       *contents;      /* the .mo file, or NULL for English */
  gsize                       size;
  GHashTable                 *translations;  /* original (singular) -> Translation */
  char                       *plural;        /* the Plural-Forms expression, or NULL */
  gulong                      n_plurals;
  const RetainerNumberFormat *number_format;
  const char *const          *months;
};

static const struct
{
  const char *language;
  const char *months[12];
} month_names[] = {
  { "en", { "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December" } },
  { "de", { "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
            "September", "Oktober", "November", "Dezember" } },
  { "fr", { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre" } },
  { "es", { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
            "septiembre", "octubre", "noviembre", "diciembre" } },
};

static GPrivate current_language = G_PRIVATE_INIT (NULL);

/* ------------------------------------------------------------------ */
/* Plural-Forms: a C expression in n, evaluated by recursive descent    */

typedef struct
{
  const char *p;
  gulong      n;
  gboolean    ok;
  guint       depth;
} Plural;

static gulong plural_ternary (Plural *s);

static void
plural_skip (Plural *s)
{
  while (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r')
    s->p++;
}

static gboolean
plural_accept (Plural     *s,
               const char *token)
{
  gsize length = strlen (token);

  plural_skip (s);
  if (strncmp (s->p, token, length) != 0)
    return FALSE;
  /* "<" is not the start of "<=", nor "!" of "!=". */
  if (length == 1 && (token[0] == '<' || token[0] == '>' || token[0] == '!' || token[0] == '=')
      && s->p[1] == '=')
    return FALSE;
  s->p += length;
  return TRUE;
}

static gulong
plural_primary (Plural *s)
{
  gulong value = 0;

  plural_skip (s);
  if (++s->depth > PLURAL_MAX_DEPTH)
    {
      s->ok = FALSE;
      return 0;
    }

  if (plural_accept (s, "("))
    {
      value = plural_ternary (s);
      if (!plural_accept (s, ")"))
        s->ok = FALSE;
    }
  else if (plural_accept (s, "!"))
    value = !plural_primary (s);
  else if (*s->p == 'n')
    {
      s->p++;
      value = s->n;
    }
  else if (g_ascii_isdigit (*s->p))
    {
      while (g_ascii_isdigit (*s->p))
        {
          value = value * 10 + (gulong) (*s->p - '0');
          s->p++;
        }
    }
  else
    s->ok = FALSE;

  s->depth--;
  return value;
}

static gulong
plural_product (Plural *s)
{
  gulong value = plural_primary (s);

  while (s->ok)
    {
      gboolean times = plural_accept (s, "*");
      gboolean divide = !times && plural_accept (s, "/");
      gboolean modulo = !times && !divide && plural_accept (s, "%");
      gulong right;

      if (!times && !divide && !modulo)
        break;
      right = plural_primary (s);
      if ((divide || modulo) && right == 0)
        {
          s->ok = FALSE;
          return 0;
        }
      value = times ? value * right : divide ? value / right : value % right;
    }
  return value;
}

static gulong
plural_sum (Plural *s)
{
  gulong value = plural_product (s);

  while (s->ok)
    {
      if (plural_accept (s, "+"))
        value += plural_product (s);
      else if (plural_accept (s, "-"))
        value -= plural_product (s);
      else
        break;
    }
  return value;
}

static gulong
plural_relation (Plural *s)
{
  gulong value = plural_sum (s);

  while (s->ok)
    {
      if (plural_accept (s, "<="))
        value = value <= plural_sum (s);
      else if (plural_accept (s, ">="))
        value = value >= plural_sum (s);
      else if (plural_accept (s, "<"))
        value = value < plural_sum (s);
      else if (plural_accept (s, ">"))
        value = value > plural_sum (s);
      else
        break;
    }
  return value;
}

static gulong
plural_equality (Plural *s)
{
  gulong value = plural_relation (s);

  while (s->ok)
    {
      if (plural_accept (s, "=="))
        value = value == plural_relation (s);
      else if (plural_accept (s, "!="))
        value = value != plural_relation (s);
      else
        break;
    }
  return value;
}

static gulong
plural_and (Plural *s)
{
  gulong value = plural_equality (s);

  while (s->ok && plural_accept (s, "&&"))
    {
      gulong right = plural_equality (s);

      value = value && right;
    }
  return value;
}

static gulong
plural_or (Plural *s)
{
  gulong value = plural_and (s);

  while (s->ok && plural_accept (s, "||"))
    {
      gulong right = plural_and (s);

      value = value || right;
    }
  return value;
}

static gulong
plural_ternary (Plural *s)
{
  gulong condition = plural_or (s);
  gulong yes, no;

  if (!s->ok || !plural_accept (s, "?"))
    return condition;
  if (++s->depth > PLURAL_MAX_DEPTH)
    {
      s->ok = FALSE;
      return 0;
    }
  yes = plural_ternary (s);
  if (!plural_accept (s, ":"))
    {
      s->ok = FALSE;
      return 0;
    }
  no = plural_ternary (s);
  s->depth--;
  return condition ? yes : no;
}

/* The form to use for @n; English's rule when the catalogue has none or
 * its expression cannot be read. */
static gulong
plural_index (const RetainerLanguage *language,
              gulong                  n)
{
  Plural s = { language->plural, n, TRUE, 0 };
  gulong index;

  if (language->plural == NULL)
    return n != 1;

  index = plural_ternary (&s);
  plural_skip (&s);
  if (!s.ok || (*s.p != '\0' && *s.p != ';') || index >= language->n_plurals)
    return n != 1;
  return index;
}

/* ------------------------------------------------------------------ */
/* Reading the catalogue                                                */

static guint32
read_u32 (const guint8 *p,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, p, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

static gboolean
catalogue_error (GError    **error,
                 const char *path)
{
  g_autofree char *display_name = g_filename_display_name (path);

  g_set_error (error, RETAINER_LANGUAGE_ERROR, RETAINER_LANGUAGE_ERROR_CATALOGUE,
               /* Translators: %s is a file like “de/LC_MESSAGES/retainer.mo”. */
               _("The translation catalogue %s is damaged"), display_name);
  return FALSE;
}

/* The string at entry @index of the table at @table, checked to lie in the
 * file and to end with a NUL there. */
static gboolean
read_entry (const RetainerLanguage *language,
            gboolean                swapped,
            guint32                 table,
            guint32                 index,
            const char            **text,
            gsize                  *length)
{
  const guint8 *data = (const guint8 *) language->contents;
  guint64 at = (guint64) table + (guint64) index * 8;
  guint32 string_length, offset;

  if (at + 8 > language->size)
    return FALSE;
  string_length = read_u32 (data + at, swapped);
  offset = read_u32 (data + at + 4, swapped);
  if ((guint64) offset + string_length >= language->size
      || data[(gsize) offset + string_length] != '\0')
    return FALSE;

  *text = language->contents + offset;
  *length = string_length;
  return TRUE;
}

static gboolean
forms_are_utf8 (const char *text,
                gsize       length)
{
  const char *end = text + length;

  for (const char *form = text; form < end; form += strlen (form) + 1)
    if (!g_utf8_validate (form, -1, NULL))
      return FALSE;
  return TRUE;
}

static void
read_header (RetainerLanguage *language)
{
  Translation *header = g_hash_table_lookup (language->translations, "");
  const char *forms;
  const char *nplurals;
  const char *plural;
  const char *end;

  if (header == NULL)
    return;
  forms = g_strstr_len (header->text, (gssize) header->length, "Plural-Forms:");
  if (forms == NULL)
    return;
  end = strchr (forms, '\n');
  if (end == NULL)
    end = header->text + header->length;
  nplurals = g_strstr_len (forms, end - forms, "nplurals=");
  plural = g_strstr_len (forms, end - forms, "plural=");
  /* "nplurals=" also contains "plural="; the expression is the other one. */
  if (plural != NULL && nplurals != NULL && plural == nplurals + 1)
    plural = g_strstr_len (plural + 1, end - plural - 1, "plural=");
  if (nplurals == NULL || plural == NULL)
    return;

  language->n_plurals = strtoul (nplurals + strlen ("nplurals="), NULL, 10);
  if (language->n_plurals == 0 || language->n_plurals > 16)
    {
      language->n_plurals = 0;
      return;
    }
  plural += strlen ("plural=");
  language->plural = g_strndup (plural, strcspn (plural, ";\n"));
}

static gboolean
load_catalogue (RetainerLanguage *language,
                const char       *path,
                GError          **error)
{
  const guint8 *data;
  guint32 magic, revision, n_strings, originals, translations;
  gboolean swapped;

  if (!g_file_get_contents (path, &language->contents, &language->size, error))
    return FALSE;
  if (language->size < 28 || language->size > MO_MAX_SIZE)
    return catalogue_error (error, path);

  data = (const guint8 *) language->contents;
  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    return catalogue_error (error, path);
  swapped = magic == MO_MAGIC_SWAPPED;
  revision = read_u32 (data + 4, swapped);
  n_strings = read_u32 (data + 8, swapped);
  originals = read_u32 (data + 12, swapped);
  translations = read_u32 (data + 16, swapped);
  /* Major revisions 0 and 1 share this layout. */
  if ((revision >> 16) > 1 || (guint64) n_strings * 8 > language->size)
    return catalogue_error (error, path);

  language->translations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint32 i = 0; i < n_strings; i++)
    {
      const char *original, *translated;
      gsize original_length, translated_length;
      Translation *entry;

      if (!read_entry (language, swapped, originals, i, &original, &original_length)
          || !read_entry (language, swapped, translations, i, &translated, &translated_length))
        return catalogue_error (error, path);
      /* A translation that is not UTF-8 would print as garbage: use the
       * original. Plural forms are separated by NULs: each is checked. */
      if (!forms_are_utf8 (translated, translated_length))
        continue;

      entry = g_new (Translation, 1);
      entry->text = translated;
      entry->length = translated_length;
      /* The key ends at the first NUL: the singular of a plural entry. */
      g_hash_table_replace (language->translations, (gpointer) original, entry);
    }

  read_header (language);
  return TRUE;
}

static RetainerLanguage *
language_new (const char *code)
{
  RetainerLanguage *language = g_new0 (RetainerLanguage, 1);
  gsize base_length = strcspn (code, "_-.@");

  language->code = g_strdup (code);
  language->number_format = retainer_number_format_for_language (code);
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (strlen (month_names[i].language) == base_length
        && g_ascii_strncasecmp (code, month_names[i].language, base_length) == 0)
      language->months = month_names[i].months;
  return language;
}

/**
 * retainer_language_new_from_file:
 * @code: the language, "de"
 * @mo_path: a compiled catalogue of Retainer's messages in it
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the language
 */
RetainerLanguage *
retainer_language_new_from_file (const char *code,
                                 const char *mo_path,
                                 GError    **error)
{
  g_autoptr (RetainerLanguage) language = NULL;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (mo_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  language = language_new (code);
  if (!load_catalogue (language, mo_path, error))
    return NULL;
  return g_steal_pointer (&language);
}

/**
 * retainer_language_new:
 * @code: a language code, "de", "fr_CA", "pt-BR"
 * @error: a #GError
 *
 * Finds Retainer's catalogue for @code where gettext would: in the folder
 * bound to Retainer's text domain, under "@code/LC_MESSAGES", trying the
 * code with its region and then the bare language. English is Retainer's
 * own language and needs none.
 *
 * Returns: (transfer full) (nullable): the language, or %NULL with
 *   %RETAINER_LANGUAGE_ERROR_NO_CATALOGUE when Retainer is not translated
 *   into it
 */
RetainerLanguage *
retainer_language_new (const char *code,
                       GError    **error)
{
  const char *folder;
  g_autofree char *normal = NULL;
  g_autofree char *base = NULL;
  const char *candidates[2];

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Only letters, digits, "_", "-" and "@": the code becomes a folder name. */
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '@' && *p != '.')
      goto no_catalogue;
  if (*code == '\0' || strstr (code, "..") != NULL)
    goto no_catalogue;

  normal = g_strdelimit (g_strndup (code, strcspn (code, ".")), "-", '_');
  base = g_strndup (normal, strcspn (normal, "_@"));
  if (g_ascii_strcasecmp (base, "en") == 0)
    return language_new (normal);

  /* Reading the binding changes nothing. */
  folder = bindtextdomain (GETTEXT_PACKAGE, NULL);
  candidates[0] = normal;
  candidates[1] = base;
  for (guint i = 0; i < G_N_ELEMENTS (candidates) && folder != NULL; i++)
    {
      g_autofree char *file = g_strconcat (GETTEXT_PACKAGE, ".mo", NULL);
      g_autofree char *path = g_build_filename (folder, candidates[i], "LC_MESSAGES", file,
                                                NULL);

      if (i == 1 && strcmp (candidates[0], candidates[1]) == 0)
        break;
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return retainer_language_new_from_file (normal, path, error);
    }

no_catalogue:
  g_set_error (error, RETAINER_LANGUAGE_ERROR, RETAINER_LANGUAGE_ERROR_NO_CATALOGUE,
               /* Translators: %s is a language code like “pt”. */
               _("Retainer has no translation into the language “%s”"), code);
  return NULL;
}

/**
 * retainer_language_free:
 * @language: (nullable): a language
 */
void
retainer_language_free (RetainerLanguage *language)
{
  if (language == NULL)
    return;

  g_clear_pointer (&language->translations, g_hash_table_unref);
  g_free (language->contents);
  g_free (language->plural);
  g_free (language->code);
  g_free (language);
}

/**
 * retainer_language_get_code:
 * @language: a language
 *
 * Returns: its code, as given ("-" written "_")
 */
const char *
retainer_language_get_code (const RetainerLanguage *language)
{
  g_return_val_if_fail (language != NULL, NULL);
  return language->code;
}

static const Translation *
lookup (const RetainerLanguage *language,
        const char             *original)
{
  if (language->translations == NULL || original == NULL || *original == '\0')
    return NULL;
  return g_hash_table_lookup (language->translations, original);
}

/**
 * retainer_language_gettext:
 * @language: a language
 * @msgid: an English message
 *
 * Returns: the message in @language, or @msgid when it has no translation
 */
const char *
retainer_language_gettext (const RetainerLanguage *language,
                           const char             *msgid)
{
  const Translation *found;

  g_return_val_if_fail (language != NULL, msgid);

  found = lookup (language, msgid);
  return found != NULL && found->length > 0 ? found->text : msgid;
}

/**
 * retainer_language_ngettext:
 * @language: a language
 * @singular: the English message for one
 * @plural: the English message for more
 * @n: the count
 *
 * Returns: the form of the message for @n in @language
 */
const char *
retainer_language_ngettext (const RetainerLanguage *language,
                            const char             *singular,
                            const char             *plural,
                            gulong                  n)
{
  const Translation *found;
  gulong index;
  const char *form;
  const char *end;

  g_return_val_if_fail (language != NULL, n == 1 ? singular : plural);

  found = lookup (language, singular);
  if (found == NULL || found->length == 0)
    return n == 1 ? singular : plural;

  index = plural_index (language, n);
  form = found->text;
  end = found->text + found->length;
  for (gulong i = 0; i < index; i++)
    {
      form += strlen (form) + 1;
      if (form >= end)
        return n == 1 ? singular : plural;
    }
  return *form != '\0' ? form : (n == 1 ? singular : plural);
}

/**
 * retainer_language_pgettext:
 * @language: a language
 * @context: the message's context, as C_() gives it
 * @msgid: an English message
 *
 * Returns: the message in @language, or @msgid
 */
const char *
retainer_language_pgettext (const RetainerLanguage *language,
                            const char             *context,
                            const char             *msgid)
{
  g_autofree char *key = NULL;
  const Translation *found;

  g_return_val_if_fail (language != NULL, msgid);
  g_return_val_if_fail (context != NULL, msgid);

  key = g_strconcat (context, "\004", msgid, NULL);
  found = lookup (language, key);
  return found != NULL && found->length > 0 ? found->text : msgid;
}

/**
 * retainer_language_get_number_format:
 * @language: a language
 *
 * Returns: (nullable): its number conventions
 */
const RetainerNumberFormat *
retainer_language_get_number_format (const RetainerLanguage *language)
{
  g_return_val_if_fail (language != NULL, NULL);
  return language->number_format;
}

/**
 * retainer_language_get_month_name:
 * @language: a language
 * @month: 1 to 12
 *
 * Returns: (nullable): the month's name as a long date writes it
 */
const char *
retainer_language_get_month_name (const RetainerLanguage *language,
                                  guint                   month)
{
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  return language->months != NULL ? language->months[month - 1] : NULL;
}

/**
 * retainer_language_set_current:
 * @language: (nullable): the document's language; %NULL for the user's
 *
 * Makes @language the one core's texts and figures use on this thread,
 * until the next call. Nothing else in the process changes: no
 * environment variable, no locale, no other thread.
 *
 * Returns: (nullable): the language it replaces, to put back afterwards
 */
const RetainerLanguage *
retainer_language_set_current (const RetainerLanguage *language)
{
  const RetainerLanguage *previous = g_private_get (&current_language);

  g_private_set (&current_language, (gpointer) language);
  return previous;
}

/**
 * retainer_language_get_current:
 *
 * Returns: (nullable): the document language of this thread, or %NULL
 *   while texts are for the user
 */
const RetainerLanguage *
retainer_language_get_current (void)
{
  return g_private_get (&current_language);
}

const char *
retainer_i18n_gettext (const char *msgid)
{
  const RetainerLanguage *language = retainer_language_get_current ();

  if (language != NULL)
    return retainer_language_gettext (language, msgid);
  return dgettext (GETTEXT_PACKAGE, msgid);
}

const char *
retainer_i18n_ngettext (const char *singular,
                        const char *plural,
                        gulong      n)
{
  const RetainerLanguage *language = retainer_language_get_current ();

  if (language != NULL)
    return retainer_language_ngettext (language, singular, plural, n);
  return dngettext (GETTEXT_PACKAGE, singular, plural, n);
}

const char *
retainer_i18n_pgettext (const char *context,
                        const char *msgid)
{
  const RetainerLanguage *language = retainer_language_get_current ();
  g_autofree char *key = NULL;
  const char *translated;

  if (language != NULL)
    return retainer_language_pgettext (language, context, msgid);

  key = g_strconcat (context, "\004", msgid, NULL);
  translated = dgettext (GETTEXT_PACKAGE, key);
  return translated == key ? msgid : translated;
}
