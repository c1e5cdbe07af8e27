/* retainer-preferences-dialog.c
 *
 * The agency profile, edited in place and saved a moment after each change
 * (and on close). A field with a problem (a colour that is not "#RRGGBB",
 * text over its limit) is marked where it is typed and keeps its stored
 * value until it is fixed; every other field is saved as usual, so nothing
 * valid waits on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "retainer-agency.h"
#include "retainer-alert.h"
#include "retainer-cover-preview.h"
#include "retainer-json.h"
#include "retainer-money.h"
#include "retainer-number.h"
#include "retainer-preferences-dialog.h"

/* Long enough to not save on every keystroke, short enough that a crash
 * right after typing loses nothing worth mentioning. */
#define SAVE_DELAY_MS 500

typedef struct
{
  const char *row;
  gsize       offset;
  guint       max_length;
  const char *label;
} TextField;

#define TEXT_FIELD(row, member, max, label) \
  { row, G_STRUCT_OFFSET (RetainerAgency, member), max, label }

static const TextField text_fields[] = {
  TEXT_FIELD ("name_row", name, RETAINER_AGENCY_TEXT_MAX_LENGTH, N_("Agency name")),
  TEXT_FIELD ("contact_row", contact_name, RETAINER_AGENCY_TEXT_MAX_LENGTH, N_("Contact person")),
  TEXT_FIELD ("email_row", email, RETAINER_AGENCY_TEXT_MAX_LENGTH, N_("Email")),
  TEXT_FIELD ("phone_row", phone, RETAINER_AGENCY_TEXT_MAX_LENGTH, N_("Phone")),
  TEXT_FIELD ("website_row", website, RETAINER_AGENCY_TEXT_MAX_LENGTH, N_("Website")),
  TEXT_FIELD ("footer_row", footer, RETAINER_AGENCY_TEXT_MAX_LENGTH, N_("Footer line")),
  TEXT_FIELD ("prefix_row", number_prefix, RETAINER_AGENCY_PREFIX_MAX_LENGTH, N_("Number prefix")),
  TEXT_FIELD ("signatory_name_row", signatory_name, RETAINER_AGENCY_TEXT_MAX_LENGTH,
              N_("Signatory name")),
  TEXT_FIELD ("signatory_title_row", signatory_title, RETAINER_AGENCY_TEXT_MAX_LENGTH,
              N_("Signatory title")),
};

#define N_TEXT_FIELDS G_N_ELEMENTS (text_fields)

struct _RetainerPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  /* Template */
  RetainerCoverPreview *cover_preview;
  GtkRevealer          *problem_revealer;
  GtkLabel             *problem_label;
  AdwActionRow         *logo_row;
  GtkWidget            *remove_logo_button;
  GtkEntry             *primary_entry;
  GtkWidget            *primary_button;
  GtkEntry             *accent_entry;
  GtkWidget            *accent_button;
  AdwComboRow          *paper_row;
  GtkTextView          *address_view;
  AdwSpinRow           *next_number_row;
  AdwSpinRow           *validity_row;
  AdwEntryRow          *overhead_row;      /* Agency Economics: read_economics () */
  AdwEntryRow          *staff_cost_row;
  AdwEntryRow          *capacity_row;
  GtkWidget            *text_rows[N_TEXT_FIELDS];

  RetainerAgency       *saved;             /* as stored */
  GBytes               *logo;              /* the logo chosen; NULL: none */
  GdkTexture           *logo_texture;      /* NULL when it could not be decoded */
  char                 *company;           /* of the proposal the preview shows */
  char                 *number;
  char                 *date;
  char                 *problem;           /* the first field with a problem, described */
  char                 *save_error;        /* why the last save failed */
  guint                 save_source;
  guint                 updating;          /* > 0: widgets are being filled in */
  guint                 syncing_color;     /* > 0: a colour button follows its entry */
  gboolean              dirty;             /* changed since the last save */
  GCancellable         *file_cancellable;  /* file dialogs; cancelled on dispose */
};

G_DEFINE_FINAL_TYPE (RetainerPreferencesDialog, retainer_preferences_dialog,
                     ADW_TYPE_PREFERENCES_DIALOG)

