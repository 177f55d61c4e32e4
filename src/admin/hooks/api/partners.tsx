import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { affiliateKeys } from "../../lib/query-keys"
import type { Affiliate, AffiliateStatusAction } from "./affiliates"

/**
 * The partner screens' data (G1, G2): the list with money sorts, creating and
 * editing partners, their payout details, codes, links and audit trail. Keys
 * live under `affiliates`, so any affiliate mutation refreshes them.
 */
export const partnerKeys = {
  list: (query: Record<string, unknown>) => [...affiliateKeys.all, "partners", "list", query] as const,
  search: (q: string) => [...affiliateKeys.all, "partners", "search", q] as const,
  recruits: (id: string) => [...affiliateKeys.all, "partners", "recruits", id] as const,
  payoutDetails: (id: string) => [...affiliateKeys.all, "partners", "payout-details", id] as const,
  codes: (id: string) => [...affiliateKeys.all, "partners", "codes", id] as const,
  links: (id: string) => [...affiliateKeys.all, "partners", "links", id] as const,
  audit: (id: string, limit: number) => [...affiliateKeys.all, "partners", "audit", id, limit] as const,
  settings: ["affiliate-settings", "partners"] as const,
  store: ["affiliate-store-currencies"] as const,
  promotions: (ids: string[]) => ["affiliate-promotions", ids] as const,
}

export type PayoutDetails = { method: string; masked?: boolean } & Record<string, unknown>

export type PartnerTotals = { currency_code: string; revenue: number; earnings: number; balance_due: number }

export type Partner = Affiliate & {
  phone: string | null
  is_internal: boolean
  parent_id: string | null
  parent_commission_ends_at: string | null
  payout_method: string | null
  payout_details: PayoutDetails | null
  payout_details_updated_at: string | null
  updated_at: string
  totals?: PartnerTotals | null
} & PartnerAccount

/**
 * The partner's portal account and application (issue 12). Optional: a
 * backend without partner accounts answers without them.
 */
export type PartnerAccount = {
  email_verified_at?: string | null
  audience?: string | null
  /** The answers to the admin's application questions, by question key. */
  application?: { fields?: Record<string, string | boolean> } | null
  terms_version?: number | null
  terms_accepted_at?: string | null
  locale?: string | null
  invited_at?: string | null
  has_login?: boolean
}

export type Invitation = { email: string; expires_at: string }

export type ReferralCode = {
  id: string
  code: string
  alias_of_id: string | null
  is_active: boolean
  expires_at: string | null
  promotion_id: string | null
  created_at: string
}

export type ReferralLink = {
  id: string
  code_id: string
  code: string
  sub_id: string | null
  name: string | null
  target_url: string | null
  utm_source: string | null
  utm_medium: string | null
  utm_campaign: string | null
  is_active: boolean
  path: string
  created_at: string
}

export type AuditEntry = {
  id: string
  actor_type: string
  actor_id: string | null
  action: string
  target_type: string
  target_id: string
  reason: string | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  created_at: string
}

export type PartnerListQuery = {
  q?: string
  status?: string
  is_internal?: string
  order?: string
  currency_code?: string
  limit: number
  offset: number
}

export function usePartners(query: PartnerListQuery) {
  return useQuery({
    queryKey: partnerKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<{ affiliates: Partner[]; count: number }>("/admin/affiliates", {
        query: Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== "")),
      }),
    placeholderData: keepPreviousData,
  })
}

/** Partners matching a search, for the parent picker. */
export function usePartnerSearch(q: string) {
  return useQuery({
    queryKey: partnerKeys.search(q),
    queryFn: () =>
      sdk.client.fetch<{ affiliates: Pick<Partner, "id" | "name" | "email">[] }>("/admin/affiliates", {
        query: { q: q || undefined, limit: 10, fields: "id,name,email", order: "name" },
      }),
    placeholderData: keepPreviousData,
  })
}

export function useRecruits(id: string) {
  return useQuery({
    queryKey: partnerKeys.recruits(id),
    queryFn: () =>
      sdk.client.fetch<{ affiliates: Partner[]; count: number }>("/admin/affiliates", {
        query: { parent_id: id, limit: 50, order: "name", fields: "id,name,email,status,parent_commission_ends_at" },
      }),
  })
}

/** One partner by id (name and email), e.g. the parent. */
export function usePartnerName(id: string | null | undefined) {
  return useQuery({
    queryKey: [...affiliateKeys.all, "partners", "name", id],
    queryFn: () =>
      sdk.client.fetch<{ affiliate: Pick<Partner, "id" | "name" | "email"> }>(`/admin/affiliates/${id}`, {
        query: { fields: "id,name,email" },
      }),
    enabled: !!id,
  })
}

export function useProgramDefaults() {
  return useQuery({
    queryKey: partnerKeys.settings,
    queryFn: () =>
      sdk.client.fetch<{ program_settings: { default_commission_rate: number } }>("/admin/affiliate-settings"),
    staleTime: 30_000,
  })
}

