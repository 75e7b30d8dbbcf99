import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Locale, User } from './user.entity';
import { ApiToken } from './api-token.entity';
import { ChangePasswordInput, CreateApiTokenInput, LoginInput } from './user.inputs';
import { CreateApiTokenPayload, LoginPayload } from './auth.types';
import { requireActor, type Context } from '../../core/context';

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, { description: 'Signs in and sets the httpOnly session cookie.' })
  async login(@Arg('input', { description: 'E-mail and password.' }) input: LoginInput, @Ctx() ctx: Context): Promise<LoginPayload> {
    const { user, token } = await ctx.services.auth.login(input.email, input.password, { ip: ctx.ip, userAgent: ctx.userAgent });
    ctx.setSessionCookie(token);
    return { user };
  }

  @Mutation(() => Boolean, { description: 'Ends this browser session.' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    const ended = await ctx.services.auth.logout(ctx.actor);
    ctx.setSessionCookie(null);
    return ended;
  }

  @Query(() => User, { nullable: true, description: 'The signed-in user, or null when not signed in.' })
  me(@Ctx() ctx: Context) {
    return ctx.actor ? ctx.services.users.get(ctx.actor, ctx.actor.id) : null;
  }

  @Mutation(() => User, { description: 'Sets my interface language.' })
  setMyLocale(@Arg('locale', () => Locale, { description: 'The interface language.' }) locale: Locale, @Ctx() ctx: Context) {
    return ctx.services.users.setMyLocale(requireActor(ctx), locale);
  }

  @Mutation(() => User, { description: 'Sets my time zone (an IANA name such as Europe/Moscow).' })
  setMyTimeZone(@Arg('timeZone', { description: 'An IANA time zone name such as Europe/Moscow.' }) timeZone: string, @Ctx() ctx: Context) {
    return ctx.services.users.setMyTimeZone(requireActor(ctx), timeZone);
  }

  @Mutation(() => Boolean, { description: 'Changes my password and signs out my other sessions.' })
  changePassword(@Arg('input', { description: 'The current password and the new one.' }) input: ChangePasswordInput, @Ctx() ctx: Context) {
    return ctx.services.auth.changePassword(requireActor(ctx), input.currentPassword, input.newPassword);
  }

  @Mutation(() => CreateApiTokenPayload, { description: 'Creates a personal API token carrying my rights; the token is returned only here.' })
  createApiToken(@Arg('input', { description: 'What the token is for.' }) input: CreateApiTokenInput, @Ctx() ctx: Context) {
    return ctx.services.auth.createApiToken(requireActor(ctx), input.name);
  }

  @Query(() => [ApiToken], { description: 'My API tokens (an administrator sees all).' })
  apiTokens(@Ctx() ctx: Context) {
    return ctx.services.auth.listApiTokens(requireActor(ctx));
  }

  @Mutation(() => ApiToken, { description: 'Revokes an API token at once.' })
  revokeApiToken(@Arg('id', () => ID, { description: 'Id of the API token (one of mine; any for an administrator).' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.auth.revokeApiToken(requireActor(ctx), id);
  }
}
