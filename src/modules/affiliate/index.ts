import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import AffiliateModuleService from "./service"
import { AFFILIATE_MODULE } from "./types"

export { AFFILIATE_MODULE }
export type { AffiliateModuleService }

export default Module(AFFILIATE_MODULE, {
  service: AffiliateModuleService,
  loaders: [validateOptionsLoader],
})
