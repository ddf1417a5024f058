import { MigrationInterface, QueryRunner } from 'typeorm';

export class PageIndexes1796187813021 implements MigrationInterface {
  name = 'PageIndexes1796187813021';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`IDX_11b2deb938a6d30a2bdbafe438\` ON \`submission\` (\`contest_id\`, \`title\`, \`id\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_11b2deb938a6d30a2bdbafe438\` ON \`submission\``);
  }
}
