/**
 * What an audit entry keeps of a change: only the fields that differ, as they
 * were and as they are. Pure, so the rule is unit-tested apart from the database.
 */

type Snapshot = Record<string, unknown>
export type FieldChange = { before: Snapshot; after: Snapshot }

// Bookkeeping columns say nothing an entry's own time and target don't; the
// `raw_` twin of a bigNumber repeats its value.
const IGNORED = new Set(["id", "created_at", "updated_at", "deleted_at"])

// Bank accounts and wallet addresses don't belong in a log every admin can
// read: an entry says that they changed, not what they were.
const REDACTED = new Set(["payout_details"])
export const REDACTED_VALUE = "[redacted]"

function isPlainObject(value: unknown): value is Snapshot {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

/** A value as JSON would store it (dates as ISO strings, undefined as null). */
function normalize(value: unknown): unknown {
  if (value === undefined) return null
  if (value instanceof Date) return value.toISOString()
  return JSON.parse(JSON.stringify(value))
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b))
}

/**
 * The fields of `before` and `after` that differ (`keys`, or every key of
 * either), or null when none does. Nested plain objects (a settings group)
 * are compared field by field, so only the changed ones appear; a missing
 * field counts as null.
 */
export function changedFields(
  before: Snapshot | null | undefined,
  after: Snapshot | null | undefined,
  keys?: string[]
): FieldChange | null {
  return diff(before ?? {}, after ?? {}, keys, true)
}

function diff(was: Snapshot, is: Snapshot, keys: string[] | undefined, top: boolean): FieldChange | null {
  const names = keys ?? [...new Set([...Object.keys(was), ...Object.keys(is)])]
  const change: FieldChange = { before: {}, after: {} }
  for (const key of names) {
    if ((top && (IGNORED.has(key) || key.startsWith("raw_"))) || same(was[key], is[key])) continue
    if (top && REDACTED.has(key)) {
      change.before[key] = was[key] == null ? null : REDACTED_VALUE
      change.after[key] = is[key] == null ? null : REDACTED_VALUE
    } else if (isPlainObject(was[key]) && isPlainObject(is[key])) {
      const nested = diff(was[key] as Snapshot, is[key] as Snapshot, undefined, false)
      change.before[key] = nested?.before ?? {}
      change.after[key] = nested?.after ?? {}
    } else {
      change.before[key] = normalize(was[key])
      change.after[key] = normalize(is[key])
    }
  }
  return Object.keys(change.after).length ? change : null
}

/** A record's fields that carry a value, for the `after` of a creation or the `before` of a deletion. */
export function setFields(record: Snapshot): Snapshot {
  return changedFields({}, record)?.after ?? {}
}
