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
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { formatDate } from '../../../lib/format';
import { CounterpartyInterestsQuery } from '../graphql/interest.graphql';
import { SalesErrorAlert } from '../lib/errors';
import { InterestStateChip, isCloseOverdue, useToday } from '../lib/interest-meta';
import { formatMoney } from '../lib/money';

const PAGE = 20;

/** The «Interests» tab of a counterparty's card: its deals, newest first, and «New interest» for it. */
export function CounterpartyInterests({ counterpartyId, canCreate }: { counterpartyId: string; canCreate: boolean }) {
  const { t } = useTranslation();
  const today = useToday();
  const [first, setFirst] = useState(PAGE);
  const { data, previousData, loading, error } = useQuery(CounterpartyInterestsQuery, { variables: { id: counterpartyId, first }, fetchPolicy: 'cache-and-network' });
  const page = (data ?? previousData)?.counterparty.clientInterests;
  if (loading && !page) return <LoadingBlock />;
  const rows = page?.edges.map((e) => e.node) ?? [];
  return (
    <Box data-testid="cp-interests">
      <SalesErrorAlert error={error} />
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Typography variant="body2" color="text.secondary">
          {t('interests.total', { count: page?.totalCount ?? 0 })}
        </Typography>
        {canCreate && (
          <Button component={RouterLink} to={`/client-interests/new?counterpartyId=${counterpartyId}`} startIcon={<AddIcon />} size="small" data-testid="cp-add-interest">
            {t('interests.new')}
          </Button>
        )}
      </Stack>
      {rows.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 1 }}>
          {t('interests.noneForCounterparty')}
        </Typography>
      ) : (
        <List disablePadding>
          {rows.map((i) => {
            const overdue = isCloseOverdue(i, today);
            return (
              <ListItem key={i.id} divider disableGutters data-testid="cp-interest-row" data-id={i.id} sx={{ display: 'block', py: 1.25 }}>
                <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                  <Link component={RouterLink} to={`/client-interests/${i.id}`} sx={{ fontWeight: 600 }}>
                    {i.number}
                  </Link>
                  <InterestStateChip state={i.state} />
                  <Typography variant="body2">{i.stage.name}</Typography>
                  <Typography variant="body2" sx={{ fontWeight: 500, fontVariantNumeric: 'tabular-nums', ml: 'auto' }}>
                    {formatMoney(i.plannedAmount)} · {i.probability}%
                  </Typography>
                </Stack>
                <Typography variant="body2" sx={{ mt: 0.25, wordBreak: 'break-word' }}>
                  {i.need}
                </Typography>
                <Typography variant="caption" color={overdue ? 'error' : 'text.secondary'} component="div">
                  {[i.plannedCloseDate && `${t('interests.plannedCloseDate')}: ${formatDate(i.plannedCloseDate)}${overdue ? ` (${t('interests.closeOverdue')})` : ''}`, i.responsible?.fullName]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography>
              </ListItem>
            );
          })}
        </List>
      )}
      {page?.pageInfo.hasNextPage && (
        <Button onClick={() => setFirst((n) => n + PAGE)} disabled={loading} sx={{ mt: 1 }}>
          {t('common.loadMore')}
        </Button>
      )}
    </Box>
  );
}