static char **
text_slot (RetainerAgency  *agency,
           const TextField *field)
{
  return G_STRUCT_MEMBER_P (agency, field->offset);
}

static void
toast (RetainerPreferencesDialog *self,
       const char                *message)
{
  adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self), adw_toast_new (message));
}

static void
show_error (RetainerPreferencesDialog *self,
            const char                *heading,
            const char                *message)
{
  AdwDialog *dialog = retainer_alert_new (heading, message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "close");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "close");
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
mark_problem (GtkWidget  *widget,
              const char *problem)
{
  if (problem != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, problem);
}

static char *
describe_length_problem (guint max_length)
{
  return g_strdup_printf (ngettext ("at most %u character", "at most %u characters", max_length),
                          max_length);
}

/* Keeps the first problem found, for the message under the preview. */
static void
note_problem (char      **first,
              const char *label,
              const char *problem)
{
  if (*first == NULL)
    /* Translators: %1$s is a field like "Primary colour", %2$s what it
     * expects, like "at most 200 characters". */
    *first = g_strdup_printf (_("%1$s: %2$s. This field is saved once it is fixed."),
                              label, problem);
}

static char *
get_address_text (RetainerPreferencesDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->address_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
read_color (GtkEntry    *entry,
            const char  *label,
            char       **slot,
            char       **first_problem)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (!retainer_color_parse (text, NULL, NULL, NULL))
    {
      const char *problem = _("expected a colour like #1F4E79");

      mark_problem (GTK_WIDGET (entry), problem);
      note_problem (first_problem, label, problem);
      return FALSE;
    }

  mark_problem (GTK_WIDGET (entry), NULL);
  g_free (*slot);
  *slot = g_ascii_strup (text, -1);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Agency Economics: the book's overhead, staff cost and capacity       */

/* One amount typed with the locale's marks, exactly (retainer_parse_decimal
 * refuses what it cannot read for sure), within [low, high]; a problem
 * keeps the stored value and is marked. */
static void
read_amount (AdwEntryRow *row,
             const char  *label,
             guint        decimals,
             gint64       low,
             gint64       high,
             gint64      *slot,
             char       **first_problem)
{
  RetainerNumberFormat format;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  gint64 value = 0;

  retainer_number_format_current (&format, decimals > 0);
  if (!retainer_parse_decimal (text, &format, decimals, &value, &error))
    {
      mark_problem (GTK_WIDGET (row), retainer_error_message (error));
      note_problem (first_problem, label, retainer_error_message (error));
      return;
    }
  if (value < low || value > high)
    {
      g_autofree char *low_text = retainer_format_decimal (low, decimals, &format);
      g_autofree char *high_text = retainer_format_decimal (high, decimals, &format);
      /* Translators: the range a figure must be in, like "from 0.00 to 100,000.00". */
      g_autofree char *problem = g_strdup_printf (_("expected a number from %1$s to %2$s"),
                                                  low_text, high_text);

      mark_problem (GTK_WIDGET (row), problem);
      note_problem (first_problem, label, problem);
      return;
    }
  mark_problem (GTK_WIDGET (row), NULL);
  *slot = value;
}

static void
read_economics (RetainerPreferencesDialog *self,
                RetainerAgency            *agency,
                char                     **first_problem)
{
  gint64 capacity = agency->team_capacity_hours;

  read_amount (self->overhead_row, _("Fixed overhead"), 2, 0, RETAINER_MONEY_MAX,
               &agency->fixed_overhead, first_problem);
  read_amount (self->staff_cost_row, _("Staff cost per hour"), 2, 0,
               retainer_money_from_major (RETAINER_AGENCY_STAFF_COST_PER_HOUR_MAX_MAJOR),
               &agency->staff_cost_per_hour, first_problem);
  read_amount (self->capacity_row, _("Team capacity"), 0, 1,
               RETAINER_AGENCY_TEAM_CAPACITY_MAX_HOURS, &capacity, first_problem);
  agency->team_capacity_hours = (guint) capacity;
}

static void
fill_amount (AdwEntryRow *row,
             gint64       value,
             guint        decimals)
{
  RetainerNumberFormat format;
  g_autofree char *text = NULL;

  retainer_number_format_current (&format, decimals > 0);
  text = retainer_format_decimal (value, decimals, &format);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
fill_economics (RetainerPreferencesDialog *self,
                const RetainerAgency      *agency)
{
  fill_amount (self->overhead_row, agency->fixed_overhead, 2);
  fill_amount (self->staff_cost_row, agency->staff_cost_per_hour, 2);
  fill_amount (self->capacity_row, agency->team_capacity_hours, 0);
}

/* The profile as the widgets have it; a field with a problem keeps its
 * stored value and is marked. */
static RetainerAgency *
read_profile (RetainerPreferencesDialog *self,
              char                     **first_problem)
{
  RetainerAgency *agency = retainer_agency_copy (self->saved);
  g_autofree char *address = get_address_text (self);

  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->text_rows[i]));
      char **slot = text_slot (agency, &text_fields[i]);

      if (g_utf8_strlen (text, -1) > (glong) text_fields[i].max_length)
        {
          g_autofree char *problem = describe_length_problem (text_fields[i].max_length);

          mark_problem (self->text_rows[i], problem);
          note_problem (first_problem, _(text_fields[i].label), problem);
          continue;
        }
      mark_problem (self->text_rows[i], NULL);
      g_free (*slot);
      *slot = g_strdup (text);
    }

  if (g_utf8_strlen (address, -1) > RETAINER_AGENCY_ADDRESS_MAX_LENGTH)
    {
      g_autofree char *problem = describe_length_problem (RETAINER_AGENCY_ADDRESS_MAX_LENGTH);

      mark_problem (GTK_WIDGET (self->address_view), problem);
      note_problem (first_problem, _("Postal address"), problem);
    }
  else
    {
      mark_problem (GTK_WIDGET (self->address_view), NULL);
      g_free (agency->address);
      agency->address = g_steal_pointer (&address);
    }

  read_color (self->primary_entry, _("Primary colour"), &agency->primary_color, first_problem);
  read_color (self->accent_entry, _("Accent colour"), &agency->accent_color, first_problem);

  agency->next_number = (guint) adw_spin_row_get_value (self->next_number_row);
  agency->validity_days = (guint) adw_spin_row_get_value (self->validity_row);
  agency->paper = MIN (adw_combo_row_get_selected (self->paper_row), RETAINER_N_PAPERS - 1);
  read_economics (self, agency, first_problem);

  /* The logo travels in memory; saving copies it next to the profile. */
  g_clear_pointer (&agency->logo_path, g_free);
  g_clear_pointer (&agency->logo_data, g_bytes_unref);
  if (self->logo != NULL)
    agency->logo_data = g_bytes_ref (self->logo);

  return agency;
}

