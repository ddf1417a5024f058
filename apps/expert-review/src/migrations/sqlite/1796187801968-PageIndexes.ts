import { MigrationInterface, QueryRunner } from 'typeorm';

export class PageIndexes1796187801968 implements MigrationInterface {
  name = 'PageIndexes1796187801968';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_fb0be672fad95258cb6836c66e" ON "entry" ("round_id", "reference_number", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_01d7419f90270ce9e6a58d5c46" ON "assignment" ("round_id", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_01d7419f90270ce9e6a58d5c46"`);
    await queryRunner.query(`DROP INDEX "IDX_fb0be672fad95258cb6836c66e"`);
  }
}
