import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AccrualUndo, AccrueOrderInput, OrderAccrual } from "../../../modules/affiliate/ledger/accrual"
import { affiliateService } from "../../affiliate-service"

export const accrueOrderStepId = "accrue-order"

/**
 * This step writes an order's accrual, as `prepareOrderAccrualStep` decided
 * it, in one module transaction: the attribution linked with its reason, the
 * customer's binding, every level's sale line and the paid mark. A crash
 * leaves all of it or none; a repeat writes nothing more. Its compensation
 * takes back exactly what it wrote.
 */
export const accrueOrderStep = createStep(
  accrueOrderStepId,
  async (input: AccrueOrderInput | null, { container }) => {
    if (!input) {
      return new StepResponse<OrderAccrual | null, AccrualUndo | null>(null, null)
    }
    const accrual = await affiliateService(container).accrueOrder(input)
    return new StepResponse<OrderAccrual | null, AccrualUndo | null>(accrual, accrual.undo)
  },
  async (undo: AccrualUndo | null | undefined, { container }) => {
    if (!undo) {
      return
    }
    await affiliateService(container).undoOrderAccrual(undo)
  }
)
