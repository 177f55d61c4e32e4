/**
 * An admin's changes to commission rules, each written with its audit entry
 * in the caller's transaction (see `partners/partner-changes.ts`).
 */
import type { ModuleTx } from "../module-tx"
import {
  AuditAction,
  type AuditActor,
  type AuditedUpdate,
  type RecordSnapshot,
} from "../../../types"
import { writeAuditEntries } from "../audit/audit-log"
import { lockRows, type Row, updatedFields, updateEntries } from "../audit/audited-records"
import { setFields } from "../audit/changed-fields"

type KnexLike = any

function entryFor(actor: AuditActor, action: AuditAction, rule: Row, reason?: string | null) {
  return {
    ...actor,
    action,
    target_type: "commission_rule" as const,
    target_id: rule.id,
    // A partner's own rules belong to their trail too.
    affiliate_id: rule.affiliate_id ?? null,
    reason,
  }
}

const lockRules = (knex: KnexLike, ids: string[], deleted: boolean) =>
  lockRows(knex, "affiliate_commission_rule", "CommissionRule", ids, { deleted })

/** Creates rules, one `rule.created` entry each with the fields set. */
export async function createCommissionRulesAudited(
  { service, knex, context: sharedContext }: ModuleTx,
  data: Record<string, unknown>[],
  actor: AuditActor
) {
  const created: Row[] = await service.createCommissionRules(data as any[], sharedContext)
  await writeAuditEntries(
    knex,
    created.map((rule) => ({ ...entryFor(actor, AuditAction.RULE_CREATED, rule), before: null, after: setFields(rule) }))
  )
  return created
}

/**
 * Changes rules; each one that really changed gets a `rule.updated` entry.
 * `previous` puts the changed fields back (call this again with it to undo).
 */
export async function updateCommissionRulesAudited(
  { service, knex, context: sharedContext }: ModuleTx,
  data: RecordSnapshot[],
  actor: AuditActor,
  reason: string | null
): Promise<AuditedUpdate<Row>> {
  const fields = updatedFields(data)
  await lockRules(knex, data.map((row) => row.id), false)
  const before: Row[] = await service.listCommissionRules({ id: data.map((row) => row.id) }, { select: ["id", ...fields] as any }, sharedContext)
  const updated: Row[] = await service.updateCommissionRules(data as any[], sharedContext)
  const { entries, previous } = updateEntries(before, updated, fields, (rule) =>
    entryFor(actor, AuditAction.RULE_UPDATED, rule, reason)
  )
  await writeAuditEntries(knex, entries)
  return { updated, previous }
}

/**
 * Soft-deletes rules (ledger lines keep pointing at them); each entry keeps
 * the rule as it was, so the log says what was deleted.
 */
export async function deleteCommissionRulesAudited(
  { service, knex, context: sharedContext }: ModuleTx,
  ids: string[],
  actor: AuditActor,
  reason: string | null
) {
  await lockRules(knex, ids, false)
  const before: Row[] = await service.listCommissionRules({ id: ids }, {}, sharedContext)
  await service.softDeleteCommissionRules(ids, {}, sharedContext)
  await writeAuditEntries(
    knex,
    before.map((rule) => ({ ...entryFor(actor, AuditAction.RULE_DELETED, rule, reason), before: setFields(rule), after: null }))
  )
}

/** Brings back rules a failed workflow deleted: the inverse of `deleteCommissionRulesAudited`. */
export async function restoreCommissionRulesAudited(
  { service, knex, context: sharedContext }: ModuleTx,
  ids: string[],
  actor: AuditActor,
  reason: string | null
) {
  await lockRules(knex, ids, true)
  await service.restoreCommissionRules(ids, {}, sharedContext)
  const restored: Row[] = await service.listCommissionRules({ id: ids }, {}, sharedContext)
  await writeAuditEntries(
    knex,
    restored.map((rule) => ({ ...entryFor(actor, AuditAction.RULE_RESTORED, rule, reason), before: null, after: setFields(rule) }))
  )
}
