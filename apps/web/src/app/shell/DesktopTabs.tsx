import { Link as RouterLink, useLocation } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Badge from '@mui/material/Badge';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useTranslation } from 'react-i18next';
import { TaskCountsQuery } from '../reminders/reminders.graphql';
import { RequestsTabLabel } from '../../sections/requests/components/RequestsTabLabel';

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

/** Pages that belong to a tab without being under its path: events and the calendar are «Дела». */
const OWNING_TAB: Record<string, string> = { events: 'tasks', calendar: 'tasks' };

export function DesktopTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const first = pathname.split('/')[1] ?? '';
  const owner = OWNING_TAB[first] ?? first;
  // Cards and forms stay under their section's tab; pages outside the desktop select no tab.
  const current = DESKTOP_SECTIONS.some((s) => s.path === owner) ? owner : false;
  // Overdue + today + due reminders; refreshed by pushes (reminderDue, eventChanged) and after my own changes.
  const { data } = useQuery(TaskCountsQuery, { fetchPolicy: 'cache-and-network' });
  const counts = data?.taskCounts;

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
          label={
            s.path === 'tasks' && counts && counts.total > 0 ? (
              <Badge
                badgeContent={counts.total}
                max={99}
                color={counts.overdue > 0 ? 'error' : 'warning'}
                slotProps={{ badge: { 'data-testid': 'tasks-count' } as object }}
                sx={{ '& .MuiBadge-badge': { right: -12, top: 2 } }}
              >
                {t(s.label)}
              </Badge>
            ) : s.path === 'requests' ? (
              <RequestsTabLabel label={t(s.label)} />
            ) : (
              t(s.label)
            )
          }
          aria-label={s.path === 'tasks' && counts ? t('tasks.tabLabel', { count: counts.total }) : undefined}
          component={RouterLink}
          to={`/${s.path}`}
          data-testid={`tab-${s.path}`}
          sx={{ minHeight: 44, textTransform: 'none', fontSize: 15, ...((s.path === 'tasks' && counts && counts.total > 0) || s.path === 'requests' ? { pr: 3.5 } : {}) }}
        />
      ))}
    </Tabs>
  );
}
