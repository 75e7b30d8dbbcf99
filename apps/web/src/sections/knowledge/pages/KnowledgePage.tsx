import { useMemo, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import CreateNewFolderOutlined from '@mui/icons-material/CreateNewFolderOutlined';
import DriveFileRenameOutlineOutlined from '@mui/icons-material/DriveFileRenameOutlineOutlined';
import { useTranslation } from 'react-i18next';
import type { KnowledgeArticleFilter, KnowledgeArticleKind } from '../../../graphql/graphql';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListToolbar, SearchField, ToggleFilter } from '../../../components/grid/ListToolbar';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { ARTICLE_KINDS, ArticleKindIcon, DraftChip, isArticleKind } from '../components/article-meta';
import { SectionDialog } from '../components/SectionDialog';
import { sectionPath } from '../components/section-options';
import { SectionsTree } from '../components/SectionsTree';
import { Snippet } from '../components/Snippet';
import { useKnowledgeEditor } from '../components/useKnowledgeEditor';
import { KnowledgeArticlesQuery, KnowledgeSectionsQuery, SearchKnowledgeQuery } from '../graphql/knowledge.graphql';

const PAGE = 30;

/**
 * «База знаний»: sections on the left; on the right the articles of the chosen section and kind, or — once
 * something is typed in the search — full-text hits, best first, with the matched words highlighted.
 * Section, kind and search live in the URL, so "back" from an article restores the list.
 */
