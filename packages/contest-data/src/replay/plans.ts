import type { ExpertTitle, OrganizationKind } from '@meritgraph/domain';

/** What the replay plans to create: the tracks, and the organizations, people, experts and achievements of its world. */

export type TrackCode = 'IC' | 'AI' | 'BIOMED' | 'BIG_SCIENCE';
export const TRACKS: { code: TrackCode; name: string }[] = [
  { code: 'IC', name: '集成电路' },
  { code: 'AI', name: '人工智能' },
  { code: 'BIOMED', name: '生物医药' },
  { code: 'BIG_SCIENCE', name: '大科学、大装置、大设施' },
];

export interface OrgPlan {
  key: string;
  name: string;
  kind: OrganizationKind;
  parent: string | null;
  district: string;
  /** Participating units carry the industry they submit in. */
  track?: TrackCode;
}

export interface PersonPlan {
  key: string;
  name: string;
  org: string;
  position?: string;
  /** Contact data, for a unit's contact person only (synthetic, in reserved ranges). */
  phone?: string;
  email?: string;
}

export interface ExpertPlan {
  key: string;
  person: string;
  title: ExpertTitle;
  expertise: TrackCode[];
  /** Which rounds draw on the expert. */
  roles: ('SCREENING' | 'EVALUATION' | 'FINAL_CHAIR' | 'FINAL_MEMBER')[];
  /** Final-round panel, by its first track. */
  panel?: TrackCode;
}

export interface SubmissionPlan {
  key: string;
  unit: string;
  track: TrackCode;
  title: string;
  summary: string;
  kind: 'TECHNOLOGY' | 'PRODUCT' | 'PLATFORM' | 'FACILITY';
  keywords: string[];
  effect: string;
  leader: string;
  team: string[];
  /** Latent merit, 0..1: what the experts' scores scatter around. */
  merit: number;
}

export interface World {
  orgs: OrgPlan[];
  people: PersonPlan[];
  experts: ExpertPlan[];
  submissions: SubmissionPlan[];
  mobilizerOf: Map<string, string>;
}
