import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One of our own legal entities («Организация»): the seller on offers and invoices, with its requisites and signatories.' })
@Entity('organizations')
export class Organization {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Short name, e.g. ООО "Ромашка".' })
  @Column('text')
  name: string;

  @Field({ description: 'Full legal name as printed on documents.' })
  @Column('text')
  fullName: string;

  @Field({ description: 'INN: 10 digits (company) or 12 (sole proprietor), checksum verified.' })
  @Column('text')
  inn: string;

  @Field(() => String, { nullable: true, description: 'KPP (companies only).' })
  @Column('text', { nullable: true })
  kpp: string | null;

  @Field(() => String, { nullable: true, description: 'OGRN (13 digits) or OGRNIP (15 digits), checksum verified.' })
  @Column('text', { nullable: true })
  ogrn: string | null;

  @Field(() => String, { nullable: true, description: 'Legal address.' })
  @Column('text', { nullable: true })
  legalAddress: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address, when it differs from the legal one.' })
  @Column('text', { nullable: true })
  postalAddress: string | null;

  @Field(() => String, { nullable: true, description: 'Phone printed on documents.' })
  @Column('text', { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail printed on documents.' })
  @Column('text', { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'The head who signs documents (full name).' })
  @Column('text', { nullable: true })
  directorName: string | null;

  @Field(() => String, { nullable: true, description: "The head's title, e.g. «Генеральный директор»." })
  @Column('text', { nullable: true })
  directorTitle: string | null;

  @Field(() => String, { nullable: true, description: 'The chief accountant who signs invoices (full name).' })
  @Column('text', { nullable: true })
  chiefAccountantName: string | null;

  @Field({ description: 'False for a seller not paying VAT (УСН): its documents say «Без НДС».' })
  @Column('boolean', { default: true })
  vatPayer: boolean;

  @Field({ description: 'The organization new documents use unless another is chosen; exactly one is default.' })
  @Column('boolean', { default: false })
  isDefault: boolean;

  @Field({ description: 'Marked for deletion: not offered for new documents, restorable.' })
  @Column('boolean', { default: false })
  deletionMark: boolean;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back when updating.' })
  @Column('int', { default: 1 })
  version: number;

  @Field({ description: 'When it was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@ObjectType({ description: 'A bank account of one of our organizations, printed on invoices.' })
@Entity('bank_accounts')
export class BankAccount {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The organization it belongs to.' })
  @Column('uuid')
  organizationId: string;

  @Field({ description: 'Name of the bank.' })
  @Column('text')
  bankName: string;

  @Field({ description: 'BIK of the bank (9 digits).' })
  @Column('text')
  bik: string;

  @Field(() => String, { nullable: true, description: "The bank's correspondent account (20 digits), checked against the BIK." })
  @Column('text', { nullable: true })
  correspondentAccount: string | null;

  @Field({ description: 'Settlement account number (20 digits), checked against the BIK.' })
  @Column('text')
  accountNumber: string;

  @Field(() => String, { nullable: true, description: 'City of the bank, as printed after its name.' })
  @Column('text', { nullable: true })
  bankCity: string | null;

  @Field({ description: "The organization's account used by default on invoices; one per organization." })
  @Column('boolean', { default: false })
  isDefault: boolean;

  @Field({ description: 'Marked for deletion: not offered for new invoices, restorable.' })
  @Column('boolean', { default: false })
  deletionMark: boolean;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back when updating.' })
  @Column('int', { default: 1 })
  version: number;

  @Field({ description: 'When it was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
