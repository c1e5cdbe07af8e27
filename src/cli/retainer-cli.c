/* retainer-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "retainer-agency.h"
#include "retainer-book.h"
#include "retainer-cli.h"
#include "retainer-client-report.h"
#include "retainer-client.h"
#include "retainer-json.h"
#include "retainer-money.h"
#include "retainer-number.h"
#include "retainer-pdf-client.h"
#include "retainer-pdf.h"
#include "retainer-proposal.h"
#include "retainer-recommend.h"
#include "retainer-revision.h"


/* --- the client's documents and summary -------------------------------- */

/* `retainer --summary` of a client file adds a "client" object; a plain
 * proposal's summary stays as it was. */
static gboolean
add_client_summary (const char *path,
                    cJSON      *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerClient) client = retainer_client_load (path, &error);

  if (client == NULL)
    {
      if (g_error_matches (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_NOT_A_CLIENT))
        return TRUE;
      g_printerr ("retainer: %s\n", retainer_error_message (error));
      return FALSE;
    }
  cJSON_AddItemToObject (json, "client", retainer_client_summary_to_json (client));
  return TRUE;
}

#define OFFER_USE_CASES_UNSET G_MININT

typedef struct
{
  char     *report_path;
  char     *month;
  char     *review_path;
  char     *quarter;
  int       offer_use_cases;   /* OFFER_USE_CASES_UNSET when not given */
  char     *offer_spend;
  char     *offer_complexity;
  gboolean  offer_next_tier;
} ClientOptions;

static void
client_options_clear (ClientOptions *options)
{
  g_free (options->report_path);
  g_free (options->month);
  g_free (options->review_path);
  g_free (options->quarter);
  g_free (options->offer_spend);
  g_free (options->offer_complexity);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ClientOptions, client_options_clear)

