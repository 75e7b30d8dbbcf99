import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import TipsAndUpdatesOutlined from '@mui/icons-material/TipsAndUpdatesOutlined';
import { useTranslation } from 'react-i18next';
import { Snippet } from '../../knowledge/components/Snippet';

export interface SuggestedSolution {
  id: string;
  title: string;
  /** An excerpt of the article with the matched words between the server's highlight markers. */
  snippet?: string | null;
}

interface Props {
  items: readonly SuggestedSolution[];
  loading: boolean;
  /** The article applied to this request, if any. */
  appliedId: string | null;
  /** Title of the applied article when it is no longer among the suggestions. */
  appliedTitle?: string | null;
  onApply: (item: SuggestedSolution) => void;
  onUnapply: () => void;
}

/**
 * SOLUTION articles matching what the client describes, offered while the description is typed. Applying one
 * records it with the request (and counts a use of the article when the request is resolved with it).
 */
export function SolutionSuggestions({ items, loading, appliedId, appliedTitle, onApply, onUnapply }: Props) {
  const { t } = useTranslation();
  const applied = items.find((i) => i.id === appliedId);
  return (
    <Paper variant="outlined" sx={{ p: 1.5, bgcolor: 'background.default' }} data-testid="solution-suggestions" aria-live="polite">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
        <TipsAndUpdatesOutlined fontSize="small" color="warning" />
        <Typography variant="subtitle2" component="h3">
          {t('request.suggestions')}
        </Typography>
      </Stack>
      <Box sx={{ height: 4 }}>{loading && <LinearProgress aria-label={t('common.loading')} />}</Box>
      {appliedId && !applied && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', py: 0.5 }} data-testid="solution-applied">
          <CheckCircleOutline fontSize="small" color="success" />
          <Link component={RouterLink} to={`/knowledge/${appliedId}`} target="_blank" sx={{ flex: 1, minWidth: 0 }}>
            {appliedTitle ?? t('request.appliedArticle')}
          </Link>
          <Button size="small" onClick={onUnapply}>
            {t('request.unapply')}
          </Button>
        </Stack>
      )}
      {items.length === 0 && !loading && !appliedId ? (
        <Typography variant="body2" color="text.secondary">
          {t('request.noSuggestions')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {items.map((item) => {
            const isApplied = item.id === appliedId;
            return (
              <ListItem key={item.id} disableGutters divider data-testid="solution-suggestion" sx={{ display: 'block' }}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                  <Box sx={{ flex: 1, minWidth: 0 }}>
                    {/* The article opens in a new tab so the form being filled in is not lost. */}
                    <Link component={RouterLink} to={`/knowledge/${item.id}`} target="_blank" rel="noopener" sx={{ fontWeight: 500 }}>
                      {item.title}
                    </Link>
                    {item.snippet && (
                      <Typography variant="body2" color="text.secondary" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
                        <Snippet text={item.snippet} />
                      </Typography>
                    )}
                  </Box>
                  {isApplied ? (
                    <Chip
                      size="small"
                      color="success"
                      icon={<CheckCircleOutline />}
                      label={t('request.applied')}
                      onDelete={onUnapply}
                      data-testid="solution-applied"
                    />
                  ) : (
                    <Button size="small" variant="outlined" onClick={() => onApply(item)} data-testid="solution-apply">
                      {t('request.apply')}
                    </Button>
                  )}
                </Stack>
              </ListItem>
            );
          })}
        </List>
      )}
    </Paper>
  );
}
