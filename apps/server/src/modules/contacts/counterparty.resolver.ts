import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Counterparty, CounterpartyGroup } from './counterparty.entity';
import { ContactInfo } from './contact-info.entity';
import { ContactPerson } from './contact-person.entity';
import { ContactInfoType } from './contacts.enums';
import { CounterpartyFilter, CounterpartyOrder, CreateCounterpartyGroupInput, CreateCounterpartyInput, DuplicateCheckInput, UpdateCounterpartyGroupInput, UpdateCounterpartyInput } from './contacts.inputs';
import { CounterpartyConnection, DuplicateMatch, ViewerCan } from './contacts.types';
import { User } from '../auth/user.entity';
import { AuditEntryConnection } from '../audit/audit.types';
import { PageArgs } from '../../core/pagination';
import { requireActor, type Context } from '../../core/context';
import type { DuplicateMatch as DuplicateRow } from './counterparty.service';

/** Reveals a duplicate's name only when the viewer may read it; the responsible is shown either way. */
async function presentDuplicates(rows: DuplicateRow[], ctx: Context) {
  return Promise.all(
    rows.map(async (r) => ({
      matchedOn: r.matchedOn,
      value: r.value,
      counterparty: await ctx.loaders.counterparty.load(r.counterpartyId),
      responsible: await ctx.loaders.user.load(r.responsibleId),
    })),
  );
}

const firstOfType = (list: ContactInfo[], type: ContactInfoType) => list.find((ci) => ci.type === type)?.value ?? null;

@Resolver(() => Counterparty)
export class CounterpartyResolver {
  @Query(() => CounterpartyConnection, { description: 'Counterparties in my scope, one page at a time.' })
  async counterparties(
    @Args() page: PageArgs,
    @Arg('filter', () => CounterpartyFilter, { nullable: true, description: 'Which counterparties to list; those not marked for deletion by default.' }) filter: CounterpartyFilter | null,
    @Arg('orderBy', () => CounterpartyOrder, { nullable: true, description: 'Sort order; by name ascending by default.' }) orderBy: CounterpartyOrder | null,
    @Ctx() ctx: Context,
  ) {
    const list = await ctx.services.counterparties.list(requireActor(ctx), page.first, page.after, filter ?? {}, orderBy);
    for (const [id, records] of list.contactInfo) ctx.loaders.contactInfoOfCounterparty.prime(id, records);
    return list;
  }

  @Query(() => Counterparty, { description: 'One counterparty; NOT_FOUND when it does not exist or is outside my scope.' })
  async counterparty(@Arg('id', () => ID, { description: 'Id of the counterparty.' }) id: string, @Ctx() ctx: Context) {
    const { counterparty, contactInfo } = await ctx.services.counterparties.getWithContactInfo(requireActor(ctx), id);
    ctx.loaders.contactInfoOfCounterparty.prime(counterparty.id, contactInfo);
    return counterparty;
  }

  @Query(() => [DuplicateMatch], { description: 'Likely duplicates of the given INN, phones and e-mails (call while a form is filled).' })
  async counterpartyDuplicates(@Arg('input', { description: 'The INN and contact information to look for.' }) input: DuplicateCheckInput, @Ctx() ctx: Context) {
    requireActor(ctx);
    return presentDuplicates(await ctx.services.counterparties.duplicates(input), ctx);
  }

  @Mutation(() => Counterparty, { description: 'Creates a counterparty with its contact information.' })
  createCounterparty(@Arg('input', { description: 'What to create.' }) input: CreateCounterpartyInput, @Ctx() ctx: Context) {
    return ctx.services.counterparties.create(requireActor(ctx), input);
  }

  @Mutation(() => Counterparty, { description: 'Changes a counterparty; CONFLICT when `version` is stale.' })
  updateCounterparty(@Arg('id', () => ID, { description: 'Id of the counterparty.' }) id: string, @Arg('input', { description: 'The changes, with the version you read.' }) input: UpdateCounterpartyInput, @Ctx() ctx: Context) {
    return ctx.services.counterparties.update(requireActor(ctx), id, input);
  }

