import { Lifecycle } from './lifecycle';

const values = <T extends Record<string, string>>(o: T) => Object.values(o) as T[keyof T][];

export const OrganizationKind = {
  TRADE_UNION_FEDERATION: 'TRADE_UNION_FEDERATION',
  GOVERNMENT_AGENCY: 'GOVERNMENT_AGENCY',
  DISTRICT_UNION: 'DISTRICT_UNION',
  INDUSTRY_UNION: 'INDUSTRY_UNION',
  PARK: 'PARK',
  ENTERPRISE: 'ENTERPRISE',
  RESEARCH_INSTITUTE: 'RESEARCH_INSTITUTE',
  UNIVERSITY: 'UNIVERSITY',
  HOSPITAL: 'HOSPITAL',
  ASSOCIATION: 'ASSOCIATION',
} as const;
export type OrganizationKind = keyof typeof OrganizationKind;
export const ORGANIZATION_KINDS = values(OrganizationKind);

export const ContestStatus = {
  DRAFT: 'DRAFT',
  OPEN_FOR_SUBMISSIONS: 'OPEN_FOR_SUBMISSIONS',
  REVIEWING: 'REVIEWING',
  CLOSED: 'CLOSED',
} as const;
export type ContestStatus = keyof typeof ContestStatus;
export const contestLifecycle = new Lifecycle<ContestStatus>('Contest', 'DRAFT', {
  DRAFT: ['OPEN_FOR_SUBMISSIONS'],
  OPEN_FOR_SUBMISSIONS: ['REVIEWING'],
  REVIEWING: ['CLOSED'],
  CLOSED: [],
});

