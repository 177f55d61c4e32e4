import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123203044 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_commission_rule" ("id" text not null, "name" text null, "scope" text check ("scope" in ('affiliate_product', 'affiliate', 'product', 'program')) not null, "kind" text check ("kind" in ('percent', 'fixed_order', 'fixed_lead')) not null default 'percent', "affiliate_id" text null, "product_id" text null, "level" integer not null default 0, "rate" numeric null, "amounts" jsonb null, "excluded" boolean not null default false, "tiers" jsonb null, "tier_metric" text check ("tier_metric" in ('paid_orders', 'revenue')) null, "tier_period_days" integer null, "window_days" integer null, "first_order_only" boolean not null default false, "new_customers_only" boolean not null default false, "is_active" boolean not null default true, "raw_rate" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_commission_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_rule_deleted_at" ON "affiliate_commission_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_rule_scope" ON "affiliate_commission_rule" ("scope", "level") WHERE deleted_at IS NULL AND is_active = true;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_rule_affiliate" ON "affiliate_commission_rule" ("affiliate_id") WHERE affiliate_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_rule_product" ON "affiliate_commission_rule" ("product_id") WHERE product_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_commission_rule" cascade;`);
  }

}
