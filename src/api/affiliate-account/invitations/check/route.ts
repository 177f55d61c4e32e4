import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { INVALID_LINK } from "../../../../modules/affiliate/accounts/account-changes"
import { affiliateService } from "../../../../workflows/affiliate-service"
import { AccountTokenType } from "../../validators"

/** Whom an invitation link is for (the accept page greets them), without using it. */
export const POST = async (req: MedusaRequest<AccountTokenType>, res: MedusaResponse) => {
  const invitation = await affiliateService(req.scope).previewInvitation(req.validatedBody.token, new Date())
  if (!invitation) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, INVALID_LINK)
  }
  res.json({ invitation })
}
