import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum Role {
  ADMINISTRATOR = 'ADMINISTRATOR',
  SUPERVISOR = 'SUPERVISOR',
  MANAGER = 'MANAGER',
  MARKETER = 'MARKETER',
  SERVICE_ENGINEER = 'SERVICE_ENGINEER',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may see and change.',
  valuesConfig: {
    ADMINISTRATOR: { description: 'Sees and changes everything; manages users, tokens and catalogs.' },
    SUPERVISOR: { description: 'Sees and changes own records and those of subordinates (recursively).' },
    MANAGER: { description: 'Sees and changes the records they are responsible for.' },
    MARKETER: { description: 'Reads all counterparties; changes the records they are responsible for.' },
    SERVICE_ENGINEER: { description: 'Reads all counterparties; changes the records they are responsible for.' },
  },
});

export enum Locale {
  ru = 'ru',
  en = 'en',
}
registerEnumType(Locale, { name: 'Locale', description: 'Interface language.' });

@ObjectType({ description: 'A person who signs in to the CRM.' })
@Entity('users')
export class User {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Sign-in e-mail, lower-cased, unique.' })
  @Column('text')
  email: string;

  @Field({ description: 'Name shown to colleagues.' })
  @Column('text')
  fullName: string;

  @Field(() => Role, { description: 'Role, which sets what the user may see and change.' })
  @Column('text')
  role: Role;

  @Field(() => ID, { nullable: true, description: 'The supervisor of this user, whose team scope includes them.' })
  @Column('uuid', { nullable: true })
  supervisorId: string | null;

  @Column('text')
  passwordHash: string;

  @Field({ description: 'False when deactivated: the user cannot sign in and their sessions and tokens are ended.' })
  @Column('boolean', { default: true })
  active: boolean;

  @Field(() => Locale, { description: 'Preferred interface language.' })
  @Column('text', { default: 'ru' })
  locale: Locale;

  @Field({ description: 'IANA time zone the user works in (e.g. Europe/Moscow): "today", overdue and times are shown in it.' })
  @Column('text', { default: 'Europe/Moscow' })
  timeZone: string;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back when updating.' })
  @Column('int', { default: 1 })
  version: number;

  @Field({ description: 'When the user was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When the user was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** The signed-in user as services see it; `teamIds` is resolved once per request. */
export interface Actor {
  id: string;
  role: Role;
  fullName: string;
  email: string;
  /** How the request was authenticated. */
  via: 'session' | 'token';
  sessionId?: string;
  /** IANA time zone of the user. */
  timeZone: string;
  /** The actor and, for a supervisor, all their subordinates (recursively): the team scope. */
  teamIds: string[];
}
