/* retainer-alert.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "retainer-alert.h"

/* The large heading label: the alert dialog's one "title-2" label. */
static GtkLabel *
find_large_heading (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title-2"))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_large_heading (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

AdwDialog *
retainer_alert_new (const char *heading,
                    const char *body)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);
  /* Until it is presented, the dialog's content is not among its children. */
  GtkWidget *content = adw_dialog_get_child (dialog);
  GtkLabel *large_heading = content != NULL ? find_large_heading (content) : NULL;

  /* A heading wider than the dialog is shown in a smaller, wrapping label
   * instead of the large one. libadwaita 1.7 still asks the large label
   * for its height at the dialog's width, which GTK warns about ("Trying
   * to measure GtkLabel for width of 324, but it needs at least 370");
   * libadwaita 1.8 measures it at its own width (GNOME/libadwaita#1025).
   * Letting the large label wrap gives it a small minimum width, so the
   * question is a fair one; which label is shown does not change, as that
   * follows the large label's natural width. */
  g_warn_if_fail (large_heading != NULL);
  if (large_heading != NULL)
    {
      gtk_label_set_wrap (large_heading, TRUE);
      gtk_label_set_wrap_mode (large_heading, PANGO_WRAP_WORD_CHAR);
    }
  return dialog;
}
