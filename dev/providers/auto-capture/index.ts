import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import AutoCapturePaymentProviderService from "./service"

// Registered by medusa-config.ts with id "autocapture", so Medusa knows it as
// `pp_autocapture_autocapture`.
export default ModuleProvider(Modules.PAYMENT, {
  services: [AutoCapturePaymentProviderService],
})
