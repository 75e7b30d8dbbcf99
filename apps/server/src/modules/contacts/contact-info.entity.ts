import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ContactInfoType } from './contacts.enums';

@ObjectType({ description: 'A kind of contact information («Вид контактной информации»): legal address, mobile phone, ...' })
@Entity('contact_info_kinds')
export class ContactInfoKind {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { nullable: true, description: 'Code of a predefined kind (e.g. `LEGAL_ADDRESS`); empty for user-defined kinds.' })
  @Column('text', { nullable: true })
  code: string | null;

  @Field({ description: 'Name of the kind.' })
  @Column('text')
  name: string;

  @Field(() => ContactInfoType, { description: 'The fixed type this kind belongs to.' })
  @Column('text')
  type: ContactInfoType;

  @Field(() => Int, { description: 'Order in pickers.' })
  @Column('int', { default: 100 })
  position: number;

  @Field({ description: 'Marked for deletion: not offered for new records.' })
  @Column('boolean', { default: false })
  deletionMark: boolean;

  @Field(() => Int, { description: 'Optimistic-locking version.' })
  @Column('int', { default: 1 })
  version: number;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}

@ObjectType({ description: 'Parts of a structured address.' })
export class AddressPartsType {
  @Field(() => String, { nullable: true, description: 'Country.' }) country?: string;
  @Field(() => String, { nullable: true, description: 'Postal code.' }) postalCode?: string;
  @Field(() => String, { nullable: true, description: 'Region.' }) region?: string;
  @Field(() => String, { nullable: true, description: 'District.' }) district?: string;
  @Field(() => String, { nullable: true, description: 'City.' }) city?: string;
  @Field(() => String, { nullable: true, description: 'Settlement.' }) settlement?: string;
  @Field(() => String, { nullable: true, description: 'Street.' }) street?: string;
  @Field(() => String, { nullable: true, description: 'House.' }) house?: string;
  @Field(() => String, { nullable: true, description: 'Building.' }) building?: string;
  @Field(() => String, { nullable: true, description: 'Apartment or office.' }) apartment?: string;
}

@ObjectType({ description: 'One contact-information record of a counterparty or contact person.' })
@Entity('contact_info')
export class ContactInfo {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  counterpartyId: string | null;

  @Column('uuid', { nullable: true })
  contactPersonId: string | null;

  @Field(() => ContactInfoType, { description: 'Fixed type.' })
  @Column('text')
  type: ContactInfoType;

  @Field(() => ID, { description: 'Id of the kind.' })
  @Column('uuid')
  kindId: string;

  @Field({ description: 'Presentation, e.g. `+7 495 123-45-67` or a full address.' })
  @Column('text')
  value: string;

  @Field({ description: 'Canonical value: E.164 for phones, lower-cased e-mail, URL with scheme.' })
  @Column('text')
  normalized: string;

  @Column('text')
  searchKey: string;

  @Field(() => String, { nullable: true, description: 'Phone extension.' })
  @Column('text', { nullable: true })
  extension: string | null;

  @Field(() => AddressPartsType, { nullable: true, description: 'Structured address parts (addresses only).' })
  @Column('jsonb', { nullable: true })
  parts: AddressPartsType | null;

  @Field(() => String, { nullable: true, description: 'Comment, e.g. "ask for the warehouse".' })
  @Column('text', { nullable: true })
  comment: string | null;

  @Field(() => Int, { description: 'Order within the owner.' })
  @Column('int', { default: 0 })
  position: number;
}
