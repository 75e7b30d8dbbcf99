import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { User } from './user.entity';
import { CreateUserInput, UpdateUserInput, UserFilter } from './user.inputs';
import { UserConnection } from './auth.types';
import { PageArgs } from '../../core/pagination';
import { requireActor, type Context } from '../../core/context';

@Resolver(() => User)
export class UserResolver {
  @Query(() => UserConnection, { description: 'Users (the colleague directory), by name.' })
  users(@Args() page: PageArgs, @Arg('filter', () => UserFilter, { nullable: true, description: 'Which users to list; deactivated ones only when asked for.' }) filter: UserFilter | null, @Ctx() ctx: Context) {
    return ctx.services.users.list(requireActor(ctx), page.first, page.after, filter ?? {});
  }

  @Query(() => User, { description: 'One user.' })
  user(@Arg('id', () => ID, { description: 'Id of the user.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.users.get(requireActor(ctx), id);
  }

  @Mutation(() => User, { description: 'Creates a user (administrators only).' })
  createUser(@Arg('input', { description: 'What to create.' }) input: CreateUserInput, @Ctx() ctx: Context) {
    return ctx.services.users.create(requireActor(ctx), input);
  }

  @Mutation(() => User, { description: 'Changes a user: role, supervisor, activity (administrators only).' })
  updateUser(@Arg('id', () => ID, { description: 'Id of the user.' }) id: string, @Arg('input', { description: 'The changes, with the version you read.' }) input: UpdateUserInput, @Ctx() ctx: Context) {
    return ctx.services.users.update(requireActor(ctx), id, input);
  }

  @Mutation(() => Boolean, { description: "Sets a user's password and ends their sessions (administrators only)." })
  setUserPassword(@Arg('id', () => ID, { description: 'Id of the user.' }) id: string, @Arg('password', { description: 'The new password, 10 to 200 characters.' }) password: string, @Ctx() ctx: Context) {
    return ctx.services.users.setPassword(requireActor(ctx), id, password);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The supervisor.' })
  supervisor(@Root() user: User, @Ctx() ctx: Context) {
    return user.supervisorId ? ctx.loaders.user.load(user.supervisorId) : null;
  }
}