  @Mutation(() => Counterparty, { description: 'Marks a counterparty for deletion (hidden from lists, restorable).' })
  markCounterpartyForDeletion(@Arg('id', () => ID, { description: 'Id of the counterparty.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.counterparties.setDeletionMark(requireActor(ctx), id, true);
  }

  @Mutation(() => Counterparty, { description: 'Removes the deletion mark.' })
  restoreCounterparty(@Arg('id', () => ID, { description: 'Id of the counterparty.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.counterparties.setDeletionMark(requireActor(ctx), id, false);
  }

  @Query(() => [CounterpartyGroup], { description: 'All counterparty groups (a small tree: build it from `parentId`), by name.' })
  counterpartyGroups(@Arg('includeDeleted', { defaultValue: false, description: 'True: include groups marked for deletion.' }) includeDeleted: boolean, @Ctx() ctx: Context) {
    requireActor(ctx);
    return ctx.services.counterparties.listGroups(includeDeleted);
  }

  @Mutation(() => CounterpartyGroup, { description: 'Creates a counterparty group (any user; its parent must exist and not be marked for deletion).' })
  createCounterpartyGroup(@Arg('input', { description: 'What to create.' }) input: CreateCounterpartyGroupInput, @Ctx() ctx: Context) {
    return ctx.services.counterparties.groups.create(requireActor(ctx), input);
  }

  @Mutation(() => CounterpartyGroup, { description: 'Renames or moves a counterparty group (supervisor or administrator); CONFLICT when `version` is stale.' })
  updateCounterpartyGroup(
    @Arg('id', () => ID, { description: 'Id of the counterparty group.' }) id: string,
    @Arg('input', { description: 'The changes, with the version you read.' }) input: UpdateCounterpartyGroupInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.counterparties.groups.update(requireActor(ctx), id, input);
  }

  @Mutation(() => CounterpartyGroup, { description: 'Marks a counterparty group for deletion (true) or restores it (false); supervisor or administrator.' })
  setCounterpartyGroupDeletionMark(
    @Arg('id', () => ID, { description: 'Id of the counterparty group.' }) id: string,
    @Arg('deletionMark', { description: 'True to mark, false to restore.' }) mark: boolean,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.counterparties.groups.setDeletionMark(requireActor(ctx), id, mark);
  }

  @Mutation(() => ID, {
    description: 'Deletes an empty counterparty group (no counterparties, no subgroups) for good; returns its id. CONFLICT GROUP_IN_USE otherwise.',
  })
  deleteCounterpartyGroup(@Arg('id', () => ID, { description: 'Id of the counterparty group.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.counterparties.groups.delete(requireActor(ctx), id);
  }

  @FieldResolver(() => [ContactInfo], { description: 'Contact information, in its order.' })
  contactInfo(@Root() c: Counterparty, @Ctx() ctx: Context) {
    return ctx.loaders.contactInfoOfCounterparty.load(c.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The first phone.' })
  async mainPhone(@Root() c: Counterparty, @Ctx() ctx: Context) {
    return firstOfType(await ctx.loaders.contactInfoOfCounterparty.load(c.id), ContactInfoType.PHONE);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The first e-mail.' })
  async mainEmail(@Root() c: Counterparty, @Ctx() ctx: Context) {
    return firstOfType(await ctx.loaders.contactInfoOfCounterparty.load(c.id), ContactInfoType.EMAIL);
  }

  @FieldResolver(() => [ContactPerson], { description: 'Its contact persons (not marked for deletion).' })
  contactPersons(@Root() c: Counterparty, @Ctx() ctx: Context) {
    return ctx.loaders.contactPersonsOfCounterparty.load(c.id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The responsible manager.' })
  responsible(@Root() c: Counterparty, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(c.responsibleId);
  }

  @FieldResolver(() => CounterpartyGroup, { nullable: true, description: 'Its group.' })
  group(@Root() c: Counterparty, @Ctx() ctx: Context) {
    return c.groupId ? ctx.loaders.counterpartyGroup.load(c.groupId) : null;
  }

  @FieldResolver(() => ViewerCan, { description: 'What I may do with it.' })
  viewerCan(@Root() c: Counterparty, @Ctx() ctx: Context) {
    return ctx.services.counterparties.viewerCan(requireActor(ctx), c);
  }

  @FieldResolver(() => AuditEntryConnection, { description: 'Its change history, newest first.' })
  async history(@Root() c: Counterparty, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.audit.historyPage('Counterparty', c.id, page.first, page.after);
  }

  @FieldResolver(() => [DuplicateMatch], { description: 'Other counterparties sharing its INN, a phone or an e-mail.' })
  async possibleDuplicates(@Root() c: Counterparty, @Ctx() ctx: Context) {
    const contactInfo = await ctx.loaders.contactInfoOfCounterparty.load(c.id);
    const rows = await ctx.services.counterparties.duplicates({
      inn: c.inn ?? undefined,
      contactInfo: contactInfo.map((ci) => ({ type: ci.type, kindId: ci.kindId, value: ci.normalized })),
      excludeId: c.id,
    });
    return presentDuplicates(rows, ctx);
  }
}
