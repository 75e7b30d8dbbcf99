import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { Dec } from '../money';
import { amountInWords } from './amount-in-words';
import { partyLine, rule, totalsBlock } from './common';
import { formatDateLongRu, formatDateRu, formatMoneyRu, formatPercentRu, formatQuantityRu, initials } from './format';
import { renderPdf } from './pdf';
import type { OfferPrint } from './print.types';

function linesTable(doc: OfferPrint): Content {
  const withDiscount = doc.lines.some((l) => !new Dec(l.discountPercent).isZero());
  const titles = ['№', 'Наименование', 'Кол-во', 'Ед.', 'Цена', ...(withDiscount ? ['Скидка, %'] : []), 'Сумма'];
  const head = titles.map((text): TableCell => ({ text, bold: true, alignment: 'center', fillColor: '#eeeeee' }));
  const body: TableCell[][] = doc.lines.map((l, i) => [
    { text: String(i + 1), alignment: 'center' },
    l.name,
    { text: formatQuantityRu(l.quantity), alignment: 'right' },
    l.unit,
    { text: formatMoneyRu(l.price), alignment: 'right' },
    ...(withDiscount ? [{ text: new Dec(l.discountPercent).isZero() ? '' : formatPercentRu(l.discountPercent), alignment: 'right' } as TableCell] : []),
    { text: formatMoneyRu(l.amount), alignment: 'right' },
  ]);
  const widths = [20, '*', 45, 30, 65, ...(withDiscount ? [45] : []), 75];
  return { table: { headerRows: 1, widths, body: [head, ...body] }, margin: [0, 8, 0, 0] };
}

/** «Коммерческое предложение № … от …» as a PDF: our letterhead, the addressee, the items and the terms. */
export function offerDefinition(doc: OfferPrint): TDocumentDefinitions {
  const org = doc.organization;
  const addressee = [doc.counterparty.fullName || doc.counterparty.name, doc.contactPersonName].filter(Boolean).join('\n');
  return {
    info: { title: `Коммерческое предложение № ${doc.number} от ${formatDateRu(doc.date)}`, author: org.name, creator: 'Open CRM' },
    pageMargins: [40, 30, 40, 40],
    content: [
      { text: partyLine(org), fontSize: 8, color: '#444444' },
      rule(),
      { columns: [{ text: '', width: '*' }, { text: `Кому: ${addressee}`, width: 220, bold: true }], margin: [0, 0, 0, 12] },
      { text: `Коммерческое предложение № ${doc.number} от ${formatDateLongRu(doc.date)}`, fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 8] },
      { text: 'Благодарим за интерес к нашей компании и предлагаем рассмотреть следующие позиции:' },
      linesTable(doc),
      totalsBlock(doc, 'Всего:'),
      { text: `Всего наименований ${doc.lines.length}, на сумму ${formatMoneyRu(doc.totals.total)} руб.`, margin: [0, 6, 0, 0] },
      { text: amountInWords(doc.totals.total), bold: true },
      ...(doc.validUntil ? [{ text: `Предложение действительно до ${formatDateLongRu(doc.validUntil)}`, margin: [0, 8, 0, 0] } as Content] : []),
      ...(doc.comment ? [{ text: doc.comment, margin: [0, 6, 0, 0] } as Content] : []),
      rule(),
      {
        columns: [
          { text: doc.managerName ? `Менеджер: ${doc.managerName}` : '', width: '*' },
          { text: org.directorName ? `${org.directorTitle || 'Руководитель'} ____________ ${initials(org.directorName)}` : '', width: 'auto' },
        ],
        margin: [0, 12, 0, 0],
      },
    ],
  };
}

export function renderOfferPdf(doc: OfferPrint): Promise<Buffer> {
  return renderPdf(offerDefinition(doc));
}
