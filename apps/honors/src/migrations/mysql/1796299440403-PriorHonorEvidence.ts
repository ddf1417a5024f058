import { MigrationInterface, QueryRunner } from 'typeorm';

export class PriorHonorEvidence1796299440403 implements MigrationInterface {
  name = 'PriorHonorEvidence1796299440403';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`prior_honor\` ADD \`evidence_file\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`prior_honor\` ADD \`evidence_upload\` text NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`prior_honor\` DROP COLUMN \`evidence_upload\``);
    await queryRunner.query(`ALTER TABLE \`prior_honor\` DROP COLUMN \`evidence_file\``);
  }
}
