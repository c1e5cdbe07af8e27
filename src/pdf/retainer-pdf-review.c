/* retainer-pdf-review.c: the quarterly review, with its expansion offer
 *
 * docs/calculation.md, "After the yes: the value report and the quarterly
 * review": for the meeting with the client's
 * decision-maker. A cover, the value delivered in the quarter and since
 * deployment, each metric's trend over the quarter, and, when the founder
 * makes one, an expansion offer priced by retainer_expansion_offer_new()
 * (the calculation of a new proposal) with an acceptance block. The
 * agency's own costs are never read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "retainer-money.h"
#include "retainer-pdf-client.h"
#include "retainer-pdf-private.h"

typedef struct
{
  const RetainerClient    *client;
  const RetainerAgency    *agency;
  RetainerQuarterlyReview *review;   /* made in the document's language */
  RetainerValueReport     *last;     /* the quarter's last month, for the break-even */
  RetainerExpansionOffer  *offer;    /* NULL without an offer */
  const RetainerTier      *tier;
  char                    *company;
  char                    *agency_name;
  char                    *quarter;  /* "Q1 2026" */
} Review;

static void
review_clear (Review *self)
{
  g_clear_pointer (&self->review, retainer_quarterly_review_free);
  g_clear_pointer (&self->last, retainer_value_report_free);
  g_clear_pointer (&self->offer, retainer_expansion_offer_free);
  g_free (self->company);
  g_free (self->agency_name);
  g_free (self->quarter);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static char *
money (const Review *self,
       gint64        amount)
{
  return retainer_money_format (amount, self->client->proposal->currency,
                                RETAINER_MONEY_FORMAT_DEFAULT);
}

static char *
per_month (const Review *self,
           gint64        amount)
{
  g_autofree char *formatted = money (self, amount);

  return g_strdup_printf (_("%s per month"), formatted);
}


static void
draw_cover (RetainerPdfWriter *writer,
            Review            *self)
{
  const RetainerProposal *proposal = self->client->proposal;
  const RetainerAgency *agency = self->agency;
  g_autofree char *first = retainer_month_format_long (self->review->first_month, TRUE);
  g_autofree char *last = retainer_month_format_long (self->review->last_month, TRUE);
  g_autofree char *live_since = retainer_month_format_long (self->client->go_live_month, TRUE);
  g_autofree char *title = NULL;
  g_autofree char *span = NULL;
  g_autofree char *attention = NULL;
  g_autofree char *contact = NULL;
  const char *lines[3] = { NULL };
  guint n_lines = 0;

  /* Translators: the quarterly review's cover title; %s is the client's company. */
  title = g_strdup_printf (_("Quarterly review for %s"), self->company);
  if (self->review->months_recorded > 1)
    /* Translators: under the cover title; %1$s a quarter like "Q1 2026",
     * %2$s and %3$s its first and last recorded months. */
    span = g_strdup_printf (_("%1$s · %2$s to %3$s"), self->quarter, first, last);
  else
    span = g_strdup_printf ("%s · %s", self->quarter, first);
  lines[n_lines++] = span;
  if (is_set (proposal->contact))
    {
      attention = g_strdup_printf (_("For the attention of %s"), proposal->contact);
      lines[n_lines++] = attention;
    }
  contact = retainer_pdf_agency_contact (agency);

  {
    const RetainerPdfFact facts[] = {
      { _("Quarter"), self->quarter },
      { _("Plan"), retainer_rate_card_text (self->tier->name) },
      { _("Live since"), live_since },
      { _("Your contact"), contact },
    };

    /* Translators: the small label above the quarterly review's cover title. */
    retainer_pdf_draw_client_cover (writer, agency, C_("cover", "QUARTERLY REVIEW"), title,
                                    lines, facts, G_N_ELEMENTS (facts));
  }
}

static void
draw_value (RetainerPdfWriter *writer,
            Review            *self)
{
  const RetainerQuarterlyReview *review = self->review;
  const RetainerValueReport *last = self->last;
  static const double fractions[] = { 0.31, 0.23, 0.23, 0.23 };
  static const RetainerPdfAlign aligns[] = {
    RETAINER_PDF_ALIGN_LEFT, RETAINER_PDF_ALIGN_RIGHT, RETAINER_PDF_ALIGN_RIGHT,
    RETAINER_PDF_ALIGN_RIGHT,
  };
  const char *header[] = { _("Month"), _("API cost equivalent"), _("Current cost"),
                           _("Saving") };
  g_autofree char *quarter_saving = money (self, review->saving_in_quarter);
  g_autofree char *since = money (self, review->saving_since_deployment);
  g_autofree char *net = money (self, review->actual_net);
  g_autofree char *live_since = retainer_month_format_long (self->client->go_live_month, TRUE);
  g_autofree char *recovered = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *recovery = NULL;
  int first = retainer_client_find_month (self->client, review->first_month);
  RetainerPdfTable table;

  if (last->actual_break_even_month > 0)
    recovered = retainer_month_format_long (last->actual_break_even_calendar, TRUE);
  else
    recovered = g_strdup (_("Not yet"));

  retainer_pdf_heading (writer, _("Value delivered"), 80);
  /* Translators: %1$s a quarter like "Q1 2026", %2$s the saving in it,
   * %3$s the go-live month like "September 2025", %4$s the saving since
   * then, %5$s the same less the setup fee. */
  lead = g_strdup_printf (_("In %1$s your model saved %2$s against what the same traffic would "
                            "have cost on the API. Since it went live in %3$s it has saved %4$s; "
                            "net of the setup fee, %5$s."),
                          self->quarter, quarter_saving, live_since, since, net);
  retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE, lead);
  recovery = retainer_value_report_describe_recovery (last, self->client->proposal->currency);
  retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE, recovery);
  writer->y -= 6;
  {
    const RetainerPdfFact figures[] = {
      { _("Saved this quarter"), quarter_saving },
      { _("Saved since go-live"), since },
      { _("Net of the setup fee"), net },
      { _("Setup fee recovered"), recovered },
    };

    retainer_pdf_draw_key_figures (writer, figures, G_N_ELEMENTS (figures));
  }

  retainer_pdf_table_init (&table, writer, 4, fractions, aligns, header);
  retainer_pdf_need (writer, retainer_pdf_table_header_height (&table) + 40);
  retainer_pdf_table_draw_header (&table);
  for (guint i = 0; first >= 0 && i < review->months_recorded; i++)
    {
      const RetainerClientMonth *record = g_ptr_array_index (self->client->months,
                                                             (guint) first + i);
      g_autofree char *month = retainer_month_format_long (record->month, TRUE);
      g_autofree char *equivalent = money (self, record->api_cost_equivalent);
      g_autofree char *billed = money (self, record->retainer_billed);
      g_autofree char *saving = money (self, record->api_cost_equivalent
                                               - record->retainer_billed);
      const char *row[] = { month, equivalent, billed, saving };

      retainer_pdf_table_add_row (&table, row, FALSE);
    }
  {
    g_autofree char *equivalent = money (self, review->api_cost_equivalent_in_quarter);
    g_autofree char *billed = money (self, review->retainer_billed_in_quarter);
    const char *row[] = { self->quarter, equivalent, billed, quarter_saving };

    retainer_pdf_table_add_row (&table, row, TRUE);
  }
  retainer_pdf_table_clear (&table);
  writer->y -= 8;
}


