import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecordedObjections1796162823864 implements MigrationInterface {
  name = 'RecordedObjections1796162823864';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_1c3d81d6704860307d76e200f4"`);
    await queryRunner.query(`CREATE TABLE "temporary_objection" ("id" varchar(36) PRIMARY KEY NOT NULL, "honor_id" varchar(36) NOT NULL, "text" varchar(2000) NOT NULL, "contact" varchar(200) NOT NULL, "filed_by" varchar(80) NOT NULL, "filed_at" datetime NOT NULL, "status" varchar(12) NOT NULL, "resolution" varchar(1000), "resolved_at" datetime, "channel" varchar(12), "received_on" varchar(10), "objector_name" varchar(100))`);
    await queryRunner.query(`INSERT INTO "temporary_objection"("id", "honor_id", "text", "contact", "filed_by", "filed_at", "status", "resolution", "resolved_at") SELECT "id", "honor_id", "text", "contact", "filed_by", "filed_at", "status", "resolution", "resolved_at" FROM "objection"`);
    await queryRunner.query(`DROP TABLE "objection"`);
    await queryRunner.query(`ALTER TABLE "temporary_objection" RENAME TO "objection"`);
    await queryRunner.query(`CREATE INDEX "IDX_1c3d81d6704860307d76e200f4" ON "objection" ("honor_id", "status") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_1c3d81d6704860307d76e200f4"`);
    await queryRunner.query(`ALTER TABLE "objection" RENAME TO "temporary_objection"`);
    await queryRunner.query(`CREATE TABLE "objection" ("id" varchar(36) PRIMARY KEY NOT NULL, "honor_id" varchar(36) NOT NULL, "text" varchar(2000) NOT NULL, "contact" varchar(200) NOT NULL, "filed_by" varchar(80) NOT NULL, "filed_at" datetime NOT NULL, "status" varchar(12) NOT NULL, "resolution" varchar(1000), "resolved_at" datetime)`);
    await queryRunner.query(`INSERT INTO "objection"("id", "honor_id", "text", "contact", "filed_by", "filed_at", "status", "resolution", "resolved_at") SELECT "id", "honor_id", "text", "contact", "filed_by", "filed_at", "status", "resolution", "resolved_at" FROM "temporary_objection"`);
    await queryRunner.query(`DROP TABLE "temporary_objection"`);
    await queryRunner.query(`CREATE INDEX "IDX_1c3d81d6704860307d76e200f4" ON "objection" ("honor_id", "status") `);
  }
}
