import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { affiliateService } from "../../../../../workflows/affiliate-service"
import {
  applyCartReferralWorkflow,
  removeCartReferralWorkflow,
} from "../../../../../workflows/referrals"
import { StoreApplyCartReferralType } from "../../validators"

/** The cart's referral as a shopper may see it: who referred them and how. */
async function cartReferral(req: AuthenticatedMedusaRequest, cartId: string) {
  const service = affiliateService(req.scope)
  const [attribution] = await service.listAttributions(
    { cart_id: cartId },
    { take: 1, relations: ["affiliate"] }
  )
  if (!attribution) {
    return null
  }
  return {
    cart_id: cartId,
    source: attribution.source,
    code: attribution.code,
    referred_at: attribution.referred_at,
    affiliate: { name: attribution.affiliate.name },
  }
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const referral = await cartReferral(req, req.params.id)
  if (!referral) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${req.params.id} has no referral`)
  }
  res.json({ referral })
}

/** Applies a typed code or a click token to the cart. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreApplyCartReferralType>,
  res: MedusaResponse
) => {
  await applyCartReferralWorkflow(req.scope).run({
    input: {
      cart_id: req.params.id,
      ...req.validatedBody,
      actor_id: req.auth_context?.actor_id ?? null,
    },
  })
  res.json({ referral: await cartReferral(req, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await removeCartReferralWorkflow(req.scope).run({
    input: { cart_id: req.params.id, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.json({ id: req.params.id, object: "referral", deleted: true })
}
