import { type Result, validateInn, validateKpp } from './index';

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

describe('validateInn', () => {
  it.each([['7707083893'], ['7830002293'], ['500100732259']])('accepts the valid INN %s', (inn) => {
    expect(unwrap(validateInn(inn))).toBe(inn);
  });

  // Weighted sums ≡ 10 (mod 11): the control digit is 10 mod 10 = 0, the step most often forgotten.
  it.each([['7707083090'], ['500100732403']])('accepts %s whose control digit comes from a remainder of 10', (inn) => {
    expect(unwrap(validateInn(inn))).toBe(inn);
  });

  it('returns trimmed digits', () => {
    expect(unwrap(validateInn('  7707083893 '))).toBe('7707083893');
  });

  it.each([
    ['7707083894', 'wrong 10th digit'],
    ['7707083839', 'swapped digits'],
    ['500100732258', 'wrong 12th digit'],
    ['500100732269', 'wrong 11th digit'],
  ])('rejects %s (%s) with INN_CHECKSUM', (inn) => {
    expect(errorCode(validateInn(inn))).toBe('INN_CHECKSUM');
  });

  it.each([['0000000000'], ['000000000000']])('rejects the all-zeros placeholder %s', (inn) => {
    expect(errorCode(validateInn(inn))).toBe('INN_FORMAT');
  });

  it.each([[''], ['770708389'], ['77070838931'], ['5001007322590'], ['77070838Э3'], ['7707 083893']])(
    'rejects %j with INN_FORMAT',
    (inn) => {
      expect(errorCode(validateInn(inn))).toBe('INN_FORMAT');
    },
  );
});

describe('validateKpp', () => {
  it.each([['773601001'], ['7736AB001'], ['77360Z001']])('accepts %s', (kpp) => {
    expect(unwrap(validateKpp(kpp))).toBe(kpp);
  });

  it('trims and upper-cases Latin letters', () => {
    expect(unwrap(validateKpp(' 7736ab001 '))).toBe('7736AB001');
  });

  it.each([
    ['77360100'],
    ['7736010011'],
    ['A73601001'],
    ['7736010A1'],
    // Cyrillic "АВ" looks identical to Latin "AB" but is not allowed.
    ['7736АВ001'],
    [''],
  ])('rejects %j with KPP_FORMAT', (kpp) => {
    expect(errorCode(validateKpp(kpp))).toBe('KPP_FORMAT');
  });
});
