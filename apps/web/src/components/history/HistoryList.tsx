import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { HistoryPageFragment } from '../../graphql/graphql';
import { formatDateTime } from '../../lib/format';
import { useContactInfoKinds, useKindLabel } from '../contact-info/kinds';
import { UserName } from '../UserName';
import { formatAuditValue, type AuditLookups } from './audit-values';

interface Props {
  page: HistoryPageFragment | undefined;
  loading: boolean;
  onLoadMore: () => void;
  /**
   * Shows an id-valued field by name (e.g. a group or counterparty); return undefined to fall back to the text.
   * Responsible users are resolved here already.
   */
  renderValue?: (field: string, value: unknown) => ReactNode | undefined;
}

const USER_FIELDS = new Set(['responsibleId', 'supervisorId', 'actorId']);

const ACTION_COLOR = {
  CREATE: 'success',
  UPDATE: 'primary',
  MARK_FOR_DELETION: 'warning',
  RESTORE: 'info',
  DELETE: 'error',
} as const;

/** Who changed what and when, newest first, with each changed field as old → new. */
export function HistoryList({ page, loading, onLoadMore, renderValue }: Props) {
  const { t } = useTranslation();
  const { kinds } = useContactInfoKinds();
  const kindLabel = useKindLabel();
  const entries = page?.edges.map((e) => e.node) ?? [];
  const lookups: AuditLookups = {
    kindName: (id) => {
      const kind = kinds.find((k) => k.id === id);
      return kind ? kindLabel(kind) : undefined;
    },
  };
  const value = (field: string, v: unknown): ReactNode => {
    if (v === null || v === undefined || v === '') return '—';
    const custom = renderValue?.(field, v);
    if (custom !== undefined) return custom;
    if (USER_FIELDS.has(field) && typeof v === 'string') return <UserName id={v} />;
    return formatAuditValue(t, field, v, lookups);
  };

  if (!loading && entries.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ py: 2 }}>
        {t('history.empty')}
      </Typography>
    );
  }

  return (
    <Box data-testid="history">
      {page && (
        <Typography variant="body2" color="text.secondary">
          {t('history.total', { count: page.totalCount })}
        </Typography>
      )}
      <List disablePadding>
        {entries.map((entry) => (
          <ListItem key={entry.id} disableGutters divider sx={{ display: 'block', py: 1.5 }} data-testid="history-entry">
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
              <Chip size="small" color={ACTION_COLOR[entry.action]} label={t(`audit.action.${entry.action}`)} />
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                {entry.actor?.fullName ?? t('history.system')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {formatDateTime(entry.at)}
              </Typography>
            </Stack>
            {entry.changes.length > 0 && (
              <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'minmax(120px, max-content) 1fr' }, columnGap: 2 }}>
                {entry.changes.map((change) => (
                  <Box key={change.field} sx={{ display: 'contents' }}>
                    <Typography component="dt" variant="body2" color="text.secondary">
                      {t(`field.${change.field}`, { defaultValue: change.field })}
                    </Typography>
                    <Typography component="dd" variant="body2" sx={{ m: 0, mb: { xs: 1, sm: 0 }, wordBreak: 'break-word' }}>
                      {entry.action !== 'CREATE' && (
                        <>
                          <Box component="span" sx={{ color: 'text.secondary', textDecoration: 'line-through' }}>
                            {value(change.field, change.old)}
                          </Box>
                          {' → '}
                        </>
                      )}
                      {value(change.field, change.new)}
                    </Typography>
                  </Box>
                ))}
              </Box>
            )}
          </ListItem>
        ))}
      </List>
      {page?.pageInfo.hasNextPage && (
        <Button onClick={onLoadMore} disabled={loading} sx={{ mt: 1 }}>
          {t('history.more')}
        </Button>
      )}
    </Box>
  );
}
