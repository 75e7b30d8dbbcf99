import { Suspense, useEffect, useState } from 'react';
import { Link as RouterLink, Outlet, useLocation } from 'react-router';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import Tooltip from '@mui/material/Tooltip';
import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import MenuIcon from '@mui/icons-material/Menu';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { LiveUpdates } from '../live/LiveUpdates';
import { ReminderBell } from '../reminders/ReminderBell';
import { ReminderPopups } from '../reminders/ReminderPopups';
import { RemindersProvider } from '../reminders/RemindersProvider';
import { DesktopTabs } from './DesktopTabs';
import { GlobalSearch } from './GlobalSearch';
import { SidePanel } from './SidePanel';
import { UserMenu } from './UserMenu';

const PANEL_WIDTH = 300;

/**
 * «Рабочий стол CRM»: app bar, the section tabs in 1C order, the page, and the quick-launch / recent-objects panel
 * (a right column on wide screens, a drawer behind the menu button elsewhere).
 */
export function Shell() {
  const { t } = useTranslation();
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('lg'));
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();

  // Following a link from the drawer should reveal the page it opened.
  useEffect(() => setDrawerOpen(false), [location.pathname]);
  // A new page starts at its top (saving a long form used to land mid-way down the card it opened).
  // (A block body: newer browsers return a promise from scrollTo, which React would take for a cleanup.)
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <RemindersProvider>
      <LiveUpdates />
      <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
        <AppBar position="sticky" elevation={1}>
          <Toolbar sx={{ gap: { xs: 0.5, sm: 1.5 }, px: { xs: 1, sm: 2 } }}>
            {!wide && (
              <IconButton color="inherit" edge="start" aria-label={t('shell.openPanel')} onClick={() => setDrawerOpen(true)} data-testid="shell-menu">
                <MenuIcon />
              </IconButton>
            )}
            <Typography variant="h6" component="div" noWrap sx={{ display: { xs: 'none', md: 'block' }, flexShrink: 0 }}>
              {t('shell.title')}
            </Typography>
            <Box sx={{ flex: 1, minWidth: 0, display: 'flex', justifyContent: 'center' }}>
              <GlobalSearch />
            </Box>
            {/* On phones the calendar is in the side panel: the bar keeps room for the search. */}
            <Tooltip title={t('calendar.title')}>
              <IconButton
                color="inherit"
                component={RouterLink}
                to="/calendar"
                aria-label={t('calendar.title')}
                data-testid="shell-calendar"
                sx={{ display: { xs: 'none', sm: 'inline-flex' } }}
              >
                <CalendarMonthOutlined />
              </IconButton>
            </Tooltip>
            <ReminderBell />
            <LanguageSwitch />
            <UserMenu />
          </Toolbar>
          <DesktopTabs />
        </AppBar>

        <Box sx={{ flex: 1, display: 'flex', minHeight: 0 }}>
          <Box
            component="main"
            sx={{
              flex: 1,
              minWidth: 0,
              p: { xs: 1.5, sm: 3 },
              // Room for the reminder pop-up while one is shown (set by ReminderPopups).
              pb: { xs: 'calc(12px + var(--reminder-popup-space, 0px))', sm: 'calc(24px + var(--reminder-popup-space, 0px))' },
            }}
          >
            <Suspense fallback={<LinearProgress aria-label={t('common.loading')} />}>
              <Outlet />
            </Suspense>
          </Box>
          {wide && (
            <Box
              component="aside"
              aria-label={t('shell.panel')}
              sx={{ width: PANEL_WIDTH, flexShrink: 0, borderLeft: 1, borderColor: 'divider', bgcolor: 'background.paper' }}
            >
              <SidePanel />
            </Box>
          )}
        </Box>

        {!wide && (
          <Drawer anchor="left" open={drawerOpen} onClose={() => setDrawerOpen(false)}>
            <Box sx={{ width: PANEL_WIDTH, maxWidth: '85vw' }} role="navigation" aria-label={t('shell.panel')}>
              <SidePanel />
            </Box>
          </Drawer>
        )}
        <ReminderPopups />
      </Box>
    </RemindersProvider>
  );
}