static void
draw_trend (RetainerPdfWriter *writer,
            Review            *self)
{
  const RetainerQuarterlyReview *review = self->review;
  gboolean start_before = g_strcmp0 (review->trend_start_month, review->first_month) != 0;
  guint n_values = review->months_recorded + (start_before ? 1 : 0);
  guint n_columns = 1 + n_values + 2;
  int first = retainer_client_find_month (self->client, review->first_month);
  g_autofree char *from = retainer_month_format_long (review->trend_start_month, TRUE);
  g_autofree char *to = retainer_month_format_long (review->last_month, TRUE);
  g_autofree char *lead = NULL;
  double fractions[8];
  RetainerPdfAlign aligns[8];
  const char *header[8];
  char *month_names[8] = { NULL };
  RetainerPdfTable table;

  retainer_pdf_heading (writer, _("Metric trend over the quarter"), 60);
  if (review->metric_trends->len == 0)
    {
      retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE,
                              _("No model metrics were recorded in this quarter."));
      return;
    }
  /* Translators: %1$s and %2$s are months like "December 2025". */
  lead = g_strdup_printf (_("Each metric from %1$s to %2$s. Percentages change in points; each "
                            "change is marked better or worse by which way the metric should "
                            "move."),
                          from, to);
  retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE, lead);

  fractions[0] = 0.20;
  aligns[0] = RETAINER_PDF_ALIGN_LEFT;
  header[0] = _("Metric");
  for (guint c = 0; c < n_values; c++)
    {
      const char *month;

      if (start_before && c == 0)
        month = review->trend_start_month;
      else
        {
          const RetainerClientMonth *record =
            g_ptr_array_index (self->client->months,
                               (guint) first + c - (start_before ? 1 : 0));
          month = record->month;
        }
      month_names[c] = retainer_month_format_long (month, FALSE);
      fractions[c + 1] = 0.54 / n_values;
      aligns[c + 1] = RETAINER_PDF_ALIGN_RIGHT;
      header[c + 1] = month_names[c];
    }
  fractions[n_values + 1] = 0.12;
  aligns[n_values + 1] = RETAINER_PDF_ALIGN_RIGHT;
  header[n_values + 1] = _("Change");
  fractions[n_values + 2] = 0.14;
  aligns[n_values + 2] = RETAINER_PDF_ALIGN_LEFT;
  header[n_values + 2] = _("Better or worse");

  retainer_pdf_table_init (&table, writer, n_columns, fractions, aligns, header);
  /* Four months side by side: small enough that "September" stays whole. */
  table.size = 8;
  retainer_pdf_need (writer, retainer_pdf_table_header_height (&table) + 40);
  retainer_pdf_table_draw_header (&table);
  for (guint t = 0; t < review->metric_trends->len; t++)
    {
      const RetainerMetricComparison *trend = g_ptr_array_index (review->metric_trends, t);
      const GArray *values = g_ptr_array_index (review->metric_values, t);
      g_autofree char *verdict = retainer_pdf_verdict_text (trend->verdict);
      char *cells[8] = { NULL };
      const char *row[8];

      row[0] = trend->name;
      for (guint c = 0; c < n_values; c++)
        {
          if (start_before && c == 0)
            cells[c] = g_strdup (trend->previous_text);
          else
            {
              double value = g_array_index (values, double, c - (start_before ? 1 : 0));

              cells[c] = isnan (value) ? g_strdup ("—")
                                       : retainer_metric_format_value (value, trend->unit,
                                                                       trend->decimals);
            }
          row[c + 1] = cells[c];
        }
      row[n_values + 1] = trend->change_text;
      row[n_values + 2] = verdict;
      retainer_pdf_table_add_row (&table, row, FALSE);
      for (guint c = 0; c < n_values; c++)
        g_free (cells[c]);
    }
  retainer_pdf_table_clear (&table);
  for (guint c = 0; c < n_values; c++)
    g_free (month_names[c]);
  writer->y -= 8;
}

