import { MigrationInterface, QueryRunner } from 'typeorm';

export class RegisterFields1796299712313 implements MigrationInterface {
  name = 'RegisterFields1796299712313';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "temporary_dim_organization" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "short_name" varchar(100), "kind" varchar(40) NOT NULL, "parent_id" varchar(36), "district" varchar(60), "version" integer NOT NULL, "credit_code" varchar(18))`);
    await queryRunner.query(`INSERT INTO "temporary_dim_organization"("id", "name", "short_name", "kind", "parent_id", "district", "version") SELECT "id", "name", "short_name", "kind", "parent_id", "district", "version" FROM "dim_organization"`);
    await queryRunner.query(`DROP TABLE "dim_organization"`);
    await queryRunner.query(`ALTER TABLE "temporary_dim_organization" RENAME TO "dim_organization"`);
    await queryRunner.query(`CREATE TABLE "temporary_dim_expert" ("id" varchar(36) PRIMARY KEY NOT NULL, "person_id" varchar(36) NOT NULL, "affiliation_id" varchar(36) NOT NULL, "title" varchar(40) NOT NULL, "active" boolean NOT NULL, "version" integer NOT NULL, "expertise" text)`);
    await queryRunner.query(`INSERT INTO "temporary_dim_expert"("id", "person_id", "affiliation_id", "title", "active", "version") SELECT "id", "person_id", "affiliation_id", "title", "active", "version" FROM "dim_expert"`);
    await queryRunner.query(`DROP TABLE "dim_expert"`);
    await queryRunner.query(`ALTER TABLE "temporary_dim_expert" RENAME TO "dim_expert"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dim_expert" RENAME TO "temporary_dim_expert"`);
    await queryRunner.query(`CREATE TABLE "dim_expert" ("id" varchar(36) PRIMARY KEY NOT NULL, "person_id" varchar(36) NOT NULL, "affiliation_id" varchar(36) NOT NULL, "title" varchar(40) NOT NULL, "active" boolean NOT NULL, "version" integer NOT NULL)`);
    await queryRunner.query(`INSERT INTO "dim_expert"("id", "person_id", "affiliation_id", "title", "active", "version") SELECT "id", "person_id", "affiliation_id", "title", "active", "version" FROM "temporary_dim_expert"`);
    await queryRunner.query(`DROP TABLE "temporary_dim_expert"`);
    await queryRunner.query(`ALTER TABLE "dim_organization" RENAME TO "temporary_dim_organization"`);
    await queryRunner.query(`CREATE TABLE "dim_organization" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "short_name" varchar(100), "kind" varchar(40) NOT NULL, "parent_id" varchar(36), "district" varchar(60), "version" integer NOT NULL)`);
    await queryRunner.query(`INSERT INTO "dim_organization"("id", "name", "short_name", "kind", "parent_id", "district", "version") SELECT "id", "name", "short_name", "kind", "parent_id", "district", "version" FROM "temporary_dim_organization"`);
    await queryRunner.query(`DROP TABLE "temporary_dim_organization"`);
  }
}