static void
add_client_entries (GOptionContext *context,
                    ClientOptions  *options)
{
  const GOptionEntry entries[] = {
    { "export-report", 0, 0, G_OPTION_ARG_FILENAME, &options->report_path,
      N_("Write the monthly value report of the client file named after the options as a PDF "
         "to OUT and exit (with --month; --agency brands it as it does --export-pdf)"),
      N_("OUT") },
    { "month", 0, 0, G_OPTION_ARG_STRING, &options->month,
      N_("With --export-report: the recorded month to report on"), N_("YYYY-MM") },
    { "export-review", 0, 0, G_OPTION_ARG_FILENAME, &options->review_path,
      N_("Write the quarterly review of the client file named after the options as a PDF to "
         "OUT and exit (with --quarter; --agency brands it as it does --export-pdf)"),
      N_("OUT") },
    { "quarter", 0, 0, G_OPTION_ARG_STRING, &options->quarter,
      N_("With --export-review: the quarter to review, with at least one recorded month"),
      N_("YYYY-Qn") },
    { "offer-spend", 0, 0, G_OPTION_ARG_STRING, &options->offer_spend,
      N_("With --export-review: add an expansion offer for new use cases whose own API spend "
         "is AMOUNT a month, in the client’s currency"), N_("AMOUNT") },
    { "offer-use-cases", 0, 0, G_OPTION_ARG_INT, &options->offer_use_cases,
      N_("With --offer-spend: how many use cases to add (default 1)"), N_("N") },
    { "offer-complexity", 0, 0, G_OPTION_ARG_STRING, &options->offer_complexity,
      N_("With --offer-spend: the new use cases’ complexity, simple, moderate or complex "
         "(default the accepted proposal’s)"), N_("COMPLEXITY") },
    { "offer-next-tier", 0, 0, G_OPTION_ARG_NONE, &options->offer_next_tier,
      N_("With --offer-spend: also move the client up to the next tier"), NULL },
    { NULL }
  };

  options->offer_use_cases = OFFER_USE_CASES_UNSET;
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static gboolean
client_options_used (const ClientOptions *options)
{
  return options->report_path != NULL || options->month != NULL
         || options->review_path != NULL || options->quarter != NULL
         || options->offer_spend != NULL || options->offer_use_cases != OFFER_USE_CASES_UNSET
         || options->offer_complexity != NULL || options->offer_next_tier;
}

static int
refuse (const char *message)
{
  g_printerr ("retainer: %s\n", message);
  return RETAINER_EXIT_BAD_INPUT;
}

/* "client.retainer, option “--month”: No figures are recorded …" */
static int
refuse_option (const char   *client_path,
               const char   *option,
               const GError *error)
{
  g_autofree char *display_name = g_filename_display_name (client_path);

  /* Translators: %1$s a client file, %2$s an option like “--month”, %3$s why it was refused. */
  g_autofree char *message = g_strdup_printf (_("%1$s, option “%2$s”: %3$s"), display_name,
                                              option, retainer_error_message (error));

  return refuse (message);
}

/* --- an output that is one of the inputs -------------------------------- */

/* What an input is to the command, for the refusal. */
typedef enum
{
  INPUT_DOCUMENT,     /* the proposal or client file named after the options */
  INPUT_AGENCY,       /* the --agency profile, or the stored one */
  INPUT_LOGO,         /* the profile's logo */
  INPUT_CLIENT_KEPT,  /* a client file in the book's folder */
} InputRole;

/* Exit status 2 with "a.retainer is the proposal or client file being
 * read: --export-pdf would write over it. …" */
static int
refuse_overwrite (const char *output,
                  const char *option,
                  InputRole   role)
{
  g_autofree char *display_name = g_filename_display_name (output);
  g_autofree char *message = NULL;

  switch (role)
    {
    case INPUT_DOCUMENT:
      /* Translators: %1$s is a file name, %2$s an option like “--export-pdf”. */
      message = g_strdup_printf (_("%1$s is the proposal or client file being read: %2$s would "
                                   "write over it. Give %2$s another file."),
                                 display_name, option);
      break;
    case INPUT_AGENCY:
      /* Translators: %1$s is a file name, %2$s an option like “--export-pdf”. */
      message = g_strdup_printf (_("%1$s is the agency profile being read: %2$s would write over "
                                   "it. Give %2$s another file."),
                                 display_name, option);
      break;
    case INPUT_LOGO:
      /* Translators: %1$s is a file name, %2$s an option like “--export-pdf”. */
      message = g_strdup_printf (_("%1$s is the agency’s logo: %2$s would write over it. Give "
                                   "%2$s another file."),
                                 display_name, option);
      break;
    case INPUT_CLIENT_KEPT:
    default:
      /* Translators: %1$s is a file name, %2$s an option like “--csv”. */
      message = g_strdup_printf (_("%1$s is a client file the book reads: %2$s would write over "
                                   "it. Give %2$s another file."),
                                 display_name, option);
      break;
    }
  return refuse (message);
}

/* Before anything is written: RETAINER_EXIT_OK when @output is none of the
 * files the command reads (@document, the profile at @agency_path or the
 * stored one, and @agency's logo), else the refusal. */
static int
check_output (const char           *output,
              const char           *option,
              const char           *document,
              const char           *agency_path,
              const RetainerAgency *agency)
{
  g_autofree char *stored = agency_path == NULL ? retainer_agency_user_path () : NULL;

  if (retainer_file_is_same (output, document))
    return refuse_overwrite (output, option, INPUT_DOCUMENT);
  if (retainer_file_is_same (output, agency_path != NULL ? agency_path : stored))
    return refuse_overwrite (output, option, INPUT_AGENCY);
  if (agency != NULL && retainer_file_is_same (output, agency->logo_path))
    return refuse_overwrite (output, option, INPUT_LOGO);
  return RETAINER_EXIT_OK;
}

/* The book's CSV must not replace a client file it was made from. */
static int
check_book_output (const char           *output,
                   const char           *agency_path,
                   const RetainerAgency *agency)
{
  g_autofree char *dir_path = retainer_clients_dir ();
  g_autoptr (GDir) dir = NULL;
  const char *name;
  int status = check_output (output, "--csv", NULL, agency_path, agency);

  if (status != RETAINER_EXIT_OK)
    return status;
  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (name[0] == '.' || !g_str_has_suffix (name, RETAINER_PROPOSAL_EXTENSION))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (retainer_file_is_same (output, path))
        return refuse_overwrite (output, "--csv", INPUT_CLIENT_KEPT);
    }
  return RETAINER_EXIT_OK;
}

static RetainerAgency *
load_agency (const char *agency_path,
             GError    **error)
{
  if (agency_path != NULL)
    return retainer_agency_load (agency_path, error);
  return retainer_agency_load_user (error);
}

/* The expansion offer the options ask for, checked by the core's own
 * calculation; a refusal names the client file and the option. */
