/* retainer-pdf.c: the proposal document
 *
 * The pages: a cover, then the summary, why a model needs ongoing care, the
 * plan, the investment, the savings chart and quarter table, all plans side
 * by side, next steps and the acceptance block. Only what the client may
 * see: the agency's costs and margins never reach this file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "retainer-money.h"
#include "retainer-pdf-private.h"
#include "retainer-revision.h"

G_DEFINE_QUARK (retainer-pdf-error-quark, retainer_pdf_error)

static void
record_error_cb (HPDF_STATUS error_no,
                 HPDF_STATUS detail_no,
                 void       *user_data)
{
  RetainerPdfWriter *writer = user_data;

  if (writer->status == 0)
    {
      writer->status = error_no;
      writer->detail = detail_no;
    }
}

static RetainerPdfColor
color_from_hex (const char *text,
                const char *fallback)
{
  RetainerPdfColor color;

  if (!retainer_color_parse (text, &color.red, &color.green, &color.blue))
    retainer_color_parse (fallback, &color.red, &color.green, &color.blue);
  return color;
}

static RetainerPdfColor
color_mix_white (const RetainerPdfColor *color,
                 double                  amount)
{
  RetainerPdfColor mixed = {
    color->red * amount + (1 - amount),
    color->green * amount + (1 - amount),
    color->blue * amount + (1 - amount),
  };
  return mixed;
}

static char *
money (const RetainerProposal *proposal,
       gint64                  amount)
{
  /* As the window shows it: whole units from 1,000 up. */
  return retainer_money_format (amount, proposal->currency, RETAINER_MONEY_FORMAT_ROUNDED);
}

/* What the client pays or spends, to the cent: a price the card sets or
 * the founder typed is printed as it is, "$1,993.25", never rounded. */
static char *
price (const RetainerProposal *proposal,
       gint64                  amount)
{
  return retainer_money_format (amount, proposal->currency, RETAINER_MONEY_FORMAT_DEFAULT);
}

static char *
format_per_month (char *formatted)
{
  char *text;

  /* Translators: an amount per month, like "$2,000 per month". */
  text = g_strdup_printf (_("%s per month"), formatted);
  g_free (formatted);
  return text;
}

/* A saving per month, rounded as the window shows it. */
static char *
per_month (const RetainerProposal *proposal,
           gint64                  amount)
{
  return format_per_month (money (proposal, amount));
}

/* A price per month, to the cent. */
static char *
price_per_month (const RetainerProposal *proposal,
                 gint64                  amount)
{
  return format_per_month (price (proposal, amount));
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

typedef struct
{
  const RetainerProposal *proposal;
  const RetainerResult   *result;
  const RetainerAgency   *agency;
  const RetainerTier     *tier;
  char                   *number;
  char                   *number_label;  /* "AC-0042, revision 2" */
  char                   *date;
  char                   *valid_until;
  char                   *company;
  char                   *agency_name;   /* NULL before the founder names the agency */
  RetainerLanguage       *language;  /* the proposal's, or NULL for the user's */
} Document;

static void
document_clear (Document *document)
{
  g_free (document->number);
  g_free (document->number_label);
  g_free (document->date);
  g_free (document->valid_until);
  g_free (document->company);
  g_free (document->agency_name);
  g_clear_pointer (&document->language, retainer_language_free);
}

static char *
join_present (const char *separator,
              const char *const *parts,
              guint n_parts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      if (!is_set (parts[i]))
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, parts[i]);
    }
  return g_string_free (out, FALSE);
}

static void
draw_cover (RetainerPdfWriter *writer,
            Document          *document)
{
  const RetainerAgency *agency = document->agency;
  const RetainerProposal *proposal = document->proposal;
  double width = writer->right - writer->left;
  double y = writer->top;
  double logo_width;
  double title_size = 28;
  double band_top, band_height, inner;
  const RetainerPdfColor *band_text;
  g_autofree char *title = NULL;
  g_autofree char *attention = NULL;
  g_autoptr (GPtrArray) title_lines = NULL;
  double right_column = width * 0.45;

  retainer_pdf_new_page (writer);

  /* Letterhead: the logo left, the agency and its address right. */
  logo_width = retainer_pdf_draw_logo (writer, writer->left, y, width * 0.4, 64);
  if (logo_width == 0 && is_set (agency->name))
    {
      double used = retainer_pdf_draw_box (writer, writer->bold, 18, 22, &writer->primary,
                                           writer->left, y, width * 0.5,
                                           RETAINER_PDF_ALIGN_LEFT, agency->name);
      (void) used;
    }
  {
    double right_x = writer->right - right_column;
    double ry = y;

    if (logo_width > 0 && is_set (agency->name))
      ry -= retainer_pdf_draw_box (writer, writer->bold, 11, 14, &writer->primary, right_x, ry,
                                   right_column, RETAINER_PDF_ALIGN_RIGHT, agency->name);
    if (is_set (agency->address))
      ry -= retainer_pdf_draw_box (writer, writer->regular, 8.5, 11.5, &writer->muted, right_x,
                                   ry, right_column, RETAINER_PDF_ALIGN_RIGHT, agency->address);
    {
      const char *parts[] = { agency->website };

      if (is_set (parts[0]))
        retainer_pdf_draw_box (writer, writer->regular, 8.5, 11.5, &writer->muted, right_x, ry,
                               right_column, RETAINER_PDF_ALIGN_RIGHT, parts[0]);
    }
  }

  /* The title band in the agency's colour, as tall as the company name needs. */
  /* Translators: the cover title; %s is the prospect's company. */
  title = g_strdup_printf (_("Proposal for %s"), document->company);
  title_lines = retainer_pdf_wrap (writer, writer->bold, title_size, title, width - 48);
  while (title_lines->len > 4 && title_size > 16)
    {
      title_size -= 2;
      g_ptr_array_unref (title_lines);
      title_lines = retainer_pdf_wrap (writer, writer->bold, title_size, title, width - 48);
    }

  if (is_set (proposal->contact))
    /* Translators: on the cover, under the title; %s is the prospect's contact person. */
    attention = g_strdup_printf (_("For the attention of %s"), proposal->contact);

  inner = 24 + 14 + title_lines->len * title_size * 1.2 + 12;
  if (attention != NULL)
    inner += retainer_pdf_box_height (writer, writer->regular, 11, 15, width - 48, attention);
  if (is_set (proposal->industry))
    inner += retainer_pdf_box_height (writer, writer->regular, 10, 14, width - 48,
                                      proposal->industry);
  band_height = MAX (200, inner + 24);
  band_top = writer->height * 0.70;
  band_text = writer->primary_is_light ? &writer->ink : &writer->white;

  retainer_pdf_fill_rect (writer, &writer->primary, 0, band_top - band_height, writer->width,
                          band_height);
  retainer_pdf_fill_rect (writer, &writer->accent, 0, band_top - band_height, writer->width, 5);

  y = band_top - 30;
  /* Translators: the small label above the cover title. */
  /* In the accent colour where it reads on the band, else as the title. */
  retainer_pdf_draw_text (writer, writer->bold, 10,
                          retainer_color_is_readable_on (writer->accent.red, writer->accent.green,
                                                         writer->accent.blue, writer->primary.red,
                                                         writer->primary.green,
                                                         writer->primary.blue)
                            ? &writer->accent : band_text,
                          writer->left + 24, y, 0, RETAINER_PDF_ALIGN_LEFT,
                          C_("cover", "PROPOSAL"));
  y -= 14;
  for (guint i = 0; i < title_lines->len; i++)
    {
      y -= title_size * 1.2;
      retainer_pdf_draw_text (writer, writer->bold, title_size, band_text, writer->left + 24,
                              y + title_size * 0.25, width - 48, RETAINER_PDF_ALIGN_LEFT,
                              g_ptr_array_index (title_lines, i));
    }
  y -= 12;
  if (attention != NULL)
    y -= retainer_pdf_draw_box (writer, writer->regular, 11, 15, band_text, writer->left + 24, y,
                                width - 48, RETAINER_PDF_ALIGN_LEFT, attention);
  if (is_set (proposal->industry))
    retainer_pdf_draw_box (writer, writer->regular, 10, 14, band_text, writer->left + 24, y,
                           width - 48, RETAINER_PDF_ALIGN_LEFT, proposal->industry);

  /* The facts under the band, two columns. */
  {
    const char *contact_parts[] = { agency->contact_name, agency->email, agency->phone };
    g_autofree char *prepared_by = join_present ("\n", contact_parts, G_N_ELEMENTS (contact_parts));
    const struct
    {
      const char *label;
      const char *value;
    } facts[] = {
      { _("Date"), document->date },
      { _("Proposal number"), document->number_label },
      { _("Valid until"), document->valid_until },
      { _("Your contact"), prepared_by },
    };
    double column = width / 2;
    double row_top = band_top - band_height - 36;

    for (guint i = 0; i < G_N_ELEMENTS (facts); i += 2)
      {
        double used = 0;

        for (guint j = 0; j < 2 && i + j < G_N_ELEMENTS (facts); j++)
          {
            double x = writer->left + j * column;
            double h;

            if (!is_set (facts[i + j].value))
              continue;
            retainer_pdf_draw_text (writer, writer->bold, 8, &writer->muted, x, row_top - 8,
                                    column - 12, RETAINER_PDF_ALIGN_LEFT, facts[i + j].label);
            h = 14 + retainer_pdf_draw_box (writer, writer->regular, 11, 15, &writer->ink, x,
                                            row_top - 14, column - 12, RETAINER_PDF_ALIGN_LEFT,
                                            facts[i + j].value);
            used = MAX (used, h);
          }
        row_top -= used + 18;
      }
  }
}

