import Badge from '@mui/material/Badge';
import Tooltip from '@mui/material/Tooltip';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ClientRequestCountsQuery } from '../graphql/request-counts.graphql';

/**
 * The Requests tab's label with its badge: how many requests are open in my scope, red when some are past a
 * deadline, amber when some are about to be; the other counts in the tooltip and for screen readers. Read again
 * on pushes (a notification about a request) and after my own changes, never polled.
 */
export function RequestsTabLabel({ label }: { label: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(ClientRequestCountsQuery, { fetchPolicy: 'cache-and-network' });
  const c = data?.clientRequestCounts;
  if (!c || c.open === 0) return <>{label}</>;
  const details = t('requests.tabDetails', { open: c.open, mine: c.mine, critical: c.critical, breached: c.breached, atRisk: c.aboutToBreach });
  return (
    <Tooltip title={details}>
      <Badge
        badgeContent={c.open}
        max={99}
        color={c.breached > 0 ? 'error' : c.aboutToBreach > 0 ? 'warning' : 'info'}
        aria-label={details}
        slotProps={{ badge: { 'data-testid': 'requests-count', 'data-breached': c.breached, 'data-at-risk': c.aboutToBreach, 'data-critical': c.critical } as object }}
        sx={{ '& .MuiBadge-badge': { right: -12, top: 2 } }}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}
