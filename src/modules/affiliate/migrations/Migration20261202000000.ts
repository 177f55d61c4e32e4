import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Partner accounts (issue 12, B1 B2 H1): what a partner told us when applying
 * (audience, answers to the admin's questions, the terms version accepted,
 * language), whether the email is verified, and when they were invited; the
 * one-time tokens of verification and invitation links (only their sha256 is
 * stored); and every published version of the program terms. Hand-written:
 * the token and terms tables are not entities (the module reads them with SQL).
 */
export class Migration20261202000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate"
      add column if not exists "email_verified_at" timestamptz null,
      add column if not exists "audience" text null,
      add column if not exists "application" jsonb null,
      add column if not exists "terms_version" integer null,
      add column if not exists "terms_accepted_at" timestamptz null,
      add column if not exists "locale" text null,
      add column if not exists "invited_at" timestamptz null;`)
    // Partners created before verification existed keep working: their email counts as verified.
    this.addSql(`update "affiliate" set "email_verified_at" = "created_at" where "email_verified_at" is null;`)

    this.addSql(`create table if not exists "affiliate_account_token" (
      "id" text not null,
      "kind" text not null,
      "affiliate_id" text not null,
      "email" text not null,
      "token_hash" text not null,
      "expires_at" timestamptz not null,
      "used_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      constraint "affiliate_account_token_pkey" primary key ("id"),
      constraint "affiliate_account_token_kind" check ("kind" in ('verify_email', 'invitation'))
    );`)
    this.addSql(`create unique index if not exists "IDX_affiliate_account_token_hash" on "affiliate_account_token" ("token_hash");`)
    // Issuing a link voids the affiliate's older unused ones of its kind.
    this.addSql(`create index if not exists "IDX_affiliate_account_token_unused" on "affiliate_account_token" ("affiliate_id", "kind") where "used_at" is null;`)

    this.addSql(`create table if not exists "affiliate_terms_version" (
      "version" integer not null,
      "text" text not null,
      "published_at" timestamptz not null default now(),
      constraint "affiliate_terms_version_pkey" primary key ("version")
    );`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_terms_version";`)
    this.addSql(`drop table if exists "affiliate_account_token";`)
    this.addSql(`alter table if exists "affiliate"
      drop column if exists "email_verified_at",
      drop column if exists "audience",
      drop column if exists "application",
      drop column if exists "terms_version",
      drop column if exists "terms_accepted_at",
      drop column if exists "locale",
      drop column if exists "invited_at";`)
  }
}
