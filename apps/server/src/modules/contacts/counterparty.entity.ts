import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LegalType, RelationType } from './contacts.enums';

@ObjectType({ description: 'A client, partner, supplier or competitor («Контрагент»).' })
@Entity('counterparties')
export class Counterparty {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Short name used in lists.' })
  @Column('text')
  name: string;

  @Field(() => String, { nullable: true, description: 'Full legal name for printed forms.' })
  @Column('text', { nullable: true })
  fullName: string | null;

  @Field(() => LegalType, { description: 'Legal form.' })
  @Column('text')
  legalType: LegalType;

  @Field(() => String, { nullable: true, description: 'Taxpayer number (ИНН), checksum-validated.' })
  @Column('text', { nullable: true })
  inn: string | null;

  @Field(() => String, { nullable: true, description: 'Tax registration reason code (КПП).' })
  @Column('text', { nullable: true })
  kpp: string | null;

  @Field(() => ID, { nullable: true, description: 'Group in the counterparty hierarchy.' })
  @Column('uuid', { nullable: true })
  groupId: string | null;

  @Field(() => [RelationType], { description: 'Kinds of relationship.' })
  @Column('text', { array: true, default: () => "'{}'" })
  relationTypes: RelationType[];

  @Field(() => ID, { description: 'Id of the responsible manager (the owner of the client).' })
  @Column('uuid')
  responsibleId: string;

  @Field(() => String, { nullable: true, description: 'Where the client came from.' })
  @Column('text', { nullable: true })
  informationSource: string | null;

  @Field(() => String, { nullable: true, description: 'Free comment.' })
  @Column('text', { nullable: true })
  comment: string | null;

  @Field({ description: 'Marked for deletion: hidden from lists by default, restorable.' })
  @Column('boolean', { default: false })
  deletionMark: boolean;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back when updating.' })
  @Column('int', { default: 1 })
  version: number;

  /** Lower-cased name, full name and INN: what name fragments are matched against (trigram index). */
  @Column('text', { default: '' })
  searchText: string;

  @Field({ description: 'When it was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('uuid', { nullable: true })
  createdById: string | null;
}

@ObjectType({ description: 'A folder in the counterparty hierarchy.' })
@Entity('counterparty_groups')
export class CounterpartyGroup {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Group name.' })
  @Column('text')
  name: string;

  @Field(() => ID, { nullable: true, description: 'Parent group; empty at the top level.' })
  @Column('uuid', { nullable: true })
  parentId: string | null;

  @Field({ description: 'Marked for deletion.' })
  @Column('boolean', { default: false })
  deletionMark: boolean;

  @Field(() => Int, { description: 'Optimistic-locking version.' })
  @Column('int', { default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
