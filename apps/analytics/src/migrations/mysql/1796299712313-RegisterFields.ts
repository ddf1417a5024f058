import { MigrationInterface, QueryRunner } from 'typeorm';

export class RegisterFields1796299712313 implements MigrationInterface {
  name = 'RegisterFields1796299712313';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`dim_organization\` ADD \`credit_code\` varchar(18) NULL`);
    await queryRunner.query(`ALTER TABLE \`dim_expert\` ADD \`expertise\` text NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`dim_expert\` DROP COLUMN \`expertise\``);
    await queryRunner.query(`ALTER TABLE \`dim_organization\` DROP COLUMN \`credit_code\``);
  }
}
