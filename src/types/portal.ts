/**
 * The partner portal's reads (issue 12, H2-H8): what the module's portal
 * methods return. Every read is of one partner's own rows; amounts are exact
 * decimal strings, turned into numbers only at the HTTP edge.
 */

/** One page of a partner's list. */
export type PortalPage = { limit: number; offset: number }

/** A ledger line as the partner sees it: no order id, no base or rule internals. */
export type PortalLineRow = {
  id: string
  type: string
  status: string
  /** Exact decimal, signed. */
  amount: string
  currency_code: string
  created_at: Date
  hold_until: Date | null
  approved_at: Date | null
  payout_id: string | null
  level: number
  reason: string | null
}

/** Filters of a partner's ledger: each optional; `created_to` is exclusive. */
export type PortalLineFilters = {
  status?: string[]
  type?: string[]
  currency_code?: string
  created_from?: Date
  created_to?: Date
  payout_id?: string
}

/**
 * One referred order of the partner's, before anonymizing: the order id is
 * here only so the route can look up its email and country, and is never sent.
 */
export type PortalCustomerRow = {
  /** The attribution's id. */
  id: string
  order_id: string
  ordered_at: Date | null
  order_total: string | null
  currency_code: string | null
  rejection_reason: string | null
  /** Net of the partner's lines for the order (sale minus reversals), exact. */
  commission: string
  line_count: number
  /** Statuses of the partner's sale line(s) for the order. */
  sale_statuses: string[]
  /** Whether any reversal or clawback was written against the order. */
  reversed: boolean
}

export type PortalPayoutRow = {
  id: string
  amount: string
  currency_code: string
  status: string
  method: string
  reference: string | null
  created_at: Date
  paid_at: Date | null
}

/** A partner's code with its aliases. */
export type PortalCodeRow = {
  id: string
  code: string
  is_active: boolean
  expires_at: Date | null
  aliases: { id: string; code: string; is_active: boolean }[]
}
