import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124011346 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_attribution_affiliate_ordered" ON "affiliate_attribution" ("affiliate_id", "ordered_at") WHERE ordered_at IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`drop index if exists "IDX_affiliate_commission_line_balance";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_line_ledger" ON "affiliate_commission_line" ("affiliate_id", "currency_code", "status", "payout_id", "amount") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_affiliate_attribution_affiliate_ordered";`);

    this.addSql(`drop index if exists "IDX_affiliate_commission_line_ledger";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_line_balance" ON "affiliate_commission_line" ("affiliate_id", "currency_code", "status") WHERE payout_id IS NULL AND deleted_at IS NULL;`);
  }

}
