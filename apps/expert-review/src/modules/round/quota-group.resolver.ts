import { FieldResolver, Resolver, Root } from 'type-graphql';
import { TrackRef } from '../references/references';
import { QuotaGroup } from './round.entity';

@Resolver(() => QuotaGroup)
export class QuotaGroupResolver {
  @FieldResolver(() => [TrackRef], { description: 'The tracks ranked together in the group.' })
  tracks(@Root() group: QuotaGroup): TrackRef[] {
    return group.trackIds.map((id) => ({ id }));
  }
}
