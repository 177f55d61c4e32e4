/**
 * An admin's changes to creatives (G8), each written with its audit entry in
 * the caller's transaction (see `program/rule-changes.ts`), and the read the
 * partner portal lists them with.
 */
import type { ModuleTx } from "../module-tx"
import {
  AuditAction,
  type AuditActor,
  type AuditedUpdate,
  type CreativeDTO,
  type PortalCreativeFilters,
  type RecordSnapshot,
} from "../../../types"
import { writeAuditEntries } from "../audit/audit-log"
import { lockRows, type Row, updatedFields, updateEntries } from "../audit/audited-records"
import { setFields } from "../audit/changed-fields"
import { PRODUCTS_NOT_OFFERED_SQL } from "../portal/partner-reads"

type KnexLike = any

function entryFor(actor: AuditActor, action: AuditAction, creative: Row, reason?: string | null) {
  return { ...actor, action, target_type: "creative" as const, target_id: creative.id, reason }
}

const lockCreatives = (knex: KnexLike, ids: string[], deleted: boolean) =>
  lockRows(knex, "affiliate_creative", "Creative", ids, { deleted })

/** Creates creatives, one `creative.created` entry each with the fields set. */
export async function createCreativesAudited(
  { service, knex, context: sharedContext }: ModuleTx,
  data: Record<string, unknown>[],
  actor: AuditActor
) {
  const created: Row[] = await service.createAffiliateCreatives(data as any[], sharedContext)
  await writeAuditEntries(
    knex,
    created.map((creative) => ({ ...entryFor(actor, AuditAction.CREATIVE_CREATED, creative), before: null, after: setFields(creative) }))
  )
  return created
}

/**
 * Changes creatives; each one that really changed gets a `creative.updated`
 * entry. `previous` puts the changed fields back (call this again with it to undo).
 */
export async function updateCreativesAudited(
  { service, knex, context: sharedContext }: ModuleTx,
  data: RecordSnapshot[],
  actor: AuditActor,
  reason: string | null
): Promise<AuditedUpdate<Row>> {
  const fields = updatedFields(data)
  await lockCreatives(knex, data.map((row) => row.id), false)
  const before: Row[] = await service.listAffiliateCreatives({ id: data.map((row) => row.id) }, { select: ["id", ...fields] as any }, sharedContext)
  const updated: Row[] = await service.updateAffiliateCreatives(data as any[], sharedContext)
  const { entries, previous } = updateEntries(before, updated, fields, (creative) =>
    entryFor(actor, AuditAction.CREATIVE_UPDATED, creative, reason)
  )
  await writeAuditEntries(knex, entries)
  return { updated, previous }
}

/** Soft-deletes creatives; each entry keeps the creative as it was. */
export async function deleteCreativesAudited(
  { service, knex, context: sharedContext }: ModuleTx,
  ids: string[],
  actor: AuditActor,
  reason: string | null
) {
  await lockCreatives(knex, ids, false)
  const before: Row[] = await service.listAffiliateCreatives({ id: ids }, {}, sharedContext)
  await service.softDeleteAffiliateCreatives(ids, {}, sharedContext)
  await writeAuditEntries(
    knex,
    before.map((creative) => ({ ...entryFor(actor, AuditAction.CREATIVE_DELETED, creative, reason), before: setFields(creative), after: null }))
  )
}

/** Brings back creatives a failed workflow deleted: the inverse of `deleteCreativesAudited`. */
export async function restoreCreativesAudited(
  { service, knex, context: sharedContext }: ModuleTx,
  ids: string[],
  actor: AuditActor,
  reason: string | null
) {
  await lockCreatives(knex, ids, true)
  await service.restoreAffiliateCreatives(ids, {}, sharedContext)
  const restored: Row[] = await service.listAffiliateCreatives({ id: ids }, {}, sharedContext)
  await writeAuditEntries(
    knex,
    restored.map((creative) => ({ ...entryFor(actor, AuditAction.CREATIVE_RESTORED, creative, reason), before: null, after: setFields(creative) }))
  )
}

/** Most creatives the portal lists at once. */
export const PORTAL_CREATIVES_LIMIT = 200

/**
 * The creatives a partner may use (for the portal, issue 12): active ones,
 * general or about a product partners are offered (not hidden from the
 * portal, not out of the program: the same rule as the link builder's
 * destinations), newest first.
 */
export async function listPortalCreatives(knex: KnexLike, filters: PortalCreativeFilters = {}): Promise<CreativeDTO[]> {
  const query = knex("affiliate_creative as c")
    .whereNull("c.deleted_at")
    .where("c.is_active", true)
    .whereRaw(`(c.product_id IS NULL OR c.product_id NOT IN (${PRODUCTS_NOT_OFFERED_SQL}))`)
    .orderBy([{ column: "c.created_at", order: "desc" }, { column: "c.id", order: "desc" }])
    .limit(PORTAL_CREATIVES_LIMIT)
    .select("c.*")
  if (filters.type) query.where("c.type", filters.type)
  if (filters.product_id !== undefined) {
    // A product's page shows its own creatives and the general ones.
    query.where((where: any) => where.whereNull("c.product_id").orWhere("c.product_id", filters.product_id))
  }
  const rows = await query
  return rows.map(({ deleted_at, ...row }: Row) => row as unknown as CreativeDTO)
}
