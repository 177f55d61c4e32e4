import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isOnStore } from "../../../modules/affiliate/utils/target-url"
import { affiliateService } from "../../affiliate-service"

export const validateCreativeTargetsStepId = "validate-creative-targets"

/**
 * This step checks what creatives and product landing pages point at: the
 * products exist (404 naming `product_id`), and landing pages are paths or
 * URLs on the store's own domain, as referral links' targets are.
 */
export const validateCreativeTargetsStep = createStep(
  validateCreativeTargetsStepId,
  async (targets: { product_id?: string | null; landing_url?: string | null }[], { container }) => {
    const productIds = [...new Set(targets.map((target) => target.product_id).filter(Boolean))] as string[]
    if (productIds.length) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { id: productIds } })
      const missing = productIds.filter((id) => !data.some((product: any) => product.id === id))
      if (missing.length) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `product_id: product with id: ${missing.join(", ")} was not found`)
      }
    }
    const storeUrl = new URL(affiliateService(container).getOptions().store_url)
    for (const { landing_url } of targets) {
      if (landing_url && !isOnStore(landing_url, storeUrl)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `landing_url: must be a path or a URL on the store's domain (${storeUrl.host}) over ${storeUrl.protocol.replace(":", "")}`
        )
      }
    }
    return new StepResponse(void 0)
  }
)
