import type { CreateProductInput, UpdateProductInput } from '../../../graphql/graphql';
import type { ProductFormOutput } from '../components/ProductForm';

/** A new product: empty optional fields are not sent. */
export function toCreateProductInput(o: ProductFormOutput): CreateProductInput {
  return {
    name: o.name,
    article: o.article || undefined,
    kind: o.kind,
    unit: o.unit,
    groupId: o.groupId ?? undefined,
    vatRate: o.vatRate,
    price: o.price,
    costPrice: o.costPrice ?? undefined,
    trackSerials: o.trackSerials,
    warrantyMonths: o.warrantyMonths ?? undefined,
    description: o.description || undefined,
  };
}

/** An edit sends every field: null clears the article, group, cost price, warranty and description. */
export function toUpdateProductInput(o: ProductFormOutput, version: number): UpdateProductInput {
  return {
    version,
    name: o.name,
    article: o.article || null,
    kind: o.kind,
    unit: o.unit,
    groupId: o.groupId,
    vatRate: o.vatRate,
    price: o.price,
    costPrice: o.costPrice,
    trackSerials: o.trackSerials,
    warrantyMonths: o.warrantyMonths,
    description: o.description || null,
  };
}
