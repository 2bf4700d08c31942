import { Migration } from '@mikro-orm/migrations';

/** Indexes for the remaining filters and orders of the user and currency lists. */
export class Migration20261129142500_platform_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "user_updated_at_index" on "user" ("updated_at");`);
    this.addSql(`create index "user_deleted_at_index" on "user" ("deleted_at");`);
    this.addSql(`create index "user_first_name_index" on "user" ("first_name");`);
    this.addSql(`create index "user_last_name_index" on "user" ("last_name");`);
    this.addSql(`create index "currency_name_index" on "currency" ("name");`);
  }

  override async down(): Promise<void> {
    for (const name of ['user_updated_at_index', 'user_deleted_at_index', 'user_first_name_index', 'user_last_name_index', 'currency_name_index']) {
      this.addSql(`drop index if exists "${name}";`);
    }
  }
}