/* ------------------------------------------------------------------ */
/* What the widgets show                                               */


static void
refresh_preview (RetainerPreferencesDialog *self,
                 const RetainerAgency      *agency)
{
  g_autofree char *date_text = NULL;
  g_autofree char *valid_until_text = NULL;
  g_autofree char *next = retainer_agency_format_number (agency, agency->next_number);
  g_autofree char *next_text = NULL;
  RetainerCoverPreview *preview = self->cover_preview;

  retainer_agency_format_dates (agency, self->date, &date_text, &valid_until_text);

  retainer_cover_preview_set_agency_name (preview, agency->name);
  retainer_cover_preview_set_address (preview, agency->address);
  retainer_cover_preview_set_primary_color (preview, agency->primary_color);
  retainer_cover_preview_set_accent_color (preview, agency->accent_color);
  retainer_cover_preview_set_paper (preview, agency->paper);
  retainer_cover_preview_set_logo (preview, self->logo_texture);
  retainer_cover_preview_set_company (preview, self->company);
  retainer_cover_preview_set_number (preview, self->number != NULL && *self->number != '\0'
                                                ? self->number
                                                : next);
  retainer_cover_preview_set_date (preview, date_text);
  retainer_cover_preview_set_valid_until (preview, valid_until_text);
  retainer_cover_preview_set_footer (preview, agency->footer);

  /* Translators: %s is a proposal number like "RT-0042". */
  next_text = g_strdup_printf (_("The next exported proposal gets %s"), next);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->next_number_row), next_text);
}

