import { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarYears1796163045523 implements MigrationInterface {
  name = 'CalendarYears1796163045523';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "calendar_year" ("year" integer PRIMARY KEY NOT NULL, "reason" varchar(500) NOT NULL, "confirmed_at" datetime NOT NULL)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_year"`);
  }
}
