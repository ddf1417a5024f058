import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795880941414 implements MigrationInterface {
  name = 'InitialSchema1795880941414';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "honor" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "award_type_code" varchar(40) NOT NULL, "recipient_kind" varchar(16) NOT NULL, "recipient_id" varchar(36) NOT NULL, "recipient_name" varchar(200) NOT NULL, "citation" varchar(1000), "status" varchar(16) NOT NULL, "created_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_b2de78b9c411bdb2194d1e6ad0" ON "honor" ("recipient_kind", "recipient_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b5211373d4e479d3c904e850ca" ON "honor" ("contest_id", "award_type_code", "recipient_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_b5211373d4e479d3c904e850ca"`);
    await queryRunner.query(`DROP INDEX "IDX_b2de78b9c411bdb2194d1e6ad0"`);
    await queryRunner.query(`DROP TABLE "honor"`);
  }
}
