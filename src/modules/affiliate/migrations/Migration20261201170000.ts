import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Partner payout details (B6): `payout_details` (jsonb) and `payout_method`
 * exist since the first migration; this adds when they were last replaced.
 * Details stored before validation existed stay as they are: they are masked
 * like any other, and the exports treat them as missing.
 */
export class Migration20261201170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate" add column if not exists "payout_details_updated_at" timestamptz null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate" drop column if exists "payout_details_updated_at";`)
  }
}
