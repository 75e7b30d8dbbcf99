import { normalizeContactInfo } from '@crm/contact-info';
import type {
  ContactInfoFieldsFragment,
  ContactInfoInput,
  ContactInfoType,
} from '../../graphql/graphql';

export const CONTACT_INFO_TYPES: readonly ContactInfoType[] = [
  'PHONE',
  'EMAIL',
  'ADDRESS',
  'WEB_PAGE',
  'FAX',
  'MESSENGER',
  'OTHER',
];

export const ADDRESS_PART_KEYS = [
  'country',
  'postalCode',
  'region',
  'district',
  'city',
  'settlement',
  'street',
  'house',
  'building',
  'apartment',
] as const;

export type AddressPartKey = (typeof ADDRESS_PART_KEYS)[number];
export type AddressPartsDraft = Record<AddressPartKey, string>;
export type RowField = 'type' | 'kindId' | 'value' | 'comment';
export type RowErrors = Partial<Record<RowField, string>>;

/** One line of the editor; `key` is stable across edits so errors and focus stay with their line. */
export interface ContactInfoRow {
  key: string;
  id?: string;
  type: ContactInfoType;
  kindId: string;
  value: string;
  comment: string;
  parts: AddressPartsDraft;
  /** Address entered by parts rather than as one line. */
  structured: boolean;
}

let sequence = 0;
const nextKey = () => `row-${++sequence}`;

export function emptyParts(): AddressPartsDraft {
  return Object.fromEntries(ADDRESS_PART_KEYS.map((k) => [k, ''])) as AddressPartsDraft;
}

export function newRow(type: ContactInfoType, kindId: string): ContactInfoRow {
  return { key: nextKey(), type, kindId, value: '', comment: '', parts: emptyParts(), structured: false };
}

export function rowsFromServer(records: readonly ContactInfoFieldsFragment[]): ContactInfoRow[] {
  return [...records]
    .sort((a, b) => a.position - b.position)
    .map((r) => {
      const parts = emptyParts();
      for (const k of ADDRESS_PART_KEYS) parts[k] = r.parts?.[k] ?? '';
      return {
        key: nextKey(),
        id: r.id,
        type: r.type,
        kindId: r.kindId,
        value: r.value,
        comment: r.comment ?? '',
        parts,
        structured: ADDRESS_PART_KEYS.some((k) => parts[k] !== ''),
      };
    });
}

function hasParts(row: ContactInfoRow): boolean {
  return row.type === 'ADDRESS' && row.structured && ADDRESS_PART_KEYS.some((k) => row.parts[k].trim() !== '');
}

/** A line the user added and left empty: dropped on save rather than refused. */
export function isBlank(row: ContactInfoRow): boolean {
  return row.value.trim() === '' && !hasParts(row);
}

/** Only the filled parts, as plain strings (both the API input and the shared normaliser accept this shape). */
function partsInput(row: ContactInfoRow): Partial<Record<AddressPartKey, string>> | undefined {
  if (!hasParts(row)) return undefined;
  const parts: Partial<Record<AddressPartKey, string>> = {};
  for (const k of ADDRESS_PART_KEYS) {
    const v = row.parts[k].trim();
    if (v) parts[k] = v;
  }
  return parts;
}

/**
 * The list to send (it replaces the stored one) and, per sent index, the row key: server errors name
 * `contactInfo.<index>.<field>` and must land on the right line even though blank lines were skipped.
 */
export function rowsToInput(rows: readonly ContactInfoRow[]): { input: ContactInfoInput[]; keys: string[] } {
  const kept = rows.filter((r) => !isBlank(r));
  return {
    keys: kept.map((r) => r.key),
    input: kept.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      type: r.type,
      kindId: r.kindId,
      value: r.value.trim(),
      parts: partsInput(r),
      comment: r.comment.trim() || undefined,
    })),
  };
}

/** Address presentation built from the parts, as the server will build it when the line is empty. */
export function addressPreview(row: ContactInfoRow): string {
  const result = normalizeContactInfo('ADDRESS', '', { parts: partsInput(row) ?? {} });
  return result.ok ? result.value.value : '';
}

/** Client-side reason codes per line, the same checks the server makes (shared package). */
export function validateRow(row: ContactInfoRow): Partial<Record<RowField, string>> {
  if (isBlank(row)) return {};
  const errors: Partial<Record<RowField, string>> = {};
  if (!row.kindId) errors.kindId = 'KIND_REQUIRED';
  const result = normalizeContactInfo(row.type, row.value, { parts: partsInput(row) });
  if (!result.ok) errors.value = result.code;
  return errors;
}

export const hasRowErrors = (row: ContactInfoRow): boolean => Object.keys(validateRow(row)).length > 0;

/** `contactInfo.3.value` -> errors of the line that was sent as index 3. */
export function rowErrorsFromServer(
  fields: Record<string, string>,
  keys: readonly string[],
): Record<string, RowErrors> {
  const byRow: Record<string, RowErrors> = {};
  for (const [path, text] of Object.entries(fields)) {
    const match = /^contactInfo\.(\d+)(?:\.(\w+))?/.exec(path);
    if (!match) continue;
    const key = keys[Number(match[1])];
    if (!key) continue;
    const sub = match[2];
    const field: RowField = sub === 'type' || sub === 'kindId' || sub === 'comment' ? sub : 'value';
    byRow[key] = { ...byRow[key], [field]: text };
  }
  return byRow;
}

/** Phones, e-mails and INN are what duplicates are searched by; only values that parse are worth asking about. */
export function duplicateProbe(rows: readonly ContactInfoRow[]): ContactInfoInput[] {
  return rows
    .filter((r) => (r.type === 'PHONE' || r.type === 'EMAIL' || r.type === 'FAX') && r.kindId && !isBlank(r))
    .filter((r) => normalizeContactInfo(r.type, r.value).ok)
    .map((r) => ({ type: r.type, kindId: r.kindId, value: r.value.trim() }));
}
