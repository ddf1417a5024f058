import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795880940776 implements MigrationInterface {
  name = 'InitialSchema1795880940776';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "review_round" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "name" varchar(120) NOT NULL, "stage" varchar(16) NOT NULL, "round_order" integer NOT NULL, "status" varchar(16) NOT NULL, "blind" boolean NOT NULL, "created_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_200e75701bd7d036766ecb046b" ON "review_round" ("contest_id", "round_order") `);
    await queryRunner.query(`CREATE TABLE "entry" ("id" varchar(36) PRIMARY KEY NOT NULL, "round_id" varchar(36) NOT NULL, "submission_id" varchar(36) NOT NULL, "organization_id" varchar(36) NOT NULL, "state" varchar(16) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_39dec08b508121f1a6b8c220a3" ON "entry" ("submission_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_26d8a1e09f720e0a0c23cbf2f0" ON "entry" ("round_id", "submission_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_26d8a1e09f720e0a0c23cbf2f0"`);
    await queryRunner.query(`DROP INDEX "IDX_39dec08b508121f1a6b8c220a3"`);
    await queryRunner.query(`DROP TABLE "entry"`);
    await queryRunner.query(`DROP INDEX "IDX_200e75701bd7d036766ecb046b"`);
    await queryRunner.query(`DROP TABLE "review_round"`);
  }
}