static void
draw_offer (RetainerPdfWriter *writer,
            Review            *self)
{
  const RetainerExpansionOffer *offer = self->offer;
  const RetainerRateCard *card = self->client->proposal->rate_card;
  const RetainerTier *offered = &card->tiers[offer->offered_tier];
  static const double fractions[] = { 0.55, 0.45 };
  static const RetainerPdfAlign aligns[] = { RETAINER_PDF_ALIGN_LEFT, RETAINER_PDF_ALIGN_RIGHT };
  g_autofree char *increase_amount = money (self, offer->retainer_increase);
  g_autofree char *increase = NULL;
  g_autofree char *new_retainer = per_month (self, offer->new_retainer);
  g_autofree char *current_retainer = per_month (self, offer->current_retainer);
  g_autofree char *setup = money (self, offer->setup_fee);
  g_autofree char *band_low = money (self, offer->setup_band_low);
  g_autofree char *band_high = money (self, offer->setup_band_high);
  g_autofree char *band = g_strdup_printf ("%s – %s", band_low, band_high);
  g_autofree char *spend = per_month (self, offer->covered_api_spend);
  g_autofree char *saving = per_month (self, offer->monthly_saving);
  g_autofree char *net = money (self, offer->net_saving_horizon);
  g_autofree char *net_label = NULL;
  g_autofree char *break_even_text = retainer_break_even_describe (offer->break_even_month,
                                                                   offer->break_even_months,
                                                                   offer->horizon_months,
                                                                   RETAINER_BREAK_EVEN_FIGURE);
  g_autofree char *break_even = retainer_pdf_capitalize (break_even_text);
  g_autofree char *lead = NULL;
  g_autofree char *plan = NULL;
  RetainerPdfTable table;

  /* Translators: the rise of the monthly retainer, like "+$1,500 a month". */
  increase = g_strdup_printf (offer->retainer_increase > 0 ? _("+%s a month") : _("%s a month"),
                              increase_amount);
  if (offer->offered_tier != offer->current_tier)
    {
      /* Translators: %1$u new use cases, %2$s the plan moved up to, %3$s
       * the rise of the monthly retainer, like "$1,500". */
      lead = g_strdup_printf (ngettext ("We propose %1$u more use case on your model’s "
                                        "infrastructure and a move up to the %2$s plan, for an "
                                        "additional %3$s a month.",
                                        "We propose %1$u more use cases on your model’s "
                                        "infrastructure and a move up to the %2$s plan, for an "
                                        "additional %3$s a month.",
                                        offer->extra_use_cases),
                              offer->extra_use_cases, retainer_rate_card_text (offered->name),
                              increase_amount);
      plan = g_strdup_printf ("%s → %s",
                              retainer_rate_card_text (self->tier->name),
                              retainer_rate_card_text (offered->name));
    }
  else
    {
      /* Translators: %1$u new use cases, %2$s the rise of the monthly
       * retainer, like "$1,500". */
      lead = g_strdup_printf (ngettext ("We propose %1$u more use case on your model’s "
                                        "infrastructure, for an additional %2$s a month.",
                                        "We propose %1$u more use cases on your model’s "
                                        "infrastructure, for an additional %2$s a month.",
                                        offer->extra_use_cases),
                              offer->extra_use_cases, increase_amount);
      plan = g_strdup (retainer_rate_card_text (offered->name));
    }
  net_label = g_strdup_printf (ngettext ("Net saving over %u month", "Net saving over %u months",
                                         offer->horizon_months),
                               offer->horizon_months);

  retainer_pdf_heading (writer, _("Expansion offer"), 140);
  retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE, lead);
  retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE,
                          _("The figures below are worked out the way your first proposal was: "
                            "the API spend the new work takes over, its setup fee, and how "
                            "soon it pays for itself."));
  if (offer->monthly_saving <= 0)
    retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE,
                            _("The plan costs as much as the API calls it replaces or more: its "
                              "value lies in privacy, control over your data and a model that "
                              "knows your business, not in lower bills."));
  writer->y -= 6;
  {
    const RetainerPdfFact figures[] = {
      { _("Retainer increase"), increase },
      { _("New monthly retainer"), new_retainer },
      { _("One-time setup fee"), setup },
      { _("Break-even"), break_even },
    };

    retainer_pdf_draw_key_figures (writer, figures, G_N_ELEMENTS (figures));
  }

  retainer_pdf_table_init (&table, writer, 2, fractions, aligns, NULL);
  retainer_pdf_need (writer, 80);
  {
    /* The setup fee and the break-even stand in the boxes above. */
    const char *rows[][2] = {
      { _("API spend the new use cases take over"), spend },
      { _("Complexity"), retainer_complexity_label (offer->result->complexity) },
      { _("Setup fee band"), band },
      { _("Plan"), plan },
      { _("Monthly retainer today"), current_retainer },
      { _("New monthly retainer"), new_retainer },
      { _("Your monthly saving on the new use cases"), saving },
      { net_label, net },
    };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      retainer_pdf_table_add_row (&table, rows[i], i == 5 || i == 6);
  }
  retainer_pdf_table_clear (&table);
  writer->y -= 8;
}

