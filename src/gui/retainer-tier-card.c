/* retainer-tier-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "retainer-tier-card.h"

struct _RetainerTierCard
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *name_label;
  GtkWidget *badge_label;
  GtkLabel  *price_label;
  GtkLabel  *saving_label;
  GtkLabel  *break_even_label;
  GtkLabel  *fit_label;
  GtkButton *choose_button;
  GtkLabel  *choose_label;

  guint      tier;
  gboolean   recommended;
  gboolean   chosen;
};

enum {
  PROP_0,
  PROP_TIER,
  PROP_RECOMMENDED,
  PROP_CHOSEN,
  N_PROPS
};

enum {
  CHOOSE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RetainerTierCard, retainer_tier_card, GTK_TYPE_WIDGET)

static void
update_accessible (RetainerTierCard *self)
{
  const char *name = gtk_label_get_label (self->name_label);
  g_autofree char *button_label = NULL;
  const char *state = NULL;

  /* The button shows one word; a screen reader hears which tier it picks.
   * The button has no labelled-by relation to its text (its child is set
   * as a label, not with gtk_button_set_label ()), so this name is the one
   * read, and read once. */
  if (self->chosen)
    /* Translators: the accessible name of a chosen tier card's button; %s is a tier name. */
    button_label = g_strdup_printf (_("%s is chosen"), name);
  else
    /* Translators: the accessible name of a tier card's button, like
     * "Choose Growth"; %s is a tier name. */
    button_label = g_strdup_printf (_("Choose %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->choose_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label,
                                  -1);

  if (self->recommended && self->chosen)
    state = _("Recommended and chosen");
  else if (self->recommended)
    state = _("Recommended");
  else if (self->chosen)
    state = _("Chosen by hand");
  if (state != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, state,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
update_state (RetainerTierCard *self)
{
  gtk_widget_set_visible (self->badge_label, self->recommended);
  if (self->chosen)
    gtk_widget_add_css_class (self->box, "chosen");
  else
    gtk_widget_remove_css_class (self->box, "chosen");

  /* The chosen tier's button says so and does nothing more. */
  if (self->chosen)
    /* Translators: the button of the tier the proposal is priced with. */
    gtk_label_set_label (self->choose_label, _("Chosen"));
  else
    /* Translators: button on a tier card: price the proposal with this tier. */
    gtk_label_set_label (self->choose_label, _("Choose"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), !self->chosen);
  if (self->chosen)
    gtk_widget_add_css_class (GTK_WIDGET (self->choose_button), "flat");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->choose_button), "flat");
  update_accessible (self);
}

static void
choose_clicked_cb (RetainerTierCard *self)
{
  g_signal_emit (self, signals[CHOOSE], 0);
}

static void
retainer_tier_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RETAINER_TYPE_TIER_CARD);

  G_OBJECT_CLASS (retainer_tier_card_parent_class)->dispose (object);
}

static void
retainer_tier_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RetainerTierCard *self = RETAINER_TIER_CARD (object);

  switch (prop_id)
    {
    case PROP_TIER:
      g_value_set_uint (value, self->tier);
      break;
    case PROP_RECOMMENDED:
      g_value_set_boolean (value, self->recommended);
      break;
    case PROP_CHOSEN:
      g_value_set_boolean (value, self->chosen);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
retainer_tier_card_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RetainerTierCard *self = RETAINER_TIER_CARD (object);

  switch (prop_id)
    {
    case PROP_TIER:
      self->tier = g_value_get_uint (value);
      break;
    case PROP_RECOMMENDED:
      retainer_tier_card_set_recommended (self, g_value_get_boolean (value));
      break;
    case PROP_CHOSEN:
      retainer_tier_card_set_chosen (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
retainer_tier_card_class_init (RetainerTierCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = retainer_tier_card_dispose;
  object_class->get_property = retainer_tier_card_get_property;
  object_class->set_property = retainer_tier_card_set_property;

  properties[PROP_TIER] =
    g_param_spec_uint ("tier", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECOMMENDED] =
    g_param_spec_boolean ("recommended", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHOSEN] =
    g_param_spec_boolean ("chosen", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RetainerTierCard::choose:
   *
   * The founder asked to price the proposal with this tier.
   */
  signals[CHOOSE] = g_signal_new ("choose", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ADW_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/retainer/Retainer/retainer-tier-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RetainerTierCard, box);
  gtk_widget_class_bind_template_child (widget_class, RetainerTierCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, RetainerTierCard, badge_label);
  gtk_widget_class_bind_template_child (widget_class, RetainerTierCard, price_label);
  gtk_widget_class_bind_template_child (widget_class, RetainerTierCard, saving_label);
  gtk_widget_class_bind_template_child (widget_class, RetainerTierCard, break_even_label);
  gtk_widget_class_bind_template_child (widget_class, RetainerTierCard, fit_label);
  gtk_widget_class_bind_template_child (widget_class, RetainerTierCard, choose_button);
  gtk_widget_class_bind_template_child (widget_class, RetainerTierCard, choose_label);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tiercard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
retainer_tier_card_init (RetainerTierCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->name_label, NULL,
                                  -1);
  update_state (self);
}

GtkWidget *
retainer_tier_card_new (guint tier)
{
  return g_object_new (RETAINER_TYPE_TIER_CARD, "tier", tier, NULL);
}

guint
retainer_tier_card_get_tier (RetainerTierCard *self)
{
  g_return_val_if_fail (RETAINER_IS_TIER_CARD (self), 0);

  return self->tier;
}

gboolean
retainer_tier_card_get_recommended (RetainerTierCard *self)
{
  g_return_val_if_fail (RETAINER_IS_TIER_CARD (self), FALSE);

  return self->recommended;
}

void
retainer_tier_card_set_recommended (RetainerTierCard *self,
                                    gboolean          recommended)
{
  g_return_if_fail (RETAINER_IS_TIER_CARD (self));

  recommended = !!recommended;
  if (self->recommended == recommended)
    return;

  self->recommended = recommended;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOMMENDED]);
}

gboolean
retainer_tier_card_get_chosen (RetainerTierCard *self)
{
  g_return_val_if_fail (RETAINER_IS_TIER_CARD (self), FALSE);

  return self->chosen;
}

void
retainer_tier_card_set_chosen (RetainerTierCard *self,
                               gboolean          chosen)
{
  g_return_if_fail (RETAINER_IS_TIER_CARD (self));

  chosen = !!chosen;
  if (self->chosen == chosen)
    return;

  self->chosen = chosen;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOSEN]);
}

void
retainer_tier_card_set_figures (RetainerTierCard *self,
                                const char       *name,
                                const char       *price,
                                const char       *saving,
                                const char       *break_even)
{
  g_return_if_fail (RETAINER_IS_TIER_CARD (self));

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->price_label, price);
  gtk_label_set_label (self->saving_label, saving);
  gtk_label_set_label (self->break_even_label, break_even);
  update_accessible (self);
}

void
retainer_tier_card_set_fit (RetainerTierCard *self,
                            const char       *fit)
{
  g_return_if_fail (RETAINER_IS_TIER_CARD (self));

  gtk_label_set_label (self->fit_label, fit);
}

const char *
retainer_tier_card_get_price_text (RetainerTierCard *self)
{
  g_return_val_if_fail (RETAINER_IS_TIER_CARD (self), NULL);

  return gtk_label_get_label (self->price_label);
}
