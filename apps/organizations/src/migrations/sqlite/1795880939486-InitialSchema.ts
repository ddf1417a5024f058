import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795880939486 implements MigrationInterface {
  name = 'InitialSchema1795880939486';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "contest" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(40) NOT NULL, "name" varchar(200) NOT NULL, "year" integer NOT NULL, "theme" varchar(500), "status" varchar(24) NOT NULL, "created_at" datetime NOT NULL, CONSTRAINT "UQ_a6d8c24408c48c391a7c4ea4d6b" UNIQUE ("code"))`);
    await queryRunner.query(`CREATE TABLE "organization" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(120) NOT NULL, "short_name" varchar(40), "kind" varchar(32) NOT NULL, "parent_id" varchar(36), "district" varchar(40), "credit_code" varchar(18), "created_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_c21e615583a3ebbb0977452afb" ON "organization" ("name") `);
    await queryRunner.query(`CREATE INDEX "IDX_15acafd6698ac846c6b6a6a50e" ON "organization" ("parent_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9fdd4d11622bcfd001a75db379" ON "organization" ("credit_code") `);
    await queryRunner.query(`CREATE TABLE "person" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(60) NOT NULL, "organization_id" varchar(36) NOT NULL, "position" varchar(80), "phone" varchar(20), "email" varchar(120), "created_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_27c811883af9f3fefe79892f02" ON "person" ("name") `);
    await queryRunner.query(`CREATE INDEX "IDX_529240bfd63666ae4ec116456b" ON "person" ("organization_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_529240bfd63666ae4ec116456b"`);
    await queryRunner.query(`DROP INDEX "IDX_27c811883af9f3fefe79892f02"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP INDEX "IDX_9fdd4d11622bcfd001a75db379"`);
    await queryRunner.query(`DROP INDEX "IDX_15acafd6698ac846c6b6a6a50e"`);
    await queryRunner.query(`DROP INDEX "IDX_c21e615583a3ebbb0977452afb"`);
    await queryRunner.query(`DROP TABLE "organization"`);
    await queryRunner.query(`DROP TABLE "contest"`);
  }
}
