import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReviewPoolAssignmentResults1795885926030 implements MigrationInterface {
  name = 'ReviewPoolAssignmentResults1795885926030';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`audit_entry\` (\`id\` varchar(36) NOT NULL, \`at\` datetime NOT NULL, \`actor\` varchar(80) NOT NULL, \`actor_roles\` varchar(120) NOT NULL, \`action\` varchar(60) NOT NULL, \`entity_type\` varchar(40) NOT NULL, \`entity_id\` varchar(36) NOT NULL, \`before\` text NULL, \`after\` text NULL, \`reason\` varchar(500) NULL, INDEX \`IDX_186a21c3d44d6ec953a687674a\` (\`entity_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`assignment\` (\`id\` varchar(36) NOT NULL, \`round_id\` varchar(36) NOT NULL, \`entry_id\` varchar(36) NOT NULL, \`expert_id\` varchar(36) NOT NULL, \`panel_id\` varchar(36) NULL, \`status\` varchar(20) NOT NULL, \`origin\` varchar(12) NOT NULL, \`note\` varchar(500) NULL, \`created_at\` datetime NOT NULL, \`updated_at\` datetime NOT NULL, INDEX \`IDX_7af331d8bd1e00a028cb6c8345\` (\`round_id\`, \`expert_id\`), UNIQUE INDEX \`IDX_55d471b6131d3d160e08d0fbd6\` (\`entry_id\`, \`expert_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`entry_link\` (\`id\` varchar(36) NOT NULL, \`round_id\` varchar(36) NOT NULL, \`entry_id\` varchar(36) NOT NULL, \`kind\` varchar(12) NOT NULL, \`ref_id\` varchar(36) NOT NULL, INDEX \`IDX_ded5e7c43f4d92f0869a5a26bf\` (\`round_id\`), UNIQUE INDEX \`IDX_3652959e2bfd07f96075c8c318\` (\`entry_id\`, \`kind\`, \`ref_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`expert\` (\`id\` varchar(36) NOT NULL, \`person_id\` varchar(36) NOT NULL, \`affiliation_id\` varchar(36) NOT NULL, \`title\` varchar(24) NOT NULL, \`expertise\` text NOT NULL, \`active\` tinyint NOT NULL, \`created_at\` datetime NOT NULL, \`updated_at\` datetime NOT NULL, UNIQUE INDEX \`IDX_feb0203276cad42796515c89b5\` (\`person_id\`), INDEX \`IDX_0b265a90ae8392d4b48fcfbe7e\` (\`affiliation_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`panel\` (\`id\` varchar(36) NOT NULL, \`round_id\` varchar(36) NOT NULL, \`name\` varchar(120) NOT NULL, \`track_ids\` text NOT NULL, \`chair_id\` varchar(36) NOT NULL, \`created_at\` datetime NOT NULL, UNIQUE INDEX \`IDX_ffd787ca635e2af07481725f9f\` (\`round_id\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`panel_member\` (\`id\` varchar(36) NOT NULL, \`panel_id\` varchar(36) NOT NULL, \`round_id\` varchar(36) NOT NULL, \`expert_id\` varchar(36) NOT NULL, \`position\` int NOT NULL, INDEX \`IDX_b721006f03f653332d8eee6284\` (\`panel_id\`), UNIQUE INDEX \`IDX_b86b763ad4f592eb692b24642b\` (\`round_id\`, \`expert_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`round_criterion\` (\`id\` varchar(36) NOT NULL, \`round_id\` varchar(36) NOT NULL, \`position\` int NOT NULL, \`code\` varchar(20) NOT NULL, \`name\` varchar(60) NOT NULL, \`weight\` double NOT NULL, \`max_score\` double NOT NULL, UNIQUE INDEX \`IDX_b302280553f306eb04c507115d\` (\`round_id\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`quota_group\` (\`id\` varchar(36) NOT NULL, \`round_id\` varchar(36) NOT NULL, \`position\` int NOT NULL, \`code\` varchar(40) NOT NULL, \`track_ids\` text NOT NULL, \`quota\` int NOT NULL, UNIQUE INDEX \`IDX_170fbeff0698ad947bc805c8e7\` (\`round_id\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`scorecard\` (\`id\` varchar(36) NOT NULL, \`assignment_id\` varchar(36) NOT NULL, \`round_id\` varchar(36) NOT NULL, \`entry_id\` varchar(36) NOT NULL, \`expert_id\` varchar(36) NOT NULL, \`scores\` text NOT NULL, \`total\` double NOT NULL, \`comment\` text NULL, \`decision\` varchar(12) NULL, \`elimination_reason\` varchar(20) NULL, \`version\` int NOT NULL, \`created_at\` datetime NOT NULL, \`updated_at\` datetime NOT NULL, UNIQUE INDEX \`IDX_39870654b0e5e5e224db063978\` (\`assignment_id\`), INDEX \`IDX_2f594077764eb184698130fcf8\` (\`round_id\`, \`entry_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`round_result\` (\`id\` varchar(36) NOT NULL, \`round_id\` varchar(36) NOT NULL, \`entry_id\` varchar(36) NOT NULL, \`submission_id\` varchar(36) NOT NULL, \`organization_id\` varchar(36) NOT NULL, \`track_id\` varchar(36) NOT NULL, \`group_code\` varchar(40) NULL, \`scorecard_count\` int NOT NULL, \`mean\` double NOT NULL, \`trimmed_mean\` double NOT NULL, \`median\` double NOT NULL, \`normalized\` double NOT NULL, \`aggregate\` double NOT NULL, \`top_criterion\` double NOT NULL, \`pass_count\` int NOT NULL, \`recommend_count\` int NOT NULL, \`eliminate_count\` int NOT NULL, \`recommended\` tinyint NOT NULL, \`elimination_reasons\` text NOT NULL, \`rank\` int NULL, \`decided_by\` varchar(20) NULL, \`outcome\` varchar(12) NOT NULL, \`override\` varchar(12) NULL, \`override_reason\` varchar(500) NULL, \`computed_at\` datetime NOT NULL, UNIQUE INDEX \`IDX_f2df5c5e2f3abacc2d9fe1f9f9\` (\`entry_id\`), INDEX \`IDX_8b7ff78d94ca077e1e0b9dc2e5\` (\`submission_id\`), INDEX \`IDX_df7fb87f50e1361cba3ed1af56\` (\`round_id\`, \`group_code\`, \`rank\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`result_override\` (\`id\` varchar(36) NOT NULL, \`round_id\` varchar(36) NOT NULL, \`entry_id\` varchar(36) NOT NULL, \`outcome\` varchar(12) NOT NULL, \`reason\` varchar(500) NOT NULL, \`created_at\` datetime NOT NULL, UNIQUE INDEX \`IDX_e7d58da35159c05c78aa6e98c5\` (\`round_id\`, \`entry_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`quota_raise\` (\`id\` varchar(36) NOT NULL, \`round_id\` varchar(36) NOT NULL, \`group_code\` varchar(40) NOT NULL, \`quota\` int NOT NULL, \`reason\` varchar(500) NOT NULL, \`created_at\` datetime NOT NULL, UNIQUE INDEX \`IDX_31fe4f759a485cb5d47a07a187\` (\`round_id\`, \`group_code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`presentation\` (\`id\` varchar(36) NOT NULL, \`round_id\` varchar(36) NOT NULL, \`panel_id\` varchar(36) NOT NULL, \`entry_id\` varchar(36) NOT NULL, \`presenter_id\` varchar(36) NULL, \`position\` int NOT NULL, \`starts_at\` varchar(16) NOT NULL, \`ends_at\` varchar(16) NOT NULL, UNIQUE INDEX \`IDX_77c2fd5071fbe24a8afade8d77\` (\`entry_id\`), UNIQUE INDEX \`IDX_292975ecefe2580234299340e2\` (\`round_id\`, \`panel_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`entry\` ADD \`track_id\` varchar(36) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE \`entry\` ADD \`track_code\` varchar(20) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE \`entry\` ADD \`reference_number\` varchar(40) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE \`entry\` ADD \`title\` varchar(200) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE \`entry\` ADD \`summary\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`entry\` ADD \`leader_id\` varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE \`entry\` ADD \`submitted_at\` datetime NULL`);
    await queryRunner.query(`ALTER TABLE \`entry\` ADD \`taken_at\` datetime NULL`);
    await queryRunner.query(`ALTER TABLE \`review_round\` ADD \`review_date\` date NULL`);
    await queryRunner.query(`ALTER TABLE \`review_round\` ADD \`reviewers_per_entry\` int NOT NULL DEFAULT '3'`);
    await queryRunner.query(`ALTER TABLE \`review_round\` ADD \`aggregation_method\` varchar(16) NOT NULL DEFAULT 'MEAN'`);
    await queryRunner.query(`ALTER TABLE \`review_round\` ADD \`trim_minimum\` int NOT NULL DEFAULT '5'`);
    await queryRunner.query(`ALTER TABLE \`review_round\` ADD \`threshold\` double NULL`);
    await queryRunner.query(`ALTER TABLE \`review_round\` ADD \`tie_break_list\` varchar(200) NOT NULL DEFAULT 'AGGREGATE,TOP_CRITERION,RECOMMEND_COUNT,EARLIER_SUBMISSION'`);
    await queryRunner.query(`ALTER TABLE \`review_round\` ADD \`pass_share_permille\` int NOT NULL DEFAULT '500'`);
    await queryRunner.query(`ALTER TABLE \`review_round\` ADD \`published_at\` datetime NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_0a9848e24527a799ed0d45a744\` ON \`entry\` (\`round_id\`, \`track_id\`, \`reference_number\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_0a9848e24527a799ed0d45a744\` ON \`entry\``);
    await queryRunner.query(`ALTER TABLE \`review_round\` DROP COLUMN \`published_at\``);
    await queryRunner.query(`ALTER TABLE \`review_round\` DROP COLUMN \`pass_share_permille\``);
    await queryRunner.query(`ALTER TABLE \`review_round\` DROP COLUMN \`tie_break_list\``);
    await queryRunner.query(`ALTER TABLE \`review_round\` DROP COLUMN \`threshold\``);
    await queryRunner.query(`ALTER TABLE \`review_round\` DROP COLUMN \`trim_minimum\``);
    await queryRunner.query(`ALTER TABLE \`review_round\` DROP COLUMN \`aggregation_method\``);
    await queryRunner.query(`ALTER TABLE \`review_round\` DROP COLUMN \`reviewers_per_entry\``);
    await queryRunner.query(`ALTER TABLE \`review_round\` DROP COLUMN \`review_date\``);
    await queryRunner.query(`ALTER TABLE \`entry\` DROP COLUMN \`taken_at\``);
    await queryRunner.query(`ALTER TABLE \`entry\` DROP COLUMN \`submitted_at\``);
    await queryRunner.query(`ALTER TABLE \`entry\` DROP COLUMN \`leader_id\``);
    await queryRunner.query(`ALTER TABLE \`entry\` DROP COLUMN \`summary\``);
    await queryRunner.query(`ALTER TABLE \`entry\` DROP COLUMN \`title\``);
    await queryRunner.query(`ALTER TABLE \`entry\` DROP COLUMN \`reference_number\``);
    await queryRunner.query(`ALTER TABLE \`entry\` DROP COLUMN \`track_code\``);
    await queryRunner.query(`ALTER TABLE \`entry\` DROP COLUMN \`track_id\``);
    await queryRunner.query(`DROP INDEX \`IDX_292975ecefe2580234299340e2\` ON \`presentation\``);
    await queryRunner.query(`DROP INDEX \`IDX_77c2fd5071fbe24a8afade8d77\` ON \`presentation\``);
    await queryRunner.query(`DROP TABLE \`presentation\``);
    await queryRunner.query(`DROP INDEX \`IDX_31fe4f759a485cb5d47a07a187\` ON \`quota_raise\``);
    await queryRunner.query(`DROP TABLE \`quota_raise\``);
    await queryRunner.query(`DROP INDEX \`IDX_e7d58da35159c05c78aa6e98c5\` ON \`result_override\``);
    await queryRunner.query(`DROP TABLE \`result_override\``);
    await queryRunner.query(`DROP INDEX \`IDX_df7fb87f50e1361cba3ed1af56\` ON \`round_result\``);
    await queryRunner.query(`DROP INDEX \`IDX_8b7ff78d94ca077e1e0b9dc2e5\` ON \`round_result\``);
    await queryRunner.query(`DROP INDEX \`IDX_f2df5c5e2f3abacc2d9fe1f9f9\` ON \`round_result\``);
    await queryRunner.query(`DROP TABLE \`round_result\``);
    await queryRunner.query(`DROP INDEX \`IDX_2f594077764eb184698130fcf8\` ON \`scorecard\``);
    await queryRunner.query(`DROP INDEX \`IDX_39870654b0e5e5e224db063978\` ON \`scorecard\``);
    await queryRunner.query(`DROP TABLE \`scorecard\``);
    await queryRunner.query(`DROP INDEX \`IDX_170fbeff0698ad947bc805c8e7\` ON \`quota_group\``);
    await queryRunner.query(`DROP TABLE \`quota_group\``);
    await queryRunner.query(`DROP INDEX \`IDX_b302280553f306eb04c507115d\` ON \`round_criterion\``);
    await queryRunner.query(`DROP TABLE \`round_criterion\``);
    await queryRunner.query(`DROP INDEX \`IDX_b86b763ad4f592eb692b24642b\` ON \`panel_member\``);
    await queryRunner.query(`DROP INDEX \`IDX_b721006f03f653332d8eee6284\` ON \`panel_member\``);
    await queryRunner.query(`DROP TABLE \`panel_member\``);
    await queryRunner.query(`DROP INDEX \`IDX_ffd787ca635e2af07481725f9f\` ON \`panel\``);
    await queryRunner.query(`DROP TABLE \`panel\``);
    await queryRunner.query(`DROP INDEX \`IDX_0b265a90ae8392d4b48fcfbe7e\` ON \`expert\``);
    await queryRunner.query(`DROP INDEX \`IDX_feb0203276cad42796515c89b5\` ON \`expert\``);
    await queryRunner.query(`DROP TABLE \`expert\``);
    await queryRunner.query(`DROP INDEX \`IDX_3652959e2bfd07f96075c8c318\` ON \`entry_link\``);
    await queryRunner.query(`DROP INDEX \`IDX_ded5e7c43f4d92f0869a5a26bf\` ON \`entry_link\``);
    await queryRunner.query(`DROP TABLE \`entry_link\``);
    await queryRunner.query(`DROP INDEX \`IDX_55d471b6131d3d160e08d0fbd6\` ON \`assignment\``);
    await queryRunner.query(`DROP INDEX \`IDX_7af331d8bd1e00a028cb6c8345\` ON \`assignment\``);
    await queryRunner.query(`DROP TABLE \`assignment\``);
    await queryRunner.query(`DROP INDEX \`IDX_186a21c3d44d6ec953a687674a\` ON \`audit_entry\``);
    await queryRunner.query(`DROP TABLE \`audit_entry\``);
  }
}