static void
draw_key_figures (RetainerPdfWriter *writer,
                  Document          *document)
{
  const RetainerProposal *proposal = document->proposal;
  const RetainerResult *result = document->result;
  g_autofree char *spend = price_per_month (proposal, proposal->monthly_api_spend);
  g_autofree char *saving = per_month (proposal, result->monthly_saving);
  /* The window's words; the fraction is in the summary's sentence. */
  g_autofree char *break_even = retainer_break_even_describe (result->break_even_month,
                                                              result->break_even_months,
                                                              result->horizon_months,
                                                              RETAINER_BREAK_EVEN_PHRASE);
  g_autofree char *net_12 = money (proposal, result->net_saving_12);
  const RetainerPdfFact figures[] = {
    { _("Current API spend"), spend },
    { _("Recommended plan"), retainer_rate_card_text (document->tier->name) },
    { _("Monthly saving"), saving },
    { _("Break-even"), break_even },
    { _("Net saving after 12 months"), net_12 },
  };

  retainer_pdf_draw_key_figures (writer, figures, G_N_ELEMENTS (figures));
}

static void
draw_summary (RetainerPdfWriter *writer,
              Document          *document)
{
  const RetainerProposal *proposal = document->proposal;
  const RetainerResult *result = document->result;
  g_autofree char *spend = price (proposal, proposal->monthly_api_spend);
  g_autofree char *coverage = retainer_format_percent_exact (proposal->coverage_pct);
  g_autofree char *retainer = price (proposal, result->monthly_retainer);
  g_autofree char *saving = money (proposal, result->monthly_saving);
  g_autofree char *share = retainer_format_share (result->saving_share, 0);
  g_autofree char *break_even = retainer_break_even_describe (result->break_even_month,
                                                              result->break_even_months,
                                                              result->horizon_months,
                                                              RETAINER_BREAK_EVEN_SENTENCE);
  g_autofree char *net_12 = money (proposal, result->net_saving_12);
  g_autofree char *opening = NULL;
  g_autofree char *outcome = NULL;

  retainer_pdf_heading (writer, _("Summary"), 80);

  /* Translators: %1$s the prospect's monthly API spend, %2$s the share of it
   * the tuned model takes over ("100%"), %3$s the plan's name, %4$s the
   * monthly retainer. */
  opening = g_strdup_printf (_("Today you spend %1$s a month on AI API calls. We propose to take "
                               "over %2$s of that work with a model tuned to your business, "
                               "which we host, monitor and retrain for you on the %3$s plan "
                               "for %4$s a month. Your data stays with you, and the model "
                               "improves every month."),
                             spend, coverage, retainer_rate_card_text (document->tier->name), retainer);
  retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE, opening);
  if (proposal->spend_estimate != NULL)
    {
      g_autofree char *basis = retainer_spend_basis_describe (proposal->spend_estimate);

      double width = writer->right - writer->left;
      double height = retainer_pdf_box_height (writer, writer->regular, 8.5, 12, width, basis);

      /* Under the spend it explains, smaller: the client sees where the
       * figure came from. */
      retainer_pdf_need (writer, height);
      writer->y -= retainer_pdf_draw_box (writer, writer->regular, 8.5, 12, &writer->muted,
                                          writer->left, writer->y, width,
                                          RETAINER_PDF_ALIGN_LEFT, basis);
      writer->y -= 8;
    }

  if (result->flags & RETAINER_FLAG_NO_SAVING)
    outcome = g_strdup (_("The plan costs as much as the API calls it replaces or more: its "
                          "value lies in privacy, control over your data and a model that "
                          "knows your business, not in lower bills."));
  else
    {
      g_autofree char *keep = NULL;
      g_autofree char *after_12 = NULL;

      /* Translators: %1$s the monthly saving, %2$s its share of the covered
       * spend ("58%"). */
      keep = g_strdup_printf (_("You keep %1$s a month (%2$s of the covered spend)."), saving,
                              share);
      /* Translators: %s the net saving after 12 months, setup fee included. */
      after_12 = g_strdup_printf (_("After 12 months your net saving is %s."), net_12);
      /* Whole sentences, each translated on its own: the break-even one
       * is the same the window and the command line use. */
      if (result->break_even_month > 0)
        outcome = g_strjoin (" ", keep, break_even, after_12, NULL);
      else
        outcome = g_strjoin (" ", keep, break_even, NULL);
    }
  retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE, outcome);
  if (proposal->show_cautious_range)
    {
      g_autofree char *range = retainer_result_describe_cautious (result, proposal);

      if (range != NULL)
        retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE, range);
    }

  draw_key_figures (writer, document);
}

