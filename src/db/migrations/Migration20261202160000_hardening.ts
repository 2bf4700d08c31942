import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 9: secrets generated at first start when JWT_SECRET/COOKIE_SECRET are unset (shared by
 * every instance on this database), rate-limit counters shared by every instance, the user's
 * token version (a password change revokes earlier sessions and JWTs), and API tokens kept as
 * SHA-256 hashes (existing ones are hashed in place, so they keep working).
 */
export class Migration20261202160000_hardening extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "aegis_secret" ("name" varchar(64) not null, "value" text not null, "created_at" timestamptz not null default now(), constraint "aegis_secret_pkey" primary key ("name"));`);
    this.addSql(`create table "rate_limit" ("key" text not null, "count" int not null, "reset_at" timestamptz not null, constraint "rate_limit_pkey" primary key ("key"));`);
    this.addSql(`create index "rate_limit_reset_at_index" on "rate_limit" ("reset_at");`);
    this.addSql(`alter table "user" add column "token_version" int not null default 0;`);
    this.addSql(`update "user" set "api_token" = encode(sha256(convert_to("api_token", 'UTF8')), 'hex') where "api_token" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "user" drop column "token_version";`);
    this.addSql(`drop table if exists "rate_limit";`);
    this.addSql(`drop table if exists "aegis_secret";`);
  }

}