static int
read_offer (const ClientOptions      *options,
            const char               *client_path,
            const RetainerClient     *client,
            RetainerExpansionRequest *request)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerExpansionOffer) offer = NULL;
  gint64 spend = 0;

  if (!retainer_parse_decimal (options->offer_spend, retainer_number_format_for_language ("en"),
                               2, &spend, &error))
    return refuse_option (client_path, "--offer-spend", error);
  request->monthly_api_spend = spend;
  request->extra_use_cases = options->offer_use_cases == OFFER_USE_CASES_UNSET
                               ? 1
                               : (guint) MAX (options->offer_use_cases, 0);
  request->complexity = client->proposal->complexity;
  if (options->offer_complexity != NULL
      && !retainer_complexity_from_id (options->offer_complexity, &request->complexity))
    {
      g_autoptr (GError) complexity_error =
        g_error_new (RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_INVALID,
                     _("Complexity of the new use cases: expected simple, moderate or complex"));

      return refuse_option (client_path, "--offer-complexity", complexity_error);
    }
  request->next_tier = options->offer_next_tier;

  offer = retainer_expansion_offer_new (client, request, &error);
  if (offer == NULL)
    {
      const char *option = "--offer-next-tier";

      if (request->extra_use_cases < 1
          || client->proposal->use_cases + request->extra_use_cases > RETAINER_USE_CASES_MAX)
        option = "--offer-use-cases";
      else if (request->monthly_api_spend < 0 || request->monthly_api_spend > RETAINER_MONEY_MAX)
        option = "--offer-spend";
      return refuse_option (client_path, option, error);
    }
  return RETAINER_EXIT_OK;
}

static int
export_client_document (const ClientOptions *options,
                        const char          *client_path,
                        const char          *agency_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerClient) client = retainer_client_load (client_path, &error);
  g_autoptr (RetainerAgency) agency = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  RetainerExpansionRequest request = { 0 };
  gboolean has_offer = options->offer_spend != NULL;
  gboolean ok;

  if (client == NULL)
    return refuse (retainer_error_message (error));
  agency = load_agency (agency_path, &error);
  if (agency == NULL)
    return refuse (retainer_error_message (error));
  {
    int status = options->report_path != NULL
                   ? check_output (options->report_path, "--export-report", client_path,
                                   agency_path, agency)
                   : check_output (options->review_path, "--export-review", client_path,
                                   agency_path, agency);

    if (status != RETAINER_EXIT_OK)
      return status;
  }

  if (options->report_path != NULL)
    ok = retainer_pdf_export_report (client, options->month, agency, options->report_path,
                                     warnings, &error);
  else
    {
      if (has_offer)
        {
          int status = read_offer (options, client_path, client, &request);

          if (status != RETAINER_EXIT_OK)
            return status;
        }
      ok = retainer_pdf_export_review (client, options->quarter, has_offer ? &request : NULL,
                                       agency, options->review_path, warnings, &error);
    }
  if (!ok)
    {
      if (g_error_matches (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_NO_MONTH))
        return refuse_option (client_path, options->report_path != NULL ? "--month" : "--quarter",
                              error);
      g_printerr ("retainer: %s\n", retainer_error_message (error));
      return g_error_matches (error, RETAINER_PDF_ERROR, RETAINER_PDF_ERROR_WRITE)
               ? RETAINER_EXIT_BAD_INPUT
               : RETAINER_EXIT_FAILURE;
    }

  for (guint i = 0; i < warnings->len; i++)
    g_printerr ("retainer: %s: %s\n", _("warning"), (const char *) g_ptr_array_index (warnings, i));
  return RETAINER_EXIT_OK;
}

