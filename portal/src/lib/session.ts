import { useQuery, useQueryClient } from "@tanstack/react-query"
import { api } from "./api"

export type Partner = {
  id: string
  name: string
  email: string
  company: string | null
  website: string | null
  phone: string | null
  audience: string | null
  status: string
  email_verified_at: string | null
  locale: string | null
  terms_version: number | null
  terms_accepted_at: string | null
  payout_method: string | null
  created_at: string
  approved_at: string | null
  codes?: { id: string; code: string; alias_of_id: string | null; is_active: boolean; expires_at: string | null }[]
}

export const ME_KEY = ["me"]

/** The signed-in partner; a 401 error means nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: () => api<{ affiliate: Partner }>("/affiliate/me").then((r) => r.affiliate) })
}

/**
 * The email a login is kept under. Medusa's emailpass provider keeps an email
 * as typed, while partners are stored in lower case: one spelling for both,
 * so `Bob@X.com` and `bob@x.com` are one login and the admin sees it as the
 * partner's.
 */
export const loginEmail = (email: string) => email.trim().toLowerCase()

/**
 * Email + password → a bearer token → a session cookie (as Medusa's admin
 * does), so no token is kept where scripts could read it.
 */
export async function logIn(email: string, password: string) {
  const { token } = await api<{ token: string }>("/auth/affiliate/emailpass", {
    method: "POST",
    body: { email: loginEmail(email), password },
  })
  await api("/auth/session", { method: "POST", token })
}

export function useLogOut() {
  const client = useQueryClient()
  return async () => {
    await api("/auth/session", { method: "DELETE" }).catch(() => {})
    client.clear()
  }
}
