import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123215719 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_click" drop constraint if exists "affiliate_click_dedupe_unique";`);
    this.addSql(`alter table if exists "affiliate_referral_link" drop constraint if exists "affiliate_referral_link_code_unique";`);
    this.addSql(`alter table if exists "affiliate_referral_link" drop constraint if exists "affiliate_referral_link_code_sub_unique";`);
    this.addSql(`alter table if exists "affiliate_lead" drop constraint if exists "affiliate_lead_customer_unique";`);
    this.addSql(`create table if not exists "affiliate_lead" ("id" text not null, "affiliate_id" text not null, "customer_id" text not null, "source" text not null, "code_id" text null, "click_id" text null, "link_id" text null, "sub_id" text null, "sales_channel_id" text null, "utm_campaign" text null, "referred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_lead_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_lead_deleted_at" ON "affiliate_lead" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_lead_customer_unique" ON "affiliate_lead" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_lead_affiliate_created" ON "affiliate_lead" ("affiliate_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_lead_updated" ON "affiliate_lead" ("updated_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_program_settings" ("id" text not null, "settings" jsonb not null, "updated_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_program_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_program_settings_deleted_at" ON "affiliate_program_settings" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_referral_link" ("id" text not null, "affiliate_id" text not null, "code_id" text not null, "sub_id" text null, "name" text null, "target_url" text null, "utm_source" text null, "utm_medium" text null, "utm_campaign" text null, "utm_term" text null, "utm_content" text null, "is_active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_referral_link_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_referral_link_deleted_at" ON "affiliate_referral_link" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_referral_link_code_sub_unique" ON "affiliate_referral_link" ("code_id", "sub_id") WHERE sub_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_referral_link_code_unique" ON "affiliate_referral_link" ("code_id") WHERE sub_id IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_referral_link_affiliate" ON "affiliate_referral_link" ("affiliate_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate" add column if not exists "sales_channel_ids" jsonb null;`);

    this.addSql(`alter table if exists "affiliate_attribution" add column if not exists "link_id" text null, add column if not exists "sub_id" text null, add column if not exists "sales_channel_id" text null, add column if not exists "utm_campaign" text null, add column if not exists "ordered_at" timestamptz null, add column if not exists "order_total" numeric null, add column if not exists "currency_code" text null, add column if not exists "raw_order_total" jsonb null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_attribution_updated" ON "affiliate_attribution" ("updated_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_click" add column if not exists "link_id" text null, add column if not exists "visitor_hash" text null, add column if not exists "dedupe_key" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_click_visitor" ON "affiliate_click" ("affiliate_id", "visitor_hash", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_click_created" ON "affiliate_click" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_click_ip_created" ON "affiliate_click" ("ip_hash", "created_at") WHERE ip_hash IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_click_dedupe_unique" ON "affiliate_click" ("dedupe_key") WHERE dedupe_key IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_commission_line_write_off_unique" ON "affiliate_commission_line" ("affiliate_id", "currency_code", "reference") WHERE type = 'write_off' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_line_updated" ON "affiliate_commission_line" ("updated_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_line_affiliate_created" ON "affiliate_commission_line" ("affiliate_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_lead" cascade;`);

    this.addSql(`drop table if exists "affiliate_program_settings" cascade;`);

    this.addSql(`drop table if exists "affiliate_referral_link" cascade;`);

    this.addSql(`alter table if exists "affiliate" drop column if exists "sales_channel_ids";`);

    this.addSql(`drop index if exists "IDX_affiliate_attribution_updated";`);
    this.addSql(`alter table if exists "affiliate_attribution" drop column if exists "link_id", drop column if exists "sub_id", drop column if exists "sales_channel_id", drop column if exists "utm_campaign", drop column if exists "ordered_at", drop column if exists "order_total", drop column if exists "currency_code", drop column if exists "raw_order_total";`);

    this.addSql(`drop index if exists "IDX_affiliate_click_visitor";`);
    this.addSql(`drop index if exists "IDX_affiliate_click_created";`);
    this.addSql(`drop index if exists "IDX_affiliate_click_ip_created";`);
    this.addSql(`drop index if exists "IDX_affiliate_click_dedupe_unique";`);
    this.addSql(`alter table if exists "affiliate_click" drop column if exists "link_id", drop column if exists "visitor_hash", drop column if exists "dedupe_key";`);

    this.addSql(`drop index if exists "IDX_affiliate_commission_line_write_off_unique";`);
    this.addSql(`drop index if exists "IDX_affiliate_commission_line_updated";`);
    this.addSql(`drop index if exists "IDX_affiliate_commission_line_affiliate_created";`);
  }

}
