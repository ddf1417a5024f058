import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notices1796312942995 implements MigrationInterface {
  name = 'Notices1796312942995';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`notice\` (\`id\` varchar(36) NOT NULL, \`contest_id\` varchar(36) NOT NULL, \`kind\` varchar(16) NOT NULL, \`status\` varchar(16) NOT NULL, \`title\` varchar(200) NOT NULL, \`body\` text NOT NULL, \`published_at\` datetime NULL, \`withdrawn_at\` datetime NULL, \`withdrawal_reason\` varchar(500) NULL, \`author\` varchar(200) NOT NULL, \`created_by\` varchar(100) NOT NULL, \`created_at\` datetime NOT NULL, \`updated_at\` datetime NOT NULL, \`order_key\` varchar(14) NOT NULL, \`version\` int NOT NULL, INDEX \`IDX_ecdb0671e9f51777e0fdaaf82c\` (\`order_key\`), INDEX \`IDX_6f1bb84a9bce7e89952028edb4\` (\`contest_id\`, \`order_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`notice_attachment\` (\`id\` varchar(36) NOT NULL, \`notice_id\` varchar(36) NOT NULL, \`position\` int NOT NULL, \`file_name\` varchar(200) NOT NULL, \`content_type\` varchar(120) NOT NULL, \`size\` int NOT NULL, \`sha256\` varchar(64) NOT NULL, \`storage_key\` varchar(200) NOT NULL, \`uploaded_at\` datetime NOT NULL, \`uploaded_by\` varchar(100) NOT NULL, UNIQUE INDEX \`IDX_89ff6cec666baeaf58c7a7a303\` (\`notice_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`notice_attachment_upload\` (\`id\` varchar(36) NOT NULL, \`notice_id\` varchar(36) NOT NULL, \`file_name\` varchar(200) NOT NULL, \`content_type\` varchar(120) NOT NULL, \`size\` int NOT NULL, \`sha256\` varchar(64) NULL, \`requested_by\` varchar(100) NOT NULL, \`requested_roles\` varchar(100) NOT NULL, \`expires_at\` datetime NOT NULL, \`attachment_id\` varchar(36) NULL, INDEX \`IDX_a9e4920e6f569625b242dfd8be\` (\`notice_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_a9e4920e6f569625b242dfd8be\` ON \`notice_attachment_upload\``);
    await queryRunner.query(`DROP TABLE \`notice_attachment_upload\``);
    await queryRunner.query(`DROP INDEX \`IDX_89ff6cec666baeaf58c7a7a303\` ON \`notice_attachment\``);
    await queryRunner.query(`DROP TABLE \`notice_attachment\``);
    await queryRunner.query(`DROP INDEX \`IDX_6f1bb84a9bce7e89952028edb4\` ON \`notice\``);
    await queryRunner.query(`DROP INDEX \`IDX_ecdb0671e9f51777e0fdaaf82c\` ON \`notice\``);
    await queryRunner.query(`DROP TABLE \`notice\``);
  }
}