export const SubmissionStatus = {
  DRAFT: 'DRAFT',
  SUBMITTED: 'SUBMITTED',
  ENDORSED: 'ENDORSED',
  RETURNED: 'RETURNED',
  ACCEPTED: 'ACCEPTED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type SubmissionStatus = keyof typeof SubmissionStatus;
/**
 * A submission's moves in a contest that asks no endorsement and no form check: submitted,
 * then withdrawn at most. A contest's own moves are `submissionLifecycleFor(checks)`
 * (endorsement.ts).
 */
export const submissionLifecycle = new Lifecycle<SubmissionStatus>('Submission', 'DRAFT', {
  DRAFT: ['SUBMITTED', 'WITHDRAWN'],
  SUBMITTED: ['WITHDRAWN'],
  ENDORSED: ['WITHDRAWN'],
  RETURNED: ['SUBMITTED', 'WITHDRAWN'],
  ACCEPTED: ['WITHDRAWN'],
  REJECTED: [],
  WITHDRAWN: [],
});

export const ReviewStage = {
  SCREENING: 'SCREENING',
  EVALUATION: 'EVALUATION',
  FINAL: 'FINAL',
} as const;
export type ReviewStage = keyof typeof ReviewStage;
export const REVIEW_STAGES = values(ReviewStage);

export const RoundStatus = {
  DRAFT: 'DRAFT',
  OPEN: 'OPEN',
  CLOSED: 'CLOSED',
  FINALIZED: 'FINALIZED',
} as const;
export type RoundStatus = keyof typeof RoundStatus;
export const roundLifecycle = new Lifecycle<RoundStatus>('ReviewRound', 'DRAFT', {
  DRAFT: ['OPEN'],
  OPEN: ['CLOSED'],
  CLOSED: ['FINALIZED'],
  FINALIZED: [],
});

/** Where a submission stands in review, as the submission's page shows it. */
export const ReviewState = {
  NOT_ENTERED: 'NOT_ENTERED',
  IN_REVIEW: 'IN_REVIEW',
  ADVANCED: 'ADVANCED',
  ELIMINATED: 'ELIMINATED',
  EXCELLENT: 'EXCELLENT',
} as const;
export type ReviewState = keyof typeof ReviewState;

export const RecipientKind = {
  PERSON: 'PERSON',
  TEAM: 'TEAM',
  ORGANIZATION: 'ORGANIZATION',
  SUBMISSION: 'SUBMISSION',
} as const;
export type RecipientKind = keyof typeof RecipientKind;
export const RECIPIENT_KINDS = values(RecipientKind);

export const HonorStatus = {
  NOMINATED: 'NOMINATED',
  PROPOSED: 'PROPOSED',
  ANNOUNCED: 'ANNOUNCED',
  CONFERRED: 'CONFERRED',
  WITHDRAWN: 'WITHDRAWN',
  REVOKED: 'REVOKED',
} as const;
export type HonorStatus = keyof typeof HonorStatus;
export const honorLifecycle = new Lifecycle<HonorStatus>('Honor', 'NOMINATED', {
  NOMINATED: ['PROPOSED', 'WITHDRAWN'],
  PROPOSED: ['ANNOUNCED', 'WITHDRAWN'],
  ANNOUNCED: ['CONFERRED', 'WITHDRAWN'],
  CONFERRED: ['REVOKED'],
  WITHDRAWN: [],
  REVOKED: [],
});
/** Honors the public, and outside agencies, may read. */
export const PUBLIC_HONOR_STATUSES: readonly HonorStatus[] = ['ANNOUNCED', 'CONFERRED', 'REVOKED'];

/** The award types of the 2019 contest; the catalog itself is data in the honors subgraph. */
export const AWARD_TYPES_2019 = [
  {
    code: 'MAY_DAY_MEDAL',
    nameZh: '上海市五一劳动奖章',
    nameEn: 'Shanghai May Day Labor Medal',
    recipientKind: 'PERSON',
    level: 'MUNICIPAL',
  },
  { code: 'WORKER_PIONEER', nameZh: '上海市工人先锋号', nameEn: 'Shanghai Worker Pioneer', recipientKind: 'TEAM', level: 'MUNICIPAL' },
  {
    code: 'MAY_DAY_AWARD',
    nameZh: '上海市五一劳动奖状',
    nameEn: 'Shanghai May Day Labor Award',
    recipientKind: 'ORGANIZATION',
    level: 'MUNICIPAL',
  },
  {
    code: 'EXCELLENT_ORGANIZATION',
    nameZh: '优秀组织奖',
    nameEn: 'Excellent Organization Award',
    recipientKind: 'ORGANIZATION',
    level: 'CONTEST',
  },
  {
    code: 'EXCELLENT_ACHIEVEMENT',
    nameZh: '优秀创新成果',
    nameEn: 'Excellent Innovation Achievement',
    recipientKind: 'SUBMISSION',
    level: 'CONTEST',
  },
] as const satisfies readonly { code: string; nameZh: string; nameEn: string; recipientKind: RecipientKind; level: string }[];

/** An expert's professional title, as the pool records it (院士, 教授, 研究员, 高级工程师, 主任医师 …). */
export const ExpertTitle = {
  ACADEMICIAN: 'ACADEMICIAN',
  PROFESSOR: 'PROFESSOR',
  RESEARCHER: 'RESEARCHER',
  ASSOCIATE_PROFESSOR: 'ASSOCIATE_PROFESSOR',
  SENIOR_ENGINEER: 'SENIOR_ENGINEER',
  CHIEF_PHYSICIAN: 'CHIEF_PHYSICIAN',
  ENGINEER: 'ENGINEER',
  OTHER: 'OTHER',
} as const;
export type ExpertTitle = keyof typeof ExpertTitle;
export const EXPERT_TITLES = values(ExpertTitle);

/**
 * An assignment stays on record when its expert steps back, so the reason is kept and the
 * pair is never offered again: DECLINED (cannot take it on) or CONFLICT_DECLARED (回避).
 */
export const AssignmentStatus = {
  ASSIGNED: 'ASSIGNED',
  DECLINED: 'DECLINED',
  CONFLICT_DECLARED: 'CONFLICT_DECLARED',
} as const;
export type AssignmentStatus = keyof typeof AssignmentStatus;

export const AssignmentOrigin = { AUTOMATIC: 'AUTOMATIC', MANUAL: 'MANUAL' } as const;
export type AssignmentOrigin = keyof typeof AssignmentOrigin;
