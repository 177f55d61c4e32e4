import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { isNotFound } from "../../lib/errors"
import { affiliateKeys } from "../../lib/query-keys"

/** Query keys of the Payouts screen and the partner page's payout sections. */
export const payoutKeys = {
  all: ["affiliate-payouts"] as const,
  dueBalances: (currency?: string) => ["affiliate-payouts", "due", currency ?? "all"] as const,
  affiliateBalances: (affiliateId: string) => ["affiliate-payouts", "balances", affiliateId] as const,
  list: (query: Record<string, unknown>) => ["affiliate-payouts", "list", query] as const,
  detail: (id: string) => ["affiliate-payouts", "detail", id] as const,
  batches: (query: Record<string, unknown>) => ["affiliate-payouts", "batches", query] as const,
  batch: (id: string) => ["affiliate-payouts", "batch", id] as const,
  providers: () => ["affiliate-payouts", "providers"] as const,
  names: (ids: string[]) => ["affiliate-payouts", "names", ids] as const,
}

export type PayoutStatus = "pending" | "processing" | "paid" | "failed" | "canceled"
export const PAYOUT_STATUSES: PayoutStatus[] = ["pending", "processing", "paid", "failed", "canceled"]

export type PayoutBalance = {
  affiliate_id: string
  currency_code: string
  available: number
  pending: number
  in_flight: number
  paid: number
  minimum_payout: number
  payable: boolean
}

export type PayoutLine = {
  id: string
  type: string
  status: string
  amount: number
  currency_code: string
  order_id: string | null
  reason: string | null
  created_at: string
}

export type PayoutRecord = {
  id: string
  affiliate_id: string
  amount: number
  currency_code: string
  status: PayoutStatus
  method: string
  provider_id: string | null
  external_reference: string | null
  note: string | null
  failure_reason: string | null
  created_by: string | null
  status_reason: string | null
  status_changed_by: string | null
  status_changed_at: string | null
  processing_at: string | null
  paid_at: string | null
  failed_at: string | null
  canceled_at: string | null
  retry_of_id: string | null
  batch_id: string | null
  created_at: string
  lines?: PayoutLine[]
}

export type PayoutBatchFailure = { affiliate_id: string; payout_id?: string; message: string }

export type PayoutBatch = {
  id: string
  currency_code: string
  provider_id: string | null
  note: string | null
  affiliate_ids: string[] | null
  failures: PayoutBatchFailure[]
  schedule_period: string | null
  created_by: string | null
  created_at: string
  payouts?: PayoutRecord[]
}

export type PayoutProviderOption = { id: string; is_default: boolean }

/** What the payout list filters on; every key lives in the URL. */
export type PayoutListQuery = {
  status?: string
  affiliate_id?: string
  currency_code?: string
  batch_id?: string
  created_at?: { $gte?: string; $lte?: string }
  limit: number
  offset: number
}

/** Balances at or over the payout minimum, per partner and currency. */
export function useDueBalances(currency?: string) {
  return useQuery({
    queryKey: payoutKeys.dueBalances(currency),
    queryFn: () =>
      sdk.client.fetch<{ balances: PayoutBalance[]; count: number }>("/admin/affiliate-balances", {
        query: { payable: true, ...(currency ? { currency_code: currency } : {}) },
      }),
  })
}

/** One partner's balances, every currency. */
export function useAffiliatePayoutBalances(affiliateId: string) {
  return useQuery({
    queryKey: payoutKeys.affiliateBalances(affiliateId),
    queryFn: () => sdk.client.fetch<{ balances: PayoutBalance[] }>(`/admin/affiliates/${affiliateId}/balances`),
  })
}

/** Names of the partners in a list (the payout routes return ids only). */
export function useAffiliateNames(ids: string[]) {
  // The API takes at most 100 ids; past that, the rest show their ids.
  const unique = [...new Set(ids)].sort().slice(0, 100)
  const { data } = useQuery({
    queryKey: payoutKeys.names(unique),
    enabled: unique.length > 0,
    staleTime: 60_000,
    queryFn: () =>
      sdk.client.fetch<{ affiliates: { id: string; name: string; email: string }[] }>("/admin/affiliates", {
        query: { id: unique, limit: unique.length },
      }),
  })
  return new Map((data?.affiliates ?? []).map((affiliate) => [affiliate.id, affiliate]))
}

/** The partners a payout history can be filtered to (the first 100 by name). */
export function usePartnerOptions() {
  return useQuery({
    queryKey: [...payoutKeys.all, "partner-options"],
    staleTime: 60_000,
    queryFn: () =>
      sdk.client.fetch<{ affiliates: { id: string; name: string }[] }>("/admin/affiliates", {
        query: { limit: 100, order: "name" },
      }),
  })
}

