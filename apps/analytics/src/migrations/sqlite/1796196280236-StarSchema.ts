import { MigrationInterface, QueryRunner } from 'typeorm';

export class StarSchema1796196280236 implements MigrationInterface {
  name = 'StarSchema1796196280236';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "fact_submission" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "track_id" varchar(36), "organization_id" varchar(36) NOT NULL, "reference_number" varchar(40), "title" varchar(300) NOT NULL, "status" varchar(20) NOT NULL, "achievement_kind" varchar(30), "team_size" integer NOT NULL, "created_at" datetime NOT NULL, "submitted_at" datetime, "withdrawn_at" datetime, "version" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_55e10a56a2954e9146cc3f600c" ON "fact_submission" ("contest_id", "status") `);
    await queryRunner.query(`CREATE TABLE "fact_entry" ("id" varchar(36) PRIMARY KEY NOT NULL, "round_id" varchar(36) NOT NULL, "submission_id" varchar(36) NOT NULL, "organization_id" varchar(36) NOT NULL, "track_id" varchar(36) NOT NULL, "state" varchar(20) NOT NULL, "group_code" varchar(40), "scorecard_count" integer, "mean" double, "trimmed_mean" double, "median" double, "normalized" double, "aggregate" double, "rank" integer, "outcome" varchar(20), "overridden" boolean NOT NULL, "version" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_3226aee968c867e3a79316406b" ON "fact_entry" ("submission_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_545ffebbf5506c8d721114360d" ON "fact_entry" ("round_id") `);
    await queryRunner.query(`CREATE TABLE "fact_assignment" ("id" varchar(36) PRIMARY KEY NOT NULL, "round_id" varchar(36) NOT NULL, "entry_id" varchar(36) NOT NULL, "expert_id" varchar(36) NOT NULL, "panel_id" varchar(36), "status" varchar(30) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_0f0e8c109f116d834b3bc9f1c0" ON "fact_assignment" ("round_id") `);
    await queryRunner.query(`CREATE TABLE "fact_scorecard" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignment_id" varchar(36) NOT NULL, "round_id" varchar(36) NOT NULL, "entry_id" varchar(36) NOT NULL, "expert_id" varchar(36) NOT NULL, "total" double NOT NULL, "decision" varchar(20), "scores" text NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_785defab2a4058c94e0b8563ee" ON "fact_scorecard" ("round_id") `);
    await queryRunner.query(`CREATE TABLE "fact_honor" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "year" integer NOT NULL, "award_type_code" varchar(40) NOT NULL, "recipient_kind" varchar(20) NOT NULL, "recipient_id" varchar(36) NOT NULL, "recipient_name" varchar(300) NOT NULL, "organization_id" varchar(36) NOT NULL, "organization_name" varchar(300) NOT NULL, "status" varchar(20) NOT NULL, "nominated_by_org" varchar(36), "created_at" datetime NOT NULL, "proposed_at" datetime, "announced_at" datetime, "objections_close_at" datetime, "conferred_on" varchar(10), "certificate_number" varchar(60), "revoked_at" datetime, "version" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_5fea663d3e880406fefccc43b9" ON "fact_honor" ("contest_id") `);
    await queryRunner.query(`CREATE TABLE "fact_prior_honor" ("id" varchar(36) PRIMARY KEY NOT NULL, "submission_id" varchar(36) NOT NULL, "level" varchar(30) NOT NULL, "name" varchar(300) NOT NULL, "year" integer NOT NULL, "verified" boolean NOT NULL, "version" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_ec0763a57c10465bb5c5060ff2" ON "fact_prior_honor" ("submission_id") `);
    await queryRunner.query(`CREATE TABLE "fact_organizer_evaluation" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "organization_id" varchar(36) NOT NULL, "leadership" double NOT NULL, "promotion" double NOT NULL, "performance" double NOT NULL, "incentive" double NOT NULL, "features" double NOT NULL, "version" integer NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "dim_contest" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(40) NOT NULL, "name" varchar(200) NOT NULL, "year" integer NOT NULL, "status" varchar(30) NOT NULL, "submission_opens_at" datetime, "submission_closes_at" datetime, "version" integer NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "dim_track" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "code" varchar(40) NOT NULL, "name" varchar(200) NOT NULL, "version" integer NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "dim_organization" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "short_name" varchar(100), "kind" varchar(40) NOT NULL, "parent_id" varchar(36), "district" varchar(60), "version" integer NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "dim_participation" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "organization_id" varchar(36) NOT NULL, "mobilized_by_id" varchar(36) NOT NULL, "enrolled_at" datetime NOT NULL, "version" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_f990d3709d7feb3a73a7312669" ON "dim_participation" ("contest_id", "organization_id") `);
    await queryRunner.query(`CREATE TABLE "dim_expert" ("id" varchar(36) PRIMARY KEY NOT NULL, "person_id" varchar(36) NOT NULL, "affiliation_id" varchar(36) NOT NULL, "title" varchar(40) NOT NULL, "active" boolean NOT NULL, "version" integer NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "dim_round" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "name" varchar(200) NOT NULL, "stage" varchar(20) NOT NULL, "round_order" integer NOT NULL, "status" varchar(20) NOT NULL, "blind" boolean NOT NULL, "published_at" datetime, "version" integer NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "dim_panel" ("id" varchar(36) PRIMARY KEY NOT NULL, "round_id" varchar(36) NOT NULL, "name" varchar(200) NOT NULL, "track_ids" text NOT NULL, "member_ids" text NOT NULL, "version" integer NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "dim_award_type" ("code" varchar(40) PRIMARY KEY NOT NULL, "name_zh" varchar(100) NOT NULL, "name_en" varchar(100) NOT NULL, "recipient_kind" varchar(20) NOT NULL, "level" varchar(40) NOT NULL, "position" integer NOT NULL, "version" integer NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "dim_award_quota" ("id" varchar(36) PRIMARY KEY NOT NULL, "contest_id" varchar(36) NOT NULL, "award_type_code" varchar(40) NOT NULL, "quota" integer NOT NULL, "version" integer NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "feed_cursor" ("feed" varchar(40) PRIMARY KEY NOT NULL, "position" bigint NOT NULL, "head" bigint NOT NULL, "applied" integer NOT NULL, "read_at" datetime NOT NULL, "last_error" varchar(500))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "feed_cursor"`);
    await queryRunner.query(`DROP TABLE "dim_award_quota"`);
    await queryRunner.query(`DROP TABLE "dim_award_type"`);
    await queryRunner.query(`DROP TABLE "dim_panel"`);
    await queryRunner.query(`DROP TABLE "dim_round"`);
    await queryRunner.query(`DROP TABLE "dim_expert"`);
    await queryRunner.query(`DROP INDEX "IDX_f990d3709d7feb3a73a7312669"`);
    await queryRunner.query(`DROP TABLE "dim_participation"`);
    await queryRunner.query(`DROP TABLE "dim_organization"`);
    await queryRunner.query(`DROP TABLE "dim_track"`);
    await queryRunner.query(`DROP TABLE "dim_contest"`);
    await queryRunner.query(`DROP TABLE "fact_organizer_evaluation"`);
    await queryRunner.query(`DROP INDEX "IDX_ec0763a57c10465bb5c5060ff2"`);
    await queryRunner.query(`DROP TABLE "fact_prior_honor"`);
    await queryRunner.query(`DROP INDEX "IDX_5fea663d3e880406fefccc43b9"`);
    await queryRunner.query(`DROP TABLE "fact_honor"`);
    await queryRunner.query(`DROP INDEX "IDX_785defab2a4058c94e0b8563ee"`);
    await queryRunner.query(`DROP TABLE "fact_scorecard"`);
    await queryRunner.query(`DROP INDEX "IDX_0f0e8c109f116d834b3bc9f1c0"`);
    await queryRunner.query(`DROP TABLE "fact_assignment"`);
    await queryRunner.query(`DROP INDEX "IDX_545ffebbf5506c8d721114360d"`);
    await queryRunner.query(`DROP INDEX "IDX_3226aee968c867e3a79316406b"`);
    await queryRunner.query(`DROP TABLE "fact_entry"`);
    await queryRunner.query(`DROP INDEX "IDX_55e10a56a2954e9146cc3f600c"`);
    await queryRunner.query(`DROP TABLE "fact_submission"`);
  }
}
