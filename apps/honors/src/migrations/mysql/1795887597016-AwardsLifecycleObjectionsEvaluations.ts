import { MigrationInterface, QueryRunner } from 'typeorm';
import { seedCatalog } from '../seed';

export class AwardsLifecycleObjectionsEvaluations1795887597016 implements MigrationInterface {
  name = 'AwardsLifecycleObjectionsEvaluations1795887597016';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`audit_entry\` (\`id\` varchar(36) NOT NULL, \`at\` datetime NOT NULL, \`actor\` varchar(80) NOT NULL, \`actor_roles\` varchar(120) NOT NULL, \`action\` varchar(60) NOT NULL, \`entity_type\` varchar(40) NOT NULL, \`entity_id\` varchar(36) NOT NULL, \`before\` text NULL, \`after\` text NULL, \`reason\` varchar(500) NULL, INDEX \`IDX_186a21c3d44d6ec953a687674a\` (\`entity_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`award_type\` (\`code\` varchar(40) NOT NULL, \`name_zh\` varchar(60) NOT NULL, \`name_en\` varchar(120) NOT NULL, \`recipient_kind\` varchar(16) NOT NULL, \`level\` varchar(20) NOT NULL, \`position\` int NOT NULL, PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`award_quota\` (\`id\` varchar(36) NOT NULL, \`contest_id\` varchar(36) NOT NULL, \`award_type_code\` varchar(40) NOT NULL, \`quota\` int NOT NULL, UNIQUE INDEX \`IDX_2b4c9b1d287ad9b5c2b67e43b6\` (\`contest_id\`, \`award_type_code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`calendar_day\` (\`date\` varchar(10) NOT NULL, \`kind\` varchar(8) NOT NULL, \`name\` varchar(60) NOT NULL, PRIMARY KEY (\`date\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`organizer_evaluation\` (\`id\` varchar(36) NOT NULL, \`contest_id\` varchar(36) NOT NULL, \`organization_id\` varchar(36) NOT NULL, \`leadership\` double NOT NULL, \`promotion\` double NOT NULL, \`performance\` double NOT NULL, \`incentive\` double NOT NULL, \`features\` double NOT NULL, \`comment\` varchar(1000) NULL, \`updated_at\` datetime NOT NULL, UNIQUE INDEX \`IDX_17887a57aa4474e1f140832699\` (\`contest_id\`, \`organization_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`objection\` (\`id\` varchar(36) NOT NULL, \`honor_id\` varchar(36) NOT NULL, \`text\` varchar(2000) NOT NULL, \`contact\` varchar(200) NOT NULL, \`filed_by\` varchar(80) NOT NULL, \`filed_at\` datetime NOT NULL, \`status\` varchar(12) NOT NULL, \`resolution\` varchar(1000) NULL, \`resolved_at\` datetime NULL, INDEX \`IDX_1c3d81d6704860307d76e200f4\` (\`honor_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`prior_honor\` (\`id\` varchar(36) NOT NULL, \`submission_id\` varchar(36) NOT NULL, \`level\` varchar(24) NOT NULL, \`name\` varchar(200) NOT NULL, \`issuer\` varchar(200) NOT NULL, \`year\` int NOT NULL, \`evidence\` varchar(500) NULL, \`verified\` tinyint NOT NULL, \`verified_at\` datetime NULL, \`created_at\` datetime NOT NULL, INDEX \`IDX_e38ac56b3e6f7f7ea7fc14478a\` (\`submission_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`honor\` ADD \`year\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`honor\` ADD \`organization_id\` varchar(36) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE \`honor\` ADD \`organization_name\` varchar(200) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE \`honor\` ADD \`nominated_by_org\` varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE \`honor\` ADD \`proposed_at\` datetime NULL`);
    await queryRunner.query(`ALTER TABLE \`honor\` ADD \`announced_at\` datetime NULL`);
    await queryRunner.query(`ALTER TABLE \`honor\` ADD \`objections_close_at\` datetime NULL`);
    await queryRunner.query(`ALTER TABLE \`honor\` ADD \`decision_number\` varchar(60) NULL`);
    await queryRunner.query(`ALTER TABLE \`honor\` ADD \`conferred_on\` date NULL`);
    await queryRunner.query(`ALTER TABLE \`honor\` ADD \`ceremony\` varchar(200) NULL`);
    await queryRunner.query(`ALTER TABLE \`honor\` ADD \`certificate_number\` varchar(60) NULL`);
    await queryRunner.query(`ALTER TABLE \`honor\` ADD \`revoked_at\` datetime NULL`);
    await queryRunner.query(`ALTER TABLE \`honor\` ADD \`end_reason\` varchar(500) NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_f4bbc0de932f7de0fbda148c34\` ON \`honor\` (\`status\`, \`award_type_code\`, \`recipient_name\`)`);
    await seedCatalog(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_f4bbc0de932f7de0fbda148c34\` ON \`honor\``);
    await queryRunner.query(`ALTER TABLE \`honor\` DROP COLUMN \`end_reason\``);
    await queryRunner.query(`ALTER TABLE \`honor\` DROP COLUMN \`revoked_at\``);
    await queryRunner.query(`ALTER TABLE \`honor\` DROP COLUMN \`certificate_number\``);
    await queryRunner.query(`ALTER TABLE \`honor\` DROP COLUMN \`ceremony\``);
    await queryRunner.query(`ALTER TABLE \`honor\` DROP COLUMN \`conferred_on\``);
    await queryRunner.query(`ALTER TABLE \`honor\` DROP COLUMN \`decision_number\``);
    await queryRunner.query(`ALTER TABLE \`honor\` DROP COLUMN \`objections_close_at\``);
    await queryRunner.query(`ALTER TABLE \`honor\` DROP COLUMN \`announced_at\``);
    await queryRunner.query(`ALTER TABLE \`honor\` DROP COLUMN \`proposed_at\``);
    await queryRunner.query(`ALTER TABLE \`honor\` DROP COLUMN \`nominated_by_org\``);
    await queryRunner.query(`ALTER TABLE \`honor\` DROP COLUMN \`organization_name\``);
    await queryRunner.query(`ALTER TABLE \`honor\` DROP COLUMN \`organization_id\``);
    await queryRunner.query(`ALTER TABLE \`honor\` DROP COLUMN \`year\``);
    await queryRunner.query(`DROP INDEX \`IDX_e38ac56b3e6f7f7ea7fc14478a\` ON \`prior_honor\``);
    await queryRunner.query(`DROP TABLE \`prior_honor\``);
    await queryRunner.query(`DROP INDEX \`IDX_1c3d81d6704860307d76e200f4\` ON \`objection\``);
    await queryRunner.query(`DROP TABLE \`objection\``);
    await queryRunner.query(`DROP INDEX \`IDX_17887a57aa4474e1f140832699\` ON \`organizer_evaluation\``);
    await queryRunner.query(`DROP TABLE \`organizer_evaluation\``);
    await queryRunner.query(`DROP TABLE \`calendar_day\``);
    await queryRunner.query(`DROP INDEX \`IDX_2b4c9b1d287ad9b5c2b67e43b6\` ON \`award_quota\``);
    await queryRunner.query(`DROP TABLE \`award_quota\``);
    await queryRunner.query(`DROP TABLE \`award_type\``);
    await queryRunner.query(`DROP INDEX \`IDX_186a21c3d44d6ec953a687674a\` ON \`audit_entry\``);
    await queryRunner.query(`DROP TABLE \`audit_entry\``);
  }
}
