import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AuthWorkflowEvents } from "@medusajs/framework/utils"
import { sendPartnerPasswordResetEmailWorkflow } from "../workflows/emails"
import type { PasswordResetEvent } from "../workflows/emails/steps/compose-password-reset-email"

/**
 * Emails a partner the portal's reset link when they ask
 * (`POST /auth/affiliate/emailpass/reset-password`). Medusa emits
 * `auth.password_reset` for every actor type; only `affiliate` is ours.
 */
export default async function affiliatePasswordResetEmailHandler({ event, container }: SubscriberArgs<PasswordResetEvent>) {
  if (event.data?.actor_type !== "affiliate") {
    return
  }
  await sendPartnerPasswordResetEmailWorkflow(container).run({ input: event.data })
}

export const config: SubscriberConfig = {
  event: AuthWorkflowEvents.PASSWORD_RESET,
  context: { subscriberId: "affiliate-password-reset-email" },
}
