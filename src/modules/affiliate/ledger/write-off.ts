/** F5, no negative carryover: a negative balance is written off once per period. */
import { MathBN } from "@medusajs/framework/utils"
import type { ModuleTx } from "../module-tx"
import { CommissionStatus, CommissionType, WrittenLine } from "../../../types/ledger"
import { queryBalances } from "./balances"
import { insertLines } from "./lines"

/**
 * At the first run in a period (e.g. "2026-12"), writes every negative
 * available balance off with one approved positive line per affiliate and
 * currency, referenced by the period ("write_off:2026-12"). The job runs
 * daily (the in-memory scheduler can't wait a month), so the period's run is
 * claimed in `affiliate_period_run` in the same transaction as the lines:
 * later runs in the period write nothing, and a crash mid-run leaves neither
 * the claim nor any line, so the next run does it all. The unique index on
 * write-off lines backs this up. Returns the lines written.
 */
export async function writeOffNegativeBalances(tx: ModuleTx, period: string, now = new Date()): Promise<WrittenLine[]> {
  const { rows: claimed } = await tx.knex.raw(
    `INSERT INTO affiliate_period_run (job, period) VALUES (:job, :period)
     ON CONFLICT DO NOTHING RETURNING job`,
    { job: "write_off", period }
  )
  if (!claimed.length) {
    return []
  }
  const reference = `write_off:${period}`
  const negative = (await queryBalances(tx.knex)).filter((balance) => MathBN.lt(balance.available, 0))
  return await insertLines(
    tx,
    negative.map((balance) => ({
      affiliate_id: balance.affiliate_id,
      currency_code: balance.currency_code,
      type: CommissionType.WRITE_OFF,
      status: CommissionStatus.APPROVED,
      amount: MathBN.mult(balance.available, -1).toString(),
      reference,
      reason: "Negative balance written off at the start of the period",
      created_by: "system:write_off",
      approved_at: now,
    }))
  )
}
