import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"
import { CommissionOrder } from "../utils/order-fields"
import { OrderAttribution } from "./attribute-order"

export const bindCustomerStepId = "bind-customer-to-affiliate"

/**
 * This step binds the order's customer to the affiliate that earned on it,
 * if the customer isn't bound yet: the first attributed order wins, for life
 * (C6). The unique index on the customer settles a race between two orders.
 */
export const bindCustomerStep = createStep(
  bindCustomerStepId,
  async (
    { order, attribution }: { order: CommissionOrder; attribution: OrderAttribution | null },
    { container }
  ) => {
    if (!attribution || attribution.rejection_reason || !order.customer_id) {
      return new StepResponse(null, null)
    }
    const service = affiliateService(container)
    const [bound] = await service.listCustomerBindings({ customer_id: order.customer_id }, { take: 1 })
    if (bound) {
      return new StepResponse(bound.id, null)
    }
    try {
      const binding = await service.createCustomerBindings({
        customer_id: order.customer_id,
        affiliate_id: attribution.affiliate_id,
        referred_at: attribution.referred_at,
        order_id: order.id,
      })
      return new StepResponse(binding.id, binding.id)
    } catch (error) {
      const [raced] = await service.listCustomerBindings({ customer_id: order.customer_id }, { take: 1 })
      if (raced) {
        return new StepResponse(raced.id, null)
      }
      throw error
    }
  },
  async (createdId: string | null | undefined, { container }) => {
    if (!createdId) {
      return
    }
    await affiliateService(container).deleteCustomerBindings(createdId)
  }
)
