import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import PersonAddAltOutlined from '@mui/icons-material/PersonAddAltOutlined';
import { useTranslation } from 'react-i18next';

interface Person {
  id: string;
  fullName: string;
  position?: string | null;
  mainPhone?: string | null;
  mainEmail?: string | null;
  deletionMark: boolean;
}

export function CounterpartyContactPersons({
  counterpartyId,
  persons,
  canAdd,
}: {
  counterpartyId: string;
  persons: readonly Person[];
  canAdd: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {persons.length === 0 && (
        <Typography color="text.secondary" sx={{ py: 1 }}>
          {t('counterparty.noContactPersons')}
        </Typography>
      )}
      <List disablePadding data-testid="cp-contact-persons">
        {persons.map((p) => (
          <ListItemButton key={p.id} component={RouterLink} to={`/contact-persons/${p.id}`} divider>
            <ListItemText
              primary={
                <>
                  {p.fullName}
                  {p.deletionMark && (
                    <Chip size="small" color="warning" label={t('common.markedForDeletion')} sx={{ ml: 1 }} />
                  )}
                </>
              }
              secondary={[p.position, p.mainPhone, p.mainEmail].filter(Boolean).join(' · ')}
            />
          </ListItemButton>
        ))}
      </List>
      {canAdd && (
        <Button
          component={RouterLink}
          to={`/contact-persons/new?counterpartyId=${counterpartyId}`}
          startIcon={<PersonAddAltOutlined />}
          sx={{ mt: 1 }}
          data-testid="cp-add-contact-person"
        >
          {t('counterparty.addContactPerson')}
        </Button>
      )}
    </>
  );
}
