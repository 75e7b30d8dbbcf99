import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ObjectRef } from './activities.types';
import type { Context } from '../../core/context';

@Resolver(() => ObjectRef)
export class ObjectRefResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Its title (number and subject, name); null when I may not see it.' })
  title(@Root() ref: ObjectRef, @Ctx() ctx: Context) {
    return ctx.loaders.objectTitle.load(`${ref.type}:${ref.id}`);
  }
}