static void
draw_why_care (RetainerPdfWriter *writer,
               Document          *document)
{
  static const struct
  {
    const char *title;
    const char *text;
  } reasons[] = {
    { N_("Drift"),
      N_("Your policies, prices and products change. Answers that were right at launch "
         "slowly turn wrong, and no error message says so. We retrain on fresh examples so "
         "that the model follows your business as it is today, not as it was.") },
    { N_("Distribution shift"),
      N_("New customers, channels and products bring inputs the model has never seen: "
         "other phrasing, other languages, other document layouts. We watch for them and "
         "fold them into the next version before accuracy slips.") },
    { N_("Error accumulation"),
      N_("Every mistake the model makes is logged and reviewed. Those failures are the most "
         "valuable training data there is, so each version learns from the last one instead "
         "of repeating it.") },
    { N_("Monitoring"),
      N_("Someone has to watch uptime, latency, error rates and answer quality, and act when "
         "they move. We do, with alerts and a regular report, so that you hear about a "
         "problem from us first.") },
  };

  retainer_pdf_heading (writer, _("Why a model needs ongoing care"), 60);
  retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE,
                          _("A model tuned to your business is not a one-off delivery. From "
                            "the day it goes live, the world it learned from moves on. Four "
                            "forces wear a model down; the retainer is how we stay ahead of "
                            "them."));

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      retainer_pdf_subheading (writer, _(reasons[i].title), 2 * RETAINER_PDF_BODY_LEADING);
      retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE, _(reasons[i].text));
    }
}

static const char *
yes_no (gboolean value)
{
  return value ? _("Yes") : _("No");
}

static void
draw_plan (RetainerPdfWriter *writer,
           Document          *document)
{
  const RetainerProposal *proposal = document->proposal;
  const RetainerResult *result = document->result;
  const RetainerTier *tier = document->tier;
  const RetainerRateCard *card = proposal->rate_card;
  g_autofree char *heading = NULL;
  g_autofree char *use_cases = NULL;
  g_autofree char *tier_price = price_per_month (proposal, result->tier_price);
  static const double fractions[] = { 0.4, 0.6 };
  static const RetainerPdfAlign aligns[] = { RETAINER_PDF_ALIGN_LEFT, RETAINER_PDF_ALIGN_LEFT };
  RetainerPdfTable table;

  /* Translators: a heading; %s is the plan's name, like "Growth". */
  heading = g_strdup_printf (_("Your plan: %s"), retainer_rate_card_text (tier->name));
  retainer_pdf_heading (writer, heading, 60);
  if (is_set (tier->summary))
    retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE,
                            retainer_rate_card_text (tier->summary));

  if (result->extra_use_cases > 0)
    {
      g_autofree char *each = price_per_month (proposal, card->expansion_price);

      /* Translators: %1$u use cases included in the plan, %2$u extra ones, %3$s
       * the price of each extra one per month. */
      use_cases = g_strdup_printf (ngettext ("%1$u included, plus %2$u more at %3$s",
                                             "%1$u included, plus %2$u more at %3$s each",
                                             result->extra_use_cases),
                                   tier->included_use_cases, result->extra_use_cases, each);
    }
  else
    use_cases = g_strdup_printf (ngettext ("%u included", "%u included",
                                           tier->included_use_cases),
                                 tier->included_use_cases);

  retainer_pdf_table_init (&table, writer, 2, fractions, aligns, NULL);
  {
    const char *rows[][2] = {
      { _("Retraining"), retainer_retraining_label (tier->retraining) },
      { _("Support"), retainer_support_label (tier->support) },
      { _("Dedicated model instance"), yes_no (tier->dedicated_instance) },
      { _("Use cases"), use_cases },
      { _("List price"), tier_price },
    };

    retainer_pdf_need (writer, 40);
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      retainer_pdf_table_add_row (&table, rows[i], FALSE);
  }
  retainer_pdf_table_clear (&table);
  writer->y -= 10;

  if (tier->includes != NULL && tier->includes[0] != NULL)
    {
      retainer_pdf_subheading (writer, _("What the plan includes"), 2 * RETAINER_PDF_BODY_LEADING);
      for (guint i = 0; tier->includes[i] != NULL; i++)
        retainer_pdf_list_item (writer, "•", retainer_rate_card_text (tier->includes[i]));
    }
}

/* The first year with and without each option the client may tick in the
 * acceptance block: the setup fee and twelve months of the retainer. */
static void
draw_option_totals (RetainerPdfWriter *writer,
                    Document          *document)
{
  const RetainerProposal *proposal = document->proposal;
  const RetainerResult *result = document->result;
  const RetainerOptionTotals *options = &result->options;
  static const double fractions[] = { 0.52, 0.24, 0.24 };
  static const RetainerPdfAlign aligns[] = {
    RETAINER_PDF_ALIGN_LEFT, RETAINER_PDF_ALIGN_RIGHT, RETAINER_PDF_ALIGN_RIGHT,
  };
  const char *header[] = { _("First year"), _("Monthly retainer"), _("First-year total") };
  g_autofree char *discount = retainer_format_percent_exact (proposal->rate_card->annual_discount_pct);
  RetainerPdfTable table;
  struct
  {
    char  *label;
    gint64 retainer;
    gint64 total;
  } rows[4] = { { NULL } };
  guint n_rows = 0;

  rows[n_rows].label = g_strdup (_("As proposed, without options"));
  rows[n_rows].retainer = result->monthly_retainer;
  rows[n_rows++].total = options->first_year_total;
  if (options->extra_use_cases > 0)
    {
      /* Translators: a row of the first-year totals; %u more use cases. */
      rows[n_rows].label = g_strdup_printf (ngettext ("With %u more use case",
                                                      "With %u more use cases",
                                                      options->extra_use_cases),
                                            options->extra_use_cases);
      rows[n_rows].retainer = options->extra_use_cases_retainer;
      rows[n_rows++].total = options->extra_use_cases_first_year;
    }
  if (options->annual_prepay)
    {
      /* Translators: a row of the first-year totals; %s is the annual
       * discount, like "10%". */
      rows[n_rows].label = g_strdup_printf (_("With annual prepay (%s off)"), discount);
      rows[n_rows].retainer = options->annual_prepay_retainer;
      rows[n_rows++].total = options->annual_prepay_first_year;
    }
  if (options->extra_use_cases > 0 && options->annual_prepay)
    {
      rows[n_rows].label = g_strdup (_("With both options"));
      rows[n_rows].retainer = options->all_options_retainer;
      rows[n_rows++].total = options->all_options_first_year;
    }

  retainer_pdf_table_init (&table, writer, 3, fractions, aligns, header);
  retainer_pdf_subheading (writer, _("Options you may add"),
                           retainer_pdf_table_header_height (&table) + 60);
  retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE,
                          _("The first year with and without each option: the setup fee and "
                            "twelve months of the retainer. Tick the options you want in the "
                            "acceptance below."));
  retainer_pdf_table_draw_header (&table);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *retainer = price_per_month (proposal, rows[i].retainer);
      g_autofree char *total = price (proposal, rows[i].total);
      const char *row[] = { rows[i].label, retainer, total };

      retainer_pdf_table_add_row (&table, row, i == 0);
      g_free (rows[i].label);
    }
  retainer_pdf_table_clear (&table);
  writer->y -= 8;
}