static void
draw_acceptance (RetainerPdfWriter *writer,
                 Review            *self)
{
  const RetainerExpansionOffer *offer = self->offer;
  const RetainerTier *offered = &self->client->proposal->rate_card->tiers[offer->offered_tier];
  g_autofree char *setup = money (self, offer->setup_fee);
  g_autofree char *retainer = money (self, offer->new_retainer);
  g_autofree char *text = NULL;
  g_autofree char *for_client = NULL;
  g_autofree char *for_agency = NULL;

  /* Translators: %1$s the client's company, %2$u the new use cases, %3$s
   * the setup fee, %4$s the new monthly retainer, %5$s the plan's name. */
  text = g_strdup_printf (ngettext ("By signing below, %1$s accepts the expansion offered in "
                                    "this review: %2$u more use case, a one-time setup fee of "
                                    "%3$s and a monthly retainer of %4$s on the %5$s plan from "
                                    "the month the new use case goes live.",
                                    "By signing below, %1$s accepts the expansion offered in "
                                    "this review: %2$u more use cases, a one-time setup fee of "
                                    "%3$s and a monthly retainer of %4$s on the %5$s plan from "
                                    "the month the new use cases go live.",
                                    offer->extra_use_cases),
                          self->company, offer->extra_use_cases, setup, retainer,
                          retainer_rate_card_text (offered->name));
  for_client = g_strdup_printf (_("For %s"), self->company);
  for_agency = g_strdup_printf (_("For %s"), self->agency_name);
  retainer_pdf_draw_acceptance_block (writer, _("Acceptance"), text, for_client,
                                      self->client->proposal->contact, for_agency,
                                      self->agency->signatory_name,
                                      self->agency->signatory_title);
}

