import type { Services } from '../core/services';
import { Role, type Actor } from '../modules/auth/user.entity';
import { ContactInfoType, LegalType, RelationType } from '../modules/contacts/contacts.enums';
import type { ContactInfoInput } from '../modules/contacts/contacts.inputs';
import { CrmObjectType, EventDirection, EventKind, EventState } from '../modules/activities/activities.enums';

const DEMO_PASSWORD = 'demo-password-2026';

const COMPANIES = [
  ['Ромашка', 'ООО «Ромашка»'], ['СтройИнвест', 'АО «СтройИнвест»'], ['ТехноСервис', 'ООО «ТехноСервис»'], ['Северный ветер', 'ООО «Северный ветер»'],
  ['Альфа-Трейд', 'ООО «Альфа-Трейд»'], ['Волга-Логистик', 'ООО «Волга-Логистик»'], ['Уральские самоцветы', 'АО «Уральские самоцветы»'], ['Сибирский хлеб', 'ООО «Сибирский хлеб»'],
  ['Медтехника Плюс', 'ООО «Медтехника Плюс»'], ['Балтийская верфь', 'АО «Балтийская верфь»'], ['Кубань-Агро', 'ООО «Кубань-Агро»'], ['ИнфоСофт', 'ООО «ИнфоСофт»'],
  ['Горизонт', 'ООО «Горизонт»'], ['Меридиан', 'ООО «Меридиан»'], ['Торговый дом Восток', 'ООО «ТД Восток»'], ['ЭнергоМонтаж', 'АО «ЭнергоМонтаж»'],
  ['Петербургская мебель', 'ООО «Петербургская мебель»'], ['Дальпромснаб', 'ООО «Дальпромснаб»'], ['Кристалл', 'ООО «Кристалл»'], ['Гранит', 'ООО «Гранит»'],
];
const CITIES = [
  ['Москва', '495', 'ул. Тверская'], ['Санкт-Петербург', '812', 'Невский пр-т'], ['Екатеринбург', '343', 'ул. Ленина'], ['Новосибирск', '383', 'Красный пр-т'],
  ['Казань', '843', 'ул. Баумана'], ['Нижний Новгород', '831', 'ул. Большая Покровская'], ['Самара', '846', 'ул. Куйбышева'], ['Краснодар', '861', 'ул. Красная'],
];
const PEOPLE = [
  ['Иванов', 'Сергей', 'Петрович', 'Генеральный директор'], ['Смирнова', 'Анна', 'Викторовна', 'Главный бухгалтер'], ['Кузнецов', 'Дмитрий', 'Алексеевич', 'Начальник отдела закупок'],
  ['Попова', 'Елена', 'Игоревна', 'Менеджер по закупкам'], ['Васильев', 'Андрей', 'Николаевич', 'Технический директор'], ['Соколова', 'Ольга', 'Сергеевна', 'Офис-менеджер'],
];

/** INN with valid checksum from 9 given digits (demo data must pass the same validation as real input). */
function innFrom(seed: number): string {
  const base = String(7700000000 + seed * 7919).slice(0, 9).split('').map(Number);
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const check = (w.reduce((s, k, i) => s + k * base[i], 0) % 11) % 10;
  return base.join('') + check;
}

