import { EXPERT_TITLES, ORGANIZATION_KINDS } from './model';

/**
 * The sheets the office and the unions import, column by column: the key is the API's input
 * field (or the reference that is resolved to it), with the Chinese and English headers of the
 * template. The analytics exports of the same records use these headers too, so an export
 * can be imported as it is.
 */
export interface SheetColumn {
  key: string;
  zh: string;
  en: string;
  type: 'string' | 'integer' | 'number' | 'date' | 'boolean' | 'list';
  required?: boolean;
  maxLength?: number;
  note?: string;
  choices?: readonly string[];
}

export interface ImportSheet {
  kind: ImportKindName;
  title: string;
  columns: readonly SheetColumn[];
  maxRows: number;
}

export type ImportKindName = 'organizations' | 'people' | 'experts' | 'enrolments';

/** The most data rows one import takes. */
export const IMPORT_MAX_ROWS = 5000;

export const ORGANIZATIONS_SHEET: ImportSheet = {
  kind: 'organizations',
  title: '单位 Organizations',
  maxRows: IMPORT_MAX_ROWS,
  columns: [
    { key: 'name', zh: '单位名称', en: 'Name', type: 'string', required: true, maxLength: 120 },
    { key: 'shortName', zh: '简称', en: 'Short name', type: 'string', maxLength: 40 },
    { key: 'kind', zh: '单位类型', en: 'Kind', type: 'string', required: true, choices: ORGANIZATION_KINDS },
    {
      key: 'creditCode',
      zh: '统一社会信用代码',
      en: 'Unified social credit code',
      type: 'string',
      maxLength: 18,
      note: '18位，校验位按 GB 32100-2015 核对 · 18 characters, check character per GB 32100-2015',
    },
    { key: 'district', zh: '所在区', en: 'District', type: 'string', maxLength: 40 },
    {
      key: 'parentCreditCode',
      zh: '上级单位统一社会信用代码',
      en: 'Parent credit code',
      type: 'string',
      maxLength: 18,
      note: '上级单位须已登记或在本表中 · the parent must exist or be in this sheet',
    },
    {
      key: 'parentName',
      zh: '上级单位名称',
      en: 'Parent name',
      type: 'string',
      maxLength: 120,
      note: '上级单位无信用代码时填写 · when the parent has no credit code',
    },
  ],
};

export const PEOPLE_SHEET: ImportSheet = {
  kind: 'people',
  title: '人员 People',
  maxRows: IMPORT_MAX_ROWS,
  columns: [
    { key: 'name', zh: '姓名', en: 'Name', type: 'string', required: true, maxLength: 60 },
    {
      key: 'organizationCreditCode',
      zh: '所在单位统一社会信用代码',
      en: 'Organization credit code',
      type: 'string',
      maxLength: 18,
    },
    {
      key: 'organizationName',
      zh: '所在单位名称',
      en: 'Organization name',
      type: 'string',
      maxLength: 120,
      note: '单位无信用代码时按名称查找 · used when the unit has no credit code',
    },
    { key: 'position', zh: '职务职称', en: 'Position', type: 'string', maxLength: 80 },
    { key: 'phone', zh: '电话', en: 'Phone', type: 'string', maxLength: 20, note: '联系数据 · contact data' },
    { key: 'email', zh: '电子邮箱', en: 'Email', type: 'string', maxLength: 120, note: '联系数据 · contact data' },
  ],
};

export const EXPERTS_SHEET: ImportSheet = {
  kind: 'experts',
  title: '评审专家 Experts',
  maxRows: IMPORT_MAX_ROWS,
  columns: [
    { key: 'name', zh: '姓名', en: 'Name', type: 'string', required: true, maxLength: 60 },
    {
      key: 'organizationCreditCode',
      zh: '所在单位统一社会信用代码',
      en: 'Organization credit code',
      type: 'string',
      maxLength: 18,
      note: '专家本人须已作为人员登记 · the expert must already be registered as a person there',
    },
    { key: 'organizationName', zh: '所在单位名称', en: 'Organization name', type: 'string', maxLength: 120 },
    { key: 'title', zh: '职称', en: 'Title', type: 'string', required: true, choices: EXPERT_TITLES },
    {
      key: 'expertise',
      zh: '评审专业',
      en: 'Expertise',
      type: 'list',
      required: true,
      note: '赛道代码，主专业在前，用、分隔 · track codes, primary first, separated by 、',
    },
    {
      key: 'affiliationCreditCode',
      zh: '工作单位统一社会信用代码',
      en: 'Affiliation credit code',
      type: 'string',
      maxLength: 18,
      note: '与所在单位不同时填写；回避按此判断 · when not the person’s own; conflicts are judged from it',
    },
    { key: 'active', zh: '参与自动分配', en: 'Active', type: 'boolean' },
  ],
};

export const ENROLMENTS_SHEET: ImportSheet = {
  kind: 'enrolments',
  title: '参赛单位 Enrolments',
  maxRows: IMPORT_MAX_ROWS,
  columns: [
    { key: 'contestCode', zh: '竞赛代码', en: 'Contest code', type: 'string', required: true, maxLength: 40 },
    {
      key: 'organizationCreditCode',
      zh: '统一社会信用代码',
      en: 'Unified social credit code',
      type: 'string',
      required: true,
      maxLength: 18,
    },
    { key: 'organizationName', zh: '单位名称', en: 'Name', type: 'string', maxLength: 120, note: '核对用 · checked against the code' },
    {
      key: 'mobilizedByCreditCode',
      zh: '发动单位统一社会信用代码',
      en: 'Mobilizing union credit code',
      type: 'string',
      maxLength: 18,
      note: '工会组织填写时须为本工会 · a union importing its own list may leave it empty',
    },
  ],
};

export const IMPORT_SHEETS: Readonly<Record<ImportKindName, ImportSheet>> = {
  organizations: ORGANIZATIONS_SHEET,
  people: PEOPLE_SHEET,
  experts: EXPERTS_SHEET,
  enrolments: ENROLMENTS_SHEET,
};
