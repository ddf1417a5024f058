import { type AnalyticsFact, EXPERTS_SHEET, type ImportSheet, ORGANIZATIONS_SHEET, PEOPLE_SHEET } from '@meritgraph/domain';
import type { ExportColumn, ExportColumnKind, ExportList } from './export.types';

const column = (key: string, zh: string, en: string, kind: ExportColumnKind = 'TEXT'): ExportColumn => ({ key, zh, en, kind });

const REFERENCE = column('referenceNumber', '申报编号', 'Reference number');
const TITLE = column('title', '成果名称', 'Title');
const UNIT = column('unit', '申报单位', 'Unit');
const AWARD = column('awardType', '奖项', 'Award');
const RECIPIENT = column('recipient', '获奖对象', 'Recipient');
const ORGANIZATION = column('organization', '所在单位', 'Organization');

/** What a list needs to be asked for: the contest or round it is of; a register needs neither. */
export type ListScope = 'contest' | 'round' | 'register';

/** A list of a contest's records: the fact whose access rules it follows, what it is of, and its columns. */
export interface RecordListShape {
  fact: AnalyticsFact;
  of: 'contest' | 'round';
  columns: readonly ExportColumn[];
}

/**
 * A register (organizations, people, experts), of no contest: who may read it (the office;
 * or the office and analysts), and the columns of its import sheet, so an export imports as it is.
 */
export interface RegisterShape {
  of: 'register';
  readers: 'ADMIN' | 'ADMIN_AND_ANALYST';
  columns: readonly ExportColumn[];
}

export type ListShape = RecordListShape | RegisterShape;

/** The columns of an import sheet, with its keys and headers, in its order. */
const sheetColumns = (sheet: ImportSheet): ExportColumn[] => sheet.columns.map((c) => column(c.key, c.zh, c.en));

/** The registers, each laid out as its import sheet. */
export const REGISTER_LISTS = ['ORGANIZATIONS', 'PEOPLE', 'EXPERTS'] as const;
export type RegisterList = (typeof REGISTER_LISTS)[number];

/** Every list but SAVED_CUBE, whose columns are the saved cube's groups and measures. */
export const LISTS: Readonly<Record<Exclude<ExportList, 'SAVED_CUBE'>, ListShape>> = {
  ORGANIZATIONS: { of: 'register', readers: 'ADMIN_AND_ANALYST', columns: sheetColumns(ORGANIZATIONS_SHEET) },
  // People's names are personal data: the office only.
  PEOPLE: { of: 'register', readers: 'ADMIN', columns: sheetColumns(PEOPLE_SHEET) },
  EXPERTS: { of: 'register', readers: 'ADMIN_AND_ANALYST', columns: sheetColumns(EXPERTS_SHEET) },
  SUBMISSIONS: {
    fact: 'SUBMISSION',
    of: 'contest',
    columns: [
      REFERENCE,
      TITLE,
      column('track', '赛道', 'Track'),
      UNIT,
      column('district', '所在区', 'District'),
      column('mobilizingUnion', '动员单位', 'Mobilizing union'),
      column('status', '状态', 'Status'),
      column('submittedAt', '提交时间', 'Submitted at', 'DATETIME'),
    ],
  },
  LEADERBOARD: {
    fact: 'ENTRY',
    of: 'round',
    columns: [
      column('group', '分组', 'Quota group'),
      column('rank', '名次', 'Rank', 'NUMBER'),
      REFERENCE,
      TITLE,
      UNIT,
      column('aggregate', '综合得分', 'Aggregate', 'NUMBER'),
      column('trimmedMean', '去极值平均分', 'Trimmed mean', 'NUMBER'),
      column('outcome', '结果', 'Outcome'),
    ],
  },
  SCORECARDS: {
    fact: 'SCORECARD',
    of: 'round',
    columns: [
      REFERENCE,
      TITLE,
      column('expert', '评审专家', 'Expert'),
      column('total', '总分', 'Total', 'NUMBER'),
      column('decision', '评审意见', 'Decision'),
    ],
  },
  ANNOUNCED_HONORS: {
    fact: 'HONOR',
    of: 'contest',
    columns: [
      AWARD,
      RECIPIENT,
      ORGANIZATION,
      column('announcedAt', '公示开始', 'Announced at', 'DATETIME'),
      column('objectionsCloseAt', '异议截止', 'Objections close', 'DATETIME'),
    ],
  },
  CONFERRAL_LIST: {
    fact: 'HONOR',
    of: 'contest',
    columns: [
      column('certificateNumber', '证书编号', 'Certificate number'),
      AWARD,
      RECIPIENT,
      ORGANIZATION,
      column('conferredOn', '授予日期', 'Conferred on'),
    ],
  },
  ORGANIZER_RANKING: {
    fact: 'ORGANIZER_EVALUATION',
    of: 'contest',
    columns: [
      column('rank', '名次', 'Rank', 'NUMBER'),
      column('organization', '组织单位', 'Organizing unit'),
      column('leadership', '组织领导', 'Leadership', 'NUMBER'),
      column('promotion', '推进举措', 'Promotion', 'NUMBER'),
      column('performance', '竞赛绩效', 'Performance', 'NUMBER'),
      column('incentive', '激励机制', 'Incentives', 'NUMBER'),
      column('features', '竞赛特色', 'Distinctive features', 'NUMBER'),
      column('total', '总分', 'Total', 'NUMBER'),
    ],
  },
};

