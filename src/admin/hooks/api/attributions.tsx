import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { widgetKeys } from "../../lib/query-keys"
import type { Affiliate } from "./affiliates"

export type AffiliateSummary = Pick<Affiliate, "id" | "name" | "email" | "status">

export type OrderAttribution = {
  id: string
  source: "code" | "link" | "lifetime"
  code: string | null
  link_id: string | null
  click_id: string | null
  sub_id: string | null
  rejection_reason: string | null
  referred_at: string
  created_at: string
  order_total: number | null
  currency_code: string | null
  affiliate: AffiliateSummary
}

export type OrderCommissionLine = {
  id: string
  type: string
  status: string
  level: number
  amount: number
  currency_code: string
  affiliate_id: string
  rule: string | null
  rate: number | null
  base_amount: number | null
  status_reason: string | null
  hold_until: string | null
  created_at: string
}

export type CustomerBinding = {
  affiliate: AffiliateSummary
  bound_at: string
  created_at: string
  until: string | null
}

export type ReferredOrder = {
  order_id: string
  display_id: number | null
  source: OrderAttribution["source"]
  code: string | null
  affiliate_id: string
  rejection_reason: string | null
  created_at: string
  commission_totals: { currency_code: string; amount: number }[]
}

/** Who referred an order and its ledger lines (`attribution` is null when nobody did). */
export function useOrderAttribution(orderId: string) {
  return useQuery({
    queryKey: widgetKeys.orderAttribution(orderId),
    queryFn: () =>
      sdk.client.fetch<{ attribution: OrderAttribution | null; commission_lines: OrderCommissionLine[] }>(
        `/admin/orders/${orderId}/affiliate-attribution`
      ),
    enabled: !!orderId,
  })
}

/** The partner a customer is bound to (null when none) and their referred orders. */
export function useCustomerBinding(customerId: string) {
  return useQuery({
    queryKey: widgetKeys.customerBinding(customerId),
    queryFn: () =>
      sdk.client.fetch<{ binding: CustomerBinding | null; orders: ReferredOrder[] }>(
        `/admin/customers/${customerId}/affiliate-binding`
      ),
    enabled: !!customerId,
  })
}
