import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import RestoreFromTrashOutlined from '@mui/icons-material/RestoreFromTrashOutlined';
import StarOutlined from '@mui/icons-material/StarOutlined';
import { useTranslation } from 'react-i18next';
import type { BankAccountFieldsFragment, OrganizationFieldsFragment } from '../../../graphql/graphql';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DetailsList } from '../../../components/DetailsList';
import { EmptyState } from '../../../components/EmptyState';
import { ToggleFilter } from '../../../components/grid/ListToolbar';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { SalesErrorAlert } from '../../../sections/client-interests/lib/errors';
import { AdminNav } from '../AdminNav';
import { BankAccountDialog } from './BankAccountDialog';
import { OrganizationDialog } from './OrganizationDialog';
import {
  OrganizationsQuery,
  SetBankAccountDeletionMarkMutation,
  SetOrganizationDeletionMarkMutation,
  UpdateBankAccountMutation,
  UpdateOrganizationMutation,
} from './organizations.graphql';

type Dialog =
  | { kind: 'organization'; organization: OrganizationFieldsFragment | null }
  | { kind: 'account'; organizationId: string; account: BankAccountFieldsFragment | null };
type Confirm =
  | { kind: 'organization'; organization: OrganizationFieldsFragment; mark: boolean }
  | { kind: 'account'; account: BankAccountFieldsFragment; mark: boolean };

