import { MigrationInterface, QueryRunner } from 'typeorm';

// Edited after generation: existing rows get empty lists in the new NOT NULL columns.
export class SubmissionContent1795882968551 implements MigrationInterface {
  name = 'SubmissionContent1795882968551';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_3c7290348d1db388988cd157bb"`);
    await queryRunner.query(`CREATE TABLE "audit_entry" ("id" varchar(36) PRIMARY KEY NOT NULL, "at" datetime NOT NULL, "actor" varchar(80) NOT NULL, "actor_roles" varchar(120) NOT NULL, "action" varchar(60) NOT NULL, "entity_type" varchar(40) NOT NULL, "entity_id" varchar(36) NOT NULL, "before" text, "after" text, "reason" varchar(500))`);
    await queryRunner.query(`CREATE INDEX "IDX_186a21c3d44d6ec953a687674a" ON "audit_entry" ("entity_id", "id") `);
    await queryRunner.query(`CREATE TABLE "reference_counter" ("contest_id" varchar(36) NOT NULL, "track_code" varchar(20) NOT NULL, "last_value" integer NOT NULL, PRIMARY KEY ("contest_id", "track_code"))`);
    await queryRunner.query(`DROP INDEX "IDX_5fe8700b19027689d860b87d00"`);
    await queryRunner.query(`DROP INDEX "IDX_02a4dc3a03489830143549f199"`);
    await queryRunner.query(`CREATE TABLE "temporary_submission" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "organization_id" varchar(36) NOT NULL, "reference_number" varchar(30), "title" varchar(200) NOT NULL, "title_key" varchar(200) NOT NULL, "summary" text NOT NULL, "status" varchar(16) NOT NULL, "version" integer NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "track_id" varchar(36), "achievement_kind" varchar(16), "keywords" text NOT NULL, "application_effect" text, "metrics" text NOT NULL, "attachments" text NOT NULL, "leader_id" varchar(36), "team_member_ids" text NOT NULL, "submitted_at" datetime, "withdrawn_at" datetime)`);
    await queryRunner.query(`INSERT INTO "temporary_submission"("id", "contest_id", "organization_id", "reference_number", "title", "title_key", "summary", "status", "version", "created_at", "updated_at", "keywords", "metrics", "attachments", "team_member_ids") SELECT "id", "contest_id", "organization_id", "reference_number", "title", "title_key", "summary", "status", "version", "created_at", "updated_at", '', '[]', '[]', '' FROM "submission"`);
    await queryRunner.query(`DROP TABLE "submission"`);
    await queryRunner.query(`ALTER TABLE "temporary_submission" RENAME TO "submission"`);
    await queryRunner.query(`CREATE INDEX "IDX_5fe8700b19027689d860b87d00" ON "submission" ("contest_id", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_02a4dc3a03489830143549f199" ON "submission" ("organization_id") `);
    await queryRunner.query(`DROP INDEX "IDX_5fe8700b19027689d860b87d00"`);
    await queryRunner.query(`DROP INDEX "IDX_02a4dc3a03489830143549f199"`);
    await queryRunner.query(`CREATE TABLE "temporary_submission" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "organization_id" varchar(36) NOT NULL, "reference_number" varchar(30), "title" varchar(200) NOT NULL, "title_key" varchar(200) NOT NULL, "summary" text, "status" varchar(16) NOT NULL, "version" integer NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "track_id" varchar(36), "achievement_kind" varchar(16), "keywords" text NOT NULL, "application_effect" text, "metrics" text NOT NULL, "attachments" text NOT NULL, "leader_id" varchar(36), "team_member_ids" text NOT NULL, "submitted_at" datetime, "withdrawn_at" datetime)`);
    await queryRunner.query(`INSERT INTO "temporary_submission"("id", "contest_id", "organization_id", "reference_number", "title", "title_key", "summary", "status", "version", "created_at", "updated_at", "track_id", "achievement_kind", "keywords", "application_effect", "metrics", "attachments", "leader_id", "team_member_ids", "submitted_at", "withdrawn_at") SELECT "id", "contest_id", "organization_id", "reference_number", "title", "title_key", "summary", "status", "version", "created_at", "updated_at", "track_id", "achievement_kind", "keywords", "application_effect", "metrics", "attachments", "leader_id", "team_member_ids", "submitted_at", "withdrawn_at" FROM "submission"`);
    await queryRunner.query(`DROP TABLE "submission"`);
    await queryRunner.query(`ALTER TABLE "temporary_submission" RENAME TO "submission"`);
    await queryRunner.query(`CREATE INDEX "IDX_5fe8700b19027689d860b87d00" ON "submission" ("contest_id", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_02a4dc3a03489830143549f199" ON "submission" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_36afca623ea3c0f3c31417e594" ON "submission" ("leader_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a10ee0ffb7261fadf17ceb9bac" ON "submission" ("organization_id", "title_key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f3d1118fff98ccf86438ac44eb" ON "submission" ("contest_id", "reference_number") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_f3d1118fff98ccf86438ac44eb"`);
    await queryRunner.query(`DROP INDEX "IDX_a10ee0ffb7261fadf17ceb9bac"`);
    await queryRunner.query(`DROP INDEX "IDX_36afca623ea3c0f3c31417e594"`);
    await queryRunner.query(`DROP INDEX "IDX_02a4dc3a03489830143549f199"`);
    await queryRunner.query(`DROP INDEX "IDX_5fe8700b19027689d860b87d00"`);
    await queryRunner.query(`ALTER TABLE "submission" RENAME TO "temporary_submission"`);
    await queryRunner.query(`CREATE TABLE "submission" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "organization_id" varchar(36) NOT NULL, "reference_number" varchar(30), "title" varchar(200) NOT NULL, "title_key" varchar(200) NOT NULL, "summary" text NOT NULL, "status" varchar(16) NOT NULL, "version" integer NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "track_id" varchar(36), "achievement_kind" varchar(16), "keywords" text NOT NULL, "application_effect" text, "metrics" text NOT NULL, "attachments" text NOT NULL, "leader_id" varchar(36), "team_member_ids" text NOT NULL, "submitted_at" datetime, "withdrawn_at" datetime)`);
    await queryRunner.query(`INSERT INTO "submission"("id", "contest_id", "organization_id", "reference_number", "title", "title_key", "summary", "status", "version", "created_at", "updated_at", "track_id", "achievement_kind", "keywords", "application_effect", "metrics", "attachments", "leader_id", "team_member_ids", "submitted_at", "withdrawn_at") SELECT "id", "contest_id", "organization_id", "reference_number", "title", "title_key", "summary", "status", "version", "created_at", "updated_at", "track_id", "achievement_kind", "keywords", "application_effect", "metrics", "attachments", "leader_id", "team_member_ids", "submitted_at", "withdrawn_at" FROM "temporary_submission"`);
    await queryRunner.query(`DROP TABLE "temporary_submission"`);
    await queryRunner.query(`CREATE INDEX "IDX_02a4dc3a03489830143549f199" ON "submission" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5fe8700b19027689d860b87d00" ON "submission" ("contest_id", "status") `);
    await queryRunner.query(`DROP INDEX "IDX_02a4dc3a03489830143549f199"`);
    await queryRunner.query(`DROP INDEX "IDX_5fe8700b19027689d860b87d00"`);
    await queryRunner.query(`ALTER TABLE "submission" RENAME TO "temporary_submission"`);
    await queryRunner.query(`CREATE TABLE "submission" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "organization_id" varchar(36) NOT NULL, "reference_number" varchar(30), "title" varchar(200) NOT NULL, "title_key" varchar(200) NOT NULL, "summary" text NOT NULL, "status" varchar(16) NOT NULL, "version" integer NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "submission"("id", "contest_id", "organization_id", "reference_number", "title", "title_key", "summary", "status", "version", "created_at", "updated_at") SELECT "id", "contest_id", "organization_id", "reference_number", "title", "title_key", "summary", "status", "version", "created_at", "updated_at" FROM "temporary_submission"`);
    await queryRunner.query(`DROP TABLE "temporary_submission"`);
    await queryRunner.query(`CREATE INDEX "IDX_02a4dc3a03489830143549f199" ON "submission" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5fe8700b19027689d860b87d00" ON "submission" ("contest_id", "status") `);
    await queryRunner.query(`DROP TABLE "reference_counter"`);
    await queryRunner.query(`DROP INDEX "IDX_186a21c3d44d6ec953a687674a"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`CREATE INDEX "IDX_3c7290348d1db388988cd157bb" ON "submission" ("title_key") `);
  }
}
