import type { IAuthModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_ACTOR } from "../../affiliates/workflows/register-affiliate"

export const createPartnerLoginStepId = "create-affiliate-partner-login"

const PROVIDER = "emailpass"

/** What the compensation needs: the identity this step made, the password it replaced, or the orphan login it deleted. */
type LoginUndo = {
  created: boolean
  auth_identity_id: string
  provider_identity_id: string | null
  provider_metadata: Record<string, unknown> | null
  /** An orphan login deleted here, recreated by the compensation. */
  replaced?: { email: string; provider_metadata: Record<string, unknown> | null; app_metadata: Record<string, unknown> | null }
}

/** Whether an identity is bound to any actor (a customer, an admin user, a partner…). */
const boundToAnActor = (appMetadata: Record<string, unknown> | null | undefined) =>
  Object.entries(appMetadata ?? {}).some(([key, value]) => key.endsWith("_id") && !!value)

async function registerLogin(auth: IAuthModuleService, email: string, password: string) {
  const { success, authIdentity, error } = await auth.register(PROVIDER, { body: { email, password } } as any)
  if (!success || !authIdentity) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `password: ${error ?? "the login could not be created"}`)
  }
  return authIdentity
}

/**
 * This step gives an invited partner an email + password login through the
 * Auth Module's `emailpass` provider. An email that already has a login of
 * another actor type (a customer's) keeps its identity, which is shared as
 * Medusa shares it between actor types, and its password becomes the one
 * chosen here (the invitation link proves the mailbox, as a password reset
 * does). A login bound to no one is replaced by a new identity (see below).
 * Compensation deletes an identity this step created (recreating an orphan
 * login it replaced), and restores a password it replaced.
 */
export const createPartnerLoginStep = createStep(
  createPartnerLoginStepId,
  async (input: { email: string; password: string }, { container }): Promise<StepResponse<{ auth_identity_id: string }, LoginUndo>> => {
    const auth = container.resolve<IAuthModuleService>(Modules.AUTH)
    const [existing] = await auth.listProviderIdentities(
      { entity_id: input.email, provider: PROVIDER },
      { select: ["id", "auth_identity_id", "provider_metadata"] }
    )
    if (existing) {
      const identity = await auth.retrieveAuthIdentity(existing.auth_identity_id!)
      if (identity.app_metadata?.[`${AFFILIATE_ACTOR}_id`]) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "token: this invitation was already accepted; sign in instead")
      }
      if (!boundToAnActor(identity.app_metadata)) {
        // A login no account is bound to: anyone can make one for any email
        // (`POST /auth/affiliate/emailpass/register`) and keep refreshing its
        // token. Bound to the partner, that token would refresh into theirs.
        // It is replaced by a new identity, so every token issued for the old
        // one stops working (a refresh looks the identity up by id).
        await auth.deleteAuthIdentities([identity.id])
        const fresh = await registerLogin(auth, input.email, input.password)
        return new StepResponse(
          { auth_identity_id: fresh.id },
          {
            created: true,
            auth_identity_id: fresh.id,
            provider_identity_id: null,
            provider_metadata: null,
            replaced: { email: input.email, provider_metadata: existing.provider_metadata ?? null, app_metadata: identity.app_metadata ?? null },
          }
        )
      }
      const result = await auth.updateProvider(PROVIDER, { entity_id: input.email, password: input.password })
      if (!result.success) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `password: ${result.error ?? "not accepted"}`)
      }
      return new StepResponse(
        { auth_identity_id: identity.id },
        { created: false, provider_identity_id: existing.id, provider_metadata: existing.provider_metadata ?? null, auth_identity_id: identity.id }
      )
    }
    const authIdentity = await registerLogin(auth, input.email, input.password)
    return new StepResponse(
      { auth_identity_id: authIdentity.id },
      { created: true, auth_identity_id: authIdentity.id, provider_identity_id: null, provider_metadata: null }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const auth = container.resolve<IAuthModuleService>(Modules.AUTH)
    if (undo.created) {
      await auth.deleteAuthIdentities([undo.auth_identity_id])
      if (undo.replaced) {
        await auth.createAuthIdentities({
          provider_identities: [
            { provider: PROVIDER, entity_id: undo.replaced.email, provider_metadata: undo.replaced.provider_metadata ?? undefined },
          ],
          app_metadata: undo.replaced.app_metadata ?? undefined,
        } as any)
      }
    } else if (undo.provider_identity_id) {
      await auth.updateProviderIdentities([{ id: undo.provider_identity_id, provider_metadata: undo.provider_metadata ?? undefined }] as any)
    }
  }
)
