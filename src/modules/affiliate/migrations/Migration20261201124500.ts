import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Clicks become append-only (hand-written: the column is not part of the
 * entity). Each click carries the id of the transaction that inserted it
 * (`tx_id`), and the report refresh, the one writer of the read model, adds
 * the clicks its last snapshot could not see (`stats/daily-stats.ts`). The
 * snapshot of each roll-up is kept in `affiliate_stat_state.snapshot`.
 *
 * Clicks that exist when this runs were already counted by the old click
 * statement: they get transaction id 0, which every snapshot has seen.
 */
export class Migration20261201124500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "affiliate_click" add column if not exists "tx_id" xid8 not null default '0';`)
    this.addSql(`alter table "affiliate_click" alter column "tx_id" set default pg_current_xact_id();`)
    this.addSql(`create index if not exists "IDX_affiliate_click_tx_id" on "affiliate_click" ("tx_id");`)
    this.addSql(`alter table "affiliate_stat_state" add column if not exists "snapshot" pg_snapshot null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "affiliate_stat_state" drop column if exists "snapshot";`)
    this.addSql(`drop index if exists "IDX_affiliate_click_tx_id";`)
    this.addSql(`alter table "affiliate_click" drop column if exists "tx_id";`)
  }
}
