import { asValue } from "@medusajs/framework/awilix"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, createMedusaContainer, Modules } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../modules/affiliate"
import { parseAffiliateOptions } from "../../modules/affiliate/options"
import { sendPartnerEmail } from "../send-partner-email"

// The sender in a real Medusa container, without the rest of Medusa: a store
// with no Notification Module, one whose provider fails, the `emails` options.
// Whatever happens, the partner's request must not fail because of an email.

type Warnings = string[]

function containerWith({
  options = {},
  notifications,
}: {
  options?: Record<string, unknown>
  notifications?: { createNotifications: (data: any[]) => Promise<any> }
}): { container: MedusaContainer; warnings: Warnings } {
  const warnings: Warnings = []
  const container = createMedusaContainer()
  const logger = { warn: (message: string) => warnings.push(message), info: () => {}, error: () => {}, debug: () => {} }
  const parsed = parseAffiliateOptions({ secret: "unit-test-secret-0123456789abcdef", portal: { url: "https://shop.test/partners" }, ...options })
  container.register(ContainerRegistrationKeys.LOGGER, asValue(logger))
  // Only what the sender reads from the module: its options.
  container.register(AFFILIATE_MODULE, asValue({ getOptions: () => parsed }))
  if (notifications) {
    container.register(Modules.NOTIFICATION, asValue(notifications))
  }
  return { container, warnings }
}

const approved = { name: "approved" as const, to: "ada@example.com", data: { name: "Ada", code: "ADA10" } }

describe("sendPartnerEmail", () => {
  it("skips with a warning when the store has no Notification Module", async () => {
    const { container, warnings } = containerWith({})
    await expect(sendPartnerEmail(container, approved)).resolves.toBe("skipped")
    expect(warnings).toEqual([expect.stringContaining('no Notification Module, so the "approved" email')])
  })

  it("skips with a warning when the provider fails, and doesn't throw", async () => {
    const { container, warnings } = containerWith({
      notifications: {
        createNotifications: async () => {
          throw new Error("Failed to send notification with id noti_1:\nSMTP refused")
        },
      },
    })
    await expect(sendPartnerEmail(container, approved)).resolves.toBe("skipped")
    expect(warnings).toEqual([expect.stringContaining("SMTP refused")])
  })

  it("skips with a warning when the notification is stored as failed (no provider for the channel)", async () => {
    const { container, warnings } = containerWith({
      notifications: { createNotifications: async (data) => data.map((n) => ({ ...n, status: "failure" })) },
    })
    await expect(sendPartnerEmail(container, approved)).resolves.toBe("skipped")
    expect(warnings).toEqual([expect.stringContaining('no provider for channel "email"')])
  })

  it("sends on the channel with the default template id, the fields, the rendered text and the key", async () => {
    const sent: any[] = []
    const { container, warnings } = containerWith({
      notifications: { createNotifications: async (data) => (sent.push(...data), data.map((n) => ({ ...n, status: "success" }))) },
    })
    await expect(sendPartnerEmail(container, { ...approved, locale: "ru-RU", idempotency_key: "affiliate-approved:aff_1" })).resolves.toBe("sent")
    expect(warnings).toEqual([])
    expect(sent).toEqual([
      {
        to: "ada@example.com",
        channel: "email",
        template: "affiliate-approved",
        idempotency_key: "affiliate-approved:aff_1",
        data: expect.objectContaining({
          email: "approved",
          locale: "ru",
          name: "Ada",
          code: "ADA10",
          portal_url: "https://shop.test/partners",
          subject: "Заявка одобрена",
          text: expect.stringContaining("Ваш код: ADA10"),
          html: expect.stringContaining('<a href="https://shop.test/partners">'),
        }),
      },
    ])
  })

  it("uses the store's template id and channel from the options", async () => {
    const sent: any[] = []
    const { container } = containerWith({
      options: { emails: { channel: "transactional", templates: { approved: "d-123" } } },
      notifications: { createNotifications: async (data) => (sent.push(...data), data) },
    })
    await sendPartnerEmail(container, approved)
    expect(sent[0]).toMatchObject({ channel: "transactional", template: "d-123" })
  })

  it("sends nothing named in emails.disabled", async () => {
    const sent: any[] = []
    const { container, warnings } = containerWith({
      options: { emails: { disabled: ["approved"] } },
      notifications: { createNotifications: async (data) => (sent.push(...data), data) },
    })
    await expect(sendPartnerEmail(container, approved)).resolves.toBe("disabled")
    await expect(sendPartnerEmail(container, { name: "rejected", to: "ada@example.com", data: { reason: null } })).resolves.toBe("sent")
    expect(sent.map((n) => n.template)).toEqual(["affiliate-rejected"])
    expect(warnings).toEqual([])
  })
})
