import { MigrationInterface, QueryRunner } from 'typeorm';

export class People1796196796337 implements MigrationInterface {
  name = 'People1796196796337';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "dim_person" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(100) NOT NULL, "organization_id" varchar(36) NOT NULL, "position" varchar(100), "version" integer NOT NULL)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dim_person"`);
  }
}
