import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import AffiliateModuleService from "./service"
import { AFFILIATE_MODULE } from "./types"

export { AFFILIATE_MODULE }
// The events the plugin emits (subscribe to these names) and the audit log's actions.
export { AffiliateEvents, AuditAction } from "../../types"
export type { AffiliateEventData, AffiliateEventName } from "../../types"
export type { AffiliateModuleService }

export default Module(AFFILIATE_MODULE, {
  service: AffiliateModuleService,
  loaders: [validateOptionsLoader],
})