static void
draw_investment (RetainerPdfWriter *writer,
                 Document          *document)
{
  const RetainerProposal *proposal = document->proposal;
  const RetainerResult *result = document->result;
  const RetainerRateCard *card = proposal->rate_card;
  static const double fractions[] = { 0.3, 0.22, 0.48 };
  static const RetainerPdfAlign aligns[] = {
    RETAINER_PDF_ALIGN_LEFT, RETAINER_PDF_ALIGN_RIGHT, RETAINER_PDF_ALIGN_LEFT,
  };
  const char *header[] = { _("Item"), _("Amount"), _("Details") };
  g_autofree char *setup = price (proposal, result->setup_fee);
  g_autofree char *retainer = price_per_month (proposal, result->monthly_retainer);
  g_autofree char *annual = price_per_month (proposal, result->annual_option_retainer);
  g_autofree char *discount = retainer_format_percent_exact (card->annual_discount_pct);
  g_autofree char *retainer_note = NULL;
  g_autofree char *annual_note = NULL;
  g_autofree char *complexity = NULL;
  g_autofree char *yearly_saving_text = money (proposal, result->annual_option_saving);
  g_autofree char *prepay = price (proposal, result->annual_option_prepay);
  RetainerPdfTable table;

  retainer_pdf_heading (writer, _("Your investment"), 80);

  /* Translators: %s is the use case's complexity, like "Moderate". */
  complexity = g_strdup_printf (_("Paid once: data preparation, fine-tuning, evaluation and "
                                  "deployment (complexity: %s)"),
                                retainer_complexity_label (result->complexity));
  if (proposal->billing == RETAINER_BILLING_ANNUAL)
    /* Translators: %1$s the amount paid up front for a year, %2$s the discount ("10%"). */
    retainer_note = g_strdup_printf (_("Billed annually: %1$s up front, %2$s annual discount "
                                       "included. Hosting, monitoring and retraining included."),
                                     prepay, discount);
  else
    retainer_note = g_strdup (_("Billed monthly. Hosting, monitoring and retraining included; "
                                "cancel with 30 days’ notice."));

  if (result->annual_option_saving > 0)
    /* Translators: %1$s the annual discount ("10%"), %2$s the amount paid up
     * front, %3$s what the client saves in a year compared with monthly billing. */
    annual_note = g_strdup_printf (_("Pay 12 months up front (%2$s) and get %1$s off: you save "
                                     "%3$s a year compared with monthly billing."),
                                   discount, prepay, yearly_saving_text);

  retainer_pdf_table_init (&table, writer, 3, fractions, aligns, header);
  retainer_pdf_need (writer, retainer_pdf_table_header_height (&table) + 40);
  retainer_pdf_table_draw_header (&table);
  {
    const char *row[] = { _("One-time setup fee"), setup, complexity };
    retainer_pdf_table_add_row (&table, row, FALSE);
  }
  {
    const char *row[] = { _("Monthly retainer"), retainer, retainer_note };
    retainer_pdf_table_add_row (&table, row, TRUE);
  }
  if (annual_note != NULL && proposal->billing != RETAINER_BILLING_ANNUAL)
    {
      const char *row[] = { _("Annual option"), annual, annual_note };
      retainer_pdf_table_add_row (&table, row, FALSE);
    }
  retainer_pdf_table_clear (&table);
  writer->y -= 8;

  if (result->options.extra_use_cases > 0 || result->options.annual_prepay)
    draw_option_totals (writer, document);
}

static void
draw_savings (RetainerPdfWriter *writer,
              Document          *document)
{
  const RetainerProposal *proposal = document->proposal;
  const RetainerResult *result = document->result;
  g_autofree char *heading = NULL;
  static const double fractions[] = { 0.28, 0.24, 0.24, 0.24 };
  static const RetainerPdfAlign aligns[] = {
    RETAINER_PDF_ALIGN_LEFT, RETAINER_PDF_ALIGN_RIGHT, RETAINER_PDF_ALIGN_RIGHT,
    RETAINER_PDF_ALIGN_RIGHT,
  };
  const char *header[] = {
    _("Period"), _("Without us (total)"), _("With us (total)"), _("Your net saving"),
  };
  double chart_height = 210;
  guint horizon = result->months != NULL ? result->months->len - 1 : 0;
  RetainerPdfTable table;

  if (horizon == 0)
    return;

  /* Translators: a heading; %u is the number of months shown. */
  heading = g_strdup_printf (ngettext ("Your savings over %u month", "Your savings over %u months",
                                       horizon), horizon);
  retainer_pdf_heading (writer, heading, chart_height + 40);
  retainer_pdf_paragraph (writer, writer->regular, RETAINER_PDF_BODY_SIZE,
                          _("What your AI work costs in total, month by month: without us, "
                            "the API bills; with us, the setup fee, the retainer and any API "
                            "calls the model does not take over. Where the lines cross, the "
                            "setup fee has paid for itself."));
  retainer_pdf_need (writer, chart_height);
  retainer_pdf_draw_savings_chart (writer, proposal, result, chart_height);

  retainer_pdf_table_init (&table, writer, 4, fractions, aligns, header);
  retainer_pdf_subheading (writer, _("By quarter"),
                           retainer_pdf_table_header_height (&table) + 30);
  retainer_pdf_table_draw_header (&table);
  for (guint start = 1; start <= horizon; start += 3)
    {
      guint end = MIN (start + 2, horizon);
      const RetainerMonth *month = &g_array_index (result->months, RetainerMonth, end);
      g_autofree char *period = NULL;
      g_autofree char *without = money (proposal, month->without);
      g_autofree char *with = money (proposal, month->with);
      g_autofree char *net = money (proposal, month->net);
      const char *row[4];

      /* Translators: a quarter in the table, like "Q1 · months 1–3". */
      period = g_strdup_printf (_("Q%1$u · months %2$u–%3$u"), (start + 2) / 3, start, end);
      row[0] = period;
      row[1] = without;
      row[2] = with;
      row[3] = net;
      retainer_pdf_table_add_row (&table, row, FALSE);
    }
  retainer_pdf_table_clear (&table);
}

/* The same words as the key figures and the window's card, standing in a cell. */
static char *
option_break_even (const RetainerResult     *result,
                   const RetainerTierOption *option)
{
  return retainer_break_even_describe (option->break_even_month, option->break_even_months,
                                       result->horizon_months, RETAINER_BREAK_EVEN_PHRASE);
}

