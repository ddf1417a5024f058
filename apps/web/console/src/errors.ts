/**
 * What a refusal tells the person in front of the console, from its `extensions.code` (never
 * from the English message text), in each language; and which form field it names
 * (`extensions.field`, or every field of `details.problems`), so that a form shows it there.
 */
import { CombinedGraphQLErrors } from '@apollo/client';

type Text = { zh: string; en: string };

/** Every code the graph gives (packages/domain's ERROR_CODES, and the console's own), in words. */
export const ERROR_TEXT: Record<string, Text> = {
  BAD_REQUEST: { zh: '请求格式不正确。', en: 'The request is malformed.' },
  PAYLOAD_TOO_LARGE: { zh: '提交的内容过大。', en: 'The request is too large.' },
  GRAPHQL_PARSE_FAILED: { zh: '查询语法有误。', en: 'The query has a syntax error.' },
  GRAPHQL_VALIDATION_FAILED: { zh: '查询与接口不符。', en: 'The query does not fit the API.' },
  BAD_USER_INPUT: { zh: '填写的内容有误，请按提示修改。', en: 'Some input is invalid; see the marked fields.' },
  INTERNAL_SERVER_ERROR: {
    zh: '系统出现意外错误，已记录，请稍后重试。',
    en: 'An unexpected error occurred and was logged; try again later.',
  },
  MAX_TOKENS_EXCEEDED: { zh: '查询过长。', en: 'The query is too long.' },
  MAX_DEPTH_EXCEEDED: { zh: '查询嵌套过深。', en: 'The query nests too deeply.' },
  MAX_ALIASES_EXCEEDED: { zh: '查询别名过多。', en: 'The query uses too many aliases.' },
  MAX_ROOT_FIELDS_EXCEEDED: { zh: '一次查询的内容过多。', en: 'The query asks for too much at once.' },
  MAX_DIRECTIVES_EXCEEDED: { zh: '查询指令过多。', en: 'The query uses too many directives.' },
  MAX_FIELD_REPEATS_EXCEEDED: { zh: '查询重复字段过多。', en: 'The query repeats a field too often.' },
  MAX_BATCH_EXCEEDED: { zh: '批量请求过多。', en: 'Too many operations in one batch.' },
  COST_ESTIMATED_TOO_EXPENSIVE: { zh: '查询开销超出限额，请缩小范围。', en: 'The query costs more than allowed; ask for less.' },
  RATE_LIMITED: { zh: '本小时的查询额度已用完，请稍后再试。', en: 'Your hourly budget is spent; try again later.' },
  FILE_TYPE_NOT_ALLOWED: {
    zh: '不支持此文件类型（可上传 PDF、图片和 Office 文档）。',
    en: 'This file type is not accepted (PDF, images and Office documents are).',
  },
  FILE_TOO_LARGE: { zh: '文件超过大小上限。', en: 'The file is larger than allowed.' },
  FILE_SIZE_MISMATCH: { zh: '上传的文件大小与声明不符，未保存。', en: 'The upload’s size did not match; nothing was stored.' },
  FILE_HASH_MISMATCH: { zh: '上传的文件校验值与声明不符，未保存。', en: 'The upload’s checksum did not match; nothing was stored.' },
  URL_EXPIRED: { zh: '链接已过期，请重新获取。', en: 'The link has expired; get a new one.' },
  URL_INVALID: { zh: '链接无效或已使用。', en: 'The link is invalid or already used.' },
  CHECK_CHARACTER_MISMATCH: {
    zh: '统一社会信用代码的校验位不符，请核对是否输错。',
    en: 'The credit code’s check character does not match; check it for a mistyped character.',
  },
  ATTACHMENT_LOCKED: {
    zh: '申报已提交，附件不能再修改（退回修改的申报除外）。',
    en: 'The submission is entered; its files cannot change (unless it is returned for revision).',
  },
  IMPORT_UNREADABLE: { zh: '无法读取该文件，请使用导入模板（.xlsx）。', en: 'The file cannot be read; use the import template (.xlsx).' },
  IMPORT_TOO_MANY_ROWS: { zh: '一次导入的行数过多。', en: 'Too many rows for one import.' },
  IMPORT_HAS_ERRORS: { zh: '表格中有错误行，未导入任何数据。', en: 'The sheet has bad rows; nothing was imported.' },
  RESULT_TOO_LARGE: { zh: '结果过多，请分页查看。', en: 'The result is too large; use smaller pages.' },
  SUBGRAPH_UNAVAILABLE: { zh: '部分服务暂不可用，显示的数据可能不完整。', en: 'A service is unavailable; some data may be missing.' },
  SUBGRAPH_TIMEOUT: { zh: '部分服务响应超时，显示的数据可能不完整。', en: 'A service timed out; some data may be missing.' },
  DEADLINE_EXCEEDED: { zh: '处理超时，请缩小范围。', en: 'The request took too long; ask for less.' },
  UPSTREAM_UNAVAILABLE: { zh: '相关服务暂不可用，未作任何修改。', en: 'A service it depends on is unavailable; nothing was changed.' },
  GATEWAY_UNREACHABLE: { zh: '无法连接平台服务。', en: 'The platform cannot be reached.' },
  UNAUTHENTICATED: { zh: '登录已失效，请重新登录。', en: 'Your sign-in has expired; sign in again.' },
  FORBIDDEN: { zh: '您无权进行此操作或查看此内容。', en: 'You may not do this or see this.' },
  NOT_FOUND: { zh: '未找到该记录。', en: 'No such record.' },
  ALREADY_EXISTS: { zh: '该记录已存在。', en: 'This record already exists.' },
  VERSION_CONFLICT: { zh: '记录已被他人修改，请刷新后重试。', en: 'The record changed meanwhile; reload and try again.' },
  INVALID_TRANSITION: { zh: '当前状态下不能进行此操作。', en: 'This step is not allowed in the current status.' },
  BATCH_REFUSED: { zh: '批量操作中有被拒绝的项目，全部未执行。', en: 'Some items were refused, so none was applied.' },
  CONTEST_LOCKED: { zh: '竞赛当前状态不允许此修改。', en: 'The contest no longer allows this change.' },
  CONTEST_NOT_OPEN: { zh: '竞赛未开放申报。', en: 'The contest is not open for submissions.' },
  NOT_ENROLLED: { zh: '该单位未报名参加本竞赛。', en: 'The unit is not enrolled in the contest.' },
  TRACK_NOT_IN_CONTEST: { zh: '该赛道不属于本竞赛。', en: 'The track is not part of the contest.' },
  SUBMISSION_WINDOW_CLOSED: { zh: '不在申报时间内。', en: 'The submission window is closed.' },
  SUBMISSION_INCOMPLETE: { zh: '申报材料不完整，请补全标出的内容。', en: 'The application is incomplete; fill in the marked fields.' },
  DUPLICATE_SUBMISSION: { zh: '本单位已申报同名成果。', en: 'Your unit already entered an achievement with this title.' },
  REVIEW_STARTED: { zh: '成果已进入评审，不能再修改或撤回。', en: 'The achievement is in review and can no longer change.' },
  ROUND_NOT_READY: { zh: '评审轮次尚未就绪。', en: 'The round is not ready to open.' },
  ROUND_ALREADY_OPEN: { zh: '评审轮次已开始，配置不能再改。', en: 'The round is already open; its setup is fixed.' },
  ROUND_NOT_OPEN: { zh: '评审轮次未开放，不能评分。', en: 'The round is not open for scoring.' },
  ROUND_CLOSED: { zh: '评审轮次已结束。', en: 'The round is closed.' },
  ROUND_NOT_CLOSED: { zh: '评审轮次须先结束。', en: 'The round must be closed first.' },
  ROUND_NOT_FINALIZED: { zh: '评审结果尚未确定。', en: 'The round’s results are not final yet.' },
  PREVIOUS_ROUND_NOT_FINALIZED: { zh: '上一轮评审结果尚未确定。', en: 'The previous round is not final yet.' },
  RESULTS_INCOMPLETE: { zh: '仍有成果没有评分。', en: 'Some entries have no scorecards.' },
  UNRESOLVED_TIE: { zh: '入围线上存在并列，需先处理。', en: 'A tie across the line must be resolved first.' },
  ALREADY_PUBLISHED: { zh: '结果已公布。', en: 'The results are already published.' },
  CONFLICT_OF_INTEREST: { zh: '存在利益冲突，须回避。', en: 'There is a conflict of interest.' },
  EXPERTISE_MISMATCH: { zh: '专家专业领域与赛道不符。', en: 'The expert’s expertise does not cover the track.' },
  NOT_ON_PANEL: { zh: '专家不在该赛道的评审组。', en: 'The expert is not on this track’s panel.' },
  EXPERT_INACTIVE: { zh: '专家已停用。', en: 'The expert is inactive.' },
  ASSIGNMENT_DECLINED: { zh: '已谢绝该评审任务。', en: 'The assignment was declined.' },
  ASSIGNMENT_SCORED: { zh: '已评分，任务不能撤销。', en: 'Already scored; the assignment stays.' },
  QUOTA_NOT_SET: { zh: '该奖项未设名额。', en: 'No quota is set for this award.' },
  QUOTA_EXCEEDED: { zh: '超出名额。', en: 'The quota would be exceeded.' },
  QUOTA_BELOW_AWARDED: { zh: '名额不能少于已授予数量。', en: 'The quota cannot be below those already awarded.' },
  NOT_EXCELLENT: { zh: '只有终评优秀的成果可获此奖。', en: 'Only achievements rated excellent can receive this award.' },
  ANNOUNCEMENT_WINDOW_OPEN: { zh: '公示期尚未结束，暂不能授予。', en: 'The 公示 window is still open.' },
  ANNOUNCEMENT_WINDOW_CLOSED: { zh: '公示期已结束，不再受理异议。', en: 'The 公示 window has closed; objections are no longer taken.' },
  OBJECTION_OPEN: { zh: '异议尚未处理，暂不能授予。', en: 'An objection is unresolved.' },
  CALENDAR_NOT_COVERED: { zh: '公示期涉及尚未录入节假日的年份。', en: 'The window reaches a year whose calendar is not entered.' },
  ORGANIZER_TIE_UNRESOLVED: { zh: '优秀组织奖名额线上存在并列，需先决定。', en: 'Organizers tie across the line; decide first.' },
};

