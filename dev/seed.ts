import type { ExecArgs, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { affiliateService } from "../src/workflows/affiliate-service"
import { createAffiliatesWorkflow, createReferralCodesWorkflow } from "../src/workflows/affiliates"
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
    printSummary(logger, existing, await listCodes(container))
    return
  }

  const store = await createDemoStore(container)
  const codes = await seedAffiliates(container)
  printSummary(logger, store, codes)
}

/** Two active demo affiliates with a code each, through the plugin's own workflows. */
async function seedAffiliates(container: MedusaContainer): Promise<string[]> {
  const { result: affiliates } = await createAffiliatesWorkflow(container).run({
    input: {
      affiliates: DEMO_AFFILIATES.map(({ name, email }) => ({ name, email, status: "active" })),
    },
  })
  await createReferralCodesWorkflow(container).run({
    input: {
      codes: DEMO_AFFILIATES.map(({ email, code }) => ({
        code,
        affiliate_id: affiliates.find((affiliate) => affiliate.email === email)!.id,
      })),
    },
  })
  return DEMO_AFFILIATES.map((affiliate) => affiliate.code)
}

async function listCodes(container: MedusaContainer): Promise<string[]> {
  const codes = await affiliateService(container).listReferralCodes({}, { take: 20 })
  return codes.map((code) => code.code)
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
