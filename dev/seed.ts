import type { ExecArgs, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createDemoStore, findDemoStore, type DemoStore } from "./demo-store"

export const DEV_ADMIN = { email: "admin@example.com", password: "supersecret" }

const DEMO_AFFILIATES = [
  { name: "Ada Lovelace", email: "ada@example.com", code: "ADA10" },
  { name: "Grace Hopper", email: "grace@example.com", code: "GRACE" },
]

/**
 * Seeds the development database: `npx medusa exec ./dev/seed.ts`
 * (scripts/dev.mjs runs it on every start). Idempotent: an existing demo store
 * is only described.
 */
export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)

  const existing = await findDemoStore(container)
  if (existing) {
    logger.info("Demo store already seeded.")
    printSummary(logger, existing, await listCodes(container, logger))
    return
  }

  const store = await createDemoStore(container)
  const codes = await seedAffiliates(container, logger)
  printSummary(logger, store, codes)
}

// The affiliate module is written alongside this script: until its service has
// createAffiliates/createReferralCodes, the store is seeded without partners.
async function seedAffiliates(container: MedusaContainer, logger: Logger): Promise<string[]> {
  try {
    const service = container.resolve("affiliate") as any
    if (typeof service?.createAffiliates !== "function" || typeof service?.createReferralCodes !== "function") {
      logger.warn("Affiliate module has no createAffiliates/createReferralCodes yet: no demo affiliates seeded.")
      return []
    }

    const affiliates: { id: string; email: string }[] = await service.createAffiliates(
      DEMO_AFFILIATES.map(({ name, email }) => ({ name, email, status: "active" }))
    )
    await service.createReferralCodes(
      DEMO_AFFILIATES.map(({ email, code }) => ({
        code,
        affiliate_id: affiliates.find((a) => a.email === email)!.id,
      }))
    )
    return DEMO_AFFILIATES.map((a) => a.code)
  } catch (e) {
    logger.warn(`Could not seed demo affiliates: ${(e as Error).message}`)
    return []
  }
}

async function listCodes(container: MedusaContainer, logger: Logger): Promise<string[]> {
  try {
    const service = container.resolve("affiliate") as any
    if (typeof service?.listReferralCodes !== "function") {
      return []
    }
    const codes: { code: string }[] = await service.listReferralCodes({}, { take: 20 })
    return codes.map((c) => c.code)
  } catch (e) {
    logger.warn(`Could not list referral codes: ${(e as Error).message}`)
    return []
  }
}

function printSummary(logger: Logger, store: DemoStore, codes: string[]) {
  logger.info(
    [
      "Demo store:",
      `  publishable API key: ${store.publishableKey}`,
      `  admin: http://localhost:9000/app  (${DEV_ADMIN.email} / ${DEV_ADMIN.password})`,
      `  regions: usd ${store.regionIds.usd}, eur ${store.regionIds.eur}`,
      `  products: ${store.products.map((p) => p.title).join(", ")}`,
      `  referral codes: ${codes.length ? codes.join(", ") : "(none)"}`,
    ].join("\n")
  )
}
