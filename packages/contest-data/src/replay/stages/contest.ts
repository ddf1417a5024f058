import { type Call, many } from '../batch';
import type { GraphClient } from '../host';
import { TRACKS, type TrackCode } from '../world';

/** The contest itself: the office creates it with its tracks and milestones, opens it for submissions, and closes them for the review. */

export const MILESTONES = [
  { date: '2019-03-29', kind: 'LAUNCH', title: '立功竞赛启动仪式', host: 'huahong' },
  { date: '2019-08-30', kind: 'PROMOTION_MEETING', title: '推进会暨2019“浦东杯”人工智能创新应用大赛启动（世界人工智能大会）', host: 'kcb' },
  { date: '2019-09-19', kind: 'EXCHANGE_MEETING', title: '生物医药专场交流推介会', host: 'med-union' },
  { date: '2019-10-09', kind: 'REVIEW', title: '初审', host: 'jxw' },
  { date: '2019-10-24', kind: 'REVIEW', title: '第二轮评审', host: 'federation' },
  { date: '2019-11-21', kind: 'FINAL_REVIEW', title: '终评会', host: 'federation' },
  { date: '2019-11-29', kind: 'AWARDS_MEETING', title: '评审表彰会', host: 'federation' },
  { date: '2020-01-15', kind: 'CEREMONY', title: '总结表彰大会', host: 'federation' },
] as const;

export async function createContest(admin: GraphClient, org: Map<string, string>, code: string): Promise<string> {
  const { createContest } = await admin.data<{ createContest: { id: string } }>(
    `mutation($input: CreateContestInput!) { createContest(input: $input) { id } }`,
    {
      input: {
        code,
        name: '“聚力新科技，奋进新时代”加快科创中心建设主题立功竞赛',
        year: 2019,
        theme: '聚力新科技，奋进新时代：加快建设具有全球影响力的科技创新中心',
        organizerId: org.get('federation'),
        coOrganizerIds: ['kcb', 'fgw', 'jxw', 'kw'].map((k) => org.get(k)),
        startsOn: '2019-03-29',
        endsOn: '2020-01-31',
        submissionOpensAt: '2019-03-29T00:00:00.000Z',
        submissionClosesAt: '2019-09-30T15:59:59.000Z',
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
    ...MILESTONES.map((m): Call => ({
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
