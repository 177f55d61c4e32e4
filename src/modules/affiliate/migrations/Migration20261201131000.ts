import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Idempotency keys of the money-moving admin routes (hand-written: not an
 * entity). One row per actor and key: the claim is an insert on the primary
 * key, so two requests with one key can't both execute; the answer is stored
 * on the row and replayed to a retry. `resource` is written by the money
 * movement itself, in its own transaction: set, the request took effect;
 * null, it did not (yet). Rows expire after 24 hours (a daily job
 * deletes them; a claim reuses an expired row).
 */
export class Migration20261201131000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_idempotency_key" (
      "actor_id" text not null,
      "key" text not null,
      "request_hash" text not null,
      "claim_token" text not null,
      "status" text not null default 'in_progress',
      "resource" text null,
      "response_status" integer null,
      "response_body" jsonb null,
      "created_at" timestamptz not null default now(),
      "completed_at" timestamptz null,
      constraint "affiliate_idempotency_key_pkey" primary key ("actor_id", "key"),
      constraint "affiliate_idempotency_key_key_length" check (char_length("key") between 1 and 255),
      constraint "affiliate_idempotency_key_status" check ("status" in ('in_progress', 'completed'))
    );`)
    this.addSql(
      `create index if not exists "IDX_affiliate_idempotency_key_created_at" on "affiliate_idempotency_key" ("created_at");`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_idempotency_key";`)
  }
}
