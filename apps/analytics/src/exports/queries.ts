import type { EntityManager } from 'typeorm';
import { DomainError, ENTERED_STATUSES, ErrorCode, type FactAccess, InvalidInput, forbidden, roundFigure } from '@meritgraph/domain';
import { Star } from '../cube/star';
import { DimContest, DimRound } from '../projection/dimensions.entity';
import type { ExportList } from './export.types';
import { LISTS, type RegisterList } from './lists';
import { type ListQuery, type RawRow, instant, number, text } from './page';
import { REGISTER_BUILDERS } from './registers';

/** What a list is asked for; the arguments a list does not take are refused. */
export interface ListArgs {
  contest?: string | null;
  round?: string | null;
  group?: string | null;
}

/** One list's request, once the caller may read its fact. */
export interface ListRequest {
  em: EntityManager;
  /** Quotes an identifier in the database's dialect. */
  quote: (name: string) => string;
  args: ListArgs;
  access: FactAccess;
  /** The union whose subtree the caller sees, or null for every record. */
  subtree: string | null;
}

/** A list's statement, and how each row it reads becomes the values of the list's columns. */
export interface BuiltList {
  query: ListQuery;
  row: (raw: RawRow) => (string | null)[];
}

/** The lists of a contest's or a round's records. */
type RecordList = Exclude<ExportList, 'SAVED_CUBE' | RegisterList>;

const bad = (field: string, message: string) => new InvalidInput([{ field, message }]);

/** Refuses the arguments a list does not take, and requires the one it is of. */
function checkArgs(list: RecordList, args: ListArgs): string {
  const shape = LISTS[list];
  if (shape.of === 'register') throw new Error(`${list} is a register`);
  const of = shape.of;
  for (const field of ['contest', 'round', 'group'] as const) {
    const given = args[field] !== null && args[field] !== undefined;
    if (given && field !== of && !(field === 'group' && list === 'LEADERBOARD')) throw bad(field, `${list} does not take ${field}`);
  }
  const value = args[of];
  if (!value) throw bad(of, `${list} needs a ${of}`);
  return value;
}

/**
 * Organizations at or below the union: one recursive subquery on the organization tree
 * (UNION, so that a cycle in bad data ends), inside the list's own statement.
 */
const SUBTREE = `SELECT tree.id FROM (WITH RECURSIVE sub(id) AS (SELECT id FROM dim_organization WHERE id = ? UNION SELECT child.id FROM dim_organization child JOIN sub ON child.parent_id = sub.id) SELECT id FROM sub) tree`;

function scoped(request: ListRequest, column: string): { where: string[]; params: unknown[] } {
  return request.subtree ? { where: [`${column} IN (${SUBTREE})`], params: [request.subtree] } : { where: [], params: [] };
}

async function contestOf(request: ListRequest, id: string): Promise<void> {
  if (!(await request.em.count(DimContest, { where: { id } }))) throw bad('contest', `no contest ${id} in the read model`);
}

async function roundOf(request: ListRequest, id: string): Promise<DimRound> {
  const round = await request.em.findOne(DimRound, { where: { id } });
  if (!round) throw bad('round', `no review round ${id} in the read model`);
  return round;
}

const HONOR_FROM = 'FROM fact_honor h LEFT JOIN dim_award_type a ON a.code = h.award_type_code';
const HONOR_SELECT = {
  x_award: 'COALESCE(a.name_zh, h.award_type_code)',
  x_recipient: 'h.recipient_name',
  x_organization: 'h.organization_name',
};

async function honors(request: ListRequest, contest: string, status: 'ANNOUNCED' | 'CONFERRED'): Promise<ListQuery> {
  await contestOf(request, contest);
  const scope = scoped(request, 'h.organization_id');
  return {
    from: HONOR_FROM,
    where: ['h.contest_id = ?', 'h.status = ?', ...scope.where],
    whereParams: [contest, status, ...scope.params],
    select: {
      ...HONOR_SELECT,
      x_announced: 'h.announced_at',
      x_closes: 'h.objections_close_at',
      x_certificate: 'h.certificate_number',
      x_conferred: 'h.conferred_on',
    },
    order:
      status === 'CONFERRED'
        ? [
            { sql: "COALESCE(h.certificate_number, '')", kind: 'text' },
            { sql: 'h.id', kind: 'text' },
          ]
        : [
            { sql: 'COALESCE(a.position, 1000000)', kind: 'number' },
            { sql: 'h.recipient_name', kind: 'text' },
            { sql: 'h.id', kind: 'text' },
          ],
  };
}