/** The headers of a saved cube's dimensions, measures and fields. */
export const DIMENSION_HEADERS: Readonly<Record<string, [string, string]>> = {
  CONTEST: ['竞赛', 'Contest'],
  YEAR: ['年份', 'Year'],
  TRACK: ['赛道', 'Track'],
  ROUND: ['评审轮次', 'Round'],
  STAGE: ['评审阶段', 'Stage'],
  PANEL: ['评审组', 'Panel'],
  QUOTA_GROUP: ['分组', 'Quota group'],
  ORGANIZATION: ['单位', 'Organization'],
  ORGANIZATION_KIND: ['单位类型', 'Organization kind'],
  DISTRICT: ['所在区', 'District'],
  MOBILIZING_UNION: ['动员单位', 'Mobilizing union'],
  EXPERT: ['评审专家', 'Expert'],
  EXPERT_TITLE: ['专家职称', 'Expert title'],
  AWARD_TYPE: ['奖项', 'Award'],
  RECIPIENT_KIND: ['获奖对象类型', 'Recipient kind'],
  STATUS: ['状态', 'Status'],
  OUTCOME: ['结果', 'Outcome'],
  ACHIEVEMENT_KIND: ['成果类型', 'Achievement kind'],
  PRIOR_HONOR_LEVEL: ['已获荣誉级别', 'Prior honor level'],
  WEEK: ['周', 'Week'],
  DAY: ['日期', 'Day'],
};

export const MEASURE_HEADERS: Readonly<Record<string, [string, string]>> = {
  COUNT: ['数量', 'Count'],
  SUM: ['合计', 'Sum'],
  MEAN: ['平均值', 'Mean'],
  MEDIAN: ['中位数', 'Median'],
  MIN: ['最小值', 'Minimum'],
  MAX: ['最大值', 'Maximum'],
  PERCENTILE: ['百分位数', 'Percentile'],
  RATE: ['比例', 'Rate'],
  STDDEV: ['标准差', 'Standard deviation'],
};

export const FIELD_HEADERS: Readonly<Record<string, [string, string]>> = {
  TEAM_SIZE: ['团队人数', 'team size'],
  FINALIST: ['入围终评', 'finalists'],
  EXCELLENT: ['优秀成果', 'excellent'],
  PRIOR_HONORS: ['已获荣誉', 'prior honors'],
  AGGREGATE: ['综合得分', 'aggregate'],
  MEAN: ['平均分', 'mean'],
  TRIMMED_MEAN: ['去极值平均分', 'trimmed mean'],
  NORMALIZED: ['标准化得分', 'normalized score'],
  RANK: ['名次', 'rank'],
  SCORECARDS: ['评分表数', 'scorecards'],
  ADVANCED: ['晋级', 'advanced'],
  SCORED: ['已评分', 'scored'],
  DECLINED: ['已谢绝', 'declined'],
  CONFLICT_DECLARED: ['申报回避', 'conflicts declared'],
  TOTAL: ['总分', 'total'],
  CONFERRED: ['已授予', 'conferred'],
  PUBLIC: ['已公开', 'public'],
  VERIFIED: ['已核实', 'verified'],
  LEADERSHIP: ['组织领导', 'leadership'],
  PROMOTION: ['推进举措', 'promotion'],
  PERFORMANCE: ['竞赛绩效', 'performance'],
  INCENTIVE: ['激励机制', 'incentives'],
  FEATURES: ['竞赛特色', 'distinctive features'],
};

/** A saved cube's columns: its groups, the records of each cell, then its measures. */
export function cubeColumns(
  groupBy: readonly string[],
  measures: readonly { kind: string; field?: string | null; percentile?: number | null }[],
): ExportColumn[] {
  const measureColumn = (m: (typeof measures)[number], i: number): ExportColumn => {
    const [kindZh, kindEn] = MEASURE_HEADERS[m.kind] ?? [m.kind, m.kind];
    const p = m.kind === 'PERCENTILE' ? ` ${m.percentile ?? ''}` : '';
    if (!m.field) return column(`measure${i}`, `${kindZh}${p}`, `${kindEn}${p}`, 'NUMBER');
    const [fieldZh, fieldEn] = FIELD_HEADERS[m.field] ?? [m.field, m.field];
    return column(`measure${i}`, `${fieldZh}${kindZh}${p}`, `${kindEn}${p} of ${fieldEn}`, 'NUMBER');
  };
  return [
    ...groupBy.map((d) => column(d.toLowerCase(), ...(DIMENSION_HEADERS[d] ?? [d, d]))),
    column('records', '记录数', 'Records', 'NUMBER'),
    ...measures.map(measureColumn),
  ];
}
