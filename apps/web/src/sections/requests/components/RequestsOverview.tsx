import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ClientRequestListItemFragment } from '../../../graphql/graphql';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RequestsOverviewQuery } from '../graphql/requests.graphql';
import { RequestRow } from './RequestRow';

interface SectionProps {
  title: string;
  testId: string;
  tone: 'error' | 'warning' | 'primary';
  total: number;
  rows: readonly ClientRequestListItemFragment[];
  empty: string;
  /** The list view showing all of them. */
  allPath: string;
  showResponsible: boolean;
}

function Section({ title, testId, tone, total, rows, empty, allPath, showResponsible }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={title}
      data-testid={testId}
      sx={{ mb: 2, overflow: 'hidden', borderLeft: 4, borderLeftColor: total > 0 ? `${tone}.main` : 'divider' }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: { xs: 1.5, sm: 2 }, pt: 1.5, pb: 0.5 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        <Chip size="small" label={total} color={total > 0 ? tone : 'default'} data-testid={`${testId}-count`} />
        <Box sx={{ flex: 1 }} />
        {total > 0 && (
          <Button size="small" component={RouterLink} to={allPath}>
            {t('requests.showAll')}
          </Button>
        )}
      </Stack>
      {total === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ px: { xs: 1.5, sm: 2 }, pb: 1.5 }}>
          {empty}
        </Typography>
      ) : (
        <List disablePadding>
          {rows.map((r) => (
            <RequestRow key={r.id} request={r} showResponsible={showResponsible} />
          ))}
        </List>
      )}
    </Paper>
  );
}

/**
 * The control view of the Requests tab: my open requests, the critical ones, those past a deadline (red) and
 * those about to be (amber), nearest deadline first. Pushes (notifications) and my actions refresh it.
 */
export function RequestsOverview() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { data, previousData, loading, error } = useQuery(RequestsOverviewQuery, {
    variables: { me: user.id, first: 20 },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  // A manager sees only their own requests: naming the responsible on every row would repeat their own name.
  const team = user.role !== 'MANAGER';
  const rows = (c: { edges: ReadonlyArray<{ node: ClientRequestListItemFragment }> } | undefined) => c?.edges.map((e) => e.node) ?? [];

  let body: ReactNode;
  if (!shown) body = loading ? <LinearProgress aria-label={t('common.loading')} /> : null;
  else {
    body = (
      <>
        <Section
          title={t('requests.breached')}
          testId="requests-breached"
          tone="error"
          total={shown.breached.totalCount}
          rows={rows(shown.breached)}
          empty={t('requests.noBreached')}
          allPath="/requests?view=list&overdue=1"
          showResponsible={team}
        />
        <Section
          title={t('requests.atRisk')}
          testId="requests-at-risk"
          tone="warning"
          total={shown.atRisk.totalCount}
          rows={rows(shown.atRisk)}
          empty={t('requests.noAtRisk')}
          allPath="/requests?view=list&atRisk=1"
          showResponsible={team}
        />
        <Section
          title={t('requests.critical')}
          testId="requests-critical"
          tone="error"
          total={shown.critical.totalCount}
          rows={rows(shown.critical)}
          empty={t('requests.noCritical')}
          allPath="/requests?view=list&critical=1&open=1"
          showResponsible={team}
        />
        <Section
          title={t('requests.mine')}
          testId="requests-mine"
          tone="primary"
          total={shown.mine.totalCount}
          rows={rows(shown.mine)}
          empty={t('requests.noMine')}
          allPath={`/requests?view=list&open=1&responsible=${user.id}`}
          showResponsible={false}
        />
      </>
    );
  }

  return (
    <>
      <Box sx={{ height: 4, mb: 1 }}>{loading && shown && <LinearProgress aria-label={t('common.loading')} />}</Box>
      <ErrorAlert error={shown ? undefined : error} />
      {body}
    </>
  );
}
