import { Column, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../../core/decimal';
import { VatRate } from '../catalog/catalog.enums';

/** The columns every document line shares (offer, invoice, shipment): what is sold, at what price, with what VAT. */
@ObjectType({ description: 'Fields shared by document lines (not a type of its own in the schema).' })
export abstract class DocumentLineBase {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => Int, { description: 'Position in the document, from 1.' })
  @Column('int')
  lineNo: number;

  @Field(() => ID, { description: 'The product or service.' })
  @Column('uuid')
  productId: string;

  @Field(() => DecimalScalar, { description: 'Quantity (up to 3 decimals).' })
  @Column('numeric', { precision: 15, scale: 3 })
  quantity: string;

  @Field(() => DecimalScalar, { description: 'Price per unit, in rubles.' })
  @Column('numeric', { precision: 15, scale: 2 })
  price: string;

  @Field(() => DecimalScalar, { description: 'Discount in percent (0 to 100).' })
  @Column('numeric', { precision: 5, scale: 2 })
  discountPercent: string;

  @Field(() => VatRate, { description: 'The VAT rate of the line.' })
  @Column('text')
  vatRate: VatRate;

  @Field(() => DecimalScalar, { nullable: true, description: 'The VAT percent the line was computed with; null without VAT.' })
  @Column('numeric', { precision: 5, scale: 2, nullable: true })
  vatPercent: string | null;

  @Field(() => DecimalScalar, { description: 'Quantity × price less the discount, rounded to kopecks.' })
  @Column('numeric', { precision: 15, scale: 2 })
  amount: string;

  @Field(() => DecimalScalar, { description: 'VAT of the line, rounded to kopecks (included in the amount or added to it, per the document).' })
  @Column('numeric', { precision: 15, scale: 2 })
  vat: string;

  @Field(() => DecimalScalar, { description: 'What the line costs the buyer: the amount, plus VAT when VAT is added on top.' })
  @Column('numeric', { precision: 15, scale: 2 })
  total: string;
}
