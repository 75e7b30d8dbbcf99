import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { KnowledgeArticleKind } from './knowledge.enums';

@ObjectType({ description: 'An article of the knowledge base («База знаний»). Its body is Markdown, returned exactly as stored: clients render it with a sanitising renderer, never as HTML.' })
@Entity('knowledge_articles')
export class KnowledgeArticle {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { nullable: true, description: 'The section it is filed in.' })
  @Column('uuid', { nullable: true })
  sectionId: string | null;

  @Field(() => KnowledgeArticleKind, { description: 'Solution, product, competitor or instruction.' })
  @Column('text')
  kind: KnowledgeArticleKind;

  @Field({ description: 'Title.' })
  @Column('text')
  title: string;

  @Field({ description: 'The text, Markdown as written (may contain anything a user typed, including HTML: render it sanitised).' })
  @Column('text')
  body: string;

  @Field(() => [String], { description: 'Keywords that help search find it.' })
  @Column('text', { array: true, default: () => "'{}'" })
  keywords: string[];

  @Field({ description: 'Published articles are visible to everyone; drafts only to their author and to editors.' })
  @Column('boolean', { default: false })
  published: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was last published.' })
  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  @Field(() => ID, { description: 'Who wrote it.' })
  @Column('uuid')
  authorId: string;

  @Field(() => Int, { description: 'How many times it was applied in the solution of a client request.' })
  @Column('int', { default: 0 })
  usageCount: number;

  @Field(() => ID, { nullable: true, description: 'The client request it was saved from ("save as solution").' })
  @Column('uuid', { nullable: true })
  sourceRequestId: string | null;

  @Field({ description: 'Marked for deletion: hidden from lists and search unless asked for; restorable.' })
  @Column('boolean', { default: false })
  deletionMark: boolean;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back when updating.' })
  @Column('int', { default: 1 })
  version: number;

  @Field({ description: 'When it was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
