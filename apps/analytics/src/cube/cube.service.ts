import type { DataSource } from 'typeorm';
import { type Identity, factAccess, forbidden } from '@meritgraph/domain';
import type { CubeFilter, CubeGroup, CubeOrder, CubeResult, MeasureInput } from './cube.types';
import { CUBE_FIRST_MAX, type CubeFilterSpec, type CubeQuery, answerCube, checkCubeQuery } from './engine';
import type { CubeDimension, CubeFact, CubeField } from './model';
import { loadRecords } from './records';
import type { Star } from './star';

export { CUBE_FIRST_MAX };
export const CUBE_FIRST_DEFAULT = 100;

/** The filter's lists, by the dimension each filters. */
const FILTER_DIMENSIONS: Readonly<Record<string, CubeDimension>> = {
  contest: 'CONTEST',
  year: 'YEAR',
  track: 'TRACK',
  round: 'ROUND',
  stage: 'STAGE',
  panel: 'PANEL',
  quotaGroup: 'QUOTA_GROUP',
  organization: 'ORGANIZATION',
  organizationKind: 'ORGANIZATION_KIND',
  parentOrganization: 'PARENT_ORGANIZATION',
  district: 'DISTRICT',
  mobilizingUnion: 'MOBILIZING_UNION',
  expert: 'EXPERT',
  expertTitle: 'EXPERT_TITLE',
  expertAffiliationKind: 'EXPERT_AFFILIATION_KIND',
  awardType: 'AWARD_TYPE',
  recipientKind: 'RECIPIENT_KIND',
  status: 'STATUS',
  outcome: 'OUTCOME',
  achievementKind: 'ACHIEVEMENT_KIND',
  priorHonorLevel: 'PRIOR_HONOR_LEVEL',
  week: 'WEEK',
  day: 'DAY',
};

export function filterSpec(filter: CubeFilter | null | undefined): CubeFilterSpec {
  const values: CubeFilterSpec['values'] = {};
  for (const [key, dimension] of Object.entries(FILTER_DIMENSIONS)) {
    const list = (filter as Record<string, unknown> | null | undefined)?.[key];
    if (Array.isArray(list)) values[dimension] = list as (string | number)[];
  }
  const flags: CubeFilterSpec['flags'] = {};
  for (const f of filter?.fields ?? []) flags[f.field as CubeField] = f.is;
  return { values, flags };
}

const ref = (id: unknown) => (id === null || id === undefined ? null : { id: String(id) });
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function groupOf(dims: Partial<Record<CubeDimension, string | number | null>>, star: Star): CubeGroup {
  const panelId = str(dims.PANEL);
  return {
    contest: ref(dims.CONTEST),
    year: dims.YEAR === undefined || dims.YEAR === null ? null : Number(dims.YEAR),
    track: ref(dims.TRACK),
    round: ref(dims.ROUND),
    stage: str(dims.STAGE),
    panel: panelId ? { id: panelId, name: star.panels.get(panelId)?.name ?? panelId } : null,
    quotaGroup: str(dims.QUOTA_GROUP),
    organization: ref(dims.ORGANIZATION),
    organizationKind: str(dims.ORGANIZATION_KIND),
    parentOrganization: ref(dims.PARENT_ORGANIZATION),
    district: str(dims.DISTRICT),
    mobilizingUnion: ref(dims.MOBILIZING_UNION),
    expert: ref(dims.EXPERT),
    expertTitle: str(dims.EXPERT_TITLE),
    expertAffiliationKind: str(dims.EXPERT_AFFILIATION_KIND),
    awardType: str(dims.AWARD_TYPE),
    recipientKind: str(dims.RECIPIENT_KIND),
    status: str(dims.STATUS),
    outcome: str(dims.OUTCOME),
    achievementKind: str(dims.ACHIEVEMENT_KIND),
    priorHonorLevel: str(dims.PRIOR_HONOR_LEVEL),
    week: str(dims.WEEK),
    day: str(dims.DAY),
  };
}

export interface CubeArgs {
  fact: CubeFact;
  measures: MeasureInput[];
  groupBy?: CubeDimension[] | null;
  filter?: CubeFilter | null;
  orderBy?: CubeOrder[] | null;
  first?: number | null;
}

/** The cube a `cube` field's arguments ask, as the engine takes it. */
export function cubeQueryOf(args: CubeArgs): CubeQuery {
  return {
    fact: args.fact,
    measures: args.measures.map((m) => ({ kind: m.kind, field: m.field ?? null, percentile: m.percentile ?? null })),
    groupBy: args.groupBy ?? [],
    filter: filterSpec(args.filter),
    orderBy: (args.orderBy ?? []).map((o) => ({ measure: o.measure ?? null, dimension: o.dimension ?? null, direction: o.direction })),
    first: args.first ?? CUBE_FIRST_DEFAULT,
  };
}

/** Answers cubes from the star schema, within what the caller may see. */
export class CubeService {
  constructor(
    private readonly dataSource: DataSource,
    readonly minimumCell: number,
  ) {}

  async cube(identity: Identity, args: CubeArgs): Promise<CubeResult> {
    const access = factAccess(identity, args.fact);
    if (!access) throw forbidden('cube');
    const query = cubeQueryOf(args);
    // A question the fact cannot answer is refused before anything is read.
    checkCubeQuery(query);
    const { star, records } = await loadRecords(this.dataSource.manager, args.fact, args.filter?.contest ?? null, access, identity);
    const within = args.filter?.within;
    const scoped = within ? records.filter((r) => star.within(r.organizationId, within)) : records;
    const answer = answerCube(scoped, query, access.suppressSmallCells, this.minimumCell, (d, v) => star.labelOf(d, v));
    return {
      fact: args.fact,
      cells: answer.cells.map((c) => ({ ...c, group: groupOf(c.group, star) })),
      groups: answer.groups,
      records: answer.records,
      suppressed: answer.suppressed,
      minimumCell: this.minimumCell,
    };
  }
}
