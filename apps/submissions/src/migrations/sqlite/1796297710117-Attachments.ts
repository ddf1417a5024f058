import { MigrationInterface, QueryRunner } from 'typeorm';

export class Attachments1796297710117 implements MigrationInterface {
  name = 'Attachments1796297710117';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "attachment" ("id" varchar(36) PRIMARY KEY NOT NULL, "submission_id" varchar(36) NOT NULL, "position" integer NOT NULL, "file_name" varchar(200) NOT NULL, "content_type" varchar(120) NOT NULL, "size" integer NOT NULL, "sha256" varchar(64) NOT NULL, "storage_key" varchar(200) NOT NULL, "uploaded_at" datetime NOT NULL, "uploaded_by" varchar(100) NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_696b2ccdb913a7c8e2348a5bc8" ON "attachment" ("submission_id", "position") `);
    await queryRunner.query(`CREATE TABLE "attachment_upload" ("id" varchar(36) PRIMARY KEY NOT NULL, "submission_id" varchar(36) NOT NULL, "file_name" varchar(200) NOT NULL, "content_type" varchar(120) NOT NULL, "size" integer NOT NULL, "sha256" varchar(64), "requested_by" varchar(100) NOT NULL, "requested_roles" varchar(100) NOT NULL, "expires_at" datetime NOT NULL, "attachment_id" varchar(36))`);
    await queryRunner.query(`CREATE INDEX "IDX_ecb2bbe24766ce41bfcbea9199" ON "attachment_upload" ("submission_id") `);
    await queryRunner.query(`DROP INDEX "IDX_11b2deb938a6d30a2bdbafe438"`);
    await queryRunner.query(`DROP INDEX "IDX_f3d1118fff98ccf86438ac44eb"`);
    await queryRunner.query(`DROP INDEX "IDX_a10ee0ffb7261fadf17ceb9bac"`);
    await queryRunner.query(`DROP INDEX "IDX_36afca623ea3c0f3c31417e594"`);
    await queryRunner.query(`DROP INDEX "IDX_02a4dc3a03489830143549f199"`);
    await queryRunner.query(`DROP INDEX "IDX_5fe8700b19027689d860b87d00"`);
    // The submission's metadata-only file list named no stored bytes; the attachment table replaces it.
    await queryRunner.query(`CREATE TABLE "temporary_submission" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "organization_id" varchar(36) NOT NULL, "reference_number" varchar(30), "title" varchar(200) NOT NULL, "title_key" varchar(200) NOT NULL, "summary" text, "status" varchar(16) NOT NULL, "version" integer NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "track_id" varchar(36), "achievement_kind" varchar(16), "keywords" text NOT NULL, "application_effect" text, "metrics" text NOT NULL, "leader_id" varchar(36), "team_member_ids" text NOT NULL, "submitted_at" datetime, "withdrawn_at" datetime)`);
    await queryRunner.query(`INSERT INTO "temporary_submission"("id", "contest_id", "organization_id", "reference_number", "title", "title_key", "summary", "status", "version", "created_at", "updated_at", "track_id", "achievement_kind", "keywords", "application_effect", "metrics", "leader_id", "team_member_ids", "submitted_at", "withdrawn_at") SELECT "id", "contest_id", "organization_id", "reference_number", "title", "title_key", "summary", "status", "version", "created_at", "updated_at", "track_id", "achievement_kind", "keywords", "application_effect", "metrics", "leader_id", "team_member_ids", "submitted_at", "withdrawn_at" FROM "submission"`);
    await queryRunner.query(`DROP TABLE "submission"`);
    await queryRunner.query(`ALTER TABLE "temporary_submission" RENAME TO "submission"`);
    await queryRunner.query(`CREATE INDEX "IDX_11b2deb938a6d30a2bdbafe438" ON "submission" ("contest_id", "title", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f3d1118fff98ccf86438ac44eb" ON "submission" ("contest_id", "reference_number") `);
    await queryRunner.query(`CREATE INDEX "IDX_a10ee0ffb7261fadf17ceb9bac" ON "submission" ("organization_id", "title_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_36afca623ea3c0f3c31417e594" ON "submission" ("leader_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_02a4dc3a03489830143549f199" ON "submission" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5fe8700b19027689d860b87d00" ON "submission" ("contest_id", "status") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_5fe8700b19027689d860b87d00"`);
    await queryRunner.query(`DROP INDEX "IDX_02a4dc3a03489830143549f199"`);
    await queryRunner.query(`DROP INDEX "IDX_36afca623ea3c0f3c31417e594"`);
    await queryRunner.query(`DROP INDEX "IDX_a10ee0ffb7261fadf17ceb9bac"`);
    await queryRunner.query(`DROP INDEX "IDX_f3d1118fff98ccf86438ac44eb"`);
    await queryRunner.query(`DROP INDEX "IDX_11b2deb938a6d30a2bdbafe438"`);
    await queryRunner.query(`ALTER TABLE "submission" RENAME TO "temporary_submission"`);
    await queryRunner.query(`CREATE TABLE "submission" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "organization_id" varchar(36) NOT NULL, "reference_number" varchar(30), "title" varchar(200) NOT NULL, "title_key" varchar(200) NOT NULL, "summary" text, "status" varchar(16) NOT NULL, "version" integer NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "track_id" varchar(36), "achievement_kind" varchar(16), "keywords" text NOT NULL, "application_effect" text, "metrics" text NOT NULL, "attachments" text NOT NULL, "leader_id" varchar(36), "team_member_ids" text NOT NULL, "submitted_at" datetime, "withdrawn_at" datetime)`);
    await queryRunner.query(`INSERT INTO "submission"("id", "contest_id", "organization_id", "reference_number", "title", "title_key", "summary", "status", "version", "created_at", "updated_at", "track_id", "achievement_kind", "keywords", "application_effect", "metrics", "leader_id", "team_member_ids", "submitted_at", "withdrawn_at") SELECT "id", "contest_id", "organization_id", "reference_number", "title", "title_key", "summary", "status", "version", "created_at", "updated_at", "track_id", "achievement_kind", "keywords", "application_effect", "metrics", "leader_id", "team_member_ids", "submitted_at", "withdrawn_at" FROM "temporary_submission"`);
    await queryRunner.query(`DROP TABLE "temporary_submission"`);
    await queryRunner.query(`CREATE INDEX "IDX_5fe8700b19027689d860b87d00" ON "submission" ("contest_id", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_02a4dc3a03489830143549f199" ON "submission" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_36afca623ea3c0f3c31417e594" ON "submission" ("leader_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a10ee0ffb7261fadf17ceb9bac" ON "submission" ("organization_id", "title_key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f3d1118fff98ccf86438ac44eb" ON "submission" ("contest_id", "reference_number") `);
    await queryRunner.query(`CREATE INDEX "IDX_11b2deb938a6d30a2bdbafe438" ON "submission" ("contest_id", "title", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_ecb2bbe24766ce41bfcbea9199"`);
    await queryRunner.query(`DROP TABLE "attachment_upload"`);
    await queryRunner.query(`DROP INDEX "IDX_696b2ccdb913a7c8e2348a5bc8"`);
    await queryRunner.query(`DROP TABLE "attachment"`);
  }
}
