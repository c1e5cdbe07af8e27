/* main.c: Retainer's entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "retainer-cli.h"
#ifdef RETAINER_HAVE_GUI
#include "retainer-application.h"
#endif

int
main (int   argc,
      char *argv[])
{
  g_autofree char *open_path = NULL;
  int status = 0;

  setlocale (LC_ALL, "");
  /* Tests read the translations from the build folder. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RETAINER_LOCALEDIR") != NULL
                                     ? g_getenv ("RETAINER_LOCALEDIR")
                                     : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --summary, --export-pdf and --help never need a display. */
  if (retainer_cli_handle (argc, argv, &open_path, &status))
    return status;

#ifdef RETAINER_HAVE_GUI
  return retainer_application_run (open_path);
#else
  g_printerr ("%s\n", _("This build of Retainer has no window; use --summary or --export-pdf."));
  return 1;
#endif
}