static void
draw_review_cb (RetainerPdfWriter *writer,
                gpointer           user_data)
{
  Review *self = user_data;

  draw_cover (writer, self);
  retainer_pdf_new_page (writer);
  draw_value (writer, self);
  draw_trend (writer, self);
  if (self->offer != NULL)
    {
      draw_offer (writer, self);
      draw_acceptance (writer, self);
    }
}

/**
 * retainer_pdf_export_review:
 * @client: a valid client
 * @quarter: "YYYY-Qn", with at least one recorded month
 * @offer: (nullable): the expansion to offer, or %NULL for none
 * @agency: the brand
 * @path: the PDF to write, atomically
 * @warnings: (nullable): receives translated messages of problems that did
 *   not stop the export
 * @error: a #GError
 *
 * Writes the quarterly review in the accepted proposal's language. A
 * quarter without a recorded month (%RETAINER_CLIENT_ERROR_NO_MONTH) or an
 * offer the calculation refuses (%RETAINER_CLIENT_ERROR_INVALID) writes
 * nothing.
 *
 * Returns: %TRUE when the PDF was written
 */
gboolean
retainer_pdf_export_review (const RetainerClient           *client,
                            const char                     *quarter,
                            const RetainerExpansionRequest *offer,
                            const RetainerAgency           *agency,
                            const char                     *path,
                            GPtrArray                      *warnings,
                            GError                        **error)
{
  g_autoptr (RetainerLanguage) language = NULL;
  g_autoptr (RetainerQuarterlyReview) check = NULL;
  g_autofree char *title = NULL;
  g_autofree char *header = NULL;
  Review self = { 0 };
  const RetainerLanguage *previous;
  RetainerPdfBrandedDocument document = { 0 };
  int first_month = 0;
  gboolean ok;

  g_return_val_if_fail (client != NULL, FALSE);
  g_return_val_if_fail (agency != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Refusals in the user's language, before anything is drawn. */
  check = retainer_quarterly_review_new (client, quarter, error);
  if (check == NULL)
    return FALSE;
  if (offer != NULL)
    {
      self.offer = retainer_expansion_offer_new (client, offer, error);
      if (self.offer == NULL)
        return FALSE;
    }

  language = retainer_pdf_document_language (client->proposal->language, warnings);
  previous = retainer_language_set_current (language);
  self.client = client;
  self.agency = agency;
  self.tier = retainer_client_tier (client);
  self.review = retainer_quarterly_review_new (client, quarter, NULL);
  self.last = retainer_value_report_new (client, self.review->last_month, NULL);
  self.company = g_strdup (is_set (client->proposal->company) ? client->proposal->company
                                                              : _("your company"));
  self.agency_name = g_strdup (is_set (agency->name) ? agency->name : _("our agency"));
  retainer_quarter_parse (quarter, &first_month);
  /* Translators: a quarter, like "Q1 2026"; %1$d the quarter, %2$d the year. */
  self.quarter = g_strdup_printf (_("Q%1$d %2$d"), first_month % 12 / 3 + 1, first_month / 12);
  title = g_strdup_printf (_("Quarterly review for %s"), self.company);
  /* Translators: the quarterly review's running header; %1$s a quarter
   * like "Q1 2026", %2$s the client's company. */
  header = g_strdup_printf (_("Quarterly review %1$s · %2$s"), self.quarter, self.company);
  retainer_language_set_current (previous);

  document.agency = agency;
  document.language = language;
  document.agency_name = self.agency_name;
  document.title = title;
  document.header_right = header;
  document.draw = draw_review_cb;
  document.user_data = &self;
  ok = retainer_pdf_write_branded (&document, path, warnings, error);
  review_clear (&self);
  return ok;
}
