import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Reconciliation by invariants: `priced_version` (the order version an
 * attribution's lines were last priced at, so a confirmed edit that was never
 * priced can be found), and the index the reconciliation pages the accepted
 * orders of its look-back window by. Orders attributed before this are taken
 * as priced at their last edit adjustment's version, else the first.
 */
export class Migration20261201130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_attribution" add column if not exists "priced_version" integer null;`)
    this.addSql(`update "affiliate_attribution" a set "priced_version" = coalesce((
        select max(substring(c."reference" from '^order_edit:v([0-9]+)$')::int)
          from "affiliate_commission_line" c
         where c."order_id" = a."order_id" and c."reference" like 'order_edit:v%'), 1)
      where a."order_id" is not null and a."priced_version" is null;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_attribution_accepted_ordered" ON "affiliate_attribution" ("ordered_at", "order_id") WHERE order_id IS NOT NULL AND rejection_reason IS NULL AND deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_affiliate_attribution_accepted_ordered";`)
    this.addSql(`alter table if exists "affiliate_attribution" drop column if exists "priced_version";`)
  }
}
