/**
 * A list route's filters applied to a knex query, for the exports: the same
 * rows the list route's Query call would find.
 */

import { MedusaError } from "@medusajs/framework/utils"

/** A list route's validated filters (`req.filterableFields`). */
export type ExportFilters = Record<string, unknown>

const OPERATORS: Record<string, string> = { $eq: "=", $gt: ">", $gte: ">=", $lt: "<", $lte: "<=" }
const COLUMN = /^[a-z_]+$/

/**
 * Applies a list route's filters to `alias`'s columns as Query applies them:
 * a list is IN, an operator map compares, anything else is equality. The keys
 * come from a strict validator; anything that isn't a plain column name is
 * refused here as well, so no key is ever spliced into SQL unchecked.
 */
export function applyListFilters(query: any, alias: string, filters: ExportFilters) {
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined) continue
    if (!COLUMN.test(key)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${key}: not a filter`)
    }
    const column = `${alias}.${key}`
    if (Array.isArray(value)) {
      query.whereIn(column, value)
    } else if (value && typeof value === "object" && !(value instanceof Date)) {
      for (const [op, operand] of Object.entries(value)) {
        const sql = OPERATORS[op]
        if (!sql) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${key}: ${op} is not a filter operator`)
        query.where(column, sql, operand)
      }
    } else {
      query.where(column, value as any)
    }
  }
  return query
}

