import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import AddIcon from '@mui/icons-material/Add';
import ContentCopy from '@mui/icons-material/ContentCopy';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../graphql';
import { useAuth } from '../../app/auth';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { UserName } from '../../components/UserName';
import { AdminNav } from '../admin/AdminNav';
import { splitErrors } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';

graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    userId
    name
    tokenPrefix
    createdAt
    lastUsedAt
    revokedAt
  }
`);

const ApiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      ...ApiTokenFields
    }
  }
`);

const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        ...ApiTokenFields
      }
    }
  }
`);

const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      ...ApiTokenFields
    }
  }
`);

function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [create, { loading }] = useMutation(CreateApiTokenMutation, { refetchQueries: [ApiTokensQuery] });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return;
    try {
      const result = await create({ variables: { input: { name: name.trim() } } });
      setToken(result.data?.createApiToken.token ?? null);
    } catch (err) {
      const { fields, general } = splitErrors(t, err, (f) => f === 'name');
      setError(fields.name ?? general.join(' '));
    }
  }

  async function copy() {
    if (!token) return;
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // Clipboard needs a secure context; the field stays selectable for a manual copy.
      setCopied(false);
    }
  }

  return (
    <Dialog
      open={open}
      // Closing by clicking outside would lose a token that is never shown again; only the button closes it.
      onClose={token ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      slotProps={{
        transition: {
          onExited: () => {
            setName('');
            setError(null);
            setToken(null);
            setCopied(false);
          },
        },
      }}
    >
      {token ? (
        <>
          <DialogTitle>{t('apiTokens.createdTitle')}</DialogTitle>
          <DialogContent>
            <Alert severity="warning" sx={{ mb: 2 }}>
              {t('apiTokens.shownOnce')}
            </Alert>
            <TextField
              fullWidth
              value={token}
              label={t('apiTokens.token')}
              onFocus={(e) => e.target.select()}
              slotProps={{
                htmlInput: { readOnly: true, 'data-testid': 'api-token-value', style: { fontFamily: 'monospace' } },
                input: {
                  endAdornment: (
                    <InputAdornment position="end">
                      <Tooltip title={copied ? t('apiTokens.copied') : t('apiTokens.copy')}>
                        <IconButton onClick={copy} aria-label={t('apiTokens.copy')} data-testid="api-token-copy">
                          <ContentCopy fontSize="small" />
                        </IconButton>
                      </Tooltip>
                    </InputAdornment>
                  ),
                },
              }}
            />
            {copied && (
              <Alert severity="success" sx={{ mt: 1 }}>
                {t('apiTokens.copied')}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button variant="contained" onClick={onClose} data-testid="api-token-done">
              {t('apiTokens.done')}
            </Button>
          </DialogActions>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <DialogTitle>{t('apiTokens.createTitle')}</DialogTitle>
          <DialogContent>
            <TextField
              autoFocus
              fullWidth
              sx={{ mt: 1 }}
              label={t('apiTokens.name')}
              helperText={error ?? t('apiTokens.nameHint')}
              error={Boolean(error)}
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setError(null);
              }}
              slotProps={{ htmlInput: { maxLength: 100, 'data-testid': 'api-token-name' } }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" variant="contained" disabled={!name.trim() || loading} data-testid="api-token-create">
              {t('common.create')}
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}

/** Personal API tokens for integrations; every user manages their own, an administrator sees everyone's. */
export default function ApiTokensPage() {
  const { t } = useTranslation();
  const { isAdmin } = useAuth();
  const { data, loading, error } = useQuery(ApiTokensQuery, { fetchPolicy: 'cache-and-network' });
  const [revoke, revokeState] = useMutation(RevokeApiTokenMutation);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const tokens = data?.apiTokens ?? [];

  return (
    <>
      <PageHeader
        title={t('apiTokens.title')}
        subtitle={t('apiTokens.subtitle')}
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="api-token-new">
            {t('apiTokens.new')}
          </Button>
        }
      />
      {isAdmin && <AdminNav />}
      <ErrorAlert error={error ?? revokeState.error} />
      {loading && !data ? (
        <LoadingBlock />
      ) : tokens.length === 0 ? (
        <EmptyState title={t('apiTokens.empty')} />
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" sx={{ minWidth: 640 }}>
            <TableHead>
              <TableRow>
                <TableCell>{t('apiTokens.name')}</TableCell>
                {isAdmin && <TableCell>{t('apiTokens.owner')}</TableCell>}
                <TableCell>{t('apiTokens.prefix')}</TableCell>
                <TableCell>{t('common.createdAt')}</TableCell>
                <TableCell>{t('apiTokens.lastUsed')}</TableCell>
                <TableCell>{t('apiTokens.status')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {tokens.map((token) => (
                <TableRow key={token.id} data-testid="api-token-row">
                  <TableCell>{token.name}</TableCell>
                  {isAdmin && (
                    <TableCell>
                      <UserName id={token.userId} />
                    </TableCell>
                  )}
                  <TableCell sx={{ fontFamily: 'monospace' }}>{token.tokenPrefix}…</TableCell>
                  <TableCell>{formatDateTime(token.createdAt)}</TableCell>
                  <TableCell>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('apiTokens.neverUsed')}</TableCell>
                  <TableCell>
                    {token.revokedAt ? (
                      <Chip size="small" label={t('apiTokens.revokedAt', { at: formatDateTime(token.revokedAt) })} />
                    ) : (
                      <Chip size="small" color="success" label={t('apiTokens.active')} />
                    )}
                  </TableCell>
                  <TableCell align="right">
                    {!token.revokedAt && (
                      <Button color="error" size="small" onClick={() => setRevoking(token)} data-testid="api-token-revoke">
                        {t('apiTokens.revoke')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={revoking !== null}
        title={t('apiTokens.revokeTitle')}
        text={t('apiTokens.revokeText', { name: revoking?.name ?? '' })}
        confirmLabel={t('apiTokens.revoke')}
        danger
        busy={revokeState.loading}
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking) revoke({ variables: { id: revoking.id } }).catch(() => undefined);
          setRevoking(null);
        }}
      />
    </>
  );
}
