import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { fail, ok, type Result } from './result';
import { addressSearchKey, textSearchKey } from './search-keys';

export const CONTACT_INFO_TYPES = ['ADDRESS', 'PHONE', 'EMAIL', 'WEB_PAGE', 'FAX', 'MESSENGER', 'OTHER'] as const;
export type ContactInfoType = (typeof CONTACT_INFO_TYPES)[number];

export function isContactInfoType(value: unknown): value is ContactInfoType {
  return (CONTACT_INFO_TYPES as readonly unknown[]).includes(value);
}

export interface AddressParts {
  country?: string;
  postalCode?: string;
  region?: string;
  district?: string;
  city?: string;
  settlement?: string;
  street?: string;
  house?: string;
  building?: string;
  apartment?: string;
}

export interface NormalizedContactInfo {
  type: ContactInfoType;
  /** Presentation shown to people. */
  value: string;
  /** Canonical machine value: E.164, lower-cased e-mail, URL with scheme, trimmed value. */
  normalized: string;
  /** What fragment search matches against. */
  searchKey: string;
  /** Phone extension digits. */
  extension?: string;
  /** ADDRESS only. */
  parts?: AddressParts;
}

export interface NormalizeOptions {
  parts?: AddressParts;
  /** ISO 3166-1 alpha-2 region for numbers typed without a country code. Default 'RU'. */
  defaultRegion?: string;
}

export const MAX_CONTACT_INFO_LENGTH = 500;

/** Parse and normalise one contact-information value of a type. */
export function normalizeContactInfo(
  type: ContactInfoType,
  value: string,
  options: NormalizeOptions = {},
): Result<NormalizedContactInfo> {
  const trimmed = value.trim();
  if (trimmed.length > MAX_CONTACT_INFO_LENGTH) return tooLong();
  if (type === 'ADDRESS') return normalizeAddress(trimmed, options.parts);
  if (trimmed === '') return fail('VALUE_EMPTY', 'Enter a value.');

  switch (type) {
    case 'PHONE':
    case 'FAX':
      return normalizePhone(type, trimmed, options.defaultRegion ?? 'RU');
    case 'EMAIL':
      return normalizeEmail(trimmed);
    case 'WEB_PAGE':
      return normalizeWebPage(trimmed);
    case 'MESSENGER':
    case 'OTHER':
      return ok({ type, value: trimmed, normalized: trimmed, searchKey: textSearchKey(trimmed) });
    default:
      // Reachable from untyped callers (JSON, GraphQL strings cast to the type).
      return fail('TYPE_UNKNOWN', `Unknown contact information type "${String(type)}".`);
  }
}

function tooLong<T>(): Result<T> {
  return fail('VALUE_TOO_LONG', `The value is longer than ${MAX_CONTACT_INFO_LENGTH} characters; shorten it.`);
}

function normalizePhone(type: 'PHONE' | 'FAX', input: string, defaultRegion: string): Result<NormalizedContactInfo> {
  const region = defaultRegion.toUpperCase();
  // An unknown region is treated as "no default": only numbers with "+country" parse.
  const phone = parsePhoneNumberFromString(input, isSupportedCountry(region) ? region : undefined);
  // The parser returns an object for many impossible numbers (e.g. "1234567" in RU),
  // so only isValid() (full metadata from /max) tells a real number.
  if (!phone || !phone.isValid()) {
    return fail(
      'PHONE_INVALID',
      'This is not a valid phone number. Enter it with the area code, e.g. +7 495 123-45-67 or 8 (495) 123-45-67; ' +
        'foreign numbers need the country code, e.g. +1 212 555 0100.',
    );
  }
  const extension = phone.ext ? String(phone.ext) : undefined;
  const formatExtension = (number: string, ext: string) => `${number} ext. ${ext}`;
  // Russian and Kazakh numbers read as people write them: "+7 (495) 123-45-67" (the national layout with +7
  // for the trunk 8); libphonenumber's international layout would give "+7 495 123 45 67".
  const value =
    phone.countryCallingCode === '7'
      ? phone.format('NATIONAL', { formatExtension }).replace(/^8\s?/, '+7 ')
      : phone.format('INTERNATIONAL', { formatExtension });
  return ok({
    type,
    value,
    normalized: phone.number,
    // Extension is left out so a search by the main line finds every extension.
    searchKey: phone.number.replace(/\D/g, ''),
    ...(extension ? { extension } : {}),
  });
}

