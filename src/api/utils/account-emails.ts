import type { MedusaContainer } from "@medusajs/framework/types"
import { sendPartnerEmail } from "../../emails/send-partner-email"
import { affiliateService } from "../../workflows/affiliate-service"

type Recipient = { email: string; name: string; locale?: string | null }

/** A portal page's absolute address with its query (the portal routes are client-side). */
function portalLink(container: MedusaContainer, page: string, query: Record<string, string>) {
  const { url } = affiliateService(container).getOptions().portal
  return `${url.replace(/\/+$/, "")}/${page}?${new URLSearchParams(query)}`
}

/** The email verification link: `${portal.url}/verify-email?token=T`. */
export async function sendVerificationEmail(container: MedusaContainer, to: Recipient, link: { token: string; expires_at: Date }) {
  await sendPartnerEmail(container, {
    name: "verify_email",
    to: to.email,
    locale: to.locale,
    data: {
      name: to.name,
      link: portalLink(container, "verify-email", { token: link.token }),
      expires_at: new Date(link.expires_at).toISOString(),
    },
  })
}

/** The invitation link: `${portal.url}/accept-invite?token=T`. */
export async function sendInvitationEmail(container: MedusaContainer, to: Recipient, link: { token: string; expires_at: Date }) {
  await sendPartnerEmail(container, {
    name: "invitation",
    to: to.email,
    locale: to.locale,
    data: {
      name: to.name,
      link: portalLink(container, "accept-invite", { token: link.token }),
      expires_at: new Date(link.expires_at).toISOString(),
    },
  })
}

/** Tells an applicant their application waits for an admin (sent once their email is verified). */
export async function sendApplicationReceivedEmail(container: MedusaContainer, to: Recipient & { id: string }) {
  await sendPartnerEmail(container, {
    name: "application_received",
    to: to.email,
    locale: to.locale,
    data: { name: to.name },
    idempotency_key: `affiliate-application-received:${to.id}`,
  })
}
