import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContestsTeamsParticipation1795882109258 implements MigrationInterface {
  name = 'ContestsTeamsParticipation1795882109258';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_entry" ("id" varchar(36) PRIMARY KEY NOT NULL, "at" datetime NOT NULL, "actor" varchar(80) NOT NULL, "actor_roles" varchar(120) NOT NULL, "action" varchar(60) NOT NULL, "entity_type" varchar(40) NOT NULL, "entity_id" varchar(36) NOT NULL, "before" text, "after" text, "reason" varchar(500))`);
    await queryRunner.query(`CREATE INDEX "IDX_186a21c3d44d6ec953a687674a" ON "audit_entry" ("entity_id", "id") `);
    await queryRunner.query(`CREATE TABLE "milestone" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "date" date NOT NULL, "kind" varchar(24) NOT NULL, "title" varchar(200) NOT NULL, "host_organization_id" varchar(36))`);
    await queryRunner.query(`CREATE INDEX "IDX_a240906d434d778fcf6a08ee48" ON "milestone" ("contest_id", "date") `);
    await queryRunner.query(`CREATE TABLE "participation" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "organization_id" varchar(36) NOT NULL, "mobilized_by_id" varchar(36) NOT NULL, "enrolled_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_0f85b00cf22a5a293a8caf6142" ON "participation" ("contest_id", "mobilized_by_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_788de19c0e6de9b6011c130c07" ON "participation" ("contest_id", "organization_id") `);
    await queryRunner.query(`CREATE TABLE "team" ("id" varchar(36) PRIMARY KEY NOT NULL, "organization_id" varchar(36) NOT NULL, "name" varchar(120) NOT NULL, "created_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2f86357535d3d6a9bef5c3f831" ON "team" ("organization_id", "name") `);
    await queryRunner.query(`CREATE TABLE "team_member" ("team_id" varchar(36) NOT NULL, "person_id" varchar(36) NOT NULL, "position" integer NOT NULL, PRIMARY KEY ("team_id", "person_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_9281d7315475282bd402f63b9f" ON "team_member" ("person_id") `);
    await queryRunner.query(`CREATE TABLE "track" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "code" varchar(20) NOT NULL, "name" varchar(80) NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b533faf94369a962063965381e" ON "track" ("contest_id", "code") `);
    await queryRunner.query(`CREATE TABLE "temporary_contest" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(40) NOT NULL, "name" varchar(200) NOT NULL, "year" integer NOT NULL, "theme" varchar(500), "status" varchar(24) NOT NULL, "created_at" datetime NOT NULL, "organizer_id" varchar(36), "co_organizer_ids" text NOT NULL, "starts_on" date, "ends_on" date, "submission_opens_at" datetime, "submission_closes_at" datetime, CONSTRAINT "UQ_a6d8c24408c48c391a7c4ea4d6b" UNIQUE ("code"))`);
    await queryRunner.query(`INSERT INTO "temporary_contest"("id", "code", "name", "year", "theme", "status", "created_at") SELECT "id", "code", "name", "year", "theme", "status", "created_at" FROM "contest"`);
    await queryRunner.query(`DROP TABLE "contest"`);
    await queryRunner.query(`ALTER TABLE "temporary_contest" RENAME TO "contest"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contest" RENAME TO "temporary_contest"`);
    await queryRunner.query(`CREATE TABLE "contest" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(40) NOT NULL, "name" varchar(200) NOT NULL, "year" integer NOT NULL, "theme" varchar(500), "status" varchar(24) NOT NULL, "created_at" datetime NOT NULL, CONSTRAINT "UQ_a6d8c24408c48c391a7c4ea4d6b" UNIQUE ("code"))`);
    await queryRunner.query(`INSERT INTO "contest"("id", "code", "name", "year", "theme", "status", "created_at") SELECT "id", "code", "name", "year", "theme", "status", "created_at" FROM "temporary_contest"`);
    await queryRunner.query(`DROP TABLE "temporary_contest"`);
    await queryRunner.query(`DROP INDEX "IDX_b533faf94369a962063965381e"`);
    await queryRunner.query(`DROP TABLE "track"`);
    await queryRunner.query(`DROP INDEX "IDX_9281d7315475282bd402f63b9f"`);
    await queryRunner.query(`DROP TABLE "team_member"`);
    await queryRunner.query(`DROP INDEX "IDX_2f86357535d3d6a9bef5c3f831"`);
    await queryRunner.query(`DROP TABLE "team"`);
    await queryRunner.query(`DROP INDEX "IDX_788de19c0e6de9b6011c130c07"`);
    await queryRunner.query(`DROP INDEX "IDX_0f85b00cf22a5a293a8caf6142"`);
    await queryRunner.query(`DROP TABLE "participation"`);
    await queryRunner.query(`DROP INDEX "IDX_a240906d434d778fcf6a08ee48"`);
    await queryRunner.query(`DROP TABLE "milestone"`);
    await queryRunner.query(`DROP INDEX "IDX_186a21c3d44d6ec953a687674a"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
  }
}
