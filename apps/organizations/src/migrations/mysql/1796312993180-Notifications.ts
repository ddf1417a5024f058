import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796312993180 implements MigrationInterface {
  name = 'Notifications1796312993180';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`notification\` (\`id\` varchar(36) NOT NULL, \`event_key\` varchar(200) NOT NULL, \`recipient_key\` varchar(50) NOT NULL, \`kind\` varchar(30) NOT NULL, \`title\` varchar(200) NOT NULL, \`body\` text NOT NULL, \`link\` varchar(300) NULL, \`created_at\` datetime NOT NULL, \`read_at\` datetime NULL, INDEX \`IDX_6a75950e98347eb4dc266668ff\` (\`recipient_key\`, \`created_at\`, \`id\`), UNIQUE INDEX \`IDX_427a9ad8e9af3dbebbdbe7b688\` (\`event_key\`, \`recipient_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`email_preference\` (\`person_id\` varchar(36) NOT NULL, \`kind\` varchar(30) NOT NULL, \`enabled\` tinyint NOT NULL, \`updated_at\` datetime NOT NULL, PRIMARY KEY (\`person_id\`, \`kind\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`email_preference\``);
    await queryRunner.query(`DROP INDEX \`IDX_427a9ad8e9af3dbebbdbe7b688\` ON \`notification\``);
    await queryRunner.query(`DROP INDEX \`IDX_6a75950e98347eb4dc266668ff\` ON \`notification\``);
    await queryRunner.query(`DROP TABLE \`notification\``);
  }
}
