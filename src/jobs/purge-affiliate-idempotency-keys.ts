import { MedusaContainer } from "@medusajs/framework/types"
import { affiliateService } from "../workflows/affiliate-service"

/**
 * Forgets `Idempotency-Key`s older than 24 hours (a claim already ignores
 * them; this keeps the table small).
 */
export default async function purgeAffiliateIdempotencyKeysJob(container: MedusaContainer) {
  await affiliateService(container).purgeIdempotencyKeys()
}

export const config = {
  name: "purge-affiliate-idempotency-keys",
  schedule: "15 4 * * *",
}