static void
draw_all_plans (RetainerPdfWriter *writer,
                Document          *document)
{
  const RetainerProposal *proposal = document->proposal;
  const RetainerResult *result = document->result;
  const RetainerRateCard *card = proposal->rate_card;
  guint n_tiers = result->tier_options != NULL ? result->tier_options->len : 0;
  guint per_table = 4;
  g_autofree char *net_label = NULL;

  if (n_tiers == 0)
    return;

  /* Translators: a row in the plans table; %u is the horizon in months. */
  net_label = g_strdup_printf (ngettext ("Net saving over %u month", "Net saving over %u months",
                                         result->horizon_months),
                               result->horizon_months);

  for (guint first = 0; first < n_tiers; first += per_table)
    {
      guint count = MIN (per_table, n_tiers - first);
      double fractions[8];
      RetainerPdfAlign aligns[8];
      const char *header[8];
      char *headers[8] = { NULL };
      RetainerPdfTable table;
      enum { ROW_PRICE, ROW_RETRAINING, ROW_SUPPORT, ROW_DEDICATED, ROW_USE_CASES, ROW_SAVING,
             ROW_BREAK_EVEN, ROW_NET, N_ROWS };
      const char *labels[N_ROWS] = {
        _("Monthly retainer"), _("Retraining"), _("Support"), _("Dedicated model instance"),
        _("Use cases included"), _("Your monthly saving"), _("Break-even"), net_label,
      };
      char *cells[N_ROWS][8] = { { NULL } };

      fractions[0] = 0.28;
      aligns[0] = RETAINER_PDF_ALIGN_LEFT;
      header[0] = "";
      for (guint c = 0; c < count; c++)
        {
          guint index = first + c;
          const RetainerTierOption *option = &g_array_index (result->tier_options,
                                                             RetainerTierOption, index);
          const RetainerTier *tier = &card->tiers[option->tier];

          fractions[c + 1] = 0.72 / count;
          aligns[c + 1] = RETAINER_PDF_ALIGN_LEFT;
          if ((int) option->tier == result->chosen_tier)
            /* Translators: the header of the proposed plan's column; %s is its name. */
            headers[c] = g_strdup_printf (_("%s\n✓ Proposed"), retainer_rate_card_text (tier->name));
          else
            headers[c] = g_strdup (retainer_rate_card_text (tier->name));
          header[c + 1] = headers[c];

          cells[ROW_PRICE][c + 1] = price_per_month (proposal, option->monthly_retainer);
          cells[ROW_RETRAINING][c + 1] = g_strdup (retainer_retraining_label (tier->retraining));
          cells[ROW_SUPPORT][c + 1] = g_strdup (retainer_support_label (tier->support));
          cells[ROW_DEDICATED][c + 1] = g_strdup (yes_no (tier->dedicated_instance));
          cells[ROW_USE_CASES][c + 1] = g_strdup_printf ("%u", tier->included_use_cases);
          cells[ROW_SAVING][c + 1] = retainer_tier_option_describe_saving (option,
                                                                           proposal->currency);
          cells[ROW_BREAK_EVEN][c + 1] = option_break_even (result, option);
          cells[ROW_NET][c + 1] = money (proposal, option->net_saving_horizon);
        }

      retainer_pdf_table_init (&table, writer, count + 1, fractions, aligns, header);
      table.size = 8.5;
      for (guint c = 0; c < count; c++)
        {
          const RetainerTierOption *option = &g_array_index (result->tier_options,
                                                             RetainerTierOption, first + c);

          if ((int) option->tier == result->chosen_tier)
            table.marked_column = (int) c + 1;
        }

      /* The comparison is read across: the whole table on one page, with
       * its heading. */
      {
        double height = retainer_pdf_table_header_height (&table);

        for (guint r = 0; r < N_ROWS; r++)
          {
            const char *row[8];

            row[0] = labels[r];
            for (guint c = 0; c < count; c++)
              row[c + 1] = cells[r][c + 1];
            height += retainer_pdf_table_row_height (&table, row, FALSE);
          }
        if (first == 0)
          retainer_pdf_heading (writer, _("All plans side by side"), height);
        retainer_pdf_need (writer, height);
      }
      retainer_pdf_table_draw_header (&table);
      for (guint r = 0; r < N_ROWS; r++)
        {
          const char *row[8];

          row[0] = labels[r];
          for (guint c = 0; c < count; c++)
            row[c + 1] = cells[r][c + 1];
          retainer_pdf_table_add_row (&table, row, FALSE);
          for (guint c = 0; c < count; c++)
            g_free (cells[r][c + 1]);
        }
      for (guint c = 0; c < count; c++)
        g_free (headers[c]);
      retainer_pdf_table_clear (&table);
      writer->y -= 12;
    }
}

static void
draw_next_steps (RetainerPdfWriter *writer,
                 Document          *document)
{
  g_autofree char *sign = NULL;
  g_autofree char *cadence = NULL;

  retainer_pdf_heading (writer, _("Next steps"), 60);

  /* Translators: %s is the date until which the proposal is valid. */
  sign = g_strdup_printf (_("Sign the acceptance below and send it back by %s."),
                          document->valid_until);
  /* Translators: %s is the plan's retraining, like "Quarterly retraining";
   * it starts the sentence. */
  cadence = g_strdup_printf (_("%s, monitoring from day one and a report every month: from "
                               "then on, the retainer keeps your model in shape."),
                             retainer_retraining_label (document->tier->retraining));

  retainer_pdf_list_item (writer, "1.", sign);
  retainer_pdf_list_item (writer, "2.",
                          _("Kick-off within a week: we agree on the tasks, collect sample data "
                            "and set the quality bar together."));
  retainer_pdf_list_item (writer, "3.",
                          _("Your first model in production within 3 weeks, measured against "
                            "that bar before it serves a single request."));
  retainer_pdf_list_item (writer, "4.", cadence);
}

/* The options the client may tick, one sentence each. */
static GPtrArray *
option_boxes (Document *document)
{
  const RetainerProposal *proposal = document->proposal;
  const RetainerOptionTotals *options = &document->result->options;
  GPtrArray *boxes = g_ptr_array_new_with_free_func (g_free);

  if (options->extra_use_cases > 0)
    {
      g_autofree char *more = price_per_month (proposal, options->extra_use_cases_monthly);

      g_ptr_array_add (boxes, g_strdup_printf (
        /* Translators: a tick box in the acceptance block; %1$u more use
         * cases, %2$s what they add, like "$3,000 per month". */
        ngettext ("Add %1$u more use case: %2$s on top of the retainer.",
                  "Add %1$u more use cases: %2$s on top of the retainer.",
                  options->extra_use_cases),
        options->extra_use_cases, more));
    }
  if (options->annual_prepay)
    {
      g_autofree char *discount = retainer_format_percent_exact (
        proposal->rate_card->annual_discount_pct);
      g_autofree char *retainer = price_per_month (proposal, options->annual_prepay_retainer);

      g_ptr_array_add (boxes, g_strdup_printf (
        /* Translators: a tick box in the acceptance block; %1$s the annual
         * discount like "10%", %2$s the retainer billed annually, like
         * "$1,800 per month". */
        _("Pay 12 months up front and get %1$s off: %2$s, billed annually."),
        discount, retainer));
    }
  return boxes;
}

#define OPTION_BOX_SIZE 9.0
#define OPTION_INDENT 18.0

static double
options_block_height (RetainerPdfWriter *writer,
                      GPtrArray         *boxes,
                      double             width)
{
  double height;

  if (boxes->len == 0)
    return 0;
  height = 10 + retainer_pdf_box_height (writer, writer->bold, 9.5, 13, width,
                                         _("Options (tick those you add):"));
  for (guint i = 0; i < boxes->len; i++)
    height += 4 + retainer_pdf_box_height (writer, writer->regular, RETAINER_PDF_BODY_SIZE,
                                           RETAINER_PDF_BODY_LEADING, width - OPTION_INDENT,
                                           g_ptr_array_index (boxes, i));
  return height;
}

