import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123204323 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_customer_binding" drop constraint if exists "affiliate_customer_binding_customer_unique";`);
    this.addSql(`create table if not exists "affiliate_customer_binding" ("id" text not null, "customer_id" text not null, "affiliate_id" text not null, "referred_at" timestamptz not null, "order_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_customer_binding_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_customer_binding_deleted_at" ON "affiliate_customer_binding" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_customer_binding_customer_unique" ON "affiliate_customer_binding" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_customer_binding_affiliate" ON "affiliate_customer_binding" ("affiliate_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_customer_binding" cascade;`);
  }

}
