import type { TFunction } from 'i18next';
import { formatDateTime } from '../../lib/format';

/** Fields whose stored values are enum codes the interface has words for. */
const ENUM_FIELDS: Record<string, string> = {
  legalType: 'legalType',
  relationTypes: 'relationType',
  relationType: 'relationType',
  role: 'role',
  type: 'contactInfo.type',
  locale: 'language',
  kind: 'eventKind',
  direction: 'eventDirection',
  state: 'eventState',
  importance: 'importance',
};

/** Instants are stored as ISO strings; show them as dates in the user's zone. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Names the history list can look up for ids stored in audit values. */
export interface AuditLookups {
  kindName?: (kindId: string) => string | undefined;
}

function describeObject(t: TFunction, value: Record<string, unknown>, lookups: AuditLookups): string {
  // Contact-information records are stored as { type, kindId, value, comment }: show "Mobile phone: +7 …".
  const shown = value.value ?? value.name ?? value.label ?? value.fullName;
  if (typeof shown === 'string') {
    const kind =
      (typeof value.kindId === 'string' ? lookups.kindName?.(value.kindId) : undefined) ??
      (typeof value.type === 'string' ? t(`contactInfo.type.${value.type}`) : undefined);
    const comment = typeof value.comment === 'string' && value.comment ? ` (${value.comment})` : '';
    return kind ? `${kind}: ${shown}${comment}` : `${shown}${comment}`;
  }
  return JSON.stringify(value);
}

/** An audit value (any JSON) as a short text for the history list. */
export function formatAuditValue(t: TFunction, field: string, value: unknown, lookups: AuditLookups = {}): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return String(value);
  const enumPrefix = ENUM_FIELDS[field];
  if (typeof value === 'string') {
    if (enumPrefix) return t(`${enumPrefix}.${value}`, { defaultValue: value });
    return ISO_INSTANT.test(value) ? formatDateTime(value) : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value.map((item) => formatAuditValue(t, field, item, lookups)).join(field === 'contactInfo' ? '; ' : ', ');
  }
  if (typeof value === 'object') return describeObject(t, value as Record<string, unknown>, lookups);
  return String(value);
}
