import { MigrationInterface, QueryRunner } from 'typeorm';

export class SavedCubeQueries1796197300614 implements MigrationInterface {
  name = 'SavedCubeQueries1796197300614';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`saved_cube_query\` (\`name\` varchar(60) NOT NULL, \`fact\` varchar(40) NOT NULL, \`query\` text NOT NULL, \`owner\` varchar(200) NOT NULL, \`created_at\` datetime NOT NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`saved_cube_query\``);
  }
}
