import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotifierSchema1796313286035 implements MigrationInterface {
  name = 'NotifierSchema1796313286035';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`feed_cursor\` (\`feed\` varchar(40) NOT NULL, \`position\` bigint NOT NULL, \`head\` bigint NOT NULL, \`applied\` int NOT NULL, \`read_at\` datetime NOT NULL, \`last_error\` varchar(500) NULL, PRIMARY KEY (\`feed\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`known_record\` (\`feed\` varchar(40) NOT NULL, \`entity_type\` varchar(40) NOT NULL, \`entity_id\` varchar(36) NOT NULL, \`group_id\` varchar(36) NULL, \`version\` int NOT NULL, \`state\` text NOT NULL, INDEX \`IDX_077f8a06677978fe5223b10f4f\` (\`feed\`, \`entity_type\`, \`group_id\`), PRIMARY KEY (\`feed\`, \`entity_type\`, \`entity_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`mail_log\` (\`event_key\` varchar(200) NOT NULL, \`person_id\` varchar(36) NOT NULL, \`kind\` varchar(30) NOT NULL, \`state\` varchar(10) NOT NULL, \`message_id\` varchar(200) NOT NULL, \`attempts\` int NOT NULL, \`updated_at\` datetime NOT NULL, PRIMARY KEY (\`event_key\`, \`person_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`reminder_sent\` (\`event_key\` varchar(200) NOT NULL, \`delivered_at\` datetime NOT NULL, PRIMARY KEY (\`event_key\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`reminder_sent\``);
    await queryRunner.query(`DROP TABLE \`mail_log\``);
    await queryRunner.query(`DROP INDEX \`IDX_077f8a06677978fe5223b10f4f\` ON \`known_record\``);
    await queryRunner.query(`DROP TABLE \`known_record\``);
    await queryRunner.query(`DROP TABLE \`feed_cursor\``);
  }
}
