import { MigrationInterface, QueryRunner } from 'typeorm';

export class People1796196796337 implements MigrationInterface {
  name = 'People1796196796337';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`dim_person\` (\`id\` varchar(36) NOT NULL, \`name\` varchar(100) NOT NULL, \`organization_id\` varchar(36) NOT NULL, \`position\` varchar(100) NULL, \`version\` int NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`dim_person\``);
  }
}
