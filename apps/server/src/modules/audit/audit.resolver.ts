import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { AuditEntry } from './audit-entry.entity';
import { RecentObject } from './audit.types';
import { User } from '../auth/user.entity';
import { requireActor, type Context } from '../../core/context';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who made the change.' })
  actor(@Root() entry: AuditEntry, @Ctx() ctx: Context) {
    return entry.actorId ? ctx.loaders.user.load(entry.actorId) : null;
  }

  @Query(() => [RecentObject], { description: 'What I created or changed lately, newest first, one row per object I can still see.' })
  recentObjects(@Arg('first', () => Int, { defaultValue: 20, description: 'How many objects, 1 to 100.' }) first: number, @Ctx() ctx: Context) {
    return ctx.services.desktop.recentObjects(requireActor(ctx), first, ctx.loaders);
  }
}
