import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Product, ProductGroup, VatRateRow } from './product.entity';
import { CreateProductGroupInput, CreateProductInput, ProductFilter, UpdateProductGroupInput, UpdateProductInput } from './catalog.inputs';
import { CatalogViewerCan, ProductConnection } from './catalog.types';
import { DecimalScalar } from '../../../core/decimal';
import { AuditEntryConnection } from '../../audit/audit.types';
import { PageArgs } from '../../../core/pagination';
import { requireActor, type Context } from '../../../core/context';

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => ProductConnection, { description: 'The product catalog, by name, one page at a time (readable by every user).' })
  products(@Args() page: PageArgs, @Arg('filter', () => ProductFilter, { nullable: true, description: 'Which products to list.' }) filter: ProductFilter | null, @Ctx() ctx: Context) {
    requireActor(ctx);
    return ctx.services.products.list(page.first, page.after, filter ?? {});
  }

  @Query(() => Product, { description: 'One catalog item (also when marked for deletion); NOT_FOUND when it does not exist.' })
  product(@Arg('id', () => ID, { description: 'Id of the product.' }) id: string, @Ctx() ctx: Context) {
    requireActor(ctx);
    return ctx.services.products.get(id);
  }

  @Query(() => [VatRateRow], { description: 'The VAT rates with their percents, in order (retired ones have active = false).' })
  vatRates(@Ctx() ctx: Context) {
    requireActor(ctx);
    return ctx.services.products.vatRates();
  }

  @Mutation(() => Product, { description: 'Adds an item to the catalog (administrator or supervisor).' })
  createProduct(@Arg('input', { description: 'What to create.' }) input: CreateProductInput, @Ctx() ctx: Context) {
    return ctx.services.products.create(requireActor(ctx), input);
  }

  @Mutation(() => Product, { description: 'Changes a catalog item (administrator or supervisor); CONFLICT when `version` is stale.' })
  updateProduct(@Arg('id', () => ID, { description: 'Id of the product.' }) id: string, @Arg('input', { description: 'The changes, with the version you read.' }) input: UpdateProductInput, @Ctx() ctx: Context) {
    return ctx.services.products.update(requireActor(ctx), id, input);
  }

  @Mutation(() => Product, { description: 'Marks a catalog item for deletion (true) or restores it (false); documents keep referring to it.' })
  setProductDeletionMark(@Arg('id', () => ID, { description: 'Id of the product.' }) id: string, @Arg('deletionMark', { description: 'True to mark, false to restore.' }) mark: boolean, @Ctx() ctx: Context) {
    return ctx.services.products.setDeletionMark(requireActor(ctx), id, mark);
  }

  @FieldResolver(() => ProductGroup, { nullable: true, description: 'Its catalog group.' })
  group(@Root() p: Product, @Ctx() ctx: Context) {
    return p.groupId ? ctx.loaders.productGroup.load(p.groupId) : null;
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'The percent of its VAT rate, read from the rates table; null without VAT.' })
  async vatPercent(@Root() p: Product, @Ctx() ctx: Context) {
    return (await ctx.loaders.vatRate.load(p.vatRate))?.percent ?? null;
  }

  @FieldResolver(() => CatalogViewerCan, { description: 'What I may do with it.' })
  viewerCan(@Ctx() ctx: Context) {
    return ctx.services.products.viewerCan(requireActor(ctx));
  }

  @FieldResolver(() => AuditEntryConnection, { description: 'Its change history, newest first.' })
  history(@Root() p: Product, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.audit.historyPage('Product', p.id, page.first, page.after);
  }
}

@Resolver(() => ProductGroup)
export class ProductGroupResolver {
  @Query(() => [ProductGroup], { description: 'All catalog groups (a small tree: build it from `parentId`), by name.' })
  productGroups(@Arg('includeDeleted', { defaultValue: false, description: 'True: include groups marked for deletion.' }) includeDeleted: boolean, @Ctx() ctx: Context) {
    requireActor(ctx);
    return ctx.services.products.listGroups(includeDeleted);
  }

  @Mutation(() => ProductGroup, { description: 'Creates a catalog group (administrator or supervisor).' })
  createProductGroup(@Arg('input', { description: 'What to create.' }) input: CreateProductGroupInput, @Ctx() ctx: Context) {
    return ctx.services.products.groups.create(requireActor(ctx), input);
  }

  @Mutation(() => ProductGroup, { description: 'Renames or moves a catalog group; CONFLICT when `version` is stale.' })
  updateProductGroup(@Arg('id', () => ID, { description: 'Id of the product group.' }) id: string, @Arg('input', { description: 'The changes, with the version you read.' }) input: UpdateProductGroupInput, @Ctx() ctx: Context) {
    return ctx.services.products.groups.update(requireActor(ctx), id, input);
  }

  @Mutation(() => ProductGroup, { description: 'Marks a catalog group for deletion (true) or restores it (false).' })
  setProductGroupDeletionMark(@Arg('id', () => ID, { description: 'Id of the product group.' }) id: string, @Arg('deletionMark', { description: 'True to mark, false to restore.' }) mark: boolean, @Ctx() ctx: Context) {
    return ctx.services.products.groups.setDeletionMark(requireActor(ctx), id, mark);
  }

  @Mutation(() => ID, { description: 'Deletes an empty catalog group (no products, no subgroups) for good; returns its id. CONFLICT GROUP_IN_USE otherwise.' })
  deleteProductGroup(@Arg('id', () => ID, { description: 'Id of the product group.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.products.groups.delete(requireActor(ctx), id);
  }

  @FieldResolver(() => ProductGroup, { nullable: true, description: 'The parent group.' })
  parent(@Root() g: ProductGroup, @Ctx() ctx: Context) {
    return g.parentId ? ctx.loaders.productGroup.load(g.parentId) : null;
  }
}
