/* retainer-agency.h: the agency's brand, as printed on its proposals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cjson/cJSON.h>

#include "retainer-json.h"
#include "retainer-proposal.h"

G_BEGIN_DECLS

#define RETAINER_AGENCY_FORMAT "retainer-agency"
#define RETAINER_AGENCY_VERSION 1

/* Limits of the profile's fields. */
#define RETAINER_AGENCY_TEXT_MAX_LENGTH 200
#define RETAINER_AGENCY_ADDRESS_MAX_LENGTH 500
#define RETAINER_AGENCY_PREFIX_MAX_LENGTH 20
#define RETAINER_AGENCY_VALIDITY_MAX_DAYS 365
#define RETAINER_AGENCY_NUMBER_MAX 99999999
/* The largest logo file accepted; an exported profile carries it in base64
 * and must stay under RETAINER_JSON_MAX_FILE_SIZE. */
#define RETAINER_AGENCY_LOGO_MAX_SIZE (2 * 1024 * 1024)

/* The agency's own economics, for docs/calculation.md, "The book": private
 * figures that no client-facing document prints. Amounts are in the
 * currency of the agency's clients. */
#define RETAINER_AGENCY_DEFAULT_FIXED_OVERHEAD (G_GINT64_CONSTANT (50000))      /* $500 a month */
#define RETAINER_AGENCY_DEFAULT_STAFF_COST_PER_HOUR (G_GINT64_CONSTANT (8000))  /* $80 loaded */
/* One full-time person's month (40 hours x 4 weeks): the smallest team an
 * agency of this shape runs, and twice the 80 hours the seed's ten clients
 * take, which leaves room for the builds that bring the next clients. */
#define RETAINER_AGENCY_DEFAULT_TEAM_CAPACITY_HOURS 160
/* Beyond these, a figure is a typing mistake rather than an agency. */
#define RETAINER_AGENCY_STAFF_COST_PER_HOUR_MAX_MAJOR 100000.0
#define RETAINER_AGENCY_TEAM_CAPACITY_MAX_HOURS 100000

typedef enum
{
  RETAINER_PAPER_A4,
  RETAINER_PAPER_LETTER,
  RETAINER_N_PAPERS
} RetainerPaper;

extern const char *const retainer_paper_ids[];

typedef enum
{
  RETAINER_LOGO_NONE,
  RETAINER_LOGO_PNG,
  RETAINER_LOGO_JPEG,
} RetainerLogoType;

