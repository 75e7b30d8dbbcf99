import { useState } from 'react';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import PublicOffOutlined from '@mui/icons-material/PublicOffOutlined';
import PublicOutlined from '@mui/icons-material/PublicOutlined';
import RestoreFromTrashOutlined from '@mui/icons-material/RestoreFromTrashOutlined';
import { useTranslation } from 'react-i18next';
import { DetailsList } from '../../../components/DetailsList';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormSection } from '../../../components/FormSection';
import { EntityHistory } from '../../../components/history/EntityHistory';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { evictList } from '../../../lib/cache';
import { hasErrorCode } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { renderArticleValue } from '../components/article-history';
import { ArticleKindChip, ArticleKindIcon, DraftChip } from '../components/article-meta';
import { MarkdownView } from '../components/MarkdownView';
import { ProductChips } from '../components/ProductChips';
import {
  KnowledgeArticleHistoryQuery,
  KnowledgeArticleQuery,
  PublishKnowledgeArticleMutation,
  SetKnowledgeArticleDeletionMarkMutation,
  UnpublishKnowledgeArticleMutation,
} from '../graphql/knowledge.graphql';

type CardTab = 'main' | 'history';

/** An article: its text rendered safely, and what it is linked to; publishing and editing for those allowed. */
export default function KnowledgeArticlePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: CardTab = params.get('tab') === 'history' ? 'history' : 'main';
  const { data, loading, error } = useQuery(KnowledgeArticleQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const after = { update: evictList('knowledgeArticles') };
  const [publish, publishState] = useMutation(PublishKnowledgeArticleMutation, after);
  const [unpublish, unpublishState] = useMutation(UnpublishKnowledgeArticleMutation, after);
  const [mark, markState] = useMutation(SetKnowledgeArticleDeletionMarkMutation, after);
  const [actionError, setActionError] = useState<unknown>(null);
  const a = data?.knowledgeArticle;

  if (loading && !a) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('article.notFound')} />;
  if (!a) return <ErrorAlert error={error} />;

  const busy = publishState.loading || unpublishState.loading || markState.loading;
  const run = (action: () => Promise<unknown>) => {
    setActionError(null);
    action().catch(setActionError);
  };

  return (
    <>
      <PageHeader
        title={a.title}
        titleTestId="kb-article-title"
        before={<ArticleKindIcon kind={a.kind} color="action" />}
        subtitle={
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
            <Link component={RouterLink} to="/knowledge">
              {t('knowledge.title')}
            </Link>
            {a.section && (
              <Link component={RouterLink} to={`/knowledge?section=${a.section.id}`}>
                {a.section.name}
              </Link>
            )}
            <ArticleKindChip kind={a.kind} />
            <DraftChip published={a.published} />
            {a.deletionMark && <Chip size="small" color="warning" label={t('common.markedForDeletion')} />}
          </Stack>
        }
        actions={
          <>
            {a.viewerCan.update && !a.deletionMark && (
              <Button component={RouterLink} to="edit" variant="contained" startIcon={<EditOutlined />} data-testid="kb-article-edit">
                {t('common.edit')}
              </Button>
            )}
            {a.viewerCan.publish && !a.deletionMark && !a.published && (
              <Button color="success" variant="outlined" startIcon={<PublicOutlined />} disabled={busy} onClick={() => run(() => publish({ variables: { id: a.id } }))} data-testid="kb-article-publish">
                {t('article.publish')}
              </Button>
            )}
            {a.viewerCan.publish && a.published && (
              <Button startIcon={<PublicOffOutlined />} disabled={busy} onClick={() => run(() => unpublish({ variables: { id: a.id } }))} data-testid="kb-article-unpublish">
                {t('article.unpublish')}
              </Button>
            )}
            {a.viewerCan.delete && (
              <Button
                color={a.deletionMark ? 'primary' : 'warning'}
                startIcon={a.deletionMark ? <RestoreFromTrashOutlined /> : <DeleteOutlined />}
                disabled={busy}
                onClick={() => run(() => mark({ variables: { id: a.id, mark: !a.deletionMark } }))}
                data-testid={a.deletionMark ? 'kb-article-restore' : 'kb-article-mark'}
              >
                {a.deletionMark ? t('common.restore') : t('common.markForDeletion')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={actionError ?? undefined} />

      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={tab} onChange={(_e, v: CardTab) => setParams(v === 'main' ? {} : { tab: v }, { replace: true })}>
          <Tab value="main" label={t('article.tabText')} data-testid="card-tab-main" />
          <Tab value="history" label={t('card.tabHistory')} data-testid="card-tab-history" />
        </Tabs>
      </Box>

      {tab === 'main' ? (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 8 }}>
            <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
              {a.body.trim() ? (
                <MarkdownView source={a.body} testId="kb-article-body" />
              ) : (
                <Typography color="text.secondary" data-testid="kb-article-body">
                  {t('article.emptyBody')}
                </Typography>
              )}
            </Paper>
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <FormSection title={t('article.about')}>
              <DetailsList
                items={[
                  {
                    label: t('article.keywords'),
                    value: a.keywords.length ? (
                      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                        {a.keywords.map((k) => (
                          <Chip key={k} size="small" label={k} component={RouterLink} to={`/knowledge?q=${encodeURIComponent(k)}`} clickable />
                        ))}
                      </Stack>
                    ) : null,
                  },
                  { label: t('article.products'), value: a.products.length ? <ProductChips products={a.products} /> : null },
                  {
                    label: t('article.competitors'),
                    value: a.competitors.length ? (
                      <Stack spacing={0.25}>
                        {a.competitors.map((c) => (
                          <Link key={c.id} component={RouterLink} to={`/counterparties/${c.id}`}>
                            {c.name}
                          </Link>
                        ))}
                      </Stack>
                    ) : null,
                  },
                  { label: t('article.usageCount'), value: String(a.usageCount), testId: 'kb-article-usage' },
                  {
                    label: t('article.sourceRequest'),
                    value: a.sourceRequestId ? (
                      <Link component={RouterLink} to={`/requests/${a.sourceRequestId}`}>
                        {t('article.openSourceRequest')}
                      </Link>
                    ) : null,
                  },
                  { label: t('article.author'), value: a.author?.fullName },
                  { label: t('article.publishedAt'), value: a.published ? formatDateTime(a.publishedAt) : t('article.draft') },
                  { label: t('common.createdAt'), value: formatDateTime(a.createdAt) },
                  { label: t('common.updatedAt'), value: formatDateTime(a.updatedAt) },
                ]}
              />
            </FormSection>
          </Grid>
        </Grid>
      ) : (
        <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }}>
          <EntityHistory
            query={KnowledgeArticleHistoryQuery}
            id={a.id}
            selectPage={(d) => d.knowledgeArticle.history}
            renderValue={(field, value) => renderArticleValue(t, field, value)}
          />
        </Paper>
      )}
    </>
  );
}
