import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { badInput } from '../../core/errors';
import { SearchConnection } from './contacts.types';
import { requireActor, type Context } from '../../core/context';
import { MAX_PAGE_SIZE } from '../../core/pagination';

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, { description: 'Finds counterparties and contact persons by any fragment: name, INN, phone in any format, e-mail, address.' })
  search(
    @Arg('query', { description: 'At least 2 characters.' }) query: string,
    @Arg('first', () => Int, { defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts (an `endCursor` of the same query).' }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.search.search(requireActor(ctx), query, checkFirst(first), after);
  }
}

function checkFirst(first: number) {
  if (first < 1 || first > MAX_PAGE_SIZE) throw badInput('first', `Ask for 1 to ${MAX_PAGE_SIZE} hits`, 'OUT_OF_RANGE');
  return first;
}
