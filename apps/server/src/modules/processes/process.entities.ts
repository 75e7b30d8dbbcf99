import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { JsonObject, ProcessState, RouteMap } from '@crm/process-engine';
import { ProcessStatus, ProcessTaskState } from './processes.enums';
import type { CrmObjectType } from '../activities/activities.enums';

@ObjectType({ description: 'One published version of a route map («карта маршрута»): a business-process template.' })
@Entity('process_templates')
export class ProcessTemplate {
  @Field(() => ID, { description: 'Stable identifier of this version.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Code shared by all versions, e.g. SALE; nested-process points refer to templates by it.' })
  @Column('text')
  code: string;

  @Field(() => Int, { description: 'Version number, from 1; a running process keeps the version it started with.' })
  @Column('int')
  version: number;

  @Field({ description: 'Name, e.g. «Sale».' })
  @Column('text')
  name: string;

  @Field(() => String, { nullable: true, description: 'What the process is for.' })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => GraphQLJSON, { description: 'The route map as JSON: `{code, name, parameters, points, edges}` (see the process-engine README).' })
  @Column('jsonb')
  map: RouteMap;

  @Field({ description: 'True: new processes may start on it (the newest published version of a code is used).' })
  @Column('boolean', { default: true })
  published: boolean;

  @Field({ description: 'One of the built-in templates seeded with the CRM (SALE, APPROVAL, CONTRACT).' })
  @Column('boolean', { default: false })
  builtIn: boolean;

  @Field({ description: 'When this version was published.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('uuid', { nullable: true })
  createdById: string | null;
}

@ObjectType({ description: 'A running or finished business process («бизнес-процесс»): a template version applied to a subject.' })
@Entity('process_instances')
export class ProcessInstance {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The template version it runs on (kept even when a newer version is published).' })
  @Column('uuid')
  templateId: string;

  @Field({ description: 'Code of its template, e.g. SALE.' })
  @Column('text')
  templateCode: string;

  @Column('text', { nullable: true })
  subjectType: CrmObjectType | null;

  @Column('uuid', { nullable: true })
  subjectId: string | null;

  @Field(() => ID, { nullable: true, description: 'Whose process it is: the responsible of its subject when it started (the manager of a sale).' })
  @Column('uuid', { nullable: true })
  responsibleId: string | null;

  @Field(() => GraphQLJSON, { description: 'The parameters it was started with, defaults applied.' })
  @Column('jsonb')
  parameters: JsonObject;

  @Field(() => GraphQLJSON, { description: "The engine's state as JSON: tokens (where it waits), open splits, variables, point results and the history." })
  @Column('jsonb')
  state: ProcessState;

  @Field(() => ProcessStatus, { description: 'Running, finished or cancelled.' })
  @Column('text')
  status: ProcessStatus;

  @Field(() => String, { nullable: true, description: 'The result of its end point (e.g. WON, LOST, APPROVED), or CANCELLED; null while running.' })
  @Column('text', { nullable: true })
  result: string | null;

  @Field(() => ID, { nullable: true, description: 'The process this one is nested in.' })
  @Column('uuid', { nullable: true })
  parentInstanceId: string | null;

  @Column('text', { nullable: true })
  parentTokenId: string | null;

  @Field(() => ID, { description: 'The top-level process of its tree (itself when not nested).' })
  @Column('uuid')
  rootInstanceId: string;

  @Column('uuid', { nullable: true })
  startedById: string | null;

  @Field({ description: 'When it started.' })
  @Column('timestamptz')
  startedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it finished or was cancelled.' })
  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  @Column('text', { nullable: true })
  cancelReason: string | null;

  @Field(() => Int, { description: 'Changes with every step of the process.' })
  @Column('int')
  version: number;

  @Field({ description: 'When it last moved.' })
  @Column('timestamptz')
  updatedAt: Date;
}

@ObjectType({ description: 'A task a business process gave a person at an action point («задача»), completed with one of its results.' })
@Entity('process_tasks')
export class ProcessTask {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The process it belongs to.' })
  @Column('uuid')
  instanceId: string;

  @Column('uuid')
  rootInstanceId: string;

  @Column('text')
  tokenId: string;

  @Field({ description: 'Id of the action point of the route map, e.g. A_APPROVE (stable: the web uses it for translations).' })
  @Column('text')
  pointId: string;

  @Field({ description: 'What to do, e.g. «Approve CI-2026-000012 · ООО Ромашка».' })
  @Column('text')
  title: string;

  @Field({ description: 'Details of what to do, plain text.' })
  @Column('text', { default: '' })
  description: string;

  @Field(() => ID, { description: 'Who is to do it.' })
  @Column('uuid')
  performerId: string;

  @Column('jsonb')
  assignee: { kind: 'USER'; userId: string } | { kind: 'ROLE'; role: string; ofUserId: string | null };

  @Field(() => String, { nullable: true, description: 'Why the performer is not whom the route map names (e.g. no lawyer is configured: an administrator got it).' })
  @Column('text', { nullable: true })
  assigneeNote: string | null;

  @Field(() => [String], { description: "The results it can be completed with (the point's exits), e.g. APPROVED, REJECTED." })
  @Column('text', { array: true })
  results: string[];

  @Field({ description: 'The performer may hand it to a colleague.' })
  @Column('boolean', { default: false })
  allowRedirect: boolean;

  @Field(() => ProcessTaskState, { description: 'Open, accepted, done or cancelled.' })
  @Column('text')
  state: ProcessTaskState;

  @Column('text', { nullable: true })
  subjectType: CrmObjectType | null;

  @Column('uuid', { nullable: true })
  subjectId: string | null;

  @Field(() => Date, { nullable: true, description: 'Due by, counted in working days of the work calendar from when it was given.' })
  @Column('timestamptz', { nullable: true })
  deadline: Date | null;

  @Field(() => Date, { nullable: true, description: "When the performer's supervisor is told it is overdue, if still open." })
  @Column('timestamptz', { nullable: true })
  escalateAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was escalated to the supervisor as overdue.' })
  @Column('timestamptz', { nullable: true })
  escalatedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the performer accepted it.' })
  @Column('timestamptz', { nullable: true })
  acceptedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was completed (or cancelled).' })
  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;

  @Column('uuid', { nullable: true })
  completedById: string | null;

  @Field(() => String, { nullable: true, description: 'The result it was completed with.' })
  @Column('text', { nullable: true })
  result: string | null;

  @Field(() => String, { nullable: true, description: 'The comment given on completion (or the reason of a cancellation).' })
  @Column('text', { nullable: true })
  comment: string | null;

  @Column('uuid', { nullable: true })
  redirectedFromId: string | null;

  @Column('timestamptz', { nullable: true })
  pushedAt: Date | null;

  @Field(() => Int, { description: 'Optimistic-locking version.' })
  @Column('int', { default: 1 })
  version: number;

  @Field({ description: 'When it was given.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field({ description: 'When it last changed.' })
  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}

@ObjectType({ description: 'Who holds a process role (lawyer, director, accountant, warehouse...): tasks addressed to the role go to them.' })
@Entity('process_roles')
export class ProcessRoleAssignment {
  @Field(() => ID, { description: 'Stable identifier of the assignment.' })
  @Column('uuid')
  id: string;

  @Field({ description: 'The role code, e.g. LAWYER, DIRECTOR, ACCOUNTANT, WAREHOUSE, HEAD_OF_SALES.' })
  @PrimaryColumn('text')
  role: string;

  @Field(() => ID, { description: 'The user who holds it.' })
  @Column('uuid')
  userId: string;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back when changing the assignment.' })
  @Column('int', { default: 1 })
  version: number;

  @Field({ description: 'When it was last changed.' })
  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
