import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotifierSchema1796313286035 implements MigrationInterface {
  name = 'NotifierSchema1796313286035';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "feed_cursor" ("feed" varchar(40) PRIMARY KEY NOT NULL, "position" bigint NOT NULL, "head" bigint NOT NULL, "applied" integer NOT NULL, "read_at" datetime NOT NULL, "last_error" varchar(500))`);
    await queryRunner.query(`CREATE TABLE "known_record" ("feed" varchar(40) NOT NULL, "entity_type" varchar(40) NOT NULL, "entity_id" varchar(36) NOT NULL, "group_id" varchar(36), "version" integer NOT NULL, "state" text NOT NULL, PRIMARY KEY ("feed", "entity_type", "entity_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_077f8a06677978fe5223b10f4f" ON "known_record" ("feed", "entity_type", "group_id") `);
    await queryRunner.query(`CREATE TABLE "mail_log" ("event_key" varchar(200) NOT NULL, "person_id" varchar(36) NOT NULL, "kind" varchar(30) NOT NULL, "state" varchar(10) NOT NULL, "message_id" varchar(200) NOT NULL, "attempts" integer NOT NULL, "updated_at" datetime NOT NULL, PRIMARY KEY ("event_key", "person_id"))`);
    await queryRunner.query(`CREATE TABLE "reminder_sent" ("event_key" varchar(200) PRIMARY KEY NOT NULL, "delivered_at" datetime NOT NULL)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reminder_sent"`);
    await queryRunner.query(`DROP TABLE "mail_log"`);
    await queryRunner.query(`DROP INDEX "IDX_077f8a06677978fe5223b10f4f"`);
    await queryRunner.query(`DROP TABLE "known_record"`);
    await queryRunner.query(`DROP TABLE "feed_cursor"`);
  }
}
