/* retainer-tier-card.h: one tier of the card, for this prospect
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RETAINER_TYPE_TIER_CARD (retainer_tier_card_get_type ())

G_DECLARE_FINAL_TYPE (RetainerTierCard, retainer_tier_card, RETAINER, TIER_CARD, GtkWidget)

GtkWidget *retainer_tier_card_new             (guint             tier);
guint      retainer_tier_card_get_tier        (RetainerTierCard *self);
gboolean   retainer_tier_card_get_recommended (RetainerTierCard *self);
void       retainer_tier_card_set_recommended (RetainerTierCard *self,
                                               gboolean          recommended);
gboolean   retainer_tier_card_get_chosen      (RetainerTierCard *self);
void       retainer_tier_card_set_chosen      (RetainerTierCard *self,
                                               gboolean          chosen);
/* Ready-made texts, formatted by the window with the core. */
void       retainer_tier_card_set_figures     (RetainerTierCard *self,
                                               const char       *name,
                                               const char       *price,
                                               const char       *saving,
                                               const char       *break_even);
/* One line on why the tier is or is not the one for the prospect. */
void        retainer_tier_card_set_fit        (RetainerTierCard *self,
                                               const char       *fit);
const char *retainer_tier_card_get_price_text (RetainerTierCard *self);

G_END_DECLS
