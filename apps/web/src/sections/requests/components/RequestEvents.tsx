import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddTaskOutlined from '@mui/icons-material/AddTaskOutlined';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { formatRange } from '../../../lib/format';
import { DirectionIcon, EventKindIcon, EventStateChip } from '../../events/components/event-meta';
import { ClientRequestEventsQuery } from '../graphql/requests.graphql';

const PAGE = 20;

/** Events entered based on the request: call-backs, visits, the supervisor's control task. */
export function RequestEvents({ id, newEventPath }: { id: string; newEventPath: string | null }) {
  const { t } = useTranslation();
  const [first, setFirst] = useState(PAGE);
  const { data, previousData, loading, error } = useQuery(ClientRequestEventsQuery, { variables: { id, first }, fetchPolicy: 'cache-and-network' });
  const page = (data ?? previousData)?.clientRequest.events;
  const rows = page?.edges.map((e) => e.node) ?? [];
  return (
    <Box data-testid="request-events">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="body2" color="text.secondary">
          {page ? t('request.eventsTotal', { count: page.totalCount }) : ''}
        </Typography>
        {newEventPath && (
          <Button component={RouterLink} to={newEventPath} startIcon={<AddTaskOutlined />} size="small" data-testid="request-events-new">
            {t('request.newEvent')}
          </Button>
        )}
      </Stack>
      <ErrorAlert error={page ? undefined : error} />
      {!page && loading && <LoadingBlock />}
      {page && rows.length === 0 && (
        <Typography color="text.secondary" sx={{ py: 1 }}>
          {t('request.noEvents')}
        </Typography>
      )}
      <List disablePadding>
        {rows.map((e) => (
          <ListItem key={e.id} divider disableGutters data-testid="request-event-row" sx={{ display: 'block', py: 1.25 }}>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums', minWidth: 120 }}>
                {formatRange(e.start, e.end)}
              </Typography>
              <EventKindIcon kind={e.kind} fontSize="small" color="action" />
              <DirectionIcon direction={e.direction} fontSize="small" />
              <Link component={RouterLink} to={`/events/${e.id}`} sx={{ fontWeight: 500, wordBreak: 'break-word' }}>
                {e.subject}
              </Link>
              <EventStateChip state={e.state} overdue={e.overdue} />
            </Stack>
            {e.result && (
              <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-line', wordBreak: 'break-word' }}>
                {e.result}
              </Typography>
            )}
            <Typography variant="caption" color="text.secondary" component="div">
              {e.responsible?.fullName}
            </Typography>
          </ListItem>
        ))}
      </List>
      {page?.pageInfo.hasNextPage && (
        <Button onClick={() => setFirst((n) => n + PAGE)} disabled={loading} sx={{ mt: 1 }}>
          {t('common.loadMore')}
        </Button>
      )}
    </Box>
  );
}
