import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { useAuth } from './auth';

/** Hides administration from other roles; the server refuses them anyway, this only avoids a page of errors. */
export function RequireAdmin() {
  const { t } = useTranslation();
  const { isAdmin } = useAuth();
  if (!isAdmin) return <EmptyState title={t('errors.FORBIDDEN')} />;
  return <Outlet />;
}
