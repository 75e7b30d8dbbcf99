import type { Content, TableCell } from 'pdfmake/interfaces';
import { Dec } from '../money';
import { formatMoneyRu, formatPercentRu } from './format';
import type { PrintCounterparty, PrintDocument, PrintOrganization } from './print.types';

/** «ООО "Ромашка", ИНН 7701234567, КПП 770101001, 123456, г. Москва, ул. Ленина, д. 1, тел.: +7 495 123-45-67» */
export function partyLine(p: PrintOrganization | PrintCounterparty): string {
  const address = 'legalAddress' in p ? p.legalAddress : p.address;
  const phone = 'phone' in p ? p.phone : null;
  return [p.fullName || p.name, p.inn && `ИНН ${p.inn}`, p.kpp && `КПП ${p.kpp}`, address, phone && `тел.: ${phone}`].filter(Boolean).join(', ');
}

/**
 * The VAT lines under the table: per rate «В том числе НДС 20%:» (VAT in the prices) or «НДС 20%:» (added on
 * top), and «Без налога (НДС)» for lines without VAT or a supplier that pays none.
 */
export function vatRows(doc: PrintDocument): Array<[string, string]> {
  if (!doc.organization.vatPayer) return [['Без налога (НДС)', '-']];
  const byRate = new Map<string, Dec>();
  let withoutVat = false;
  for (const l of doc.lines) {
    if (l.vatPercent === null) {
      withoutVat = true;
      continue;
    }
    const key = new Dec(l.vatPercent).toFixed();
    byRate.set(key, (byRate.get(key) ?? new Dec(0)).plus(l.vat));
  }
  const rows: Array<[string, string]> = [...byRate].map(([rate, vat]) => [
    `${doc.vatMode === 'INCLUDED' ? 'В том числе НДС' : 'НДС'} ${formatPercentRu(rate)}%:`,
    formatMoneyRu(vat),
  ]);
  if (withoutVat || !rows.length) rows.push(['Без налога (НДС)', '-']);
  return rows;
}

/** The totals block right of the table: «Итого», the VAT lines, «Всего к оплате». */
export function totalsBlock(doc: PrintDocument, finalLabel: string): Content {
  const rows: TableCell[][] = [
    [{ text: 'Итого:', bold: true, alignment: 'right' }, { text: formatMoneyRu(doc.totals.amount), bold: true, alignment: 'right' }],
    ...vatRows(doc).map(([label, value]): TableCell[] => [
      { text: label, bold: true, alignment: 'right' },
      { text: value, bold: true, alignment: 'right' },
    ]),
    [{ text: finalLabel, bold: true, alignment: 'right' }, { text: formatMoneyRu(doc.totals.total), bold: true, alignment: 'right' }],
  ];
  return { table: { widths: ['*', 90], body: rows }, layout: 'noBorders', margin: [0, 4, 0, 0] };
}

export const rule = (width = 515): Content => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 1.5 }], margin: [0, 4, 0, 6] });
