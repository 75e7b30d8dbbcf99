import { useEffect, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { ProductNameQuery } from '../graphql/knowledge.graphql';
import type { PickedProduct } from './ProductsPicker';

/** The products an article is about, by name (an article has a handful; each name is read once and cached). */
export function ProductChips({ ids }: { ids: readonly string[] }) {
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {ids.map((id) => (
        <ProductChip key={id} id={id} />
      ))}
    </Stack>
  );
}

function ProductChip({ id }: { id: string }) {
  const { data } = useQuery(ProductNameQuery, { variables: { id } });
  return <Chip size="small" variant="outlined" label={data?.product.name ?? '…'} data-testid="kb-product" />;
}

/** Product ids with their names, for the editor to start from; null until read. A missing product keeps its id. */
export function useProductNames(ids: readonly string[] | undefined): PickedProduct[] | null {
  const client = useApolloClient();
  const key = (ids ?? []).join(',');
  const [state, setState] = useState<{ key: string; value: PickedProduct[] } | null>(null);
  useEffect(() => {
    if (!ids) return;
    let live = true;
    void Promise.all(
      ids.map((id) =>
        client
          .query({ query: ProductNameQuery, variables: { id } })
          .then((r) => ({ id, name: r.data?.product.name ?? id }))
          .catch(() => ({ id, name: id })),
      ),
    ).then((value) => {
      if (live) setState({ key, value });
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the ids
  }, [client, key]);
  if (!ids) return null;
  if (ids.length === 0) return [];
  return state?.key === key ? state.value : null;
}
