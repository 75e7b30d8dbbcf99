import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { VatMode } from '../lib/money';
import { Money } from './Money';

/**
 * «Итого / в том числе НДС / Всего к оплате» as on the printed form: with VAT included the VAT is part of the
 * total; with VAT added it comes on top of the amount.
 */
export function TotalsBlock({
  amount,
  vatAmount,
  total,
  vatMode,
  totalTestId,
  note,
}: {
  amount: string;
  vatAmount: string;
  total: string;
  vatMode: VatMode;
  totalTestId?: string;
  /** E.g. "preview: the server recomputes on save". */
  note?: string;
}) {
  const { t } = useTranslation();
  const rows: Array<[string, string, boolean, string | undefined]> =
    vatMode === 'ADDED'
      ? [
          [t('sales.totals.amount'), amount, false, undefined],
          [t('sales.totals.vatAdded'), vatAmount, false, undefined],
          [t('sales.totals.total'), total, true, totalTestId],
        ]
      : [
          [t('sales.totals.total'), total, true, totalTestId],
          [t('sales.totals.vatIncluded'), vatAmount, false, undefined],
        ];
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'auto auto', justifyContent: 'end', columnGap: 3, rowGap: 0.5, mt: 2 }}>
      {rows.map(([label, value, strong, testId]) => (
        <Box key={label} sx={{ display: 'contents' }}>
          <Typography variant={strong ? 'subtitle1' : 'body2'} color={strong ? 'text.primary' : 'text.secondary'} sx={{ textAlign: 'right', fontWeight: strong ? 600 : undefined }}>
            {label}
          </Typography>
          <Typography variant={strong ? 'subtitle1' : 'body2'} sx={{ textAlign: 'right' }}>
            <Money value={value} testId={testId} strong={strong} />
          </Typography>
        </Box>
      ))}
      {note && (
        <Typography variant="caption" color="text.secondary" sx={{ gridColumn: '1 / span 2', textAlign: 'right' }}>
          {note}
        </Typography>
      )}
    </Box>
  );
}
