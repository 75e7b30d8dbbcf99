import { Role, type Actor } from '../../auth/user.entity';
import { forbidden } from '../../../core/errors';

/**
 * Who edits what in the catalog. Everyone reads it (managers pick products for their deals and invoices).
 * Products and product groups: administrators and supervisors — the heads of sales keep price lists.
 * Our organizations and their bank accounts: administrators only — wrong requisites on an invoice send money astray.
 */
export function requireCatalogEditor(actor: Actor) {
  if (actor.role !== Role.ADMINISTRATOR && actor.role !== Role.SUPERVISOR) {
    throw forbidden('Only an administrator or a supervisor can change the product catalog');
  }
}

export function requireOrganizationAdmin(actor: Actor) {
  if (actor.role !== Role.ADMINISTRATOR) throw forbidden('Only an administrator can change our organizations and their bank accounts');
}

export const canEditCatalog = (actor: Actor) => actor.role === Role.ADMINISTRATOR || actor.role === Role.SUPERVISOR;
export const canEditOrganizations = (actor: Actor) => actor.role === Role.ADMINISTRATOR;
