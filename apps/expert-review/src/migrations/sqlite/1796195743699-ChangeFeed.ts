import { MigrationInterface, QueryRunner } from 'typeorm';

export class ChangeFeed1796195743699 implements MigrationInterface {
  name = 'ChangeFeed1796195743699';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "change_feed" ("position" bigint PRIMARY KEY NOT NULL, "entity_type" varchar(40) NOT NULL, "entity_id" varchar(36) NOT NULL, "version" integer NOT NULL, "change" varchar(60) NOT NULL, "at" datetime NOT NULL, "state" text)`);
    await queryRunner.query(`CREATE INDEX "IDX_878c073f06173271076d387371" ON "change_feed" ("entity_type", "entity_id", "version") `);
    await queryRunner.query(`CREATE TABLE "change_feed_head" ("id" integer PRIMARY KEY NOT NULL, "position" bigint NOT NULL)`);
    // The feed's one head row: the last position handed out.
    await queryRunner.query(`INSERT INTO "change_feed_head" ("id", "position") VALUES (1, 0)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "change_feed_head"`);
    await queryRunner.query(`DROP INDEX "IDX_878c073f06173271076d387371"`);
    await queryRunner.query(`DROP TABLE "change_feed"`);
  }
}