export default function KnowledgePage() {
  const { t } = useTranslation();
  const editor = useKnowledgeEditor();
  const [params, setParams] = useSearchParams();
  const searchInput = params.get('q') ?? '';
  const kindParam = params.get('kind');
  const kind: KnowledgeArticleKind | null = isArticleKind(kindParam) ? kindParam : null;
  const sectionId = params.get('section');
  const drafts = params.get('drafts') === '1';
  const [sectionDialog, setSectionDialog] = useState<'new' | 'edit' | null>(null);
  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const query = useDebouncedValue(searchInput.trim(), 300);

  const sectionsQuery = useQuery(KnowledgeSectionsQuery, { fetchPolicy: 'cache-and-network' });
  const sections = useMemo(() => (sectionsQuery.data?.knowledgeSections.edges ?? []).map((e) => e.node), [sectionsQuery.data]);
  const selected = sections.find((s) => s.id === sectionId) ?? null;

  const newArticle = `/knowledge/new?${new URLSearchParams({ ...(kind ? { kind } : {}), ...(sectionId ? { section: sectionId } : {}) }).toString()}`;

  return (
    <>
      <PageHeader
        title={t('knowledge.title')}
        actions={
          <Button component={RouterLink} to={newArticle} variant="contained" startIcon={<AddIcon />} data-testid="kb-new">
            {t('knowledge.newArticle')}
          </Button>
        }
      />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 3 }}>
          <Paper variant="outlined" sx={{ py: 1 }}>
            <ErrorAlert error={sectionsQuery.data ? undefined : sectionsQuery.error} />
            <SectionsTree key={sections.length > 0 ? 'loaded' : 'empty'} sections={sections} selectedId={sectionId} onSelect={(id) => setParam('section', id)} />
            {editor && (
              <Stack direction="row" spacing={1} sx={{ px: 1, pt: 1 }}>
                <Button size="small" startIcon={<CreateNewFolderOutlined />} onClick={() => setSectionDialog('new')} data-testid="kb-section-new">
                  {t('knowledge.newSection')}
                </Button>
                {selected && (
                  <Button size="small" startIcon={<DriveFileRenameOutlineOutlined />} onClick={() => setSectionDialog('edit')} data-testid="kb-section-edit">
                    {t('common.edit')}
                  </Button>
                )}
              </Stack>
            )}
          </Paper>
        </Grid>
        <Grid size={{ xs: 12, md: 9 }}>
          <ListToolbar>
            <SearchField value={searchInput} onChange={(v) => setParam('q', v)} testId="kb-search" placeholder={t('knowledge.searchPlaceholder')} />
            <ToggleButtonGroup
              size="small"
              exclusive
              value={kind ?? 'ALL'}
              onChange={(_e, v: string | null) => setParam('kind', v && v !== 'ALL' ? v : null)}
              aria-label={t('article.kind')}
              sx={{ flexWrap: 'wrap' }}
            >
              <ToggleButton value="ALL" data-testid="kb-kind-all">
                {t('list.all')}
              </ToggleButton>
              {ARTICLE_KINDS.map((k) => (
                <ToggleButton key={k} value={k} data-testid={`kb-kind-${k}`} sx={{ gap: 0.5 }}>
                  <ArticleKindIcon kind={k} fontSize="small" />
                  {t(`articleKindPlural.${k}`)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            {!query && <ToggleFilter label={t('knowledge.onlyDrafts')} checked={drafts} onChange={(v) => setParam('drafts', v ? '1' : null)} testId="kb-drafts" />}
          </ListToolbar>
          {query ? (
            <SearchResults query={query} kind={kind} />
          ) : (
            <>
              {selected && (
                <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>
                  {sectionPath(sections, selected.id)}
                </Typography>
              )}
              <ArticleList
                filter={{ kind, sectionId, includeSubsections: sectionId ? true : undefined, published: drafts ? false : undefined }}
                sectionName={(id) => (id && id !== sectionId ? sectionPath(sections, id) : '')}
              />
            </>
          )}
        </Grid>
      </Grid>
      <SectionDialog
        open={sectionDialog !== null}
        section={sectionDialog === 'edit' ? selected : null}
        parentId={sectionDialog === 'new' ? sectionId : null}
        sections={sections}
        onClose={() => setSectionDialog(null)}
        onDeleted={() => setParam('section', null)}
      />
    </>
  );
}

/** Pages of a list are separate queries, each started from the previous page's end cursor ("show more"). */
function usePages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({ key: resetKey, cursors: [null] });
  const cursors = state.key === resetKey ? state.cursors : [null];
  const more = (cursor: string) => setState({ key: resetKey, cursors: [...cursors, cursor] });
  return { cursors, more };
}

function ArticleList({ filter, sectionName }: { filter: KnowledgeArticleFilter; sectionName: (id: string | null | undefined) => string }) {
  const { cursors, more } = usePages(JSON.stringify(filter));
  return (
    <Paper variant="outlined" data-testid="kb-articles">
      {cursors.map((after, i) => (
        <ArticlePage key={`${i}:${after}`} filter={filter} after={after} first={i === 0} last={i === cursors.length - 1} onMore={more} sectionName={sectionName} />
      ))}
    </Paper>
  );
}

function ArticlePage({
  filter,
  after,
  first,
  last,
  onMore,
  sectionName,
}: {
  filter: KnowledgeArticleFilter;
  after: string | null;
  first: boolean;
  last: boolean;
  onMore: (cursor: string) => void;
  sectionName: (id: string | null | undefined) => string;
}) {
  const { t } = useTranslation();
  const { data, previousData, loading, error } = useQuery(KnowledgeArticlesQuery, {
    variables: { first: PAGE, after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? (first ? previousData : undefined))?.knowledgeArticles;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  return (
    <>
      {first && <Box sx={{ height: 4 }}>{loading && <LinearProgress aria-label={t('common.loading')} />}</Box>}
      <ErrorAlert error={connection ? undefined : error} />
      {first && connection && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 1 }}>
          {t('knowledge.articlesCount', { count: connection.totalCount })}
        </Typography>
      )}
      {first && connection && rows.length === 0 && (
        <Typography color="text.secondary" sx={{ p: 2 }}>
          {t('knowledge.noArticles')}
        </Typography>
      )}
      <List disablePadding>
        {rows.map((a) => (
          <ListItem key={a.id} divider data-testid="kb-article-row" sx={{ display: 'block', py: 1.25 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
              <ArticleKindIcon kind={a.kind} fontSize="small" color="action" />
              <Link component={RouterLink} to={`/knowledge/${a.id}`} sx={{ fontWeight: 500 }}>
                {a.title}
              </Link>
              <DraftChip published={a.published} />
              {a.usageCount > 0 && <Chip size="small" variant="outlined" label={t('article.usedTimes', { count: a.usageCount })} />}
            </Stack>
            <Typography variant="caption" color="text.secondary">
              {[sectionName(a.sectionId), a.author?.fullName, formatDateTime(a.updatedAt)].filter(Boolean).join(' · ')}
            </Typography>
          </ListItem>
        ))}
      </List>
      {last && connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
        <Box sx={{ p: 1 }}>
          <Button onClick={() => onMore(connection.pageInfo.endCursor!)}>{t('common.loadMore')}</Button>
        </Box>
      )}
    </>
  );
}

function SearchResults({ query, kind }: { query: string; kind: KnowledgeArticleKind | null }) {
  const { cursors, more } = usePages(`${query}|${kind ?? ''}`);
  return (
    <Paper variant="outlined" data-testid="kb-results">
      {cursors.map((after, i) => (
        <SearchPage key={`${i}:${after}`} query={query} kind={kind} after={after} first={i === 0} last={i === cursors.length - 1} onMore={more} />
      ))}
    </Paper>
  );
}

function SearchPage({
  query,
  kind,
  after,
  first,
  last,
  onMore,
}: {
  query: string;
  kind: KnowledgeArticleKind | null;
  after: string | null;
  first: boolean;
  last: boolean;
  onMore: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  const { data, previousData, loading, error } = useQuery(SearchKnowledgeQuery, {
    variables: { query, first: PAGE, after, kind },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? (first ? previousData : undefined))?.searchKnowledge;
  const hits = connection?.edges.map((e) => e.node) ?? [];
  return (
    <>
      {first && <Box sx={{ height: 4 }}>{loading && <LinearProgress aria-label={t('common.loading')} />}</Box>}
      <ErrorAlert error={connection ? undefined : error} />
      {first && connection && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 1 }}>
          {t('knowledge.found', { count: connection.totalCount })}
        </Typography>
      )}
      {first && connection && hits.length === 0 && (
        <Typography color="text.secondary" sx={{ p: 2 }}>
          {t('knowledge.nothingFound')}
        </Typography>
      )}
      <List disablePadding>
        {hits.map((hit) => (
          <ListItem key={hit.id} divider data-testid="kb-hit" sx={{ display: 'block', py: 1.25 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
              <ArticleKindIcon kind={hit.kind} fontSize="small" color="action" />
              <Link component={RouterLink} to={`/knowledge/${hit.id}`} sx={{ fontWeight: 500 }} data-testid="kb-hit-title">
                {hit.title}
              </Link>
              <DraftChip published={hit.published} />
            </Stack>
            {hit.snippet && (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, wordBreak: 'break-word' }} data-testid="kb-hit-snippet">
                <Snippet text={hit.snippet} />
              </Typography>
            )}
          </ListItem>
        ))}
      </List>
      {last && connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
        <Box sx={{ p: 1 }}>
          <Button onClick={() => onMore(connection.pageInfo.endCursor!)}>{t('common.loadMore')}</Button>
        </Box>
      )}
    </>
  );
}
