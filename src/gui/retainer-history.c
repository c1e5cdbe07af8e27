/* retainer-history.c: undo and redo of a proposal, as whole snapshots
 *
 * Each step is the whole proposal as it was before an edit, so undoing
 * restores everything at once: inputs, tier choice, setup fee, rate card,
 * language. A proposal is small; a hundred copies cost less than keeping
 * per-field inverse operations right.
 *
 * Nothing here knows GTK: the window passes a key for what was edited (a
 * widget) and the time, so the module is tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "retainer-history.h"

struct _RetainerHistory
{
  GPtrArray        *undo;        /* RetainerProposal, oldest first */
  GPtrArray        *redo;        /* RetainerProposal, next redo last */
  RetainerProposal *present;     /* the state the last record, undo or redo left */
  guint             limit;

  /* The step on top of `undo` keeps growing while edits share its key. */
  gconstpointer     open_key;    /* NULL: the next edit starts a new step */
  gint64            last_edit_usec;
};

/**
 * retainer_history_new:
 * @present: the proposal as it is now (copied)
 * @limit: how many steps to keep; older ones are forgotten
 *
 * Returns: (transfer full): an empty history
 */
RetainerHistory *
retainer_history_new (const RetainerProposal *present,
                      guint                   limit)
{
  RetainerHistory *self;

  g_return_val_if_fail (present != NULL, NULL);
  g_return_val_if_fail (limit > 0, NULL);

  self = g_new0 (RetainerHistory, 1);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) retainer_proposal_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) retainer_proposal_free);
  self->present = retainer_proposal_copy (present);
  self->limit = limit;
  return self;
}

void
retainer_history_free (RetainerHistory *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  retainer_proposal_free (self->present);
  g_free (self);
}

/**
 * retainer_history_reset:
 * @self: a history
 * @present: the proposal now shown (copied)
 *
 * Forgets every step: for a document opened, created or restored.
 */
void
retainer_history_reset (RetainerHistory        *self,
                        const RetainerProposal *present)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (present != NULL);

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  retainer_proposal_free (self->present);
  self->present = retainer_proposal_copy (present);
  self->open_key = NULL;
}

/**
 * retainer_history_record:
 * @self: a history
 * @present: the proposal after an edit (copied)
 * @key: (nullable): what was edited; an edit with the same non-NULL key as
 *   the one before, within %RETAINER_HISTORY_COALESCE_USEC of it and with
 *   no seal in between, joins that step
 * @time_usec: when, in monotonic microseconds
 *
 * A new edit drops what could be redone.
 *
 * Returns: whether @present differs from the state before; an edit that
 *   changes nothing makes no step
 */
gboolean
retainer_history_record (RetainerHistory        *self,
                         const RetainerProposal *present,
                         gconstpointer           key,
                         gint64                  time_usec)
{
  gboolean joins;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (present != NULL, FALSE);

  if (retainer_proposal_equal (present, self->present))
    return FALSE;

  joins = key != NULL && key == self->open_key && self->undo->len > 0
          && time_usec - self->last_edit_usec <= RETAINER_HISTORY_COALESCE_USEC;
  if (!joins)
    {
      g_ptr_array_add (self->undo, g_steal_pointer (&self->present));
      if (self->undo->len > self->limit)
        g_ptr_array_remove_index (self->undo, 0);
    }

  g_clear_pointer (&self->present, retainer_proposal_free);
  self->present = retainer_proposal_copy (present);
  g_ptr_array_set_size (self->redo, 0);
  self->open_key = key;
  self->last_edit_usec = time_usec;
  return TRUE;
}

/**
 * retainer_history_amend:
 * @self: a history
 * @present: the proposal now (copied)
 *
 * Takes @present as the current state without making a step, for a change
 * that is not the founder's edit (the number an export gives).
 */
void
retainer_history_amend (RetainerHistory        *self,
                        const RetainerProposal *present)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (present != NULL);

  retainer_proposal_free (self->present);
  self->present = retainer_proposal_copy (present);
}

/**
 * retainer_history_seal:
 * @self: a history
 *
 * Ends the step being typed: the next edit starts a new one, whatever its key.
 */
void
retainer_history_seal (RetainerHistory *self)
{
  g_return_if_fail (self != NULL);

  self->open_key = NULL;
}

/* Moves the present onto `to` and the last of `from` into the present. */
static const RetainerProposal *
step (RetainerHistory *self,
      GPtrArray       *from,
      GPtrArray       *to)
{
  if (from->len == 0)
    return NULL;

  g_ptr_array_add (to, g_steal_pointer (&self->present));
  self->present = g_ptr_array_steal_index (from, from->len - 1);
  self->open_key = NULL;
  return self->present;
}

/**
 * retainer_history_undo:
 * @self: a history
 *
 * Returns: (transfer none) (nullable): the state before the last step, now
 *   the present; %NULL when there is nothing to undo
 */
const RetainerProposal *
retainer_history_undo (RetainerHistory *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return step (self, self->undo, self->redo);
}

/**
 * retainer_history_redo:
 * @self: a history
 *
 * Returns: (transfer none) (nullable): the state the last undo left, now
 *   the present; %NULL when there is nothing to redo
 */
const RetainerProposal *
retainer_history_redo (RetainerHistory *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return step (self, self->redo, self->undo);
}

gboolean
retainer_history_can_undo (RetainerHistory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->undo->len > 0;
}

gboolean
retainer_history_can_redo (RetainerHistory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->redo->len > 0;
}

guint
retainer_history_get_n_undo (RetainerHistory *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->undo->len;
}

guint
retainer_history_get_n_redo (RetainerHistory *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->redo->len;
}
