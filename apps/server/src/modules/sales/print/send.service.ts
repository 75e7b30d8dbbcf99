import type { Actor } from '../../auth/user.entity';
import { CrmObjectType, EventDirection, EventKind, EventState } from '../../activities/activities.enums';
import { ContactInfoType } from '../../contacts/contacts.enums';
import { badInput, conflict } from '../../../core/errors';
import { withTransaction } from '../../../core/database/transaction';
import type { Logger } from '../../../core/logger';
import { CommercialOfferState } from '../documents/documents.enums';
import type { CommercialOfferService } from '../documents/commercial-offer.service';
import type { InvoiceService } from '../documents/invoice.service';
import { assertWritable, shortDate, type SalesDeps } from '../documents/documents.common';
import type { SendDocumentInput } from '../documents/documents.inputs';
import { formatMoneyRu } from './format';
import type { Mailer } from './mailer';
import type { PrintService, PrintedDocument } from './print.service';

interface Sendable {
  type: CrmObjectType;
  id: string;
  number: string;
  counterpartyId: string;
  contactPersonId: string | null;
  responsibleId: string;
}

/**
 * «Отправить»: e-mails a document's PDF to the client (when SMTP_URL is configured) and records the outgoing letter
 * as a completed LETTER event based on the document — its chain shows it. Without SMTP only the letter is recorded.
 * The mail goes first: when it fails nothing is recorded, and the user is told why.
 */
export class SendService {
  constructor(
    private readonly d: SalesDeps,
    private readonly offers: CommercialOfferService,
    private readonly invoices: InvoiceService,
    private readonly print: PrintService,
    private readonly mailer: Mailer | null,
    private readonly log?: Logger,
  ) {}

  /** The recipient: as given, else the contact person's e-mail, else the client's. */
  private async recipient(actor: Actor, doc: Sendable, to: string | null | undefined): Promise<string | null> {
    if (to?.trim()) return to.trim();
    const [personInfo, clientInfo] = await Promise.all([
      doc.contactPersonId ? this.d.contactInfo.byContactPersons(actor, [doc.contactPersonId]) : Promise.resolve([]),
      this.d.contactInfo.byCounterparties(actor, [doc.counterpartyId]),
    ]);
    return [...personInfo, ...clientInfo].find((ci) => ci.type === ContactInfoType.EMAIL)?.value ?? null;
  }

  private async send(actor: Actor, doc: Sendable, input: SendDocumentInput, subject: string, printed: PrintedDocument) {
    assertWritable(actor, doc.responsibleId, doc.type === CrmObjectType.INVOICE ? 'Invoice' : 'Commercial offer');
    const to = await this.recipient(actor, doc, input.to);
    const comment = input.comment?.trim() || null;
    let emailed = false;
    if (this.mailer) {
      if (!to) throw badInput('to', 'No e-mail address is known for the client or the contact person: give one', 'RECIPIENT_REQUIRED');
      try {
        await this.mailer.send({
          to,
          subject,
          text: comment ?? `Добрый день!\n\nНаправляем ${subject.charAt(0).toLowerCase()}${subject.slice(1)} во вложении.`,
          attachments: [{ filename: printed.filename, content: printed.pdf, contentType: 'application/pdf' }],
        });
        emailed = true;
      } catch (err) {
        this.log?.warn({ err, document: doc.number }, 'sending a document by e-mail failed');
        throw conflict(`The e-mail to ${to} could not be sent: ${(err as Error).message}`, { reason: 'MAIL_FAILED' });
      }
    }
    const event = await this.d.events.create(actor, {
      kind: EventKind.LETTER,
      direction: EventDirection.OUTGOING,
      state: EventState.COMPLETED,
      subject: subject.slice(0, 300),
      content: [`Кому: ${to ?? '—'}`, comment, `Вложение: ${printed.filename}`].filter(Boolean).join('\n\n'),
      result: emailed ? `Отправлено по e-mail на ${to}` : 'Письмо записано без отправки: отправка почты не настроена (SMTP_URL)',
      start: new Date(),
      basedOn: { type: doc.type, id: doc.id },
    });
    return { event, emailed, to };
  }

  async sendInvoice(actor: Actor, id: string, input: SendDocumentInput) {
    const invoice = await this.invoices.get(actor, id);
    const printed = await this.print.renderInvoice(actor, invoice);
    const subject = `Счет на оплату № ${invoice.number} от ${shortDate(invoice.date)} на сумму ${formatMoneyRu(invoice.total)} руб.`;
    return this.send(actor, { ...invoice, type: CrmObjectType.INVOICE }, input, subject, printed);
  }

  /** Sending a draft offer marks it SENT. */
  async sendCommercialOffer(actor: Actor, id: string, input: SendDocumentInput) {
    const offer = await this.offers.get(actor, id);
    if (offer.state === CommercialOfferState.REJECTED) throw conflict(`${offer.number} was rejected by the client`, { reason: 'OFFER_REJECTED' });
    const printed = await this.print.renderOffer(actor, offer);
    const subject = `Коммерческое предложение № ${offer.number} от ${shortDate(offer.date)}`;
    const result = await this.send(actor, { ...offer, type: CrmObjectType.COMMERCIAL_OFFER }, input, subject, printed);
    if (offer.state === CommercialOfferState.DRAFT) {
      await withTransaction(this.d.db, async (tx) => {
        const locked = await this.offers.lockForChange(tx, actor, id);
        if (locked.state === CommercialOfferState.DRAFT) await this.offers.transitionIn(tx, actor, locked, CommercialOfferState.SENT, [CommercialOfferState.DRAFT]);
      });
    }
    return result;
  }
}
