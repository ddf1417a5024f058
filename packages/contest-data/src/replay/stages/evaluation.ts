import type { ReplayHost } from '../host';
import { CRITERIA, type ReviewContext, expertIdsFor, runRound } from './round';

/** 第二轮评审, 2019-10-24: five judges score every entry; each industry group sends its quota to the final. */
export const runEvaluation = (host: ReplayHost, review: ReviewContext): Promise<string> => {
  const { scale, trackId } = review;
  return runRound(host, review, {
    name: '第二轮评审',
    stage: 'EVALUATION',
    order: 2,
    date: '2019-10-24',
    settings: {
      reviewersPerEntry: 5,
      criteria: CRITERIA,
      aggregationMethod: 'TRIMMED_MEAN',
      trimMinimum: 5,
      quotaGroups: [
        { code: 'AI', trackIds: [trackId.AI], quota: 68 * scale },
        { code: 'BIOMED', trackIds: [trackId.BIOMED], quota: 68 * scale },
        { code: 'IC+BIG_SCIENCE', trackIds: [trackId.IC, trackId.BIG_SCIENCE], quota: 49 * scale },
      ],
    },
    pool: expertIdsFor(review, 'EVALUATION'),
    load: { min: 30, max: 60 },
    candidates: scale > 1 ? 40 : undefined,
  });
};
