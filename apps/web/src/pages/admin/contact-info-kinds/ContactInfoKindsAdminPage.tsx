import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import type { ContactInfoKindFieldsFragment, ContactInfoType } from '../../../graphql/graphql';
import { AddKindDialog } from '../../../components/contact-info/AddKindDialog';
import { useContactInfoKinds, useKindLabel } from '../../../components/contact-info/kinds';
import { CONTACT_INFO_TYPES } from '../../../components/contact-info/rows';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { AdminNav } from '../AdminNav';
import { MarkContactInfoKindForDeletionMutation, RestoreContactInfoKindMutation } from './kinds.graphql';
import { RenameKindDialog } from './RenameKindDialog';

/** The catalogue «Виды контактной информации»: per type, the kinds users pick from. */
export default function ContactInfoKindsAdminPage() {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const [type, setType] = useState<ContactInfoType>('PHONE');
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<ContactInfoKindFieldsFragment | null>(null);
  const { kinds, loading, error } = useContactInfoKinds();
  const [mark, markState] = useMutation(MarkContactInfoKindForDeletionMutation);
  const [restore, restoreState] = useMutation(RestoreContactInfoKindMutation);
  const shown = kinds.filter((k) => k.type === type);

  return (
    <>
      <PageHeader
        title={t('admin.title')}
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)} data-testid="kind-new">
            {t('admin.kinds.new')}
          </Button>
        }
      />
      <AdminNav />
      <Tabs value={type} onChange={(_e, v: ContactInfoType) => setType(v)} variant="scrollable" allowScrollButtonsMobile sx={{ mb: 1 }}>
        {CONTACT_INFO_TYPES.map((ty) => (
          <Tab key={ty} value={ty} label={t(`contactInfo.type.${ty}`)} data-testid={`kinds-type-${ty}`} />
        ))}
      </Tabs>
      <ErrorAlert error={error ?? markState.error ?? restoreState.error} />
      {loading && kinds.length === 0 ? (
        <LoadingBlock />
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" sx={{ minWidth: 560 }}>
            <TableHead>
              <TableRow>
                <TableCell>{t('contactInfo.kindName')}</TableCell>
                <TableCell>{t('admin.kinds.code')}</TableCell>
                <TableCell>{t('admin.users.status')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.length === 0 && (
                <TableRow>
                  <TableCell colSpan={4}>
                    <Typography color="text.secondary">{t('admin.kinds.empty')}</Typography>
                  </TableCell>
                </TableRow>
              )}
              {shown.map((k) => (
                <TableRow key={k.id} data-testid="kind-row" sx={k.deletionMark ? { '& td': { color: 'text.disabled' } } : undefined}>
                  <TableCell>
                    {kindLabel(k)}
                    {k.code && kindLabel(k) !== k.name && (
                      <Typography variant="caption" color="text.secondary" component="div">
                        {k.name}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell sx={k.code ? { fontFamily: 'monospace' } : { color: 'text.secondary' }}>
                    {k.code ?? t('admin.kinds.userDefined')}
                  </TableCell>
                  <TableCell>
                    {k.deletionMark ? (
                      <Chip size="small" color="warning" label={t('common.markedForDeletion')} />
                    ) : (
                      <Chip size="small" color="success" label={t('admin.kinds.inUse')} />
                    )}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" onClick={() => setRenaming(k)} data-testid="kind-rename">
                      {t('admin.kinds.rename')}
                    </Button>
                    {k.deletionMark ? (
                      <Button size="small" onClick={() => restore({ variables: { id: k.id } }).catch(() => undefined)} data-testid="kind-restore">
                        {t('common.restore')}
                      </Button>
                    ) : (
                      <Button
                        size="small"
                        color="warning"
                        onClick={() => mark({ variables: { id: k.id } }).catch(() => undefined)}
                        data-testid="kind-mark"
                      >
                        {t('common.markForDeletion')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <AddKindDialog type={adding ? type : null} onClose={() => setAdding(false)} onCreated={() => setAdding(false)} />
      {renaming && <RenameKindDialog kind={renaming} onClose={() => setRenaming(null)} />}
    </>
  );
}
