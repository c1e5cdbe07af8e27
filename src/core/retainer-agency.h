/* retainer-agency.h: the agency's brand, as printed on its proposals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cjson/cJSON.h>

#include "retainer-json.h"

G_BEGIN_DECLS

#define RETAINER_AGENCY_FORMAT "retainer-agency"
#define RETAINER_AGENCY_VERSION 1

typedef enum
{
  RETAINER_PAPER_A4,
  RETAINER_PAPER_LETTER,
  RETAINER_N_PAPERS
} RetainerPaper;

typedef struct
{
  char         *name;            /* agency name */
  char         *logo_path;       /* absolute path of the logo, or NULL */
  char         *primary_color;   /* "#RRGGBB" */
  char         *accent_color;    /* "#RRGGBB" */
  char         *contact_name;
  char         *email;
  char         *phone;
  char         *website;
  char         *address;         /* may hold newlines */
  char         *footer;
  char         *number_prefix;   /* "RT-" */
  guint         next_number;
  guint         validity_days;   /* default 30 */
  char         *signatory_name;
  char         *signatory_title;
  RetainerPaper paper;
} RetainerAgency;

#define RETAINER_AGENCY_ERROR (retainer_agency_error_quark ())

typedef enum
{
  RETAINER_AGENCY_ERROR_INVALID,
  RETAINER_AGENCY_ERROR_LOGO,
} RetainerAgencyError;

GQuark          retainer_agency_error_quark   (void);

/* A profile with sensible defaults; the paper follows the locale. */
RetainerAgency *retainer_agency_new_default   (void);
RetainerAgency *retainer_agency_copy          (const RetainerAgency *agency);
void            retainer_agency_free          (RetainerAgency       *agency);

RetainerAgency *retainer_agency_load          (const char           *path,
                                               GError              **error);
gboolean        retainer_agency_save          (const RetainerAgency *agency,
                                               const char           *path,
                                               GError              **error);
/* $XDG_CONFIG_HOME/retainer/agency.json */
char           *retainer_agency_user_path     (void);
/* The stored profile, or the default one when none is stored yet. */
RetainerAgency *retainer_agency_load_user     (GError              **error);

/* "RT-0042" for the profile's next number. */
char           *retainer_agency_format_number (const RetainerAgency *agency,
                                               guint                 number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerAgency, retainer_agency_free)

G_END_DECLS
