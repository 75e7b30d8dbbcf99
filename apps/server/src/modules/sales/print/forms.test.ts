import { renderInvoicePdf } from './invoice.form';
import { renderOfferPdf } from './offer.form';
import { pdfText } from './pdf-text.testing';
import { documentTotals, money, type LineInput } from '../money';
import type { InvoicePrint, OfferPrint, PrintLine } from './print.types';

const organization = {
  name: 'ООО "Наша компания"',
  fullName: 'Общество с ограниченной ответственностью "Наша компания"',
  inn: '7700000002',
  kpp: '770001001',
  legalAddress: '101000, г. Москва, ул. Примерная, д. 1',
  phone: '+7 495 000-00-00',
  directorName: 'Иванов Иван Иванович',
  directorTitle: 'Генеральный директор',
  chiefAccountantName: 'Петрова Мария Сергеевна',
  vatPayer: true,
};
const bankAccount = { bankName: 'ПАО "Пример Банк", г. Москва', bik: '044525999', correspondentAccount: '30101810400000000999', accountNumber: '40702810900000000001' };
const counterparty = { name: 'ООО «Ромашка»', fullName: null, inn: '7701234567', kpp: '770101001', address: 'г. Москва, ул. Цветочная, д. 5' };

function printed(input: Array<LineInput & { name: string; unit: string }>, mode: 'INCLUDED' | 'ADDED') {
  const t = documentTotals(input, mode);
  const lines: PrintLine[] = t.lines.map((l) => ({
    name: l.name,
    unit: l.unit,
    quantity: String(l.quantity),
    price: String(l.price),
    discountPercent: String(l.discountPercent ?? '0'),
    vatPercent: l.vatPercent === null ? null : String(l.vatPercent),
    amount: money(l.amount),
    vat: money(l.vat),
    total: money(l.total),
  }));
  return { lines, totals: { amount: money(t.amount), vat: money(t.vat), total: money(t.total) } };
}

const invoice = (over: Partial<InvoicePrint> & Pick<InvoicePrint, 'lines' | 'totals'>): InvoicePrint => ({
  number: 'INV-2026-000042',
  date: '2026-01-15',
  vatMode: 'INCLUDED',
  organization,
  counterparty,
  bankAccount,
  paymentDueDate: '2026-01-25',
  basis: null,
  comment: null,
  ...over,
});

/** pdf-parse returns table cells separated by tabs or spaces depending on the layout: compare on single spaces. */
const flat = (text: string) => text.replace(/[\t ]+/g, ' ');

