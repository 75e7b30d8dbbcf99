import { Link as RouterLink, useLocation } from 'react-router';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useTranslation } from 'react-i18next';

/** Switches between the administration pages. */
export function AdminNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Tabs value={pathname} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }} variant="scrollable" allowScrollButtonsMobile>
      <Tab value="/admin/users" label={t('admin.users.title')} component={RouterLink} to="/admin/users" />
      <Tab value="/admin/contact-info-kinds" label={t('admin.kinds.title')} component={RouterLink} to="/admin/contact-info-kinds" />
      <Tab value="/admin/organizations" label={t('organizations.title')} component={RouterLink} to="/admin/organizations" data-testid="admin-tab-organizations" />
      <Tab value="/admin/sales-settings" label={t('salesSettings.title')} component={RouterLink} to="/admin/sales-settings" data-testid="admin-tab-sales-settings" />
      <Tab value="/settings/api-tokens" label={t('userMenu.apiTokens')} component={RouterLink} to="/settings/api-tokens" />
    </Tabs>
  );
}
