import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { SuggestSolutionsQuery } from '../graphql/requests.graphql';
import type { AppliedSolution } from './applied-solution';
import { SolutionSuggestions } from './SolutionSuggestions';

/** Fewer characters than this describe nothing yet: no request is made. */
const MIN_TEXT = 8;

interface Props {
  /** The subject and description as typed. */
  text: string;
  applied: AppliedSolution | null;
  onApply: (value: AppliedSolution | null) => void;
}

/** Suggests SOLUTION articles for the text being typed (debounced: one request per pause, not per key). */
export function SolutionSuggestionsPanel({ text, applied, onApply }: Props) {
  const debounced = useDebouncedValue(text.trim(), 400);
  const skip = debounced.length < MIN_TEXT;
  const { data, previousData, loading } = useQuery(SuggestSolutionsQuery, { variables: { text: debounced }, skip });
  const items = skip ? [] : ((data ?? previousData)?.suggestSolutions ?? []).map((s) => ({ id: s.id, title: s.title, snippet: s.snippet }));
  return (
    <SolutionSuggestions
      items={items}
      loading={loading && !skip}
      appliedId={applied?.id ?? null}
      appliedTitle={applied?.title}
      onApply={(item) => onApply({ id: item.id, title: item.title })}
      onUnapply={() => onApply(null)}
    />
  );
}
