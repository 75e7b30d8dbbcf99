import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { DecimalScalar } from '../../../core/decimal';
import { ProductKind, VatRate } from './catalog.enums';

@InputType({ description: 'A new catalog item.' })
export class CreateProductInput {
  @Field({ description: 'Name as printed on documents.' }) @Length(1, 300, { message: 'Enter a name of 1 to 300 characters' }) name: string;
  @Field(() => DecimalScalar, { description: 'Base selling price, ≥ 0, at most 2 digits after the point.' }) price: string;
  @Field(() => VatRate, { description: 'VAT rate (an active one).' }) vatRate: VatRate;
  @Field(() => ProductKind, { nullable: true, description: 'GOODS (default) or SERVICE.' }) @IsOptional() kind?: ProductKind;
  @Field(() => String, { nullable: true, description: 'Article (SKU), unique regardless of case.' }) @IsOptional() @MaxLength(50) article?: string | null;
  @Field({ nullable: true, description: 'Unit of measure; «шт» by default.' }) @IsOptional() @Length(1, 20, { message: 'Enter a unit of 1 to 20 characters' }) unit?: string;
  @Field(() => ID, { nullable: true, description: 'Catalog group.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid group id' }) groupId?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Cost price, ≥ 0.' }) @IsOptional() costPrice?: string | null;
  @Field({ nullable: true, description: 'Record serial numbers when shipped (false by default).' }) @IsOptional() trackSerials?: boolean;
  @Field(() => Int, { nullable: true, description: 'Warranty in months, 0 to 600.' })
  @IsOptional()
  @Min(0, { message: 'The warranty cannot be negative' })
  @Max(600, { message: 'At most 600 months' })
  warrantyMonths?: number | null;
  @Field(() => String, { nullable: true, description: 'Free description.' }) @IsOptional() @MaxLength(5000) description?: string | null;
}

@InputType({ description: 'Changes to a catalog item; omitted fields stay as they are.' })
export class UpdateProductInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field({ nullable: true, description: 'Name.' }) @IsOptional() @Length(1, 300, { message: 'Enter a name of 1 to 300 characters' }) name?: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Base selling price.' }) @IsOptional() price?: string;
  @Field(() => VatRate, { nullable: true, description: 'VAT rate.' }) @IsOptional() vatRate?: VatRate;
  @Field(() => ProductKind, { nullable: true, description: 'Goods or a service.' }) @IsOptional() kind?: ProductKind;
  @Field(() => String, { nullable: true, description: 'Article; null removes it.' }) @IsOptional() @MaxLength(50) article?: string | null;
  @Field({ nullable: true, description: 'Unit of measure.' }) @IsOptional() @Length(1, 20, { message: 'Enter a unit of 1 to 20 characters' }) unit?: string;
  @Field(() => ID, { nullable: true, description: 'Catalog group; null moves it to the top level.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid group id' }) groupId?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Cost price; null removes it.' }) @IsOptional() costPrice?: string | null;
  @Field({ nullable: true, description: 'Record serial numbers when shipped.' }) @IsOptional() trackSerials?: boolean;
  @Field(() => Int, { nullable: true, description: 'Warranty in months; null removes it.' })
  @IsOptional()
  @Min(0, { message: 'The warranty cannot be negative' })
  @Max(600, { message: 'At most 600 months' })
  warrantyMonths?: number | null;
  @Field(() => String, { nullable: true, description: 'Free description; null removes it.' }) @IsOptional() @MaxLength(5000) description?: string | null;
}

@InputType({ description: 'Filter of the product list.' })
export class ProductFilter {
  @Field({ nullable: true, description: 'Fragment of the name or the article.' }) @IsOptional() @MaxLength(200) search?: string;
  @Field(() => ID, { nullable: true, description: 'Only this group and its subgroups.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid group id' }) groupId?: string;
  @Field(() => ProductKind, { nullable: true, description: 'Only goods or only services.' }) @IsOptional() kind?: ProductKind;
  @Field({ nullable: true, description: 'True: include items marked for deletion (hidden by default).' }) @IsOptional() includeDeleted?: boolean;
}

@InputType({ description: 'A new catalog group.' })
export class CreateProductGroupInput {
  @Field({ description: 'Name.' }) @Length(1, 150, { message: 'Enter a name of 1 to 150 characters' }) name: string;
  @Field(() => ID, { nullable: true, description: 'Parent group; none for the top level.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid group id' }) parentId?: string | null;
}

@InputType({ description: 'Changes to a catalog group.' })
export class UpdateProductGroupInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field({ nullable: true, description: 'Name.' }) @IsOptional() @Length(1, 150, { message: 'Enter a name of 1 to 150 characters' }) name?: string;
  @Field(() => ID, { nullable: true, description: 'Parent group; null moves it to the top level. Not itself or one of its subgroups.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid group id' })
  parentId?: string | null;
}

