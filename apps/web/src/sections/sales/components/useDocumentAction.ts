import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { salesErrorMessages } from '../lib/sales-errors';

/**
 * Runs a card's action (post, unpost, accept…) and keeps the server's refusal to show above the card: the
 * reason a posted document cannot be unposted is something a person must read, not a silent failure.
 */
export function useDocumentAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [messages, setMessages] = useState<string[]>([]);
  const run = useCallback(
    async (name: string, action: () => Promise<unknown>): Promise<boolean> => {
      setBusy(name);
      setMessages([]);
      try {
        await action();
        return true;
      } catch (error) {
        setMessages(salesErrorMessages(t, error));
        return false;
      } finally {
        setBusy(null);
      }
    },
    [t],
  );
  return { busy, messages, run, clear: () => setMessages([]) };
}
