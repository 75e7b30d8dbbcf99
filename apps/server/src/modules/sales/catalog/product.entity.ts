import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../../core/decimal';
import { ProductKind, VatRate } from './catalog.enums';

@ObjectType('VatRateInfo', { description: 'A VAT rate of the catalog with its percent (rates are data, not code).' })
@Entity('vat_rates')
export class VatRateRow {
  @Field(() => VatRate, { description: 'Code of the rate, used everywhere a rate is given.' })
  @PrimaryColumn('text')
  code: VatRate;

  @Field(() => DecimalScalar, { nullable: true, description: 'The rate in percent, e.g. "20.00"; null for «Без НДС».' })
  @Column('numeric', { precision: 5, scale: 2, nullable: true })
  percent: string | null;

  @Field({ description: 'Name to show, e.g. «НДС 20%».' })
  @Column('text')
  name: string;

  @Field(() => Int, { description: 'Position in lists.' })
  @Column('int')
  sort: number;

  @Field({ description: 'False: kept for old documents but not offered for new products.' })
  @Column('boolean')
  active: boolean;
}

@ObjectType({ description: 'A group of the product catalog («Группа номенклатуры»); groups nest.' })
@Entity('product_groups')
export class ProductGroup {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { nullable: true, description: 'The parent group; null at the top level.' })
  @Column('uuid', { nullable: true })
  parentId: string | null;

  @Field({ description: 'Name of the group.' })
  @Column('text')
  name: string;

  @Field({ description: 'Marked for deletion: hidden from pickers, restorable.' })
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

@ObjectType({ description: 'A catalog item: goods or a service («Номенклатура») with its price and VAT rate.' })
@Entity('products')
export class Product {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { nullable: true, description: 'Its catalog group.' })
  @Column('uuid', { nullable: true })
  groupId: string | null;

  @Field(() => ProductKind, { description: 'Goods or a service.' })
  @Column('text')
  kind: ProductKind;

  @Field(() => String, { nullable: true, description: 'Article (SKU), unique in the catalog regardless of case.' })
  @Column('text', { nullable: true })
  article: string | null;

  @Field({ description: 'Name as printed on documents.' })
  @Column('text')
  name: string;

  @Field({ description: 'Unit of measure, e.g. «шт», «час», «кг».' })
  @Column('text')
  unit: string;

  @Field(() => VatRate, { description: 'VAT rate applied when it is sold.' })
  @Column('text')
  vatRate: VatRate;

  @Field(() => DecimalScalar, { description: 'Base selling price, in rubles with kopecks (decimal string).' })
  @Column('numeric', { precision: 15, scale: 2 })
  price: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Cost price, for margin in the sales facts.' })
  @Column('numeric', { precision: 15, scale: 2, nullable: true })
  costPrice: string | null;

  @Field({ description: 'Serial numbers are recorded when it is shipped.' })
  @Column('boolean', { default: false })
  trackSerials: boolean;

  @Field(() => Int, { nullable: true, description: 'Warranty period in months; null without a warranty.' })
  @Column('int', { nullable: true })
  warrantyMonths: number | null;

  @Field(() => String, { nullable: true, description: 'Free description.' })
  @Column('text', { nullable: true })
  description: string | null;

  @Field({ description: 'Marked for deletion: hidden from lists and pickers by default, restorable.' })
  @Column('boolean', { default: false })
  deletionMark: boolean;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back when updating.' })
  @Column('int', { default: 1 })
  version: number;

  @Column('text', { default: '' })
  searchText: string;

  @Field({ description: 'When it was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('uuid', { nullable: true })
  createdById: string | null;
}
