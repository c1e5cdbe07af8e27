/* retainer-language.h: a document's own language, without touching the process
 *
 * A proposal PDF is written in the proposal's language while the user's
 * messages stay in the user's. gettext has no per-call language, and
 * switching LANGUAGE or setlocale() changes it for every thread of the
 * process. So a RetainerLanguage reads the compiled catalogue (the .mo
 * file gettext would read, from the folder bound to Retainer's domain) by
 * itself, and carries the language's number conventions and month names.
 *
 * While a document is written, retainer_language_set_current() makes it the
 * language of core's texts and figures on the calling thread only: _(),
 * ngettext() and C_() in core and pdf, money and number formatting, and the
 * long dates. Messages meant for the user (errors and warnings) are made
 * outside that span, so they stay in the user's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "retainer-number.h"

G_BEGIN_DECLS

typedef struct _RetainerLanguage RetainerLanguage;

#define RETAINER_LANGUAGE_ERROR (retainer_language_error_quark ())

typedef enum
{
  RETAINER_LANGUAGE_ERROR_NO_CATALOGUE, /* Retainer is not translated into it */
  RETAINER_LANGUAGE_ERROR_CATALOGUE,    /* the .mo file is damaged */
} RetainerLanguageError;

GQuark                      retainer_language_error_quark        (void);

/* English needs no catalogue; another language needs Retainer's .mo for it. */
RetainerLanguage           *retainer_language_new                (const char             *code,
                                                                  GError                **error);
/* The same from a given .mo file (tests, or a catalogue elsewhere). */
RetainerLanguage           *retainer_language_new_from_file      (const char             *code,
                                                                  const char             *mo_path,
                                                                  GError                **error);
void                        retainer_language_free               (RetainerLanguage       *language);

const char                 *retainer_language_get_code           (const RetainerLanguage *language);
const char                 *retainer_language_gettext            (const RetainerLanguage *language,
                                                                  const char             *msgid) G_GNUC_FORMAT (2);
const char                 *retainer_language_ngettext           (const RetainerLanguage *language,
                                                                  const char             *singular,
                                                                  const char             *plural,
                                                                  gulong                  n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);
const char                 *retainer_language_pgettext           (const RetainerLanguage *language,
                                                                  const char             *context,
                                                                  const char             *msgid) G_GNUC_FORMAT (3);
/* NULL when Retainer has no conventions for the language: the user's apply. */
const RetainerNumberFormat *retainer_language_get_number_format  (const RetainerLanguage *language);
/* "März" for 3 in German; NULL when the table has no names for the language. */
const char                 *retainer_language_get_month_name     (const RetainerLanguage *language,
                                                                  guint                   month);

/* Makes @language (nullable: the user's) current on this thread; returns
 * the one it replaces, to be restored with the same call. */
const RetainerLanguage     *retainer_language_set_current        (const RetainerLanguage *language);
const RetainerLanguage     *retainer_language_get_current        (void);

/* What _(), ngettext() and C_() call in core and pdf. */
const char                 *retainer_i18n_gettext                (const char             *msgid) G_GNUC_FORMAT (1);
const char                 *retainer_i18n_ngettext               (const char             *singular,
                                                                  const char             *plural,
                                                                  gulong                  n) G_GNUC_FORMAT (1) G_GNUC_FORMAT (2);
const char                 *retainer_i18n_pgettext               (const char             *context,
                                                                  const char             *msgid) G_GNUC_FORMAT (2);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerLanguage, retainer_language_free)

G_END_DECLS
