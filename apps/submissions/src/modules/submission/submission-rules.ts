/** The rules every draft is held to, whichever lifecycle step judges it: its content, its contest, its unit and people. */
import { ACHIEVEMENT_KINDS, DomainError, InvalidInput, check, contentProblems, notFound } from '@meritgraph/domain';
import { type ContestFacts, type OrganizationFacts as BatchFacts, enrolmentKey } from '../references/organizations-api';
import { type SubmissionContentInput, peopleOf } from './submission-batch';

/** The content's own rules, each problem naming its field (BAD_USER_INPUT); the title is required when creating. */
export function validateContent(input: SubmissionContentInput & { title?: string | null }, creating: boolean) {
  const checker = check(input)
    .text('title', { min: 4, max: 200, optional: !creating })
    .text('summary', { max: 5000, optional: true, multiline: true })
    .oneOf('achievementKind', ACHIEVEMENT_KINDS, { optional: true })
    .text('applicationEffect', { max: 5000, optional: true, multiline: true })
    .rule('teamMemberIds', (v) => (Array.isArray(v) && v.length > 30 ? 'at most 30 members' : null), { optional: true })
    .rule('metrics', (v) => (Array.isArray(v) && v.length > 20 ? 'at most 20 metrics' : null), { optional: true });
  for (const p of contentProblems(input)) checker.problem(p.field, p.message);
  checker.done();
}

/** The contest as organizations has it; NOT_FOUND naming contestId when it does not exist. */
export function contestOf(facts: Pick<BatchFacts, 'contests'>, contestId: string): ContestFacts {
  const contest = facts.contests.get(contestId);
  if (!contest) throw notFound('Contest', contestId, 'contestId');
  return contest;
}

/** The rules that hold for any draft: a track of the contest, an enrolled unit, its own people. */
export function assertFacts(facts: BatchFacts, contest: ContestFacts, organizationId: string, content: SubmissionContentInput) {
  if (content.trackId && !contest.tracks.some((t) => t.id === content.trackId)) {
    throw new DomainError('TRACK_NOT_IN_CONTEST', 'The track is not one of the contest’s tracks', 'trackId');
  }
  if (!facts.enrolled.has(enrolmentKey(contest.id, organizationId))) {
    throw new DomainError('NOT_ENROLLED', 'The organization is not enrolled in this contest', 'organizationId');
  }
  for (const id of peopleOf(content)) {
    const field = id === content.leaderId ? 'leaderId' : 'teamMemberIds';
    const person = facts.people.get(id);
    if (!person) throw notFound('Person', id, field);
    if (!person.organizationLine.includes(organizationId)) {
      throw new InvalidInput([{ field, message: 'must be a person of the submitting organization or of a unit below it' }]);
    }
  }
}
