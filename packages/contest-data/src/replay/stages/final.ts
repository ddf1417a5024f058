import type { ReplayHost } from '../host';
import { CRITERIA, type ReviewContext, runRound } from './round';

const PANEL_NAMES: Record<'IC' | 'AI' | 'BIOMED', string> = {
  IC: '集成电路与大科学专业组',
  AI: '人工智能专业组',
  BIOMED: '生物医药专业组',
};

/** 终评, 2019-11-21: each professional panel, chaired by an academician, hears its finalists and names the excellent ones (29, 35 and 26 in 2019). */
export const runFinal = (host: ReplayHost, review: ReviewContext): Promise<string> => {
  const { trackId, world, expertId, season } = review;
  return runRound(host, review, {
    name: '终评',
    stage: 'FINAL',
    order: 3,
    date: season.rounds.final,
    settings: {
      reviewersPerEntry: 7,
      criteria: CRITERIA,
      aggregationMethod: 'TRIMMED_MEAN',
      trimMinimum: 5,
      quotaGroups: [
        { code: 'AI', trackIds: [trackId.AI], quota: season.excellent.AI },
        { code: 'BIOMED', trackIds: [trackId.BIOMED], quota: season.excellent.BIOMED },
        { code: 'IC+BIG_SCIENCE', trackIds: [trackId.IC, trackId.BIG_SCIENCE], quota: season.excellent['IC+BIG_SCIENCE'] },
      ],
    },
    panels: (['IC', 'AI', 'BIOMED'] as const).map((track) => {
      const chair = world.experts.find((e) => e.panel === track && e.roles.includes('FINAL_CHAIR'))!;
      const members = world.experts.filter((e) => e.panel === track && e.roles.includes('FINAL_MEMBER'));
      return {
        name: PANEL_NAMES[track],
        trackIds: track === 'IC' ? [trackId.IC, trackId.BIG_SCIENCE] : [trackId[track]],
        chairId: expertId.get(chair.key)!,
        memberIds: [chair, ...members].map((e) => expertId.get(e.key)!),
      };
    }),
  });
};