/** The store's currencies, the default first: what money sorts are in. */
export function useStoreCurrencies() {
  return useQuery({
    queryKey: partnerKeys.store,
    queryFn: async () => {
      const { stores } = await sdk.client.fetch<{
        stores: { supported_currencies?: { currency_code: string; is_default?: boolean }[] }[]
      }>("/admin/stores", { query: { fields: "id,supported_currencies.currency_code,supported_currencies.is_default" } })
      const currencies = stores[0]?.supported_currencies ?? []
      return [...currencies].sort((a, b) => Number(!!b.is_default) - Number(!!a.is_default)).map((c) => c.currency_code)
    },
    staleTime: 60_000,
  })
}

export type PartnerBody = Record<string, unknown>

export function useCreatePartner() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: PartnerBody) =>
      sdk.client.fetch<{ affiliate: Partner }>("/admin/affiliates", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: affiliateKeys.all }),
  })
}

export function useUpdatePartner(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: PartnerBody) =>
      sdk.client.fetch<{ affiliate: Partner }>(`/admin/affiliates/${id}`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: affiliateKeys.all }),
  })
}

/** Approve, reject, suspend or deactivate, with an optional reason for the audit log. */
export function useChangePartnerStatus(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ action, reason }: { action: AffiliateStatusAction; reason?: string }) =>
      sdk.client.fetch<{ affiliate: Partner }>(`/admin/affiliates/${id}/${action}`, {
        method: "POST",
        body: reason ? { reason } : {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: affiliateKeys.all }),
  })
}

/** The payout details in full: read only when the admin opens the editor. */
export function usePayoutDetails(id: string, enabled: boolean) {
  return useQuery({
    queryKey: partnerKeys.payoutDetails(id),
    queryFn: () =>
      sdk.client.fetch<{ payout_details: { payout_method: string | null; payout_details: PayoutDetails | null } }>(
        `/admin/affiliates/${id}/payout-details`
      ),
    enabled,
    gcTime: 0,
  })
}

export function useSavePayoutDetails(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: PartnerBody) =>
      sdk.client.fetch(`/admin/affiliates/${id}/payout-details`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: affiliateKeys.all }),
  })
}

export function usePartnerCodes(id: string) {
  return useQuery({
    queryKey: partnerKeys.codes(id),
    queryFn: () =>
      sdk.client.fetch<{ referral_codes: ReferralCode[]; count: number }>(`/admin/affiliates/${id}/codes`, {
        query: { limit: 200, order: "created_at" },
      }),
  })
}

export function useCreateCode(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: PartnerBody) =>
      sdk.client.fetch<{ referral_code: ReferralCode }>(`/admin/affiliates/${id}/codes`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: affiliateKeys.all }),
  })
}

export function useUpdateCode() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & PartnerBody) =>
      sdk.client.fetch<{ referral_code: ReferralCode }>(`/admin/affiliate-codes/${id}`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: affiliateKeys.all }),
  })
}

/** The promotions linked to codes, by id (code and status), from Medusa's promotions. */
export function usePromotions(ids: string[]) {
  return useQuery({
    queryKey: partnerKeys.promotions(ids),
    queryFn: () =>
      sdk.client.fetch<{ promotions: { id: string; code: string; status?: string }[] }>("/admin/promotions", {
        query: { id: ids, fields: "id,code,status", limit: ids.length },
      }),
    enabled: ids.length > 0,
  })
}

/** Promotions to link a code to (search by code). */
export function usePromotionSearch(q: string) {
  return useQuery({
    queryKey: ["affiliate-promotions", "search", q],
    queryFn: () =>
      sdk.client.fetch<{ promotions: { id: string; code: string }[] }>("/admin/promotions", {
        query: { q: q || undefined, fields: "id,code", limit: 20 },
      }),
    placeholderData: keepPreviousData,
  })
}

export function usePartnerLinks(id: string) {
  return useQuery({
    queryKey: partnerKeys.links(id),
    queryFn: () => sdk.client.fetch<{ referral_links: ReferralLink[]; count: number }>(`/admin/affiliates/${id}/links`),
  })
}

export function useCreateLink(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: PartnerBody) =>
      sdk.client.fetch<{ referral_link: ReferralLink }>(`/admin/affiliates/${id}/links`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: affiliateKeys.all }),
  })
}

export function useUpdateLink() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & PartnerBody) =>
      sdk.client.fetch<{ referral_link: ReferralLink }>(`/admin/affiliate-links/${id}`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: affiliateKeys.all }),
  })
}

export function useDeleteLink() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/affiliate-links/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: affiliateKeys.all }),
  })
}

export function usePartnerAudit(id: string, limit: number) {
  return useQuery({
    queryKey: partnerKeys.audit(id, limit),
    queryFn: () =>
      sdk.client.fetch<{ audit_entries: AuditEntry[]; count: number }>(`/admin/affiliates/${id}/audit-log`, {
        query: { limit },
      }),
    placeholderData: keepPreviousData,
  })
}

/**
 * Emails a partner a new invitation to set their portal password (B2); older
 * links stop working. Refused (400) once the partner has a login.
 */
export function useInvitePartner() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<{ invitation: Invitation }>(`/admin/affiliates/${id}/invite`, { method: "POST", body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: affiliateKeys.all }),
  })
}
