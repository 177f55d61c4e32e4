import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { affiliateService } from "../../../workflows/affiliate-service"

/** What the sign-up page shows: who may apply, the program's questions, its terms and help text. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = affiliateService(req.scope)
  const settings = await service.getProgramSettings()
  const terms = await service.retrieveTermsInForce(new Date())
  res.json({
    program: {
      registration_mode: settings.registration_mode,
      application_fields: settings.application_fields,
      terms: terms && { version: terms.version, text: terms.text, published_at: terms.published_at },
      help_text: settings.portal_help_text,
    },
  })
}
