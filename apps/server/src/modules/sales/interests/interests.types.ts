import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../../core/pagination';
import { DecimalScalar } from '../../../core/decimal';
import { ClientInterest, ClientInterestStageChange } from './client-interest.entity';
import { SalesScenario, SalesStage } from './sales-scenario.entity';

export const ClientInterestConnection = Connection(ClientInterest, 'ClientInterest', 'client interest');
export const ClientInterestStageChangeConnection = Connection(ClientInterestStageChange, 'ClientInterestStageChange', 'stage change');

@ObjectType({ description: 'What the viewer may do with a client interest.' })
export class ClientInterestViewerCan {
  @Field({ description: 'May change its fields (it is active or suspended).' }) update: boolean;
  @Field({ description: 'May move it to another stage (it is active).' }) move: boolean;
  @Field({ description: 'May mark it won.' }) markWon: boolean;
  @Field({ description: 'May mark it lost.' }) markLost: boolean;
  @Field({ description: 'May suspend it.' }) suspend: boolean;
  @Field({ description: 'May resume it.' }) resume: boolean;
  @Field({ description: 'May reopen it (won or lost; supervisors and administrators).' }) reopen: boolean;
  @Field({ description: 'May mark it for deletion or restore it.' }) delete: boolean;
}

@ObjectType({ description: 'One column of the client interest board: a stage with its totals and first cards.' })
export class ClientInterestBoardColumn {
  @Field(() => SalesStage, { description: 'The stage.' }) stage: SalesStage;
  @Field(() => Int, { description: 'How many interests of the board filter are at this stage.' }) count: number;
  @Field(() => DecimalScalar, { description: 'Sum of their planned amounts.' }) plannedAmount: string;
  @Field(() => DecimalScalar, { description: 'Sum of planned amount × probability / 100 (rounded to kopecks).' }) weightedAmount: string;
  @Field(() => ClientInterestConnection, {
    description:
      'The first cards, newest first. Next page: clientInterests(after: cards.pageInfo.endCursor, filter: {the board filter, scenarioId, stageId}).',
  })
  cards: InstanceType<typeof ClientInterestConnection>;
}

@ObjectType({ description: 'The kanban board of client interests of one sales scenario.' })
export class ClientInterestBoard {
  @Field(() => SalesScenario, { description: 'The scenario shown.' }) scenario: SalesScenario;
  @Field(() => [ClientInterestBoardColumn], { description: 'One column per stage, in stage order.' }) columns: ClientInterestBoardColumn[];
  @Field(() => Int, { description: 'Interests on the board.' }) totalCount: number;
  @Field(() => DecimalScalar, { description: 'Sum of their planned amounts.' }) plannedAmount: string;
  @Field(() => DecimalScalar, { description: 'Sum of their weighted amounts.' }) weightedAmount: string;
}

@ObjectType({ description: 'A client interest on my board (mine or my team\'s) was created or changed, by anyone.' })
export class ClientInterestChange {
  @Field(() => ID, { description: 'Id of the interest.' }) id: string;
  @Field(() => ClientInterest, { nullable: true, description: 'The interest as it is now; null when it is no longer in my scope (e.g. handed to another team).' })
  interest: ClientInterest | null;
}