/** A realistic demo data set: a sales team and Russian companies with phones, addresses and contact persons. */
export async function seedDemo(services: Services): Promise<string> {
  const existing = await services.db.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE '%@demo.crm'`);
  if (existing[0].n > 0) return 'Demo data is already loaded.';
  const admin = await services.db.query(`SELECT id, email, full_name, role FROM users WHERE role = 'ADMINISTRATOR' ORDER BY created_at LIMIT 1`);
  const root: Actor = { id: admin[0].id, email: admin[0].email, fullName: admin[0].full_name, role: Role.ADMINISTRATOR, timeZone: 'Europe/Moscow', via: 'session', teamIds: [admin[0].id] };
  const head = await services.users.create(root, { email: 'head@demo.crm', password: DEMO_PASSWORD, fullName: 'Орлова Мария Андреевна', role: Role.SUPERVISOR });
  const managers = [
    await services.users.create(root, { email: 'petrov@demo.crm', password: DEMO_PASSWORD, fullName: 'Петров Алексей Иванович', role: Role.MANAGER, supervisorId: head.id }),
    await services.users.create(root, { email: 'sidorova@demo.crm', password: DEMO_PASSWORD, fullName: 'Сидорова Наталья Олеговна', role: Role.MANAGER, supervisorId: head.id }),
  ];
  await services.users.create(root, { email: 'marketing@demo.crm', password: DEMO_PASSWORD, fullName: 'Лебедева Ирина Павловна', role: Role.MARKETER });
  const kinds = await services.contactInfo.listKinds();
  const kind = (code: string) => kinds.find((k) => k.code === code)!.id;

  let persons = 0;
  for (const [i, [name, fullName]] of COMPANIES.entries()) {
    const [city, code, street] = CITIES[i % CITIES.length];
    const num = String(1000000 + ((i * 7331) % 8999999)).slice(-7);
    const contactInfo: ContactInfoInput[] = [
      { type: ContactInfoType.PHONE, kindId: kind('WORK_PHONE'), value: `+7 (${code}) ${num.slice(0, 3)}-${num.slice(3, 5)}-${num.slice(5)}` },
      { type: ContactInfoType.EMAIL, kindId: kind('EMAIL'), value: `info@${['romashka', 'stroyinvest', 'technoservice', 'sever', 'alfa', 'volga', 'ural', 'sibhleb', 'medtech', 'baltic', 'kuban', 'infosoft', 'horizont', 'meridian', 'tdvostok', 'energo', 'spbmebel', 'dps', 'kristall', 'granit'][i]}.ru` },
      { type: ContactInfoType.ADDRESS, kindId: kind('LEGAL_ADDRESS'), value: '', parts: { postalCode: String(100000 + i * 1111), city, street, house: String(1 + i) } },
    ];
    if (i % 3 === 0) contactInfo.push({ type: ContactInfoType.ADDRESS, kindId: kind('WAREHOUSE_ADDRESS'), value: `${city}, промзона «Южная», стр. ${i + 2}` });
    const manager = managers[i % managers.length];
    const actor: Actor = { id: manager.id, email: manager.email, fullName: manager.fullName, role: Role.MANAGER, timeZone: 'Europe/Moscow', via: 'session', teamIds: [manager.id] };
    const c = await services.counterparties.create(actor, {
      name,
      fullName,
      legalType: LegalType.LEGAL_ENTITY,
      inn: innFrom(i + 1),
      relationTypes: [i % 5 === 0 ? RelationType.POTENTIAL_CLIENT : RelationType.CLIENT],
      informationSource: ['Выставка', 'Сайт', 'Рекомендация', 'Холодный звонок'][i % 4],
      contactInfo,
    });
    // A working history: a completed call, and a planned next step (some today, some overdue, some ahead).
    const hour = 3600_000;
    const now = Date.now();
    await services.events.create(actor, {
      kind: EventKind.CALL,
      direction: EventDirection.OUTGOING,
      state: EventState.COMPLETED,
      subject: 'Первичный звонок: знакомство, потребности',
      result: 'Интересуются поставкой, попросили коммерческое предложение',
      start: new Date(now - (3 + i) * 24 * hour),
      end: new Date(now - (3 + i) * 24 * hour + 0.25 * hour),
      counterpartyId: c.id,
      basedOn: { type: CrmObjectType.COUNTERPARTY, id: c.id },
    });
    const plannedStart = new Date(now + ((i % 4) - 1) * 3 * hour);
    await services.events.create(actor, {
      kind: i % 2 ? EventKind.MEETING : EventKind.CALL,
      direction: EventDirection.OUTGOING,
      subject: i % 2 ? 'Встреча: презентация решения' : 'Звонок: обсудить предложение',
      start: plannedStart,
      end: new Date(plannedStart.getTime() + hour),
      counterpartyId: c.id,
      basedOn: { type: CrmObjectType.COUNTERPARTY, id: c.id },
    });
    for (let j = 0; j < 2; j++) {
      const [lastName, firstName, middleName, position] = PEOPLE[(i + j * 3) % PEOPLE.length];
      const mobile = String(9000000000 + ((i * 97 + j * 13) % 99999999));
      await services.contactPersons.create(actor, {
        counterpartyId: c.id,
        lastName,
        firstName,
        middleName,
        position,
        contactInfo: [{ type: ContactInfoType.PHONE, kindId: kind('MOBILE_PHONE'), value: `8 ${mobile}` }],
      });
      persons++;
    }
  }
  return `Demo data loaded: ${COMPANIES.length} counterparties, ${persons} contact persons, ${COMPANIES.length * 2} events, 4 users (password "${DEMO_PASSWORD}": head@demo.crm, petrov@demo.crm, sidorova@demo.crm, marketing@demo.crm).`;
}