/** Each list's statement, built once the caller may read its fact; a missing or unknown contest or round is BAD_USER_INPUT. */
const RECORD_BUILDERS: Readonly<Record<RecordList, (request: ListRequest) => Promise<BuiltList>>> = {
  SUBMISSIONS: async (request) => {
    const contest = checkArgs('SUBMISSIONS', request.args);
    const star = await Star.load(request.em, [contest]);
    if (!star.contests.has(contest)) throw bad('contest', `no contest ${contest} in the read model`);
    const scope = scoped(request, 's.organization_id');
    // The public lists entries in the contest only (ENTERED_STATUSES): not drafts, returned, rejected or withdrawn ones.
    const publicOnly = request.access.scope === 'PUBLIC' ? [`s.status IN (${ENTERED_STATUSES.map((st) => `'${st}'`).join(', ')})`] : [];
    const nameOf = (id: string | null) => (id ? (star.organizations.get(id)?.name ?? null) : null);
    return {
      query: {
        from: 'FROM fact_submission s LEFT JOIN dim_track t ON t.id = s.track_id',
        where: ['s.contest_id = ?', ...publicOnly, ...scope.where],
        whereParams: [contest, ...scope.params],
        select: {
          x_reference: 's.reference_number',
          x_title: 's.title',
          x_track: 't.name',
          x_unit: 's.organization_id',
          x_status: 's.status',
          x_submitted: 's.submitted_at',
        },
        order: [
          { sql: "COALESCE(s.reference_number, '')", kind: 'text' },
          { sql: 's.id', kind: 'text' },
        ],
      },
      row: (r) => {
        const unit = text(r.x_unit);
        const dims = star.organizationDims(contest, unit);
        return [
          text(r.x_reference),
          text(r.x_title),
          text(r.x_track),
          nameOf(unit),
          dims.DISTRICT,
          nameOf(dims.MOBILIZING_UNION),
          text(r.x_status),
          instant(r.x_submitted),
        ];
      },
    };
  },

  LEADERBOARD: async (request) => {
    const round = await roundOf(request, checkArgs('LEADERBOARD', request.args));
    // Beyond the office and analysts, results are read once the round is published.
    if (request.access.scope !== 'ALL' && !round.publishedAt) throw forbidden('table');
    const scope = scoped(request, 'e.organization_id');
    const group = request.args.group ? ['e.group_code = ?'] : [];
    const rank = `e.${request.quote('rank')}`;
    return {
      query: {
        from: 'FROM fact_entry e LEFT JOIN fact_submission s ON s.id = e.submission_id LEFT JOIN dim_organization o ON o.id = e.organization_id',
        where: ['e.round_id = ?', ...group, ...scope.where],
        whereParams: [round.id, ...(request.args.group ? [request.args.group] : []), ...scope.params],
        select: {
          x_group: 'e.group_code',
          x_rank: rank,
          x_reference: 's.reference_number',
          x_title: 's.title',
          x_unit: 'o.name',
          x_aggregate: 'e.aggregate',
          x_trimmed: 'e.trimmed_mean',
          x_outcome: 'e.outcome',
        },
        order: [
          { sql: "COALESCE(e.group_code, '')", kind: 'text' },
          { sql: `COALESCE(${rank}, 1000000000)`, kind: 'number' },
          { sql: "COALESCE(s.reference_number, '')", kind: 'text' },
          { sql: 'e.id', kind: 'text' },
        ],
      },
      row: (r) => [
        text(r.x_group),
        number(r.x_rank),
        text(r.x_reference),
        text(r.x_title),
        text(r.x_unit),
        number(r.x_aggregate),
        number(r.x_trimmed),
        text(r.x_outcome),
      ],
    };
  },

  SCORECARDS: async (request) => {
    const round = await roundOf(request, checkArgs('SCORECARDS', request.args));
    if (round.status !== 'FINALIZED')
      throw new DomainError(
        ErrorCode.ROUND_NOT_FINALIZED,
        `round ${round.id} is ${round.status}: its scorecards are exported once it is FINALIZED`,
        'round',
      );
    return {
      query: {
        from: [
          'FROM fact_scorecard c',
          'LEFT JOIN fact_entry e ON e.id = c.entry_id',
          'LEFT JOIN fact_submission s ON s.id = e.submission_id',
          'LEFT JOIN dim_expert x ON x.id = c.expert_id',
          'LEFT JOIN dim_person p ON p.id = x.person_id',
        ].join(' '),
        where: ['c.round_id = ?'],
        whereParams: [round.id],
        select: { x_reference: 's.reference_number', x_title: 's.title', x_expert: 'p.name', x_total: 'c.total', x_decision: 'c.decision' },
        order: [
          { sql: "COALESCE(s.reference_number, '')", kind: 'text' },
          { sql: "COALESCE(p.name, '')", kind: 'text' },
          { sql: 'c.id', kind: 'text' },
        ],
      },
      row: (r) => [text(r.x_reference), text(r.x_title), text(r.x_expert), number(r.x_total), text(r.x_decision)],
    };
  },

  ANNOUNCED_HONORS: async (request) => ({
    query: await honors(request, checkArgs('ANNOUNCED_HONORS', request.args), 'ANNOUNCED'),
    row: (r) => [text(r.x_award), text(r.x_recipient), text(r.x_organization), instant(r.x_announced), instant(r.x_closes)],
  }),

  CONFERRAL_LIST: async (request) => ({
    query: await honors(request, checkArgs('CONFERRAL_LIST', request.args), 'CONFERRED'),
    row: (r) => [text(r.x_certificate), text(r.x_award), text(r.x_recipient), text(r.x_organization), text(r.x_conferred)],
  }),

  ORGANIZER_RANKING: async (request) => {
    const contest = checkArgs('ORGANIZER_RANKING', request.args);
    await contestOf(request, contest);
    const scope = scoped(request, 'r.organization_id');
    const total = '(v.leadership + v.promotion + v.performance + v.incentive + v.features)';
    return {
      query: {
        // The rank is taken over every evaluation of the contest, before a union's subtree is kept.
        from: [
          'FROM (SELECT v.id, v.organization_id, v.leadership, v.promotion, v.performance, v.incentive, v.features,',
          `${total} AS total, RANK() OVER (ORDER BY ${total} DESC) AS place`,
          'FROM fact_organizer_evaluation v WHERE v.contest_id = ?) r',
          'LEFT JOIN dim_organization o ON o.id = r.organization_id',
        ].join(' '),
        fromParams: [contest],
        where: scope.where,
        whereParams: scope.params,
        select: {
          x_place: 'r.place',
          x_organization: 'o.name',
          x_leadership: 'r.leadership',
          x_promotion: 'r.promotion',
          x_performance: 'r.performance',
          x_incentive: 'r.incentive',
          x_features: 'r.features',
          x_total: 'r.total',
        },
        order: [
          { sql: 'r.place', kind: 'number' },
          { sql: "COALESCE(o.name, '')", kind: 'text' },
          { sql: 'r.id', kind: 'text' },
        ],
      },
      row: (r) => [
        number(r.x_place),
        text(r.x_organization),
        number(r.x_leadership),
        number(r.x_promotion),
        number(r.x_performance),
        number(r.x_incentive),
        number(r.x_features),
        r.x_total === null || r.x_total === undefined ? null : String(roundFigure(Number(r.x_total))),
      ],
    };
  },
};

/** Every list's statement but SAVED_CUBE's: the contests' and rounds' records, and the registers. */
export const BUILDERS: Readonly<Record<Exclude<ExportList, 'SAVED_CUBE'>, (request: ListRequest) => Promise<BuiltList>>> = {
  ...RECORD_BUILDERS,
  ...REGISTER_BUILDERS,
};