static void
refresh_logo_row (RetainerPreferencesDialog *self)
{
  const char *subtitle;

  if (self->logo == NULL)
    subtitle = _("None: the cover shows the agency’s name");
  else if (self->logo_texture == NULL)
    subtitle = _("This image could not be read; the PDF is made without it");
  else
    {
      gsize length = 0;
      const guint8 *data = g_bytes_get_data (self->logo, &length);

      subtitle = retainer_logo_type_detect (data, length) == RETAINER_LOGO_JPEG
                   ? _("JPEG image")
                   : _("PNG image");
    }

  adw_action_row_set_subtitle (self->logo_row, subtitle);
  gtk_widget_set_sensitive (self->remove_logo_button, self->logo != NULL);
}

/* Reads the widgets, marks their problems and redraws the preview. */
static RetainerAgency *
refresh (RetainerPreferencesDialog *self)
{
  RetainerAgency *agency;

  g_clear_pointer (&self->problem, g_free);
  agency = read_profile (self, &self->problem);
  gtk_label_set_label (self->problem_label, self->problem != NULL ? self->problem : "");
  gtk_revealer_set_reveal_child (self->problem_revealer, self->problem != NULL);
  refresh_preview (self, agency);
  refresh_logo_row (self);
  return agency;
}

static void
set_logo_bytes (RetainerPreferencesDialog *self,
                GBytes                    *logo)
{
  g_clear_pointer (&self->logo, g_bytes_unref);
  g_clear_object (&self->logo_texture);
  if (logo == NULL)
    return;

  self->logo = g_bytes_ref (logo);
  self->logo_texture = gdk_texture_new_from_bytes (logo, NULL);
}

static void
set_color_button (GtkWidget  *button,
                  const char *color)
{
  double red, green, blue;

  if (retainer_color_parse (color, &red, &green, &blue))
    gtk_color_dialog_button_set_rgba (GTK_COLOR_DIALOG_BUTTON (button),
                                      &(GdkRGBA) { red, green, blue, 1 });
}

/* Shows `agency` in the widgets. */
static void
fill (RetainerPreferencesDialog *self,
      const RetainerAgency      *agency)
{
  g_autoptr (GBytes) logo = NULL;
  g_autoptr (GError) error = NULL;
  RetainerAgency *copy = retainer_agency_copy (agency);

  self->updating++;

  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      const char *value = *text_slot (copy, &text_fields[i]);

      gtk_editable_set_text (GTK_EDITABLE (self->text_rows[i]), value != NULL ? value : "");
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->address_view),
                            agency->address != NULL ? agency->address : "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->primary_entry), agency->primary_color);
  gtk_editable_set_text (GTK_EDITABLE (self->accent_entry), agency->accent_color);
  self->syncing_color++;
  set_color_button (self->primary_button, agency->primary_color);
  set_color_button (self->accent_button, agency->accent_color);
  self->syncing_color--;
  adw_combo_row_set_selected (self->paper_row, agency->paper);
  adw_spin_row_set_value (self->next_number_row, agency->next_number);
  adw_spin_row_set_value (self->validity_row, agency->validity_days);
  fill_economics (self, agency);

  logo = retainer_agency_get_logo (agency, &error);
  if (error != NULL)
    /* The profile stays usable: the PDF warns about the logo as well. */
    toast (self, retainer_error_message (error));
  set_logo_bytes (self, logo);

  self->updating--;

  g_clear_pointer (&self->saved, retainer_agency_free);
  self->saved = copy;
  retainer_agency_free (refresh (self));
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

static gboolean
save_cb (gpointer user_data)
{
  RetainerPreferencesDialog *self = user_data;

  self->save_source = 0;
  retainer_preferences_dialog_save (self);
  return G_SOURCE_REMOVE;
}

