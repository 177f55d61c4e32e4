/**
 * An admin's (or a partner's own) changes to affiliates, each written with its
 * audit entry. The service calls these inside one transaction
 * (`@InjectTransactionManager`) and passes its context on, so the generated
 * CRUD and the entry share it: both commit or neither does.
 */
import type { ModuleTx } from "../module-tx"
import {
  AuditAction,
  type AffiliateStatusSnapshot,
  type AuditActor,
  type AuditedUpdate,
  type ChangeAffiliateStatusInput,
  type RecordSnapshot,
} from "../../../types"
import { writeAuditEntries } from "../audit/audit-log"
import { lockRows, type Row, updatedFields, updateEntries } from "../audit/audited-records"
import { changedFields, setFields } from "../audit/changed-fields"
import { AffiliateStatus } from "../types"
import { nextAffiliateStatus } from "../utils/status-transitions"
import { ensureUsableCode } from "./first-code"

type KnexLike = any

// Relations the generated create may return; an entry keeps the row's own fields.
const RELATIONS = ["codes", "attributions", "commission_lines", "payouts"]

function ownFields(row: Row) {
  return setFields(Object.fromEntries(Object.entries(row).filter(([key]) => !RELATIONS.includes(key))))
}

/** Emails are compared lowercased (the unique index is on the stored value). */
function normalizeEmail<T extends Record<string, unknown>>(row: T): T {
  return typeof row.email === "string" ? { ...row, email: row.email.trim().toLowerCase() } : row
}

function entryFor(actor: AuditActor, action: AuditAction, affiliateId: string, reason?: string | null) {
  return { ...actor, action, target_type: "affiliate" as const, target_id: affiliateId, affiliate_id: affiliateId, reason }
}

const lockAffiliates = (knex: KnexLike, ids: string[], columns?: string[]) =>
  lockRows(knex, "affiliate", "Affiliate", ids, { columns })

/** Creates affiliates (approved now when created active), one `affiliate.created` entry each. */
export async function createAffiliatesAudited(
  { service, knex, context: sharedContext }: ModuleTx,
  data: Record<string, unknown>[],
  actor: AuditActor
) {
  const now = new Date()
  const created = await service.createAffiliates(
    data.map((row) =>
      normalizeEmail({ ...row, approved_at: row.status === AffiliateStatus.ACTIVE ? now : null })
    ) as any[],
    sharedContext
  )
  await writeAuditEntries(
    knex,
    created.map((affiliate: Row) => ({
      ...entryFor(actor, AuditAction.AFFILIATE_CREATED, affiliate.id),
      before: null,
      after: ownFields(affiliate),
    }))
  )
  return created
}

/**
 * Deletes affiliates a failed workflow created: the inverse of
 * `createAffiliatesAudited`. The creation's entry stays; this one says it was taken back.
 */
export async function deleteAffiliatesAudited(
  { service, knex, context: sharedContext }: ModuleTx,
  ids: string[],
  actor: AuditActor,
  reason: string | null
) {
  const rows = await lockAffiliates(knex, ids, ["id", "name", "email", "status"])
  // Codes made for them on the way (an approval's generated code) go with them.
  await knex("affiliate_referral_code").whereIn("affiliate_id", ids).delete()
  await service.deleteAffiliates(ids, sharedContext)
  await writeAuditEntries(
    knex,
    rows.map((row) => ({ ...entryFor(actor, AuditAction.AFFILIATE_DELETED, row.id, reason), before: setFields(row), after: null }))
  )
}

/**
 * Changes affiliates' profiles. Each affiliate that really changed gets one
 * `affiliate.updated` entry with the changed fields before and after; the
 * result's `previous` puts them back (call this again with it to undo).
 */
export async function updateAffiliatesAudited(
  { service, knex, context: sharedContext }: ModuleTx,
  data: RecordSnapshot[],
  actor: AuditActor,
  reason: string | null
): Promise<AuditedUpdate<Row>> {
  const rows = data.map(normalizeEmail)
  const fields = updatedFields(rows)
  await lockAffiliates(knex, rows.map((row) => row.id))
  const before: Row[] = await service.listAffiliates({ id: rows.map((row) => row.id) }, { select: ["id", ...fields] as any }, sharedContext)
  const updated: Row[] = await service.updateAffiliates(rows as any[], sharedContext)
  const { entries, previous } = updateEntries(before, updated, fields, (row) =>
    entryFor(actor, AuditAction.AFFILIATE_UPDATED, row.id, reason)
  )
  await writeAuditEntries(knex, entries)
  return { updated, previous }
}

/**
 * Takes a status action (approve, reject, suspend, deactivate) under the
 * affiliate's row lock, so the transition is checked against the status it
 * replaces; a refused one writes nothing (400). One `affiliate.status_changed`
 * entry with the reason.
 */
export async function changeAffiliateStatus(
  { service, knex, context: sharedContext }: ModuleTx,
  input: ChangeAffiliateStatusInput,
  actor: AuditActor
): Promise<{ affiliate: Row; previous: AffiliateStatusSnapshot; generated_code_id: string | null }> {
  const [current] = await lockAffiliates(knex, [input.id], ["id", "name", "status", "approved_at"])
  const status = nextAffiliateStatus(current as any, input.action)
  const next = { status, ...(input.action === "approve" ? { approved_at: input.now ?? new Date() } : {}) }
  const { name, ...snapshot } = current as AffiliateStatusSnapshot & { name: string }
  const written = await writeStatus({ service, knex, context: sharedContext }, snapshot, next, actor, input.reason ?? null)
  // An approved partner can link and be typed at checkout at once: one with
  // no usable code (self-registered) gets one made from its name.
  const generated_code_id =
    input.action === "approve"
      ? await ensureUsableCode({ service, knex, context: sharedContext }, { id: current.id, name }, input.now)
      : null
  return { ...written, generated_code_id }
}

/** Puts a status (and `approved_at`) back as a snapshot had it: the inverse of `changeAffiliateStatus`. */
export async function restoreAffiliateStatus(
  { service, knex, context: sharedContext }: ModuleTx,
  snapshot: AffiliateStatusSnapshot,
  actor: AuditActor,
  reason: string | null
) {
  const [current] = await lockAffiliates(knex, [snapshot.id], ["id", "status", "approved_at"])
  const { id: _id, ...fields } = snapshot
  return await writeStatus({ service, knex, context: sharedContext }, current as AffiliateStatusSnapshot, fields, actor, reason)
}

async function writeStatus(
  { service, knex, context: sharedContext }: ModuleTx,
  current: AffiliateStatusSnapshot,
  next: Omit<AffiliateStatusSnapshot, "id" | "approved_at"> & { approved_at?: AffiliateStatusSnapshot["approved_at"] },
  actor: AuditActor,
  reason: string | null
) {
  const [affiliate] = await service.updateAffiliates([{ id: current.id, ...next }] as any[], sharedContext)
  const change = changedFields(current, { ...current, ...next }, ["status", "approved_at"])
  if (change) {
    await writeAuditEntries(knex, [
      { ...entryFor(actor, AuditAction.AFFILIATE_STATUS_CHANGED, current.id, reason), ...change },
    ])
  }
  const previous: AffiliateStatusSnapshot = { id: current.id, status: current.status, approved_at: current.approved_at }
  return { affiliate, previous }
}
