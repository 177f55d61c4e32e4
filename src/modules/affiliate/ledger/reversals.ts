/**
 * Taking commission back: a cancellation (all that is left of each earning
 * line) and refunds (each refund's share). Nothing is deleted: each is a new
 * negative line against the line it reverses, a `reversal` while that line is
 * not paid out and a `clawback` (approved at once, lowering the next payout)
 * once it is. One per line and cause (`reverses_id`, `reference`), so a
 * repeated event writes nothing.
 */
import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import type { ModuleTx } from "../module-tx"
import { roundAmount } from "../utils/money"
import {
  CommissionStatus,
  CommissionType,
  RefundShareInput,
  ReverseLinesOptions,
  WrittenLine,
} from "../../../types/ledger"
import { exactAmount, insertLines, LedgerLine, lineAgainst, loadLines } from "./lines"

type TakenBack = { reverses_id: string | null; reference: string | null; amount: unknown; raw_amount?: unknown }

/** An order's earning lines that can still be taken back, and all taken back from them so far. */
async function loadReversible(tx: ModuleTx, orderId: string) {
  const lines = (
    await loadLines(
      tx,
      { order_id: orderId, type: [CommissionType.SALE, CommissionType.LEAD] },
      { order: { created_at: "ASC" } }
    )
  ).filter((line) => line.status !== CommissionStatus.REJECTED)
  // Everything already taken back from each line, whatever the cause: a
  // cancel after a partial refund reverses only what is left.
  const takenBack = lines.length
    ? ((await loadLines(
        tx,
        { reverses_id: lines.map((line) => line.id), status: { $ne: CommissionStatus.REJECTED } },
        { select: ["reverses_id", "reference", "amount", "raw_amount"] }
      )) as unknown as TakenBack[])
    : []
  return { lines, takenBack }
}

/**
 * The negative lines one cause writes: for each line not yet reversed for
 * `reference`, all that is left of it or `fraction` of it (rounded once to
 * the currency), never more than is left. Adds them to `takenBack`, so the
 * next cause in the same transaction sees them.
 */
function planReversals(
  lines: LedgerLine[],
  takenBack: TakenBack[],
  { reference, reason, created_by, fraction }: ReverseLinesOptions
) {
  const rows = lines.flatMap((line) => {
    const own = takenBack.filter((reversal) => reversal.reverses_id === line.id)
    if (own.some((reversal) => reversal.reference === reference)) {
      return []
    }
    const remaining = MathBN.add(exactAmount(line), ...own.map(exactAmount))
    const share =
      fraction === undefined
        ? remaining
        : MathBN.min(roundAmount(MathBN.mult(exactAmount(line), fraction), line.currency_code), remaining)
    if (MathBN.lte(share, 0)) {
      return []
    }
    return [
      lineAgainst(line, {
        type: line.status === CommissionStatus.PAID ? CommissionType.CLAWBACK : CommissionType.REVERSAL,
        amount: MathBN.mult(share, -1).toString(),
        reference,
        reason: reason ?? null,
        created_by: created_by ?? null,
      }),
    ]
  })
  takenBack.push(...rows.map((row) => ({ reverses_id: row.reverses_id, reference, amount: row.amount })))
  return rows
}

/**
 * Writes one negative line for each of the order's earning lines that has
 * not been reversed for this `reference` yet. Returns the lines written.
 */
export async function reverseOrderLines(
  tx: ModuleTx,
  orderId: string,
  options: ReverseLinesOptions
): Promise<WrittenLine[]> {
  const { lines, takenBack } = await loadReversible(tx, orderId)
  return await insertLines(tx, planReversals(lines, takenBack, options))
}

/**
 * Takes back, for each refund, the same share of the order's commission as
 * the refund is of what the customer paid (`refund:<id>` per refund), all in
 * one transaction. Returns the lines written.
 */
export async function reverseRefundedShare(
  tx: ModuleTx,
  { order_id, paid_total, refunds }: RefundShareInput
): Promise<WrittenLine[]> {
  if (!MathBN.gt(paid_total, 0) || !refunds.length) {
    return []
  }
  const { lines, takenBack } = await loadReversible(tx, order_id)
  const rows = refunds.flatMap((refund) =>
    planReversals(lines, takenBack, {
      reference: `refund:${refund.id}`,
      reason: "Payment refunded",
      fraction: MathBN.min(MathBN.div(refund.amount, paid_total), 1) as BigNumberInput,
    })
  )
  return await insertLines(tx, rows)
}
