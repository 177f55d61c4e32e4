import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import AffiliateModuleService from "./service"
import { AFFILIATE_MODULE } from "./types"

export { AFFILIATE_MODULE }
// The events the plugin emits (subscribe to these names) and the audit log's actions.
export { AffiliateEvents, AuditAction } from "../../types"
export type { AffiliateEventData, AffiliateEventName } from "../../types"
export type { AffiliateModuleService }
// What other code may use of the module: its service's interface and DTOs, its enums and events.
export type { IAffiliateModuleService } from "../../types/service"
export * from "../../types/affiliate"
export * from "../../types/ledger"
export * from "../../types/tracking"
export * from "../../types/audit"
export * from "../../types/events"
export { PayoutStatus } from "./types"

export default Module(AFFILIATE_MODULE, {
  service: AffiliateModuleService,
  loaders: [validateOptionsLoader],
})
