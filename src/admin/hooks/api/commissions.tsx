import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { affiliateKeys } from "../../lib/query-keys"
import type { LineAction } from "../../lib/line-actions"

/** One ledger line as the Commissions screen and the partner's ledger show it. */
export type LedgerLine = {
  id: string
  type: string
  status: string
  amount: number
  currency_code: string
  base_amount: number | null
  rate: number | null
  rule: string | null
  level: number
  source: string | null
  order_id: string | null
  attribution_id: string | null
  affiliate_id: string
  payout_id: string | null
  reverses_id: string | null
  reference: string | null
  paid_by_customer_at: string | null
  hold_until: string | null
  approved_at: string | null
  reason: string | null
  created_by: string | null
  status_reason: string | null
  status_changed_by: string | null
  status_changed_at: string | null
  created_at: string
  affiliate?: { id: string; name: string; email: string } | null
  payout?: {
    id: string
    status: string
    method: string
    external_reference: string | null
    paid_at: string | null
    created_at: string
  } | null
}

/**
 * The partner's name and the payout a line was settled in, in the same
 * request as the lines (the route allows exactly these; see its query-config).
 */
export const LEDGER_FIELDS = [
  "+affiliate.id",
  "+affiliate.name",
  "+affiliate.email",
  "+payout.id",
  "+payout.status",
  "+payout.method",
  "+payout.external_reference",
  "+payout.paid_at",
  "+payout.created_at",
].join(",")

/** The ledger's filters, as `GET /admin/affiliate-commissions` and its CSV export take them. */
export type LedgerFilters = {
  status?: string[]
  type?: string[]
  affiliate_id?: string
  order_id?: string
  currency_code?: string
  created_at?: { $gte?: string; $lt?: string }
}

export type LedgerQuery = LedgerFilters & { order?: string; limit: number; offset: number }

export const commissionKeys = {
  all: ["affiliate-commissions"] as const,
  list: (query: Record<string, unknown>) => ["affiliate-commissions", "list", query] as const,
  user: (id: string) => ["affiliate-commissions", "user", id] as const,
  partnerSearch: (q: string) => ["affiliate-commissions", "partner-search", q] as const,
}

export function useLedger(query: LedgerQuery) {
  return useQuery({
    queryKey: commissionKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<{ commission_lines: LedgerLine[]; count: number; offset: number; limit: number }>(
        "/admin/affiliate-commissions",
        { query: { ...query, fields: LEDGER_FIELDS } }
      ),
    placeholderData: keepPreviousData,
  })
}

/** One line by id (a details link), with the same fields as the list. */
export function useLedgerLine(id: string | null) {
  return useQuery({
    queryKey: commissionKeys.list({ id }),
    queryFn: () =>
      sdk.client.fetch<{ commission_lines: LedgerLine[] }>("/admin/affiliate-commissions", {
        query: { id, limit: 1, fields: LEDGER_FIELDS },
      }),
    enabled: !!id,
    select: (data) => data.commission_lines[0] ?? null,
  })
}

/** The CSV export of the filtered ledger: a plain link the admin session cookie authenticates. */
export function ledgerExportUrl(filters: LedgerFilters) {
  const params = new URLSearchParams()
  for (const status of filters.status ?? []) params.append("status", status)
  for (const type of filters.type ?? []) params.append("type", type)
  if (filters.affiliate_id) params.set("affiliate_id", filters.affiliate_id)
  if (filters.order_id) params.set("order_id", filters.order_id)
  if (filters.currency_code) params.set("currency_code", filters.currency_code)
  if (filters.created_at?.$gte) params.set("created_at[$gte]", filters.created_at.$gte)
  if (filters.created_at?.$lt) params.set("created_at[$lt]", filters.created_at.$lt)
  const base = (import.meta.env.VITE_BACKEND_URL || "").replace(/\/$/, "")
  const search = params.toString()
  return `${base}/admin/affiliate-commissions/export${search ? `?${search}` : ""}`
}

/** Approve, reject, hold or release lines (all or none), with an optional reason. */
export function useChangeLinesStatus() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ action, ids, reason, key }: { action: LineAction; ids: string[]; reason?: string; key: string }) =>
      sdk.client.fetch<{ commission_lines: LedgerLine[] }>(`/admin/affiliate-commissions/${action}`, {
        method: "POST",
        body: reason ? { ids, reason } : { ids },
        headers: { "Idempotency-Key": key },
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: commissionKeys.all })
      queryClient.invalidateQueries({ queryKey: affiliateKeys.all })
    },
  })
}

export type AdjustmentBody = {
  type: "adjustment" | "bonus"
  amount: number
  currency_code: string
  reason: string
}

/** A manual adjustment (signed) or bonus (positive) for one partner. */
export function useCreateAdjustment() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ affiliateId, body, key }: { affiliateId: string; body: AdjustmentBody; key: string }) =>
      sdk.client.fetch<{ commission_line: LedgerLine }>(`/admin/affiliates/${affiliateId}/adjustments`, {
        method: "POST",
        body,
        headers: { "Idempotency-Key": key },
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: commissionKeys.all })
      queryClient.invalidateQueries({ queryKey: affiliateKeys.all })
    },
  })
}

/** Partners whose name or email matches, for the partner pickers. */
export function usePartnerSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: commissionKeys.partnerSearch(q),
    queryFn: () =>
      sdk.client.fetch<{ affiliates: { id: string; name: string; email: string }[] }>("/admin/affiliates", {
        query: { q: q || undefined, limit: 10, order: "name" },
      }),
    enabled,
    placeholderData: keepPreviousData,
  })
}

/** The admin who changed or created a line (Medusa's own users route), for the details drawer. */
export function useAdminUser(id: string | null | undefined) {
  return useQuery({
    queryKey: commissionKeys.user(id ?? ""),
    queryFn: () =>
      sdk.client.fetch<{ user: { id: string; email: string; first_name: string | null; last_name: string | null } }>(
        `/admin/users/${id}`
      ),
    enabled: !!id && id.startsWith("user_"),
    retry: false,
    staleTime: 5 * 60_000,
  })
}

/** The currencies the store sells in (adjustments must be in one of them). */
export function useStoreCurrencies() {
  return useQuery({
    queryKey: ["affiliate-commissions", "store-currencies"],
    queryFn: () =>
      sdk.client.fetch<{ stores: { supported_currencies?: { currency_code: string; is_default?: boolean }[] }[] }>(
        "/admin/stores",
        { query: { fields: "supported_currencies.currency_code,supported_currencies.is_default" } }
      ),
    select: (data) =>
      (data.stores[0]?.supported_currencies ?? [])
        .slice()
        .sort((a, b) => Number(!!b.is_default) - Number(!!a.is_default))
        .map((currency) => currency.currency_code),
    staleTime: 5 * 60_000,
  })
}
