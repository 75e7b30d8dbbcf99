import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { useTranslation } from 'react-i18next';
import type { DuplicateMatchFieldsFragment } from '../../../graphql/graphql';

interface Group {
  key: string;
  counterparty: DuplicateMatchFieldsFragment['counterparty'];
  responsible: DuplicateMatchFieldsFragment['responsible'];
  matches: DuplicateMatchFieldsFragment[];
}

/** One line per likely duplicate, listing everything it shares (INN, phone, e-mail). */
function groupByCounterparty(matches: readonly DuplicateMatchFieldsFragment[]): Group[] {
  const groups = new Map<string, Group>();
  for (const m of matches) {
    // Hidden counterparties have no id for us; their responsible user is the best grouping we have.
    const key = m.counterparty ? `c:${m.counterparty.id}` : `u:${m.responsible?.id ?? '?'}:${m.matchedOn}:${m.value}`;
    const group = groups.get(key) ?? { key, counterparty: m.counterparty, responsible: m.responsible, matches: [] };
    if (!group.matches.some((x) => x.matchedOn === m.matchedOn && x.value === m.value)) group.matches.push(m);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Non-blocking: the user decides whether it is the same company. Counterparties outside the user's scope are
 * named only by their responsible manager, whom to ask.
 */
export function DuplicatesWarning({ matches }: { matches: readonly DuplicateMatchFieldsFragment[] }) {
  const { t } = useTranslation();
  if (matches.length === 0) return null;
  return (
    <Alert severity="warning" data-testid="duplicates-warning" sx={{ mb: 2 }}>
      <AlertTitle>{t('duplicates.title')}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {groupByCounterparty(matches).map((g) => (
          <li key={g.key} data-testid="duplicate-match">
            {g.counterparty ? (
              <Link component={RouterLink} to={`/counterparties/${g.counterparty.id}`} target="_blank">
                {g.counterparty.name}
              </Link>
            ) : (
              t('duplicates.ownedBy', { name: g.responsible?.fullName ?? t('duplicates.unknownUser') })
            )}
            {' — '}
            {t('duplicates.same', {
              list: g.matches
                .map((m) => t('duplicates.matchedOn', { field: t(`duplicates.field.${m.matchedOn}`), value: m.value }))
                .join(', '),
            })}
          </li>
        ))}
      </Box>
    </Alert>
  );
}
