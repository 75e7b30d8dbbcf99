/**
 * What a print form needs of a document, as plain data: the forms know nothing of the database, so they are
 * tested on their own and the documents module fills these from its rows. Money and quantities are decimal
 * strings as stored (the lines' amounts and VAT as computed by `money.ts`), dates `YYYY-MM-DD`.
 */
export interface PrintOrganization {
  name: string;
  fullName: string | null;
  inn: string | null;
  kpp: string | null;
  legalAddress: string | null;
  phone: string | null;
  directorName: string | null;
  directorTitle: string | null;
  chiefAccountantName: string | null;
  vatPayer: boolean;
}

export interface PrintBankAccount {
  bankName: string;
  bik: string;
  correspondentAccount: string | null;
  accountNumber: string;
}

export interface PrintCounterparty {
  name: string;
  fullName: string | null;
  inn: string | null;
  kpp: string | null;
  address: string | null;
}

export interface PrintLine {
  name: string;
  unit: string;
  quantity: string;
  price: string;
  discountPercent: string;
  /** Null: without VAT. */
  vatPercent: string | null;
  amount: string;
  vat: string;
  total: string;
}

export interface PrintTotals {
  amount: string;
  vat: string;
  total: string;
}

export interface PrintDocument {
  number: string;
  date: string;
  vatMode: 'INCLUDED' | 'ADDED';
  organization: PrintOrganization;
  counterparty: PrintCounterparty;
  lines: PrintLine[];
  totals: PrintTotals;
  comment: string | null;
}

export interface InvoicePrint extends PrintDocument {
  bankAccount: PrintBankAccount | null;
  paymentDueDate: string | null;
  /** «Основание»: e.g. the offer it is based on. */
  basis: string | null;
}

export interface OfferPrint extends PrintDocument {
  validUntil: string | null;
  contactPersonName: string | null;
  managerName: string | null;
}
