import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { isNotFound } from "../../lib/errors"
import { affiliateKeys } from "../../lib/query-keys"

export type Affiliate = {
  id: string
  name: string
  email: string
  company: string | null
  website: string | null
  status: "pending" | "active" | "rejected" | "suspended" | "deactivated"
  commission_rate: number | null
  approved_at: string | null
  created_at: string
  codes?: { id: string; code: string; is_active: boolean; expires_at: string | null; alias_of_id: string | null }[]
}

export type AffiliateStatusAction = "approve" | "reject" | "suspend" | "deactivate"

export type Balance = {
  affiliate_id: string
  currency_code: string
  available: number
  pending: number
  paid: number
  minimum_payout: number
  payable: boolean
}

export type CommissionLine = {
  id: string
  type: string
  status: string
  amount: number
  currency_code: string
  rate: number | null
  rule: string | null
  order_id: string | null
  payout_id: string | null
  reason: string | null
  created_at: string
}

export type Payout = {
  id: string
  amount: number
  currency_code: string
  status: string
  method: string
  external_reference: string | null
  paid_at: string | null
  created_at: string
}

export function useAffiliates(query: { q?: string; status?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: affiliateKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<{ affiliates: Affiliate[]; count: number }>("/admin/affiliates", {
        query: { ...query, order: "-created_at" },
      }),
  })
}

export function useAffiliate(id: string) {
  return useQuery({
    queryKey: affiliateKeys.detail(id),
    // The server says which status actions the affiliate may take (the one transition table).
    queryFn: () =>
      sdk.client.fetch<{ affiliate: Affiliate; allowed_status_transitions: AffiliateStatusAction[] }>(
        `/admin/affiliates/${id}`
      ),
    // An unknown id is final: show "not found" at once instead of retrying.
    retry: (failures, error) => !isNotFound(error) && failures < 2,
  })
}

export function useBalances(affiliateId?: string) {
  return useQuery({
    queryKey: affiliateKeys.balances(affiliateId),
    queryFn: () =>
      sdk.client.fetch<{ balances: Balance[] }>(
        affiliateId ? `/admin/affiliates/${affiliateId}/balances` : "/admin/affiliate-balances"
      ),
  })
}

export function useCommissionLines(affiliateId: string) {
  return useQuery({
    queryKey: affiliateKeys.lines(affiliateId),
    queryFn: () =>
      sdk.client.fetch<{ commission_lines: CommissionLine[]; count: number }>("/admin/affiliate-commissions", {
        query: { affiliate_id: affiliateId, order: "-created_at", limit: 50 },
      }),
  })
}

export function usePayouts(affiliateId: string) {
  return useQuery({
    queryKey: affiliateKeys.payouts(affiliateId),
    queryFn: () =>
      sdk.client.fetch<{ payouts: Payout[]; count: number }>("/admin/affiliate-payouts", {
        query: { affiliate_id: affiliateId, order: "-created_at", limit: 20 },
      }),
  })
}

/** Approve, reject, suspend or deactivate. */
export function useSetAffiliateStatus(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (action: AffiliateStatusAction) =>
      sdk.client.fetch<{ affiliate: Affiliate }>(`/admin/affiliates/${id}/${action}`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: affiliateKeys.all }),
  })
}

/** Pays the affiliate's whole available balance in one currency. */
export function useCreatePayout(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { currency_code: string; method?: string; external_reference?: string }) =>
      sdk.client.fetch<{ payout: Payout }>(`/admin/affiliates/${id}/payouts`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: affiliateKeys.all }),
  })
}
