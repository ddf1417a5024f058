import { FieldResolver, Resolver, Root } from 'type-graphql';
import { TrackRef } from '../references/references';
import { QuotaGroup } from './round.entity';

@Resolver(() => QuotaGroup)
export class QuotaGroupResolver {
  @FieldResolver(() => [TrackRef])
  tracks(@Root() group: QuotaGroup): TrackRef[] {
    return group.trackIds.map((id) => ({ id }));
  }
}