static void
draw_option_boxes (RetainerPdfWriter *writer,
                   GPtrArray         *boxes,
                   double             width)
{
  if (boxes->len == 0)
    return;

  writer->y -= 10;
  writer->y -= retainer_pdf_draw_box (writer, writer->bold, 9.5, 13, &writer->primary,
                                      writer->left, writer->y, width, RETAINER_PDF_ALIGN_LEFT,
                                      _("Options (tick those you add):"));
  for (guint i = 0; i < boxes->len; i++)
    {
      double x = writer->left;
      double top = writer->y - 4 - 2.5;
      double bottom = top - OPTION_BOX_SIZE;

      writer->y -= 4;
      /* An empty square the client ticks by hand. */
      retainer_pdf_line (writer, &writer->ink, 0.8, FALSE, x, top, x + OPTION_BOX_SIZE, top);
      retainer_pdf_line (writer, &writer->ink, 0.8, FALSE, x + OPTION_BOX_SIZE, top,
                         x + OPTION_BOX_SIZE, bottom);
      retainer_pdf_line (writer, &writer->ink, 0.8, FALSE, x + OPTION_BOX_SIZE, bottom, x,
                         bottom);
      retainer_pdf_line (writer, &writer->ink, 0.8, FALSE, x, bottom, x, top);
      writer->y -= retainer_pdf_draw_box (writer, writer->regular, RETAINER_PDF_BODY_SIZE,
                                          RETAINER_PDF_BODY_LEADING, &writer->ink,
                                          x + OPTION_INDENT, writer->y, width - OPTION_INDENT,
                                          RETAINER_PDF_ALIGN_LEFT,
                                          g_ptr_array_index (boxes, i));
    }
}

static void
draw_acceptance (RetainerPdfWriter *writer,
                 Document          *document)
{
  const RetainerProposal *proposal = document->proposal;
  const RetainerResult *result = document->result;
  const RetainerAgency *agency = document->agency;
  double width = writer->right - writer->left;
  double column = (width - 30) / 2;
  g_autofree char *setup = price (proposal, result->setup_fee);
  g_autofree char *retainer = price (proposal, result->monthly_retainer);
  g_autofree char *text = NULL;
  g_autofree char *for_client = NULL;
  g_autofree char *for_agency = NULL;
  g_autoptr (GPtrArray) options = option_boxes (document);
  double text_height, party_height, block_height, options_height;

  /* Translators: %1$s the prospect's company, %2$s the proposal number,
   * %3$s the plan's name, %4$s the setup fee, %5$s the monthly retainer. */
  text = g_strdup_printf (_("By signing below, %1$s accepts proposal %2$s: the %3$s plan with a "
                            "one-time setup fee of %4$s and a monthly retainer of %5$s, on the "
                            "terms described in this document."),
                          document->company, document->number_label,
                          retainer_rate_card_text (document->tier->name), setup,
                          retainer);
  /* Translators: above a signature; %s is a company. */
  for_client = g_strdup_printf (_("For %s"), document->company);
  if (document->agency_name != NULL)
    for_agency = g_strdup_printf (_("For %s"), document->agency_name);
  else
    /* Translators: above the agency's signature when the founder has not
     * named the agency yet. */
    for_agency = g_strdup (_("For the provider"));

  text_height = retainer_pdf_box_height (writer, writer->regular, RETAINER_PDF_BODY_SIZE,
                                         RETAINER_PDF_BODY_LEADING, width, text);
  party_height = MAX (retainer_pdf_box_height (writer, writer->bold, 10, 14, column, for_client),
                      retainer_pdf_box_height (writer, writer->bold, 10, 14, column, for_agency));
  options_height = options_block_height (writer, options, width);
  block_height = text_height + options_height + 18 + party_height + 34 + 3 * 26 + 14;

  /* The heading, the text and both signature columns stay together. */
  retainer_pdf_heading (writer, _("Acceptance"), block_height);
  writer->y -= retainer_pdf_draw_box (writer, writer->regular, RETAINER_PDF_BODY_SIZE,
                                      RETAINER_PDF_BODY_LEADING, &writer->ink, writer->left,
                                      writer->y, width, RETAINER_PDF_ALIGN_LEFT, text);
  draw_option_boxes (writer, options, width);
  writer->y -= 18;
  retainer_pdf_draw_signature_column (writer, writer->left, writer->y, column, for_client,
                                      proposal->contact, NULL);
  retainer_pdf_draw_signature_column (writer, writer->left + column + 30, writer->y, column,
                                      for_agency, agency->signatory_name,
                                      agency->signatory_title);
  writer->y -= block_height - text_height - options_height - 18;
}

static void
writer_clear (RetainerPdfWriter *writer)
{
  writer->regular = writer->bold = NULL;
  g_clear_pointer (&writer->regular_font.face, retainer_pdf_face_free);
  g_clear_pointer (&writer->bold_font.face, retainer_pdf_face_free);
  g_clear_pointer (&writer->pages, g_ptr_array_unref);
  g_clear_pointer (&writer->header_left, g_free);
  g_clear_pointer (&writer->header_right, g_free);
  g_clear_pointer (&writer->footer_contact, g_free);
  g_clear_pointer (&writer->footer_line, g_free);
}

/* The pages, in order, for retainer_pdf_write_branded(): run twice, once
 * measuring, once drawing. */
static void
draw_document_cb (RetainerPdfWriter *writer,
                  gpointer           user_data)
{
  Document *document = user_data;

  draw_cover (writer, document);
  retainer_pdf_new_page (writer);
  draw_summary (writer, document);
  draw_why_care (writer, document);
  draw_plan (writer, document);
  draw_investment (writer, document);
  draw_savings (writer, document);
  draw_all_plans (writer, document);
  draw_next_steps (writer, document);
  draw_acceptance (writer, document);
}

/* Tests make a libharu step fail for real through RETAINER_PDF_FAULT, to
 * check that each failure comes back as a named error: "get-font" asks
 * libharu for the embedded font in an encoding it does not have,
 * "encoder" selects that encoding for the document. */
static gboolean
fault_is (const char *step)
{
  return g_strcmp0 (g_getenv ("RETAINER_PDF_FAULT"), step) == 0;
}

#define NO_SUCH_ENCODING "Retainer-No-Such-Encoding"

/* Hands libharu the face trimmed to the characters the first pass drew. */
static HPDF_Font
embed_font (RetainerPdfWriter *writer,
            RetainerPdfFont   *font,
            GError           **error)
{
  g_autofree char *subset_path = retainer_pdf_face_write_subset (font->face, error);
  const char *name;
  HPDF_Font embedded;

  if (subset_path == NULL)
    return NULL;
  name = HPDF_LoadTTFontFromFile (writer->doc, subset_path, HPDF_TRUE);
  /* libharu keeps the file open and reads it again when saving: the name
   * can go now, so nothing is left behind whatever happens next. */
  g_unlink (subset_path);
  if (name == NULL)
    {
      g_set_error (error, RETAINER_PDF_ERROR, RETAINER_PDF_ERROR_FONT,
                   _("The font could not be embedded (libharu error 0x%04X)"),
                   (guint) writer->status);
      return NULL;
    }

  embedded = HPDF_GetFont (writer->doc, name,
                           fault_is ("get-font") ? NO_SUCH_ENCODING : "UTF-8");
  if (embedded == NULL)
    {
      g_set_error (error, RETAINER_PDF_ERROR, RETAINER_PDF_ERROR_FONT,
                   /* Translators: %1$s is a font's name inside the PDF, like
                    * “DejaVuSans”; %2$04X libharu's error code. */
                   _("The embedded font %1$s could not be used for UTF-8 text (libharu error "
                     "0x%2$04X)"),
                   name, (guint) writer->status);
      return NULL;
    }
  return embedded;
}