/* The client commands: one client file, and either the report or the review. */
static int
handle_client_options (const ClientOptions *options,
                       const char          *summary_path,
                       const char          *export_path,
                       char               **remaining,
                       const char          *agency_path)
{
  gboolean offer = options->offer_use_cases != OFFER_USE_CASES_UNSET
                   || options->offer_complexity != NULL || options->offer_next_tier;

  if (summary_path != NULL || export_path != NULL
      || (options->report_path != NULL) == (options->review_path != NULL))
    return refuse (_("Give either --export-report or --export-review, with no other work"));
  if (remaining == NULL || remaining[0] == NULL || remaining[1] != NULL)
    return refuse (_("--export-report and --export-review need exactly one client file, like "
                     "“retainer --export-report out.pdf client.retainer --month 2026-03”"));
  if (options->report_path != NULL)
    {
      if (options->quarter != NULL || options->offer_spend != NULL || offer)
        return refuse (_("--quarter and the --offer options go with --export-review"));
      if (options->month == NULL)
        return refuse (_("--export-report needs the month to report on, like "
                         "“--month 2026-03”"));
    }
  else
    {
      if (options->month != NULL)
        return refuse (_("--month goes with --export-report"));
      if (options->quarter == NULL)
        return refuse (_("--export-review needs the quarter to review, like "
                         "“--quarter 2026-Q1”"));
      if (offer && options->offer_spend == NULL)
        return refuse (_("An expansion offer needs the new use cases’ monthly API spend, like "
                         "“--offer-spend 4000”"));
    }
  return export_client_document (options, remaining[0], agency_path);
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
      g_printerr ("retainer: %s\n", retainer_error_message (error));
      return RETAINER_EXIT_BAD_INPUT;
    }

  result = retainer_recommend (proposal);
  json = result != NULL ? retainer_result_to_json (result, proposal) : NULL;
  if (json != NULL && !add_client_summary (path, json))
    return RETAINER_EXIT_BAD_INPUT;
  text = json != NULL ? cJSON_Print (json) : NULL;
  if (text == NULL || fputs (text, stdout) == EOF || fputc ('\n', stdout) == EOF
      || fflush (stdout) != 0)
    {
      g_printerr ("retainer: %s\n", _("Could not write the summary to standard output"));
      return RETAINER_EXIT_FAILURE;
    }

  return RETAINER_EXIT_OK;
}

/* --- the book ----------------------------------------------------------- */

/* `retainer --book`: every client kept in the clients folder, priced with
 * the agency's overhead, hourly cost and capacity. A client file that could
 * not join the book is named on standard error and left out; the book of
 * the others is still the answer. With --csv the accountant's CSV is
 * written, atomically, instead of the JSON. */
