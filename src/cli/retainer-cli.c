/* retainer-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "retainer-agency.h"
#include "retainer-cli.h"
#include "retainer-pdf.h"
#include "retainer-proposal.h"
#include "retainer-recommend.h"

/* The message of a failure; a function that failed without saying why is
 * a bug, but the user still gets a sentence rather than a crash. */
static const char *
message_of (const GError *error)
{
  return error != NULL ? error->message : _("The work failed for an unknown reason");
}

static int
print_summary (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerProposal) proposal = retainer_proposal_load (path, &error);
  g_autoptr (RetainerResult) result = NULL;
  g_autoptr (cJSON) json = NULL;
  g_autofree char *text = NULL;

  if (proposal == NULL)
    {
      g_printerr ("retainer: %s\n", message_of (error));
      return RETAINER_EXIT_BAD_INPUT;
    }

  result = retainer_recommend (proposal);
  json = result != NULL ? retainer_result_to_json (result, proposal) : NULL;
  text = json != NULL ? cJSON_Print (json) : NULL;
  if (text == NULL || fputs (text, stdout) == EOF || fputc ('\n', stdout) == EOF
      || fflush (stdout) != 0)
    {
      g_printerr ("retainer: %s\n", _("Could not write the summary to standard output"));
      return RETAINER_EXIT_FAILURE;
    }

  return RETAINER_EXIT_OK;
}

static int
export_pdf (const char *proposal_path,
            const char *output_path,
            const char *agency_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerProposal) proposal = retainer_proposal_load (proposal_path, &error);
  g_autoptr (RetainerAgency) agency = NULL;
  g_autoptr (RetainerResult) result = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);

  if (proposal == NULL)
    {
      g_printerr ("retainer: %s\n", message_of (error));
      return RETAINER_EXIT_BAD_INPUT;
    }

  if (agency_path != NULL)
    agency = retainer_agency_load (agency_path, &error);
  else
    agency = retainer_agency_load_user (&error);
  if (agency == NULL)
    {
      g_printerr ("retainer: %s\n", message_of (error));
      return RETAINER_EXIT_BAD_INPUT;
    }

  result = retainer_recommend (proposal);
  if (result == NULL)
    {
      g_printerr ("retainer: %s\n", message_of (NULL));
      return RETAINER_EXIT_FAILURE;
    }
  if (!retainer_pdf_export (proposal, result, agency, output_path, warnings, &error))
    {
      g_printerr ("retainer: %s\n", message_of (error));
      return g_error_matches (error, RETAINER_PDF_ERROR, RETAINER_PDF_ERROR_WRITE)
               ? RETAINER_EXIT_BAD_INPUT
               : RETAINER_EXIT_FAILURE;
    }

  for (guint i = 0; i < warnings->len; i++)
    g_printerr ("retainer: %s: %s\n", _("warning"), (const char *) g_ptr_array_index (warnings, i));

  return RETAINER_EXIT_OK;
}

/**
 * retainer_cli_handle:
 * @argc: from main()
 * @argv: from main()
 * @open_path: (out): a proposal to open in the window, or %NULL
 * @status: (out): the exit status when the command line did the work
 *
 * Returns: %TRUE when the command line did the work
 */
gboolean
retainer_cli_handle (int    argc,
                     char **argv,
                     char **open_path,
                     int   *status)
{
  g_autofree char *summary_path = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *agency_path = NULL;
  g_auto (GStrv) remaining = NULL;
  g_auto (GStrv) args = NULL;
  gboolean show_version = FALSE;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  const GOptionEntry entries[] = {
    { "summary", 's', 0, G_OPTION_ARG_FILENAME, &summary_path,
      N_("Print the computed result of a proposal as JSON and exit"), N_("FILE") },
    { "export-pdf", 'e', 0, G_OPTION_ARG_FILENAME, &export_path,
      N_("Write the proposal named after the options as a PDF to OUT and exit"), N_("OUT") },
    { "agency", 'a', 0, G_OPTION_ARG_FILENAME, &agency_path,
      N_("With --export-pdf: the agency profile to brand the PDF with, instead of the stored "
         "one"), N_("AGENCY") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &show_version, N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &remaining, NULL, N_("[FILE]") },
    { NULL }
  };

  *open_path = NULL;
  *status = RETAINER_EXIT_OK;

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Prices an AI agency’s setup fee and monthly retainer for a "
                                  "prospect, and writes the proposal."));
  g_option_context_set_description (context,
                                    _("Without options, or with a FILE, Retainer opens its "
                                      "window.\n\n"
                                      "Examples:\n"
                                      "  retainer --summary proposal.retainer\n"
                                      "  retainer --export-pdf out.pdf proposal.retainer "
                                      "[--agency agency.json]\n\n"
                                      "Exit status: 0 on success, 2 when a file or an argument "
                                      "is refused, 1 when the work could not be done."));

  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("retainer: %s\n%s\n", message_of (error),
                  _("Run “retainer --help” to see the options."));
      *status = RETAINER_EXIT_BAD_INPUT;
      return TRUE;
    }

  if (show_version)
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return TRUE;
    }

  if (summary_path != NULL)
    {
      if (export_path != NULL || remaining != NULL)
        {
          g_printerr ("retainer: %s\n", _("--summary takes one proposal file and no other work"));
          *status = RETAINER_EXIT_BAD_INPUT;
          return TRUE;
        }
      *status = print_summary (summary_path);
      return TRUE;
    }

  if (export_path != NULL)
    {
      if (remaining == NULL || remaining[0] == NULL || remaining[1] != NULL)
        {
          g_printerr ("retainer: %s\n",
                      _("--export-pdf OUT needs exactly one proposal file, like "
                        "“retainer --export-pdf out.pdf proposal.retainer”"));
          *status = RETAINER_EXIT_BAD_INPUT;
          return TRUE;
        }
      *status = export_pdf (remaining[0], export_path, agency_path);
      return TRUE;
    }

  if (agency_path != NULL)
    {
      g_printerr ("retainer: %s\n", _("--agency goes with --export-pdf"));
      *status = RETAINER_EXIT_BAD_INPUT;
      return TRUE;
    }

  if (remaining != NULL && remaining[0] != NULL)
    {
      if (remaining[1] != NULL)
        {
          g_printerr ("retainer: %s\n", _("Retainer opens one proposal at a time"));
          *status = RETAINER_EXIT_BAD_INPUT;
          return TRUE;
        }
      *open_path = g_strdup (remaining[0]);
    }

  return FALSE;
}
