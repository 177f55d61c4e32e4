import type { IAuthModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Whether a partner has a login: the `emailpass` identity of their email is
 * bound to them (`app_metadata.affiliate_id`), as sign-up and accepted
 * invitations bind it. An identity of the same email that belongs to a
 * customer only is not theirs yet (an invitation binds it).
 */
export async function hasPartnerLogin(container: MedusaContainer, affiliate: { id: string; email: string }): Promise<boolean> {
  const auth = container.resolve<IAuthModuleService>(Modules.AUTH)
  const providers = await auth.listProviderIdentities(
    { entity_id: affiliate.email, provider: "emailpass" },
    { select: ["id", "auth_identity_id"] }
  )
  if (!providers.length) return false
  const identities = await auth.listAuthIdentities(
    { id: providers.map((provider) => provider.auth_identity_id!) },
    { select: ["id", "app_metadata"] }
  )
  return identities.some((identity) => identity.app_metadata?.affiliate_id === affiliate.id)
}
