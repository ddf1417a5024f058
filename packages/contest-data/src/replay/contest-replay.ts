import { type ReplayHost, at } from './host';
import { beginReview, closeContest, createContest, trackIds } from './stages/contest';
import { runChecks } from './stages/endorsement';
import { enrol } from './stages/enrolment';
import { runEvaluation } from './stages/evaluation';
import { createExperts } from './stages/experts';
import { runFinal } from './stages/final';
import { type HonorsPlan, runHonors } from './stages/honors';
import { publishFinalists, publishLaunchNotice, publishRules } from './stages/notices';
import { createOrganizations, createPeople } from './stages/organizations';
import { evaluateOrganizers, recordPriorHonors } from './stages/prior-honors';
import type { ReviewContext } from './stages/round';
import { runScreening } from './stages/screening';
import { draftSubmissions, submitAll } from './stages/submissions';
import type { Season } from './season';
import type { Step } from './steps';
import { type OrgPlan, type PersonPlan, TRACKS, type World } from './world';

/**
 * One contest, start to finish, through the gateway's public API as its actors live it: the
 * office registers who is new and sets the contest up, unions enrol their units, units
 * submit, experts screen, evaluate and judge the final, the office advances entries by the
 * rules and the honors go through nomination, proposal, announcement and conferral. The 2019
 * contest and every later one go through the same steps, each on the days of its season.
 */

/** The platform's ids of the world's organizations, people and experts, by key; each contest adds its own. */
export interface Registry {
  orgId: Map<string, string>;
  personId: Map<string, string>;
  expertId: Map<string, string>;
}

export interface ContestPlan {
  season: Season;
  /** What the contest draws on: every organization and person so far, the expert pool, this year's achievements. */
  world: World;
  /** What the office registers for it: every organization and person in 2019, those new to the platform later. */
  newOrgs: readonly OrgPlan[];
  newPeople: readonly PersonPlan[];
  scale: number;
  seed: number;
  step: Step;
}

export interface ContestRun {
  contestId: string;
  /** The registry, with this contest's organizations, people and experts added. */
  registry: Registry;
}

export async function replayContest(host: ReplayHost, plan: ContestPlan, before?: Registry): Promise<ContestRun> {
  const { season, world, scale, step } = plan;
  const admin = host.gateway;
  host.setNow(at(season.clock.setup));
  const orgId = await step('organizations', async () => ({
    count: plan.newOrgs.length,
    value: await createOrganizations(admin, plan.newOrgs, before?.orgId),
  }));
  const contestId = await step('contest, tracks and milestones', async () => ({
    count: 1 + TRACKS.length + season.milestones.length,
    value: await createContest(admin, orgId, season),
  }));
  await step('the launch notice (通知)', async () => ({ count: 1, value: await publishLaunchNotice(admin, contestId, season) }));
  const trackId = await trackIds(admin, contestId);
  const personId = await step('people', async () => ({
    count: plan.newPeople.length,
    value: new Map([...(before?.personId ?? []), ...(await createPeople(admin, plan.newPeople, orgId))]),
  }));

  host.setNow(at(season.clock.enrolment));
  await step('the application rules (规则) and guide', async () => ({ count: 1, value: await publishRules(admin, contestId, season) }));
  await step('enrolments by the mobilizing unions', async () => ({ count: await enrol(host, world, orgId, contestId), value: null }));
  const submissionId = await step('drafts by the units', async () => ({
    count: world.submissions.length,
    value: await draftSubmissions(host, world, orgId, personId, trackId, contestId, season),
  }));
  await step('submissions, April to September', async () => ({
    count: await submitAll(host, world, orgId, submissionId, season),
    value: null,
  }));
  await step('endorsed by the unions, checked for form by the office', async () => ({
    count: (await runChecks(host, world, orgId, submissionId, season, plan.seed)).accepted,
    value: null,
  }));

  host.setNow(at(season.clock.review));
  await beginReview(admin, contestId);
  // The expert pool (百人评审专家库) is built once, in 2019; later contests draw on it again.
  const expertId =
    before?.expertId ??
    (await step('expert pool (百人评审专家库)', async () => ({
      count: world.experts.length,
      value: await createExperts(admin, world, personId, orgId),
    })));

  const review: ReviewContext = {
    contestId,
    world,
    season,
    scale,
    trackId,
    expertId,
    bySubmissionId: new Map(world.submissions.map((s) => [submissionId.get(s.key)!, s])),
    // 2019's scores come from the seed and the scale; a later year's from its own stream besides.
    seed: plan.seed * 7919 + scale + (season.year - 2019) * 104_729,
    step,
  };
  await runScreening(host, review);
  const evaluationRoundId = await runEvaluation(host, review);
  await step('the finalists (结果)', async () => ({
    count: 1,
    value: await publishFinalists(admin, contestId, season, evaluationRoundId),
  }));
  const finalRoundId = await runFinal(host, review);

  const honors: HonorsPlan = { contestId, finalRoundId, world, season, scale, orgId, personId, submissionId, step };
  const excellent = await recordPriorHonors(host, honors);
  const ranking = await evaluateOrganizers(host, honors);
  await runHonors(host, honors, { excellent, ranking });
  host.setNow(at(season.clock.closed));
  await step('contest closed after the ceremony', async () => ({ count: 1, value: await closeContest(admin, contestId) }));
  return { contestId, registry: { orgId, personId, expertId } };
}
