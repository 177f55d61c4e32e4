import { MedusaContainer } from "@medusajs/framework/types"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import type AffiliateModuleService from "../modules/affiliate/service"

/** The affiliate module's service, typed. */
export function affiliateService(container: MedusaContainer): AffiliateModuleService {
  return container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
}
