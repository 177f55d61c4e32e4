import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { TestEventUtils } from "@medusajs/test-utils"
import type { AdminAuth } from "./admin"
import type { HttpClient } from "./checkout"

/** Creates an affiliate through the admin API (active by default) with one code. */
export async function createAffiliateWithCode(
  api: HttpClient,
  admin: AdminAuth,
  {
    code,
    status = "active",
    ...profile
  }: { code: string; name?: string; email?: string; status?: string; commission_rate?: number; customer_id?: string }
) {
  const email = profile.email ?? `${code.toLowerCase()}@partners.test`
  const { data } = await api.post(
    "/admin/affiliates",
    { name: profile.name ?? `Partner ${code}`, ...profile, email, status },
    admin
  )
  const { data: created } = await api.post(
    `/admin/affiliates/${data.affiliate.id}/codes`,
    { code },
    admin
  )
  return { affiliate: data.affiliate, code: created.referral_code }
}

/**
 * Runs `action` and resolves once every subscriber of `eventName` has
 * finished, so a test reads what the subscriber wrote, without sleeping.
 */
export async function afterSubscribers<T>(
  container: MedusaContainer,
  eventName: string,
  action: () => Promise<T>,
  triggerCount = 1
): Promise<T> {
  const done = TestEventUtils.waitSubscribersExecution(eventName, container.resolve(Modules.EVENT_BUS), {
    triggerCount,
    // The default 15 s has run out on a loaded 2-core CI machine, late in a
    // long jest process; a real hang still fails, a minute later.
    timeout: 60_000,
  })
  const result = await action()
  await done
  return result
}

/** The ledger lines of an order, through the admin API. */
export async function orderLines(api: HttpClient, admin: AdminAuth, orderId: string) {
  const { data } = await api.get(
    `/admin/affiliate-commissions?order_id=${orderId}&order=created_at`,
    admin
  )
  return data.commission_lines as any[]
}

/** An affiliate's balance in one currency, through the admin API. */
export async function balanceOf(api: HttpClient, admin: AdminAuth, affiliateId: string, currency = "usd") {
  const { data } = await api.get(`/admin/affiliates/${affiliateId}/balances`, admin)
  return (
    data.balances.find((balance: any) => balance.currency_code === currency) ?? {
      available: 0,
      pending: 0,
      paid: 0,
    }
  )
}

/** A date `days` from now: the clock the approval job is given in tests. */
export function daysFromNow(days: number) {
  return new Date(Date.now() + days * 86_400_000)
}

/**
 * Makes the store sell in `codes` (the first is the default): money routes
 * refuse a currency the store doesn't have. For suites without the demo store.
 */
export async function setStoreCurrencies(container: MedusaContainer, codes: string[]) {
  const stores = container.resolve(Modules.STORE)
  const [store] = await stores.listStores()
  await stores.updateStores(store.id, {
    supported_currencies: codes.map((currency_code, i) => ({ currency_code, is_default: i === 0 })),
  })
}
