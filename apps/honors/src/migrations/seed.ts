import type { QueryRunner } from 'typeorm';
import { AWARD_TYPES_2019 } from '@meritgraph/domain';

/**
 * Data the honors catalog starts with: the five award types of 2019, and the public
 * holidays and make-up workdays (调休) of 2019–2020 that announcement windows are counted
 * on. Both stay editable through the API; this is only their first version.
 */
const HOLIDAYS: [string, string][] = [
  ['2019-01-01', '元旦'],
  ...['04', '05', '06', '07', '08', '09', '10'].map((d): [string, string] => [`2019-02-${d}`, '春节']),
  ['2019-04-05', '清明节'],
  ...['01', '02', '03', '04'].map((d): [string, string] => [`2019-05-${d}`, '劳动节']),
  ['2019-06-07', '端午节'],
  ['2019-09-13', '中秋节'],
  ...['01', '02', '03', '04', '05', '06', '07'].map((d): [string, string] => [`2019-10-${d}`, '国庆节']),
  ['2020-01-01', '元旦'],
  ...['24', '25', '26', '27', '28', '29', '30'].map((d): [string, string] => [`2020-01-${d}`, '春节']),
  ...['04', '05', '06'].map((d): [string, string] => [`2020-04-${d}`, '清明节']),
  ...['01', '02', '03', '04', '05'].map((d): [string, string] => [`2020-05-${d}`, '劳动节']),
  ...['25', '26', '27'].map((d): [string, string] => [`2020-06-${d}`, '端午节']),
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d): [string, string] => [`2020-10-${d}`, '国庆节、中秋节']),
];

const WORKDAYS: [string, string][] = [
  ['2019-02-02', '春节调休'],
  ['2019-02-03', '春节调休'],
  ['2019-04-28', '劳动节调休'],
  ['2019-05-05', '劳动节调休'],
  ['2019-09-29', '国庆节调休'],
  ['2019-10-12', '国庆节调休'],
  ['2020-01-19', '春节调休'],
  ['2020-02-01', '春节调休'],
  ['2020-04-26', '劳动节调休'],
  ['2020-05-09', '劳动节调休'],
  ['2020-06-28', '端午节调休'],
  ['2020-09-27', '国庆节调休'],
  ['2020-10-10', '国庆节调休'],
];

export async function seedCatalog(queryRunner: QueryRunner): Promise<void> {
  for (const [position, t] of AWARD_TYPES_2019.entries()) {
    await queryRunner.query('INSERT INTO award_type (code, name_zh, name_en, recipient_kind, level, position) VALUES (?, ?, ?, ?, ?, ?)', [
      t.code,
      t.nameZh,
      t.nameEn,
      t.recipientKind,
      t.level,
      position,
    ]);
  }
  for (const [date, name] of HOLIDAYS) await queryRunner.query('INSERT INTO calendar_day (date, kind, name) VALUES (?, ?, ?)', [date, 'HOLIDAY', name]);
  for (const [date, name] of WORKDAYS) await queryRunner.query('INSERT INTO calendar_day (date, kind, name) VALUES (?, ?, ?)', [date, 'WORKDAY', name]);
}
