import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { InterestState } from '../../../graphql/graphql';
import { EntityHistory } from '../../../components/history/EntityHistory';
import { formatDate } from '../../../lib/format';
import { ClientInterestHistoryQuery, SalesReferenceQuery } from '../graphql/interest.graphql';
import { INTEREST_STATES } from '../lib/interest-meta';
import { formatMoney, formatQuantity } from '../lib/money';

interface Props {
  id: string;
  /** Names of the products the interest has now, for lines in older entries. */
  productNames: ReadonlyMap<string, string>;
  /** Names of the client, its contact person and competitors known to the card. */
  partyNames: ReadonlyMap<string, string>;
}

/** The audit history of an interest, with its ids (stage, scenario, reasons, products) shown as names. */
export function InterestHistory({ id, productNames, partyNames }: Props) {
  const { t } = useTranslation();
  const reference = useQuery(SalesReferenceQuery).data;
  const stages = new Map((reference?.salesScenarios ?? []).flatMap((s) => s.stages.map((st) => [st.id, st.name] as const)));
  const scenarios = new Map((reference?.salesScenarios ?? []).map((s) => [s.id, s.name] as const));
  const reasons = new Map((reference?.lossReasons ?? []).map((r) => [r.id, r.name] as const));
  const sources = new Map((reference?.informationSources ?? []).map((r) => [r.id, r.name] as const));
  return (
    <EntityHistory
      query={ClientInterestHistoryQuery}
      id={id}
      selectPage={(d) => d.clientInterest.history}
      renderValue={(field, value) => {
        if (typeof value === 'string') {
          if (field === 'state' && INTEREST_STATES.includes(value as InterestState)) return t(`interestState.${value}`);
          if (field === 'stageId') return stages.get(value);
          if (field === 'counterpartyId' || field === 'contactPersonId') return partyNames.get(value);
          if (field === 'scenarioId') return scenarios.get(value);
          if (field === 'lossReasonId') return reasons.get(value);
          if (field === 'informationSourceId') return sources.get(value);
          if (field === 'plannedAmount') return formatMoney(value);
          if (field === 'plannedCloseDate' || field === 'actualCloseDate' || field === 'date') return formatDate(value);
        }
        if (field === 'lines' && Array.isArray(value)) {
          if (value.length === 0) return '—';
          return value
            .map((l: { productId?: string; quantity?: string; price?: string }) =>
              `${(l.productId && productNames.get(l.productId)) ?? '…'} × ${formatQuantity(l.quantity)} × ${formatMoney(l.price)}`,
            )
            .join('; ');
        }
        if (field === 'competitorIds' && Array.isArray(value)) {
          const names = value.map((v) => (typeof v === 'string' ? partyNames.get(v) : undefined));
          return names.every(Boolean) && names.length > 0 ? names.join(', ') : t('interests.history.competitors', { count: value.length });
        }
        return undefined;
      }}
    />
  );
}