static int
print_book (const char *agency_path,
            const char *csv_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerAgency) agency = load_agency (agency_path, &error);
  g_autoptr (RetainerBook) book = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (cJSON) json = NULL;
  g_autofree char *text = NULL;

  if (agency == NULL)
    return refuse (retainer_error_message (error));

  book = retainer_book_load (agency, &problems);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_printerr ("retainer: %s: %s\n", _("warning"), (const char *) g_ptr_array_index (problems, i));

  if (csv_path != NULL)
    {
      int status = check_book_output (csv_path, agency_path, agency);

      if (status != RETAINER_EXIT_OK)
        return status;
      if (!retainer_book_save_csv (book, csv_path, &error))
        return refuse (retainer_error_message (error));
      return RETAINER_EXIT_OK;
    }

  json = retainer_book_to_json (book);
  text = json != NULL ? cJSON_Print (json) : NULL;
  if (text == NULL || fputs (text, stdout) == EOF || fputc ('\n', stdout) == EOF
      || fflush (stdout) != 0)
    {
      g_printerr ("retainer: %s\n", _("Could not write the book to standard output"));
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

/* With --record, an unnumbered proposal took the profile's next number:
 * move it on, as the window does, in the stored profile or in the one
 * named by --agency (only its "next_number" changes), so that the next
 * proposal does not carry the same number. */
static void
advance_number (RetainerAgency *agency,
                const char     *agency_path,
                const char     *number)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *message = NULL;

  if (agency_path == NULL)
    {
      if (!retainer_agency_advance_number (agency, &error))
        g_printerr ("retainer: %s: %s\n", _("warning"), retainer_error_message (error));
      return;
    }

  if (retainer_agency_store_next_number (agency_path, agency->next_number + 1, &error))
    return;
  display_name = g_filename_display_name (agency_path);
  /* Translators: %1$s is an agency profile file, %2$s a proposal number
   * like "AC-0042", %3$s why the file could not be written. */
  message = g_strdup_printf (_("The next proposal number could not be stored in %1$s, so the "
                               "next proposal exported with it will be %2$s again: %3$s"),
                             display_name, number, retainer_error_message (error));
  g_printerr ("retainer: %s: %s\n", _("warning"), message);
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
      g_printerr ("retainer: %s\n", retainer_error_message (error));
      return RETAINER_EXIT_BAD_INPUT;
    }

  if (agency_path != NULL)
    agency = retainer_agency_load (agency_path, &error);
  else
    agency = retainer_agency_load_user (&error);
  if (agency == NULL)
    {
      g_printerr ("retainer: %s\n", retainer_error_message (error));
      return RETAINER_EXIT_BAD_INPUT;
    }
  {
    int status = check_output (output_path, "--export-pdf", proposal_path, agency_path, agency);

    if (status != RETAINER_EXIT_OK)
      return status;
  }

  result = retainer_recommend (proposal);
  if (result == NULL)
    {
      g_printerr ("retainer: %s\n", retainer_error_message (NULL));
      return RETAINER_EXIT_FAILURE;
    }

  /* The revision the PDF carries, issued as the window issues it: a first
   * export numbers the proposal, a changed figure makes the next revision,
   * unchanged figures the same one again. */
  numbering = retainer_agency_number_proposal (agency, proposal, today);
  issued_before = proposal->revisions != NULL ? proposal->revisions->len : 0;
  if (!retainer_proposal_issue_revision (proposal, result, today, &revision, &error))
    {
      g_printerr ("retainer: %s: %s\n", display_name, retainer_error_message (error));
      return RETAINER_EXIT_BAD_INPUT;
    }

  if (!retainer_pdf_export (proposal, result, agency, output_path, warnings, &error))
    {
      g_printerr ("retainer: %s\n", retainer_error_message (error));
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
      g_printerr ("retainer: %s\n", retainer_error_message (error));
      return RETAINER_EXIT_FAILURE;
    }
  if (numbering)
    advance_number (agency, agency_path, proposal->number);

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
  gboolean book = FALSE;
  g_autofree char *csv_path = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (ClientOptions) client_options = { 0 };
  const GOptionEntry entries[] = {
    { "summary", 's', 0, G_OPTION_ARG_FILENAME, &summary_path,
      N_("Print the computed result of a proposal as JSON and exit"), N_("FILE") },
    { "export-pdf", 'e', 0, G_OPTION_ARG_FILENAME, &export_path,
      N_("Write the proposal named after the options as a PDF to OUT and exit"), N_("OUT") },
    { "agency", 'a', 0, G_OPTION_ARG_FILENAME, &agency_path,
      N_("With --export-pdf: the agency profile to brand the PDF with, instead of the stored "
         "one; with --book: the profile whose overhead, staff cost and capacity to use"),
      N_("AGENCY") },
    { "record", 0, 0, G_OPTION_ARG_NONE, &record,
      N_("With --export-pdf: record the number and revision the PDF carries in the proposal "
         "file and move the agency profile’s next number on, as the window does"), NULL },
    { "book", 0, 0, G_OPTION_ARG_NONE, &book,
      N_("Print the book of every client kept, with the totals, as JSON and exit"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path,
      N_("With --book: write the book as CSV to OUT instead"), N_("OUT") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &show_version, N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &remaining, NULL, N_("[FILE]") },
    { NULL }
  };

  *open_path = NULL;
  *status = RETAINER_EXIT_OK;

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_client_entries (context, &client_options);
  g_option_context_set_summary (context,
                                _("Prices an AI agency’s setup fee and monthly retainer for a "
                                  "prospect, and writes the proposal."));
  g_option_context_set_description (context,
                                    _("Without options, or with a FILE, Retainer opens its "
                                      "window.\n\n"
                                      "Examples:\n"
                                      "  retainer --summary proposal.retainer\n"
                                      "  retainer --export-pdf out.pdf proposal.retainer "
                                      "[--agency agency.json]\n"
                                      "  retainer --book [--agency agency.json] "
                                      "[--csv book.csv]\n\n"
                                      "Exit status: 0 on success, 2 when a file or an argument "
                                      "is refused, 1 when the work could not be done."));

  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("retainer: %s\n%s\n", retainer_error_message (error),
                  _("Run “retainer --help” to see the options."));
      *status = RETAINER_EXIT_BAD_INPUT;
      return TRUE;
    }

  if (show_version)
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return TRUE;
    }

  if (book || csv_path != NULL)
    {
      if (!book)
        *status = refuse (_("--csv goes with --book"));
      else if (summary_path != NULL || export_path != NULL || record || remaining != NULL
               || client_options_used (&client_options))
        *status = refuse (_("--book takes no file and no other work than --agency and --csv"));
      else
        *status = print_book (agency_path, csv_path);
      return TRUE;
    }

  if (client_options_used (&client_options))
    {
      *status = handle_client_options (&client_options, summary_path, export_path, remaining,
                                       agency_path);
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
