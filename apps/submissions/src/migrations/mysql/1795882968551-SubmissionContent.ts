import { MigrationInterface, QueryRunner } from 'typeorm';

// Edited after generation: existing rows get empty lists in the new NOT NULL columns.
export class SubmissionContent1795882968551 implements MigrationInterface {
  name = 'SubmissionContent1795882968551';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_3c7290348d1db388988cd157bb\` ON \`submission\``);
    await queryRunner.query(`CREATE TABLE \`audit_entry\` (\`id\` varchar(36) NOT NULL, \`at\` datetime NOT NULL, \`actor\` varchar(80) NOT NULL, \`actor_roles\` varchar(120) NOT NULL, \`action\` varchar(60) NOT NULL, \`entity_type\` varchar(40) NOT NULL, \`entity_id\` varchar(36) NOT NULL, \`before\` text NULL, \`after\` text NULL, \`reason\` varchar(500) NULL, INDEX \`IDX_186a21c3d44d6ec953a687674a\` (\`entity_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`reference_counter\` (\`contest_id\` varchar(36) NOT NULL, \`track_code\` varchar(20) NOT NULL, \`last_value\` int NOT NULL, PRIMARY KEY (\`contest_id\`, \`track_code\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`submission\` ADD \`track_id\` varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE \`submission\` ADD \`achievement_kind\` varchar(16) NULL`);
    await queryRunner.query(`ALTER TABLE \`submission\` ADD \`keywords\` text NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`submission\` ADD \`application_effect\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`submission\` ADD \`metrics\` text NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`submission\` ADD \`attachments\` text NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`submission\` ADD \`leader_id\` varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE \`submission\` ADD \`team_member_ids\` text NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`submission\` ADD \`submitted_at\` datetime NULL`);
    await queryRunner.query(`ALTER TABLE \`submission\` ADD \`withdrawn_at\` datetime NULL`);
    await queryRunner.query(`UPDATE \`submission\` SET \`metrics\` = '[]', \`attachments\` = '[]'`);
    await queryRunner.query(`ALTER TABLE \`submission\` CHANGE \`summary\` \`summary\` text NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_36afca623ea3c0f3c31417e594\` ON \`submission\` (\`leader_id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_a10ee0ffb7261fadf17ceb9bac\` ON \`submission\` (\`organization_id\`, \`title_key\`)`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_f3d1118fff98ccf86438ac44eb\` ON \`submission\` (\`contest_id\`, \`reference_number\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_f3d1118fff98ccf86438ac44eb\` ON \`submission\``);
    await queryRunner.query(`DROP INDEX \`IDX_a10ee0ffb7261fadf17ceb9bac\` ON \`submission\``);
    await queryRunner.query(`DROP INDEX \`IDX_36afca623ea3c0f3c31417e594\` ON \`submission\``);
    await queryRunner.query(`ALTER TABLE \`submission\` CHANGE \`summary\` \`summary\` text NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`submission\` DROP COLUMN \`withdrawn_at\``);
    await queryRunner.query(`ALTER TABLE \`submission\` DROP COLUMN \`submitted_at\``);
    await queryRunner.query(`ALTER TABLE \`submission\` DROP COLUMN \`team_member_ids\``);
    await queryRunner.query(`ALTER TABLE \`submission\` DROP COLUMN \`leader_id\``);
    await queryRunner.query(`ALTER TABLE \`submission\` DROP COLUMN \`attachments\``);
    await queryRunner.query(`ALTER TABLE \`submission\` DROP COLUMN \`metrics\``);
    await queryRunner.query(`ALTER TABLE \`submission\` DROP COLUMN \`application_effect\``);
    await queryRunner.query(`ALTER TABLE \`submission\` DROP COLUMN \`keywords\``);
    await queryRunner.query(`ALTER TABLE \`submission\` DROP COLUMN \`achievement_kind\``);
    await queryRunner.query(`ALTER TABLE \`submission\` DROP COLUMN \`track_id\``);
    await queryRunner.query(`DROP TABLE \`reference_counter\``);
    await queryRunner.query(`DROP INDEX \`IDX_186a21c3d44d6ec953a687674a\` ON \`audit_entry\``);
    await queryRunner.query(`DROP TABLE \`audit_entry\``);
    await queryRunner.query(`CREATE INDEX \`IDX_3c7290348d1db388988cd157bb\` ON \`submission\` (\`title_key\`)`);
  }
}
