import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795879459744 implements MigrationInterface {
  name = 'InitialSchema1795879459744';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`contest\` (\`id\` varchar(36) NOT NULL, \`code\` varchar(40) NOT NULL, \`name\` varchar(200) NOT NULL, \`year\` int NOT NULL, \`theme\` varchar(500) NULL, \`status\` varchar(24) NOT NULL, \`created_at\` datetime NOT NULL, UNIQUE INDEX \`IDX_a6d8c24408c48c391a7c4ea4d6\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`organization\` (\`id\` varchar(36) NOT NULL, \`name\` varchar(120) NOT NULL, \`short_name\` varchar(40) NULL, \`kind\` varchar(32) NOT NULL, \`parent_id\` varchar(36) NULL, \`district\` varchar(40) NULL, \`credit_code\` varchar(18) NULL, \`created_at\` datetime NOT NULL, INDEX \`IDX_c21e615583a3ebbb0977452afb\` (\`name\`), INDEX \`IDX_15acafd6698ac846c6b6a6a50e\` (\`parent_id\`), UNIQUE INDEX \`IDX_9fdd4d11622bcfd001a75db379\` (\`credit_code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_9fdd4d11622bcfd001a75db379\` ON \`organization\``);
    await queryRunner.query(`DROP INDEX \`IDX_15acafd6698ac846c6b6a6a50e\` ON \`organization\``);
    await queryRunner.query(`DROP INDEX \`IDX_c21e615583a3ebbb0977452afb\` ON \`organization\``);
    await queryRunner.query(`DROP TABLE \`organization\``);
    await queryRunner.query(`DROP INDEX \`IDX_a6d8c24408c48c391a7c4ea4d6\` ON \`contest\``);
    await queryRunner.query(`DROP TABLE \`contest\``);
  }
}
