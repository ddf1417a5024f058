import { Directive, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO, GraphQLJSONObject } from 'graphql-scalars';
import { CubeFilter, CubeOrder, MeasureInput } from '../cube/cube.types';
import { CubeDimension, CubeFact } from '../cube/model';

/** The lists the read model exports, each a table with Chinese and English headers. */
export const ExportList = {
  SUBMISSIONS: 'SUBMISSIONS',
  LEADERBOARD: 'LEADERBOARD',
  SCORECARDS: 'SCORECARDS',
  ANNOUNCED_HONORS: 'ANNOUNCED_HONORS',
  CONFERRAL_LIST: 'CONFERRAL_LIST',
  ORGANIZER_RANKING: 'ORGANIZER_RANKING',
  SAVED_CUBE: 'SAVED_CUBE',
  ORGANIZATIONS: 'ORGANIZATIONS',
  PEOPLE: 'PEOPLE',
  EXPERTS: 'EXPERTS',
} as const;
export type ExportList = keyof typeof ExportList;

registerEnumType(ExportList, {
  name: 'ExportList',
  description: 'A list the analytics read model exports page by page (GET /export/<list>.csv or .xlsx at the gateway).',
  valuesConfig: {
    SUBMISSIONS: { description: 'A contest’s submissions (contest): reference, title, track, unit, district, mobilizing union, status.' },
    LEADERBOARD: { description: 'A round’s results per quota group (round, optionally group): rank, aggregate, trimmed mean, outcome.' },
    SCORECARDS: {
      description: 'A FINALIZED round’s scorecards (round): entry, expert, total, decision; the office and analysts only.',
    },
    ANNOUNCED_HONORS: { description: 'The 公示名单 of a contest (contest): honors under announcement, with the objection window.' },
    CONFERRAL_LIST: { description: 'A contest’s conferred honors (contest), in certificate order.' },
    ORGANIZER_RANKING: { description: 'A contest’s organizer evaluations (contest): the five dimensions, total and competition rank.' },
    SAVED_CUBE: { description: 'The cells of a saved cube query (name), within what the caller may see of its fact.' },
    ORGANIZATIONS: {
      description:
        'The organization register, in the columns of its import sheet (parents before children, then by name); the office and analysts only.',
    },
    PEOPLE: {
      description:
        'The people register, in the columns of its import sheet, by unit then name; phone and email stay empty. The office only.',
    },
    EXPERTS: {
      description:
        'The expert pool, in the columns of its import sheet (expertise as track codes joined with 、, active as 是/否), by name; the office and analysts only.',
    },
  },
});

/** How a column's values read: numbers are written as numbers in a spreadsheet. */
export const ExportColumnKind = { TEXT: 'TEXT', NUMBER: 'NUMBER', DATETIME: 'DATETIME' } as const;
export type ExportColumnKind = keyof typeof ExportColumnKind;
registerEnumType(ExportColumnKind, {
  name: 'ExportColumnKind',
  description: 'TEXT; NUMBER (decimal, as JavaScript prints it); DATETIME (ISO 8601, UTC).',
  valuesConfig: {
    TEXT: { description: 'Text.' },
    NUMBER: { description: 'A decimal number.' },
    DATETIME: { description: 'An instant, ISO 8601 in UTC.' },
  },
});

@ObjectType({ description: 'One column of an exported table, with its headers in Chinese and English.' })
export class ExportColumn {
  @Field(() => String, { description: 'A stable key, e.g. referenceNumber.' }) key: string;
  @Field(() => String, { description: 'The Chinese header, e.g. 申报编号.' }) zh: string;
  @Field(() => String, { description: 'The English header, e.g. Reference number.' }) en: string;
  @Field(() => ExportColumnKind, { description: 'How its values read.' }) kind: ExportColumnKind;
}

@ObjectType({ description: 'One page of an exported list: its columns, and rows of values in the columns’ order.' })
export class ExportTable {
  @Field(() => ExportList, { description: 'The list exported.' }) list: ExportList;
  @Field(() => [ExportColumn], { description: 'The columns, in order.' }) columns: ExportColumn[];

  @Field(() => [[String]], {
    nullable: 'items',
    description: 'The rows of this page; each holds one value per column (null where there is none). Each row costs one point of cost.',
  })
  @Directive('@cost(weight: 1)')
  rows: (string | null)[][];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on an empty page.' })
  endCursor: string | null;

  @Field(() => Boolean, { description: 'Whether rows follow this page.' })
  hasMore: boolean;

  @Field(() => Int, { nullable: true, description: 'Rows of the whole list; given on the first page (without `after`) only.' })
  totalCount: number | null;
}

@InputType({ description: 'A cube’s arguments, as `analytics { cube(...) }` takes them.' })
export class CubeQueryInput {
  @Field(() => CubeFact, { description: 'What to count.' }) fact: CubeFact;
  @Field(() => [MeasureInput], { description: 'The figures of each group.' }) measures: MeasureInput[];
  @Field(() => [CubeDimension], { nullable: true, description: 'Up to 4 dimensions.' }) groupBy?: CubeDimension[] | null;
  @Field(() => CubeFilter, { nullable: true, description: 'Which records.' }) filter?: CubeFilter | null;
  @Field(() => [CubeOrder], { nullable: true, description: 'The cells’ order.' }) orderBy?: CubeOrder[] | null;
  @Field(() => Int, { nullable: true, description: 'Cells (default 100). From 1 to 1000.' }) first?: number | null;
}

@ObjectType('SavedCubeQuery', { description: 'A cube query kept under a name, to export its cells again (SAVED_CUBE).' })
export class SavedCubeQueryType {
  @Field(() => String, { description: '1 to 60 characters of a-z, 0-9 and -.' }) name: string;
  @Field(() => CubeFact, { description: 'The fact it counts.' }) fact: CubeFact;
  @Field(() => GraphQLJSONObject, { description: 'The cube’s arguments as saved.' }) query: Record<string, unknown>;
  @Field(() => String, { description: 'Who saved it (the token’s sub).' }) owner: string;
  @Field(() => GraphQLDateTimeISO, { description: 'When it was saved.' }) createdAt: Date;
}
