import type { Actor } from '../../auth/user.entity';
import { ContactInfoType } from '../../contacts/contacts.enums';
import { personFullName } from '../../contacts/contact-person.entity';
import type { Organization } from '../catalog/organization.entity';
import type { CommercialOffer } from '../documents/commercial-offer.entity';
import type { Invoice } from '../documents/invoice.entity';
import type { CommercialOfferService } from '../documents/commercial-offer.service';
import type { InvoiceService } from '../documents/invoice.service';
import type { SalesDeps } from '../documents/documents.common';
import type { DocumentLineBase } from '../documents/document-line.base';
import { renderInvoicePdf } from './invoice.form';
import { renderOfferPdf } from './offer.form';
import type { PrintCounterparty, PrintLine, PrintOrganization } from './print.types';

export interface PrintedDocument {
  filename: string;
  pdf: Buffer;
}

const printOrganization = (o: Organization | undefined): PrintOrganization => ({
  name: o?.name ?? '',
  fullName: o?.fullName ?? null,
  inn: o?.inn ?? null,
  kpp: o?.kpp ?? null,
  legalAddress: o?.legalAddress ?? null,
  phone: o?.phone ?? null,
  directorName: o?.directorName ?? null,
  directorTitle: o?.directorTitle ?? null,
  chiefAccountantName: o?.chiefAccountantName ?? null,
  vatPayer: o?.vatPayer ?? true,
});

/** The invoice and offer print forms of documents the actor may see (others are NOT_FOUND, as everywhere). */
export class PrintService {
  constructor(
    private readonly d: SalesDeps,
    private readonly offers: CommercialOfferService,
    private readonly invoices: InvoiceService,
  ) {}

  /** The buyer as printed: its requisites and first address, read within the actor's scope. */
  private async counterparty(actor: Actor, id: string): Promise<PrintCounterparty> {
    const [[c], info] = await Promise.all([this.d.counterparties.byIds(actor, [id]), this.d.contactInfo.byCounterparties(actor, [id])]);
    const address = info.find((ci) => ci.type === ContactInfoType.ADDRESS)?.value ?? null;
    return { name: c?.name ?? '', fullName: c?.fullName ?? null, inn: c?.inn ?? null, kpp: c?.kpp ?? null, address };
  }

  private async lines(lines: DocumentLineBase[]): Promise<PrintLine[]> {
    const products = new Map((await this.d.products.byIds(lines.map((l) => l.productId))).map((p) => [p.id, p]));
    return lines.map((l) => ({
      name: products.get(l.productId)?.name ?? '',
      unit: products.get(l.productId)?.unit ?? '',
      quantity: l.quantity,
      price: l.price,
      discountPercent: l.discountPercent,
      vatPercent: l.vatPercent,
      amount: l.amount,
      vat: l.vat,
      total: l.total,
    }));
  }

  async invoicePdf(actor: Actor, id: string): Promise<PrintedDocument> {
    return this.renderInvoice(actor, await this.invoices.get(actor, id));
  }

  async renderInvoice(actor: Actor, invoice: Invoice): Promise<PrintedDocument> {
    const [lines, [organization], accounts, counterparty, basis] = await Promise.all([
      this.invoices.linesOf([invoice.id]).then((l) => this.lines(l)),
      this.d.organizations.byIds([invoice.organizationId]),
      invoice.bankAccountId ? this.d.organizations.accountsByIds([invoice.bankAccountId]) : Promise.resolve([]),
      this.counterparty(actor, invoice.counterpartyId),
      invoice.offerId ? this.offers.byIds(actor, [invoice.offerId]) : Promise.resolve([]),
    ]);
    const account = accounts[0];
    const pdf = await renderInvoicePdf({
      number: invoice.number,
      date: invoice.date,
      vatMode: invoice.vatMode,
      organization: printOrganization(organization),
      counterparty,
      lines,
      totals: { amount: invoice.amount, vat: invoice.vat, total: invoice.total },
      comment: invoice.comment,
      bankAccount: account ? { bankName: [account.bankName, account.bankCity].filter(Boolean).join(', '), bik: account.bik, correspondentAccount: account.correspondentAccount, accountNumber: account.accountNumber } : null,
      paymentDueDate: invoice.paymentDueDate,
      basis: basis[0] ? `Коммерческое предложение № ${basis[0].number}` : null,
    });
    return { filename: `${invoice.number}.pdf`, pdf };
  }

  async offerPdf(actor: Actor, id: string): Promise<PrintedDocument> {
    return this.renderOffer(actor, await this.offers.get(actor, id));
  }

  async renderOffer(actor: Actor, offer: CommercialOffer): Promise<PrintedDocument> {
    const [lines, [organization], counterparty, persons, [manager]] = await Promise.all([
      this.offers.linesOf([offer.id]).then((l) => this.lines(l)),
      this.d.organizations.byIds([offer.organizationId]),
      this.counterparty(actor, offer.counterpartyId),
      offer.contactPersonId ? this.d.contactPersons.byIds(actor, [offer.contactPersonId]) : Promise.resolve([]),
      this.d.db.query(`SELECT full_name FROM users WHERE id = $1`, [offer.responsibleId]) as Promise<Array<{ full_name: string }>>,
    ]);
    const pdf = await renderOfferPdf({
      number: offer.number,
      date: offer.date,
      vatMode: offer.vatMode,
      organization: printOrganization(organization),
      counterparty,
      lines,
      totals: { amount: offer.amount, vat: offer.vat, total: offer.total },
      comment: [offer.paymentTerms && `Условия оплаты: ${offer.paymentTerms}`, offer.deliveryTerms && `Условия поставки: ${offer.deliveryTerms}`, offer.comment].filter(Boolean).join('\n') || null,
      validUntil: offer.validUntil,
      contactPersonName: persons[0] ? personFullName(persons[0]) : null,
      managerName: manager?.full_name ?? null,
    });
    return { filename: `${offer.number}.pdf`, pdf };
  }
}
