/** Shapes of the portal API (see CONTRACT.md "Portal API"). Money in major units. */
export type CommissionLine = {
  id: string
  type: string
  status: string
  amount: number
  currency_code: string
  created_at: string
  hold_until: string | null
  approved_at: string | null
  payout_id: string | null
  level: number | null
  reason: string | null
}
export type Payout = {
  id: string
  amount: number
  currency_code: string
  status: string
  method: string | null
  reference: string | null
  created_at: string
  paid_at: string | null
}
export type Page<K extends string, T> = { [key in K]: T[] } & { count: number; offset: number; limit: number }
export type ReferralLink = {
  id: string
  code: string
  sub_id: string | null
  name: string | null
  target_url: string | null
  utm_source: string | null
  utm_medium: string | null
  utm_campaign: string | null
  utm_term: string | null
  utm_content: string | null
  is_active: boolean
  path: string
  created_at: string
}
