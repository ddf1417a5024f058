import { MigrationInterface, QueryRunner } from 'typeorm';

export class EnrolmentIndexes1796189034692 implements MigrationInterface {
  name = 'EnrolmentIndexes1796189034692';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`IDX_589df7dbf922d05e2fc3129445\` ON \`participation\` (\`mobilized_by_id\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_6e15c282dfebf113f087ad889a\` ON \`participation\` (\`organization_id\`, \`id\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_6e15c282dfebf113f087ad889a\` ON \`participation\``);
    await queryRunner.query(`DROP INDEX \`IDX_589df7dbf922d05e2fc3129445\` ON \`participation\``);
  }
}
