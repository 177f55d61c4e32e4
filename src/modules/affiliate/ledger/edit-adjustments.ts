/**
 * E4, order edits: each sale line is brought to what the edited order earns
 * by one adjustment line per line and edit, pointing at the sale line.
 */
import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import type { ModuleTx } from "../module-tx"
import { roundAmount } from "../utils/money"
import { AdjustOrderLinesOptions, CommissionStatus, CommissionType, WrittenLine } from "../../../types/ledger"
import { exactAmount, insertLines, lineAgainst, loadLines } from "./lines"

/** Who writes an edit's adjustments. */
export const ORDER_EDIT_ACTOR = "system:order_edit"

/**
 * Writes, for each sale line in `targets` (what it should be worth now, by
 * line id), the difference to what it is worth. Only earlier edit
 * adjustments count toward what the line is worth now; refunds are taken back
 * on their own. Against a paid-out line a decrease is a clawback and an
 * increase is approved for the next payout. With `priced_version`, records on
 * the order's attribution that the order was priced at that version (what
 * reconciliation checks edits against). Returns the lines written.
 */
export async function adjustOrderLines(
  tx: ModuleTx,
  orderId: string,
  targets: Record<string, BigNumberInput>,
  { reference, reason, priced_version }: AdjustOrderLinesOptions
): Promise<WrittenLine[]> {
  if (priced_version != null) {
    await tx.knex("affiliate_attribution")
      .where({ order_id: orderId })
      .whereNull("deleted_at")
      .where((q) => q.whereNull("priced_version").orWhere("priced_version", "<", priced_version))
      .update({ priced_version, updated_at: new Date() })
  }
  const lines = await loadLines(tx, { order_id: orderId, type: CommissionType.SALE, id: Object.keys(targets) })
  const earlier = (await loadLines(
    tx,
    { reverses_id: lines.map((line) => line.id), reference: { $like: "order_edit:%" } },
    { select: ["reverses_id", "reference", "amount", "raw_amount", "status"] }
  )) as unknown as { reverses_id: string; reference: string; status: CommissionStatus; amount: unknown }[]
  const rows = lines.flatMap((line) => {
    const own = earlier.filter((adjustment) => adjustment.reverses_id === line.id)
    if (line.status === CommissionStatus.REJECTED || own.some((adjustment) => adjustment.reference === reference)) {
      return []
    }
    const counted = own.filter((adjustment) => adjustment.status !== CommissionStatus.REJECTED)
    const current = MathBN.add(exactAmount(line), ...counted.map(exactAmount))
    const delta = MathBN.sub(roundAmount(targets[line.id], line.currency_code), current)
    if (MathBN.eq(delta, 0)) {
      return []
    }
    const paidOut = line.status === CommissionStatus.PAID
    return [
      lineAgainst(line, {
        type: paidOut && MathBN.lt(delta, 0) ? CommissionType.CLAWBACK : CommissionType.ADJUSTMENT,
        amount: delta.toString(),
        reference,
        reason: reason ?? null,
        created_by: ORDER_EDIT_ACTOR,
      }),
    ]
  })
  return await insertLines(tx, rows)
}
