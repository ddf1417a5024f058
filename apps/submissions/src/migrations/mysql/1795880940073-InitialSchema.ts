import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795880940073 implements MigrationInterface {
  name = 'InitialSchema1795880940073';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`submission\` (\`id\` varchar(36) NOT NULL, \`contest_id\` varchar(36) NOT NULL, \`organization_id\` varchar(36) NOT NULL, \`reference_number\` varchar(30) NULL, \`title\` varchar(200) NOT NULL, \`title_key\` varchar(200) NOT NULL, \`summary\` text NOT NULL, \`status\` varchar(16) NOT NULL, \`version\` int NOT NULL, \`created_at\` datetime NOT NULL, \`updated_at\` datetime NOT NULL, INDEX \`IDX_02a4dc3a03489830143549f199\` (\`organization_id\`), INDEX \`IDX_3c7290348d1db388988cd157bb\` (\`title_key\`), INDEX \`IDX_5fe8700b19027689d860b87d00\` (\`contest_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_5fe8700b19027689d860b87d00\` ON \`submission\``);
    await queryRunner.query(`DROP INDEX \`IDX_3c7290348d1db388988cd157bb\` ON \`submission\``);
    await queryRunner.query(`DROP INDEX \`IDX_02a4dc3a03489830143549f199\` ON \`submission\``);
    await queryRunner.query(`DROP TABLE \`submission\``);
  }
}
