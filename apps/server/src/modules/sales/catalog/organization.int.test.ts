import { randomInn, startTestServer, unique, type TestServer } from '../../../test/harness';
import { Role } from '../../auth/user.entity';

const FIELDS = `id name fullName inn kpp ogrn vatPayer isDefault deletionMark version directorName chiefAccountantName
  bankAccounts { id bankName bik correspondentAccount accountNumber isDefault deletionMark version } defaultBankAccount { id accountNumber }`;
const CREATE = `mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $i) { ${FIELDS} } }`;
const CREATE_ACCOUNT = `mutation($i: CreateBankAccountInput!) { createBankAccount(input: $i) { id isDefault accountNumber organization { id } } }`;
const GET = `query($id: ID!) { organization(id: $id) { ${FIELDS} } }`;

// Valid requisites of a fictitious bank (the checksums hold).
const BANK = { bankName: 'АО "Тестовый банк"', bik: '044525999', correspondentAccount: '30101810600000000999', accountNumber: '40702810600000012345' };

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const orgsWithInn = (inn: string) => t.factories.count('organizations', 'inn = $1', [inn]);

describe('organizations', () => {
  it('a fresh install has a default organization with a default bank account, readable by a manager', async () => {
    const { client } = await t.as(Role.MANAGER);
    const { defaultOrganization: org } = await client.ok(`{ defaultOrganization { ${FIELDS} viewerCan { update } } }`);
    expect(org).toMatchObject({ isDefault: true, deletionMark: false, vatPayer: true, viewerCan: { update: false } });
    expect(org.inn).toMatch(/^\d{10}$/);
    expect(org.defaultBankAccount).not.toBeNull();
    expect(org.bankAccounts.find((a: { isDefault: boolean }) => a.isDefault).bik).toMatch(/^04\d{7}$/);
    const { organizations } = await client.ok(`{ organizations { id isDefault } }`);
    expect(organizations[0]).toEqual({ id: org.id, isDefault: true });
  });

  it('only an administrator may create one; bad requisites are coded errors naming the field and write nothing', async () => {
    const inn = randomInn();
    const { client: supervisor } = await t.as(Role.SUPERVISOR);
    expect((await supervisor.gql(CREATE, { i: { name: unique('Org '), inn, kpp: '770101001' } })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const { client } = await t.as(Role.ADMINISTRATOR);
    const bad: Array<[Record<string, unknown>, string, string]> = [
      [{ inn: inn.slice(0, 9) + String((Number(inn[9]) + 1) % 10), kpp: '770101001' }, 'inn', 'INN_CHECKSUM'],
      [{ inn }, 'kpp', 'REQUIRED'],
      [{ inn, kpp: '77-01' }, 'kpp', 'KPP_FORMAT'],
      [{ inn, kpp: '770101001', ogrn: '1027700000007' }, 'ogrn', 'OGRN_CHECKSUM'],
    ];
    for (const [input, field, reason] of bad) {
      const r = await client.gql(CREATE, { i: { name: unique('Org '), ...input } });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
    expect(await orgsWithInn(inn)).toBe(0);
  });

  it('creates an organization, adds accounts (the first is default), moves the default, refuses a bad account', async () => {
    const { client } = await t.as(Role.ADMINISTRATOR);
    const inn = randomInn();
    const { createOrganization: org } = await client.ok(CREATE, { i: { name: unique('ООО Вторая '), inn, kpp: '770101001', ogrn: '1027700000008', directorName: 'Сидоров С. С.' } });
    expect(org).toMatchObject({ inn, isDefault: false, fullName: org.name, bankAccounts: [], defaultBankAccount: null });
    const badAccount = await client.gql(CREATE_ACCOUNT, { i: { organizationId: org.id, ...BANK, accountNumber: '40702810600000012346' } });
    expect(badAccount.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'accountNumber', reason: 'ACCOUNT_CHECKSUM' });
    const badBik = await client.gql(CREATE_ACCOUNT, { i: { organizationId: org.id, ...BANK, bik: '123' } });
    expect(badBik.errors?.[0].extensions).toMatchObject({ field: 'bik', reason: 'BIK_FORMAT' });
    expect(await t.factories.count('bank_accounts', 'organization_id = $1', [org.id])).toBe(0);

    const { createBankAccount: first } = await client.ok(CREATE_ACCOUNT, { i: { organizationId: org.id, ...BANK } });
    expect(first).toMatchObject({ isDefault: true, organization: { id: org.id } });
    const { createBankAccount: second } = await client.ok(CREATE_ACCOUNT, { i: { organizationId: org.id, ...BANK, correspondentAccount: null, isDefault: true } });
    expect(second.isDefault).toBe(true);
    const { organization } = await client.ok(GET, { id: org.id });
    expect(organization.bankAccounts.map((a: { id: string; isDefault: boolean }) => [a.id, a.isDefault])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
    expect(organization.defaultBankAccount.id).toBe(second.id);
    const audit = await t.factories.auditOf(first.id);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE']);
  });

  it('makes another organization the default (one default at a time), refuses a stale version and marking the default', async () => {
    const { client } = await t.as(Role.ADMINISTRATOR);
    const { defaultOrganization: original } = await client.ok(`{ defaultOrganization { id version } }`);
    const { createOrganization: org } = await client.ok(CREATE, { i: { name: unique('ООО Третья '), inn: randomInn(), kpp: '770101001' } });
    try {
      const { updateOrganization: made } = await client.ok(UPDATE, { id: org.id, i: { version: org.version, isDefault: true } });
      expect(made.isDefault).toBe(true);
      expect(await t.factories.count('organizations', 'is_default')).toBe(1);
      const stale = await client.gql(UPDATE, { id: org.id, i: { version: org.version, name: 'Другое имя' } });
      expect(stale.errors?.[0].extensions.code).toBe('CONFLICT');
      const mark = await client.gql(`mutation($id: ID!) { setOrganizationDeletionMark(id: $id, deletionMark: true) { id } }`, { id: org.id });
      expect(mark.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DEFAULT_ORGANIZATION' });
      const unset = await client.gql(UPDATE, { id: org.id, i: { version: made.version, isDefault: false } });
      expect(unset.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'isDefault', reason: 'DEFAULT_REQUIRED' });
    } finally {
      // Other test files of this worker expect the seeded organization to be the default.
      const { organization } = await client.ok(`query($id: ID!) { organization(id: $id) { version } }`, { id: original.id });
      await client.ok(UPDATE, { id: original.id, i: { version: organization.version, isDefault: true } });
    }
    const { defaultOrganization } = await client.ok(`{ defaultOrganization { id } }`);
    expect(defaultOrganization.id).toBe(original.id);
  });
});
