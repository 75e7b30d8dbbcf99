import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { PickedProduct } from './ProductsPicker';

/** The products an article or a request is about, by name (read with the object itself, never one by one). */
export function ProductChips({ products }: { products: readonly PickedProduct[] }) {
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {products.map((p) => (
        <Chip key={p.id} size="small" variant="outlined" label={p.name} data-testid="kb-product" />
      ))}
    </Stack>
  );
}
