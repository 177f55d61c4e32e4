import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AttributionSource } from "../../../modules/affiliate/types"
import { affiliateService } from "../../affiliate-service"
import { isSelfReferral, ReferralEvidence, resolveReferral } from "../utils/resolve-referral"
import { ReferralCart } from "./validate-cart-access"

export type CartReferralInput = ReferralEvidence

export type CartAttributionData = {
  cart_id: string
  affiliate_id: string
  customer_id: string | null
  source: AttributionSource
  code_id: string | null
  code: string | null
  click_id: string | null
  referred_at: Date
  // Report dimensions (H4).
  link_id: string | null
  sub_id: string | null
  utm_campaign: string | null
  sales_channel_id: string | null
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
    const settings = await service.getProgramSettings()

    const referral = await resolveReferral(container, input, { sales_channel_id: cart.sales_channel_id })
    const [current] = await service.listAttributions({ cart_id: cart.id }, { take: 1 })

    if (referral.source === AttributionSource.CODE) {
      if (isSelfReferral(cart, referral.affiliate)) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Referral code ${input.code} belongs to the shopper and can't be used on their own cart`
        )
      }
    } else {
      const keepCurrent =
        current &&
        (current.source === AttributionSource.CODE ||
          (settings.attribution_model === "first_click" && current.source === AttributionSource.LINK))
      if (keepCurrent) {
        return new StepResponse<ValidatedCartReferral>({ attribution: null, promotion_code: null })
      }
    }

    let promotionCode: string | null = null
    if (referral.promotion_id) {
      const { data: [promotion] } = await query.graph({
        entity: "promotion",
        fields: ["id", "code"],
        filters: { id: referral.promotion_id },
      })
      promotionCode = promotion?.code ?? null
    }
    return new StepResponse<ValidatedCartReferral>({
      attribution: {
        cart_id: cart.id,
        affiliate_id: referral.affiliate.id,
        customer_id: cart.customer_id ?? null,
        source: referral.source,
        code_id: referral.code_id,
        code: referral.code,
        click_id: referral.click_id,
        referred_at: referral.referred_at,
        link_id: referral.link_id,
        sub_id: referral.sub_id,
        utm_campaign: referral.utm_campaign,
        sales_channel_id: cart.sales_channel_id ?? null,
      },
      promotion_code: promotionCode,
    })
  }
)
