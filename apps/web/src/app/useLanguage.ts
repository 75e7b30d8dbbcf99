import { useCallback } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../graphql';
import { currentLanguage, storeLanguage, type Language } from '../i18n';
import { useOptionalAuth } from './auth';

const SetMyLocaleMutation = graphql(`
  mutation SetMyLocale($locale: Locale!) {
    setMyLocale(locale: $locale) {
      id
      locale
      version
    }
  }
`);

/** Switches the interface language, remembers it on this device and, when signed in, in the user's profile. */
export function useLanguage(): { language: Language; setLanguage: (language: Language) => void } {
  const { i18n } = useTranslation();
  const auth = useOptionalAuth();
  const [setMyLocale] = useMutation(SetMyLocaleMutation);
  const signedIn = auth !== null;

  const setLanguage = useCallback(
    (language: Language) => {
      storeLanguage(language);
      void i18n.changeLanguage(language);
      // The profile locale is a preference for other devices and server-sent texts; failing to save it is not
      // worth interrupting the user, the local switch already happened.
      if (signedIn) setMyLocale({ variables: { locale: language } }).catch(() => undefined);
    },
    [i18n, setMyLocale, signedIn],
  );

  return { language: (i18n.resolvedLanguage as Language | undefined) ?? currentLanguage(), setLanguage };
}
