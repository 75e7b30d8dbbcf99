import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ContactPerson, personFullName } from './contact-person.entity';
import { Counterparty } from './counterparty.entity';
import { ContactInfo } from './contact-info.entity';
import { ContactInfoType } from './contacts.enums';
import { ContactPersonFilter, ContactPersonOrder, CreateContactPersonInput, UpdateContactPersonInput } from './contacts.inputs';
import { ContactPersonConnection, ViewerCan } from './contacts.types';
import { User } from '../auth/user.entity';
import { AuditEntryConnection } from '../audit/audit.types';
import { PageArgs } from '../../core/pagination';
import { requireActor, type Context } from '../../core/context';

@Resolver(() => ContactPerson)
export class ContactPersonResolver {
  @Query(() => ContactPersonConnection, { description: 'Contact persons in my scope, by name.' })
  contactPersons(
    @Args() page: PageArgs,
    @Arg('filter', () => ContactPersonFilter, { nullable: true, description: 'Which contact persons to list; those not marked for deletion by default.' }) filter: ContactPersonFilter | null,
    @Arg('orderBy', () => ContactPersonOrder, { nullable: true, description: 'Sort order; by name ascending by default.' }) orderBy: ContactPersonOrder | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.contactPersons.list(requireActor(ctx), page.first, page.after, filter ?? {}, orderBy);
  }

  @Query(() => ContactPerson, { description: 'One contact person; NOT_FOUND when missing or outside my scope.' })
  contactPerson(@Arg('id', () => ID, { description: 'Id of the contact person.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.contactPersons.get(requireActor(ctx), id);
  }

  @Mutation(() => ContactPerson, { description: 'Creates a contact person, of a counterparty or on their own.' })
  createContactPerson(@Arg('input', { description: 'What to create.' }) input: CreateContactPersonInput, @Ctx() ctx: Context) {
    return ctx.services.contactPersons.create(requireActor(ctx), input);
  }

  @Mutation(() => ContactPerson, { description: 'Changes a contact person; CONFLICT when `version` is stale.' })
  updateContactPerson(@Arg('id', () => ID, { description: 'Id of the contact person.' }) id: string, @Arg('input', { description: 'The changes, with the version you read.' }) input: UpdateContactPersonInput, @Ctx() ctx: Context) {
    return ctx.services.contactPersons.update(requireActor(ctx), id, input);
  }

  @Mutation(() => ContactPerson, { description: 'Marks a contact person for deletion.' })
  markContactPersonForDeletion(@Arg('id', () => ID, { description: 'Id of the contact person.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.contactPersons.setDeletionMark(requireActor(ctx), id, true);
  }

  @Mutation(() => ContactPerson, { description: 'Removes the deletion mark.' })
  restoreContactPerson(@Arg('id', () => ID, { description: 'Id of the contact person.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.contactPersons.setDeletionMark(requireActor(ctx), id, false);
  }

  @FieldResolver(() => String, { description: 'Last, first and middle name.' })
  fullName(@Root() p: ContactPerson) {
    return personFullName(p);
  }

  @FieldResolver(() => Counterparty, { nullable: true, description: 'The counterparty the person belongs to.' })
  counterparty(@Root() p: ContactPerson, @Ctx() ctx: Context) {
    return p.counterpartyId ? ctx.loaders.counterparty.load(p.counterpartyId) : null;
  }

  @FieldResolver(() => [ContactInfo], { description: 'Contact information.' })
  contactInfo(@Root() p: ContactPerson, @Ctx() ctx: Context) {
    return ctx.loaders.contactInfoOfPerson.load(p.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The first phone.' })
  async mainPhone(@Root() p: ContactPerson, @Ctx() ctx: Context) {
    return (await ctx.loaders.contactInfoOfPerson.load(p.id)).find((ci) => ci.type === ContactInfoType.PHONE)?.value ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The first e-mail.' })
  async mainEmail(@Root() p: ContactPerson, @Ctx() ctx: Context) {
    return (await ctx.loaders.contactInfoOfPerson.load(p.id)).find((ci) => ci.type === ContactInfoType.EMAIL)?.value ?? null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Responsible user.' })
  responsible(@Root() p: ContactPerson, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(p.responsibleId);
  }

  @FieldResolver(() => ViewerCan, { description: 'What I may do with the person.' })
  async viewerCan(@Root() p: ContactPerson, @Ctx() ctx: Context) {
    const owner = p.counterpartyId ? await ctx.loaders.counterparty.load(p.counterpartyId) : null;
    return ctx.services.contactPersons.viewerCan(requireActor(ctx), p, owner?.responsibleId ?? p.responsibleId);
  }

  @FieldResolver(() => AuditEntryConnection, { description: 'Change history, newest first.' })
  history(@Root() p: ContactPerson, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.audit.historyPage('ContactPerson', p.id, page.first, page.after);
  }
}
