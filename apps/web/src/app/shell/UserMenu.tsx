import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import Avatar from '@mui/material/Avatar';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import AccountBalanceOutlined from '@mui/icons-material/AccountBalanceOutlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import TuneOutlined from '@mui/icons-material/TuneOutlined';
import LockResetOutlined from '@mui/icons-material/LockResetOutlined';
import LogoutOutlined from '@mui/icons-material/LogoutOutlined';
import ManageAccountsOutlined from '@mui/icons-material/ManageAccountsOutlined';
import ContactPhoneOutlined from '@mui/icons-material/ContactPhoneOutlined';
import PublicOutlined from '@mui/icons-material/PublicOutlined';
import RssFeedOutlined from '@mui/icons-material/RssFeedOutlined';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { ChangePasswordDialog } from './ChangePasswordDialog';

// Rarely opened: loaded on first use, not with the shell.
const CalendarFeedsDialog = lazy(() => import('./CalendarFeedsDialog'));
const TimeZoneDialog = lazy(() => import('./TimeZoneDialog'));

function initials(fullName: string): string {
  return fullName
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, isAdmin, logout } = useAuth();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [dialog, setDialog] = useState<'feeds' | 'timeZone' | null>(null);
  const openDialog = (which: 'feeds' | 'timeZone') => {
    setAnchor(null);
    setDialog(which);
  };

  const go = (path: string) => {
    setAnchor(null);
    void navigate(path);
  };

  return (
    <>
      <IconButton
        color="inherit"
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-label={t('shell.userMenu')}
        aria-haspopup="menu"
        data-testid="user-menu"
        sx={{ p: 0.5 }}
      >
        <Avatar sx={{ width: 32, height: 32, fontSize: 14, bgcolor: 'secondary.main' }}>{initials(user.fullName)}</Avatar>
      </IconButton>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <ListItemText
          sx={{ px: 2, py: 1 }}
          primary={user.fullName}
          secondary={`${user.email} · ${t(`role.${user.role}`)}`}
        />
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setPasswordOpen(true);
          }}
          data-testid="menu-change-password"
        >
          <ListItemIcon>
            <LockResetOutlined fontSize="small" />
          </ListItemIcon>
          {t('userMenu.changePassword')}
        </MenuItem>
        <MenuItem onClick={() => openDialog('timeZone')} data-testid="menu-time-zone">
          <ListItemIcon>
            <PublicOutlined fontSize="small" />
          </ListItemIcon>
          <ListItemText primary={t('userMenu.timeZone')} secondary={user.timeZone} />
        </MenuItem>
        <MenuItem onClick={() => openDialog('feeds')} data-testid="menu-calendar-feeds">
          <ListItemIcon>
            <RssFeedOutlined fontSize="small" />
          </ListItemIcon>
          {t('userMenu.calendarFeeds')}
        </MenuItem>
        <MenuItem onClick={() => go('/settings/api-tokens')} data-testid="menu-api-tokens">
          <ListItemIcon>
            <KeyOutlined fontSize="small" />
          </ListItemIcon>
          {t('userMenu.apiTokens')}
        </MenuItem>
        {isAdmin && [
          <Divider key="d" />,
          <ListSubheader key="h">{t('admin.title')}</ListSubheader>,
          <MenuItem key="users" onClick={() => go('/admin/users')} data-testid="menu-admin-users">
            <ListItemIcon>
              <ManageAccountsOutlined fontSize="small" />
            </ListItemIcon>
            {t('admin.users.title')}
          </MenuItem>,
          <MenuItem key="kinds" onClick={() => go('/admin/contact-info-kinds')} data-testid="menu-admin-kinds">
            <ListItemIcon>
              <ContactPhoneOutlined fontSize="small" />
            </ListItemIcon>
            {t('admin.kinds.title')}
          </MenuItem>,
          <MenuItem key="organizations" onClick={() => go('/admin/organizations')} data-testid="menu-admin-organizations">
            <ListItemIcon>
              <AccountBalanceOutlined fontSize="small" />
            </ListItemIcon>
            {t('organizations.title')}
          </MenuItem>,
          <MenuItem key="sales-settings" onClick={() => go('/admin/sales-settings')} data-testid="menu-admin-sales-settings">
            <ListItemIcon>
              <TuneOutlined fontSize="small" />
            </ListItemIcon>
            {t('salesSettings.title')}
          </MenuItem>,
        ]}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            void logout();
          }}
          data-testid="menu-logout"
        >
          <ListItemIcon>
            <LogoutOutlined fontSize="small" />
          </ListItemIcon>
          {t('userMenu.logout')}
        </MenuItem>
      </Menu>
      <ChangePasswordDialog open={passwordOpen} onClose={() => setPasswordOpen(false)} />
      <Suspense fallback={null}>
        {dialog === 'feeds' && <CalendarFeedsDialog open onClose={() => setDialog(null)} />}
        {dialog === 'timeZone' && <TimeZoneDialog open onClose={() => setDialog(null)} />}
      </Suspense>
    </>
  );
}
