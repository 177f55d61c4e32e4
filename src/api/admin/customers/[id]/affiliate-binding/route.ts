import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AFFILIATE_SUMMARY_FIELDS, requireExists } from "../../../../utils/attribution-view"

/** At most this many of a customer's referred orders, newest first. */
export const MAX_REFERRED_ORDERS = 50

/**
 * The partner a customer is bound to for lifetime attribution (since when;
 * `until` is null: the program's lifetime binding has no end date) and the
 * customer's referred orders with the commission each earned per currency,
 * for the customer page's widget. An unknown customer is a 404.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.params.id
  await requireExists(req.scope, "customer", customerId)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)

  const [{ data: bindings }, { data: attributions }] = await Promise.all([
    query.graph({
      entity: "customer_binding",
      fields: ["id", "affiliate_id", "referred_at", "order_id", "created_at"],
      filters: { customer_id: customerId },
    }),
    query.graph({
      entity: "attribution",
      fields: ["id", "order_id", "source", "code", "rejection_reason", "order_total", "currency_code", "created_at", "affiliate_id"],
      filters: { customer_id: customerId, order_id: { $ne: null } },
      pagination: { order: { created_at: "DESC" }, take: MAX_REFERRED_ORDERS, skip: 0 },
    }),
  ])

  let binding: Record<string, unknown> | null = null
  if (bindings[0]) {
    const { data: affiliates } = await query.graph({
      entity: "affiliate",
      fields: AFFILIATE_SUMMARY_FIELDS.map((field) => field.replace("affiliate.", "")),
      filters: { id: bindings[0].affiliate_id },
    })
    binding = {
      affiliate: affiliates[0] ?? { id: bindings[0].affiliate_id, name: null, email: null, status: null },
      bound_at: bindings[0].referred_at,
      created_at: bindings[0].created_at,
      order_id: bindings[0].order_id,
      until: null,
    }
  }

  const orderIds = attributions.map((a) => a.order_id as string)
  const totals = new Map<string, Record<string, number>>()
  const displayIds = new Map<string, number>()
  if (orderIds.length) {
    const [{ data: lines }, { data: orders }] = await Promise.all([
      query.graph({
        entity: "commission_line",
        fields: ["order_id", "amount", "currency_code"],
        filters: { order_id: orderIds },
      }),
      query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } }),
    ])
    for (const order of orders) {
      displayIds.set(order.id, Number(order.display_id))
    }
    for (const line of lines) {
      const byCurrency = totals.get(line.order_id as string) ?? {}
      byCurrency[line.currency_code] = round((byCurrency[line.currency_code] ?? 0) + Number(line.amount))
      totals.set(line.order_id as string, byCurrency)
    }
  }

  res.json({
    binding,
    orders: attributions.map((a) => ({
      order_id: a.order_id,
      display_id: displayIds.get(a.order_id as string) ?? null,
      source: a.source,
      code: a.code,
      affiliate_id: a.affiliate_id,
      rejection_reason: a.rejection_reason,
      order_total: a.order_total,
      currency_code: a.currency_code,
      created_at: a.created_at,
      commission_totals: Object.entries(totals.get(a.order_id as string) ?? {}).map(([currency_code, amount]) => ({
        currency_code,
        amount,
      })),
    })),
  })
}

/** Sums of decimal amounts, rid of float dust (0.1 + 0.2). */
function round(value: number) {
  return Math.round(value * 1e6) / 1e6
}
