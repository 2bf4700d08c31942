import { Migration } from '@mikro-orm/migrations';

export class Migration20261202023219_outbox extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "notification" add column "event_id" varchar(255) null;`);
    this.addSql(`alter table "notification" add constraint "notification_event_id_unique" unique ("event_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notification" drop constraint "notification_event_id_unique";`);
    this.addSql(`alter table "notification" drop column "event_id";`);
  }

}
