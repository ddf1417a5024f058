import type { ReplayHost } from '../host';
import { type ReviewContext, expertIdsFor, runRound } from './round';

/** 初审, 2019-10-09: three screening experts per entry judge its relevance to the three industries. */
export const runScreening = (host: ReplayHost, review: ReviewContext): Promise<string> =>
  runRound(host, review, {
    name: '初审',
    stage: 'SCREENING',
    order: 1,
    date: review.season.rounds.screening,
    settings: { reviewersPerEntry: 3, criteria: [{ code: 'RELEVANCE', name: '与三大产业的关联度', weight: 1, maxScore: 10 }] },
    // Naming thousands of experts would not fit one request: at large scales screening draws on the whole active pool.
    pool: review.scale > 10 ? undefined : expertIdsFor(review, 'SCREENING'),
    candidates: review.scale > 1 ? 40 : undefined,
  });
