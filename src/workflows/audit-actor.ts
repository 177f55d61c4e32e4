import type { AuditActor } from "../types"

/**
 * Why a compensation's audit entry exists: the change it takes back was
 * committed (with its own entry), then a later step of the workflow failed.
 * Entries are never edited or deleted, so the undo is logged as a change of its own.
 */
export const UNDONE_REASON = "undone: a later step of the same workflow failed"

/** The actor a workflow run without one (a script, the seed) is logged as: the workflow itself. */
export function actorOr(actor: AuditActor | undefined | null, workflowId: string): AuditActor {
  return actor ?? { actor_type: "system", actor_id: workflowId }
}
