import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BankAccount, Organization } from './organization.entity';
import { CreateBankAccountInput, CreateOrganizationInput, UpdateBankAccountInput, UpdateOrganizationInput } from './catalog.inputs';
import { CatalogViewerCan } from './catalog.types';
import { requireActor, type Context } from '../../../core/context';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => [Organization], { description: 'Our organizations (a handful), the default first.' })
  organizations(@Arg('includeDeleted', { defaultValue: false, description: 'True: include those marked for deletion.' }) includeDeleted: boolean, @Ctx() ctx: Context) {
    requireActor(ctx);
    return ctx.services.organizations.list(includeDeleted);
  }

  @Query(() => Organization, { description: 'One of our organizations; NOT_FOUND when it does not exist.' })
  organization(@Arg('id', () => ID, { description: 'Id of the organization.' }) id: string, @Ctx() ctx: Context) {
    requireActor(ctx);
    return ctx.services.organizations.get(id);
  }

  @Query(() => Organization, { nullable: true, description: 'The default organization new documents use.' })
  defaultOrganization(@Ctx() ctx: Context) {
    requireActor(ctx);
    return ctx.services.organizations.getDefault();
  }

  @Mutation(() => Organization, { description: 'Adds one of our organizations (administrator only).' })
  createOrganization(@Arg('input', { description: 'What to create.' }) input: CreateOrganizationInput, @Ctx() ctx: Context) {
    return ctx.services.organizations.create(requireActor(ctx), input);
  }

  @Mutation(() => Organization, { description: 'Changes one of our organizations (administrator only); CONFLICT when `version` is stale.' })
  updateOrganization(@Arg('id', () => ID, { description: 'Id of the organization.' }) id: string, @Arg('input', { description: 'The changes, with the version you read.' }) input: UpdateOrganizationInput, @Ctx() ctx: Context) {
    return ctx.services.organizations.update(requireActor(ctx), id, input);
  }

  @Mutation(() => Organization, { description: 'Marks an organization for deletion (true) or restores it (false); the default one cannot be marked.' })
  setOrganizationDeletionMark(@Arg('id', () => ID, { description: 'Id of the organization.' }) id: string, @Arg('deletionMark', { description: 'True to mark, false to restore.' }) mark: boolean, @Ctx() ctx: Context) {
    return ctx.services.organizations.setDeletionMark(requireActor(ctx), id, mark);
  }

  @Mutation(() => BankAccount, { description: 'Adds a bank account to one of our organizations (administrator only).' })
  createBankAccount(@Arg('input', { description: 'What to create.' }) input: CreateBankAccountInput, @Ctx() ctx: Context) {
    return ctx.services.organizations.createAccount(requireActor(ctx), input);
  }

  @Mutation(() => BankAccount, { description: 'Changes a bank account (administrator only); CONFLICT when `version` is stale.' })
  updateBankAccount(@Arg('id', () => ID, { description: 'Id of the bank account.' }) id: string, @Arg('input', { description: 'The changes, with the version you read.' }) input: UpdateBankAccountInput, @Ctx() ctx: Context) {
    return ctx.services.organizations.updateAccount(requireActor(ctx), id, input);
  }

  @Mutation(() => BankAccount, { description: 'Marks a bank account for deletion (true) or restores it (false).' })
  setBankAccountDeletionMark(@Arg('id', () => ID, { description: 'Id of the bank account.' }) id: string, @Arg('deletionMark', { description: 'True to mark, false to restore.' }) mark: boolean, @Ctx() ctx: Context) {
    return ctx.services.organizations.setAccountDeletionMark(requireActor(ctx), id, mark);
  }

  @FieldResolver(() => [BankAccount], { description: 'Its bank accounts, the default first (those marked for deletion included: check `deletionMark`).' })
  bankAccounts(@Root() o: Organization, @Ctx() ctx: Context) {
    return ctx.loaders.bankAccountsOfOrganization.load(o.id);
  }

  @FieldResolver(() => BankAccount, { nullable: true, description: 'Its default bank account.' })
  async defaultBankAccount(@Root() o: Organization, @Ctx() ctx: Context) {
    return (await ctx.loaders.bankAccountsOfOrganization.load(o.id)).find((a) => a.isDefault && !a.deletionMark) ?? null;
  }

  @FieldResolver(() => CatalogViewerCan, { description: 'What I may do with it.' })
  viewerCan(@Ctx() ctx: Context) {
    return ctx.services.organizations.viewerCan(requireActor(ctx));
  }
}

@Resolver(() => BankAccount)
export class BankAccountResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization it belongs to.' })
  organization(@Root() a: BankAccount, @Ctx() ctx: Context) {
    return ctx.loaders.organization.load(a.organizationId);
  }
}
