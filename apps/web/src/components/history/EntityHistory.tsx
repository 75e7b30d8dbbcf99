import type { ReactNode } from 'react';
import type { TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { HistoryPageFragment } from '../../graphql/graphql';
import { ErrorAlert } from '../ErrorAlert';
import { HistoryList } from './HistoryList';

/** Every `…History` query takes the object's id and the cursor to continue after. */
interface HistoryVariables {
  id: string;
  after?: string | null;
}

interface Props<TData> {
  /** A query selecting `history(first, after: $after) { ...HistoryPage }` of one object. */
  query: TypedDocumentNode<TData, HistoryVariables>;
  id: string;
  /** Where the history page sits in the query's data. */
  selectPage: (data: TData) => HistoryPageFragment;
  renderValue?: (field: string, value: unknown) => ReactNode | undefined;
}

/** The «История» tab of a card: loads one object's audit history page by page and lists it. */
export function EntityHistory<TData>({ query, id, selectPage, renderValue }: Props<TData>) {
  // Fresh on every visit to the tab: the point of history is the latest changes.
  const { data, loading, error, fetchMore } = useQuery(query, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const page = data ? selectPage(data as TData) : undefined;
  return (
    <>
      <ErrorAlert error={error} />
      <HistoryList
        page={page}
        loading={loading}
        onLoadMore={() => void fetchMore({ variables: { after: page?.pageInfo.endCursor } })}
        renderValue={renderValue}
      />
    </>
  );
}
