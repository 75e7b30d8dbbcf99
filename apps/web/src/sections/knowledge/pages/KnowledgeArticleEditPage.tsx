import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConflictDialog } from '../../../components/ConflictDialog';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { evictList } from '../../../lib/cache';
import { hasErrorCode } from '../../../lib/errors';
import { ArticleForm } from '../components/ArticleForm';
import { KnowledgeArticleQuery, KnowledgeSectionsQuery, UpdateKnowledgeArticleMutation } from '../graphql/knowledge.graphql';

export default function KnowledgeArticleEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [conflict, setConflict] = useState(false);
  // The current version, read before editing, so the save is checked against what the user saw.
  const { data, loading, error, refetch } = useQuery(KnowledgeArticleQuery, { variables: { id }, fetchPolicy: 'network-only' });
  const sectionsQuery = useQuery(KnowledgeSectionsQuery, { fetchPolicy: 'cache-and-network' });
  const [update] = useMutation(UpdateKnowledgeArticleMutation, { update: evictList('knowledgeArticles') });
  const a = data?.knowledgeArticle;

  if (loading && !a) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('article.notFound')} />;
  if (!a) return <ErrorAlert error={error} />;
  if (!a.viewerCan.update) return <EmptyState title={t('errors.FORBIDDEN')} />;

  return (
    <>
      <PageHeader title={t('article.editTitle', { name: a.title })} />
      <ArticleForm
        key={a.version}
        mode="edit"
        initial={{
          kind: a.kind,
          sectionId: a.sectionId,
          title: a.title,
          body: a.body,
          keywords: a.keywords,
          products: a.products.map((p) => ({ id: p.id, name: p.name })),
          competitors: a.competitors,
          published: a.published,
        }}
        sections={(sectionsQuery.data?.knowledgeSections.edges ?? []).map((e) => e.node)}
        canPublish={false}
        submitLabel={t('common.save')}
        onCancel={() => void navigate(`/knowledge/${id}`)}
        onConflict={() => setConflict(true)}
        onSubmit={async (v) => {
          await update({
            variables: {
              id,
              input: {
                version: a.version,
                kind: v.kind,
                title: v.title,
                body: v.body,
                keywords: v.keywords,
                sectionId: v.sectionId,
                productIds: v.products.map((p) => p.id),
                // Competitors I may not see stay linked: the picker only shows the ones I can.
                competitorIds: [...new Set([...v.competitors.map((c) => c.id), ...a.competitorIds.filter((cid) => !a.competitors.some((c) => c.id === cid))])],
              },
            },
          });
          void navigate(`/knowledge/${id}`);
        }}
      />
      <ConflictDialog
        open={conflict}
        what={t('article.conflictWhat')}
        onClose={() => setConflict(false)}
        onReload={() => {
          setConflict(false);
          void refetch();
        }}
      />
    </>
  );
}
