import { graphql } from '../../../graphql';

graphql(`
  fragment KnowledgeArticleListItem on KnowledgeArticle {
    id
    kind
    title
    published
    sectionId
    usageCount
    updatedAt
    deletionMark
    author {
      id
      fullName
    }
  }
`);

graphql(`
  fragment KnowledgeArticleDetails on KnowledgeArticle {
    ...KnowledgeArticleListItem
    body
    keywords
    publishedAt
    authorId
    sourceRequestId
    productIds
    products {
      id
      name
    }
    competitorIds
    competitors {
      id
      name
    }
    section {
      id
      name
    }
    version
    createdAt
    viewerCan {
      update
      publish
      delete
    }
  }
`);

/** The whole tree of sections (a knowledge base has tens of them, not thousands). */
export const KnowledgeSectionsQuery = graphql(`
  query KnowledgeSections {
    knowledgeSections(first: 500) {
      totalCount
      edges {
        node {
          id
          name
          parentId
          version
        }
      }
    }
  }
`);

export const KnowledgeArticlesQuery = graphql(`
  query KnowledgeArticles($first: Int!, $after: String, $filter: KnowledgeArticleFilter) {
    knowledgeArticles(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        cursor
        node {
          ...KnowledgeArticleListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SearchKnowledgeQuery = graphql(`
  query SearchKnowledge($query: String!, $first: Int!, $after: String, $kind: KnowledgeArticleKind) {
    searchKnowledge(query: $query, first: $first, after: $after, kind: $kind) {
      totalCount
      edges {
        cursor
        node {
          id
          title
          kind
          published
          snippet
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const KnowledgeArticleQuery = graphql(`
  query KnowledgeArticle($id: ID!) {
    knowledgeArticle(id: $id) {
      ...KnowledgeArticleDetails
    }
  }
`);

export const KnowledgeArticleHistoryQuery = graphql(`
  query KnowledgeArticleHistory($id: ID!, $after: String) {
    knowledgeArticle(id: $id) {
      id
      history(first: 20, after: $after) {
        ...HistoryPage
      }
    }
  }
`);

export const CreateKnowledgeArticleMutation = graphql(`
  mutation CreateKnowledgeArticle($input: CreateKnowledgeArticleInput!) {
    createKnowledgeArticle(input: $input) {
      ...KnowledgeArticleDetails
    }
  }
`);

export const UpdateKnowledgeArticleMutation = graphql(`
  mutation UpdateKnowledgeArticle($id: ID!, $input: UpdateKnowledgeArticleInput!) {
    updateKnowledgeArticle(id: $id, input: $input) {
      ...KnowledgeArticleDetails
    }
  }
`);

export const PublishKnowledgeArticleMutation = graphql(`
  mutation PublishKnowledgeArticle($id: ID!) {
    publishKnowledgeArticle(id: $id) {
      ...KnowledgeArticleDetails
    }
  }
`);

export const UnpublishKnowledgeArticleMutation = graphql(`
  mutation UnpublishKnowledgeArticle($id: ID!) {
    unpublishKnowledgeArticle(id: $id) {
      ...KnowledgeArticleDetails
    }
  }
`);

export const SetKnowledgeArticleDeletionMarkMutation = graphql(`
  mutation SetKnowledgeArticleDeletionMark($id: ID!, $mark: Boolean!) {
    setKnowledgeArticleDeletionMark(id: $id, mark: $mark) {
      ...KnowledgeArticleDetails
    }
  }
`);

export const CreateKnowledgeSectionMutation = graphql(`
  mutation CreateKnowledgeSection($input: CreateKnowledgeSectionInput!) {
    createKnowledgeSection(input: $input) {
      id
      name
      parentId
      version
    }
  }
`);

export const UpdateKnowledgeSectionMutation = graphql(`
  mutation UpdateKnowledgeSection($id: ID!, $input: UpdateKnowledgeSectionInput!) {
    updateKnowledgeSection(id: $id, input: $input) {
      id
      name
      parentId
      version
    }
  }
`);

export const DeleteKnowledgeSectionMutation = graphql(`
  mutation DeleteKnowledgeSection($id: ID!) {
    deleteKnowledgeSection(id: $id)
  }
`);