/** «Организации»: our legal entities with their requisites, signatories and bank accounts, for the print forms. */
export default function OrganizationsAdminPage() {
  const { t } = useTranslation();
  const [showDeleted, setShowDeleted] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const { data, loading, error } = useQuery(OrganizationsQuery, { variables: { includeDeleted: showDeleted }, fetchPolicy: 'cache-and-network' });
  const refetch = { refetchQueries: ['Organizations'] };
  const [markOrg, markOrgState] = useMutation(SetOrganizationDeletionMarkMutation, refetch);
  const [markAccount, markAccountState] = useMutation(SetBankAccountDeletionMarkMutation, refetch);
  const [updateOrg, updateOrgState] = useMutation(UpdateOrganizationMutation, refetch);
  const [updateAccount, updateAccountState] = useMutation(UpdateBankAccountMutation, refetch);
  const organizations = data?.organizations ?? [];
  const actionError = markOrgState.error ?? markAccountState.error ?? updateOrgState.error ?? updateAccountState.error;
  const ignore = () => undefined;

  return (
    <>
      <PageHeader
        title={t('admin.title')}
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ kind: 'organization', organization: null })} data-testid="org-new">
            {t('organizations.new')}
          </Button>
        }
      />
      <AdminNav />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('organizations.subtitle')}
      </Typography>
      <ToggleFilter label={t('catalog.showDeleted')} checked={showDeleted} onChange={setShowDeleted} testId="org-show-deleted" />
      <SalesErrorAlert error={(data ? undefined : error) ?? actionError} />
      {loading && !data && <LoadingBlock />}
      {data && organizations.length === 0 && <EmptyState title={t('organizations.empty')} />}
      <Stack spacing={2}>
        {organizations.map((o) => (
          <Paper key={o.id} variant="outlined" sx={{ p: { xs: 1.5, sm: 2.5 }, opacity: o.deletionMark ? 0.6 : 1 }} data-testid="org-row" data-id={o.id}>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 1.5 }}>
              <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="h6" component="h2" data-testid="org-title">
                  {o.name}
                </Typography>
                {o.isDefault && <Chip size="small" color="primary" icon={<StarOutlined />} label={t('organizations.default')} data-testid="org-default" />}
                {!o.vatPayer && <Chip size="small" label={t('organizations.noVat')} />}
                {o.deletionMark && <Chip size="small" color="warning" label={t('common.markedForDeletion')} />}
              </Stack>
              {o.viewerCan.update && (
                <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                  {!o.isDefault && !o.deletionMark && (
                    <Button size="small" onClick={() => updateOrg({ variables: { id: o.id, input: { version: o.version, isDefault: true } } }).catch(ignore)} data-testid="org-make-default">
                      {t('organizations.makeDefault')}
                    </Button>
                  )}
                  {!o.deletionMark && (
                    <Button size="small" startIcon={<EditOutlined />} onClick={() => setDialog({ kind: 'organization', organization: o })} data-testid="org-edit">
                      {t('common.edit')}
                    </Button>
                  )}
                  {o.viewerCan.delete && !o.isDefault && (
                    <Button
                      size="small"
                      color={o.deletionMark ? 'primary' : 'warning'}
                      startIcon={o.deletionMark ? <RestoreFromTrashOutlined /> : <DeleteOutlined />}
                      onClick={() => setConfirm({ kind: 'organization', organization: o, mark: !o.deletionMark })}
                      data-testid={o.deletionMark ? 'org-restore' : 'org-mark'}
                    >
                      {o.deletionMark ? t('common.restore') : t('common.markForDeletion')}
                    </Button>
                  )}
                </Stack>
              )}
            </Stack>
            <DetailsList
              items={[
                { label: t('organizations.field.fullName'), value: o.fullName },
                { label: t('organizations.requisites'), value: [`${t('organizations.field.inn')} ${o.inn}`, o.kpp && `${t('organizations.field.kpp')} ${o.kpp}`, o.ogrn && `${t('organizations.field.ogrn')} ${o.ogrn}`].filter(Boolean).join(' · ') },
                { label: t('organizations.field.legalAddress'), value: o.legalAddress },
                { label: t('organizations.field.postalAddress'), value: o.postalAddress },
                { label: t('organizations.contacts'), value: [o.phone, o.email].filter(Boolean).join(' · ') },
                {
                  label: t('organizations.signatories'),
                  value: [o.directorName && `${o.directorTitle ?? t('organizations.field.directorName')}: ${o.directorName}`, o.chiefAccountantName && `${t('organizations.field.chiefAccountantName')}: ${o.chiefAccountantName}`]
                    .filter(Boolean)
                    .join('\n'),
                },
              ]}
            />
            <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mt: 2, mb: 0.5 }}>
              <Typography variant="subtitle2">{t('organizations.account.title')}</Typography>
              {o.viewerCan.update && !o.deletionMark && (
                <Button size="small" startIcon={<AddIcon />} onClick={() => setDialog({ kind: 'account', organizationId: o.id, account: null })} data-testid="account-new">
                  {t('organizations.account.new')}
                </Button>
              )}
            </Stack>
            {o.bankAccounts.filter((a) => showDeleted || !a.deletionMark).length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {t('organizations.account.empty')}
              </Typography>
            ) : (
              <Box sx={{ overflowX: 'auto' }}>
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('organizations.account.bankName')}</TableCell>
                      <TableCell>{t('organizations.account.bik')}</TableCell>
                      <TableCell>{t('organizations.account.accountNumber')}</TableCell>
                      <TableCell>{t('organizations.account.correspondentAccount')}</TableCell>
                      <TableCell />
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {o.bankAccounts
                      .filter((a) => showDeleted || !a.deletionMark)
                      .map((a) => (
                        <TableRow key={a.id} data-testid="account-row" sx={{ opacity: a.deletionMark ? 0.6 : 1 }}>
                          <TableCell>
                            {a.bankName}
                            {a.bankCity ? `, ${a.bankCity}` : ''}
                            {a.isDefault && <Chip size="small" sx={{ ml: 1 }} label={t('organizations.default')} />}
                          </TableCell>
                          <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{a.bik}</TableCell>
                          <TableCell sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{a.accountNumber}</TableCell>
                          <TableCell sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{a.correspondentAccount}</TableCell>
                          <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                            {o.viewerCan.update && (
                              <>
                                {!a.isDefault && !a.deletionMark && (
                                  <Tooltip title={t('organizations.makeDefault')}>
                                    <IconButton size="small" onClick={() => updateAccount({ variables: { id: a.id, input: { version: a.version, isDefault: true } } }).catch(ignore)} aria-label={t('organizations.makeDefault')}>
                                      <StarOutlined fontSize="small" />
                                    </IconButton>
                                  </Tooltip>
                                )}
                                {!a.deletionMark && (
                                  <Tooltip title={t('common.edit')}>
                                    <IconButton size="small" onClick={() => setDialog({ kind: 'account', organizationId: o.id, account: a })} aria-label={t('common.edit')} data-testid="account-edit">
                                      <EditOutlined fontSize="small" />
                                    </IconButton>
                                  </Tooltip>
                                )}
                                {!a.isDefault && (
                                  <Tooltip title={a.deletionMark ? t('common.restore') : t('common.markForDeletion')}>
                                    <IconButton size="small" onClick={() => setConfirm({ kind: 'account', account: a, mark: !a.deletionMark })} aria-label={a.deletionMark ? t('common.restore') : t('common.markForDeletion')}>
                                      {a.deletionMark ? <RestoreFromTrashOutlined fontSize="small" /> : <DeleteOutlined fontSize="small" />}
                                    </IconButton>
                                  </Tooltip>
                                )}
                              </>
                            )}
                          </TableCell>
                        </TableRow>
                      ))}
                  </TableBody>
                </Table>
              </Box>
            )}
          </Paper>
        ))}
      </Stack>

      {dialog?.kind === 'organization' && <OrganizationDialog organization={dialog.organization} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'account' && <BankAccountDialog organizationId={dialog.organizationId} account={dialog.account} onClose={() => setDialog(null)} />}
      <ConfirmDialog
        open={confirm !== null}
        title={confirm ? t(confirm.mark ? 'organizations.markTitle' : 'organizations.restoreTitle') : ''}
        text={confirm ? (confirm.kind === 'organization' ? confirm.organization.name : `${confirm.account.bankName} ${confirm.account.accountNumber}`) : undefined}
        confirmLabel={confirm?.mark ? t('common.markForDeletion') : t('common.restore')}
        danger={confirm?.mark}
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          if (!confirm) return;
          setConfirm(null);
          if (confirm.kind === 'organization') markOrg({ variables: { id: confirm.organization.id, deletionMark: confirm.mark } }).catch(ignore);
          else markAccount({ variables: { id: confirm.account.id, deletionMark: confirm.mark } }).catch(ignore);
        }}
      />
    </>
  );
}
