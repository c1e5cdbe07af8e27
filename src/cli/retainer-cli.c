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
#include "retainer-revision.h"

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

static char *
today_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* With --record, an unnumbered proposal took the stored profile's next
 * number: move it on, as the window does. A profile named by --agency is
 * the founder's file to keep, and is never written. */
static void
advance_stored_number (RetainerAgency *agency)
{
  g_autoptr (GError) error = NULL;

  agency->next_number++;
  if (!retainer_agency_save_user (agency, &error)
      && g_error_matches (error, RETAINER_AGENCY_ERROR, RETAINER_AGENCY_ERROR_LOGO))
    {
      /* A logo gone from beside the profile would stop every number from
       * being stored; the PDF has warned about it already. */
      g_clear_error (&error);
      g_clear_pointer (&agency->logo_path, g_free);
      retainer_agency_save_user (agency, &error);
    }
  if (error != NULL)
    g_printerr ("retainer: %s: %s\n", _("warning"), error->message);
}

static int
export_pdf (const char *proposal_path,
            const char *output_path,
            const char *agency_path,
            gboolean    record)
{
  g_autofree char *today = today_iso ();
  g_autofree char *display_name = g_filename_display_name (proposal_path);
  gboolean numbering = FALSE;
  guint issued_before = 0;
  guint revision = 0;
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

  /* The revision the PDF carries, issued as the window issues it: a first
   * export numbers the proposal, a changed figure makes the next revision,
   * unchanged figures the same one again. */
  if (proposal->number == NULL || *proposal->number == '\0')
    {
      numbering = TRUE;
      g_free (proposal->number);
      proposal->number = retainer_agency_proposal_number (agency, proposal);
    }
  issued_before = proposal->revisions != NULL ? proposal->revisions->len : 0;
  if (!retainer_proposal_issue_revision (proposal, result, today, &revision, &error))
    {
      g_printerr ("retainer: %s: %s\n", display_name, message_of (error));
      return RETAINER_EXIT_BAD_INPUT;
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

  if (proposal->revisions->len == issued_before)
    return RETAINER_EXIT_OK;

  if (!record)
    {
      g_autofree char *label = retainer_revision_format_label (proposal->number, revision);
      g_autofree char *note = NULL;

      /* Translators: %1$s is a proposal number with its revision, like
       * "AC-0042, revision 2"; %2$s the proposal's file. */
      note = g_strdup_printf (_("The PDF is %1$s, which %2$s does not record: export with "
                                "--record to keep it in the file"),
                              label, display_name);
      g_printerr ("retainer: %s\n", note);
      return RETAINER_EXIT_OK;
    }

  /* Only once the PDF exists: a failed export issues nothing. */
  if (!retainer_proposal_save (proposal, proposal_path, &error))
    {
      g_printerr ("retainer: %s\n", message_of (error));
      return RETAINER_EXIT_FAILURE;
    }
  if (numbering && agency_path == NULL)
    advance_stored_number (agency);

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
  gboolean record = FALSE;
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
    { "record", 0, 0, G_OPTION_ARG_NONE, &record,
      N_("With --export-pdf: record the number and revision the PDF carries in the proposal "
         "file, as the window does"), NULL },
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
      *status = export_pdf (remaining[0], export_path, agency_path, record);
      return TRUE;
    }

  if (record)
    {
      g_printerr ("retainer: %s\n", _("--record goes with --export-pdf"));
      *status = RETAINER_EXIT_BAD_INPUT;
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
