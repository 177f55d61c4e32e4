import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The report read model (G7, H2, H4), written by hand: it is not an entity.
 * One row per day and dimension tuple, with counters the click path increments
 * in the same statement as its insert and sales figures recomputed from the
 * ledger (see `stats/daily-stats.ts`). Empty strings, not nulls, stand for
 * "none" so the tuple can be a primary key that upserts conflict on.
 */
export class Migration20261123215720 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_daily_stat" (
      "day" date not null,
      "affiliate_id" text not null,
      "sales_channel_id" text not null default '',
      "code_id" text not null default '',
      "link_id" text not null default '',
      "utm_campaign" text not null default '',
      "currency_code" text not null default '',
      "clicks" integer not null default 0,
      "unique_visitors" integer not null default 0,
      "leads" integer not null default 0,
      "orders" integer not null default 0,
      "revenue" numeric not null default 0,
      "commission_pending" numeric not null default 0,
      "commission_on_hold" numeric not null default 0,
      "commission_approved" numeric not null default 0,
      "commission_paid" numeric not null default 0,
      "commission_rejected" numeric not null default 0,
      constraint "affiliate_daily_stat_pkey" primary key ("day", "affiliate_id", "sales_channel_id", "code_id", "link_id", "utm_campaign", "currency_code")
    );`)
    this.addSql(`create index if not exists "IDX_affiliate_daily_stat_affiliate_day" on "affiliate_daily_stat" ("affiliate_id", "day");`)
    this.addSql(`create table if not exists "affiliate_stat_state" (
      "key" text not null primary key,
      "value" timestamptz not null
    );`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_daily_stat";`)
    this.addSql(`drop table if exists "affiliate_stat_state";`)
  }
}
