import { MedusaContainer } from "@medusajs/framework/types"
import { approveDueCommissionsWorkflow } from "../workflows/commissions"

/** Approves paid commission lines whose hold period has passed. */
export default async function approveAffiliateCommissionsJob(container: MedusaContainer) {
  await approveDueCommissionsWorkflow(container).run({ input: {} })
}

export const config = {
  name: "approve-affiliate-commissions",
  schedule: "15 * * * *",
}
