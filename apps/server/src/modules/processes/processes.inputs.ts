import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, IsUUID, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { ObjectRefInput } from '../activities/activities.inputs';
import { ProcessStatus, ProcessTaskState } from './processes.enums';

const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const CODE_MESSAGE = 'Use capital Latin letters, digits and _ (starting with a letter), e.g. SALE';

@InputType({ description: 'A new version of a route map to publish.' })
export class PublishProcessTemplateInput {
  @Field({ description: 'Template code: a new code starts version 1, an existing one gets its next version.' })
  @Matches(CODE, { message: CODE_MESSAGE })
  code: string;

  @Field({ nullable: true, description: "Name of the template; the map's own `name` when omitted." })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field({ nullable: true, description: 'What the process is for.' })
  @IsOptional()
  @MaxLength(2000)
  description?: string;

  @Field(() => GraphQLJSON, { description: 'The route map: `{name, parameters?, points, edges}` as JSON (an object, or a string holding one).' })
  map: unknown;
}

@InputType({ description: 'Starts a business process on a subject.' })
export class StartProcessInput {
  @Field(() => ID, { nullable: true, description: 'The template version to run (give this or `templateCode`).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid template id' })
  templateId?: string;

  @Field({ nullable: true, description: 'The template code: its newest published version runs (give this or `templateId`).' })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  templateCode?: string;

  @Field(() => ObjectRefInput, { nullable: true, description: 'What it runs on, e.g. a client interest for SALE.' })
  @IsOptional()
  @ValidateNested()
  subject?: ObjectRefInput;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      'Parameters as a JSON object (or a string holding one), e.g. {"discountLimitPct": "10"}. Declared parameters named interestId, managerId and initiatorId default to the subject interest, its responsible and me.',
  })
  parameters?: unknown;
}

@InputType({ description: 'How a task is completed.' })
export class CompleteProcessTaskInput {
  @Field({ description: "One of the task's results, e.g. APPROVED." })
  @Length(1, 100)
  result: string;

  @Field({ nullable: true, description: 'A comment for the history (remarks, the reason of a rejection).' })
  @IsOptional()
  @MaxLength(5000)
  comment?: string;
}

@InputType({ description: 'Hands a task to a colleague.' })
export class RedirectProcessTaskInput {
  @Field(() => ID, { description: 'The new performer.' })
  @IsUUID('all', { message: 'Not a valid user id' })
  userId: string;

  @Field({ nullable: true, description: 'Why, for the new performer.' })
  @IsOptional()
  @MaxLength(5000)
  comment?: string;
}

@InputType({ description: 'Which business processes to list (the monitor).' })
export class ProcessInstanceFilter {
  @Field(() => ID, { nullable: true, description: 'Only processes of this template: of any version of its code.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid template id' })
  templateId?: string;

  @Field({ nullable: true, description: 'Only processes of this template code.' })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  templateCode?: string;

  @Field(() => ProcessStatus, { nullable: true, description: 'Only this status (RUNNING: the open ones).' })
  @IsOptional()
  status?: ProcessStatus;

  @Field({ nullable: true, description: 'True: only those with an open task past its deadline (of a top-level process: of its nested ones too); false: only the others.' })
  @IsOptional()
  overdue?: boolean;

  @Field(() => ID, { nullable: true, description: 'Only processes on this subject (e.g. a client interest).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid id' })
  subjectId?: string;

  @Field({ nullable: true, description: 'True: only top-level processes (not nested ones).' })
  @IsOptional()
  topLevel?: boolean;

  @Field(() => ID, { nullable: true, description: 'Only processes of this responsible (the manager).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid user id' })
  responsibleId?: string;
}

@InputType({ description: 'Which tasks to list.' })
export class ProcessTaskFilter {
  @Field(() => ProcessTaskState, { nullable: true, description: 'Only this state. OPEN also matches accepted tasks unless `exactState` is true.' })
  @IsOptional()
  state?: ProcessTaskState;

  @Field({ nullable: true, description: 'True: `state` matches that state only (OPEN without the accepted ones).' })
  @IsOptional()
  exactState?: boolean;

  @Field({ nullable: true, description: 'True: only open tasks past their deadline; false: only the others.' })
  @IsOptional()
  overdue?: boolean;

  @Field(() => ID, { nullable: true, description: 'Only tasks of this performer (supervisors: of their team).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid user id' })
  performerId?: string;

  @Field(() => ID, { nullable: true, description: 'Only tasks of this process.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid id' })
  instanceId?: string;

  @Field(() => ID, { nullable: true, description: 'Only tasks about this subject (e.g. a client interest or an offer).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid id' })
  subjectId?: string;

  @Field({ nullable: true, description: 'Only tasks of processes of this template code.' })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  templateCode?: string;
}

@InputType({ description: 'Who holds a process role.' })
export class SetProcessRoleInput {
  @Field({ description: 'The role code, e.g. LAWYER, DIRECTOR, ACCOUNTANT, WAREHOUSE, HEAD_OF_SALES (fallback when a manager has no supervisor).' })
  @Matches(CODE, { message: CODE_MESSAGE })
  role: string;

  @Field(() => ID, { nullable: true, description: 'The user who holds it; null clears the role (its tasks then go to an administrator).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid user id' })
  userId?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version last read, to refuse overwriting a concurrent change.' })
  @IsOptional()
  @Min(1)
  version?: number;
}
