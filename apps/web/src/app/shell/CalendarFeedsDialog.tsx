import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import AddIcon from '@mui/icons-material/Add';
import ContentCopy from '@mui/icons-material/ContentCopy';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../graphql';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { formatDateTime } from '../../lib/format';

graphql(`
  fragment CalendarFeedFields on CalendarFeed {
    id
    url
    createdAt
    revokedAt
  }
`);

const CalendarFeedsQuery = graphql(`
  query CalendarFeeds {
    calendarFeeds {
      ...CalendarFeedFields
    }
  }
`);

const CreateCalendarFeedMutation = graphql(`
  mutation CreateCalendarFeed {
    createCalendarFeed {
      ...CalendarFeedFields
    }
  }
`);

const RevokeCalendarFeedMutation = graphql(`
  mutation RevokeCalendarFeed($id: ID!) {
    revokeCalendarFeed(id: $id) {
      ...CalendarFeedFields
    }
  }
`);

/** A feed URL with a copy button; the clipboard needs a secure context, so the field stays selectable too. */
function FeedUrl({ url }: { url: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <TextField
      fullWidth
      value={url}
      label={t('feeds.url')}
      helperText={copied ? t('apiTokens.copied') : undefined}
      onFocus={(e) => e.target.select()}
      slotProps={{
        input: {
          readOnly: true,
          endAdornment: (
            <InputAdornment position="end">
              <Tooltip title={t('apiTokens.copy')}>
                <IconButton onClick={() => void copy()} aria-label={t('apiTokens.copy')} data-testid="feed-copy" edge="end">
                  <ContentCopy fontSize="small" />
                </IconButton>
              </Tooltip>
            </InputAdornment>
          ),
        },
        htmlInput: { 'data-testid': 'feed-url', style: { fontFamily: 'monospace', fontSize: 13 } },
      }}
    />
  );
}

/**
 * «Подписка на календарь (iCalendar)»: a private URL that Outlook, Google or Apple calendars subscribe to, so my
 * events appear there. The URL carries a secret and is shown in full only when created; revoke it if it leaks.
 */
export default function CalendarFeedsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'));
  const { data, loading, error } = useQuery(CalendarFeedsQuery, { fetchPolicy: 'cache-and-network', skip: !open });
  const [created, setCreated] = useState<{ id: string; url: string } | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [create, createState] = useMutation(CreateCalendarFeedMutation, { refetchQueries: [CalendarFeedsQuery] });
  const [revoke, revokeState] = useMutation(RevokeCalendarFeedMutation);
  const feeds = data?.calendarFeeds ?? [];

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      fullScreen={phone}
      data-testid="feeds-dialog"
      slotProps={{ transition: { onExited: () => setCreated(null) } }}
    >
      <DialogTitle>{t('feeds.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>{t('feeds.text')}</DialogContentText>
          <ErrorAlert error={createState.error ?? revokeState.error ?? (data ? undefined : error)} />
          {created && (
            <Alert severity="success" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
              <Typography variant="body2" sx={{ mb: 1.5 }}>
                {t('feeds.created')}
              </Typography>
              <FeedUrl url={created.url} />
            </Alert>
          )}
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            disabled={createState.loading}
            sx={{ alignSelf: 'flex-start' }}
            data-testid="feed-create"
            onClick={() => {
              create()
                .then((r) => {
                  const feed = r.data?.createCalendarFeed;
                  if (feed?.url) setCreated({ id: feed.id, url: feed.url });
                })
                .catch(() => undefined); // shown through createState.error
            }}
          >
            {t('feeds.create')}
          </Button>
          {loading && !data ? (
            <LoadingBlock />
          ) : feeds.length === 0 ? (
            <Typography color="text.secondary">{t('feeds.empty')}</Typography>
          ) : (
            <List disablePadding>
              {feeds.map((f) => (
                <ListItem key={f.id} divider disableGutters data-testid="feed-row" sx={{ gap: 1, flexWrap: 'wrap' }}>
                  <ListItemText
                    primary={t('feeds.createdAt', { at: formatDateTime(f.createdAt) })}
                    secondary={f.url ?? (f.id === created?.id ? created.url : t('feeds.urlHidden'))}
                    slotProps={{ secondary: { sx: { wordBreak: 'break-all' } } }}
                  />
                  {f.revokedAt ? (
                    <Chip size="small" label={t('feeds.revokedAt', { at: formatDateTime(f.revokedAt) })} />
                  ) : (
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <Chip size="small" color="success" variant="outlined" label={t('feeds.active')} />
                      <Button size="small" color="error" onClick={() => setRevoking(f.id)} data-testid="feed-revoke">
                        {t('feeds.revoke')}
                      </Button>
                    </Stack>
                  )}
                </ListItem>
              ))}
            </List>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-testid="feeds-close">
          {t('common.close')}
        </Button>
      </DialogActions>
      <ConfirmDialog
        open={Boolean(revoking)}
        title={t('feeds.revokeTitle')}
        text={t('feeds.revokeText')}
        confirmLabel={t('feeds.revoke')}
        danger
        busy={revokeState.loading}
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          const id = revoking;
          setRevoking(null);
          if (id) revoke({ variables: { id } }).catch(() => undefined);
        }}
      />
    </Dialog>
  );
}