static void
profile_changed (RetainerPreferencesDialog *self)
{
  if (self->updating > 0)
    return;

  self->dirty = TRUE;
  retainer_agency_free (refresh (self));
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

gboolean
retainer_preferences_dialog_save (RetainerPreferencesDialog *self)
{
  g_autoptr (RetainerAgency) agency = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (RETAINER_IS_PREFERENCES_DIALOG (self), FALSE);

  /* A number typed but not yet confirmed with Enter counts too. */
  adw_spin_row_update (self->next_number_row);
  adw_spin_row_update (self->validity_row);
  g_clear_handle_id (&self->save_source, g_source_remove);

  agency = refresh (self);
  if (!self->dirty)
    return self->problem == NULL && self->save_error == NULL;

  if (!retainer_agency_validate (agency, NULL, &error)
      || !retainer_agency_save_user (agency, &error))
    {
      g_autofree char *message = NULL;

      g_free (self->save_error);
      self->save_error = g_strdup (retainer_error_message (error));
      /* Translators: %s says why. */
      message = g_strdup_printf (_("The agency profile could not be saved: %s"), retainer_error_message (error));
      toast (self, message);
      return FALSE;
    }

  g_clear_pointer (&self->save_error, g_free);
  g_clear_pointer (&self->saved, retainer_agency_free);
  self->saved = g_steal_pointer (&agency);
  self->dirty = FALSE;
  return self->problem == NULL;
}

gboolean
retainer_preferences_dialog_get_has_problems (RetainerPreferencesDialog *self)
{
  g_return_val_if_fail (RETAINER_IS_PREFERENCES_DIALOG (self), FALSE);

  return self->problem != NULL;
}

static void
close_anyway_cb (AdwAlertDialog            *alert,
                 const char                *response,
                 RetainerPreferencesDialog *self)
{
  adw_dialog_force_close (ADW_DIALOG (self));
}

/* The dialog never closes by itself (can-close is off): each attempt saves
 * first, and asks when that would lose what was typed. */
static void
retainer_preferences_dialog_close_attempt (AdwDialog *dialog)
{
  RetainerPreferencesDialog *self = RETAINER_PREFERENCES_DIALOG (dialog);
  AdwDialog *alert;

  if (retainer_preferences_dialog_save (self))
    {
      adw_dialog_force_close (dialog);
      return;
    }

  /* Closing would lose what was typed in the field with a problem. */
  alert = retainer_alert_new (self->problem != NULL ? _("A Field Cannot Be Saved")
                                                    : _("Could Not Save the Agency Profile"),
                              self->problem != NULL ? self->problem : self->save_error);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "edit", _("_Keep Editing"),
                                  "close", _("_Close Anyway"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "close",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "edit");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "edit");
  g_signal_connect_object (alert, "response::close", G_CALLBACK (close_anyway_cb), self, 0);
  adw_dialog_present (alert, GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* Logo, import and export                                             */

gboolean
retainer_preferences_dialog_set_logo_file (RetainerPreferencesDialog *self,
                                           GFile                     *file)
{
  g_autoptr (RetainerAgency) scratch = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (RETAINER_IS_PREFERENCES_DIALOG (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  if (file == NULL)
    {
      set_logo_bytes (self, NULL);
      profile_changed (self);
      return TRUE;
    }

  /* The core reads and checks it; the profile keeps the bytes, so the
   * original may move afterwards. */
  path = g_file_get_path (file);
  scratch = retainer_agency_new_default ();
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message = g_strdup_printf (_("The logo %s is not a local file"), name);

      toast (self, message);
      return FALSE;
    }
  if (!retainer_agency_set_logo (scratch, path, &error))
    {
      toast (self, retainer_error_message (error));
      return FALSE;
    }

  set_logo_bytes (self, scratch->logo_data);
  profile_changed (self);
  return TRUE;
}

gboolean
retainer_preferences_dialog_import_file (RetainerPreferencesDialog *self,
                                         GFile                     *file)
{
  g_autoptr (RetainerAgency) agency = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (RETAINER_IS_PREFERENCES_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  if (path == NULL)
    {
      g_autofree char *parse_name = g_file_get_parse_name (file);

      message = g_strdup_printf (_("%s is not a local file"), parse_name);
      show_error (self, _("Could Not Import the Agency Profile"), message);
      return FALSE;
    }

  /* The core stores it as the user's only once it loaded completely. */
  agency = retainer_agency_import (path, &error);
  if (agency == NULL)
    {
      show_error (self, _("Could Not Import the Agency Profile"), retainer_error_message (error));
      return FALSE;
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_pointer (&self->save_error, g_free);
  fill (self, agency);
  self->dirty = FALSE;

  /* Translators: %s is a file name. */
  message = g_strdup_printf (_("Imported “%s”"), name);
  toast (self, message);
  return TRUE;
}

gboolean
retainer_preferences_dialog_export_file (RetainerPreferencesDialog *self,
                                         GFile                     *file)
{
  g_autoptr (RetainerAgency) agency = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (RETAINER_IS_PREFERENCES_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  if (path == NULL)
    {
      g_autofree char *parse_name = g_file_get_parse_name (file);

      message = g_strdup_printf (_("%s is not a local file"), parse_name);
      show_error (self, _("Could Not Export the Agency Profile"), message);
      return FALSE;
    }

  /* What the widgets show, less any field with a problem. */
  retainer_preferences_dialog_save (self);
  agency = refresh (self);
  if (!retainer_agency_export (agency, path, &error))
    {
      show_error (self, _("Could Not Export the Agency Profile"), retainer_error_message (error));
      return FALSE;
    }

  /* Translators: %s is a file name. */
  message = g_strdup_printf (_("Exported “%s”"), name);
  toast (self, message);
  return TRUE;
}

static GtkFileFilter *
create_filter (const char        *name,
               const char *const *mime_types,
               const char *const *patterns)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  return filter;
}

static GtkFileFilter *
create_profile_filter (void)
{
  static const char *const mime_types[] = { "application/json", NULL };
  static const char *const patterns[] = { "*.json", NULL };

  return create_filter (_("Agency Profiles"), mime_types, patterns);
}

/* What a file chosen in a dialog is for. */
typedef enum
{
  CHOICE_LOGO,
  CHOICE_IMPORT,
  CHOICE_EXPORT,
} Choice;

static void
file_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  /* Held since the file dialog opened: the preferences may be closed by now. */
  g_autoptr (RetainerPreferencesDialog) self = user_data;
  Choice choice = GPOINTER_TO_INT (g_object_get_data (source, "retainer-choice"));
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (choice == CHOICE_EXPORT)
    file = gtk_file_dialog_save_finish (dialog, result, &error);
  else
    file = gtk_file_dialog_open_finish (dialog, result, &error);

  if (self->file_cancellable == NULL || g_cancellable_is_cancelled (self->file_cancellable))
    return;

  if (file == NULL)
    {
      /* Dismissed is no failure; a file chooser that could not open is. */
      if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED)
          || g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        return;
      if (choice == CHOICE_LOGO)
        toast (self, retainer_error_message (error));
      else
        show_error (self, choice == CHOICE_IMPORT ? _("Could Not Import the Agency Profile")
                                                  : _("Could Not Export the Agency Profile"),
                    retainer_error_message (error));
      return;
    }

  switch (choice)
    {
    case CHOICE_LOGO:
      retainer_preferences_dialog_set_logo_file (self, file);
      break;
    case CHOICE_IMPORT:
      retainer_preferences_dialog_import_file (self, file);
      break;
    case CHOICE_EXPORT:
      retainer_preferences_dialog_export_file (self, file);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
cancel_file_dialogs_cb (RetainerPreferencesDialog *self)
{
  g_cancellable_cancel (self->file_cancellable);
}

/* Asks for a file, then does `choice` with it. The file dialogs cannot be
 * driven in tests: the tests call what file_chosen_cb () calls. */
static void
choose_file (RetainerPreferencesDialog *self,
             const char                *title,
             const char                *accept_label,
             GtkFileFilter             *filter,
             const char                *initial_name,
             Choice                     choice)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  g_object_set_data (G_OBJECT (dialog), "retainer-choice", GINT_TO_POINTER (choice));

  if (choice == CHOICE_EXPORT)
    {
      gtk_file_dialog_set_initial_name (dialog, initial_name);
      gtk_file_dialog_save (dialog, parent, self->file_cancellable, file_chosen_cb,
                            g_object_ref (self));
    }
  else
    gtk_file_dialog_open (dialog, parent, self->file_cancellable, file_chosen_cb,
                          g_object_ref (self));
}

static void
choose_logo_clicked_cb (RetainerPreferencesDialog *self)
{
  static const char *const mime_types[] = { "image/png", "image/jpeg", NULL };
  static const char *const patterns[] = { "*.png", "*.jpg", "*.jpeg", NULL };
  g_autoptr (GtkFileFilter) filter = create_filter (_("PNG and JPEG Images"), mime_types,
                                                    patterns);

  choose_file (self, _("Choose the Logo"), _("_Choose"), filter, NULL, CHOICE_LOGO);
}

static void
remove_logo_clicked_cb (RetainerPreferencesDialog *self)
{
  retainer_preferences_dialog_set_logo_file (self, NULL);
}

static void
import_clicked_cb (RetainerPreferencesDialog *self)
{
  g_autoptr (GtkFileFilter) filter = create_profile_filter ();

  choose_file (self, _("Import an Agency Profile"), _("_Import"), filter, NULL, CHOICE_IMPORT);
}

static void
export_clicked_cb (RetainerPreferencesDialog *self)
{
  g_autoptr (GtkFileFilter) filter = create_profile_filter ();
  const char *agency_name = gtk_editable_get_text (GTK_EDITABLE (self->text_rows[0]));
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;

  if (*agency_name != '\0')
    name = g_strdelimit (g_strdup (agency_name), "/\\:*?\"<>|", '-');
  else
    name = g_strdup (_("Agency Profile"));
  file_name = g_strconcat (name, ".json", NULL);

  choose_file (self, _("Export the Agency Profile"), _("_Export"), filter, file_name,
               CHOICE_EXPORT);
}

/* ------------------------------------------------------------------ */
/* Colours                                                             */

/* A colour chosen with the button is written into the entry, which is
 * what the profile reads. */
static void
color_chosen_cb (GtkColorDialogButton      *button,
                 GParamSpec                *pspec,
                 RetainerPreferencesDialog *self)
{
  GtkEntry *entry = GTK_WIDGET (button) == self->primary_button ? self->primary_entry
                                                                : self->accent_entry;
  const GdkRGBA *rgba = gtk_color_dialog_button_get_rgba (button);
  g_autofree char *text = NULL;

  /* The button following what was typed: the typing stays as it is. */
  if (self->syncing_color > 0)
    return;

  text = g_strdup_printf ("#%02X%02X%02X",
                          (guint) CLAMP (rgba->red * 255 + 0.5, 0, 255),
                          (guint) CLAMP (rgba->green * 255 + 0.5, 0, 255),
                          (guint) CLAMP (rgba->blue * 255 + 0.5, 0, 255));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
color_entry_changed_cb (GtkEntry                  *entry,
                        RetainerPreferencesDialog *self)
{
  GtkWidget *button = entry == self->primary_entry ? self->primary_button : self->accent_button;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (self->updating == 0)
    {
      self->syncing_color++;
      set_color_button (button, text);
      self->syncing_color--;
    }
  profile_changed (self);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
retainer_preferences_dialog_dispose (GObject *object)
{
  RetainerPreferencesDialog *self = RETAINER_PREFERENCES_DIALOG (object);

  /* Destroyed without closing: what was typed is still kept. */
  if (self->save_source != 0)
    retainer_preferences_dialog_save (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_object (&self->logo_texture);
  if (self->file_cancellable != NULL)
    g_cancellable_cancel (self->file_cancellable);
  g_clear_object (&self->file_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), RETAINER_TYPE_PREFERENCES_DIALOG);

  G_OBJECT_CLASS (retainer_preferences_dialog_parent_class)->dispose (object);
}

static void
retainer_preferences_dialog_finalize (GObject *object)
{
  RetainerPreferencesDialog *self = RETAINER_PREFERENCES_DIALOG (object);

  g_clear_pointer (&self->saved, retainer_agency_free);
  g_clear_pointer (&self->logo, g_bytes_unref);
  g_clear_pointer (&self->company, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->save_error, g_free);

  G_OBJECT_CLASS (retainer_preferences_dialog_parent_class)->finalize (object);
}

static void
retainer_preferences_dialog_class_init (RetainerPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwDialogClass *dialog_class = ADW_DIALOG_CLASS (klass);

  object_class->dispose = retainer_preferences_dialog_dispose;
  object_class->finalize = retainer_preferences_dialog_finalize;
  dialog_class->close_attempt = retainer_preferences_dialog_close_attempt;

  g_type_ensure (RETAINER_TYPE_COVER_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/retainer/Retainer/retainer-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RetainerPreferencesDialog, cover_preview);
  gtk_widget_class_bind_template_child (widget_class, RetainerPreferencesDialog, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, RetainerPreferencesDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, RetainerPreferencesDialog, logo_row);
  gtk_widget_class_bind_template_child (widget_class, RetainerPreferencesDialog, remove_logo_button);
  gtk_widget_class_bind_template_child (widget_class, RetainerPreferencesDialog, primary_entry);
  gtk_widget_class_bind_template_child (widget_class, RetainerPreferencesDialog, primary_button);
  gtk_widget_class_bind_template_child (widget_class, RetainerPreferencesDialog, accent_entry);
  gtk_widget_class_bind_template_child (widget_class, RetainerPreferencesDialog, accent_button);
  gtk_widget_class_bind_template_child (widget_class, RetainerPreferencesDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, RetainerPreferencesDialog, address_view);
  gtk_widget_class_bind_template_child (widget_class, RetainerPreferencesDialog, next_number_row);
  gtk_widget_class_bind_template_child (widget_class, RetainerPreferencesDialog, validity_row);
  gtk_widget_class_bind_template_child (widget_class, RetainerPreferencesDialog, overhead_row);
  gtk_widget_class_bind_template_child (widget_class, RetainerPreferencesDialog, staff_cost_row);
  gtk_widget_class_bind_template_child (widget_class, RetainerPreferencesDialog, capacity_row);
  /* The text rows are found by name, into text_rows[]. */
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, text_fields[i].row, FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, choose_logo_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_logo_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
}

static void
retainer_preferences_dialog_init (RetainerPreferencesDialog *self)
{
  g_autoptr (GtkStringList) papers = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->file_cancellable = g_cancellable_new ();
  /* Closed, or its window destroyed: a file dialog still open closes too. */
  g_signal_connect (self, "unrealize", G_CALLBACK (cancel_file_dialogs_cb), NULL);
  /* Every close goes through close_attempt: save first, ask if that fails. */
  adw_dialog_set_can_close (ADW_DIALOG (self), FALSE);

  for (guint i = 0; i < RETAINER_N_PAPERS; i++)
    gtk_string_list_append (papers, retainer_paper_label (i));
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (papers));

  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      self->text_rows[i] = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                      RETAINER_TYPE_PREFERENCES_DIALOG,
                                                                      text_fields[i].row));
      g_signal_connect_object (self->text_rows[i], "changed", G_CALLBACK (profile_changed), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (gtk_text_view_get_buffer (self->address_view), "changed",
                           G_CALLBACK (profile_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->primary_entry, "changed", G_CALLBACK (color_entry_changed_cb),
                           self, 0);
  g_signal_connect_object (self->accent_entry, "changed", G_CALLBACK (color_entry_changed_cb),
                           self, 0);
  g_signal_connect_object (self->primary_button, "notify::rgba", G_CALLBACK (color_chosen_cb),
                           self, 0);
  g_signal_connect_object (self->accent_button, "notify::rgba", G_CALLBACK (color_chosen_cb),
                           self, 0);
  g_signal_connect_object (self->paper_row, "notify::selected", G_CALLBACK (profile_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->next_number_row, "notify::value", G_CALLBACK (profile_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->validity_row, "notify::value", G_CALLBACK (profile_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overhead_row, "changed", G_CALLBACK (profile_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->staff_cost_row, "changed", G_CALLBACK (profile_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->capacity_row, "changed", G_CALLBACK (profile_changed), self,
                           G_CONNECT_SWAPPED);
}

RetainerPreferencesDialog *
retainer_preferences_dialog_new (const RetainerProposal *proposal)
{
  RetainerPreferencesDialog *self;
  g_autoptr (RetainerAgency) agency = NULL;
  g_autoptr (GError) error = NULL;

  self = g_object_new (RETAINER_TYPE_PREFERENCES_DIALOG, NULL);
  if (proposal != NULL)
    {
      self->company = g_strdup (proposal->company);
      self->number = g_strdup (proposal->number);
      self->date = g_strdup (proposal->date);
    }

  agency = retainer_agency_load_user (&error);
  if (agency == NULL)
    {
      /* Shown, not overwritten: nothing is saved before the user changes something. */
      toast (self, retainer_error_message (error));
      agency = retainer_agency_new_default ();
    }
  fill (self, agency);
  return self;
}
