import type { MedusaContainer } from "@medusajs/framework/types"
import { affiliateService } from "../../../workflows/affiliate-service"

/** The partner's own profile as `GET|POST /affiliate/me` answer it. */
export async function ownProfile(container: MedusaContainer, affiliateId: string) {
  const affiliate = await affiliateService(container).retrieveAffiliate(affiliateId, {
    select: [
      "id", "name", "email", "company", "website", "phone", "audience", "status", "email_verified_at", "locale",
      "terms_version", "terms_accepted_at", "application", "payout_method", "created_at", "approved_at",
    ],
    relations: ["codes"],
  })
  const { codes, ...profile } = affiliate as typeof affiliate & { codes: any[] }
  return {
    ...profile,
    application: profile.application ?? { fields: {} },
    codes: codes.map((code: any) => ({
      id: code.id,
      code: code.code,
      alias_of_id: code.alias_of_id,
      is_active: code.is_active,
      expires_at: code.expires_at,
    })),
  }
}
