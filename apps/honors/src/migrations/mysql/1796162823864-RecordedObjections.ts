import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecordedObjections1796162823864 implements MigrationInterface {
  name = 'RecordedObjections1796162823864';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`objection\` ADD \`channel\` varchar(12) NULL`);
    await queryRunner.query(`ALTER TABLE \`objection\` ADD \`received_on\` varchar(10) NULL`);
    await queryRunner.query(`ALTER TABLE \`objection\` ADD \`objector_name\` varchar(100) NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`objection\` DROP COLUMN \`objector_name\``);
    await queryRunner.query(`ALTER TABLE \`objection\` DROP COLUMN \`received_on\``);
    await queryRunner.query(`ALTER TABLE \`objection\` DROP COLUMN \`channel\``);
  }
}
