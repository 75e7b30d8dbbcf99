import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A personal API token for integrations, sent as `Authorization: Bearer <token>`.' })
@Entity('api_tokens')
export class ApiToken {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The user whose rights the token carries.' })
  @Column('uuid')
  userId: string;

  @Field({ description: 'What the token is for, e.g. "1C exchange".' })
  @Column('text')
  name: string;

  @Column('text')
  tokenHash: string;

  @Field({ description: 'First characters of the token, to recognise it in lists (the rest is never shown again).' })
  @Column('text')
  tokenPrefix: string;

  @Field({ description: 'When the token was created.' })
  @Column('timestamptz')
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the token was last used.' })
  @Column('timestamptz', { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the token was revoked; revoked tokens are refused.' })
  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
