import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123192614 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_referral_code" drop constraint if exists "affiliate_referral_code_code_unique";`);
    this.addSql(`alter table if exists "affiliate_commission_line" drop constraint if exists "affiliate_commission_line_reversal_unique";`);
    this.addSql(`alter table if exists "affiliate_commission_line" drop constraint if exists "affiliate_commission_line_sale_unique";`);
    this.addSql(`alter table if exists "affiliate_attribution" drop constraint if exists "affiliate_attribution_order_unique";`);
    this.addSql(`alter table if exists "affiliate_attribution" drop constraint if exists "affiliate_attribution_cart_unique";`);
    this.addSql(`alter table if exists "affiliate" drop constraint if exists "affiliate_email_unique";`);
    this.addSql(`create table if not exists "affiliate" ("id" text not null, "name" text not null, "email" text not null, "company" text null, "website" text null, "phone" text null, "status" text check ("status" in ('pending', 'active', 'rejected', 'suspended', 'deactivated')) not null default 'pending', "is_internal" boolean not null default false, "commission_rate" numeric null, "customer_id" text null, "parent_id" text null, "parent_commission_ends_at" timestamptz null, "payout_method" text null, "payout_details" jsonb null, "approved_at" timestamptz null, "metadata" jsonb null, "raw_commission_rate" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_deleted_at" ON "affiliate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_email_unique" ON "affiliate" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_status" ON "affiliate" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_customer_id" ON "affiliate" ("customer_id") WHERE customer_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_attribution" ("id" text not null, "cart_id" text null, "order_id" text null, "customer_id" text null, "source" text check ("source" in ('code', 'link', 'lifetime')) not null, "code_id" text null, "code" text null, "click_id" text null, "referred_at" timestamptz not null, "rejection_reason" text null, "affiliate_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_attribution_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_attribution_affiliate_id" ON "affiliate_attribution" ("affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_attribution_deleted_at" ON "affiliate_attribution" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_attribution_cart_unique" ON "affiliate_attribution" ("cart_id") WHERE cart_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_attribution_order_unique" ON "affiliate_attribution" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_click" ("id" text not null, "affiliate_id" text not null, "code_id" text null, "landing_url" text null, "referrer" text null, "utm_source" text null, "utm_medium" text null, "utm_campaign" text null, "utm_term" text null, "utm_content" text null, "sub_id" text null, "sales_channel_id" text null, "ip_hash" text null, "user_agent_hash" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_click_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_click_deleted_at" ON "affiliate_click" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_click_affiliate_created" ON "affiliate_click" ("affiliate_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_payout" ("id" text not null, "amount" numeric not null, "currency_code" text not null, "status" text check ("status" in ('pending', 'paid', 'failed', 'canceled')) not null default 'paid', "method" text not null default 'manual', "external_reference" text null, "note" text null, "created_by" text null, "paid_at" timestamptz null, "affiliate_id" text not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_payout_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_payout_affiliate_id" ON "affiliate_payout" ("affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_payout_deleted_at" ON "affiliate_payout" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_payout_affiliate" ON "affiliate_payout" ("affiliate_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_commission_line" ("id" text not null, "type" text check ("type" in ('sale', 'lead', 'reversal', 'clawback', 'adjustment', 'bonus', 'write_off')) not null, "status" text check ("status" in ('pending', 'on_hold', 'approved', 'paid', 'rejected')) not null default 'pending', "amount" numeric not null, "currency_code" text not null, "base_amount" numeric null, "rate" numeric null, "rule" text null, "level" integer not null default 0, "source" text null, "order_id" text null, "attribution_id" text null, "reverses_id" text null, "reference" text null, "paid_by_customer_at" timestamptz null, "hold_until" timestamptz null, "approved_at" timestamptz null, "reason" text null, "created_by" text null, "affiliate_id" text not null, "payout_id" text null, "raw_amount" jsonb not null, "raw_base_amount" jsonb null, "raw_rate" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_commission_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_line_affiliate_id" ON "affiliate_commission_line" ("affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_line_payout_id" ON "affiliate_commission_line" ("payout_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_line_deleted_at" ON "affiliate_commission_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_commission_line_sale_unique" ON "affiliate_commission_line" ("order_id", "affiliate_id", "level") WHERE type = 'sale' AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_commission_line_reversal_unique" ON "affiliate_commission_line" ("reverses_id", "reference") WHERE reverses_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_line_balance" ON "affiliate_commission_line" ("affiliate_id", "currency_code", "status") WHERE payout_id IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_line_order" ON "affiliate_commission_line" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_line_due" ON "affiliate_commission_line" ("status", "hold_until") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_referral_code" ("id" text not null, "code" text not null, "alias_of_id" text null, "is_active" boolean not null default true, "expires_at" timestamptz null, "promotion_id" text null, "sales_channel_ids" jsonb null, "affiliate_id" text not null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_referral_code_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_referral_code_affiliate_id" ON "affiliate_referral_code" ("affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_referral_code_deleted_at" ON "affiliate_referral_code" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_referral_code_code_unique" ON "affiliate_referral_code" ("code") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_attribution" add constraint "affiliate_attribution_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate_payout" add constraint "affiliate_payout_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate_commission_line" add constraint "affiliate_commission_line_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade;`);
    this.addSql(`alter table if exists "affiliate_commission_line" add constraint "affiliate_commission_line_payout_id_foreign" foreign key ("payout_id") references "affiliate_payout" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table if exists "affiliate_referral_code" add constraint "affiliate_referral_code_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_attribution" drop constraint if exists "affiliate_attribution_affiliate_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_payout" drop constraint if exists "affiliate_payout_affiliate_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_commission_line" drop constraint if exists "affiliate_commission_line_affiliate_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_referral_code" drop constraint if exists "affiliate_referral_code_affiliate_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_commission_line" drop constraint if exists "affiliate_commission_line_payout_id_foreign";`);

    this.addSql(`drop table if exists "affiliate" cascade;`);

    this.addSql(`drop table if exists "affiliate_attribution" cascade;`);

    this.addSql(`drop table if exists "affiliate_click" cascade;`);

    this.addSql(`drop table if exists "affiliate_payout" cascade;`);

    this.addSql(`drop table if exists "affiliate_commission_line" cascade;`);

    this.addSql(`drop table if exists "affiliate_referral_code" cascade;`);
  }

}
