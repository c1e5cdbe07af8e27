/* retainer-i18n.h: translation lookups for core and pdf
 *
 * GLib's g_dgettext(), behind <glib/gi18n-lib.h>, decides once per process,
 * from the user's locale, whether to translate at all: never under
 * C.UTF-8, nor in a language the program has no catalogue for. And a
 * proposal is rendered in its own language whatever the user's is. So core
 * and pdf look their texts up through retainer-language.h: in the language
 * of the document being written when there is one on this thread
 * (retainer_language_set_current()), else with dgettext() in the user's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libintl.h>
#include <string.h>

#include "retainer-language.h"

G_BEGIN_DECLS

#undef _
#undef N_
#undef C_
#undef NC_
#undef ngettext
#define _(String) ((char *) retainer_i18n_gettext (String))
#define N_(String) (String)
#define NC_(Context, String) (String)
#define C_(Context, String) retainer_i18n_pgettext (Context, String)
#define ngettext(Singular, Plural, N) retainer_i18n_ngettext (Singular, Plural, N)

/* Kept for the enum labels' table lookups. */
#define retainer_pgettext(Context, String) retainer_i18n_pgettext (Context, String)

G_END_DECLS
