import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import CardActionArea from '@mui/material/CardActionArea';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Money } from './Money';

/** The ageing buckets of receivables, in days past the due date. */
export const AGEING_BUCKETS = ['D0_7', 'D8_30', 'D31_60', 'D61_PLUS'] as const;
export type AgeingBucketKey = (typeof AGEING_BUCKETS)[number];

/** Each bucket's days past due, as the invoice list's `minDaysOverdue` / `maxDaysOverdue` filter takes them. */
export const AGEING_DAYS: Record<AgeingBucketKey, { minDaysOverdue: number; maxDaysOverdue?: number }> = {
  D0_7: { minDaysOverdue: 1, maxDaysOverdue: 7 },
  D8_30: { minDaysOverdue: 8, maxDaysOverdue: 30 },
  D31_60: { minDaysOverdue: 31, maxDaysOverdue: 60 },
  D61_PLUS: { minDaysOverdue: 61 },
};

export function isAgeingBucket(v: string | null | undefined): v is AgeingBucketKey {
  return (AGEING_BUCKETS as readonly string[]).includes(v ?? '');
}

export interface AgeingBucketValue {
  key: AgeingBucketKey;
  amount: string;
  count: number;
}

/** The older the debt, the louder the colour. */
const TONE: Record<AgeingBucketKey, string> = { D0_7: 'warning.light', D8_30: 'warning.main', D31_60: 'error.light', D61_PLUS: 'error.main' };

/**
 * Unpaid overdue invoices by how long they are overdue: 0–7, 8–30, 31–60, over 60 days, each with its amount and
 * count; a bucket opens the invoice list filtered to it.
 */
export function AgeingBuckets({ buckets, hrefOf }: { buckets: readonly AgeingBucketValue[]; hrefOf: (key: AgeingBucketKey) => string }) {
  const { t } = useTranslation();
  const byKey = new Map(buckets.map((b) => [b.key, b]));
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' }, gap: 1.5 }}>
      {AGEING_BUCKETS.map((key) => {
        const b = byKey.get(key) ?? { key, amount: '0.00', count: 0 };
        const empty = b.count === 0;
        return (
          <Paper key={key} variant="outlined" sx={{ borderLeft: 4, borderLeftColor: empty ? 'divider' : TONE[key] }}>
            <CardActionArea
              component={RouterLink}
              to={hrefOf(key)}
              data-testid="ageing-bucket"
              data-bucket={key}
              data-count={b.count}
              aria-label={`${t(`sales.ageing.${key}`)}: ${t('sales.desk.invoiceCount', { count: b.count })}`}
              sx={{ p: 1.5, height: '100%' }}
            >
              <Typography variant="caption" color="text.secondary" component="div">
                {t(`sales.ageing.${key}`)}
              </Typography>
              <Typography variant="h6" component="div" color={empty ? 'text.secondary' : 'text.primary'}>
                <Money value={b.amount} />
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('sales.desk.invoiceCount', { count: b.count })}
              </Typography>
            </CardActionArea>
          </Paper>
        );
      })}
    </Box>
  );
}
