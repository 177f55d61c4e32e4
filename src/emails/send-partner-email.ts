import type { INotificationModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { affiliateService } from "../workflows/affiliate-service"
import { emailLocale, type PartnerEmailData, type PartnerEmailName } from "./names"
import { renderPartnerEmail } from "./templates"

export type SendPartnerEmailInput<N extends PartnerEmailName> = {
  name: N
  to: string
  /** The email's fields, without `portal_url` (filled in here). */
  data: Omit<PartnerEmailData[N], "portal_url">
  /** The partner's language (`en`, `ru`, `ru-RU`…); English when unknown. */
  locale?: string | null
  /**
   * Makes a repeat harmless: the Notification Module sends one email per key
   * (e.g. `affiliate-commission-created:<line id>`), so an event delivered
   * twice mails once.
   */
  idempotency_key?: string
}

export type SendPartnerEmailResult = "sent" | "disabled" | "skipped"

/**
 * Sends a partner an email through Medusa's Notification Module (I2). Never
 * throws: a store with no notification module, or no provider for the
 * channel, or a provider that fails, gets a warning in the log and the
 * partner's request still succeeds (`skipped`). An email named in the
 * `emails.disabled` option is not sent (`disabled`).
 *
 * The notification's `data` carries the email's fields plus a rendered
 * `subject`, `text` and `html` in the partner's language, so a provider
 * without templates (the local one logs them) can send it as is, and one
 * with templates (option `emails.templates`) can use the fields.
 */
export async function sendPartnerEmail<N extends PartnerEmailName>(
  container: MedusaContainer,
  input: SendPartnerEmailInput<N>
): Promise<SendPartnerEmailResult> {
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const { emails, portal } = affiliateService(container).getOptions()
  if (emails.disabled.includes(input.name)) {
    return "disabled"
  }
  const notifications = container.resolve<INotificationModuleService | undefined>(Modules.NOTIFICATION, { allowUnregistered: true })
  if (!notifications) {
    logger.warn(`medusa-plugin-affiliate: no Notification Module, so the "${input.name}" email to a partner was not sent`)
    return "skipped"
  }
  const locale = emailLocale(input.locale)
  const data = { ...input.data, portal_url: portal.url } as PartnerEmailData[N]
  const rendered = renderPartnerEmail(input.name, data, locale)
  try {
    const [notification] = await notifications.createNotifications([
      {
        to: input.to,
        channel: emails.channel,
        template: emails.templates[input.name] ?? `affiliate-${input.name.replace(/_/g, "-")}`,
        data: { ...data, ...rendered, email: input.name, locale },
        ...(input.idempotency_key ? { idempotency_key: input.idempotency_key } : {}),
      },
    ])
    if ((notification as { status?: string } | undefined)?.status === "failure") {
      logger.warn(`medusa-plugin-affiliate: the "${input.name}" email to a partner failed (no provider for channel "${emails.channel}"?)`)
      return "skipped"
    }
    return "sent"
  } catch (e) {
    logger.warn(`medusa-plugin-affiliate: the "${input.name}" email to a partner was not sent: ${(e as Error)?.message}`)
    return "skipped"
  }
}
