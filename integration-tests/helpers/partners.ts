import type { AdminAuth } from "./admin"
import type { HttpClient } from "./checkout"

/** A signed-in partner: their affiliate id and the bearer header for the `/affiliate` routes. */
export type Partner = { id: string; auth: { headers: { authorization: string } } }

/**
 * Signs a partner up the way a real one does (an `affiliate` emailpass login,
 * `POST /affiliate-account/register`, a second login for a token that carries the
 * affiliate) and has the admin approve them.
 */
export async function registerPartner(api: HttpClient, admin: AdminAuth, email: string, name = email): Promise<Partner> {
  const { data: registered } = await api.post("/auth/affiliate/emailpass/register", { email, password: "supersecret" })
  await api.post("/affiliate-account/register", { name }, { headers: { authorization: `Bearer ${registered.token}` } })
  const { data: login } = await api.post("/auth/affiliate/emailpass", { email, password: "supersecret" })
  const auth = { headers: { authorization: `Bearer ${login.token}` } }
  const { data } = await api.get("/affiliate/me", auth)
  await api.post(`/admin/affiliates/${data.affiliate.id}/approve`, {}, admin)
  return { id: data.affiliate.id, auth }
}
