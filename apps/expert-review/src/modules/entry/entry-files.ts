import { Field, Int, ObjectType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { expertMayOpenEntryFiles, forbidden, hasRole, readsEverything } from '@meritgraph/domain';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Assignment } from '../assignment/assignment.entity';
import type { ReviewFileFacts, SubmissionsApi } from '../references/peers';
import type { RoundService } from '../round/round.service';
import { Entry } from './entry.entity';

@ObjectType({
  description: "A file of the entry's submission, as the caller may open it: under a neutral name for experts in a blind round.",
})
export class EntryFile {
  @Field(() => Int, { description: "Its place among the submission's files." })
  position: number;

  @Field(() => String, {
    description: 'The name to show: the original, or for experts in a blind round the reference and place (2019-AI-0042-附件1.pdf).',
  })
  fileName: string;

  @Field(() => String, { description: 'Its media type.' })
  contentType: string;

  @Field(() => Int, { description: 'Bytes.' })
  size: number;

  @Field(() => String, { description: 'SHA-256 of the bytes, hex.' })
  sha256: string;

  @Field(() => String, {
    nullable: true,
    description: "A signed URL on the graph's host that downloads it under fileName, good for minutes; null for analysts.",
  })
  downloadUrl: string | null;
}

/**
 * Who opens an entry's files: the office (under their names), analysts (that they exist), and
 * an expert assigned to the entry while its round is open (under neutral names in a blind
 * round). The files themselves, and their signed URLs, come from submissions.
 */
export class EntryFilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundService,
    private readonly submissions: SubmissionsApi,
  ) {}

  /** The caller's own assignment to each entry asked for in the request, in one query. */
  private ownAssignment(ctx: RequestContext, entryId: string): Promise<Assignment | null> {
    const expertId = ctx.identity.expert;
    if (!expertId) return Promise.resolve(null);
    return ctx.loaders
      .one<string, Assignment>(
        'Entry.ownAssignment',
        (ids) => this.dataSource.manager.findBy(Assignment, { entryId: In(ids), expertId }),
        (a) => a.entryId,
      )
      .load(entryId);
  }

  /** The files of every submission asked for in the request, one call to submissions per naming. */
  private files(ctx: RequestContext, submissionId: string, blind: boolean): Promise<ReviewFileFacts[]> {
    return ctx.loaders
      .many<string, ReviewFileFacts>(
        `Entry.files.${blind ? 'neutral' : 'named'}`,
        (ids) => this.submissions.reviewFiles(ids, blind),
        (f) => f.submissionId,
      )
      .load(submissionId);
  }

  async of(ctx: RequestContext, entry: Entry): Promise<EntryFile[]> {
    const { identity } = ctx;
    if (readsEverything(identity)) {
      const files = await this.files(ctx, entry.submissionId, false);
      return hasRole(identity, 'ADMIN') ? files : files.map((f) => ({ ...f, downloadUrl: null }));
    }
    const [round, assignment] = await Promise.all([this.rounds.find(ctx, entry.roundId), this.ownAssignment(ctx, entry.id)]);
    if (!round || !expertMayOpenEntryFiles(assignment, round.status)) throw forbidden('attachments');
    return this.files(ctx, entry.submissionId, round.blind);
  }
}
