import { useSearchParams } from 'react-router';

/** List filters kept in the URL (so "back" from a card restores the list): read one, set one. */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return { params, setParam };
}
