/* retainer-brand-dialog.c: the agency's name, logo and colour, asked once
 * before the first PDF
 *
 * Export presents this when no agency profile is stored
 * ($XDG_CONFIG_HOME/retainer/agency.json, see retainer-agency.h). Continue
 * stores a profile with what was given (the rest keeps its defaults and is
 * in Preferences); Skip exports a neutral document and is remembered until
 * Retainer quits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "retainer-agency.h"
#include "retainer-brand-dialog.h"
#include "retainer-json.h"

struct _RetainerBrandDialog
{
  AdwDialog            parent_instance;

  AdwEntryRow         *name_row;
  AdwActionRow        *logo_row;
  GtkWidget           *logo_clear_button;
  GtkColorDialogButton *color_button;
  GtkLabel            *error_label;

  RetainerAgency      *agency;   /* the defaults, with what was given so far */
  gboolean             done;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (RetainerBrandDialog, retainer_brand_dialog, ADW_TYPE_DIALOG)

enum { SIGNAL_DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean setup_skipped;

gboolean
retainer_brand_setup_was_skipped (void)
{
  return setup_skipped;
}

void
retainer_brand_setup_reset (void)
{
  setup_skipped = FALSE;
}

static void
finish (RetainerBrandDialog *self,
        gboolean             proceed)
{
  if (self->done)
    return;
  self->done = TRUE;
  g_object_ref (self);
  adw_dialog_force_close (ADW_DIALOG (self));
  g_signal_emit (self, signals[SIGNAL_DONE], 0, proceed);
  g_object_unref (self);
}

static void
show_error (RetainerBrandDialog *self,
            const char          *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_logo_row (RetainerBrandDialog *self,
                 const char          *name)
{
  adw_action_row_set_subtitle (self->logo_row, name != NULL ? name : _("None: the name stands alone"));
  gtk_widget_set_visible (self->logo_clear_button, name != NULL);
}

gboolean
retainer_brand_dialog_set_logo_file (RetainerBrandDialog *self,
                                     GFile               *file,
                                     GError             **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RETAINER_IS_BRAND_DIALOG (self), FALSE);

  if (file == NULL)
    {
      retainer_agency_set_logo (self->agency, NULL, NULL);
      update_logo_row (self, NULL);
      return TRUE;
    }

  path = g_file_get_path (file);
  if (path == NULL || !retainer_agency_set_logo (self->agency, path, error))
    {
      if (path == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("The logo must be a file in a local folder"));
      return FALSE;
    }
  name = g_file_get_basename (file);
  update_logo_row (self, name);
  return TRUE;
}

static void
logo_open_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (RetainerBrandDialog) self = user_data;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);
  if (file == NULL || self->done)
    return;
  if (!retainer_brand_dialog_set_logo_file (self, file, &error))
    show_error (self, retainer_error_message (error));
  else
    show_error (self, NULL);
}

static void
choose_logo_cb (RetainerBrandDialog *self)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("PNG or JPEG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  gtk_file_dialog_set_title (dialog, _("Choose the Agency’s Logo"));
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                        self->cancellable, logo_open_cb, g_object_ref (self));
}

static void
clear_logo_cb (RetainerBrandDialog *self)
{
  retainer_brand_dialog_set_logo_file (self, NULL, NULL);
}

void
retainer_brand_dialog_skip (RetainerBrandDialog *self)
{
  g_return_if_fail (RETAINER_IS_BRAND_DIALOG (self));

  setup_skipped = TRUE;
  finish (self, TRUE);
}

gboolean
retainer_brand_dialog_continue (RetainerBrandDialog *self)
{
  const GdkRGBA *color;
  const char *name;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = retainer_agency_user_path ();

  g_return_val_if_fail (RETAINER_IS_BRAND_DIALOG (self), FALSE);

  name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_free (self->agency->name);
  self->agency->name = g_strstrip (g_strdup (name));
  color = gtk_color_dialog_button_get_rgba (self->color_button);
  g_free (self->agency->primary_color);
  self->agency->primary_color = g_strdup_printf ("#%02X%02X%02X",
                                                 (guint) CLAMP (color->red * 255.0 + 0.5, 0, 255),
                                                 (guint) CLAMP (color->green * 255.0 + 0.5, 0, 255),
                                                 (guint) CLAMP (color->blue * 255.0 + 0.5, 0, 255));

  if (!retainer_agency_validate (self->agency, path, &error)
      || !retainer_agency_save_user (self->agency, &error))
    {
      show_error (self, retainer_error_message (error));
      return FALSE;
    }
  finish (self, TRUE);
  return TRUE;
}

static void
continue_cb (RetainerBrandDialog *self)
{
  retainer_brand_dialog_continue (self);
}

static void
closed_cb (RetainerBrandDialog *self)
{
  finish (self, FALSE);
}

