import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ContactInfo, ContactInfoKind } from './contact-info.entity';
import { ContactInfoType } from './contacts.enums';
import { CreateContactInfoKindInput, UpdateContactInfoKindInput } from './contacts.inputs';
import { requireActor, type Context } from '../../core/context';

@Resolver(() => ContactInfo)
export class ContactInfoResolver {
  @FieldResolver(() => ContactInfoKind, { description: 'The kind of the record.' })
  kind(@Root() ci: ContactInfo, @Ctx() ctx: Context) {
    return ctx.loaders.contactInfoKind.load(ci.kindId);
  }

  @Query(() => [ContactInfoKind], { description: 'Kinds of contact information, optionally of one type.' })
  contactInfoKinds(
    @Arg('type', () => ContactInfoType, { nullable: true, description: 'Only kinds of this type; all types by default.' }) type: ContactInfoType | null,
    @Arg('includeMarkedForDeletion', { defaultValue: false, description: 'True: include kinds marked for deletion.' }) includeMarked: boolean,
    @Ctx() ctx: Context,
  ) {
    requireActor(ctx);
    return ctx.services.contactInfo.listKinds(type, includeMarked);
  }

  @Mutation(() => ContactInfoKind, { description: 'Adds a kind of contact information (any user).' })
  createContactInfoKind(@Arg('input', { description: 'What to create.' }) input: CreateContactInfoKindInput, @Ctx() ctx: Context) {
    return ctx.services.contactInfo.createKind(requireActor(ctx), input);
  }

  @Mutation(() => ContactInfoKind, { description: 'Renames or reorders a kind (administrators only).' })
  updateContactInfoKind(@Arg('id', () => ID, { description: 'Id of the contact information kind.' }) id: string, @Arg('input', { description: 'The changes, with the version you read.' }) input: UpdateContactInfoKindInput, @Ctx() ctx: Context) {
    return ctx.services.contactInfo.updateKind(requireActor(ctx), id, input);
  }

  @Mutation(() => ContactInfoKind, { description: 'Marks a kind for deletion: no longer offered (administrators only).' })
  markContactInfoKindForDeletion(@Arg('id', () => ID, { description: 'Id of the contact information kind.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.contactInfo.setKindDeletionMark(requireActor(ctx), id, true);
  }

  @Mutation(() => ContactInfoKind, { description: 'Restores a kind (administrators only).' })
  restoreContactInfoKind(@Arg('id', () => ID, { description: 'Id of the contact information kind.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.contactInfo.setKindDeletionMark(requireActor(ctx), id, false);
  }
}
