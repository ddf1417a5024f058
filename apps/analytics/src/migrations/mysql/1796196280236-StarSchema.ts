import { MigrationInterface, QueryRunner } from 'typeorm';

export class StarSchema1796196280236 implements MigrationInterface {
  name = 'StarSchema1796196280236';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`fact_submission\` (\`id\` varchar(36) NOT NULL, \`contest_id\` varchar(36) NOT NULL, \`track_id\` varchar(36) NULL, \`organization_id\` varchar(36) NOT NULL, \`reference_number\` varchar(40) NULL, \`title\` varchar(300) NOT NULL, \`status\` varchar(20) NOT NULL, \`achievement_kind\` varchar(30) NULL, \`team_size\` int NOT NULL, \`created_at\` datetime NOT NULL, \`submitted_at\` datetime NULL, \`withdrawn_at\` datetime NULL, \`version\` int NOT NULL, INDEX \`IDX_55e10a56a2954e9146cc3f600c\` (\`contest_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`fact_entry\` (\`id\` varchar(36) NOT NULL, \`round_id\` varchar(36) NOT NULL, \`submission_id\` varchar(36) NOT NULL, \`organization_id\` varchar(36) NOT NULL, \`track_id\` varchar(36) NOT NULL, \`state\` varchar(20) NOT NULL, \`group_code\` varchar(40) NULL, \`scorecard_count\` int NULL, \`mean\` double NULL, \`trimmed_mean\` double NULL, \`median\` double NULL, \`normalized\` double NULL, \`aggregate\` double NULL, \`rank\` int NULL, \`outcome\` varchar(20) NULL, \`overridden\` tinyint NOT NULL, \`version\` int NOT NULL, INDEX \`IDX_3226aee968c867e3a79316406b\` (\`submission_id\`), INDEX \`IDX_545ffebbf5506c8d721114360d\` (\`round_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`fact_assignment\` (\`id\` varchar(36) NOT NULL, \`round_id\` varchar(36) NOT NULL, \`entry_id\` varchar(36) NOT NULL, \`expert_id\` varchar(36) NOT NULL, \`panel_id\` varchar(36) NULL, \`status\` varchar(30) NOT NULL, \`created_at\` datetime NOT NULL, \`updated_at\` datetime NOT NULL, \`version\` int NOT NULL, INDEX \`IDX_0f0e8c109f116d834b3bc9f1c0\` (\`round_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`fact_scorecard\` (\`id\` varchar(36) NOT NULL, \`assignment_id\` varchar(36) NOT NULL, \`round_id\` varchar(36) NOT NULL, \`entry_id\` varchar(36) NOT NULL, \`expert_id\` varchar(36) NOT NULL, \`total\` double NOT NULL, \`decision\` varchar(20) NULL, \`scores\` text NOT NULL, \`updated_at\` datetime NOT NULL, \`version\` int NOT NULL, INDEX \`IDX_785defab2a4058c94e0b8563ee\` (\`round_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`fact_honor\` (\`id\` varchar(36) NOT NULL, \`contest_id\` varchar(36) NOT NULL, \`year\` int NOT NULL, \`award_type_code\` varchar(40) NOT NULL, \`recipient_kind\` varchar(20) NOT NULL, \`recipient_id\` varchar(36) NOT NULL, \`recipient_name\` varchar(300) NOT NULL, \`organization_id\` varchar(36) NOT NULL, \`organization_name\` varchar(300) NOT NULL, \`status\` varchar(20) NOT NULL, \`nominated_by_org\` varchar(36) NULL, \`created_at\` datetime NOT NULL, \`proposed_at\` datetime NULL, \`announced_at\` datetime NULL, \`objections_close_at\` datetime NULL, \`conferred_on\` varchar(10) NULL, \`certificate_number\` varchar(60) NULL, \`revoked_at\` datetime NULL, \`version\` int NOT NULL, INDEX \`IDX_5fea663d3e880406fefccc43b9\` (\`contest_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`fact_prior_honor\` (\`id\` varchar(36) NOT NULL, \`submission_id\` varchar(36) NOT NULL, \`level\` varchar(30) NOT NULL, \`name\` varchar(300) NOT NULL, \`year\` int NOT NULL, \`verified\` tinyint NOT NULL, \`version\` int NOT NULL, INDEX \`IDX_ec0763a57c10465bb5c5060ff2\` (\`submission_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`fact_organizer_evaluation\` (\`id\` varchar(36) NOT NULL, \`contest_id\` varchar(36) NOT NULL, \`organization_id\` varchar(36) NOT NULL, \`leadership\` double NOT NULL, \`promotion\` double NOT NULL, \`performance\` double NOT NULL, \`incentive\` double NOT NULL, \`features\` double NOT NULL, \`version\` int NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`dim_contest\` (\`id\` varchar(36) NOT NULL, \`code\` varchar(40) NOT NULL, \`name\` varchar(200) NOT NULL, \`year\` int NOT NULL, \`status\` varchar(30) NOT NULL, \`submission_opens_at\` datetime NULL, \`submission_closes_at\` datetime NULL, \`version\` int NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`dim_track\` (\`id\` varchar(36) NOT NULL, \`contest_id\` varchar(36) NOT NULL, \`code\` varchar(40) NOT NULL, \`name\` varchar(200) NOT NULL, \`version\` int NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`dim_organization\` (\`id\` varchar(36) NOT NULL, \`name\` varchar(200) NOT NULL, \`short_name\` varchar(100) NULL, \`kind\` varchar(40) NOT NULL, \`parent_id\` varchar(36) NULL, \`district\` varchar(60) NULL, \`version\` int NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`dim_participation\` (\`id\` varchar(36) NOT NULL, \`contest_id\` varchar(36) NOT NULL, \`organization_id\` varchar(36) NOT NULL, \`mobilized_by_id\` varchar(36) NOT NULL, \`enrolled_at\` datetime NOT NULL, \`version\` int NOT NULL, INDEX \`IDX_f990d3709d7feb3a73a7312669\` (\`contest_id\`, \`organization_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`dim_expert\` (\`id\` varchar(36) NOT NULL, \`person_id\` varchar(36) NOT NULL, \`affiliation_id\` varchar(36) NOT NULL, \`title\` varchar(40) NOT NULL, \`active\` tinyint NOT NULL, \`version\` int NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`dim_round\` (\`id\` varchar(36) NOT NULL, \`contest_id\` varchar(36) NOT NULL, \`name\` varchar(200) NOT NULL, \`stage\` varchar(20) NOT NULL, \`round_order\` int NOT NULL, \`status\` varchar(20) NOT NULL, \`blind\` tinyint NOT NULL, \`published_at\` datetime NULL, \`version\` int NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`dim_panel\` (\`id\` varchar(36) NOT NULL, \`round_id\` varchar(36) NOT NULL, \`name\` varchar(200) NOT NULL, \`track_ids\` text NOT NULL, \`member_ids\` text NOT NULL, \`version\` int NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`dim_award_type\` (\`code\` varchar(40) NOT NULL, \`name_zh\` varchar(100) NOT NULL, \`name_en\` varchar(100) NOT NULL, \`recipient_kind\` varchar(20) NOT NULL, \`level\` varchar(40) NOT NULL, \`position\` int NOT NULL, \`version\` int NOT NULL, PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`dim_award_quota\` (\`id\` varchar(36) NOT NULL, \`contest_id\` varchar(36) NOT NULL, \`award_type_code\` varchar(40) NOT NULL, \`quota\` int NOT NULL, \`version\` int NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`feed_cursor\` (\`feed\` varchar(40) NOT NULL, \`position\` bigint NOT NULL, \`head\` bigint NOT NULL, \`applied\` int NOT NULL, \`read_at\` datetime NOT NULL, \`last_error\` varchar(500) NULL, PRIMARY KEY (\`feed\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`feed_cursor\``);
    await queryRunner.query(`DROP TABLE \`dim_award_quota\``);
    await queryRunner.query(`DROP TABLE \`dim_award_type\``);
    await queryRunner.query(`DROP TABLE \`dim_panel\``);
    await queryRunner.query(`DROP TABLE \`dim_round\``);
    await queryRunner.query(`DROP TABLE \`dim_expert\``);
    await queryRunner.query(`DROP INDEX \`IDX_f990d3709d7feb3a73a7312669\` ON \`dim_participation\``);
    await queryRunner.query(`DROP TABLE \`dim_participation\``);
    await queryRunner.query(`DROP TABLE \`dim_organization\``);
    await queryRunner.query(`DROP TABLE \`dim_track\``);
    await queryRunner.query(`DROP TABLE \`dim_contest\``);
    await queryRunner.query(`DROP TABLE \`fact_organizer_evaluation\``);
    await queryRunner.query(`DROP INDEX \`IDX_ec0763a57c10465bb5c5060ff2\` ON \`fact_prior_honor\``);
    await queryRunner.query(`DROP TABLE \`fact_prior_honor\``);
    await queryRunner.query(`DROP INDEX \`IDX_5fea663d3e880406fefccc43b9\` ON \`fact_honor\``);
    await queryRunner.query(`DROP TABLE \`fact_honor\``);
    await queryRunner.query(`DROP INDEX \`IDX_785defab2a4058c94e0b8563ee\` ON \`fact_scorecard\``);
    await queryRunner.query(`DROP TABLE \`fact_scorecard\``);
    await queryRunner.query(`DROP INDEX \`IDX_0f0e8c109f116d834b3bc9f1c0\` ON \`fact_assignment\``);
    await queryRunner.query(`DROP TABLE \`fact_assignment\``);
    await queryRunner.query(`DROP INDEX \`IDX_545ffebbf5506c8d721114360d\` ON \`fact_entry\``);
    await queryRunner.query(`DROP INDEX \`IDX_3226aee968c867e3a79316406b\` ON \`fact_entry\``);
    await queryRunner.query(`DROP TABLE \`fact_entry\``);
    await queryRunner.query(`DROP INDEX \`IDX_55e10a56a2954e9146cc3f600c\` ON \`fact_submission\``);
    await queryRunner.query(`DROP TABLE \`fact_submission\``);
  }
}
