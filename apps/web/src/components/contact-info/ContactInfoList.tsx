import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import AlternateEmail from '@mui/icons-material/AlternateEmail';
import ChatOutlined from '@mui/icons-material/ChatOutlined';
import FaxOutlined from '@mui/icons-material/FaxOutlined';
import LanguageOutlined from '@mui/icons-material/LanguageOutlined';
import MoreHoriz from '@mui/icons-material/MoreHoriz';
import PhoneOutlined from '@mui/icons-material/PhoneOutlined';
import PlaceOutlined from '@mui/icons-material/PlaceOutlined';
import { useTranslation } from 'react-i18next';
import type { ContactInfoFieldsFragment, ContactInfoType } from '../../graphql/graphql';
import { useKindLabel } from './kinds';

const ICONS: Record<ContactInfoType, typeof PhoneOutlined> = {
  PHONE: PhoneOutlined,
  FAX: FaxOutlined,
  EMAIL: AlternateEmail,
  ADDRESS: PlaceOutlined,
  WEB_PAGE: LanguageOutlined,
  MESSENGER: ChatOutlined,
  OTHER: MoreHoriz,
};

/** Phones dial, e-mails open the mail client, web pages open in a new tab. */
function href(ci: ContactInfoFieldsFragment): string | undefined {
  switch (ci.type) {
    case 'PHONE':
      return `tel:${ci.normalized}${ci.extension ? `;ext=${ci.extension}` : ''}`;
    case 'EMAIL':
      return `mailto:${ci.normalized}`;
    case 'WEB_PAGE':
      return ci.normalized;
    default:
      return undefined;
  }
}

/** Read-only contact information on a card. */
export function ContactInfoList({ items }: { items: readonly ContactInfoFieldsFragment[] }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const sorted = [...items].sort((a, b) => a.position - b.position);

  if (sorted.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="ci-list">
        {t('contactInfo.none')}
      </Typography>
    );
  }
  return (
    <List dense disablePadding data-testid="ci-list">
      {sorted.map((ci) => {
        const Icon = ICONS[ci.type];
        const link = href(ci);
        return (
          <ListItem key={ci.id} disableGutters data-testid="ci-item" sx={{ alignItems: 'flex-start' }}>
            <ListItemIcon sx={{ minWidth: 36, mt: 0.5 }}>
              <Icon fontSize="small" titleAccess={t(`contactInfo.type.${ci.type}`)} />
            </ListItemIcon>
            <ListItemText
              primary={
                link ? (
                  <Link href={link} target={ci.type === 'WEB_PAGE' ? '_blank' : undefined} rel="noopener noreferrer">
                    {ci.value}
                  </Link>
                ) : (
                  ci.value
                )
              }
              secondary={[ci.kind ? kindLabel(ci.kind) : t(`contactInfo.type.${ci.type}`), ci.comment].filter(Boolean).join(' · ')}
              slotProps={{ primary: { sx: { wordBreak: 'break-word' } } }}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