typedef struct
{
  char         *name;            /* agency name */
  char         *logo_path;       /* absolute path of the logo, or NULL */
  GBytes       *logo_data;       /* the logo's bytes when held in memory (an imported
                                  * profile, or after retainer_agency_set_logo()); when
                                  * set, it wins over logo_path */
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
  /* The book's figures: never on a client's document. */
  gint64        fixed_overhead;      /* minor units a month, default $500 */
  gint64        staff_cost_per_hour; /* loaded, minor units, default $80 */
  guint         team_capacity_hours; /* a month, whole hours, default 160 */
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
/* Checks colours, lengths and numbers; `display_name` names the profile in messages. */
gboolean        retainer_agency_validate      (const RetainerAgency *agency,
                                               const char           *display_name,
                                               GError              **error);

/* Reads a profile: one saved by retainer_agency_save() (logo in a file next
 * to it) or one written by retainer_agency_export() (logo inside). A logo
 * that is missing is not an error here: the PDF warns about it. */
RetainerAgency *retainer_agency_load          (const char           *path,
                                               GError              **error);
/* Writes the profile atomically and copies the logo next to it, as
 * "<name>-logo.png" or ".jpg", so that moving the original breaks nothing. */
gboolean        retainer_agency_save          (const RetainerAgency *agency,
                                               const char           *path,
                                               GError              **error);
/* $XDG_CONFIG_HOME/retainer/agency.json */
char           *retainer_agency_user_path     (void);
/* The stored profile, or the default one when none is stored yet. */
RetainerAgency *retainer_agency_load_user     (GError              **error);
/* Saves as the stored profile, creating the folder. */
gboolean        retainer_agency_save_user     (const RetainerAgency *agency,
                                               GError              **error);

/* One file to share a brand with the team: the profile with the logo inside
 * as base64 ("logo_data" and "logo_type"). */
gboolean        retainer_agency_export        (const RetainerAgency *agency,
                                               const char           *path,
                                               GError              **error);
/* Loads a shared profile and stores it as the user's, logo copied. */
RetainerAgency *retainer_agency_import        (const char           *path,
                                               GError              **error);

/* Reads a PNG or JPEG into the profile (checked by its signature and size),
 * so it no longer depends on the original file. NULL removes the logo. */
gboolean        retainer_agency_set_logo      (RetainerAgency       *agency,
                                               const char           *path,
                                               GError              **error);
/* The logo's bytes, from memory or from logo_path; NULL without a logo. */
GBytes         *retainer_agency_get_logo      (const RetainerAgency *agency,
                                               GError              **error);
RetainerLogoType retainer_logo_type_detect    (const guint8         *data,
                                               gsize                 length);

/* "RT-0042" for the profile's next number. */
char           *retainer_agency_format_number (const RetainerAgency *agency,
                                               guint                 number);
/* The number a proposal's PDF carries: its own, or the profile's next. */
char           *retainer_agency_proposal_number (const RetainerAgency   *agency,
                                                 const RetainerProposal *proposal);
/* Numbers and dates an unnumbered proposal; TRUE when it did. */
gboolean        retainer_agency_number_proposal (const RetainerAgency   *agency,
                                                 RetainerProposal       *proposal,
                                                 const char             *today);
/* Once a newly numbered PDF exists: the stored profile's next number. */
gboolean        retainer_agency_advance_number  (RetainerAgency         *agency,
                                                 GError                **error);
/* The same for a profile file named on the command line: only its
 * "next_number" changes, atomically. */
gboolean        retainer_agency_store_next_number (const char           *path,
                                                   guint                 next_number,
                                                   GError              **error);

/* The dark ink text on a light brand colour is written in. */
#define RETAINER_INK_RED 0.13
#define RETAINER_INK_GREEN 0.14
#define RETAINER_INK_BLUE 0.16

/* Whether text on this colour reads better dark than white. */
gboolean        retainer_color_wants_dark_text (double               red,
                                                double               green,
                                                double               blue);

/* Whether small text in the first colour reads on the second: the cover's
 * "PROPOSAL" label is drawn in the accent colour only then. */
gboolean        retainer_color_is_readable_on (double               text_red,
                                               double               text_green,
                                               double               text_blue,
                                               double               background_red,
                                               double               background_green,
                                               double               background_blue);

/* "#RRGGBB" into 0..1 components; FALSE for anything else. */
gboolean        retainer_color_parse          (const char           *text,
                                               double               *red,
                                               double               *green,
                                               double               *blue);

/* The paper of a locale name like "en_US.UTF-8": Letter in the US and
 * Canada, A4 elsewhere. */
RetainerPaper   retainer_paper_from_locale_name (const char         *locale_name);
/* The paper of the current LC_PAPER. */
RetainerPaper   retainer_paper_from_locale    (void);
const char     *retainer_paper_label          (RetainerPaper         paper);
/* Size in PostScript points. */
void            retainer_paper_get_size       (RetainerPaper         paper,
                                               double               *width,
                                               double               *height);

/* The dates a proposal's cover prints, in the long form of the user's
 * language: its date (YYYY-MM-DD, or today when NULL or unreadable) and the
 * date it is valid until, after the profile's validity. */
void            retainer_agency_format_dates  (const RetainerAgency *agency,
                                               const char           *iso_date,
                                               char                **date_text,
                                               char                **valid_until_text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerAgency, retainer_agency_free)

G_END_DECLS
