/* retainer-window-private.h: what retainer-window.c and
 * retainer-window-actions.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "retainer-alert.h"
#include "retainer-book.h"
#include "retainer-history.h"
#include "retainer-savings-chart.h"
#include "retainer-window.h"

G_BEGIN_DECLS

/* The number fields of the window, each tied to one value of the proposal. */
typedef enum
{
  RETAINER_FIELD_SPEND,
  RETAINER_FIELD_GROWTH,
  RETAINER_FIELD_COVERAGE,
  RETAINER_FIELD_USE_CASES,
  RETAINER_FIELD_GO_LIVE,
  RETAINER_FIELD_SETUP_FEE,
  RETAINER_N_FIELDS
} RetainerField;

/* What the window knows about one number field besides its widget. */
typedef struct
{
  AdwSpinRow *row;
  gboolean    invalid;      /* the text was refused; the proposal keeps its value */
  char       *subtitle;     /* the row's own subtitle while an error takes its place */
  gboolean    editing;      /* typed into since the last commit */
  gint64      edit_start;   /* the value before that typing */
} RetainerNumberInput;

/* What to do once unsaved changes are saved or discarded. */
typedef enum
{
  RETAINER_PENDING_NONE,
  RETAINER_PENDING_CLOSE,
  RETAINER_PENDING_NEW,
  RETAINER_PENDING_REPLACE,  /* show pending_proposal from pending_path */
} RetainerPending;

struct _RetainerWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template: chrome */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkRevealer          *sample_revealer;
  GtkToggleButton      *present_button;
  GtkWidget            *export_button;
  GtkWidget            *inputs_scroller;
  AdwMultiLayoutView   *layout_view;
  GtkWidget            *inputs_box;        /* in the layout's "inputs" slot */
  GtkWidget            *results_box;       /* in its "results" slot */
  GtkWidget            *results_scroller;
  GtkWidget            *column_scroller;
  GtkWidget            *presentation_scroller;
  GtkToggleButton      *inputs_toggle;     /* presentation mode: opens the folded inputs */
  GtkImage             *inputs_toggle_arrow;
  GtkRevealer          *inputs_revealer;
  GtkLabel             *inputs_summary_label;
  AdwBreakpoint        *column_breakpoint;
  AdwBreakpoint        *compact_breakpoint;
  GMenu                *recent_menu;

  /* Template: inputs */
  AdwEntryRow          *company_row;
  AdwEntryRow          *contact_row;
  AdwEntryRow          *industry_row;
  AdwSpinRow           *monthly_spend_row;
  AdwComboRow          *currency_row;
  AdwSpinRow           *growth_row;
  AdwSpinRow           *coverage_row;
  AdwSwitchRow         *questions_row;
  AdwComboRow          *complexity_row;
  AdwComboRow          *tasks_row;
  AdwComboRow          *data_row;
  AdwComboRow          *evaluation_row;
  AdwComboRow          *change_row;
  AdwSwitchRow         *dedicated_row;
  AdwComboRow          *support_row;
  AdwSpinRow           *use_cases_row;
  AdwComboRow          *billing_row;
  AdwComboRow          *horizon_row;
  AdwSpinRow           *go_live_row;
  AdwComboRow          *rate_card_row;
  AdwComboRow          *language_row;

  /* Template: results */
  GtkLabel             *plan_caption_label;
  GtkWidget            *plan_box;
  GtkLabel             *tier_name_label;
  GtkLabel             *tier_price_label;
  GtkLabel             *billing_label;
  GtkLabel             *reason_label;
  GtkWidget            *override_box;
  GtkLabel             *override_label;
  GtkLabel             *saving_value;
  GtkLabel             *saving_detail;
  GtkLabel             *break_even_value;
  GtkLabel             *break_even_detail;
  GtkLabel             *net_12_value;
  GtkLabel             *net_12_detail;
  GtkWidget            *net_horizon_box;
  GtkLabel             *net_horizon_caption;
  GtkLabel             *net_horizon_value;
  GtkLabel             *net_horizon_detail;
  GtkLabel             *chart_title_label;
  RetainerSavingsChart *savings_chart;
  GtkBox               *tiers_box;
  GtkWidget            *setup_group;
  AdwSpinRow           *setup_fee_row;
  GtkRevealer          *setup_fee_warning_revealer;
  GtkLabel             *setup_fee_warning_label;
  GtkWidget            *notes_group;
  GtkListBox           *notes_list;
  GtkWidget            *private_group;
  AdwExpanderRow       *private_expander;  /* closed until the founder opens it */
  GtkLabel             *delivery_cost_label;
  GtkLabel             *margin_label;
  GtkLabel             *setup_margin_label;
  GtkLabel             *first_year_label;
  GtkWidget            *margin_warning_row;

  /* Template: the estimate, the cautious case (retainer-window-pitch.c) */
  AdwActionRow         *spend_basis_row;
  GtkWidget            *cautious_group;
  GtkLabel             *cautious_saving_label;
  GtkLabel             *cautious_break_even_label;
  GtkLabel             *cautious_net_12_label;
  GtkLabel             *expected_net_12_label;
  GtkWidget            *estimate_button;

  GSettings            *settings;
  GPtrArray            *rate_cards;        /* RetainerRateCard, as listed in rate_card_row */
  RetainerProposal     *proposal;          /* what the widgets show */
  RetainerProposal     *saved;             /* as last saved or loaded; NULL: never */
  RetainerResult       *result;
  RetainerHistory      *history;           /* undo and redo of self->proposal */
  char                 *path;              /* NULL: not saved to a file yet */
  gboolean              is_sample;
  gboolean              modified;
  gboolean              presenting;
  guint                 updating;          /* > 0: widgets are being filled in */
  guint                 autosave_source;
  RetainerFlags         shown_flags;
  gboolean              notes_shown;

  RetainerPending       pending;
  RetainerProposal     *pending_proposal;
  char                 *pending_path;
  gboolean              closing_confirmed;

  GCancellable         *file_cancellable;  /* file dialogs and the launcher; NULL once destroyed */

  RetainerNumberInput   numbers[RETAINER_N_FIELDS];
  AdwToast             *change_toast;      /* the notice of a large change; weak */
  /* The book (retainer-window-book.c) */
  RetainerBook         *book;              /* NULL: not loaded, or book_error */
  char                 *book_error;        /* why the agency profile did not load */
  AdwDialog            *book_dialog;       /* weak */
  GtkWidget            *book_group;        /* "What This Deal Adds to the Book" */
  GtkLabel             *book_mrr_label;
  GtkLabel             *book_margin_label;
  GtkLabel             *book_hours_label;
  AdwActionRow         *book_warning_row;
};

