import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../graphql';
import type { CurrentUserFragment } from '../graphql/graphql';
import { isLanguage, storedLanguage } from '../i18n';
import { hasErrorCode } from '../lib/errors';
import { isValidTimeZone, setDisplayTimeZone } from '../lib/format';
import { FullScreenMessage } from '../components/FullScreenMessage';
import { LoginPage } from '../pages/login/LoginPage';
import { onSessionExpired } from './apollo';

graphql(`
  fragment CurrentUser on User {
    id
    email
    fullName
    role
    locale
    timeZone
    version
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...CurrentUser
    }
  }
`);

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

interface AuthValue {
  user: CurrentUserFragment;
  isAdmin: boolean;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

/** The signed-in user; only rendered below AuthProvider's authenticated branch, so never null there. */
export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside an authenticated tree');
  return value;
}

/** The IANA zone the user works in (profile `timeZone`), falling back to the browser's when unknown. */
export function useTimeZone(): string {
  const { user } = useAuth();
  return user.timeZone && isValidTimeZone(user.timeZone) ? user.timeZone : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Supervisors and administrators may open a colleague's work calendar. */
export function useCanViewOthersCalendars(): boolean {
  const { user } = useAuth();
  return user.role === 'ADMINISTRATOR' || user.role === 'SUPERVISOR';
}

/** For components shown both before and after sign-in (the language switch). */
export function useOptionalAuth(): AuthValue | null {
  return useContext(AuthContext);
}

/**
 * Gate for the whole app: asks the server who we are and shows the sign-in page when the session is missing.
 * The URL is kept, so a deep link opens after signing in.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(MeQuery, { notifyOnNetworkStatusChange: false });
  const [logoutMutation] = useMutation(LogoutMutation);
  const me = data?.me ?? null;

  const recheck = useCallback(() => {
    refetch().catch(() => undefined); // the error lands in `error` and renders the sign-in page
  }, [refetch]);

  useEffect(() => onSessionExpired(recheck), [recheck]);

  // A device without a chosen language follows the language saved in the user's profile.
  useEffect(() => {
    if (me && !storedLanguage() && isLanguage(me.locale) && me.locale !== i18n.resolvedLanguage) {
      void i18n.changeLanguage(me.locale);
    }
  }, [me, i18n]);

  const logout = useCallback(async () => {
    try {
      await logoutMutation();
    } finally {
      // Drop everything the previous user could see before anyone else signs in on this browser.
      await client.clearStore();
      recheck();
    }
  }, [client, logoutMutation, recheck]);

  const value = useMemo<AuthValue | null>(() => {
    // Times everywhere are shown in the profile's zone; set before the tree below renders with the new value.
    setDisplayTimeZone(me?.timeZone);
    return me ? { user: me, isAdmin: me.role === 'ADMINISTRATOR', logout } : null;
  }, [me, logout]);

  if (value) return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
  if (loading) return <FullScreenMessage loading text={t('common.loading')} />;
  if (error && !hasErrorCode(error, 'UNAUTHENTICATED')) {
    return <FullScreenMessage text={t('errors.NETWORK')} actionLabel={t('common.retry')} onAction={recheck} />;
  }
  return (
    <LoginPage
      onSignedIn={async () => {
        // resetStore refetches `me` (and anything a previous session left in the cache is gone).
        await client.resetStore();
      }}
    />
  );
}
