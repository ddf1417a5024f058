import { MigrationInterface, QueryRunner } from 'typeorm';

export class SubmissionChecks1796313112553 implements MigrationInterface {
  name = 'SubmissionChecks1796313112553';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "submission_check" ("id" varchar(36) PRIMARY KEY NOT NULL, "submission_id" varchar(36) NOT NULL, "version" integer NOT NULL, "step" varchar(16) NOT NULL, "reason" varchar(500), "at" datetime NOT NULL, "actor" varchar(8) NOT NULL, "organization_id" varchar(36))`);
    await queryRunner.query(`CREATE INDEX "IDX_0ebe01156f8bf1188215762ef3" ON "submission_check" ("submission_id", "version") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_0ebe01156f8bf1188215762ef3"`);
    await queryRunner.query(`DROP TABLE "submission_check"`);
  }
}
