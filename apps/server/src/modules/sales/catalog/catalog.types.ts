import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../../../core/pagination';
import { Product } from './product.entity';

@ObjectType({ description: 'What the viewer may do with a catalog record or one of our organizations.' })
export class CatalogViewerCan {
  @Field({ description: 'May change it.' }) update: boolean;
  @Field({ description: 'May mark it for deletion or restore it.' }) delete: boolean;
}

export const ProductConnection = Connection(Product, 'Product', 'product');
