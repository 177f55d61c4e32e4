/** Query keys for TanStack Query, so mutations invalidate exactly what they change. */
export const affiliateKeys = {
  all: ["affiliates"] as const,
  list: (query: Record<string, unknown>) => ["affiliates", "list", query] as const,
  detail: (id: string) => ["affiliates", "detail", id] as const,
  balances: (id?: string) => ["affiliates", "balances", id ?? "all"] as const,
  lines: (affiliateId: string) => ["affiliates", "lines", affiliateId] as const,
  payouts: (affiliateId: string) => ["affiliates", "payouts", affiliateId] as const,
}

export const reportKeys = {
  summary: (affiliateId?: string) => ["affiliate-reports", "summary", affiliateId ?? "program"] as const,
}

/** What the widgets on Medusa's order and customer pages read. */
export const widgetKeys = {
  orderAttribution: (orderId: string) => ["affiliate-widgets", "order", orderId] as const,
  customerBinding: (customerId: string) => ["affiliate-widgets", "customer", customerId] as const,
}
