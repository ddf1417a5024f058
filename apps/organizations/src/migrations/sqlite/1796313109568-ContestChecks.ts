import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContestChecks1796313109568 implements MigrationInterface {
  name = 'ContestChecks1796313109568';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "temporary_contest" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(40) NOT NULL, "name" varchar(200) NOT NULL, "year" integer NOT NULL, "theme" varchar(500), "status" varchar(24) NOT NULL, "created_at" datetime NOT NULL, "organizer_id" varchar(36), "co_organizer_ids" text NOT NULL, "starts_on" date, "ends_on" date, "submission_opens_at" datetime, "submission_closes_at" datetime, "requires_endorsement" boolean NOT NULL DEFAULT (0), "requires_form_check" boolean NOT NULL DEFAULT (0), CONSTRAINT "UQ_a6d8c24408c48c391a7c4ea4d6b" UNIQUE ("code"))`);
    await queryRunner.query(`INSERT INTO "temporary_contest"("id", "code", "name", "year", "theme", "status", "created_at", "organizer_id", "co_organizer_ids", "starts_on", "ends_on", "submission_opens_at", "submission_closes_at") SELECT "id", "code", "name", "year", "theme", "status", "created_at", "organizer_id", "co_organizer_ids", "starts_on", "ends_on", "submission_opens_at", "submission_closes_at" FROM "contest"`);
    await queryRunner.query(`DROP TABLE "contest"`);
    await queryRunner.query(`ALTER TABLE "temporary_contest" RENAME TO "contest"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contest" RENAME TO "temporary_contest"`);
    await queryRunner.query(`CREATE TABLE "contest" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(40) NOT NULL, "name" varchar(200) NOT NULL, "year" integer NOT NULL, "theme" varchar(500), "status" varchar(24) NOT NULL, "created_at" datetime NOT NULL, "organizer_id" varchar(36), "co_organizer_ids" text NOT NULL, "starts_on" date, "ends_on" date, "submission_opens_at" datetime, "submission_closes_at" datetime, CONSTRAINT "UQ_a6d8c24408c48c391a7c4ea4d6b" UNIQUE ("code"))`);
    await queryRunner.query(`INSERT INTO "contest"("id", "code", "name", "year", "theme", "status", "created_at", "organizer_id", "co_organizer_ids", "starts_on", "ends_on", "submission_opens_at", "submission_closes_at") SELECT "id", "code", "name", "year", "theme", "status", "created_at", "organizer_id", "co_organizer_ids", "starts_on", "ends_on", "submission_opens_at", "submission_closes_at" FROM "temporary_contest"`);
    await queryRunner.query(`DROP TABLE "temporary_contest"`);
  }
}