/* Each failure has its own whole message; the codes are libharu's, for a
 * bug report. */
static gboolean set_render_error (GError    **error,
                                  const char *format,
                                  ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_render_error (GError    **error,
                  const char *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (RETAINER_PDF_ERROR, RETAINER_PDF_ERROR_RENDER,
                                                format, args));
  va_end (args);
  return FALSE;
}

/**
 * retainer_pdf_export:
 * @proposal: the proposal
 * @result: its result, from retainer_recommend()
 * @agency: the brand
 * @path: the PDF to write, atomically
 * @warnings: (nullable): receives translated messages (char *) of problems
 *   that did not stop the export, such as a logo that could not be read
 * @error: a #GError
 *
 * Writes the proposal document in the proposal's language, with that
 * language's numbers and dates, when it has one; in the user's otherwise.
 * Nothing of the process changes for it (no environment variable, no
 * locale): see retainer-language.h. @warnings and @error are in the user's
 * language. A failure leaves no partial file behind.
 *
 * Returns: %TRUE when the PDF was written; %FALSE with @error set otherwise
 */
gboolean
retainer_pdf_export (const RetainerProposal *proposal,
                     const RetainerResult   *result,
                     const RetainerAgency   *agency,
                     const char             *path,
                     GPtrArray              *warnings,
                     GError                **error)
{
  Document document = { 0 };
  RetainerPdfBrandedDocument branded = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *header_right = NULL;
  const RetainerLanguage *previous;
  gboolean ok;

  g_return_val_if_fail (proposal != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (agency != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (result->chosen_tier >= 0
                        && (guint) result->chosen_tier < proposal->rate_card->n_tiers, FALSE);

  document.language = retainer_pdf_document_language (proposal->language, warnings);

  /* Everything the document says, dates included, in its language. */
  previous = retainer_language_set_current (document.language);
  document.proposal = proposal;
  document.result = result;
  document.agency = agency;
  document.tier = &proposal->rate_card->tiers[result->chosen_tier];
  document.number = retainer_agency_proposal_number (agency, proposal);
  document.number_label = retainer_revision_format_label (
    document.number, retainer_proposal_current_revision (proposal, result));
  retainer_agency_format_dates (agency, proposal->date, &document.date, &document.valid_until);
  document.company = g_strdup (is_set (proposal->company) ? proposal->company
                                                          : _("your company"));
  /* Before the founder names the agency the document is neutral: no
   * agency line, no author, no stand-in name. */
  document.agency_name = is_set (agency->name) ? g_strdup (agency->name) : NULL;
  title = g_strdup_printf (_("Proposal for %s"), document.company);
  /* Translators: the running header; %1$s the proposal number, with its
   * revision when it has one ("AC-0042, revision 2"), %2$s the company. */
  header_right = g_strdup_printf (_("Proposal %1$s · %2$s"), document.number_label,
                                  document.company);
  retainer_language_set_current (previous);

  branded.agency = agency;
  branded.language = document.language;
  branded.agency_name = document.agency_name;
  branded.title = title;
  branded.header_right = header_right;
  branded.draw = draw_document_cb;
  branded.user_data = &document;
  ok = retainer_pdf_write_branded (&branded, path, warnings, error);
  document_clear (&document);
  return ok;
}

/* --- every branded document -------------------------------------------- */

/* The proposal above and the client's documents after the yes
 * (retainer-pdf-client.c) go through the same steps: the brand, the fonts
 * trimmed after a measuring pass, the logo that may fail alone, every
 * libharu status checked, and an atomic write. What they draw is theirs. */

static void
set_up_brand (RetainerPdfWriter             *writer,
              const RetainerPdfBrandedDocument *document)
{
  const RetainerAgency *agency = document->agency;
  const char *contact_parts[] = {
    document->agency_name, agency->email, agency->phone, agency->website,
  };
  double margin = 56;

  retainer_paper_get_size (agency->paper, &writer->width, &writer->height);
  writer->left = margin;
  writer->right = writer->width - margin;
  writer->top = writer->height - 48;
  writer->bottom = 72;

  writer->primary = color_from_hex (agency->primary_color, "#1F4E79");
  writer->accent = color_from_hex (agency->accent_color, "#2E8B57");
  writer->primary_is_light = retainer_color_wants_dark_text (writer->primary.red,
                                                             writer->primary.green,
                                                             writer->primary.blue);
  /* A light brand colour would vanish as text on white: darken it there. */
  writer->primary_tint = color_mix_white (&writer->primary, 0.08);
  writer->ink = (RetainerPdfColor) { RETAINER_INK_RED, RETAINER_INK_GREEN, RETAINER_INK_BLUE };
  writer->muted = (RetainerPdfColor) { 0.42, 0.44, 0.48 };
  writer->rule = (RetainerPdfColor) { 0.82, 0.83, 0.85 };
  writer->white = (RetainerPdfColor) { 1, 1, 1 };

  /* No agency line at all until the founder names the agency. */
  writer->header_left = g_strdup (document->agency_name != NULL ? document->agency_name : "");
  writer->header_right = g_strdup (document->header_right);
  writer->footer_contact = join_present ("  ·  ", contact_parts, G_N_ELEMENTS (contact_parts));
  writer->footer_line = g_strdup (agency->footer);
}

static void
draw_branded (RetainerPdfWriter                *writer,
              const RetainerPdfBrandedDocument *document)
{
  const RetainerLanguage *previous = retainer_language_set_current (document->language);

  g_ptr_array_set_size (writer->pages, 0);
  writer->page = NULL;
  document->draw (writer, document->user_data);
  retainer_pdf_finish_pages (writer);
  retainer_language_set_current (previous);
}

static gboolean
render_branded (RetainerPdfWriter                *writer,
                const RetainerPdfBrandedDocument *document,
                GPtrArray                        *warnings,
                GError                          **error)
{
  g_autofree char *regular_path = NULL;
  g_autofree char *bold_path = NULL;
  g_autoptr (GError) logo_error = NULL;
  g_autoptr (GBytes) logo = NULL;
  HPDF_STATUS status_before_logo;

  if (!retainer_pdf_find_fonts (&regular_path, &bold_path, error))
    return FALSE;
  writer->regular_font.face = retainer_pdf_face_load (regular_path, error);
  if (writer->regular_font.face == NULL)
    return FALSE;
  if (g_strcmp0 (bold_path, regular_path) != 0)
    {
      writer->bold_font.face = retainer_pdf_face_load (bold_path, error);
      if (writer->bold_font.face == NULL)
        return FALSE;
    }
  /* Both point into the writer, which outlives every use of them. */
  writer->regular = &writer->regular_font;
  writer->bold = writer->bold_font.face != NULL ? &writer->bold_font : &writer->regular_font;

  if (HPDF_SetCompressionMode (writer->doc, HPDF_COMP_ALL) != HPDF_OK)
    return set_render_error (error,
                             /* Translators: %1$04X and %2$u are libharu's error and detail codes. */
                             _("The PDF could not be set up to compress its pages (libharu error "
                               "0x%1$04X, detail %2$u)"),
                             (guint) writer->status, (guint) writer->detail);
  if (HPDF_UseUTFEncodings (writer->doc) != HPDF_OK
      || HPDF_SetCurrentEncoder (writer->doc,
                                 fault_is ("encoder") ? NO_SUCH_ENCODING : "UTF-8") != HPDF_OK)
    return set_render_error (error,
                             /* Translators: %1$04X and %2$u are libharu's error and detail codes. */
                             _("The PDF could not be set up for UTF-8 text (libharu error "
                               "0x%1$04X, detail %2$u)"),
                             (guint) writer->status, (guint) writer->detail);

  /* A logo that cannot be used costs the logo, never the document. Its
   * error is forgotten only when it is the only one so far. */
  status_before_logo = writer->status;
  logo = retainer_agency_get_logo (document->agency, &logo_error);
  if (logo != NULL)
    {
      g_autofree char *display_name =
        document->agency->logo_path != NULL
          ? g_filename_display_name (document->agency->logo_path)
          : g_strdup (_("in the agency profile"));

      writer->logo = retainer_pdf_load_logo (writer->doc, logo, display_name, &logo_error);
      if (writer->logo == NULL && status_before_logo == HPDF_OK)
        {
          HPDF_ResetError (writer->doc);
          writer->status = HPDF_OK;
          writer->detail = 0;
        }
    }
  if (logo_error != NULL && warnings != NULL)
    g_ptr_array_add (warnings, g_strdup (logo_error->message));
  if (writer->status != HPDF_OK)
    return set_render_error (error,
                             /* Translators: %1$04X and %2$u are libharu's error and detail codes. */
                             _("The logo could not be embedded in the PDF (libharu error 0x%1$04X, "
                               "detail %2$u)"),
                             (guint) writer->status, (guint) writer->detail);

  /* First pass: the same layout without drawing, to learn the characters
   * each face must carry; then the trimmed faces go to libharu. */
  writer->measuring = TRUE;
  draw_branded (writer, document);
  writer->measuring = FALSE;

  writer->regular_font.font = embed_font (writer, &writer->regular_font, error);
  if (writer->regular_font.font == NULL)
    return FALSE;
  if (writer->bold_font.face != NULL)
    {
      writer->bold_font.font = embed_font (writer, &writer->bold_font, error);
      if (writer->bold_font.font == NULL)
        return FALSE;
    }

  if (HPDF_SetInfoAttr (writer->doc, HPDF_INFO_TITLE, document->title) != HPDF_OK
      || (is_set (document->agency_name)
          && HPDF_SetInfoAttr (writer->doc, HPDF_INFO_AUTHOR, document->agency_name) != HPDF_OK)
      || HPDF_SetInfoAttr (writer->doc, HPDF_INFO_CREATOR,
                           PACKAGE_NAME " " PACKAGE_VERSION) != HPDF_OK)
    return set_render_error (error,
                             /* Translators: %1$04X and %2$u are libharu's error and detail codes. */
                             _("The PDF’s title and author could not be written (libharu error "
                               "0x%1$04X, detail %2$u)"),
                             (guint) writer->status, (guint) writer->detail);

  draw_branded (writer, document);
  /* Every page operation reports to record_error_cb(); the first failure is kept. */
  if (writer->status != HPDF_OK)
    return set_render_error (error,
                             _("The PDF could not be drawn (libharu error 0x%04X, detail %u)"),
                             (guint) writer->status, (guint) writer->detail);
  return TRUE;
}

/**
 * retainer_pdf_write_branded:
 * @document: what to draw, in which language and brand
 * @path: the PDF to write, atomically
 * @warnings: (nullable): receives translated messages of problems that did
 *   not stop the export, such as a logo that could not be read
 * @error: a #GError
 *
 * Writes a document in the agency's brand: @document->draw lays out every
 * page, cover first, twice (measuring, then drawing), with
 * @document->language current on this thread; the running header and
 * footer follow. A failure leaves no partial file behind.
 *
 * Returns: %TRUE when the PDF was written
 */
gboolean
retainer_pdf_write_branded (const RetainerPdfBrandedDocument *document,
                            const char                       *path,
                            GPtrArray                        *warnings,
                            GError                          **error)
{
  RetainerPdfWriter writer = { 0 };
  g_auto (HPDF_Doc) doc = NULL;
  g_autofree guint8 *contents = NULL;
  HPDF_UINT32 size = 0;
  HPDF_UINT32 read = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (document != NULL && document->draw != NULL, FALSE);
  g_return_val_if_fail (document->agency != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  set_up_brand (&writer, document);
  writer.pages = g_ptr_array_new ();
  doc = HPDF_New (record_error_cb, &writer);
  writer.doc = doc;
  if (doc == NULL)
    {
      g_set_error (error, RETAINER_PDF_ERROR, RETAINER_PDF_ERROR_RENDER,
                   _("The PDF could not be started: out of memory"));
      goto out;
    }

  if (!render_branded (&writer, document, warnings, error))
    goto out;

  /* Rendered to memory first: the file is only replaced once all is well.
   * Saved once and read back: HPDF_GetContents() would save it all again. */
  if (HPDF_SaveToStream (doc) != HPDF_OK)
    {
      /* Translators: %1$04X and %2$u are libharu's error and detail codes. */
      set_render_error (error, _("The PDF could not be assembled (libharu error 0x%1$04X, "
                                 "detail %2$u)"),
                        (guint) writer.status, (guint) writer.detail);
      goto out;
    }
  size = HPDF_GetStreamSize (doc);
  contents = g_malloc (MAX (size, 1));
  read = size;
  if (size == 0 || HPDF_ResetStream (doc) != HPDF_OK
      || HPDF_ReadFromStream (doc, contents, &read) != HPDF_OK || read != size)
    {
      /* Translators: %1$04X and %2$u are libharu's error and detail codes. */
      set_render_error (error, _("The PDF could not be assembled (libharu error 0x%1$04X, "
                                 "detail %2$u)"),
                        (guint) writer.status, (guint) writer.detail);
      goto out;
    }

  {
    g_autoptr (GError) write_error = NULL;

    if (!retainer_file_replace_contents (path, (const char *) contents, size, &write_error))
      {
        g_set_error_literal (error, RETAINER_PDF_ERROR, RETAINER_PDF_ERROR_WRITE,
                             write_error->message);
        goto out;
      }
  }
  ok = TRUE;

out:
  writer_clear (&writer);
  /* A failure always says what failed: callers print error->message. */
  if (!ok && error != NULL && *error == NULL)
    g_set_error (error, RETAINER_PDF_ERROR, RETAINER_PDF_ERROR_RENDER,
                 _("The PDF could not be made (libharu error 0x%04X)"), (guint) writer.status);
  return ok;
}
