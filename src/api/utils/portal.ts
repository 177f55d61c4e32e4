import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import type { AffiliateOptions } from "../../modules/affiliate/options"
import { normalizeDecimal } from "../../modules/affiliate/utils/money"
import type { PortalLineRow, PortalPayoutRow } from "../../types/portal"
import { z } from "@medusajs/framework/zod"
import { MAX_LIST, queryInt, says } from "./validators"

/**
 * What the partner portal's read routes (`/affiliate/*`, issue 12) share:
 * paging, the partner of the request, and the shapes of a line and a payout.
 */

/** Largest page a portal list serves. */
export const PORTAL_MAX_LIMIT = 100

/** `limit` (1-100, default 20) and `offset` of a portal list. */
export const PortalPaging = {
  limit: queryInt(1, PORTAL_MAX_LIMIT).optional().default(20),
  offset: queryInt(0, 1_000_000).optional().default(0),
}

/** A filter on one of `values`: `status=paid` or `status[]=paid&status[]=approved`. */
export function oneOrMany(values: [string, ...string[]]) {
  const one = z.enum(values, says(`one of ${values.join(", ")}`))
  return z.union([one, z.array(one).max(MAX_LIST, says(`at most ${MAX_LIST} values`))], says(`one of ${values.join(", ")}`))
}

/** A validated one-or-many filter as a list. */
export const listOf = (value: string | string[] | undefined) => (value === undefined ? undefined : [value].flat())

/**
 * The signed-in partner: always from the session, never from the request,
 * so every read below is scoped by it whatever the query says.
 */
export function partnerOf(req: AuthenticatedMedusaRequest): string {
  return req.auth_context.actor_id
}

/** An exact decimal from the database as a JSON number in major units. */
export function money(value: string | null): number | null {
  return value == null ? null : Number(normalizeDecimal(value))
}

/** A ledger line as the portal shows it (`GET /affiliate/commissions`, a payout's lines, the dashboard). */
export function lineResponse(row: PortalLineRow) {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    amount: money(row.amount),
    currency_code: row.currency_code,
    created_at: row.created_at,
    hold_until: row.hold_until,
    approved_at: row.approved_at,
    payout_id: row.payout_id,
    level: row.level,
    reason: row.reason,
  }
}

export function payoutResponse(row: PortalPayoutRow) {
  return {
    id: row.id,
    amount: money(row.amount),
    currency_code: row.currency_code,
    status: row.status,
    method: row.method,
    reference: row.reference,
    created_at: row.created_at,
    paid_at: row.paid_at,
  }
}

/**
 * The Medusa server's public address, where `/r/CODE` is served: the portal
 * is served by the plugin from the same server, so it is the portal's address
 * without the portal's path.
 */
export function backendUrl(options: AffiliateOptions): string {
  const { url, path } = options.portal
  return url.endsWith(path) ? url.slice(0, -path.length) : new URL(url).origin
}
