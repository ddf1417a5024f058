import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795880939486 implements MigrationInterface {
  name = 'InitialSchema1795880939486';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`contest\` (\`id\` varchar(36) NOT NULL, \`code\` varchar(40) NOT NULL, \`name\` varchar(200) NOT NULL, \`year\` int NOT NULL, \`theme\` varchar(500) NULL, \`status\` varchar(24) NOT NULL, \`created_at\` datetime NOT NULL, UNIQUE INDEX \`IDX_a6d8c24408c48c391a7c4ea4d6\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`organization\` (\`id\` varchar(36) NOT NULL, \`name\` varchar(120) NOT NULL, \`short_name\` varchar(40) NULL, \`kind\` varchar(32) NOT NULL, \`parent_id\` varchar(36) NULL, \`district\` varchar(40) NULL, \`credit_code\` varchar(18) NULL, \`created_at\` datetime NOT NULL, INDEX \`IDX_c21e615583a3ebbb0977452afb\` (\`name\`), INDEX \`IDX_15acafd6698ac846c6b6a6a50e\` (\`parent_id\`), UNIQUE INDEX \`IDX_9fdd4d11622bcfd001a75db379\` (\`credit_code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`person\` (\`id\` varchar(36) NOT NULL, \`name\` varchar(60) NOT NULL, \`organization_id\` varchar(36) NOT NULL, \`position\` varchar(80) NULL, \`phone\` varchar(20) NULL, \`email\` varchar(120) NULL, \`created_at\` datetime NOT NULL, INDEX \`IDX_27c811883af9f3fefe79892f02\` (\`name\`), INDEX \`IDX_529240bfd63666ae4ec116456b\` (\`organization_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_529240bfd63666ae4ec116456b\` ON \`person\``);
    await queryRunner.query(`DROP INDEX \`IDX_27c811883af9f3fefe79892f02\` ON \`person\``);
    await queryRunner.query(`DROP TABLE \`person\``);
    await queryRunner.query(`DROP INDEX \`IDX_9fdd4d11622bcfd001a75db379\` ON \`organization\``);
    await queryRunner.query(`DROP INDEX \`IDX_15acafd6698ac846c6b6a6a50e\` ON \`organization\``);
    await queryRunner.query(`DROP INDEX \`IDX_c21e615583a3ebbb0977452afb\` ON \`organization\``);
    await queryRunner.query(`DROP TABLE \`organization\``);
    await queryRunner.query(`DROP INDEX \`IDX_a6d8c24408c48c391a7c4ea4d6\` ON \`contest\``);
    await queryRunner.query(`DROP TABLE \`contest\``);
  }
}
