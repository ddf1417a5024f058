import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContestChecks1796313109568 implements MigrationInterface {
  name = 'ContestChecks1796313109568';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`contest\` ADD \`requires_endorsement\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`contest\` ADD \`requires_form_check\` tinyint NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`contest\` DROP COLUMN \`requires_form_check\``);
    await queryRunner.query(`ALTER TABLE \`contest\` DROP COLUMN \`requires_endorsement\``);
  }
}
