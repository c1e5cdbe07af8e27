/* retainer-pdf-report.c: the monthly value report
 *
 * docs/calculation.md, "After the yes: the value report and the quarterly
 * review": a cover, then the month at a glance, the
 * retraining summary, the performance comparison, the cost impact, and
 * promised against delivered with its chart. Figures come from
 * retainer_value_report_new(); nothing here computes money. The agency's
 * own costs of the month ("actual_costs") are never read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "retainer-money.h"
#include "retainer-pdf-client.h"
#include "retainer-pdf-private.h"

typedef struct
{
  const RetainerClient *client;
  const RetainerAgency *agency;
  RetainerValueReport  *report;   /* made in the document's language */
  const RetainerTier   *tier;
  char                 *company;
  char                 *agency_name;
  char                 *number;
} Report;

static void
report_clear (Report *self)
{
  g_clear_pointer (&self->report, retainer_value_report_free);
  g_free (self->company);
  g_free (self->agency_name);
  g_free (self->number);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static char *
money (const Report *self,
       gint64        amount)
{
  return retainer_money_format (amount, self->client->proposal->currency,
                                RETAINER_MONEY_FORMAT_DEFAULT);
}



static void
draw_cover (RetainerPdfWriter *writer,
            Report            *self)
{
  const RetainerProposal *proposal = self->client->proposal;
  const RetainerAgency *agency = self->agency;
  g_autofree char *month = retainer_month_format_long (self->report->month, TRUE);
  g_autofree char *live_since = retainer_month_format_long (self->client->go_live_month, TRUE);
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *attention = NULL;
  g_autofree char *contact = retainer_pdf_agency_contact (agency);
  const char *lines[3] = { NULL };
  guint n_lines = 0;

  /* Translators: the value report's cover title; %s is the client's company. */
  title = g_strdup_printf (_("Value report for %s"), self->company);
  /* Translators: under the cover title; %1$s a month like "March 2026",
   * %2$u how many months the model has been live, that one included. */
  when = g_strdup_printf (_("%1$s · month %2$u since go-live"), month,
                          self->report->month_number);
  lines[n_lines++] = when;
  if (is_set (proposal->contact))
    {
      attention = g_strdup_printf (_("For the attention of %s"), proposal->contact);
      lines[n_lines++] = attention;
    }

  {
    const RetainerPdfFact facts[] = {
      { _("Report month"), month },
      { _("Plan"), retainer_rate_card_text (self->tier->name) },
      { _("Live since"), live_since },
      { _("Proposal number"), self->number },
      { _("Your contact"), contact },
    };

    /* Translators: the small label above the value report's cover title. */
    retainer_pdf_draw_client_cover (writer, agency, C_("cover", "MONTHLY VALUE REPORT"), title,
                                    lines, facts, G_N_ELEMENTS (facts));
  }
}

static void
draw_glance (RetainerPdfWriter *writer,
             Report            *self)
{
  const RetainerValueReport *report = self->report;
  g_autofree char *month = retainer_month_format_long (report->month, TRUE);
  g_autofree char *heading = NULL;
  g_autofree char *equivalent = money (self, report->api_cost_equivalent);
  g_autofree char *billed = money (self, report->retainer_billed);
  g_autofree char *saving = money (self, report->monthly_saving);
  g_autofree char *cumulative = money (self, report->cumulative_saving);
  const RetainerPdfFact figures[] = {
    { _("API cost equivalent"), equivalent },
    { _("Current cost"), billed },
    { _("Saved this month"), saving },
    { _("Saved since go-live"), cumulative },
  };

  /* Translators: a heading; %s is a month like "March 2026". */
  heading = g_strdup_printf (_("%s at a glance"), month);
  retainer_pdf_heading (writer, heading, 80);
  retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE,
                          _("What your model saved this month, how it performed, and how its "
                            "savings compare with what the proposal promised when you "
                            "signed."));
  retainer_pdf_draw_key_figures (writer, figures, G_N_ELEMENTS (figures));
}

