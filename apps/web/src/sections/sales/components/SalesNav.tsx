import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useTranslation } from 'react-i18next';
import { salesPaths } from '../lib/paths';

const ITEMS = [
  { key: 'desk', to: salesPaths.desk },
  { key: 'offers', to: salesPaths.offers },
  { key: 'invoices', to: salesPaths.invoices },
  { key: 'payments', to: salesPaths.payments },
  { key: 'shipments', to: salesPaths.shipments },
] as const;

export type SalesNavKey = (typeof ITEMS)[number]['key'];

/** The Sales tab's own pages: the desk and the lists of each kind of document. */
export function SalesNav({ current }: { current: SalesNavKey }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
      <Tabs value={current} variant="scrollable" allowScrollButtonsMobile aria-label={t('sections.sales')}>
        {ITEMS.map((i) => (
          <Tab key={i.key} value={i.key} label={t(`sales.nav.${i.key}`)} component={RouterLink} to={i.to} data-testid={`sales-nav-${i.key}`} />
        ))}
      </Tabs>
    </Box>
  );
}
