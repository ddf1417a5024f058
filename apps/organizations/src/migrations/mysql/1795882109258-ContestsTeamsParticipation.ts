import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContestsTeamsParticipation1795882109258 implements MigrationInterface {
  name = 'ContestsTeamsParticipation1795882109258';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`audit_entry\` (\`id\` varchar(36) NOT NULL, \`at\` datetime NOT NULL, \`actor\` varchar(80) NOT NULL, \`actor_roles\` varchar(120) NOT NULL, \`action\` varchar(60) NOT NULL, \`entity_type\` varchar(40) NOT NULL, \`entity_id\` varchar(36) NOT NULL, \`before\` text NULL, \`after\` text NULL, \`reason\` varchar(500) NULL, INDEX \`IDX_186a21c3d44d6ec953a687674a\` (\`entity_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`milestone\` (\`id\` varchar(36) NOT NULL, \`contest_id\` varchar(36) NOT NULL, \`date\` date NOT NULL, \`kind\` varchar(24) NOT NULL, \`title\` varchar(200) NOT NULL, \`host_organization_id\` varchar(36) NULL, INDEX \`IDX_a240906d434d778fcf6a08ee48\` (\`contest_id\`, \`date\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`participation\` (\`id\` varchar(36) NOT NULL, \`contest_id\` varchar(36) NOT NULL, \`organization_id\` varchar(36) NOT NULL, \`mobilized_by_id\` varchar(36) NOT NULL, \`enrolled_at\` datetime NOT NULL, INDEX \`IDX_0f85b00cf22a5a293a8caf6142\` (\`contest_id\`, \`mobilized_by_id\`), UNIQUE INDEX \`IDX_788de19c0e6de9b6011c130c07\` (\`contest_id\`, \`organization_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`team\` (\`id\` varchar(36) NOT NULL, \`organization_id\` varchar(36) NOT NULL, \`name\` varchar(120) NOT NULL, \`created_at\` datetime NOT NULL, UNIQUE INDEX \`IDX_2f86357535d3d6a9bef5c3f831\` (\`organization_id\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`team_member\` (\`team_id\` varchar(36) NOT NULL, \`person_id\` varchar(36) NOT NULL, \`position\` int NOT NULL, INDEX \`IDX_9281d7315475282bd402f63b9f\` (\`person_id\`), PRIMARY KEY (\`team_id\`, \`person_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`track\` (\`id\` varchar(36) NOT NULL, \`contest_id\` varchar(36) NOT NULL, \`code\` varchar(20) NOT NULL, \`name\` varchar(80) NOT NULL, UNIQUE INDEX \`IDX_b533faf94369a962063965381e\` (\`contest_id\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`contest\` ADD \`organizer_id\` varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE \`contest\` ADD \`co_organizer_ids\` text NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`contest\` ADD \`starts_on\` date NULL`);
    await queryRunner.query(`ALTER TABLE \`contest\` ADD \`ends_on\` date NULL`);
    await queryRunner.query(`ALTER TABLE \`contest\` ADD \`submission_opens_at\` datetime NULL`);
    await queryRunner.query(`ALTER TABLE \`contest\` ADD \`submission_closes_at\` datetime NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`contest\` DROP COLUMN \`submission_closes_at\``);
    await queryRunner.query(`ALTER TABLE \`contest\` DROP COLUMN \`submission_opens_at\``);
    await queryRunner.query(`ALTER TABLE \`contest\` DROP COLUMN \`ends_on\``);
    await queryRunner.query(`ALTER TABLE \`contest\` DROP COLUMN \`starts_on\``);
    await queryRunner.query(`ALTER TABLE \`contest\` DROP COLUMN \`co_organizer_ids\``);
    await queryRunner.query(`ALTER TABLE \`contest\` DROP COLUMN \`organizer_id\``);
    await queryRunner.query(`DROP INDEX \`IDX_b533faf94369a962063965381e\` ON \`track\``);
    await queryRunner.query(`DROP TABLE \`track\``);
    await queryRunner.query(`DROP INDEX \`IDX_9281d7315475282bd402f63b9f\` ON \`team_member\``);
    await queryRunner.query(`DROP TABLE \`team_member\``);
    await queryRunner.query(`DROP INDEX \`IDX_2f86357535d3d6a9bef5c3f831\` ON \`team\``);
    await queryRunner.query(`DROP TABLE \`team\``);
    await queryRunner.query(`DROP INDEX \`IDX_788de19c0e6de9b6011c130c07\` ON \`participation\``);
    await queryRunner.query(`DROP INDEX \`IDX_0f85b00cf22a5a293a8caf6142\` ON \`participation\``);
    await queryRunner.query(`DROP TABLE \`participation\``);
    await queryRunner.query(`DROP INDEX \`IDX_a240906d434d778fcf6a08ee48\` ON \`milestone\``);
    await queryRunner.query(`DROP TABLE \`milestone\``);
    await queryRunner.query(`DROP INDEX \`IDX_186a21c3d44d6ec953a687674a\` ON \`audit_entry\``);
    await queryRunner.query(`DROP TABLE \`audit_entry\``);
  }
}