/* retainer-window.c */
void     retainer_window_inputs_changed     (RetainerWindow   *self);
void     retainer_window_show_proposal      (RetainerWindow   *self);
void     retainer_window_update_title       (RetainerWindow   *self);
/* A new proposal with no spend yet: its results stay calm, a dash for
 * each figure, until one is typed. */
gboolean retainer_window_waiting_for_spend  (const RetainerWindow *self);
void     retainer_window_show_error         (RetainerWindow   *self,
                                             const char       *heading,
                                             const char       *message);
void     retainer_window_toast              (RetainerWindow   *self,
                                             const char       *message);
/* Back to the top of the results, the private figures closed: a new or
 * opened proposal starts where the prospect may look. */
void     retainer_window_reset_results_view (RetainerWindow   *self);
void     retainer_window_set_document       (RetainerWindow   *self,
                                             RetainerProposal *proposal,
                                             RetainerProposal *saved,
                                             const char       *path,
                                             gboolean          is_sample);
/* Shows the state before the last step (undo) or after it (redo). */
void     retainer_window_undo               (RetainerWindow   *self);
void     retainer_window_redo               (RetainerWindow   *self);

/* retainer-window-pitch.c: the spend estimate, the cautious case, the
 * proposal document's options and revisions, the brand before a first PDF */
void     retainer_window_class_init_pitch   (GtkWidgetClass   *widget_class);
void     retainer_window_init_pitch         (RetainerWindow   *self);
/* After read_inputs (): drops the estimate's basis once the spend no longer
 * matches it. */
void     retainer_window_read_pitch_inputs  (RetainerWindow   *self);
/* After the results are computed: the basis row, the cautious rows, the band. */
void     retainer_window_refresh_pitch      (RetainerWindow   *self);
/* Keeps the number, date and revisions an export issued on `numbered`. */
void     retainer_window_keep_revision      (RetainerWindow   *self,
                                             RetainerProposal *numbered);

/* retainer-window-actions.c */
void     retainer_window_init_actions       (RetainerWindow   *self);
void     retainer_window_update_actions     (RetainerWindow   *self);
void     retainer_window_schedule_autosave  (RetainerWindow   *self);
void     retainer_window_remove_autosave    (RetainerWindow   *self);
void     retainer_window_update_recent_menu (RetainerWindow   *self);
void     retainer_window_add_recent         (RetainerWindow   *self,
                                             const char       *path);
/* Runs the pending step now, or first asks about unsaved changes. */
void     retainer_window_confirm_pending    (RetainerWindow   *self);
void     retainer_window_clear_pending      (RetainerWindow   *self);
/* Asks where to export the PDF, then exports it. */
void     retainer_window_export_pdf         (RetainerWindow   *self);

/* retainer-window-book.c */
void     retainer_window_init_book          (RetainerWindow   *self);
/* After each recompute: what the proposal on screen adds to the book. */
void     retainer_window_refresh_book       (RetainerWindow   *self);
void     retainer_window_update_book_actions (RetainerWindow  *self);
void     retainer_window_dispose_book       (RetainerWindow   *self);

G_END_DECLS
