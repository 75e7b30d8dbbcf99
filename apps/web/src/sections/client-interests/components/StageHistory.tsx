import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArrowForwardOutlined from '@mui/icons-material/ArrowForwardOutlined';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { formatDateTime } from '../../../lib/format';
import { ClientInterestStageHistoryQuery } from '../graphql/interest.graphql';
import { SalesErrorAlert } from '../lib/errors';
import { InterestStateChip } from '../lib/interest-meta';
import { formatMoney } from '../lib/money';

const PAGE = 100;

/** Every stage and state change of the interest, oldest first, as a timeline: who, when, from → to, amount, probability. */
export function StageHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  const [first, setFirst] = useState(PAGE);
  const { data, previousData, loading, error } = useQuery(ClientInterestStageHistoryQuery, { variables: { id, first }, fetchPolicy: 'cache-and-network' });
  const page = (data ?? previousData)?.clientInterestStageHistory;
  if (loading && !page) return <LoadingBlock />;
  if (!page) return <SalesErrorAlert error={error} />;
  const entries = page.edges.map((e) => e.node);
  return (
    <Box component="ol" data-testid="stage-history" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {entries.map((h, i) => (
        <Box
          component="li"
          key={h.id}
          data-testid="stage-history-entry"
          data-to-stage-id={h.toStage?.id}
          sx={{ position: 'relative', pl: 3, pb: i === entries.length - 1 ? 0 : 2, borderLeft: i === entries.length - 1 ? 0 : 2, borderColor: 'divider', ml: 1 }}
        >
          <Box
            sx={{
              position: 'absolute',
              left: -7,
              top: 2,
              width: 12,
              height: 12,
              borderRadius: '50%',
              bgcolor: h.toState === 'WON' ? 'success.main' : h.toState === 'LOST' ? 'error.main' : h.toState === 'SUSPENDED' ? 'warning.main' : 'primary.main',
              border: 2,
              borderColor: 'background.paper',
              ml: i === entries.length - 1 ? '2px' : 0,
            }}
          />
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatDateTime(h.at)}
            </Typography>
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {h.user?.fullName ?? t('history.system')}
            </Typography>
          </Stack>
          <Stack direction="row" spacing={0.75} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.25 }}>
            {h.fromStage ? (
              <>
                <Typography variant="body2">{h.fromStage.name}</Typography>
                <ArrowForwardOutlined sx={{ fontSize: 16 }} color="action" />
              </>
            ) : (
              <Typography variant="body2" color="text.secondary">
                {t('interests.history.created')}:
              </Typography>
            )}
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {h.toStage?.name}
            </Typography>
            {h.fromState !== h.toState && <InterestStateChip state={h.toState} />}
          </Stack>
          <Typography variant="caption" color="text.secondary">
            {t('interests.history.amountAndProbability', { amount: formatMoney(h.amount), probability: h.probability })}
          </Typography>
        </Box>
      ))}
      {page.pageInfo.hasNextPage && (
        <Button onClick={() => setFirst((n) => n + PAGE)} disabled={loading}>
          {t('common.loadMore')}
        </Button>
      )}
    </Box>
  );
}
