import { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarYears1796163045523 implements MigrationInterface {
  name = 'CalendarYears1796163045523';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`calendar_year\` (\`year\` int NOT NULL, \`reason\` varchar(500) NOT NULL, \`confirmed_at\` datetime NOT NULL, PRIMARY KEY (\`year\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`calendar_year\``);
  }
}
