import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../core/pagination';
import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeSection } from './knowledge-section.entity';
import { KnowledgeArticleKind } from './knowledge.enums';

/** Around each highlighted term of a snippet (Unicode private-use characters: they never occur in real text). */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

export const KnowledgeArticleConnection = Connection(KnowledgeArticle, 'KnowledgeArticle', 'knowledge-base article');
export const KnowledgeSectionConnection = Connection(KnowledgeSection, 'KnowledgeSection', 'knowledge-base section');

@ObjectType({ description: 'A knowledge-base article found by full-text search, with a highlighted snippet.' })
export class KnowledgeSearchHit {
  @Field(() => ID, { description: 'Id of the article.' }) id: string;
  @Field({ description: 'Its title.' }) title: string;
  @Field(() => KnowledgeArticleKind, { description: 'Its kind.' }) kind: KnowledgeArticleKind;
  @Field({ description: 'Whether it is published (an editor or the author may also find drafts).' }) published: boolean;
  @Field({
    description:
      'Plain-text excerpt of the body around the matches (Markdown and HTML tags removed). Each match is wrapped in U+E000 … U+E001: render the text as text and only these markers as highlights — never as HTML.',
  })
  snippet: string;
  @Field(() => Float, { description: 'Relevance: title matches weigh most, then keywords, then the body.' }) rank: number;
}

export const KnowledgeSearchHitConnection = Connection(KnowledgeSearchHit, 'KnowledgeSearchHit', 'knowledge search hit');

@ObjectType({ description: 'What the viewer may do with an article.' })
export class KnowledgeArticleViewerCan {
  @Field({ description: 'May change it (editors; the author while it is a draft).' }) update: boolean;
  @Field({ description: 'May publish or unpublish it (editors).' }) publish: boolean;
  @Field({ description: 'May mark it for deletion or restore it.' }) delete: boolean;
}