static void
retainer_brand_dialog_dispose (GObject *object)
{
  RetainerBrandDialog *self = RETAINER_BRAND_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (retainer_brand_dialog_parent_class)->dispose (object);
}

static void
retainer_brand_dialog_finalize (GObject *object)
{
  RetainerBrandDialog *self = RETAINER_BRAND_DIALOG (object);

  g_clear_pointer (&self->agency, retainer_agency_free);

  G_OBJECT_CLASS (retainer_brand_dialog_parent_class)->finalize (object);
}

static void
retainer_brand_dialog_class_init (RetainerBrandDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = retainer_brand_dialog_dispose;
  object_class->finalize = retainer_brand_dialog_finalize;

  signals[SIGNAL_DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
retainer_brand_dialog_init (RetainerBrandDialog *self)
{
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *choose, *buttons, *skip, *proceed;
  g_autoptr (GtkColorDialog) color_dialog = gtk_color_dialog_new ();
  GdkRGBA color;
  g_autoptr (GError) error = NULL;

  self->cancellable = g_cancellable_new ();
  self->agency = retainer_agency_load_user (&error);
  if (self->agency == NULL)
    self->agency = retainer_agency_new_default ();

  adw_dialog_set_title (ADW_DIALOG (self), _("Your Agency on the Proposal"));
  adw_dialog_set_content_width (ADW_DIALOG (self), 460);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), header);

  adw_preferences_group_set_description (group,
    _("The PDF carries your agency’s name, logo and colour. Everything else is in Preferences. "
      "Skip, and the PDF names no agency."));

  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Agency name"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         self->agency->name != NULL ? self->agency->name : "");
  adw_preferences_group_add (group, GTK_WIDGET (self->name_row));

  self->logo_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->logo_row), _("Logo"));
  self->logo_clear_button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_tooltip_text (self->logo_clear_button, _("Remove the Logo"));
  gtk_widget_set_valign (self->logo_clear_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->logo_clear_button, "flat");
  g_signal_connect_swapped (self->logo_clear_button, "clicked", G_CALLBACK (clear_logo_cb), self);
  choose = gtk_button_new_with_mnemonic (_("_Choose…"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (choose_logo_cb), self);
  adw_action_row_add_suffix (self->logo_row, self->logo_clear_button);
  adw_action_row_add_suffix (self->logo_row, choose);
  update_logo_row (self, NULL);
  adw_preferences_group_add (group, GTK_WIDGET (self->logo_row));

  {
    AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Primary colour"));
    adw_action_row_set_subtitle (row, _("The cover band and the headings"));
    gtk_color_dialog_set_with_alpha (color_dialog, FALSE);
    gtk_color_dialog_set_title (color_dialog, _("Primary Colour"));
    self->color_button = GTK_COLOR_DIALOG_BUTTON (gtk_color_dialog_button_new (g_object_ref (color_dialog)));
    gtk_widget_set_valign (GTK_WIDGET (self->color_button), GTK_ALIGN_CENTER);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->color_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Primary colour"), -1);
    if (self->agency->primary_color != NULL && gdk_rgba_parse (&color, self->agency->primary_color))
      gtk_color_dialog_button_set_rgba (self->color_button, &color);
    adw_action_row_add_suffix (row, GTK_WIDGET (self->color_button));
    adw_action_row_set_activatable_widget (row, GTK_WIDGET (self->color_button));
    adw_preferences_group_add (group, GTK_WIDGET (row));
  }

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  adw_preferences_group_add (group, GTK_WIDGET (self->error_label));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), page);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 18);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  skip = gtk_button_new_with_mnemonic (_("_Skip"));
  gtk_widget_add_css_class (skip, "pill");
  g_signal_connect_swapped (skip, "clicked", G_CALLBACK (retainer_brand_dialog_skip), self);
  proceed = gtk_button_new_with_mnemonic (_("C_ontinue"));
  gtk_widget_add_css_class (proceed, "pill");
  gtk_widget_add_css_class (proceed, "suggested-action");
  g_signal_connect_swapped (proceed, "clicked", G_CALLBACK (continue_cb), self);
  gtk_box_append (GTK_BOX (buttons), skip);
  gtk_box_append (GTK_BOX (buttons), proceed);
  adw_toolbar_view_add_bottom_bar (ADW_TOOLBAR_VIEW (toolbar), buttons);

  adw_dialog_set_child (ADW_DIALOG (self), toolbar);
  adw_dialog_set_default_widget (ADW_DIALOG (self), proceed);
  adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (self->name_row));
  g_signal_connect (self, "closed", G_CALLBACK (closed_cb), NULL);
}

AdwDialog *
retainer_brand_dialog_new (void)
{
  return g_object_new (RETAINER_TYPE_BRAND_DIALOG, NULL);
}
