import type { RouteMap } from '../types';
import { APPROVAL_TEMPLATE } from './approval';
import { CONTRACT_TEMPLATE } from './contract';
import { SALE_TEMPLATE } from './sale';

export { APPROVAL_TEMPLATE, CONTRACT_TEMPLATE, SALE_TEMPLATE };

/** The built-in templates by code, for seeding (SALE starts APPROVAL and CONTRACT as subprocesses). */
export const BUILT_IN_TEMPLATES: Readonly<Record<'SALE' | 'APPROVAL' | 'CONTRACT', RouteMap>> = {
  SALE: SALE_TEMPLATE,
  APPROVAL: APPROVAL_TEMPLATE,
  CONTRACT: CONTRACT_TEMPLATE,
};
