import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796312993180 implements MigrationInterface {
  name = 'Notifications1796312993180';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification" ("id" varchar(36) PRIMARY KEY NOT NULL, "event_key" varchar(200) NOT NULL, "recipient_key" varchar(50) NOT NULL, "kind" varchar(30) NOT NULL, "title" varchar(200) NOT NULL, "body" text NOT NULL, "link" varchar(300), "created_at" datetime NOT NULL, "read_at" datetime)`);
    await queryRunner.query(`CREATE INDEX "IDX_6a75950e98347eb4dc266668ff" ON "notification" ("recipient_key", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_427a9ad8e9af3dbebbdbe7b688" ON "notification" ("event_key", "recipient_key") `);
    await queryRunner.query(`CREATE TABLE "email_preference" ("person_id" varchar(36) NOT NULL, "kind" varchar(30) NOT NULL, "enabled" boolean NOT NULL, "updated_at" datetime NOT NULL, PRIMARY KEY ("person_id", "kind"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "email_preference"`);
    await queryRunner.query(`DROP INDEX "IDX_427a9ad8e9af3dbebbdbe7b688"`);
    await queryRunner.query(`DROP INDEX "IDX_6a75950e98347eb4dc266668ff"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
