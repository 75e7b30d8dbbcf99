import Box from '@mui/material/Box';
import type { SxProps, Theme } from '@mui/material/styles';
import { formatMoney } from '../lib/money';

/** A sum of money from its decimal string, digits aligned (tabular figures) so columns of sums read easily. */
export function Money({ value, testId, sx, strong }: { value: string | null | undefined; testId?: string; sx?: SxProps<Theme>; strong?: boolean }) {
  return (
    <Box
      component="span"
      data-testid={testId}
      data-value={value ?? undefined}
      sx={[{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontWeight: strong ? 600 : undefined }, ...(Array.isArray(sx) ? sx : [sx])]}
    >
      {formatMoney(value)}
    </Box>
  );
}
