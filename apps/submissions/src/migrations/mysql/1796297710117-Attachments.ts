import { MigrationInterface, QueryRunner } from 'typeorm';

export class Attachments1796297710117 implements MigrationInterface {
  name = 'Attachments1796297710117';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`attachment\` (\`id\` varchar(36) NOT NULL, \`submission_id\` varchar(36) NOT NULL, \`position\` int NOT NULL, \`file_name\` varchar(200) NOT NULL, \`content_type\` varchar(120) NOT NULL, \`size\` int NOT NULL, \`sha256\` varchar(64) NOT NULL, \`storage_key\` varchar(200) NOT NULL, \`uploaded_at\` datetime NOT NULL, \`uploaded_by\` varchar(100) NOT NULL, UNIQUE INDEX \`IDX_696b2ccdb913a7c8e2348a5bc8\` (\`submission_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`attachment_upload\` (\`id\` varchar(36) NOT NULL, \`submission_id\` varchar(36) NOT NULL, \`file_name\` varchar(200) NOT NULL, \`content_type\` varchar(120) NOT NULL, \`size\` int NOT NULL, \`sha256\` varchar(64) NULL, \`requested_by\` varchar(100) NOT NULL, \`requested_roles\` varchar(100) NOT NULL, \`expires_at\` datetime NOT NULL, \`attachment_id\` varchar(36) NULL, INDEX \`IDX_ecb2bbe24766ce41bfcbea9199\` (\`submission_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    // The submission's metadata-only file list named no stored bytes; the attachment table replaces it.
    await queryRunner.query(`ALTER TABLE \`submission\` DROP COLUMN \`attachments\``);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`submission\` ADD \`attachments\` text NOT NULL`);
    await queryRunner.query(`DROP INDEX \`IDX_ecb2bbe24766ce41bfcbea9199\` ON \`attachment_upload\``);
    await queryRunner.query(`DROP TABLE \`attachment_upload\``);
    await queryRunner.query(`DROP INDEX \`IDX_696b2ccdb913a7c8e2348a5bc8\` ON \`attachment\``);
    await queryRunner.query(`DROP TABLE \`attachment\``);
  }
}
