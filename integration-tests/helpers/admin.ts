import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateJwtToken, Modules } from "@medusajs/framework/utils"

/** Axios request config that authenticates as an admin user. */
export type AdminAuth = {
  headers: { authorization: string }
  /** The admin user's id (axios ignores the extra key). */
  userId: string
}

export type CreateAdminUserOptions = {
  email?: string
  password?: string
}

/**
 * Creates an admin user with an emailpass identity (so the password also works
 * on POST /auth/user/emailpass) and returns a bearer token for it, signed with
 * the app's jwtSecret the way Medusa's login route signs it. Call it after the
 * database is reset, i.e. in `beforeEach` of a `medusaIntegrationTestRunner` suite.
 *
 * @example
 * const admin = await createAdminUser(getContainer())
 * const { data } = await api.get(`/admin/orders/${id}`, admin)
 */
export async function createAdminUser(
  container: MedusaContainer,
  { email = "admin@medusa-test.com", password = "supersecret" }: CreateAdminUserOptions = {}
): Promise<AdminAuth> {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)

  const user = await userModule.createUsers({ email, first_name: "Admin", last_name: "User" })

  const { authIdentity, error } = await authModule.register("emailpass", {
    body: { email, password },
  })
  if (!authIdentity) {
    throw new Error(`Could not register the admin identity: ${error}`)
  }
  await authModule.updateAuthIdentities({
    id: authIdentity.id,
    app_metadata: { user_id: user.id },
  })

  const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const token = generateJwtToken(
    {
      actor_id: user.id,
      actor_type: "user",
      auth_identity_id: authIdentity.id,
      auth_provider: "emailpass",
      app_metadata: { user_id: user.id },
      user_metadata: {},
    },
    { secret: http.jwtSecret, expiresIn: "1d", jwtOptions: http.jwtOptions }
  )

  return { headers: { authorization: `Bearer ${token}` }, userId: user.id }
}
