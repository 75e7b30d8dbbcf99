import { useTranslation } from 'react-i18next';
import type { ClientRequestListItemFragment } from '../../../graphql/graphql';
import { DeadlineChip } from './deadline';
import { OPEN_STATES } from './request-meta';

type ListRequest = Pick<
  ClientRequestListItemFragment,
  'state' | 'reactionDeadline' | 'resolutionDeadline' | 'reactedAt' | 'resolvedAt' | 'slaPaused' | 'overdue' | 'aboutToBreach'
>;

/** How a request stands against its SLA, for colouring rows and cards: red breached, amber about to breach. */
export function slaTone(r: ListRequest): 'breached' | 'soon' | 'ok' {
  if (r.overdue) return 'breached';
  if (r.aboutToBreach) return 'soon';
  return 'ok';
}

/**
 * The deadline that runs now: the reaction while nobody has taken the request, then the resolution. Closed and
 * rejected requests show none.
 */
export function ListDeadline({ request: r }: { request: ListRequest }) {
  const { t } = useTranslation();
  if (!OPEN_STATES.includes(r.state) && r.state !== 'RESOLVED') return null;
  const reacting = r.state === 'REGISTERED';
  return (
    <DeadlineChip
      label={reacting ? t('request.reactionShort') : t('request.resolutionShort')}
      deadline={reacting ? r.reactionDeadline : r.resolutionDeadline}
      metAt={reacting ? null : r.resolvedAt}
      paused={r.slaPaused}
      breached={r.overdue}
      soon={r.aboutToBreach}
      testId="request-deadline"
    />
  );
}
