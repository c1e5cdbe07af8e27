/* TEMPORARY stand-in until the agency profile lands (issue 4). */
#include "config.h"
#include <glib/gi18n-lib.h>
#include "retainer-agency.h"

G_DEFINE_QUARK (retainer-agency-error-quark, retainer_agency_error)

RetainerAgency *
retainer_agency_new_default (void)
{
  RetainerAgency *agency = g_new0 (RetainerAgency, 1);
  agency->name = g_strdup ("");
  agency->validity_days = 30;
  return agency;
}

void
retainer_agency_free (RetainerAgency *agency)
{
  if (agency == NULL)
    return;
  g_free (agency->name);
  g_free (agency);
}

RetainerAgency *
retainer_agency_load (const char *path,
                      GError    **error)
{
  g_set_error (error, RETAINER_AGENCY_ERROR, RETAINER_AGENCY_ERROR_INVALID, "not built yet");
  return NULL;
}

RetainerAgency *
retainer_agency_load_user (GError **error)
{
  return retainer_agency_new_default ();
}
