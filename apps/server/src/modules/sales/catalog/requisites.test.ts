import { validateAccountNumber, validateBik, validateCorrespondentAccount, validateOgrn } from './requisites';

const reason = (c: ReturnType<typeof validateOgrn>) => (c.ok ? 'OK' : c.reason);

describe('requisites', () => {
  it('checks OGRN and OGRNIP control digits', () => {
    expect(validateOgrn('1027700000008')).toEqual({ ok: true, value: '1027700000008' });
    expect(reason(validateOgrn('1027700000007'))).toBe('OGRN_CHECKSUM');
    expect(reason(validateOgrn('102770000000'))).toBe('OGRN_FORMAT');
    // OGRNIP: the first 14 digits mod 13, then mod 10.
    const body = '30477000000000';
    const ogrnip = body + String(Number(BigInt(body) % 13n) % 10);
    expect(reason(validateOgrn(ogrnip))).toBe('OK');
    expect(reason(validateOgrn(body + String((Number(ogrnip[14]) + 1) % 10)))).toBe('OGRN_CHECKSUM');
  });

  it('checks the BIK format', () => {
    expect(reason(validateBik('044525999'))).toBe('OK');
    expect(reason(validateBik('144525999'))).toBe('BIK_FORMAT');
    expect(reason(validateBik('04452599'))).toBe('BIK_FORMAT');
  });

  it('checks a settlement account against the BIK', () => {
    expect(validateAccountNumber('4070 2810 6000 0001 2345', '044525999')).toEqual({ ok: true, value: '40702810600000012345' });
    expect(reason(validateAccountNumber('40702810600000012346', '044525999'))).toBe('ACCOUNT_CHECKSUM');
    expect(reason(validateAccountNumber('40702810600000012345', '044525225'))).toBe('ACCOUNT_CHECKSUM');
    expect(reason(validateAccountNumber('4070281060000001234', '044525999'))).toBe('ACCOUNT_FORMAT');
  });

  it('checks a correspondent account against the BIK', () => {
    expect(reason(validateCorrespondentAccount('30101810600000000999', '044525999'))).toBe('OK');
    expect(reason(validateCorrespondentAccount('30101810600000000998', '044525999'))).toBe('CORRESPONDENT_ACCOUNT_MISMATCH');
    expect(reason(validateCorrespondentAccount('30101810700000000999', '044525999'))).toBe('CORRESPONDENT_ACCOUNT_CHECKSUM');
    expect(reason(validateCorrespondentAccount('40101810600000000999', '044525999'))).toBe('CORRESPONDENT_ACCOUNT_FORMAT');
  });
});
