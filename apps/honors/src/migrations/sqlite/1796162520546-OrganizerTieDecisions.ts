import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganizerTieDecisions1796162520546 implements MigrationInterface {
  name = 'OrganizerTieDecisions1796162520546';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "organizer_tie_decision" ("contest_id" varchar(36) PRIMARY KEY NOT NULL, "places" integer NOT NULL, "tied_ids" text NOT NULL, "chosen_ids" text NOT NULL, "reason" varchar(500) NOT NULL, "decided_at" datetime NOT NULL)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "organizer_tie_decision"`);
  }
}
