import type { Request, Response } from 'express';
import type { Services } from './services';
import type { Loaders } from './loaders';
import type { Actor } from '../modules/auth/user.entity';
import { unauthenticated } from './errors';

export const SESSION_COOKIE = 'crm_session';

/** What every resolver gets: who acts, the services, this request's loaders. */
export interface Context {
  requestId: string;
  actor: Actor | null;
  services: Services;
  loaders: Loaders;
  ip: string;
  /** The origin the client reached us at (for links such as calendar feed URLs). */
  origin: string;
  userAgent?: string;
  /** Present on HTTP requests (not on subscriptions): used by login/logout to set the cookie. */
  req?: Request;
  res?: Response;
  setSessionCookie(token: string | null): void;
}

export function requireActor(ctx: Pick<Context, 'actor'>): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}
