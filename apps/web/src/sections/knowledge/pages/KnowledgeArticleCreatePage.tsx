import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { evictList } from '../../../lib/cache';
import { ArticleForm } from '../components/ArticleForm';
import { isArticleKind } from '../components/article-meta';
import { useKnowledgeEditor } from '../components/useKnowledgeEditor';
import { CreateKnowledgeArticleMutation, KnowledgeSectionsQuery } from '../graphql/knowledge.graphql';

/** A new article; `kind` and `section` in the URL preselect what the list was showing. */
export default function KnowledgeArticleCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const editor = useKnowledgeEditor();
  const kind = params.get('kind');
  const { data } = useQuery(KnowledgeSectionsQuery, { fetchPolicy: 'cache-and-network' });
  const sections = (data?.knowledgeSections.edges ?? []).map((e) => e.node);
  const [create] = useMutation(CreateKnowledgeArticleMutation, { update: evictList('knowledgeArticles') });

  return (
    <>
      <PageHeader title={t('article.newTitle')} />
      <ArticleForm
        mode="create"
        initial={{ kind: isArticleKind(kind) ? kind : undefined, sectionId: params.get('section'), published: editor }}
        sections={sections}
        canPublish={editor}
        submitLabel={t('common.create')}
        onCancel={() => void navigate(-1)}
        onSubmit={async (v) => {
          const result = await create({
            variables: {
              input: {
                kind: v.kind,
                title: v.title,
                body: v.body,
                keywords: v.keywords,
                sectionId: v.sectionId ?? undefined,
                productIds: v.products.map((p) => p.id),
                competitorIds: v.competitors.map((c) => c.id),
                published: editor && v.published,
              },
            },
          });
          const id = result.data?.createKnowledgeArticle.id;
          if (id) void navigate(`/knowledge/${id}`, { replace: true });
        }}
      />
    </>
  );
}