/* The last month up to the report's in which the model was retrained. */
static const RetainerClientMonth *
last_retraining (const Report *self)
{
  for (guint i = self->report->month_number; i > 0; i--)
    {
      const RetainerClientMonth *record = g_ptr_array_index (self->client->months, i - 1);

      if (record->retrained)
        return record;
    }
  return NULL;
}

static void
draw_retraining (RetainerPdfWriter *writer,
                 Report            *self)
{
  const RetainerClientMonth *record = self->report->record;
  const char *cadence = retainer_retraining_label (self->tier->retraining);

  retainer_pdf_heading (writer, _("Retraining"), 60);
  if (record->retrained)
    {
      static const double fractions[] = { 0.32, 0.68 };
      static const RetainerPdfAlign aligns[] = { RETAINER_PDF_ALIGN_LEFT,
                                                 RETAINER_PDF_ALIGN_LEFT };
      g_autofree char *examples = retainer_format_number (record->new_examples, 0);
      g_autofree char *hours_number =
        retainer_format_number (record->training_hours,
                                retainer_metric_decimals (record->training_hours));
      g_autofree char *hours = NULL;
      g_autofree char *lead = NULL;
      RetainerPdfTable table;

      /* Translators: %s is a number of hours, like "3.5"; only exactly
       * one hour takes the singular. */
      hours = g_strdup_printf (ngettext ("%s hour", "%s hours",
                                         record->training_hours == 1 ? 1 : 2),
                               hours_number);
      /* Translators: %s is the plan's retraining, like "Quarterly retraining". */
      lead = g_strdup_printf (_("The model was retrained this month on new examples from your "
                                "own traffic, and checked against the quality bar before it "
                                "went back into service. Your plan: %s."),
                              cadence);
      retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE, lead);
      retainer_pdf_table_init (&table, writer, 2, fractions, aligns, NULL);
      retainer_pdf_need (writer, 60);
      {
        const char *rows[][2] = {
          { _("New training examples"), examples },
          { _("Where they came from"), record->training_source },
          { _("Training time"), hours },
          { _("Hardware"), record->hardware },
        };

        for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
          if (is_set (rows[i][1]))
            retainer_pdf_table_add_row (&table, rows[i], FALSE);
      }
      retainer_pdf_table_clear (&table);
      writer->y -= 8;
    }
  else
    {
      const RetainerClientMonth *last = last_retraining (self);
      g_autofree char *text = NULL;

      if (last != NULL)
        {
          g_autofree char *when = retainer_month_format_long (last->month, TRUE);

          /* Translators: %1$s a month like "December 2025", %2$s the plan's
           * retraining, like "Quarterly retraining". */
          text = g_strdup_printf (_("The model was not retrained this month: it was last "
                                    "retrained in %1$s, and it stayed under monitoring "
                                    "throughout. Your plan: %2$s."),
                                  when, cadence);
        }
      else
        /* Translators: %s the plan's retraining, like "Quarterly retraining". */
        text = g_strdup_printf (_("The model has not been retrained since it went live; it "
                                  "stayed under monitoring throughout. Your plan: %s."),
                                cadence);
      retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE, text);
    }
}


