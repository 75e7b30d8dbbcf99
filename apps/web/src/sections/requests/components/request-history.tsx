import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import type { TFunction } from 'i18next';
import { UserName } from '../../../components/UserName';
import { formatDateTime } from '../../../lib/format';

/** Request fields stored as enum codes in the audit, with the words for them. */
const ENUMS: Record<string, string> = {
  kind: 'requestKind',
  channel: 'requestChannel',
  priority: 'requestPriority',
  state: 'requestState',
};

/**
 * Values of a request's history in words: its own enums (the shared list would read `kind` and `state` as an
 * event's), deadlines as dates, the article as a link. Undefined leaves the value to the shared renderer.
 */
export function renderRequestValue(t: TFunction, field: string, value: unknown): ReactNode | undefined {
  if (typeof value === 'string' && ENUMS[field]) return t(`${ENUMS[field]}.${value}`, { defaultValue: value });
  if (typeof value === 'boolean' && field === 'critical') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string' && (field === 'reactionDeadline' || field === 'resolutionDeadline')) return formatDateTime(value);
  if (typeof value === 'number' && field === 'pausedMinutes') return t('request.minutes', { count: value });
  if (typeof value === 'string' && field === 'closureConfirmedById') return <UserName id={value} />;
  if (typeof value === 'string' && field === 'knowledgeArticleId') {
    return (
      <Link component={RouterLink} to={`/knowledge/${value}`}>
        {t('request.openArticle')}
      </Link>
    );
  }
  return undefined;
}
