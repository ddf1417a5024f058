import { MigrationInterface, QueryRunner } from 'typeorm';
import { seedCatalog } from '../seed';

export class AwardsLifecycleObjectionsEvaluations1795887597016 implements MigrationInterface {
  name = 'AwardsLifecycleObjectionsEvaluations1795887597016';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_entry" ("id" varchar(36) PRIMARY KEY NOT NULL, "at" datetime NOT NULL, "actor" varchar(80) NOT NULL, "actor_roles" varchar(120) NOT NULL, "action" varchar(60) NOT NULL, "entity_type" varchar(40) NOT NULL, "entity_id" varchar(36) NOT NULL, "before" text, "after" text, "reason" varchar(500))`);
    await queryRunner.query(`CREATE INDEX "IDX_186a21c3d44d6ec953a687674a" ON "audit_entry" ("entity_id", "id") `);
    await queryRunner.query(`CREATE TABLE "award_type" ("code" varchar(40) PRIMARY KEY NOT NULL, "name_zh" varchar(60) NOT NULL, "name_en" varchar(120) NOT NULL, "recipient_kind" varchar(16) NOT NULL, "level" varchar(20) NOT NULL, "position" integer NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "award_quota" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "award_type_code" varchar(40) NOT NULL, "quota" integer NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2b4c9b1d287ad9b5c2b67e43b6" ON "award_quota" ("contest_id", "award_type_code") `);
    await queryRunner.query(`CREATE TABLE "calendar_day" ("date" varchar(10) PRIMARY KEY NOT NULL, "kind" varchar(8) NOT NULL, "name" varchar(60) NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "organizer_evaluation" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "organization_id" varchar(36) NOT NULL, "leadership" double NOT NULL, "promotion" double NOT NULL, "performance" double NOT NULL, "incentive" double NOT NULL, "features" double NOT NULL, "comment" varchar(1000), "updated_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_17887a57aa4474e1f140832699" ON "organizer_evaluation" ("contest_id", "organization_id") `);
    await queryRunner.query(`CREATE TABLE "objection" ("id" varchar(36) PRIMARY KEY NOT NULL, "honor_id" varchar(36) NOT NULL, "text" varchar(2000) NOT NULL, "contact" varchar(200) NOT NULL, "filed_by" varchar(80) NOT NULL, "filed_at" datetime NOT NULL, "status" varchar(12) NOT NULL, "resolution" varchar(1000), "resolved_at" datetime)`);
    await queryRunner.query(`CREATE INDEX "IDX_1c3d81d6704860307d76e200f4" ON "objection" ("honor_id", "status") `);
    await queryRunner.query(`CREATE TABLE "prior_honor" ("id" varchar(36) PRIMARY KEY NOT NULL, "submission_id" varchar(36) NOT NULL, "level" varchar(24) NOT NULL, "name" varchar(200) NOT NULL, "issuer" varchar(200) NOT NULL, "year" integer NOT NULL, "evidence" varchar(500), "verified" boolean NOT NULL, "verified_at" datetime, "created_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_e38ac56b3e6f7f7ea7fc14478a" ON "prior_honor" ("submission_id") `);
    await queryRunner.query(`DROP INDEX "IDX_b5211373d4e479d3c904e850ca"`);
    await queryRunner.query(`DROP INDEX "IDX_b2de78b9c411bdb2194d1e6ad0"`);
    await queryRunner.query(`CREATE TABLE "temporary_honor" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "award_type_code" varchar(40) NOT NULL, "recipient_kind" varchar(16) NOT NULL, "recipient_id" varchar(36) NOT NULL, "recipient_name" varchar(200) NOT NULL, "citation" varchar(1000), "status" varchar(16) NOT NULL, "created_at" datetime NOT NULL, "year" integer NOT NULL DEFAULT (0), "organization_id" varchar(36) NOT NULL DEFAULT (''), "organization_name" varchar(200) NOT NULL DEFAULT (''), "nominated_by_org" varchar(36), "proposed_at" datetime, "announced_at" datetime, "objections_close_at" datetime, "decision_number" varchar(60), "conferred_on" date, "ceremony" varchar(200), "certificate_number" varchar(60), "revoked_at" datetime, "end_reason" varchar(500))`);
    await queryRunner.query(`INSERT INTO "temporary_honor"("id", "contest_id", "award_type_code", "recipient_kind", "recipient_id", "recipient_name", "citation", "status", "created_at") SELECT "id", "contest_id", "award_type_code", "recipient_kind", "recipient_id", "recipient_name", "citation", "status", "created_at" FROM "honor"`);
    await queryRunner.query(`DROP TABLE "honor"`);
    await queryRunner.query(`ALTER TABLE "temporary_honor" RENAME TO "honor"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b5211373d4e479d3c904e850ca" ON "honor" ("contest_id", "award_type_code", "recipient_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b2de78b9c411bdb2194d1e6ad0" ON "honor" ("recipient_kind", "recipient_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f4bbc0de932f7de0fbda148c34" ON "honor" ("status", "award_type_code", "recipient_name") `);
    await seedCatalog(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_f4bbc0de932f7de0fbda148c34"`);
    await queryRunner.query(`DROP INDEX "IDX_b2de78b9c411bdb2194d1e6ad0"`);
    await queryRunner.query(`DROP INDEX "IDX_b5211373d4e479d3c904e850ca"`);
    await queryRunner.query(`ALTER TABLE "honor" RENAME TO "temporary_honor"`);
    await queryRunner.query(`CREATE TABLE "honor" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "award_type_code" varchar(40) NOT NULL, "recipient_kind" varchar(16) NOT NULL, "recipient_id" varchar(36) NOT NULL, "recipient_name" varchar(200) NOT NULL, "citation" varchar(1000), "status" varchar(16) NOT NULL, "created_at" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "honor"("id", "contest_id", "award_type_code", "recipient_kind", "recipient_id", "recipient_name", "citation", "status", "created_at") SELECT "id", "contest_id", "award_type_code", "recipient_kind", "recipient_id", "recipient_name", "citation", "status", "created_at" FROM "temporary_honor"`);
    await queryRunner.query(`DROP TABLE "temporary_honor"`);
    await queryRunner.query(`CREATE INDEX "IDX_b2de78b9c411bdb2194d1e6ad0" ON "honor" ("recipient_kind", "recipient_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b5211373d4e479d3c904e850ca" ON "honor" ("contest_id", "award_type_code", "recipient_id") `);
    await queryRunner.query(`DROP INDEX "IDX_e38ac56b3e6f7f7ea7fc14478a"`);
    await queryRunner.query(`DROP TABLE "prior_honor"`);
    await queryRunner.query(`DROP INDEX "IDX_1c3d81d6704860307d76e200f4"`);
    await queryRunner.query(`DROP TABLE "objection"`);
    await queryRunner.query(`DROP INDEX "IDX_17887a57aa4474e1f140832699"`);
    await queryRunner.query(`DROP TABLE "organizer_evaluation"`);
    await queryRunner.query(`DROP TABLE "calendar_day"`);
    await queryRunner.query(`DROP INDEX "IDX_2b4c9b1d287ad9b5c2b67e43b6"`);
    await queryRunner.query(`DROP TABLE "award_quota"`);
    await queryRunner.query(`DROP TABLE "award_type"`);
    await queryRunner.query(`DROP INDEX "IDX_186a21c3d44d6ec953a687674a"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
  }
}
