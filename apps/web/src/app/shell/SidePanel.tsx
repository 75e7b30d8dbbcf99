import { useEffect, useRef } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddBusinessOutlined from '@mui/icons-material/AddBusinessOutlined';
import AddIcCallOutlined from '@mui/icons-material/AddIcCallOutlined';
import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import GroupAddOutlined from '@mui/icons-material/GroupAddOutlined';
import ListAltOutlined from '@mui/icons-material/ListAltOutlined';
import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import PersonAddAltOutlined from '@mui/icons-material/PersonAddAltOutlined';
import ContactSupportOutlined from '@mui/icons-material/ContactSupportOutlined';
import LibraryBooksOutlined from '@mui/icons-material/LibraryBooksOutlined';
import PaymentsOutlined from '@mui/icons-material/PaymentsOutlined';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import RequestQuoteOutlined from '@mui/icons-material/RequestQuoteOutlined';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../graphql';
import { EntityIcon } from '../../components/EntityIcon';
import { entityPath } from '../../lib/entity-paths';
import { formatDateTime } from '../../lib/format';

const RecentObjectsQuery = graphql(`
  query RecentObjects {
    recentObjects(first: 20) {
      entityType
      entityId
      label
      at
      action
    }
  }
`);

function SectionTitle({ children }: { children: string }) {
  return (
    <Typography variant="overline" component="h2" color="text.secondary" sx={{ px: 2, pt: 2, display: 'block' }}>
      {children}
    </Typography>
  );
}

function QuickLaunchPanel() {
  const { t } = useTranslation();
  return (
    <Box component="section">
      <SectionTitle>{t('quickLaunch.title')}</SectionTitle>
      <Stack spacing={1} sx={{ px: 2, pb: 2 }}>
        <Button
          component={RouterLink}
          to="/events/new?kind=CALL"
          variant="outlined"
          startIcon={<AddIcCallOutlined />}
          data-testid="quick-new-call"
          sx={{ justifyContent: 'flex-start' }}
        >
          {t('quickLaunch.newCall')}
        </Button>
        <Button
          component={RouterLink}
          to="/events/new?kind=MEETING"
          variant="outlined"
          startIcon={<GroupAddOutlined />}
          data-testid="quick-new-meeting"
          sx={{ justifyContent: 'flex-start' }}
        >
          {t('quickLaunch.newMeeting')}
        </Button>
        <Button
          component={RouterLink}
          to="/counterparties/new"
          variant="outlined"
          startIcon={<AddBusinessOutlined />}
          data-testid="quick-new-counterparty"
          sx={{ justifyContent: 'flex-start' }}
        >
          {t('quickLaunch.newCounterparty')}
        </Button>
        <Button
          component={RouterLink}
          to="/contact-persons/new"
          variant="outlined"
          startIcon={<PersonAddAltOutlined />}
          data-testid="quick-new-contact-person"
          sx={{ justifyContent: 'flex-start' }}
        >
          {t('quickLaunch.newContactPerson')}
        </Button>
        <Button
          component={RouterLink}
          to="/client-interests/new"
          variant="outlined"
          startIcon={<HandshakeOutlined />}
          data-testid="quick-new-interest"
          sx={{ justifyContent: 'flex-start' }}
        >
          {t('interests.quickNew')}
        </Button>
        <Button
          component={RouterLink}
          to="/requests/new"
          variant="outlined"
          startIcon={<ContactSupportOutlined />}
          data-testid="quick-new-request"
          sx={{ justifyContent: 'flex-start' }}
        >
          {t('requests.quickNew')}
        </Button>
        {/* Sales documents for any client; from an interest or an offer they are entered «на основании» on its card. */}
        <Button
          component={RouterLink}
          to="/sales/offers/new"
          variant="outlined"
          startIcon={<RequestQuoteOutlined />}
          data-testid="quick-new-offer"
          sx={{ justifyContent: 'flex-start' }}
        >
          {t('sales.quick.newOffer')}
        </Button>
        <Button
          component={RouterLink}
          to="/sales/invoices/new"
          variant="outlined"
          startIcon={<ReceiptLongOutlined />}
          data-testid="quick-new-invoice"
          sx={{ justifyContent: 'flex-start' }}
        >
          {t('sales.quick.newInvoice')}
        </Button>
        <Button
          component={RouterLink}
          to="/sales/payments/new"
          variant="outlined"
          startIcon={<PaymentsOutlined />}
          data-testid="quick-new-payment"
          sx={{ justifyContent: 'flex-start' }}
        >
          {t('sales.quick.newPayment')}
        </Button>
        <Stack direction="row" spacing={1}>
          <Button component={RouterLink} to="/calendar" size="small" startIcon={<CalendarMonthOutlined />} data-testid="quick-calendar">
            {t('calendar.title')}
          </Button>
          <Button component={RouterLink} to="/events" size="small" startIcon={<ListAltOutlined />} data-testid="quick-events">
            {t('events.title')}
          </Button>
        </Stack>
        <Stack direction="row" spacing={1}>
          <Button component={RouterLink} to="/knowledge" size="small" startIcon={<LibraryBooksOutlined />} data-testid="quick-knowledge">
            {t('knowledge.title')}
          </Button>
          <Button component={RouterLink} to="/catalog/products" size="small" startIcon={<Inventory2Outlined />} data-testid="quick-catalog">
            {t('catalog.title')}
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
}

function RecentObjectsPanel() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // Re-read on every navigation: opening or saving a card is what changes this list, and the API has no push for it.
  const { data, loading, error, refetch } = useQuery(RecentObjectsQuery, { fetchPolicy: 'cache-and-network' });
  const firstPath = useRef(pathname);
  useEffect(() => {
    if (pathname === firstPath.current) return; // the initial fetch already covers the first page
    firstPath.current = '';
    refetch().catch(() => undefined);
  }, [pathname, refetch]);
  const items = data?.recentObjects ?? [];

  return (
    <Box component="section" data-testid="recent-objects">
      <SectionTitle>{t('recent.title')}</SectionTitle>
      {loading && !data && (
        <Box sx={{ px: 2 }}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={40} />
          ))}
        </Box>
      )}
      {error && !data && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2 }}>
          {t('recent.unavailable')}
        </Typography>
      )}
      {data && items.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2 }}>
          {t('recent.empty')}
        </Typography>
      )}
      <List dense disablePadding>
        {items.map((item) => {
          const path = entityPath(item.entityType, item.entityId);
          return (
            <ListItemButton
              key={`${item.entityType}:${item.entityId}`}
              component={RouterLink}
              to={path ?? '#'}
              disabled={!path}
              selected={path === pathname}
            >
              <ListItemIcon sx={{ minWidth: 36 }}>
                <EntityIcon entityType={item.entityType} fontSize="small" />
              </ListItemIcon>
              <ListItemText
                primary={item.label}
                secondary={`${t(`audit.action.${item.action}`)} · ${formatDateTime(item.at)}`}
                slotProps={{ primary: { noWrap: true }, secondary: { noWrap: true } }}
              />
            </ListItemButton>
          );
        })}
      </List>
    </Box>
  );
}

export function SidePanel() {
  return (
    <Box sx={{ position: { lg: 'sticky' }, top: { lg: 112 } }}>
      <QuickLaunchPanel />
      <Divider />
      <RecentObjectsPanel />
    </Box>
  );
}
