import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { type RequestContext, withRange } from '@meritgraph/subgraph-kit';
import { PriorHonor } from './prior.entity';
import type { EvidenceService } from './evidence.service';

@InputType({ description: "A prior honor's proof (a certificate's scan) to upload, as its uploader declares it before sending a byte." })
export class EvidenceUploadInput {
  @Field(() => ID, { description: 'The prior honor it proves; an unverified one.' })
  priorHonorId: string;

  @Field(() => String, { description: 'The file name, 1 to 200 characters, without / or \\; its extension must fit the type.' })
  fileName: string;

  @Field(() => String, { description: 'The media type: PDF, PNG, JPEG, GIF, WebP, or a Word, Excel or PowerPoint document.' })
  contentType: string;

  @Field(() => Int, {
    description: withRange('Bytes; the upload must send exactly this many, at most FILES_MAX_BYTES (50 MB).', 1, 2147483647),
  })
  size: number;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 of the content, 64 lower-case hex digits; checked against the bytes when given.',
  })
  sha256?: string | null;
}

@ObjectType({ description: "Where and how to send a prior honor's proof: one PUT of its bytes to the URL before it expires." })
export class EvidenceUploadTicket {
  @Field(() => String, { description: "The signed URL on the graph's host, e.g. /files/honors/upload/…; good for one upload." })
  uploadUrl: string;

  @Field(() => String, { description: 'The HTTP method: PUT, with the bytes as the body.' })
  method: string;

  @Field(() => String, { description: 'The Content-Type the PUT must send: the declared type.' })
  contentType: string;

  @Field(() => Date, { description: 'When the URL stops working.' })
  expiresAt: Date;

  @Field(() => Int, { description: 'The largest file accepted, in bytes.' })
  maxBytes: number;
}

@ObjectType({ description: "A prior honor's proof as a file." })
export class EvidenceFile {
  @Field(() => String, { description: 'The name it was uploaded under.' })
  fileName: string;

  @Field(() => String, { description: 'Its media type.' })
  contentType: string;

  @Field(() => Int, { description: 'Bytes, as the server counted them.' })
  size: number;

  @Field(() => String, { description: 'SHA-256 of the bytes, hex, as the server computed it.' })
  sha256: string;

  @Field(() => Date, { description: 'When it was uploaded (UTC).' })
  uploadedAt: Date;

  @Field(() => String, {
    nullable: true,
    description: "A signed download URL on the graph's host, good for minutes: for the office and the achievement's unit, else null.",
  })
  downloadUrl: string | null;
}

@Resolver(() => PriorHonor)
export class PriorHonorEvidenceResolver {
  constructor(private readonly service: EvidenceService) {}

  @FieldResolver(() => EvidenceFile, { nullable: true, description: 'The proof as a file, once uploaded.' })
  evidenceFile(@Root() prior: PriorHonor, @Ctx() ctx: RequestContext) {
    return this.service.view(ctx, prior);
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => EvidenceUploadTicket, {
    description:
      "A signed URL to PUT a prior honor's proof to (the office, or the achievement's own unit), replacing the one before; a verified honor's proof is fixed (ATTACHMENT_LOCKED). The declaration and the upload are refused as createAttachmentUpload's are.",
  })
  createPriorHonorEvidenceUpload(
    @Arg('input', () => EvidenceUploadInput, { description: 'The file to upload.' }) input: EvidenceUploadInput,
    @Ctx() ctx: RequestContext,
  ) {
    return this.service.createUpload(ctx.identity, input);
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => PriorHonor, { description: "Removes an unverified prior honor's proof file and its stored bytes." })
  removePriorHonorEvidence(
    @Arg('priorHonorId', () => ID, { description: 'The prior honor.' }) priorHonorId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PriorHonor> {
    return this.service.remove(ctx.identity, priorHonorId);
  }
}
