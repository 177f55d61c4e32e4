import { Migration } from "@medusajs/framework/mikro-orm/migrations"

const MEASURES = `
      "clicks" integer not null default 0,
      "unique_visitors" integer not null default 0,
      "leads" integer not null default 0,
      "orders" integer not null default 0,
      "converted_clicks" integer not null default 0,
      "orders_from_clicks" integer not null default 0,
      "orders_from_codes" integer not null default 0,
      "orders_lifetime" integer not null default 0,
      "revenue" numeric not null default 0,
      "commission_pending" numeric not null default 0,
      "commission_on_hold" numeric not null default 0,
      "commission_approved" numeric not null default 0,
      "commission_paid" numeric not null default 0,
      "commission_rejected" numeric not null default 0`
const COLUMNS = [
  "clicks", "unique_visitors", "leads", "orders", "converted_clicks", "orders_from_clicks", "orders_from_codes",
  "orders_lifetime", "revenue", "commission_pending", "commission_on_hold", "commission_approved", "commission_paid",
  "commission_rejected",
]
const FULL_KEYS = ["affiliate_id", "sales_channel_id", "code_id", "link_id", "utm_campaign", "currency_code"]

/**
 * Reports over long ranges (issue 11): monthly roll-ups of the report read
 * model, whose `day` is the first day of the month (all dimensions; per
 * affiliate; per sales channel and campaign), and a per-day roll-up with no
 * dimension but the currency for the funnel by day; the per-affiliate monthly
 * tables are indexed by (affiliate, day) for one partner's figures. Filled here from
 * the daily rows they sum, and kept by the refresh (`stats/rollups.ts`).
 * Hand-written: they are not entities.
 */
export class Migration20261201220000 extends Migration {
  override async up(): Promise<void> {
    const table = (name: string, keys: string[]) => {
      this.addSql(`create table if not exists "${name}" (
      "day" date not null,${keys.map((key) => `\n      "${key}" text not null default '',`).join("")}${MEASURES},
      constraint "${name}_pkey" primary key ("day", ${keys.map((key) => `"${key}"`).join(", ")})
    );`)
    }
    const fill = (name: string, source: string, keys: string[], monthly: boolean) => {
      const day = monthly ? `cast(date_trunc('month', "day") as date)` : `"day"`
      const list = keys.map((key) => `"${key}"`).join(", ")
      this.addSql(`insert into "${name}" ("day", ${list}, ${COLUMNS.join(", ")})
        select ${day}, ${list}, ${COLUMNS.map((column) => `sum("${column}")`).join(", ")}
          from "${source}" group by ${day}, ${list}
        on conflict do nothing;`)
    }
    table("affiliate_funnel_daily", ["currency_code"])
    table("affiliate_monthly_stat", FULL_KEYS)
    table("affiliate_monthly_total", ["affiliate_id", "currency_code"])
    table("affiliate_program_monthly", ["sales_channel_id", "utm_campaign", "currency_code"])
    // One partner's figures by (affiliate, day), as on the daily tables (20261123215720, 20261124005500);
    // top partners ranked from the covering (currency, day) index, as on `affiliate_daily_total`.
    for (const name of ["affiliate_monthly_stat", "affiliate_monthly_total"]) {
      this.addSql(`create index if not exists "IDX_${name}_affiliate_day" on "${name}" ("affiliate_id", "day");`)
    }
    this.addSql(`create index if not exists "IDX_affiliate_monthly_total_currency_day" on "affiliate_monthly_total" ("currency_code", "day")
      include ("affiliate_id", "orders", "revenue", "commission_pending", "commission_on_hold", "commission_approved", "commission_paid");`)
    fill("affiliate_funnel_daily", "affiliate_program_daily", ["currency_code"], false)
    fill("affiliate_monthly_stat", "affiliate_daily_stat", FULL_KEYS, true)
    fill("affiliate_monthly_total", "affiliate_daily_total", ["affiliate_id", "currency_code"], true)
    fill("affiliate_program_monthly", "affiliate_program_daily", ["sales_channel_id", "utm_campaign", "currency_code"], true)
  }

  override async down(): Promise<void> {
    for (const name of ["affiliate_funnel_daily", "affiliate_monthly_stat", "affiliate_monthly_total", "affiliate_program_monthly"]) {
      this.addSql(`drop table if exists "${name}";`)
    }
  }
}