/**
 * RFC 5322 "lite": dot-atom local part, dotted domain whose TLD is at least two letters.
 * Letters in the domain may be non-Latin because Cyrillic domains (.рф) are common here.
 */
const EMAIL_PATTERN =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,}|xn--[a-z0-9-]+)$/u;

function normalizeEmail(input: string): Result<NormalizedContactInfo> {
  const email = input.toLowerCase();
  if (!EMAIL_PATTERN.test(email)) {
    return fail('EMAIL_INVALID', 'This is not a valid e-mail address. Enter it as name@example.ru, without spaces.');
  }
  return ok({ type: 'EMAIL', value: email, normalized: email, searchKey: textSearchKey(email) });
}

// Requires "://" so that "example.ru:8080" is not mistaken for a scheme.
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

function normalizeWebPage(input: string): Result<NormalizedContactInfo> {
  const invalid = fail<NormalizedContactInfo>(
    'URL_INVALID',
    'This is not a valid web address. Enter it as example.ru or https://example.ru/page.',
  );
  const withScheme = HAS_SCHEME.test(input) ? input : `https://${input}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return invalid;
  }
  // URL() also accepts "https://intranet", "ftp://…" and "user:pass@host" (which is how
  // "mailto:a@b.ru" parses once "https://" is prepended); none is a customer's web page.
  const isWebPage =
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.hostname.includes('.') &&
    !url.username &&
    !url.password;
  if (!isWebPage) return invalid;
  // URL() lower-cases the host and punycodes IDNs, which makes values comparable;
  // the bare trailing "/" of a host-only address is dropped so "example.ru" and "example.ru/" match.
  const normalized = url.pathname === '/' && url.href.endsWith('/') ? url.href.slice(0, -1) : url.href;
  return ok({ type: 'WEB_PAGE', value: input, normalized, searchKey: textSearchKey(input) });
}

/** Russian address order, largest unit after the postcode, as on an envelope. */
const ADDRESS_ORDER: readonly (keyof AddressParts)[] = [
  'postalCode', 'country', 'region', 'district', 'city', 'settlement', 'street', 'house', 'building', 'apartment',
];

/** Abbreviation added only to a bare number: "5А" or "стр. 3" were typed with their own wording. */
const NUMBERED_PREFIX: Partial<Record<keyof AddressParts, string>> = {
  house: 'д. ',
  building: 'корп. ',
  apartment: 'кв. ',
};

function cleanParts(parts: AddressParts): AddressParts {
  const cleaned: AddressParts = {};
  for (const key of ADDRESS_ORDER) {
    const piece = parts[key]?.trim();
    if (piece) cleaned[key] = piece;
  }
  return cleaned;
}

export function addressPresentation(parts: AddressParts): string {
  const cleaned = cleanParts(parts);
  return ADDRESS_ORDER.flatMap((key) => {
    const piece = cleaned[key];
    if (!piece) return [];
    const prefix = NUMBERED_PREFIX[key];
    return [prefix && /^\d+$/.test(piece) ? prefix + piece : piece];
  }).join(', ');
}

function normalizeAddress(input: string, parts: AddressParts | undefined): Result<NormalizedContactInfo> {
  const cleaned = parts ? cleanParts(parts) : undefined;
  const presentation = input || (cleaned ? addressPresentation(cleaned) : '');
  if (!presentation) return fail('ADDRESS_EMPTY', 'Enter the address or at least one of its parts.');
  if (presentation.length > MAX_CONTACT_INFO_LENGTH) return tooLong();
  return ok({
    type: 'ADDRESS',
    value: presentation,
    normalized: presentation,
    searchKey: addressSearchKey(presentation),
    ...(cleaned && Object.keys(cleaned).length > 0 ? { parts: cleaned } : {}),
  });
}
