import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The balance read model (hand-written: not an entity): one row per affiliate
 * and currency with the sums of its ledger lines, recomputed by the report
 * refresh for the affiliates whose lines changed (`ledger/balances.ts`). It
 * serves the admin's list of every balance; payouts read the ledger itself.
 * Filled here from the ledger, so an existing program's list is whole at once.
 */
export class Migration20261124012000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_balance" (
      "affiliate_id" text not null,
      "currency_code" text not null,
      "available" numeric not null default 0,
      "pending" numeric not null default 0,
      "paid" numeric not null default 0,
      constraint "affiliate_balance_pkey" primary key ("affiliate_id", "currency_code")
    );`)
    this.addSql(`insert into "affiliate_balance" ("affiliate_id", "currency_code", "available", "pending", "paid")
      select "affiliate_id", "currency_code",
             coalesce(sum("amount") filter (where "status" = 'approved' and "payout_id" is null), 0),
             coalesce(sum("amount") filter (where "status" in ('pending', 'on_hold')), 0),
             coalesce(sum("amount") filter (where "status" = 'paid'), 0)
        from "affiliate_commission_line" where "deleted_at" is null
       group by "affiliate_id", "currency_code"
      on conflict do nothing;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_balance";`)
  }
}
