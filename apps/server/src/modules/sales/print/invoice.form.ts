import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { Dec } from '../money';
import { amountInWords } from './amount-in-words';
import { partyLine, rule, totalsBlock } from './common';
import { formatDateLongRu, formatDateRu, formatMoneyRu, formatQuantityRu, initials } from './format';
import { renderPdf } from './pdf';
import type { InvoicePrint } from './print.types';

/** The bank details block at the top of a Russian invoice, laid out as the payment order fields. */
function bankBlock(doc: InvoicePrint): Content {
  const org = doc.organization;
  const bank = doc.bankAccount;
  const cell = (text: string, extra: { rowSpan?: number; colSpan?: number; border?: [boolean, boolean, boolean, boolean]; fontSize?: number } = {}): TableCell => ({ text, ...extra });
  return {
    table: {
      widths: ['*', '*', 45, 150],
      body: [
        [cell(bank?.bankName ?? '', { colSpan: 2, border: [true, true, true, false] }), '', cell('БИК'), cell(bank?.bik ?? '', { border: [true, true, true, false] })],
        [cell('Банк получателя', { colSpan: 2, fontSize: 7, border: [true, false, true, true] }), '', cell('Сч. №'), cell(bank?.correspondentAccount ?? '', { border: [true, false, true, true] })],
        [cell(`ИНН ${org.inn ?? ''}`), cell(`КПП ${org.kpp ?? ''}`), cell('Сч. №', { rowSpan: 2 }), cell(bank?.accountNumber ?? '', { rowSpan: 2 })],
        [cell(org.fullName || org.name, { colSpan: 2, border: [true, true, true, false] }), '', '', ''],
        [cell('Получатель', { colSpan: 2, fontSize: 7, border: [true, false, true, true] }), '', '', ''],
      ],
    },
    margin: [0, 0, 0, 12],
  };
}

function linesTable(doc: InvoicePrint): Content {
  const head = ['№', 'Товары (работы, услуги)', 'Кол-во', 'Ед.', 'Цена', 'Сумма'].map((text): TableCell => ({ text, bold: true, alignment: 'center', fillColor: '#eeeeee' }));
  const body: TableCell[][] = doc.lines.map((l, i) => [
    { text: String(i + 1), alignment: 'center' },
    l.name,
    { text: formatQuantityRu(l.quantity), alignment: 'right' },
    l.unit,
    { text: formatMoneyRu(discounted(l.amount, l.quantity, l.price, l.discountPercent)), alignment: 'right' },
    { text: formatMoneyRu(l.amount), alignment: 'right' },
  ]);
  return { table: { headerRows: 1, widths: [20, '*', 50, 30, 70, 80], body: [head, ...body] }, margin: [0, 8, 0, 0] };
}

/**
 * The price column shows the price the buyer gets: with a discount that is the line amount per unit, as 1C
 * prints it, so that «Кол-во × Цена = Сумма» reads right on paper.
 */
function discounted(amount: string, quantity: string, price: string, discountPercent: string): string {
  if (new Dec(discountPercent).isZero()) return price;
  return new Dec(amount).dividedBy(quantity).toFixed(2, Dec.ROUND_HALF_UP);
}

/** «Руководитель ______ Иванов И. И.   Бухгалтер ______ Петрова М. С.»: the blanks are cells with a bottom rule. */
function signatures(director: string | null, accountant: string | null): Content {
  const blank: TableCell = { text: ' ', border: [false, false, false, true] };
  const plain = (text: string, bold = false): TableCell => ({ text, bold, border: [false, false, false, false] });
  return {
    table: {
      widths: [62, 90, 90, 52, 90, 90],
      body: [[plain('Руководитель', true), blank, plain(initials(director)), plain('Бухгалтер', true), blank, plain(initials(accountant))]],
    },
    margin: [0, 18, 0, 0],
  };
}

/** «Счет на оплату № … от …» as a PDF, in the usual layout of Russian invoices. */
export function invoiceDefinition(doc: InvoicePrint): TDocumentDefinitions {
  const org = doc.organization;
  return {
    info: { title: `Счет на оплату № ${doc.number} от ${formatDateRu(doc.date)}`, author: org.name, creator: 'Open CRM' },
    pageMargins: [40, 30, 40, 40],
    content: [
      bankBlock(doc),
      { text: `Счет на оплату № ${doc.number} от ${formatDateLongRu(doc.date)}`, fontSize: 14, bold: true },
      rule(),
      {
        table: {
          widths: [95, '*'],
          body: [
            [{ text: 'Поставщик\n(Исполнитель):' }, { text: partyLine(org), bold: true }],
            [{ text: 'Покупатель\n(Заказчик):' }, { text: partyLine(doc.counterparty), bold: true }],
            ...(doc.basis ? [[{ text: 'Основание:' }, { text: doc.basis, bold: true }]] : []),
          ],
        },
        layout: 'noBorders',
      },
      linesTable(doc),
      totalsBlock(doc, 'Всего к оплате:'),
      { text: `Всего наименований ${doc.lines.length}, на сумму ${formatMoneyRu(doc.totals.total)} руб.`, margin: [0, 6, 0, 0] },
      { text: amountInWords(doc.totals.total), bold: true },
      ...(doc.paymentDueDate ? [{ text: `Оплатить не позднее ${formatDateRu(doc.paymentDueDate)}`, margin: [0, 6, 0, 0] } as Content] : []),
      ...(doc.comment ? [{ text: doc.comment, margin: [0, 6, 0, 0], italics: true } as Content] : []),
      rule(),
      signatures(org.directorName, org.chiefAccountantName),
    ],
  };
}

export function renderInvoicePdf(doc: InvoicePrint): Promise<Buffer> {
  return renderPdf(invoiceDefinition(doc));
}
