import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import type { AdminUserFragment, Role } from '../../../graphql/graphql';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListToolbar, SearchField, SelectFilter, ToggleFilter } from '../../../components/grid/ListToolbar';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { AdminNav } from '../AdminNav';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { ROLES, UserDialog } from './UserDialog';
import { AdminUsersQuery } from './users.graphql';

export default function UsersAdminPage() {
  const { t } = useTranslation();
  const [searchInput, setSearchInput] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const search = useDebouncedValue(searchInput.trim(), 300);
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit' | 'password'; user: AdminUserFragment } | null>(null);

  const { data, loading, error, fetchMore } = useQuery(AdminUsersQuery, {
    variables: { filter: { search: search || undefined, role: role || undefined, includeInactive } },
    fetchPolicy: 'cache-and-network',
  });
  const users = data?.users.edges.map((e) => e.node) ?? [];

  const loadMore = () =>
    void fetchMore({
      variables: { after: data?.users.pageInfo.endCursor },
      // The user list is small and read in pages of 50; append here rather than a cache-wide merge policy.
      updateQuery: (prev, { fetchMoreResult }) => ({
        users: { ...fetchMoreResult.users, edges: [...prev.users.edges, ...fetchMoreResult.users.edges] },
      }),
    });

  return (
    <>
      <PageHeader
        title={t('admin.title')}
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ kind: 'create' })} data-testid="user-new">
            {t('admin.users.new')}
          </Button>
        }
      />
      <AdminNav />
      <ListToolbar>
        <SearchField value={searchInput} onChange={setSearchInput} testId="users-search" placeholder={t('admin.users.searchPlaceholder')} />
        <SelectFilter
          label={t('admin.users.role')}
          value={role}
          onChange={(v) => setRole(v as Role | '')}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <ToggleFilter label={t('admin.users.showInactive')} checked={includeInactive} onChange={setIncludeInactive} />
      </ListToolbar>
      <ErrorAlert error={error} />
      {loading && !data ? (
        <LoadingBlock />
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" sx={{ minWidth: 760 }}>
            <TableHead>
              <TableRow>
                <TableCell>{t('admin.users.fullName')}</TableCell>
                <TableCell>{t('admin.users.email')}</TableCell>
                <TableCell>{t('admin.users.role')}</TableCell>
                <TableCell>{t('admin.users.supervisor')}</TableCell>
                <TableCell>{t('admin.users.status')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {users.map((u) => (
                <TableRow key={u.id} hover data-testid="user-row">
                  <TableCell>{u.fullName}</TableCell>
                  <TableCell>{u.email}</TableCell>
                  <TableCell>{t(`role.${u.role}`)}</TableCell>
                  <TableCell>{u.supervisor?.fullName ?? ''}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={u.active ? 'success' : 'default'}
                      label={u.active ? t('admin.users.active') : t('admin.users.inactive')}
                    />
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" onClick={() => setDialog({ kind: 'edit', user: u })} data-testid="user-edit">
                      {t('common.edit')}
                    </Button>
                    <Button size="small" onClick={() => setDialog({ kind: 'password', user: u })} data-testid="user-reset-password">
                      {t('admin.users.resetPassword')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {data && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('admin.users.shown', { shown: users.length, count: data.users.totalCount })}
        </Typography>
      )}
      {data?.users.pageInfo.hasNextPage && (
        <Button onClick={loadMore} sx={{ mt: 1 }}>
          {t('common.loadMore')}
        </Button>
      )}
      {dialog?.kind === 'create' && <UserDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <UserDialog user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'password' && <ResetPasswordDialog user={dialog.user} onClose={() => setDialog(null)} />}
    </>
  );
}
