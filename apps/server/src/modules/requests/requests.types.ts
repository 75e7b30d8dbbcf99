import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../core/pagination';
import { ClientRequest } from './client-request.entity';
import { ClientRequestKind, ClientRequestPriority } from './requests.enums';

export const ClientRequestConnection = Connection(ClientRequest, 'ClientRequest', 'client request');

@ObjectType({ description: 'Counts for the Requests tab badge, over the open requests in my scope.' })
export class ClientRequestCounts {
  @Field(() => Int, { description: 'Open requests (registered, in progress, waiting for the client, reopened).' }) open: number;
  @Field(() => Int, { description: 'Open requests I am responsible for myself.' }) mine: number;
  @Field(() => Int, { description: 'Open critical requests.' }) critical: number;
  @Field(() => Int, { description: 'Open requests past a deadline.' }) breached: number;
  @Field(() => Int, { description: 'Open requests not yet late with 80% of a deadline\'s time used.' }) aboutToBreach: number;
}

@ObjectType({ description: 'What the viewer may do with a client request now (its state and their rights together).' })
export class ClientRequestViewerCan {
  @Field({ description: 'May change its fields.' }) update: boolean;
  @Field({ description: 'May take it into work.' }) takeIntoWork: boolean;
  @Field({ description: 'May put it on hold waiting for the client.' }) waitForClient: boolean;
  @Field({ description: 'May resume it after waiting.' }) resume: boolean;
  @Field({ description: 'May resolve it with a solution.' }) resolve: boolean;
  @Field({ description: 'May confirm its closure (the responsible\'s supervisor or an administrator).' }) confirmClosure: boolean;
  @Field({ description: 'May close it now (a critical one needs the confirmation first).' }) close: boolean;
  @Field({ description: 'May reject it.' }) reject: boolean;
  @Field({ description: 'May reopen it.' }) reopen: boolean;
  @Field({ description: "May record the client's satisfaction." }) rate: boolean;
  @Field({ description: 'May save its solution as a draft knowledge-base article.' }) saveAsSolution: boolean;
}

@ObjectType({ description: 'An SLA rule: the reaction and resolution time a kind of request of a priority is allowed, in working minutes.' })
export class ClientRequestSlaRule {
  @Field(() => ClientRequestKind, { description: 'Kind of request.' }) kind: ClientRequestKind;
  @Field(() => ClientRequestPriority, { description: 'Priority.' }) priority: ClientRequestPriority;
  @Field(() => Int, { description: 'Working minutes from registration to the reaction (taking into work).' }) reactionMinutes: number;
  @Field(() => Int, { description: 'Working minutes from registration to the resolution, pauses excluded.' }) resolutionMinutes: number;
  @Field(() => Int, { description: 'Optimistic-locking version; pass it back when changing the rule.' }) version: number;
  @Field({ description: 'When it was last changed.' }) updatedAt: Date;
}

@ObjectType({ description: 'A client request in my lists was created or changed.' })
export class ClientRequestChange {
  @Field(() => ID, { description: 'Id of the request.' }) id: string;
  @Field(() => ClientRequest, { nullable: true, description: 'The request as it is now; null when it is no longer in my scope (e.g. handed to a colleague of another team).' })
  request: ClientRequest | null;
}