static void
draw_performance (RetainerPdfWriter *writer,
                  Report            *self)
{
  const RetainerValueReport *report = self->report;
  static const double fractions[] = { 0.32, 0.16, 0.16, 0.17, 0.19 };
  static const RetainerPdfAlign aligns[] = {
    RETAINER_PDF_ALIGN_LEFT, RETAINER_PDF_ALIGN_RIGHT, RETAINER_PDF_ALIGN_RIGHT,
    RETAINER_PDF_ALIGN_RIGHT, RETAINER_PDF_ALIGN_LEFT,
  };
  g_autofree char *month = retainer_month_format_long (report->month, TRUE);
  g_autofree char *previous = report->previous_month != NULL
                                ? retainer_month_format_long (report->previous_month, TRUE)
                                : g_strdup (_("Last month"));
  const char *header[] = { _("Metric"), previous, month, _("Change"), _("Better or worse") };
  RetainerPdfTable table;

  retainer_pdf_heading (writer, _("Performance"), 60);
  if (report->metrics->len == 0)
    {
      retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE,
                              _("No model metrics were recorded for this month."));
      return;
    }
  if (report->previous_month != NULL)
    {
      /* Translators: %1$s and %2$s are months like "March 2026". */
      g_autofree char *text = g_strdup_printf (_("Each metric in %1$s against %2$s. Percentages "
                                                 "change in points; each change is marked "
                                                 "better or worse by which way the metric "
                                                 "should move."),
                                               month, previous);

      retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE, text);
    }
  else
    retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE,
                            _("The model’s first month live: later reports compare each "
                              "metric with these figures."));

  retainer_pdf_table_init (&table, writer, 5, fractions, aligns, header);
  retainer_pdf_need (writer, retainer_pdf_table_header_height (&table) + 40);
  retainer_pdf_table_draw_header (&table);
  for (guint i = 0; i < report->metrics->len; i++)
    {
      const RetainerMetricComparison *row = g_ptr_array_index (report->metrics, i);
      g_autofree char *verdict = retainer_pdf_verdict_text (row->verdict);
      const char *cells[] = { row->name, row->previous_text, row->current_text, row->change_text,
                              verdict };

      retainer_pdf_table_add_row (&table, cells, FALSE);
    }
  retainer_pdf_table_clear (&table);
  writer->y -= 8;
}

static void
draw_cost_impact (RetainerPdfWriter *writer,
                  Report            *self)
{
  const RetainerValueReport *report = self->report;
  static const double fractions[] = { 0.78, 0.22 };
  static const RetainerPdfAlign aligns[] = { RETAINER_PDF_ALIGN_LEFT, RETAINER_PDF_ALIGN_RIGHT };
  g_autofree char *equivalent = money (self, report->api_cost_equivalent);
  g_autofree char *billed = money (self, report->retainer_billed);
  g_autofree char *saving = money (self, report->monthly_saving);
  g_autofree char *cumulative = money (self, report->cumulative_saving);
  g_autofree char *current_label = NULL;
  g_autofree char *cumulative_label = NULL;
  RetainerPdfTable table;

  /* Translators: a row of the cost impact; %s is the plan's name, like "Essentials". */
  current_label = g_strdup_printf (_("Current cost: your %s plan"),
                                   retainer_rate_card_text (self->tier->name));
  /* Translators: a row of the cost impact; %u counts the months since go-live. */
  cumulative_label = g_strdup_printf (ngettext ("Cumulative savings since go-live (%u month)",
                                                "Cumulative savings since go-live (%u months)",
                                                report->month_number),
                                      report->month_number);

  retainer_pdf_heading (writer, _("Cost impact"), 90);
  retainer_pdf_table_init (&table, writer, 2, fractions, aligns, NULL);
  {
    const char *rows[][2] = {
      { _("API cost equivalent: what this month’s traffic would have cost on the API"),
        equivalent },
      { current_label, billed },
      { _("Monthly savings"), saving },
      { cumulative_label, cumulative },
    };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      retainer_pdf_table_add_row (&table, rows[i], i >= 2);
  }
  retainer_pdf_table_clear (&table);
  writer->y -= 8;
}

