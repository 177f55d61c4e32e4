import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Once-per-period jobs (hand-written: not an entity). A job that must act
 * once a month runs daily, because Medusa's in-memory scheduler can't wait
 * longer than ~24.8 days; it claims its period here in the same transaction
 * as its work, so later runs in the period, and a second worker, do nothing.
 */
export class Migration20261201120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_period_run" (
      "job" text not null,
      "period" text not null,
      "ran_at" timestamptz not null default now(),
      constraint "affiliate_period_run_pkey" primary key ("job", "period")
    );`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_period_run";`)
  }
}
