import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123201715 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_commission_line" add column if not exists "status_reason" text null, add column if not exists "status_changed_by" text null, add column if not exists "status_changed_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_commission_line" drop column if exists "status_reason", drop column if exists "status_changed_by", drop column if exists "status_changed_at";`);
  }

}
