import { type Call, many } from '../batch';
import type { GraphClient } from '../host';
import { type Season, season2019 } from '../season';
import { TRACKS, type TrackCode } from '../world';

/** The contest itself: the office creates it with its tracks and milestones, opens it for submissions, and closes them for the review. */

/** The report's eight milestones, from the launch to the ceremony. */
export const MILESTONES = season2019().milestones;

export async function createContest(admin: GraphClient, org: Map<string, string>, season: Season): Promise<string> {
  const { createContest } = await admin.data<{ createContest: { id: string } }>(
    `mutation($input: CreateContestInput!) { createContest(input: $input) { id } }`,
    {
      input: {
        code: season.code,
        name: season.name,
        year: season.year,
        theme: season.theme,
        organizerId: org.get('federation'),
        coOrganizerIds: ['kcb', 'fgw', 'jxw', 'kw'].map((k) => org.get(k)),
        startsOn: season.startsOn,
        endsOn: season.endsOn,
        submissionOpensAt: season.submissionOpensAt,
        submissionClosesAt: season.submissionClosesAt,
        // Each entry is endorsed by the union that mobilized its unit, then checked for form by the office.
        requiresEndorsement: true,
        requiresFormCheck: true,
      },
    },
  );
  const contestId = createContest.id;
  await many(admin, 'mutation', [
    ...TRACKS.map((t): Call => ({
      field: 'createTrack',
      args: { input: ['CreateTrackInput!', { contestId, code: t.code, name: t.name }] },
      select: 'id',
    })),
    ...season.milestones.map((m): Call => ({
      field: 'createMilestone',
      args: {
        input: ['CreateMilestoneInput!', { contestId, date: m.date, kind: m.kind, title: m.title, hostOrganizationId: org.get(m.host) }],
      },
      select: 'id',
    })),
  ]);
  await admin.data(`mutation($id: ID!) { changeContestStatus(id: $id, status: OPEN_FOR_SUBMISSIONS) { status } }`, { id: contestId });
  return contestId;
}

/** Submissions close and the review begins. */
export async function beginReview(admin: GraphClient, contestId: string): Promise<void> {
  await admin.data(`mutation($id: ID!) { changeContestStatus(id: $id, status: REVIEWING) { status } }`, { id: contestId });
}

/** After the ceremony the contest has nothing left to decide: the office closes it. */
export async function closeContest(admin: GraphClient, contestId: string): Promise<void> {
  await admin.data(`mutation($id: ID!) { changeContestStatus(id: $id, status: CLOSED) { status } }`, { id: contestId });
}

/** The contest's track ids, by track code. */
export async function trackIds(admin: GraphClient, contestId: string): Promise<Record<TrackCode, string>> {
  const { contest } = await admin.data<{ contest: { tracks: { id: string; code: TrackCode }[] } }>(
    `query($id: ID!) { contest(id: $id) { tracks { id code } } }`,
    { id: contestId },
  );
  return Object.fromEntries(contest.tracks.map((t) => [t.code, t.id])) as Record<TrackCode, string>;
}
