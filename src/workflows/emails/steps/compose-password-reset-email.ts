import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createHash } from "crypto"
import { affiliateService } from "../../affiliate-service"
import { partnerLocale, type PartnerEmail } from "../partner-email"

export const composePasswordResetEmailStepId = "compose-password-reset-email"

/** Medusa's `auth.password_reset` payload: `entity_id` is the login's identifier (the email). */
export type PasswordResetEvent = { entity_id: string; actor_type: string; token: string }

/**
 * This step writes the `password_reset` email of a partner login, with the
 * portal's reset link carrying Medusa's one-time token and the email. Only
 * for the `affiliate` actor type, and only to an address that is a partner's:
 * a customer or an admin resetting their own password gets no partner email.
 */
export const composePasswordResetEmailStep = createStep(
  composePasswordResetEmailStepId,
  async (input: PasswordResetEvent, { container }) => {
    const email = input.entity_id?.trim()
    if (input.actor_type !== "affiliate" || !email || !input.token) {
      return new StepResponse([] as PartnerEmail[])
    }
    const service = affiliateService(container)
    const [affiliate] = await service.listAffiliates({ email: [...new Set([email, email.toLowerCase()])] }, { take: 1 })
    if (!affiliate) {
      return new StepResponse([] as PartnerEmail[])
    }
    const { portal } = service.getOptions()
    const link = `${portal.url}/reset-password?${new URLSearchParams({ token: input.token, email })}`
    const message: PartnerEmail = {
      name: "password_reset",
      to: affiliate.email,
      locale: partnerLocale(affiliate),
      data: { name: affiliate.name, link },
      // Per token: every request mails its own link, a repeated event doesn't.
      idempotency_key: `affiliate-password-reset:${createHash("sha256").update(input.token).digest("hex").slice(0, 32)}`,
    }
    return new StepResponse([message])
  }
)
