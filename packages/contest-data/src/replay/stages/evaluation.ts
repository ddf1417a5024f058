import type { ReplayHost } from '../host';
import { CRITERIA, type ReviewContext, expertIdsFor, runRound } from './round';

/** 第二轮评审, 2019-10-24: five judges score every entry; each industry group sends its quota to the final (68, 68 and 49 in 2019). */
export const runEvaluation = (host: ReplayHost, review: ReviewContext): Promise<string> => {
  const { scale, trackId, season } = review;
  return runRound(host, review, {
    name: '第二轮评审',
    stage: 'EVALUATION',
    order: 2,
    date: season.rounds.evaluation,
    settings: {
      reviewersPerEntry: 5,
      criteria: CRITERIA,
      aggregationMethod: 'TRIMMED_MEAN',
      trimMinimum: 5,
      quotaGroups: [
        { code: 'AI', trackIds: [trackId.AI], quota: season.finalists.AI },
        { code: 'BIOMED', trackIds: [trackId.BIOMED], quota: season.finalists.BIOMED },
        { code: 'IC+BIG_SCIENCE', trackIds: [trackId.IC, trackId.BIG_SCIENCE], quota: season.finalists['IC+BIG_SCIENCE'] },
      ],
    },
    pool: expertIdsFor(review, 'EVALUATION'),
    load: { min: 30, max: 60 },
    candidates: scale > 1 ? 40 : undefined,
  });
};