export type Language = 'zh' | 'en';

/** What a form shows on a field a refusal names, by the refusal's code (the code's own text otherwise). */
const FIELD_TEXT: Record<string, Text> = {
  SUBMISSION_INCOMPLETE: { zh: '此项必填', en: 'Required' },
  BAD_USER_INPUT: { zh: '此项填写有误', en: 'Invalid value' },
  ALREADY_EXISTS: { zh: '已存在相同内容', en: 'Already taken' },
  DUPLICATE_SUBMISSION: { zh: '已申报同名成果', en: 'Already entered with this title' },
};

export interface Refusal {
  code: string;
  /** The refusal in the console's words. */
  text: string;
  /** The input fields it names, each with what to show on it. */
  fields: Record<string, string>;
  /** What the graph said of each field (its own words, in English), for a tooltip. */
  reasons: Record<string, string>;
}

interface Extensions {
  code?: unknown;
  field?: unknown;
  details?: { problems?: { field: string; message: string }[] };
}

/** The first refusal of an Apollo error (or of a raw GraphQL error list), in the language asked. */
export function refusalOf(error: unknown, language: Language): Refusal | null {
  const errors = CombinedGraphQLErrors.is(error)
    ? error.errors
    : Array.isArray(error)
      ? (error as { message: string; extensions?: Extensions }[])
      : null;
  const first = errors?.[0] as { message: string; extensions?: Extensions } | undefined;
  if (!first)
    return error ? { code: 'GATEWAY_UNREACHABLE', text: ERROR_TEXT.GATEWAY_UNREACHABLE![language], fields: {}, reasons: {} } : null;
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
  const text = (ERROR_TEXT[code] ?? ERROR_TEXT.INTERNAL_SERVER_ERROR!)[language];
  const reasons: Record<string, string> = {};
  for (const e of errors as { message: string; extensions?: Extensions }[]) {
    for (const p of e.extensions?.details?.problems ?? []) reasons[p.field] ??= p.message;
    if (typeof e.extensions?.field === 'string') reasons[e.extensions.field] ??= e.message;
  }
  const onField = FIELD_TEXT[code]?.[language] ?? text;
  const fields = Object.fromEntries(Object.keys(reasons).map((field) => [field, onField]));
  return { code, text, fields, reasons };
}
