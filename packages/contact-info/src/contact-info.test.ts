import {
  addressPresentation,
  CONTACT_INFO_TYPES,
  isContactInfoType,
  normalizeContactInfo,
  type Result,
} from './index';

/** Returns the value of a successful result, failing the test with the error otherwise. */
function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`);
  return result.value;
}

/** Returns the error code of a failed result, failing the test on success. */
function errorCode<T>(result: Result<T>): string {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.code;
}

describe('normalizeContactInfo: PHONE', () => {
  it.each([
    ['+7 (495) 123-45-67'],
    ['8 495 1234567'],
    ['8 (495) 123-45-67'],
    ['  +7 495 123 45 67  '],
  ])('normalises the Russian format %j to E.164', (input) => {
    expect(unwrap(normalizeContactInfo('PHONE', input))).toEqual({
      type: 'PHONE',
      value: '+7 (495) 123-45-67',
      normalized: '+74951234567',
      searchKey: '74951234567',
    });
  });

  it.each([
    ['8 (495) 123-45-67 доб. 12'],
    ['+7 495 123 45 67 ext 12'],
    ['+7 495 123-45-67 x12'],
  ])('keeps the extension of %j out of normalized and searchKey', (input) => {
    expect(unwrap(normalizeContactInfo('PHONE', input))).toEqual({
      type: 'PHONE',
      value: '+7 (495) 123-45-67 ext. 12',
      normalized: '+74951234567',
      searchKey: '74951234567',
      extension: '12',
    });
  });

  it('accepts a mobile number with the trunk prefix', () => {
    expect(unwrap(normalizeContactInfo('PHONE', '89161234567')).normalized).toBe('+79161234567');
  });

  it('accepts foreign numbers with a country code', () => {
    const us = unwrap(normalizeContactInfo('PHONE', '+1 212 555 0100'));
    expect(us).toMatchObject({ value: '+1 212 555 0100', normalized: '+12125550100', searchKey: '12125550100' });
    expect(unwrap(normalizeContactInfo('PHONE', '+44 20 7946 0958')).normalized).toBe('+442079460958');
  });

  it('uses defaultRegion for numbers without a country code', () => {
    expect(unwrap(normalizeContactInfo('PHONE', '(212) 555-0100', { defaultRegion: 'US' })).normalized).toBe(
      '+12125550100',
    );
    // The same digits under the RU default are not a Russian number.
    expect(errorCode(normalizeContactInfo('PHONE', '(212) 555-0100'))).toBe('PHONE_INVALID');
  });

  it('ignores an unsupported defaultRegion instead of throwing', () => {
    expect(errorCode(normalizeContactInfo('PHONE', '495 123-45-67', { defaultRegion: 'ZZ' }))).toBe('PHONE_INVALID');
    expect(unwrap(normalizeContactInfo('PHONE', '+7 495 123-45-67', { defaultRegion: 'ZZ' })).normalized).toBe(
      '+74951234567',
    );
  });

  it.each([['1234567'], ['+7 495 123'], ['+7 000 000 00 00'], ['not a phone'], ['12']])(
    'rejects %j with PHONE_INVALID and an actionable message',
    (input) => {
      const result = normalizeContactInfo('PHONE', input);
      expect(errorCode(result)).toBe('PHONE_INVALID');
      expect(!result.ok && result.message).toMatch(/area code/);
    },
  );

  it('treats FAX exactly like PHONE', () => {
    expect(unwrap(normalizeContactInfo('FAX', '8 (495) 123-45-67'))).toMatchObject({
      type: 'FAX',
      normalized: '+74951234567',
      searchKey: '74951234567',
    });
    expect(errorCode(normalizeContactInfo('FAX', '1234567'))).toBe('PHONE_INVALID');
  });
});

describe('normalizeContactInfo: EMAIL', () => {
  it('trims and lower-cases', () => {
    expect(unwrap(normalizeContactInfo('EMAIL', '  Ivan.Petrov@Romashka.RU '))).toEqual({
      type: 'EMAIL',
      value: 'ivan.petrov@romashka.ru',
      normalized: 'ivan.petrov@romashka.ru',
      searchKey: 'ivan.petrov@romashka.ru',
    });
  });

  it.each([['a+tag@sub.example.com'], ["o'brien@example.ie"], ['info@пример.рф'], ['x@mail.xn--p1ai']])(
    'accepts %j',
    (input) => {
      expect(unwrap(normalizeContactInfo('EMAIL', input)).normalized).toBe(input);
    },
  );

  it.each([
    ['plainaddress'],
    ['a@b'],
    ['a@b.c'],
    ['a@@b.ru'],
    ['a@b@c.ru'],
    ['ivan petrov@example.ru'],
    ['.ivan@example.ru'],
    ['ivan..petrov@example.ru'],
    ['ivan@-example.ru'],
    ['ivan@example.r1'],
  ])('rejects %j with EMAIL_INVALID', (input) => {
    expect(errorCode(normalizeContactInfo('EMAIL', input))).toBe('EMAIL_INVALID');
  });
});

describe('normalizeContactInfo: WEB_PAGE', () => {
  it('adds https:// when the scheme is missing and keeps the typed value for display', () => {
    expect(unwrap(normalizeContactInfo('WEB_PAGE', 'Example.ru'))).toEqual({
      type: 'WEB_PAGE',
      value: 'Example.ru',
      normalized: 'https://example.ru',
      searchKey: 'example.ru',
    });
  });

  it('keeps an explicit scheme, path and query', () => {
    expect(unwrap(normalizeContactInfo('WEB_PAGE', 'https://example.ru/x')).normalized).toBe('https://example.ru/x');
    expect(unwrap(normalizeContactInfo('WEB_PAGE', 'http://example.ru/a?b=1')).normalized).toBe(
      'http://example.ru/a?b=1',
    );
    expect(unwrap(normalizeContactInfo('WEB_PAGE', 'example.ru:8080/shop')).normalized).toBe(
      'https://example.ru:8080/shop',
    );
  });

  it('gives "example.ru" and "https://example.ru/" the same normalized value', () => {
    expect(unwrap(normalizeContactInfo('WEB_PAGE', 'https://example.ru/')).normalized).toBe('https://example.ru');
  });

  it.each([['not a url'], ['https://'], ['intranet'], ['javascript:alert(1)'], ['ftp://example.ru'], ['mailto:a@b.ru'], ['ivan@example.ru']])(
    'rejects %j with URL_INVALID',
    (input) => {
      expect(errorCode(normalizeContactInfo('WEB_PAGE', input))).toBe('URL_INVALID');
    },
  );
});

describe('normalizeContactInfo: ADDRESS', () => {
  it('builds the presentation from parts in Russian order with abbreviations for bare numbers', () => {
    const result = unwrap(
      normalizeContactInfo('ADDRESS', '', {
        parts: {
          apartment: '10',
          building: '2',
          house: '5',
          street: 'ул. Тверская',
          city: 'Москва',
          country: 'Россия',
          postalCode: '125009',
        },
      }),
    );
    expect(result.value).toBe('125009, Россия, Москва, ул. Тверская, д. 5, корп. 2, кв. 10');
    expect(result.normalized).toBe(result.value);
    expect(result.searchKey).toBe('125009 россия москва ул тверская д 5 корп 2 кв 10');
    expect(result.parts).toEqual({
      postalCode: '125009',
      country: 'Россия',
      city: 'Москва',
      street: 'ул. Тверская',
      house: '5',
      building: '2',
      apartment: '10',
    });
  });

  it('uses pieces that are not bare numbers as typed and skips blank ones', () => {
    expect(
      addressPresentation({
        region: 'Московская обл.',
        district: ' ',
        settlement: 'пос. Зелёный',
        house: '5А',
        building: 'стр. 3',
        apartment: 'офис 12',
      }),
    ).toBe('Московская обл., пос. Зелёный, 5А, стр. 3, офис 12');
  });

  it('prefers a typed presentation over parts but keeps the parts', () => {
    const result = unwrap(normalizeContactInfo('ADDRESS', '  г. Москва, ул. Тверская, 1  ', { parts: { city: 'Москва' } }));
    expect(result.value).toBe('г. Москва, ул. Тверская, 1');
    expect(result.parts).toEqual({ city: 'Москва' });
  });

  it('collapses punctuation and replaces ё in the search key', () => {
    expect(unwrap(normalizeContactInfo('ADDRESS', 'Зелёная ул.,  д.5/2')).searchKey).toBe('зеленая ул д 5 2');
  });

  it('rejects an empty presentation without usable parts', () => {
    expect(errorCode(normalizeContactInfo('ADDRESS', '   '))).toBe('ADDRESS_EMPTY');
    expect(errorCode(normalizeContactInfo('ADDRESS', '', { parts: { city: '  ' } }))).toBe('ADDRESS_EMPTY');
  });

  it('rejects a presentation built from parts that exceeds 500 characters', () => {
    expect(errorCode(normalizeContactInfo('ADDRESS', '', { parts: { street: 'у'.repeat(501) } }))).toBe(
      'VALUE_TOO_LONG',
    );
  });
});

describe('normalizeContactInfo: MESSENGER, OTHER and common rules', () => {
  it('trims MESSENGER and OTHER values and lower-cases their search key', () => {
    expect(unwrap(normalizeContactInfo('MESSENGER', '  Telegram: @Ivan_Petrov '))).toEqual({
      type: 'MESSENGER',
      value: 'Telegram: @Ivan_Petrov',
      normalized: 'Telegram: @Ivan_Petrov',
      searchKey: 'telegram: @ivan_petrov',
    });
    expect(unwrap(normalizeContactInfo('OTHER', 'Секретарь Алёна')).searchKey).toBe('секретарь алена');
  });

  it.each(CONTACT_INFO_TYPES.filter((t) => t !== 'ADDRESS'))('rejects an empty %s with VALUE_EMPTY', (type) => {
    expect(errorCode(normalizeContactInfo(type, '  \t '))).toBe('VALUE_EMPTY');
  });

  it.each(CONTACT_INFO_TYPES)('rejects a %s longer than 500 characters with VALUE_TOO_LONG', (type) => {
    expect(errorCode(normalizeContactInfo(type, '1'.repeat(501)))).toBe('VALUE_TOO_LONG');
  });

  it('accepts exactly 500 characters', () => {
    expect(unwrap(normalizeContactInfo('OTHER', 'x'.repeat(500))).value).toHaveLength(500);
  });

  it('reports an unknown type from an untyped caller instead of throwing', () => {
    expect(errorCode(normalizeContactInfo('SKYPE' as never, 'ivan'))).toBe('TYPE_UNKNOWN');
    expect(isContactInfoType('SKYPE')).toBe(false);
    expect(isContactInfoType('PHONE')).toBe(true);
  });
});
