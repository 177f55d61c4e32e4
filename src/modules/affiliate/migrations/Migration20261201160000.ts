import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Payouts as operations (issue 10, F2/F3/F6), hand-written:
 * - payouts get the `processing` status, a provider, status timestamps, who
 *   changed them and why, a batch and the payout they retry (one retry each);
 * - `payout_return` lines give a failed or canceled payout's amount back;
 * - `affiliate_payout_batch` lists a batch's payouts and the partners it couldn't pay;
 * - the balance read model says what is in flight apart from what is paid.
 */
export class Migration20261201160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "affiliate_commission_line" drop constraint if exists "affiliate_commission_line_type_check";`)
    this.addSql(`alter table "affiliate_commission_line" add constraint "affiliate_commission_line_type_check"
      check ("type" in ('sale', 'lead', 'reversal', 'clawback', 'adjustment', 'bonus', 'write_off', 'payout_return'));`)

    this.addSql(`create table if not exists "affiliate_payout_batch" (
      "id" text not null,
      "currency_code" text not null,
      "provider_id" text not null default 'manual',
      "note" text null,
      "affiliate_ids" jsonb null,
      "failures" jsonb not null default '[]',
      "schedule_period" text null,
      "created_by" text null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "affiliate_payout_batch_pkey" primary key ("id")
    );`)
    this.addSql(`create index if not exists "IDX_affiliate_payout_batch_created" on "affiliate_payout_batch" ("created_at", "id") where "deleted_at" is null;`)

    this.addSql(`alter table "affiliate_payout" drop constraint if exists "affiliate_payout_status_check";`)
    this.addSql(`alter table "affiliate_payout" add constraint "affiliate_payout_status_check"
      check ("status" in ('pending', 'processing', 'paid', 'failed', 'canceled'));`)
    this.addSql(`alter table "affiliate_payout" alter column "status" set default 'pending';`)
    this.addSql(`alter table "affiliate_payout"
      add column if not exists "provider_id" text not null default 'manual',
      add column if not exists "failure_reason" text null,
      add column if not exists "status_reason" text null,
      add column if not exists "status_changed_by" text null,
      add column if not exists "status_changed_at" timestamptz null,
      add column if not exists "processing_at" timestamptz null,
      add column if not exists "failed_at" timestamptz null,
      add column if not exists "canceled_at" timestamptz null,
      add column if not exists "retry_of_id" text null,
      add column if not exists "batch_id" text null;`)
    this.addSql(`alter table "affiliate_payout" add constraint "affiliate_payout_batch_id_foreign"
      foreign key ("batch_id") references "affiliate_payout_batch" ("id") on update cascade on delete set null;`)
    this.addSql(`create index if not exists "IDX_affiliate_payout_batch_id" on "affiliate_payout" ("batch_id") where "deleted_at" is null;`)
    // A payout is retried at most once; a failed retry is retried in its turn.
    this.addSql(`create unique index if not exists "IDX_affiliate_payout_retry_of_unique" on "affiliate_payout" ("retry_of_id") where "retry_of_id" is not null and "deleted_at" is null;`)
    // What the polling job walks.
    this.addSql(`create index if not exists "IDX_affiliate_payout_in_flight" on "affiliate_payout" ("status", "provider_id") where "status" in ('pending', 'processing') and "deleted_at" is null;`)

    this.addSql(`alter table "affiliate_balance" add column if not exists "in_flight" numeric not null default 0;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "affiliate_balance" drop column if exists "in_flight";`)
    this.addSql(`drop index if exists "IDX_affiliate_payout_in_flight";`)
    this.addSql(`drop index if exists "IDX_affiliate_payout_retry_of_unique";`)
    this.addSql(`drop index if exists "IDX_affiliate_payout_batch_id";`)
    this.addSql(`alter table "affiliate_payout" drop constraint if exists "affiliate_payout_batch_id_foreign";`)
    this.addSql(`alter table "affiliate_payout"
      drop column if exists "provider_id", drop column if exists "failure_reason",
      drop column if exists "status_reason", drop column if exists "status_changed_by",
      drop column if exists "status_changed_at", drop column if exists "processing_at",
      drop column if exists "failed_at", drop column if exists "canceled_at",
      drop column if exists "retry_of_id", drop column if exists "batch_id";`)
    this.addSql(`alter table "affiliate_payout" alter column "status" set default 'paid';`)
    this.addSql(`drop table if exists "affiliate_payout_batch";`)
  }
}
