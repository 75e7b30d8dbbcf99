import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A person we deal with («Контактное лицо»), of a counterparty or standing alone.' })
@Entity('contact_persons')
export class ContactPerson {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { nullable: true, description: 'The counterparty the person belongs to, if any.' })
  @Column('uuid', { nullable: true })
  counterpartyId: string | null;

  @Field({ description: 'Last name (surname).' })
  @Column('text')
  lastName: string;

  @Field(() => String, { nullable: true, description: 'First name.' })
  @Column('text', { nullable: true })
  firstName: string | null;

  @Field(() => String, { nullable: true, description: 'Middle name (patronymic).' })
  @Column('text', { nullable: true })
  middleName: string | null;

  @Field(() => String, { nullable: true, description: 'Job title.' })
  @Column('text', { nullable: true })
  position: string | null;

  @Field(() => String, { nullable: true, description: 'Role in deals: decision maker, accountant, ...' })
  @Column('text', { nullable: true })
  role: string | null;

  @Field(() => String, { nullable: true, description: 'Birthday (YYYY-MM-DD).' })
  @Column('date', { nullable: true })
  birthday: string | null;

  @Field(() => String, { nullable: true, description: 'Free comment.' })
  @Column('text', { nullable: true })
  comment: string | null;

  @Field(() => ID, { description: 'Responsible user; for a person of a counterparty, access follows the counterparty.' })
  @Column('uuid')
  responsibleId: string;

  @Field({ description: 'Marked for deletion: hidden from lists by default, restorable.' })
  @Column('boolean', { default: false })
  deletionMark: boolean;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back when updating.' })
  @Column('int', { default: 1 })
  version: number;

  /** Lower-cased full name: what name fragments are matched against (trigram index). */
  @Column('text', { default: '' })
  searchText: string;

  @Field({ description: 'When it was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export function personFullName(p: Pick<ContactPerson, 'lastName' | 'firstName' | 'middleName'>): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}
