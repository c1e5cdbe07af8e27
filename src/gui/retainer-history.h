/* retainer-history.h: undo and redo of a proposal, as whole snapshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "retainer-proposal.h"

G_BEGIN_DECLS

/* Edits with the same key within this time make one step. */
#define RETAINER_HISTORY_COALESCE_USEC (G_USEC_PER_SEC)
#define RETAINER_HISTORY_DEFAULT_LIMIT 100

typedef struct _RetainerHistory RetainerHistory;

RetainerHistory        *retainer_history_new         (const RetainerProposal *present,
                                                      guint                   limit);
void                    retainer_history_free        (RetainerHistory        *self);
void                    retainer_history_reset       (RetainerHistory        *self,
                                                      const RetainerProposal *present);
gboolean                retainer_history_record      (RetainerHistory        *self,
                                                      const RetainerProposal *present,
                                                      gconstpointer           key,
                                                      gint64                  time_usec);
void                    retainer_history_amend       (RetainerHistory        *self,
                                                      const RetainerProposal *present);
void                    retainer_history_seal        (RetainerHistory        *self);
const RetainerProposal *retainer_history_undo        (RetainerHistory        *self);
const RetainerProposal *retainer_history_redo        (RetainerHistory        *self);
gboolean                retainer_history_can_undo    (RetainerHistory        *self);
gboolean                retainer_history_can_redo    (RetainerHistory        *self);
guint                   retainer_history_get_n_undo  (RetainerHistory        *self);
guint                   retainer_history_get_n_redo  (RetainerHistory        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetainerHistory, retainer_history_free)

G_END_DECLS
