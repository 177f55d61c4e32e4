import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AttributionSource } from "../../../modules/affiliate/types"
import { verifyAttributionToken } from "../../../modules/affiliate/utils/token"
import { affiliateService } from "../../affiliate-service"
import { describeCodeRefusal } from "../../../modules/affiliate/utils/code-refusal"
import { ReferralCart } from "./validate-cart-access"

export type CartReferralInput = {
  /** A code the shopper typed. */
  code?: string
  /** An attribution token from a tracked click. */
  token?: string
}

export type CartAttributionData = {
  cart_id: string
  affiliate_id: string
  customer_id: string | null
  source: AttributionSource
  code_id: string | null
  code: string | null
  click_id: string | null
  referred_at: Date
}

export type ValidatedCartReferral = {
  /** What to store for the cart; null when the cart keeps what it has. */
  attribution: CartAttributionData | null
  /** A promotion code to apply with the referral code. */
  promotion_code: string | null
}

export const validateCartReferralStepId = "validate-cart-referral"

/**
 * This step checks a code or click token against the cart and decides what
 * the cart's attribution becomes. A typed code always replaces a click; a
 * click never replaces a code (C5); between clicks, the attribution model
 * decides.
 */
export const validateCartReferralStep = createStep(
  validateCartReferralStepId,
  async ({ cart, ...input }: CartReferralInput & { cart: ReferralCart }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service = affiliateService(container)
    const options = service.getOptions()
    const now = new Date()

    const [current] = await service.listAttributions({ cart_id: cart.id }, { take: 1 })

    if (input.code) {
      const resolved = await service.resolveCode(input.code, { fresh: true })
      if (!resolved) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Referral code ${input.code} was not found`
        )
      }
      const refusal = service.codeRefusal(resolved, { now, sales_channel_id: cart.sales_channel_id })
      if (refusal) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, describeCodeRefusal(input.code, refusal))
      }
      const { affiliate, code } = resolved
      const isOwn =
        (cart.customer_id && cart.customer_id === affiliate.customer_id) ||
        (cart.email && cart.email.toLowerCase() === affiliate.email.toLowerCase())
      if (isOwn) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Referral code ${input.code} belongs to the shopper and can't be used on their own cart`
        )
      }
      let promotionCode: string | null = null
      if (code.promotion_id) {
        const { data: [promotion] } = await query.graph({
          entity: "promotion",
          fields: ["id", "code"],
          filters: { id: code.promotion_id },
        })
        promotionCode = promotion?.code ?? null
      }
      return new StepResponse<ValidatedCartReferral>({
        attribution: {
          cart_id: cart.id,
          affiliate_id: affiliate.id,
          customer_id: cart.customer_id ?? null,
          source: AttributionSource.CODE,
          code_id: code.id,
          code: resolved.typed,
          click_id: null,
          referred_at: now,
        },
        promotion_code: promotionCode,
      })
    }

    const verified = verifyAttributionToken(input.token ?? "", options.secret, now)
    if (!verified.valid) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        verified.reason === "expired"
          ? "token: the attribution token has expired"
          : "token: the attribution token is not valid"
      )
    }
    const [click] = await service.listClicks({ id: verified.click_id }, { take: 1 })
    if (!click) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "token: the attribution token is not valid")
    }
    const affiliate = await service.retrieveAffiliate(click.affiliate_id)
    if (affiliate.status !== "active") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "token: the affiliate of this click is not active"
      )
    }

    const keepCurrent =
      current &&
      (current.source === AttributionSource.CODE ||
        (options.attribution_model === "first_click" && current.source === AttributionSource.LINK))
    if (keepCurrent) {
      return new StepResponse<ValidatedCartReferral>({ attribution: null, promotion_code: null })
    }
    return new StepResponse<ValidatedCartReferral>({
      attribution: {
        cart_id: cart.id,
        affiliate_id: affiliate.id,
        customer_id: cart.customer_id ?? null,
        source: AttributionSource.LINK,
        code_id: click.code_id ?? null,
        code: null,
        click_id: click.id,
        referred_at: new Date(click.created_at),
      },
      promotion_code: null,
    })
  }
)
