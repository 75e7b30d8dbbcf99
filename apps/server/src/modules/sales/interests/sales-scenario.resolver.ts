import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InformationSource, LossReason, SalesScenario, SalesStage } from './sales-scenario.entity';
import {
  CreateReferenceItemInput,
  CreateSalesScenarioInput,
  CreateSalesStageInput,
  UpdateReferenceItemInput,
  UpdateSalesScenarioInput,
  UpdateSalesStageInput,
} from './interests.inputs';
import { requireActor, type Context } from '../../../core/context';

@Resolver(() => SalesScenario)
export class SalesScenarioResolver {
  @Query(() => [SalesScenario], { description: 'Sales scenarios (a handful), the default first.' })
  salesScenarios(@Arg('includeDeleted', { defaultValue: false, description: 'True: include those marked for deletion.' }) includeDeleted: boolean, @Ctx() ctx: Context) {
    requireActor(ctx);
    return ctx.services.salesScenarios.listScenarios(includeDeleted);
  }

  @Query(() => SalesScenario, { description: 'One sales scenario; NOT_FOUND when it does not exist.' })
  salesScenario(@Arg('id', () => ID, { description: 'Id of the sales scenario.' }) id: string, @Ctx() ctx: Context) {
    requireActor(ctx);
    return ctx.services.salesScenarios.getScenario(id);
  }

  @Query(() => [LossReason], { description: 'Loss reasons, in order.' })
  lossReasons(@Arg('includeInactive', { defaultValue: false, description: 'True: include retired ones.' }) includeInactive: boolean, @Ctx() ctx: Context) {
    requireActor(ctx);
    return ctx.services.salesScenarios.lossReasons(includeInactive);
  }

  @Query(() => [InformationSource], { description: 'Information sources, in order.' })
  informationSources(@Arg('includeInactive', { defaultValue: false, description: 'True: include retired ones.' }) includeInactive: boolean, @Ctx() ctx: Context) {
    requireActor(ctx);
    return ctx.services.salesScenarios.informationSources(includeInactive);
  }

  @Mutation(() => SalesScenario, { description: 'Creates a sales scenario with its stages (administrator only).' })
  createSalesScenario(@Arg('input', { description: 'What to create.' }) input: CreateSalesScenarioInput, @Ctx() ctx: Context) {
    return ctx.services.salesScenarios.createScenario(requireActor(ctx), input);
  }

  @Mutation(() => SalesScenario, { description: 'Renames a scenario or makes it the default (administrator only).' })
  updateSalesScenario(@Arg('id', () => ID, { description: 'Id of the sales scenario.' }) id: string, @Arg('input', { description: 'The changes, with the version you read.' }) input: UpdateSalesScenarioInput, @Ctx() ctx: Context) {
    return ctx.services.salesScenarios.updateScenario(requireActor(ctx), id, input);
  }

  @Mutation(() => SalesScenario, { description: 'Marks a scenario for deletion (true) or restores it (false); not the default one (administrator only).' })
  setSalesScenarioDeletionMark(@Arg('id', () => ID, { description: 'Id of the sales scenario.' }) id: string, @Arg('deletionMark', { description: 'True to mark, false to restore.' }) mark: boolean, @Ctx() ctx: Context) {
    return ctx.services.salesScenarios.setScenarioDeletionMark(requireActor(ctx), id, mark);
  }

  @Mutation(() => SalesStage, { description: 'Adds an in-progress stage to a scenario (administrator only).' })
  createSalesStage(@Arg('input', { description: 'What to create.' }) input: CreateSalesStageInput, @Ctx() ctx: Context) {
    return ctx.services.salesScenarios.createStage(requireActor(ctx), input);
  }

  @Mutation(() => SalesStage, { description: 'Renames, reorders or changes the default probability of a stage (administrator only).' })
  updateSalesStage(@Arg('id', () => ID, { description: 'Id of the stage.' }) id: string, @Arg('input', { description: 'The changes, with the version you read.' }) input: UpdateSalesStageInput, @Ctx() ctx: Context) {
    return ctx.services.salesScenarios.updateStage(requireActor(ctx), id, input);
  }

  @Mutation(() => ID, {
    description: 'Deletes an in-progress stage no interest is or was at; returns its id. CONFLICT STAGE_IN_USE otherwise (administrator only).',
  })
  deleteSalesStage(@Arg('id', () => ID, { description: 'Id of the stage.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.salesScenarios.deleteStage(requireActor(ctx), id);
  }

  @Mutation(() => LossReason, { description: 'Adds a loss reason (administrator only).' })
  createLossReason(@Arg('input', { description: 'What to create.' }) input: CreateReferenceItemInput, @Ctx() ctx: Context) {
    return ctx.services.salesScenarios.createRef(requireActor(ctx), 'lossReason', input);
  }

  @Mutation(() => LossReason, { description: 'Changes or retires a loss reason (administrator only).' })
  updateLossReason(@Arg('id', () => ID, { description: 'Id of the loss reason.' }) id: string, @Arg('input', { description: 'The changes, with the version you read.' }) input: UpdateReferenceItemInput, @Ctx() ctx: Context) {
    return ctx.services.salesScenarios.updateRef(requireActor(ctx), 'lossReason', id, input);
  }

  @Mutation(() => InformationSource, { description: 'Adds an information source (administrator only).' })
  createInformationSource(@Arg('input', { description: 'What to create.' }) input: CreateReferenceItemInput, @Ctx() ctx: Context) {
    return ctx.services.salesScenarios.createRef(requireActor(ctx), 'informationSource', input);
  }

  @Mutation(() => InformationSource, { description: 'Changes or retires an information source (administrator only).' })
  updateInformationSource(@Arg('id', () => ID, { description: 'Id of the information source.' }) id: string, @Arg('input', { description: 'The changes, with the version you read.' }) input: UpdateReferenceItemInput, @Ctx() ctx: Context) {
    return ctx.services.salesScenarios.updateRef(requireActor(ctx), 'informationSource', id, input);
  }

  @FieldResolver(() => [SalesStage], { description: 'Its stages in order.' })
  stages(@Root() s: SalesScenario, @Ctx() ctx: Context) {
    return ctx.loaders.stagesOfScenario.load(s.id);
  }
}

@Resolver(() => SalesStage)
export class SalesStageResolver {
  @FieldResolver(() => SalesScenario, { nullable: true, description: 'The scenario it belongs to.' })
  scenario(@Root() s: SalesStage, @Ctx() ctx: Context) {
    return ctx.loaders.salesScenario.load(s.scenarioId);
  }
}
