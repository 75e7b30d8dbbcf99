import { createUnionType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, PageInfo } from '../../core/pagination';
import { Counterparty } from './counterparty.entity';
import { ContactPerson } from './contact-person.entity';
import { User } from '../auth/user.entity';

@ObjectType({ description: 'What the viewer may do with an object; the UI shows actions from here, never re-implements rules.' })
export class ViewerCan {
  @Field({ description: 'May change it.' }) update: boolean;
  @Field({ description: 'May mark it for deletion.' }) delete: boolean;
  @Field({ description: 'May restore it from the deletion mark.' }) restore: boolean;
}

export enum DuplicateField {
  INN = 'INN',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
}
registerEnumType(DuplicateField, { name: 'DuplicateField', description: 'Which value two counterparties share.' });

@ObjectType({ description: 'An existing counterparty that shares an INN, phone or e-mail: a likely duplicate for a person to judge.' })
export class DuplicateMatch {
  @Field(() => DuplicateField, { description: 'The shared value\'s kind.' }) matchedOn: DuplicateField;
  @Field({ description: 'The shared value.' }) value: string;
  @Field(() => Counterparty, { nullable: true, description: 'The other counterparty; null when it is outside your scope.' }) counterparty: Counterparty | null;
  @Field(() => User, { nullable: true, description: 'Who is responsible for the other counterparty (to ask them).' }) responsible: User | null;
}

export const CounterpartyConnection = Connection(Counterparty, 'Counterparty', 'counterparty');
export const ContactPersonConnection = Connection(ContactPerson, 'ContactPerson', 'contact person');

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'Something global search found.',
  types: () => [Counterparty, ContactPerson] as const,
  resolveType: (value) => ('legalType' in value ? Counterparty : ContactPerson),
});

@ObjectType({ description: 'One search hit with what matched.' })
export class SearchEdge {
  @Field({ description: 'Opaque keyset cursor.' }) cursor: string;
  @Field({ description: 'Which field matched: name, inn, phone, email, address, ...' }) matchedField: string;
  @Field({ description: 'The value that matched, as stored.' }) matchedValue: string;
  @Field(() => SearchResult, { description: 'The counterparty or contact person.' }) node: typeof SearchResult;
}

@ObjectType({ description: 'A page of search hits, best first.' })
export class SearchConnection {
  @Field(() => Int, { description: 'How many objects match in all pages.' }) totalCount: number;
  @Field(() => [SearchEdge], { description: 'The hits.' }) edges: SearchEdge[];
  @Field(() => PageInfo, { description: 'Where this page ends.' }) pageInfo: PageInfo;
}