static void
draw_promised (RetainerPdfWriter *writer,
               Report            *self)
{
  const RetainerValueReport *report = self->report;
  const char *currency = self->client->proposal->currency;
  guint horizon = report->promised_series->len - 1;
  double chart_height = 200;
  g_autofree char *recovery = retainer_value_report_describe_recovery (report, currency);
  g_autofree char *promised = NULL;
  g_autofree char *recovered = NULL;
  g_autofree char *net = money (self, report->actual_net);
  g_autofree char *comparison = NULL;

  if (report->promised_break_even_month > 0)
    promised = retainer_month_format_long (report->promised_break_even_calendar, TRUE);
  else
    {
      g_autofree char *none = retainer_break_even_describe (0, -1, horizon,
                                                            RETAINER_BREAK_EVEN_FIGURE);

      promised = retainer_pdf_capitalize (none);
    }
  if (report->actual_break_even_month > 0)
    recovered = retainer_month_format_long (report->actual_break_even_calendar, TRUE);
  else
    recovered = g_strdup (_("Not yet"));

  retainer_pdf_heading (writer, _("Promised against delivered"), 60 + chart_height);
  retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE, recovery);
  if (report->has_promised_net)
    {
      g_autofree char *projected = money (self, report->promised_net);

      /* Translators: %1$s the net saving the proposal projected by this
       * month, %2$s the one delivered; both net of the setup fee. */
      comparison = g_strdup_printf (_("By this month the proposal projected a net saving of %1$s, "
                                      "setup fee included; delivered: %2$s."),
                                    projected, net);
      retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE, comparison);
    }
  writer->y -= 6;
  {
    const RetainerPdfFact figures[] = {
      { _("Break-even promised"), promised },
      { _("Setup fee recovered"), recovered },
      { _("Net saving so far"), net },
    };

    retainer_pdf_draw_key_figures (writer, figures, G_N_ELEMENTS (figures));
  }
  retainer_pdf_need (writer, chart_height);
  retainer_pdf_draw_net_chart (writer, currency, report->promised_series, report->actual_series,
                               report->promised_break_even_month,
                               report->promised_break_even_months,
                               report->actual_break_even_month,
                               report->actual_break_even_months, chart_height);
}

static void
draw_report_cb (RetainerPdfWriter *writer,
                gpointer           user_data)
{
  Report *self = user_data;

  draw_cover (writer, self);
  retainer_pdf_new_page (writer);
  draw_glance (writer, self);
  draw_retraining (writer, self);
  draw_performance (writer, self);
  draw_cost_impact (writer, self);
  draw_promised (writer, self);
}

/**
 * retainer_pdf_export_report:
 * @client: a valid client
 * @month: a recorded month, "YYYY-MM"
 * @agency: the brand
 * @path: the PDF to write, atomically
 * @warnings: (nullable): receives translated messages of problems that did
 *   not stop the export
 * @error: a #GError
 *
 * Writes the monthly value report for @month in the accepted proposal's
 * language. A month that is not recorded is refused with
 * %RETAINER_CLIENT_ERROR_NO_MONTH and nothing is written.
 *
 * Returns: %TRUE when the PDF was written
 */
gboolean
retainer_pdf_export_report (const RetainerClient *client,
                            const char           *month,
                            const RetainerAgency *agency,
                            const char           *path,
                            GPtrArray            *warnings,
                            GError              **error)
{
  g_autoptr (RetainerLanguage) language = NULL;
  g_autoptr (RetainerValueReport) check = NULL;
  g_autofree char *title = NULL;
  g_autofree char *header = NULL;
  Report self = { 0 };
  const RetainerLanguage *previous;
  RetainerPdfBrandedDocument document = { 0 };
  gboolean ok;

  g_return_val_if_fail (client != NULL, FALSE);
  g_return_val_if_fail (agency != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Refused in the user's language, before anything is drawn. */
  check = retainer_value_report_new (client, month, error);
  if (check == NULL)
    return FALSE;

  language = retainer_pdf_document_language (client->proposal->language, warnings);
  previous = retainer_language_set_current (language);
  self.client = client;
  self.agency = agency;
  self.tier = retainer_client_tier (client);
  self.report = retainer_value_report_new (client, month, NULL);
  self.company = g_strdup (is_set (client->proposal->company) ? client->proposal->company
                                                              : _("your company"));
  self.agency_name = g_strdup (is_set (agency->name) ? agency->name : _("our agency"));
  self.number = retainer_agency_proposal_number (agency, client->proposal);
  title = g_strdup_printf (_("Value report for %s"), self.company);
  {
    g_autofree char *month_text = retainer_month_format_long (month, TRUE);

    /* Translators: the value report's running header; %1$s a month like
     * "March 2026", %2$s the client's company. */
    header = g_strdup_printf (_("Value report %1$s · %2$s"), month_text, self.company);
  }
  retainer_language_set_current (previous);

  document.agency = agency;
  document.language = language;
  document.agency_name = self.agency_name;
  document.title = title;
  document.header_right = header;
  document.draw = draw_report_cb;
  document.user_data = &self;
  ok = retainer_pdf_write_branded (&document, path, warnings, error);
  report_clear (&self);
  return ok;
}
