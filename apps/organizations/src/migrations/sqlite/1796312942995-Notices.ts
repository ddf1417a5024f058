import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notices1796312942995 implements MigrationInterface {
  name = 'Notices1796312942995';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notice" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "title" varchar(200) NOT NULL, "body" text NOT NULL, "published_at" datetime, "withdrawn_at" datetime, "withdrawal_reason" varchar(500), "author" varchar(200) NOT NULL, "created_by" varchar(100) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "order_key" varchar(14) NOT NULL, "version" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_ecdb0671e9f51777e0fdaaf82c" ON "notice" ("order_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_6f1bb84a9bce7e89952028edb4" ON "notice" ("contest_id", "order_key") `);
    await queryRunner.query(`CREATE TABLE "notice_attachment" ("id" varchar(36) PRIMARY KEY NOT NULL, "notice_id" varchar(36) NOT NULL, "position" integer NOT NULL, "file_name" varchar(200) NOT NULL, "content_type" varchar(120) NOT NULL, "size" integer NOT NULL, "sha256" varchar(64) NOT NULL, "storage_key" varchar(200) NOT NULL, "uploaded_at" datetime NOT NULL, "uploaded_by" varchar(100) NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_89ff6cec666baeaf58c7a7a303" ON "notice_attachment" ("notice_id", "position") `);
    await queryRunner.query(`CREATE TABLE "notice_attachment_upload" ("id" varchar(36) PRIMARY KEY NOT NULL, "notice_id" varchar(36) NOT NULL, "file_name" varchar(200) NOT NULL, "content_type" varchar(120) NOT NULL, "size" integer NOT NULL, "sha256" varchar(64), "requested_by" varchar(100) NOT NULL, "requested_roles" varchar(100) NOT NULL, "expires_at" datetime NOT NULL, "attachment_id" varchar(36))`);
    await queryRunner.query(`CREATE INDEX "IDX_a9e4920e6f569625b242dfd8be" ON "notice_attachment_upload" ("notice_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notice_attachment_upload"`);
    await queryRunner.query(`DROP TABLE "notice_attachment"`);
    await queryRunner.query(`DROP TABLE "notice"`);
  }
}
