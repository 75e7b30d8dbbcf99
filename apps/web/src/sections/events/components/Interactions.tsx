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
import { useTranslation } from 'react-i18next';
import type { EventListItemFragment } from '../../../graphql/graphql';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { formatDateTime } from '../../../lib/format';
import { ContactPersonInteractionsQuery, CounterpartyInteractionsQuery } from '../graphql/event.graphql';
import { DirectionIcon, EventKindIcon } from './event-meta';

interface Page {
  totalCount: number;
  edges: ReadonlyArray<{ node: EventListItemFragment }>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Completed events with a counterparty or person, newest first: the interaction history of the card. */
function InteractionsList({ page, loading, onLoadMore, showPerson }: { page: Page | undefined; loading: boolean; onLoadMore: () => void; showPerson: boolean }) {
  const { t } = useTranslation();
  if (!page && loading) return <LoadingBlock />;
  const rows = page?.edges.map((e) => e.node) ?? [];
  if (rows.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ py: 1 }}>
        {t('interactions.empty')}
      </Typography>
    );
  }
  return (
    <Box data-testid="interactions">
      <Typography variant="body2" color="text.secondary">
        {t('interactions.total', { count: page?.totalCount ?? rows.length })}
      </Typography>
      <List disablePadding>
        {rows.map((e) => (
          <ListItem key={e.id} divider disableGutters data-testid="interaction-row" sx={{ display: 'block', py: 1.25 }}>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums', minWidth: 120 }}>
                {formatDateTime(e.start)}
              </Typography>
              <EventKindIcon kind={e.kind} fontSize="small" color="action" />
              <DirectionIcon direction={e.direction} fontSize="small" />
              <Link component={RouterLink} to={`/events/${e.id}`} sx={{ fontWeight: 500, wordBreak: 'break-word' }}>
                {e.subject}
              </Link>
            </Stack>
            {e.result && (
              <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-line', wordBreak: 'break-word' }}>
                {e.result}
              </Typography>
            )}
            <Typography variant="caption" color="text.secondary" component="div">
              {[showPerson ? e.contactPerson?.fullName : null, e.responsible?.fullName].filter(Boolean).join(' · ')}
            </Typography>
          </ListItem>
        ))}
      </List>
      {page?.pageInfo.hasNextPage && (
        <Button onClick={onLoadMore} disabled={loading} sx={{ mt: 1 }}>
          {t('common.loadMore')}
        </Button>
      )}
    </Box>
  );
}

const PAGE = 20;

export function CounterpartyInteractions({ id }: { id: string }) {
  const [first, setFirst] = useState(PAGE);
  const { data, previousData, loading, error } = useQuery(CounterpartyInteractionsQuery, { variables: { id, first }, fetchPolicy: 'cache-and-network' });
  return (
    <>
      <ErrorAlert error={error} />
      <InteractionsList page={(data ?? previousData)?.events} loading={loading} showPerson onLoadMore={() => setFirst((n) => n + PAGE)} />
    </>
  );
}

export function ContactPersonInteractions({ id }: { id: string }) {
  const [first, setFirst] = useState(PAGE);
  const { data, previousData, loading, error } = useQuery(ContactPersonInteractionsQuery, { variables: { id, first }, fetchPolicy: 'cache-and-network' });
  return (
    <>
      <ErrorAlert error={error} />
      <InteractionsList page={(data ?? previousData)?.events} loading={loading} showPerson={false} onLoadMore={() => setFirst((n) => n + PAGE)} />
    </>
  );
}

/** "Last contact" and "next planned event" for a card's header. */
export function ContactDates({ lastContactAt, next }: { lastContactAt?: string | null; next?: { id: string; subject: string; start: string } | null }) {
  const { t } = useTranslation();
  return (
    <>
      <span data-testid="card-last-contact">
        {t('interactions.lastContact')}: {lastContactAt ? formatDateTime(lastContactAt) : t('interactions.never')}
      </span>
      {next && (
        <span data-testid="card-next-event">
          {t('interactions.next')}:{' '}
          <Link component={RouterLink} to={`/events/${next.id}`}>
            {next.subject}
          </Link>{' '}
          ({formatDateTime(next.start)})
        </span>
      )}
    </>
  );
}
