import { In } from 'typeorm';
import { changeFeed } from '@meritgraph/subgraph-kit';
import { Assignment } from './modules/assignment/assignment.entity';
import { Entry } from './modules/entry/entry.entity';
import { Expert } from './modules/expert/expert.entity';
import { Panel, PanelMember } from './modules/panel/panel.entity';
import { RoundResult } from './modules/result/result.entity';
import { ReviewRound } from './modules/round/round.entity';
import { Scorecard } from './modules/scorecard/scorecard.entity';

/** A result as the feed carries it with its entry: the figures and the outcome. */
const resultState = (r: RoundResult) => ({
  groupCode: r.groupCode,
  scorecardCount: r.scorecardCount,
  mean: r.mean,
  trimmedMean: r.trimmedMean,
  median: r.median,
  normalized: r.normalized,
  aggregate: r.aggregate,
  rank: r.rank,
  outcome: r.outcome,
  overridden: r.override !== null,
});

/**
 * What the change feed carries of each record: rounds, entries with their frozen results,
 * assignments and scorecards (scores, never comments), experts and panels with their members.
 */
export const feed = changeFeed({
  ReviewRound: {
    entity: ReviewRound,
    state: (r: ReviewRound) => ({
      id: r.id,
      contestId: r.contestId,
      name: r.name,
      stage: r.stage,
      roundOrder: r.roundOrder,
      status: r.status,
      blind: r.blind,
      reviewDate: r.reviewDate,
      reviewersPerEntry: r.reviewersPerEntry,
      aggregationMethod: r.aggregationMethod,
      publishedAt: r.publishedAt,
    }),
  },
  Entry: {
    entity: Entry,
    load: async (em, ids) => {
      const entries = await em.findBy(Entry, { id: In([...ids]) });
      const results = new Map((await em.findBy(RoundResult, { entryId: In([...ids]) })).map((r) => [r.entryId, r]));
      return new Map(
        entries.map((e) => {
          const result = results.get(e.id);
          const state = {
            id: e.id,
            roundId: e.roundId,
            submissionId: e.submissionId,
            organizationId: e.organizationId,
            trackId: e.trackId,
            trackCode: e.trackCode,
            state: e.state,
            submittedAt: e.submittedAt,
            takenAt: e.takenAt,
            result: result ? resultState(result) : null,
          };
          return [e.id, state];
        }),
      );
    },
  },
  Expert: {
    entity: Expert,
    state: (x: Expert) => ({
      id: x.id,
      personId: x.personId,
      affiliationId: x.affiliationId,
      title: x.title,
      expertise: x.expertise,
      active: x.active,
    }),
  },
  Panel: {
    entity: Panel,
    load: async (em, ids) => {
      const panels = await em.findBy(Panel, { id: In([...ids]) });
      const members = await em.find(PanelMember, { where: { panelId: In([...ids]) }, order: { position: 'ASC' } });
      return new Map(
        panels.map((p) => [
          p.id,
          {
            id: p.id,
            roundId: p.roundId,
            name: p.name,
            trackIds: p.trackIds,
            chairId: p.chairId,
            memberIds: members.filter((m) => m.panelId === p.id).map((m) => m.expertId),
          },
        ]),
      );
    },
  },
  Assignment: {
    entity: Assignment,
    state: ({ note: _note, ...assignment }: Assignment) => assignment,
  },
  Scorecard: {
    entity: Scorecard,
    state: ({ comment: _comment, ...card }: Scorecard) => card,
  },
});
