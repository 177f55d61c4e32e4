import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Indexes for top affiliates on `affiliate_daily_total` (hand-written: the
 * roll-ups are not entities). A top list by orders or money ranks from one
 * currency's rows read from the index alone, then fetches the figures of the
 * few it kept by affiliate. Click counters are left out of the covering
 * index, so a click's increment stays a heap-only update.
 */
export class Migration20261124005500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index if not exists "IDX_affiliate_daily_total_currency_day" on "affiliate_daily_total" ("currency_code", "day")
      include ("affiliate_id", "orders", "revenue", "commission_pending", "commission_on_hold", "commission_approved", "commission_paid");`)
    this.addSql(`create index if not exists "IDX_affiliate_daily_total_affiliate_day" on "affiliate_daily_total" ("affiliate_id", "day");`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_affiliate_daily_total_currency_day";`)
    this.addSql(`drop index if exists "IDX_affiliate_daily_total_affiliate_day";`)
  }
}
