import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A server-side browser session; the cookie holds a random token, the table only its HMAC. */
@Entity('sessions')
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  tokenHash: string;

  @Column('uuid')
  userId: string;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz')
  lastSeenAt: Date;

  @Column('text', { nullable: true })
  ip: string | null;

  @Column('text', { nullable: true })
  userAgent: string | null;
}
