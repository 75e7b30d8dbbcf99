import { addressSearchKey, phoneQueryDigits, textSearchKey } from './index';

describe('phoneQueryDigits', () => {
  it.each([
    ['+7 (495) 123-45-67', '74951234567'],
    ['8 495 1234567', '74951234567'],
    ['8 (495) 123-45-67', '74951234567'],
    ['123-45-67', '1234567'],
    ['7707083893', '7707083893'],
    ['  495.123.45.67 ', '4951234567'],
    ['495', '495'],
    // Not 11 digits, so the leading 8 is not a trunk prefix.
    ['8495', '8495'],
    // "+81" is Japan: a "+" means the 8 is a country code, not a trunk prefix.
    ['+81 3 1234 5678', '81312345678'],
  ])('%j -> %j', (query, expected) => {
    expect(phoneQueryDigits(query)).toBe(expected);
  });

  it.each([['Ромашка'], ['ООО Ромашка 123'], ['12'], ['+7'], [''], ['495 доб. 12'], ['ivan@example.ru']])(
    '%j is not phone-like',
    (query) => {
      expect(phoneQueryDigits(query)).toBeNull();
    },
  );
});

describe('textSearchKey', () => {
  it('lower-cases, trims, collapses whitespace and replaces ё with е', () => {
    expect(textSearchKey('  Ёлкин   Пётр\tСергеевич \n')).toBe('елкин петр сергеевич');
    expect(textSearchKey('Ivan.Petrov@Example.RU')).toBe('ivan.petrov@example.ru');
  });
});

describe('addressSearchKey', () => {
  it('collapses punctuation so differently punctuated addresses match', () => {
    expect(addressSearchKey('г. Москва, ул. Тверская, д. 5')).toBe('г москва ул тверская д 5');
    expect(addressSearchKey('г Москва ул Тверская д 5')).toBe(addressSearchKey('г. Москва, ул. Тверская, д. 5'));
  });
});
