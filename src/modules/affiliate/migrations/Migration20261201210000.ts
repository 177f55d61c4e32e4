import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Creatives (G8) and product participation (D8): the banners, text links and
 * HTML snippets partners copy, and per product whether partners see it in the
 * portal and where its links land. Whether a product earns stays a
 * product-scope commission rule with `excluded: true`.
 */
export class Migration20261201210000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_creative" ("id" text not null, "type" text check ("type" in ('banner', 'text_link', 'html')) not null, "name" text not null, "product_id" text null, "image_file_id" text null, "image_url" text null, "link_text" text null, "html" text null, "landing_url" text null, "is_active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_creative_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_creative_deleted_at" ON "affiliate_creative" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_creative_product" ON "affiliate_creative" ("product_id") WHERE product_id IS NOT NULL AND deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_creative_active" ON "affiliate_creative" ("is_active", "type") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "affiliate_product_participation" ("id" text not null, "product_id" text not null, "visible_in_portal" boolean not null default true, "landing_url" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_product_participation_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_product_participation_deleted_at" ON "affiliate_product_participation" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_product_participation_product_unique" ON "affiliate_product_participation" ("product_id") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_creative" cascade;`)
    this.addSql(`drop table if exists "affiliate_product_participation" cascade;`)
  }
}
