import { Migration } from "@medusajs/framework/mikro-orm/migrations"

const MEASURES = `
      "clicks" integer not null default 0,
      "unique_visitors" integer not null default 0,
      "leads" integer not null default 0,
      "orders" integer not null default 0,
      "revenue" numeric not null default 0,
      "commission_pending" numeric not null default 0,
      "commission_on_hold" numeric not null default 0,
      "commission_approved" numeric not null default 0,
      "commission_paid" numeric not null default 0,
      "commission_rejected" numeric not null default 0`

/**
 * Two roll-ups of `affiliate_daily_stat` for the program-wide reports, which
 * would otherwise sum every affiliate's rows: per affiliate and day (top
 * affiliates), and per day, sales channel and UTM campaign (the funnel, by
 * campaign, by channel, totals). See `stats/daily-stats.ts`.
 */
export class Migration20261123233000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_daily_total" (
      "day" date not null,
      "affiliate_id" text not null,
      "currency_code" text not null default '',${MEASURES},
      constraint "affiliate_daily_total_pkey" primary key ("day", "affiliate_id", "currency_code")
    );`)
    this.addSql(`create table if not exists "affiliate_program_daily" (
      "day" date not null,
      "sales_channel_id" text not null default '',
      "utm_campaign" text not null default '',
      "currency_code" text not null default '',${MEASURES},
      constraint "affiliate_program_daily_pkey" primary key ("day", "sales_channel_id", "utm_campaign", "currency_code")
    );`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_daily_total";`)
    this.addSql(`drop table if exists "affiliate_program_daily";`)
  }
}
