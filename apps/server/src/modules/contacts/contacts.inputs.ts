import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { ContactInfoType, LegalType, RelationType } from './contacts.enums';
import { SortDirection } from '../../core/pagination';

@InputType({ description: 'Parts of a structured address; the presentation is built from them when no value is given.' })
export class AddressPartsInput {
  @Field({ nullable: true, description: 'Country.' }) @IsOptional() @MaxLength(100) country?: string;
  @Field({ nullable: true, description: 'Postal code.' }) @IsOptional() @MaxLength(20) postalCode?: string;
  @Field({ nullable: true, description: 'Region.' }) @IsOptional() @MaxLength(100) region?: string;
  @Field({ nullable: true, description: 'District.' }) @IsOptional() @MaxLength(100) district?: string;
  @Field({ nullable: true, description: 'City.' }) @IsOptional() @MaxLength(100) city?: string;
  @Field({ nullable: true, description: 'Settlement.' }) @IsOptional() @MaxLength(100) settlement?: string;
  @Field({ nullable: true, description: 'Street.' }) @IsOptional() @MaxLength(150) street?: string;
  @Field({ nullable: true, description: 'House.' }) @IsOptional() @MaxLength(20) house?: string;
  @Field({ nullable: true, description: 'Building.' }) @IsOptional() @MaxLength(20) building?: string;
  @Field({ nullable: true, description: 'Apartment or office.' }) @IsOptional() @MaxLength(20) apartment?: string;
}

@InputType({ description: 'One contact-information record. With `id` it updates that record; without, it adds one.' })
export class ContactInfoInput {
  @Field(() => ID, { nullable: true, description: 'Id of an existing record to keep or change.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid record id' })
  id?: string;

  @Field(() => ContactInfoType, { description: 'Fixed type.' })
  type: ContactInfoType;

  @Field(() => ID, { description: 'Kind (from `contactInfoKinds`); its type must equal `type`.' })
  @IsUUID('all', { message: 'Choose a kind' })
  kindId: string;

  @Field({ description: 'The value as typed: a phone in any format, an e-mail, an address presentation.' })
  @MaxLength(500)
  value: string;

  @Field(() => AddressPartsInput, { nullable: true, description: 'Structured parts of an address.' })
  @IsOptional()
  @ValidateNested()
 
  parts?: AddressPartsInput;

  @Field({ nullable: true, description: 'Comment.' })
  @IsOptional()
  @MaxLength(500)
  comment?: string;
}

@InputType({ description: 'A new counterparty.' })
export class CreateCounterpartyInput {
  @Field({ description: 'Short name used in lists.' })
  @Length(1, 150, { message: 'Enter a name of 1 to 150 characters' })
  name: string;

  @Field({ nullable: true, description: 'Full legal name.' })
  @IsOptional()
  @MaxLength(500)
  fullName?: string;

  @Field(() => LegalType, { nullable: true, description: 'Legal form; a legal entity by default.' })
  @IsOptional()
  legalType?: LegalType;

  @Field({ nullable: true, description: 'INN: 10 digits for a legal entity, 12 for a person; checksum-validated.' })
  @IsOptional()
  @MaxLength(20)
  inn?: string;

  @Field({ nullable: true, description: 'KPP: 9 characters.' })
  @IsOptional()
  @MaxLength(20)
  kpp?: string;

  @Field(() => ID, { nullable: true, description: 'Group.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid group id' })
  groupId?: string;

  @Field(() => [RelationType], { nullable: true, description: 'Kinds of relationship; a client by default.' })
  @IsOptional()
  @ArrayMaxSize(6)
  relationTypes?: RelationType[];

  @Field(() => ID, { nullable: true, description: 'Responsible manager; yourself by default.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid user id' })
  responsibleId?: string;

  @Field({ nullable: true, description: 'Where the client came from.' })
  @IsOptional()
  @MaxLength(200)
  informationSource?: string;

  @Field({ nullable: true, description: 'Comment.' })
  @IsOptional()
  @MaxLength(5000)
  comment?: string;

