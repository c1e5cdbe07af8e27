/* retainer-i18n.h: translation lookups for core and pdf
 *
 * GLib's g_dgettext(), behind <glib/gi18n-lib.h>, decides once per process,
 * from the user's locale, whether to translate at all: never under
 * C.UTF-8, nor in a language the program has no catalogue for. A proposal
 * is rendered in its own language whatever the user's is, so core and pdf
 * look their texts up with dgettext() directly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libintl.h>
#include <string.h>

G_BEGIN_DECLS

#undef _
#undef N_
#undef C_
#undef NC_
#undef ngettext
#define _(String) ((char *) dgettext (GETTEXT_PACKAGE, String))
#define N_(String) (String)
#define NC_(Context, String) (String)
#define C_(Context, String) retainer_pgettext (Context, String)
#define ngettext(Singular, Plural, N) dngettext (GETTEXT_PACKAGE, Singular, Plural, N)

/* A message with a context, as C_() and NC_() mark them. */
static inline const char *
retainer_pgettext (const char *context,
                   const char *msgid)
{
  g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);
  const char *translated = dgettext (GETTEXT_PACKAGE, key);

  return translated == key ? msgid : translated;
}

G_END_DECLS
