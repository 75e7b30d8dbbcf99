import { registerEnumType } from 'type-graphql';

export enum KnowledgeArticleKind {
  SOLUTION = 'SOLUTION',
  PRODUCT = 'PRODUCT',
  COMPETITOR = 'COMPETITOR',
  INSTRUCTION = 'INSTRUCTION',
}
registerEnumType(KnowledgeArticleKind, {
  name: 'KnowledgeArticleKind',
  description: 'What a knowledge-base article is.',
  valuesConfig: {
    SOLUTION: { description: 'A typical problem and its fix; suggested while a client request is typed.' },
    PRODUCT: { description: 'A product: characteristics, competitive advantages, how to demonstrate it, objections and answers.' },
    COMPETITOR: { description: 'A competitor (a counterparty marked COMPETITOR): strengths, weaknesses, prices.' },
    INSTRUCTION: { description: 'An internal instruction or order.' },
  },
});
