import { useCallback, useState } from 'react';
import type { GridPaginationModel } from '@mui/x-data-grid';

export const PAGE_SIZES = [25, 50, 100];

interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

interface State {
  /** The filter/sort the cursors belong to. */
  key: string;
  page: number;
  pageSize: number;
  /** page -> the `after` cursor that starts it. */
  cursors: Record<number, string | null>;
}

const fresh = (key: string, pageSize: number): State => ({ key, page: 0, pageSize, cursors: { 0: null } });

/**
 * DataGrid pages over a keyset-paginated connection. The API has cursors, not offsets, so page N can only be
 * reached through the `endCursor` of page N-1: we remember it per page and refuse jumps to pages whose cursor is
 * unknown. A change of filter or sort (`resetKey`) starts again at page 0; that is derived while rendering, not
 * stored by an effect, so the stale page is never requested.
 */
export function useCursorPagination(resetKey: string) {
  const [stored, setStored] = useState<State>(() => fresh(resetKey, PAGE_SIZES[0]!));
  const state = stored.key === resetKey ? stored : fresh(resetKey, stored.pageSize);

  const onPaginationModelChange = useCallback(
    (next: GridPaginationModel) =>
      setStored((prev) => {
        const base = prev.key === resetKey ? prev : fresh(resetKey, prev.pageSize);
        if (next.pageSize !== base.pageSize) return fresh(resetKey, next.pageSize);
        return next.page in base.cursors ? { ...base, page: next.page } : base;
      }),
    [resetKey],
  );

  /** Call with each loaded page's pageInfo so the page after it becomes reachable. */
  const rememberPage = useCallback(
    (page: number, pageInfo: PageInfo) => {
      const endCursor = pageInfo.endCursor;
      if (!pageInfo.hasNextPage || !endCursor) return;
      setStored((prev) => {
        const base = prev.key === resetKey ? prev : fresh(resetKey, prev.pageSize);
        return base.cursors[page + 1] === endCursor ? base : { ...base, cursors: { ...base.cursors, [page + 1]: endCursor } };
      });
    },
    [resetKey],
  );

  return {
    paginationModel: { page: state.page, pageSize: state.pageSize },
    after: state.cursors[state.page] ?? null,
    first: state.pageSize,
    onPaginationModelChange,
    rememberPage,
  };
}