describe('the invoice form', () => {
  it('prints the bank details, the parties, the lines, the VAT included, the total and the amount in words', async () => {
    const doc = invoice({
      ...printed(
        [
          { name: 'Стол офисный', unit: 'шт', quantity: '3', price: '12345.67', vatPercent: '20' },
          { name: 'Сборка мебели', unit: 'усл', quantity: '1', price: '0.01', vatPercent: '20' },
        ],
        'INCLUDED',
      ),
      basis: 'Коммерческое предложение № CO-2026-000007',
    });
    expect(doc.totals.total).toBe('37037.02');
    const pdf = await renderInvoicePdf(doc);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = flat(await pdfText(pdf));
    expect(text).toContain('Счет на оплату № INV-2026-000042 от 15 января 2026 г.');
    for (const s of ['Банк получателя', 'ПАО "Пример Банк", г. Москва', 'БИК', '044525999', '30101810400000000999', '40702810900000000001', 'ИНН 7700000002', 'КПП 770001001', 'Получатель']) {
      expect(text).toContain(s);
    }
    expect(text).toContain('Поставщик');
    expect(text).toContain('Покупатель');
    expect(text).toContain('ООО «Ромашка», ИНН 7701234567, КПП 770101001');
    expect(text).toContain('Основание:');
    for (const s of ['Товары (работы, услуги)', 'Кол-во', 'Ед.', 'Цена', 'Сумма', 'Стол офисный', '12 345,67', '37 037,01']) expect(text).toContain(s);
    expect(text).toContain('Итого: 37 037,02');
    expect(text).toContain('В том числе НДС 20%: 6 172,84'); // 6172.835 → 6172.84 + 0.00
    expect(text).toContain('Всего к оплате: 37 037,02');
    expect(text).toContain('Всего наименований 2, на сумму 37 037,02 руб.');
    expect(text).toContain('Тридцать семь тысяч тридцать семь рублей 02 копейки');
    expect(text).toContain('Оплатить не позднее 25.01.2026');
    expect(text).toContain('Руководитель');
    expect(text).toContain('Иванов И. И.');
    expect(text).toContain('Бухгалтер');
    expect(text).toContain('Петрова М. С.');
  });

  it('prints VAT added on top as «НДС 20%», one line per rate', async () => {
    const doc = invoice({
      vatMode: 'ADDED',
      ...printed(
        [
          { name: 'Кресло', unit: 'шт', quantity: '2', price: '1000.00', vatPercent: '20' },
          { name: 'Книга', unit: 'шт', quantity: '1', price: '500.00', vatPercent: '10' },
        ],
        'ADDED',
      ),
    });
    const text = flat(await pdfText(await renderInvoicePdf(doc)));
    expect(text).toContain('Итого: 2 500,00');
    expect(text).toContain('НДС 20%: 400,00');
    expect(text).toContain('НДС 10%: 50,00');
    expect(text).not.toContain('В том числе');
    expect(text).toContain('Всего к оплате: 2 950,00');
    expect(text).toContain('Две тысячи девятьсот пятьдесят рублей 00 копеек');
  });

  it('prints «Без налога (НДС)» for lines without VAT and for a supplier that pays none', async () => {
    const lines = printed([{ name: 'Консультация', unit: 'ч', quantity: '1.5', price: '2000.00', vatPercent: null }], 'INCLUDED');
    const text = flat(await pdfText(await renderInvoicePdf(invoice(lines))));
    expect(text).toContain('Без налога (НДС) -');
    expect(text).not.toContain('НДС 20%');
    expect(text).toContain('1,5');
    expect(text).toContain('Три тысячи рублей 00 копеек');

    const simplified = printed([{ name: 'Консультация', unit: 'ч', quantity: '1', price: '100.00', vatPercent: '20' }], 'INCLUDED');
    const text2 = flat(await pdfText(await renderInvoicePdf(invoice({ ...simplified, organization: { ...organization, vatPayer: false } }))));
    expect(text2).toContain('Без налога (НДС) -');
    expect(text2).not.toContain('НДС 20%');
  });

  it('runs over several pages when there are many lines, keeping the totals at the end', async () => {
    const many = printed(Array.from({ length: 80 }, (_, i) => ({ name: `Позиция ${i + 1}`, unit: 'шт', quantity: '1', price: '10.00', vatPercent: '20' })), 'INCLUDED');
    const text = flat(await pdfText(await renderInvoicePdf(invoice(many))));
    expect(text).toContain('Позиция 80');
    expect(text).toContain('Всего наименований 80, на сумму 800,00 руб.');
    expect(text).toMatch(/-- 2 of \d+ --/);
  });
});

describe('the commercial offer form', () => {
  it('prints the addressee, the lines with discounts, the totals, the amount in words and the validity', async () => {
    const lines = printed(
      [
        { name: 'Стол офисный', unit: 'шт', quantity: '3', price: '12345.67', vatPercent: '20', discountPercent: '10' },
        { name: 'Доставка', unit: 'усл', quantity: '1', price: '1500.00', vatPercent: '20' },
      ],
      'INCLUDED',
    );
    const doc: OfferPrint = { number: 'CO-2026-000007', date: '2026-01-10', vatMode: 'INCLUDED', organization, counterparty, ...lines, comment: 'Доставка по Москве бесплатно', validUntil: '2026-02-10', contactPersonName: 'Сидоров Петр', managerName: 'Менеджеров Олег' };
    expect(doc.totals.total).toBe('34833.31'); // 33333.31 (37037.01 less 10%) + 1500.00
    const text = flat(await pdfText(await renderOfferPdf(doc)));
    expect(text).toContain('Коммерческое предложение № CO-2026-000007 от 10 января 2026 г.');
    expect(text).toContain('Кому: ООО «Ромашка»');
    expect(text).toContain('Сидоров Петр');
    expect(text).toContain('Скидка, %');
    expect(text).toContain('33 333,31');
    expect(text).toContain('Всего: 34 833,31');
    expect(text).toContain('В том числе НДС 20%: 5 805,55'); // 5555.55 + 250.00
    expect(text).toContain('Тридцать четыре тысячи восемьсот тридцать три рубля 31 копейка');
    expect(text).toContain('Предложение действительно до 10 февраля 2026 г.');
    expect(text).toContain('Доставка по Москве бесплатно');
    expect(text).toContain('Менеджер: Менеджеров Олег');
  });
});
