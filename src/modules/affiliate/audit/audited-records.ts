/**
 * What every audited change of a table's rows needs: the rows locked before
 * they are read (so an entry's `before` is what the change really replaced),
 * and an entry per row that really changed with what undoes it.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { AuditEntryInput, RecordSnapshot } from "../../../types"
import { changedFields } from "./changed-fields"

type KnexLike = any

/** The module, its knex and its context, all in one open transaction: what an audited change runs in. */

export type Row = { id: string } & Record<string, any>

/**
 * Locks rows in id order (two admins changing the same rows queue instead of
 * deadlocking) and returns them; refuses an unknown id with a 404 naming `entity`.
 * `deleted` picks soft-deleted rows instead of live ones.
 */
export async function lockRows(
  knex: KnexLike,
  table: string,
  entity: string,
  ids: string[],
  { columns = ["id"], deleted = false }: { columns?: string[]; deleted?: boolean } = {}
): Promise<Row[]> {
  const unique = [...new Set(ids)].sort()
  const query = knex(table).whereIn("id", unique).orderBy("id").forUpdate().select(columns)
  const rows: Row[] = await (deleted ? query.whereNotNull("deleted_at") : query.whereNull("deleted_at"))
  const missing = unique.filter((id) => !rows.some((row) => row.id === id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${entity} with id: ${missing.join(", ")} was not found`)
  }
  return rows
}

/** The fields an update names (every key but `id`). */
export function updatedFields(data: RecordSnapshot[]): string[] {
  return [...new Set(data.flatMap((row) => Object.keys(row)))].filter((key) => key !== "id")
}

/**
 * For each updated row that really changed: its entry (from `entryFor`, with
 * the changed fields before and after) and the snapshot that puts them back.
 */
export function updateEntries(
  before: Row[],
  updated: Row[],
  fields: string[],
  entryFor: (row: Row) => Omit<AuditEntryInput, "before" | "after">
): { entries: AuditEntryInput[]; previous: RecordSnapshot[] } {
  const entries: AuditEntryInput[] = []
  const previous: RecordSnapshot[] = []
  for (const row of updated) {
    const was = before.find((candidate) => candidate.id === row.id)
    const change = changedFields(was, row, fields)
    if (!was || !change) continue
    entries.push({ ...entryFor(row), ...change })
    previous.push({ id: row.id, ...Object.fromEntries(Object.keys(change.before).map((key) => [key, was[key] ?? null])) })
  }
  return { entries, previous }
}
