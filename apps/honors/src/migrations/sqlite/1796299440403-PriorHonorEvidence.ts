import { MigrationInterface, QueryRunner } from 'typeorm';

export class PriorHonorEvidence1796299440403 implements MigrationInterface {
  name = 'PriorHonorEvidence1796299440403';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_e38ac56b3e6f7f7ea7fc14478a"`);
    await queryRunner.query(`CREATE TABLE "temporary_prior_honor" ("id" varchar(36) PRIMARY KEY NOT NULL, "submission_id" varchar(36) NOT NULL, "level" varchar(24) NOT NULL, "name" varchar(200) NOT NULL, "issuer" varchar(200) NOT NULL, "year" integer NOT NULL, "evidence" varchar(500), "verified" boolean NOT NULL, "verified_at" datetime, "created_at" datetime NOT NULL, "evidence_file" text, "evidence_upload" text)`);
    await queryRunner.query(`INSERT INTO "temporary_prior_honor"("id", "submission_id", "level", "name", "issuer", "year", "evidence", "verified", "verified_at", "created_at") SELECT "id", "submission_id", "level", "name", "issuer", "year", "evidence", "verified", "verified_at", "created_at" FROM "prior_honor"`);
    await queryRunner.query(`DROP TABLE "prior_honor"`);
    await queryRunner.query(`ALTER TABLE "temporary_prior_honor" RENAME TO "prior_honor"`);
    await queryRunner.query(`CREATE INDEX "IDX_e38ac56b3e6f7f7ea7fc14478a" ON "prior_honor" ("submission_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_e38ac56b3e6f7f7ea7fc14478a"`);
    await queryRunner.query(`ALTER TABLE "prior_honor" RENAME TO "temporary_prior_honor"`);
    await queryRunner.query(`CREATE TABLE "prior_honor" ("id" varchar(36) PRIMARY KEY NOT NULL, "submission_id" varchar(36) NOT NULL, "level" varchar(24) NOT NULL, "name" varchar(200) NOT NULL, "issuer" varchar(200) NOT NULL, "year" integer NOT NULL, "evidence" varchar(500), "verified" boolean NOT NULL, "verified_at" datetime, "created_at" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "prior_honor"("id", "submission_id", "level", "name", "issuer", "year", "evidence", "verified", "verified_at", "created_at") SELECT "id", "submission_id", "level", "name", "issuer", "year", "evidence", "verified", "verified_at", "created_at" FROM "temporary_prior_honor"`);
    await queryRunner.query(`DROP TABLE "temporary_prior_honor"`);
    await queryRunner.query(`CREATE INDEX "IDX_e38ac56b3e6f7f7ea7fc14478a" ON "prior_honor" ("submission_id") `);
  }
}
