import { Migration } from "@medusajs/framework/mikro-orm/migrations"

const TABLES = ["affiliate_daily_stat", "affiliate_daily_total", "affiliate_program_daily"]
const COLUMNS = ["converted_clicks", "orders_from_clicks", "orders_from_codes", "orders_lifetime"]

/**
 * Conversion that can't pass 100 % (issue 11), on the report read model and
 * its roll-ups (hand-written: they are not entities): `converted_clicks`, the
 * clicks that led to at least one order, counted on the click's day and
 * dimensions, and the orders split by attribution source (link, code,
 * lifetime), on the order's day. Existing rows read 0 until the next rebuild
 * (`rebuildStats`), which the migration asks for by forgetting the refresh
 * time: the next refresh then recomputes every day's sales figures.
 */
export class Migration20261201200000 extends Migration {
  override async up(): Promise<void> {
    for (const table of TABLES) {
      for (const column of COLUMNS) {
        this.addSql(`alter table if exists "${table}" add column if not exists "${column}" integer not null default 0;`)
      }
    }
    this.addSql(`delete from "affiliate_stat_state" where "key" = 'sales_refreshed_at';`)
  }

  override async down(): Promise<void> {
    for (const table of TABLES) {
      for (const column of COLUMNS) {
        this.addSql(`alter table if exists "${table}" drop column if exists "${column}";`)
      }
    }
  }
}