export function usePayoutProviders() {
  return useQuery({
    queryKey: payoutKeys.providers(),
    staleTime: 5 * 60_000,
    queryFn: () =>
      sdk.client.fetch<{ payout_providers: PayoutProviderOption[] }>("/admin/affiliate-payout-providers"),
  })
}

export function usePayoutList(query: PayoutListQuery) {
  return useQuery({
    queryKey: payoutKeys.list(query),
    placeholderData: keepPreviousData,
    queryFn: () =>
      sdk.client.fetch<{ payouts: PayoutRecord[]; count: number }>("/admin/affiliate-payouts", {
        query: { ...query, order: "-created_at" },
      }),
  })
}

/** One payout with the ledger lines it settled. */
export function usePayout(id: string | null) {
  return useQuery({
    queryKey: payoutKeys.detail(id ?? ""),
    enabled: !!id,
    retry: (failures, error) => !isNotFound(error) && failures < 2,
    queryFn: () => sdk.client.fetch<{ payout: PayoutRecord }>(`/admin/affiliate-payouts/${id}`),
  })
}

export function usePayoutBatches(query: { limit: number; offset: number }) {
  return useQuery({
    queryKey: payoutKeys.batches(query),
    placeholderData: keepPreviousData,
    queryFn: () =>
      sdk.client.fetch<{ payout_batches: PayoutBatch[]; count: number }>("/admin/affiliate-payout-batches", {
        query: { ...query, order: "-created_at" },
      }),
  })
}

export function usePayoutBatch(id: string | null) {
  return useQuery({
    queryKey: payoutKeys.batch(id ?? ""),
    enabled: !!id,
    retry: (failures, error) => !isNotFound(error) && failures < 2,
    queryFn: () => sdk.client.fetch<{ payout_batch: PayoutBatch }>(`/admin/affiliate-payout-batches/${id}`),
  })
}

/** After any payout change: every payout view and the partner pages' balances. */
function useInvalidatePayouts() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: payoutKeys.all }),
      queryClient.invalidateQueries({ queryKey: affiliateKeys.all }),
    ])
}

export type PayBody = {
  currency_code: string
  amount: number
  provider_id: string
  external_reference?: string
  note?: string
}

/** Pays a partner; the key makes a repeated submit the same payout. */
export function usePayAffiliate() {
  const invalidate = useInvalidatePayouts()
  return useMutation({
    mutationFn: ({ affiliateId, body, idempotencyKey }: { affiliateId: string; body: PayBody; idempotencyKey: string }) =>
      sdk.client.fetch<{ payout: PayoutRecord }>(`/admin/affiliates/${affiliateId}/payouts`, {
        method: "POST",
        body,
        headers: { "Idempotency-Key": idempotencyKey },
      }),
    onSuccess: invalidate,
  })
}

export type PayoutAction = "mark-paid" | "fail" | "cancel" | "retry"

export function usePayoutAction() {
  const invalidate = useInvalidatePayouts()
  return useMutation({
    mutationFn: ({
      id,
      action,
      body,
      idempotencyKey,
    }: {
      id: string
      action: PayoutAction
      body: Record<string, unknown>
      idempotencyKey: string
    }) =>
      sdk.client.fetch<{ payout: PayoutRecord }>(`/admin/affiliate-payouts/${id}/${action}`, {
        method: "POST",
        body,
        headers: { "Idempotency-Key": idempotencyKey },
      }),
    onSuccess: invalidate,
  })
}

export function useCreatePayoutBatch() {
  const invalidate = useInvalidatePayouts()
  return useMutation({
    mutationFn: ({
      body,
      idempotencyKey,
    }: {
      body: { currency_code: string; provider_id?: string; note?: string; affiliate_ids?: string[] }
      idempotencyKey: string
    }) =>
      sdk.client.fetch<{ payout_batch: PayoutBatch }>("/admin/affiliate-payout-batches", {
        method: "POST",
        body,
        headers: { "Idempotency-Key": idempotencyKey },
      }),
    onSuccess: invalidate,
  })
}

/**
 * Downloads a payment file of the payouts matching `query` (e.g. one batch).
 * A 409 (partners without payout details) throws with the API's message.
 */
export async function downloadPayoutExport(format: "paypal" | "bank", query: Record<string, string>) {
  const response = await sdk.client.fetch<Response>("/admin/affiliate-payouts/export", {
    query: { ...query, format },
    headers: { accept: "text/csv" },
  })
  const blob = await response.blob()
  const disposition = response.headers.get("content-disposition") ?? ""
  const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `affiliate-payouts-${format}.csv`
  const url = URL.createObjectURL(blob)
  const anchor = document.createElement("a")
  anchor.href = url
  anchor.download = filename
  document.body.appendChild(anchor)
  anchor.click()
  anchor.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return filename
}
