import { Link as RouterLink, useLocation } from 'react-router';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useTranslation } from 'react-i18next';

/** The desktop sections in the order of 1C:CRM's «Рабочий стол». */
export const DESKTOP_SECTIONS = [
  { path: 'tasks', label: 'sections.tasks' },
  { path: 'client-interests', label: 'sections.clientInterests' },
  { path: 'counterparties', label: 'sections.counterparties' },
  { path: 'contact-persons', label: 'sections.contactPersons' },
  { path: 'sales', label: 'sections.sales' },
  { path: 'requests', label: 'sections.requests' },
  { path: 'marketing', label: 'sections.marketing' },
] as const;

export function DesktopTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const first = pathname.split('/')[1] ?? '';
  // Cards and forms stay under their section's tab; pages outside the desktop select no tab.
  const current = DESKTOP_SECTIONS.some((s) => s.path === first) ? first : false;

  return (
    <Tabs
      value={current}
      variant="scrollable"
      scrollButtons="auto"
      allowScrollButtonsMobile
      textColor="inherit"
      aria-label={t('shell.sections')}
      sx={{ minHeight: 44, bgcolor: 'primary.dark', '& .MuiTabs-indicator': { bgcolor: 'common.white', height: 3 } }}
    >
      {DESKTOP_SECTIONS.map((s) => (
        <Tab
          key={s.path}
          value={s.path}
          label={t(s.label)}
          component={RouterLink}
          to={`/${s.path}`}
          data-testid={`tab-${s.path}`}
          sx={{ minHeight: 44, textTransform: 'none', fontSize: 15 }}
        />
      ))}
    </Tabs>
  );
}