@InputType({ description: 'One of our organizations, new.' })
export class CreateOrganizationInput {
  @Field({ description: 'Short name.' }) @Length(1, 150, { message: 'Enter a name of 1 to 150 characters' }) name: string;
  @Field({ nullable: true, description: 'Full legal name; the short name by default.' }) @IsOptional() @MaxLength(500) fullName?: string;
  @Field({ description: 'INN (10 or 12 digits).' }) inn: string;
  @Field(() => String, { nullable: true, description: 'KPP (companies).' }) @IsOptional() kpp?: string | null;
  @Field(() => String, { nullable: true, description: 'OGRN or OGRNIP.' }) @IsOptional() ogrn?: string | null;
  @Field(() => String, { nullable: true, description: 'Legal address.' }) @IsOptional() @MaxLength(500) legalAddress?: string | null;
  @Field(() => String, { nullable: true, description: 'Postal address.' }) @IsOptional() @MaxLength(500) postalAddress?: string | null;
  @Field(() => String, { nullable: true, description: 'Phone.' }) @IsOptional() @MaxLength(100) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'E-mail.' }) @IsOptional() @MaxLength(200) email?: string | null;
  @Field(() => String, { nullable: true, description: 'The head who signs documents.' }) @IsOptional() @MaxLength(200) directorName?: string | null;
  @Field(() => String, { nullable: true, description: "The head's title." }) @IsOptional() @MaxLength(200) directorTitle?: string | null;
  @Field(() => String, { nullable: true, description: 'The chief accountant.' }) @IsOptional() @MaxLength(200) chiefAccountantName?: string | null;
  @Field({ nullable: true, description: 'Pays VAT (true by default).' }) @IsOptional() vatPayer?: boolean;
  @Field({ nullable: true, description: 'Make it the default organization (the previous default stops being one).' }) @IsOptional() isDefault?: boolean;
}

@InputType({ description: 'Changes to one of our organizations; omitted fields stay as they are, null clears.' })
export class UpdateOrganizationInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field({ nullable: true, description: 'Short name.' }) @IsOptional() @Length(1, 150, { message: 'Enter a name of 1 to 150 characters' }) name?: string;
  @Field({ nullable: true, description: 'Full legal name.' }) @IsOptional() @Length(1, 500, { message: 'Enter a full name of 1 to 500 characters' }) fullName?: string;
  @Field({ nullable: true, description: 'INN.' }) @IsOptional() inn?: string;
  @Field(() => String, { nullable: true, description: 'KPP.' }) @IsOptional() kpp?: string | null;
  @Field(() => String, { nullable: true, description: 'OGRN or OGRNIP.' }) @IsOptional() ogrn?: string | null;
  @Field(() => String, { nullable: true, description: 'Legal address.' }) @IsOptional() @MaxLength(500) legalAddress?: string | null;
  @Field(() => String, { nullable: true, description: 'Postal address.' }) @IsOptional() @MaxLength(500) postalAddress?: string | null;
  @Field(() => String, { nullable: true, description: 'Phone.' }) @IsOptional() @MaxLength(100) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'E-mail.' }) @IsOptional() @MaxLength(200) email?: string | null;
  @Field(() => String, { nullable: true, description: 'The head who signs documents.' }) @IsOptional() @MaxLength(200) directorName?: string | null;
  @Field(() => String, { nullable: true, description: "The head's title." }) @IsOptional() @MaxLength(200) directorTitle?: string | null;
  @Field(() => String, { nullable: true, description: 'The chief accountant.' }) @IsOptional() @MaxLength(200) chiefAccountantName?: string | null;
  @Field({ nullable: true, description: 'Pays VAT.' }) @IsOptional() vatPayer?: boolean;
  @Field({ nullable: true, description: 'True makes it the default organization (false is refused: make another one default instead).' })
  @IsOptional()
  isDefault?: boolean;
}

@InputType({ description: 'A new bank account of one of our organizations.' })
export class CreateBankAccountInput {
  @Field(() => ID, { description: 'The organization.' }) @IsUUID('all', { message: 'Not a valid organization id' }) organizationId: string;
  @Field({ description: 'Name of the bank.' }) @Length(1, 300, { message: 'Enter the bank name' }) bankName: string;
  @Field({ description: 'BIK (9 digits).' }) bik: string;
  @Field(() => String, { nullable: true, description: "The bank's correspondent account (20 digits)." }) @IsOptional() correspondentAccount?: string | null;
  @Field({ description: 'Settlement account (20 digits).' }) accountNumber: string;
  @Field(() => String, { nullable: true, description: 'City of the bank.' }) @IsOptional() @MaxLength(100) bankCity?: string | null;
  @Field({ nullable: true, description: "Make it the organization's default account (its first account always is)." }) @IsOptional() isDefault?: boolean;
}

@InputType({ description: 'Changes to a bank account; omitted fields stay as they are.' })
export class UpdateBankAccountInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field({ nullable: true, description: 'Name of the bank.' }) @IsOptional() @Length(1, 300, { message: 'Enter the bank name' }) bankName?: string;
  @Field({ nullable: true, description: 'BIK.' }) @IsOptional() bik?: string;
  @Field(() => String, { nullable: true, description: 'Correspondent account; null clears it.' }) @IsOptional() correspondentAccount?: string | null;
  @Field({ nullable: true, description: 'Settlement account.' }) @IsOptional() accountNumber?: string;
  @Field(() => String, { nullable: true, description: 'City of the bank.' }) @IsOptional() @MaxLength(100) bankCity?: string | null;
  @Field({ nullable: true, description: "True makes it the organization's default account." }) @IsOptional() isDefault?: boolean;
}
