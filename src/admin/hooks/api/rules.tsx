import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

export type RuleScope = "affiliate_product" | "affiliate" | "product" | "program"
export type RuleKind = "percent" | "fixed_order" | "fixed_lead"

export type CommissionRule = {
  id: string
  name: string | null
  scope: RuleScope
  kind: RuleKind
  affiliate_id: string | null
  product_id: string | null
  level: number
  rate: number | null
  amounts: Record<string, number> | null
  excluded: boolean
  tiers: { threshold: number; rate: number }[] | null
  tier_metric: "paid_orders" | "revenue" | null
  tier_period_days: number | null
  window_days: number | null
  first_order_only: boolean
  new_customers_only: boolean
  is_active: boolean
  created_at: string
  updated_at: string
}

/** What a create sends; an update sends the same minus scope, affiliate and product. */
export type RuleBody = Partial<Omit<CommissionRule, "id" | "created_at" | "updated_at">>

export type RulesQuery = {
  scope?: RuleScope
  kind?: RuleKind
  affiliate_id?: string
  product_id?: string
  limit: number
  offset: number
}

export type ProgramSettings = {
  attribution_window_days: number
  attribution_model: "last_click" | "first_click"
  lifetime_attribution: boolean
  hold_days: number
  default_commission_rate: number
  minimum_payout: number | Record<string, number>
  exclude_from_base: { shipping: boolean; tax: boolean; discounts: boolean; gift_cards: boolean }
  max_levels: number
  no_negative_carryover: boolean
  fraud: { max_clicks_per_ip_per_day: number; max_conversion_rate: number; min_clicks_for_conversion_check: number }
  click_retention_days: number
  payout_schedule: { day: number; currencies?: string[] } | null
  registration_mode: RegistrationMode
  application_fields: ApplicationField[]
  portal_terms: string | null
  portal_help_text: string | null
}

export type RegistrationMode = "auto_approve" | "approval" | "invite_only" | "closed"

/** One question the admin adds to the partner application form (see the module's settings.ts). */
export type ApplicationField = {
  key: string
  label: string
  type: "text" | "select" | "checkbox"
  required: boolean
  options?: string[]
}

export type SettingsResponse = { program_settings: ProgramSettings; overrides: Partial<ProgramSettings> }

export const ruleKeys = {
  all: ["affiliate-rules"] as const,
  list: (query: RulesQuery) => ["affiliate-rules", "list", query] as const,
  names: (kind: "products" | "affiliates", ids: string[]) => ["affiliate-rules", "names", kind, ids] as const,
  search: (kind: "products" | "affiliates", q: string) => ["affiliate-rules", "search", kind, q] as const,
  settings: ["affiliate-settings"] as const,
}

export function useRules(query: RulesQuery) {
  return useQuery({
    queryKey: ruleKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<{ commission_rules: CommissionRule[]; count: number }>("/admin/affiliate-rules", {
        query: { ...query, order: "-created_at" },
      }),
    placeholderData: keepPreviousData,
  })
}

export function useCreateRule() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: RuleBody) =>
      sdk.client.fetch<{ commission_rule: CommissionRule }>("/admin/affiliate-rules", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ruleKeys.all }),
  })
}

export function useUpdateRule(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: RuleBody) =>
      sdk.client.fetch<{ commission_rule: CommissionRule }>(`/admin/affiliate-rules/${id}`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ruleKeys.all }),
  })
}

export function useDeleteRule() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/affiliate-rules/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: ruleKeys.all }),
  })
}

export type Named = { id: string; label: string; detail?: string }

/** Names for the ids a page of rules shows (products' titles, partners' names). */
export function useNames(kind: "products" | "affiliates", ids: string[]) {
  const unique = [...new Set(ids)].sort()
  return useQuery({
    queryKey: ruleKeys.names(kind, unique),
    enabled: unique.length > 0,
    queryFn: async () => {
      const found = await fetchNamed(kind, { id: unique, limit: unique.length })
      return new Map(found.map((item) => [item.id, item]))
    },
  })
}

/** A picker's search: products by `q` (title, handle), partners by name or email. */
export function useSearch(kind: "products" | "affiliates", q: string) {
  return useQuery({
    queryKey: ruleKeys.search(kind, q),
    queryFn: () => fetchNamed(kind, { q: q || undefined, limit: 8 }),
    placeholderData: keepPreviousData,
  })
}

async function fetchNamed(kind: "products" | "affiliates", query: Record<string, unknown>): Promise<Named[]> {
  if (kind === "products") {
    const { products } = await sdk.client.fetch<{ products: { id: string; title: string; handle: string }[] }>(
      "/admin/products",
      { query: { ...query, fields: "id,title,handle" } }
    )
    return products.map((p) => ({ id: p.id, label: p.title, detail: p.handle }))
  }
  const { affiliates } = await sdk.client.fetch<{ affiliates: { id: string; name: string; email: string }[] }>(
    "/admin/affiliates",
    { query }
  )
  return affiliates.map((a) => ({ id: a.id, label: a.name, detail: a.email }))
}

export function useProgramSettings() {
  return useQuery({
    queryKey: ruleKeys.settings,
    queryFn: () => sdk.client.fetch<SettingsResponse>("/admin/affiliate-settings"),
  })
}

export function useUpdateProgramSettings() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: Partial<ProgramSettings>) =>
      sdk.client.fetch<SettingsResponse>("/admin/affiliate-settings", { method: "POST", body }),
    onSuccess: (data) => client.setQueryData(ruleKeys.settings, data),
  })
}
