import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatAmount } from "../../../modules/affiliate/exports/rows"
import { affiliateService } from "../../affiliate-service"
import { partnerLocale, type PartnerEmail } from "../partner-email"

export const composeCommissionEmailsStepId = "compose-commission-emails"

/** The lines a partner hears about: money earned on a sale or a lead (not reversals, bonuses or write-offs). */
const EARNING_TYPES = new Set(["sale", "lead"])

type LineRow = {
  id: string
  type: string
  amount: unknown
  raw_amount?: { value: string } | null
  currency_code: string
  order_id: string | null
  affiliate: { id: string; name: string; email: string; status: string } | null
}

/**
 * This step writes one `commission_created` email per new positive sale or
 * lead line, with the amount exactly as the ledger holds it (rounded to the
 * currency's minor unit as text, never through a float) and the order's
 * display number.
 */
export const composeCommissionEmailsStep = createStep(
  composeCommissionEmailsStepId,
  async (input: { line_ids: string[] }, { container }) => {
    if (!input.line_ids.length) {
      return new StepResponse([] as PartnerEmail[])
    }
    const lines = (await affiliateService(container).listCommissionLines(
      { id: input.line_ids },
      { relations: ["affiliate"] }
    )) as unknown as LineRow[]
    const earning = lines.filter((line) => {
      const amount = line.raw_amount?.value ?? String(line.amount)
      return EARNING_TYPES.has(line.type) && line.affiliate && MathBN.gt(amount, 0)
    })
    const displayIds = await orderDisplayIds(container, earning.map((line) => line.order_id).filter((id): id is string => !!id))
    const emails = earning.map(
      (line): PartnerEmail => ({
        name: "commission_created",
        to: line.affiliate!.email,
        locale: partnerLocale(line.affiliate),
        data: {
          name: line.affiliate!.name,
          amount: formatAmount(line.raw_amount?.value ?? String(line.amount), line.currency_code),
          currency_code: line.currency_code,
          order_display_id: line.order_id ? displayIds.get(line.order_id) ?? null : null,
        },
        idempotency_key: `affiliate-commission-created:${line.id}`,
      })
    )
    return new StepResponse(emails)
  }
)

/** The orders' numbers as the shopper and the partner know them (#1001), by order id. */
async function orderDisplayIds(container: Parameters<typeof affiliateService>[0], orderIds: string[]) {
  const byId = new Map<string, number>()
  if (!orderIds.length) return byId
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: [...new Set(orderIds)] } })
  for (const order of data as unknown as { id: string; display_id: number }[]) byId.set(order.id, order.display_id)
  return byId
}