  @Field(() => [ContactInfoInput], { nullable: true, description: 'Contact information.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
 
  contactInfo?: ContactInfoInput[];
}

@InputType({ description: 'Changes to a counterparty; omitted fields stay as they are, `contactInfo` replaces the whole list.' })
export class UpdateCounterpartyInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' })
  @Min(1)
  version: number;

  @Field({ nullable: true, description: 'Short name as it is shown in lists.' }) @IsOptional() @Length(1, 150, { message: 'Enter a name of 1 to 150 characters' }) name?: string;
  @Field({ nullable: true, description: 'Full legal name.' }) @IsOptional() @MaxLength(500) fullName?: string;
  @Field(() => LegalType, { nullable: true, description: 'Legal form.' }) @IsOptional() legalType?: LegalType;
  @Field({ nullable: true, description: 'INN; an empty string clears it.' }) @IsOptional() @MaxLength(20) inn?: string;
  @Field({ nullable: true, description: 'KPP; an empty string clears it.' }) @IsOptional() @MaxLength(20) kpp?: string;
  @Field(() => ID, { nullable: true, description: 'Group in the counterparty hierarchy; null takes it out of any group.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid group id' }) groupId?: string | null;
  @Field(() => [RelationType], { nullable: true, description: 'Kinds of relationship (replaces the set).' }) @IsOptional() @ArrayMaxSize(6) relationTypes?: RelationType[];
  @Field(() => ID, { nullable: true, description: 'Responsible manager (handing over needs the right to assign).' }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string;
  @Field({ nullable: true, description: 'Where the client came from.' }) @IsOptional() @MaxLength(200) informationSource?: string;
  @Field({ nullable: true, description: 'Free comment.' }) @IsOptional() @MaxLength(5000) comment?: string;

  @Field(() => [ContactInfoInput], { nullable: true, description: 'The full new list of contact information.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
 
  contactInfo?: ContactInfoInput[];
}

export enum CounterpartySortField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(CounterpartySortField, { name: 'CounterpartySortField', description: 'What counterparty lists can be sorted by.' });

@InputType({ description: 'Sort order of the counterparty list.' })
export class CounterpartyOrder {
  @Field(() => CounterpartySortField, { description: 'What to sort by.' }) field: CounterpartySortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending (default) or descending.' }) direction: SortDirection = SortDirection.ASC;
}

@InputType({ description: 'Filter of the counterparty list.' })
export class CounterpartyFilter {
  @Field({ nullable: true, description: 'Fragment of the name, INN, phone (any format), e-mail or address.' })
  @IsOptional()
  @MaxLength(200)
  search?: string;

  @Field(() => RelationType, { nullable: true, description: 'Only counterparties with this relation.' })
  @IsOptional()
  relationType?: RelationType;

  @Field(() => ID, { nullable: true, description: 'Only those of this responsible manager.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid user id' })
  responsibleId?: string;

  @Field(() => ID, { nullable: true, description: 'Only those in this group.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid group id' })
  groupId?: string;

  @Field({ nullable: true, description: 'Only those marked for deletion (true), or only unmarked ones (false, the default).' })
  @IsOptional()
  deletionMark?: boolean;
}

@InputType({ description: 'Values to check for likely duplicates before creating or saving a counterparty.' })
export class DuplicateCheckInput {
  @Field({ nullable: true, description: 'INN to look for.' }) @IsOptional() @MaxLength(20) inn?: string;
  @Field(() => [ContactInfoInput], { nullable: true, description: 'Contact information to look for (phones, e-mails, addresses).' }) @IsOptional() @ArrayMaxSize(100) @ValidateNested({ each: true }) contactInfo?: ContactInfoInput[];
  @Field(() => ID, { nullable: true, description: 'The counterparty being edited, left out of the result.' }) @IsOptional() @IsUUID('all') excludeId?: string;
}

@InputType({ description: 'A new contact person.' })
export class CreateContactPersonInput {
  @Field(() => ID, { nullable: true, description: 'Counterparty; empty for a person on their own.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid counterparty id' })
  counterpartyId?: string;

  @Field({ description: 'Last name.' }) @Length(1, 100, { message: 'Enter a last name of 1 to 100 characters' }) lastName: string;
  @Field({ nullable: true, description: 'First name.' }) @IsOptional() @MaxLength(100) firstName?: string;
  @Field({ nullable: true, description: 'Middle name (patronymic).' }) @IsOptional() @MaxLength(100) middleName?: string;
  @Field({ nullable: true, description: 'Job title.' }) @IsOptional() @MaxLength(200) position?: string;
  @Field({ nullable: true, description: 'Role in deals: decision maker, accountant, ...' }) @IsOptional() @MaxLength(200) role?: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD.' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use the format YYYY-MM-DD' }) birthday?: string;
  @Field({ nullable: true, description: 'Free comment.' }) @IsOptional() @MaxLength(5000) comment?: string;
  @Field(() => ID, { nullable: true, description: 'Responsible user for a person on their own; yourself by default.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string;
  @Field(() => [ContactInfoInput], { nullable: true, description: 'Contact information of the person, in its order.' }) @IsOptional() @ArrayMaxSize(100) @ValidateNested({ each: true }) contactInfo?: ContactInfoInput[];
}

@InputType({ description: 'Changes to a contact person; `contactInfo` replaces the whole list.' })
export class UpdateContactPersonInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field(() => ID, { nullable: true, description: 'Move to another counterparty (null detaches).' }) @IsOptional() @IsUUID('all', { message: 'Not a valid counterparty id' }) counterpartyId?: string | null;
  @Field({ nullable: true, description: 'Last name.' }) @IsOptional() @Length(1, 100, { message: 'Enter a last name of 1 to 100 characters' }) lastName?: string;
  @Field({ nullable: true, description: 'First name.' }) @IsOptional() @MaxLength(100) firstName?: string;
  @Field({ nullable: true, description: 'Middle name (patronymic).' }) @IsOptional() @MaxLength(100) middleName?: string;
  @Field({ nullable: true, description: 'Job title.' }) @IsOptional() @MaxLength(200) position?: string;
  @Field({ nullable: true, description: 'Role in deals: decision maker, accountant, ...' }) @IsOptional() @MaxLength(200) role?: string;
  @Field({ nullable: true, description: 'Birthday as YYYY-MM-DD; an empty string clears it.' }) @IsOptional() @Matches(/^(\d{4}-\d{2}-\d{2})?$/, { message: 'Use the format YYYY-MM-DD' }) birthday?: string;
  @Field({ nullable: true, description: 'Free comment.' }) @IsOptional() @MaxLength(5000) comment?: string;
  @Field(() => ID, { nullable: true, description: 'Responsible manager (handing over needs the right to assign).' }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string;
  @Field(() => [ContactInfoInput], { nullable: true, description: 'Contact information, in its order (replaces the whole list when given).' }) @IsOptional() @ArrayMaxSize(100) @ValidateNested({ each: true }) contactInfo?: ContactInfoInput[];
}

export enum ContactPersonSortField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ContactPersonSortField, { name: 'ContactPersonSortField', description: 'What contact-person lists can be sorted by (NAME: last, then first name).' });

@InputType({ description: 'Sort order of the contact-person list.' })
export class ContactPersonOrder {
  @Field(() => ContactPersonSortField, { description: 'What to sort by.' }) field: ContactPersonSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending (default) or descending.' }) direction: SortDirection = SortDirection.ASC;
}

@InputType({ description: 'Filter of the contact-person list.' })
export class ContactPersonFilter {
  @Field({ nullable: true, description: 'Fragment of the name, phone, e-mail or address.' }) @IsOptional() @MaxLength(200) search?: string;
  @Field(() => ID, { nullable: true, description: 'Only persons of this counterparty.' }) @IsOptional() @IsUUID('all') counterpartyId?: string;
  @Field({ nullable: true, description: 'Only marked for deletion (true) or only unmarked (false, default).' }) @IsOptional() deletionMark?: boolean;
}

@InputType({ description: 'A new kind of contact information.' })
export class CreateContactInfoKindInput {
  @Field({ description: 'Name, e.g. "Warehouse address".' }) @Length(1, 100, { message: 'Enter a name of 1 to 100 characters' }) name: string;
  @Field(() => ContactInfoType, { description: 'The type it belongs to.' }) type: ContactInfoType;
}

@InputType({ description: 'Changes to a kind of contact information.' })
export class UpdateContactInfoKindInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field({ nullable: true, description: 'Name of the kind.' }) @IsOptional() @Length(1, 100, { message: 'Enter a name of 1 to 100 characters' }) name?: string;
  @Field(() => Int, { nullable: true, description: 'Place in the list of kinds of its type (lower comes first).' }) @IsOptional() position?: number;
}

@InputType({ description: 'Changes to a counterparty group: a new name, or a new place in the tree.' })
export class UpdateCounterpartyGroupInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field({ nullable: true, description: 'Group name.' }) @IsOptional() @Length(1, 150, { message: 'Enter a name of 1 to 150 characters' }) name?: string;
  @Field(() => ID, { nullable: true, description: 'Parent group; null moves it to the top level. Not itself or one of its subgroups.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid group id' })
  parentId?: string | null;
}

@InputType({ description: 'A new counterparty group.' })
export class CreateCounterpartyGroupInput {
  @Field({ description: 'Group name.' }) @Length(1, 150, { message: 'Enter a name of 1 to 150 characters' }) name: string;
  @Field(() => ID, { nullable: true, description: 'Parent group; empty for the top level.' }) @IsOptional() @IsUUID('all') parentId?: string;
}
