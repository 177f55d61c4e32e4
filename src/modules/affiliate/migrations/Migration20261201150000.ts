import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The audit log (J2), hand-written: not an entity, so the module has no
 * generated update or delete for it. Entries are append-only: a trigger refuses
 * UPDATE and DELETE, so not even a mistaken query can rewrite history.
 */
export class Migration20261201150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_audit_entry" (
      "id" text not null,
      "actor_type" text not null,
      "actor_id" text not null,
      "action" text not null,
      "target_type" text not null,
      "target_id" text not null,
      "affiliate_id" text null,
      "before" jsonb null,
      "after" jsonb null,
      "reason" text null,
      "created_at" timestamptz not null default now(),
      constraint "affiliate_audit_entry_pkey" primary key ("id"),
      constraint "affiliate_audit_entry_actor_type" check ("actor_type" in ('user', 'affiliate', 'system'))
    );`)
    this.addSql(
      `create index if not exists "IDX_affiliate_audit_entry_created_at" on "affiliate_audit_entry" ("created_at", "id");`
    )
    this.addSql(
      `create index if not exists "IDX_affiliate_audit_entry_target" on "affiliate_audit_entry" ("target_type", "target_id", "created_at");`
    )
    this.addSql(
      `create index if not exists "IDX_affiliate_audit_entry_affiliate" on "affiliate_audit_entry" ("affiliate_id", "created_at") where "affiliate_id" is not null;`
    )
    this.addSql(
      `create index if not exists "IDX_affiliate_audit_entry_actor" on "affiliate_audit_entry" ("actor_id", "created_at");`
    )
    this.addSql(`create or replace function "affiliate_audit_entry_append_only"() returns trigger as $$
      begin
        raise exception 'affiliate_audit_entry is append-only';
      end;
    $$ language plpgsql;`)
    this.addSql(`drop trigger if exists "affiliate_audit_entry_append_only" on "affiliate_audit_entry";`)
    this.addSql(`create trigger "affiliate_audit_entry_append_only"
      before update or delete on "affiliate_audit_entry"
      for each row execute function "affiliate_audit_entry_append_only"();`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_audit_entry";`)
    this.addSql(`drop function if exists "affiliate_audit_entry_append_only"();`)
  }
}
