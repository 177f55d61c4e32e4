import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

export type OpenLine = { id: string; amount: BigNumberInput }

/**
 * Chooses the ledger lines a payout of `amount` settles. Negative lines
 * (clawbacks) are always settled first so they can't be left behind; then
 * positive lines oldest first while they fit. `carried` is what the settled
 * lines don't cover: positive when the payout pays more than they add up to.
 *
 * `lines` must be ordered oldest first.
 */
export function allocatePayout(lines: OpenLine[], amount: BigNumberInput) {
  const negatives = lines.filter((line) => MathBN.lt(line.amount, 0))
  const positives = lines.filter((line) => !MathBN.lt(line.amount, 0))

  const settled = negatives.map((line) => line.id)
  let covered = MathBN.sum(...negatives.map((line) => line.amount))
  for (const line of positives) {
    const next = MathBN.add(covered, line.amount)
    if (MathBN.gt(next, amount)) {
      break
    }
    settled.push(line.id)
    covered = next
  }
  return { settled, carried: MathBN.sub(amount, covered) }
}
