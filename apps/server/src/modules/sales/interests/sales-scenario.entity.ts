import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { StageSemantic } from './interests.enums';

@ObjectType({ description: 'A sales scenario («Сценарий продажи»): the ordered stages a client interest goes through.' })
@Entity('sales_scenarios')
export class SalesScenario {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Name, e.g. «Типовая продажа».' })
  @Column('text')
  name: string;

  @Field({ description: 'The scenario new interests get unless another is chosen; exactly one is default.' })
  @Column('boolean', { default: false })
  isDefault: boolean;

  @Field({ description: 'Marked for deletion: not offered for new interests.' })
  @Column('boolean', { default: false })
  deletionMark: boolean;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back when updating.' })
  @Column('int', { default: 1 })
  version: number;

  @Field({ description: 'When it was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@ObjectType({ description: 'A stage of a sales scenario with its default probability and meaning.' })
@Entity('sales_stages')
export class SalesStage {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The scenario it belongs to.' })
  @Column('uuid')
  scenarioId: string;

  @Field(() => Int, { description: 'Position in the scenario: stages are shown in ascending order.' })
  @Column('int')
  sort: number;

  @Field({ description: 'Name, e.g. «Коммерческое предложение».' })
  @Column('text')
  name: string;

  @Field(() => Int, { description: 'Default probability of winning at this stage, 0 to 100; an interest takes it on entering the stage.' })
  @Column('int')
  probability: number;

  @Field(() => StageSemantic, { description: 'What reaching this stage means.' })
  @Column('text')
  semantic: StageSemantic;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back when updating.' })
  @Column('int', { default: 1 })
  version: number;

  @Field({ description: 'When it was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@ObjectType({ description: 'A reason a sale was lost («Причина проигрыша»), required when an interest is marked lost.' })
@Entity('loss_reasons')
export class LossReason {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Name, e.g. «Высокая цена».' })
  @Column('text')
  name: string;

  @Field(() => Int, { description: 'Position in lists.' })
  @Column('int', { default: 100 })
  sort: number;

  @Field({ description: 'False: kept for old interests but not offered any more.' })
  @Column('boolean', { default: true })
  active: boolean;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back when updating.' })
  @Column('int', { default: 1 })
  version: number;

  @Field({ description: 'When it was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@ObjectType({ description: 'Where a client heard of us («Источник информации»), for attributing interests.' })
@Entity('information_sources')
export class InformationSource {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Name, e.g. «Выставка».' })
  @Column('text')
  name: string;

  @Field(() => Int, { description: 'Position in lists.' })
  @Column('int', { default: 100 })
  sort: number;

  @Field({ description: 'False: kept for old interests but not offered any more.' })
  @Column('boolean', { default: true })
  active: boolean;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back when updating.' })
  @Column('int', { default: 1 })
  version: number;

  @Field({ description: 'When it was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
