import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { KnowledgeArticleKind } from './knowledge.enums';

export const MAX_BODY = 200_000;

@InputType({ description: 'A new knowledge-base article.' })
export class CreateKnowledgeArticleInput {
  @Field(() => KnowledgeArticleKind, { description: 'What it is.' }) kind: KnowledgeArticleKind;
  @Field({ description: 'Title.' }) @Length(1, 300, { message: 'Enter a title of 1 to 300 characters' }) title: string;
  @Field({ defaultValue: '', description: 'Markdown text, stored as given.' }) @MaxLength(MAX_BODY) body: string = '';
  @Field(() => [String], { nullable: true, description: 'Keywords (at most 50, each up to 100 characters).' }) @IsOptional() @ArrayMaxSize(50) keywords?: string[];
  @Field(() => ID, { nullable: true, description: 'Section to file it in.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid section id' }) sectionId?: string;
  @Field(() => [ID], { nullable: true, description: 'Products it is about.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'Not a valid product id' })
  productIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Competitors it is about: counterparties marked COMPETITOR.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'Not a valid counterparty id' })
  competitorIds?: string[];
  @Field({ defaultValue: false, description: 'True to publish at once (editors only); a draft by default.' }) published: boolean = false;
}

@InputType({ description: 'Changes to an article; omitted fields stay as they are.' })
export class UpdateKnowledgeArticleInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field(() => KnowledgeArticleKind, { nullable: true, description: 'Kind.' }) @IsOptional() kind?: KnowledgeArticleKind;
  @Field({ nullable: true, description: 'Title.' }) @IsOptional() @Length(1, 300, { message: 'Enter a title of 1 to 300 characters' }) title?: string;
  @Field({ nullable: true, description: 'Markdown text.' }) @IsOptional() @MaxLength(MAX_BODY) body?: string;
  @Field(() => [String], { nullable: true, description: 'Keywords; replaces the list.' }) @IsOptional() @ArrayMaxSize(50) keywords?: string[];
  @Field(() => ID, { nullable: true, description: 'Section; null moves it to the top level.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid section id' }) sectionId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Products; replaces the list.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'Not a valid product id' })
  productIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Competitors; replaces the list.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'Not a valid counterparty id' })
  competitorIds?: string[];
}

@InputType({ description: 'Filter of the article list; conditions combine with AND.' })
export class KnowledgeArticleFilter {
  @Field(() => KnowledgeArticleKind, { nullable: true, description: 'Only this kind.' }) @IsOptional() kind?: KnowledgeArticleKind;
  @Field(() => ID, { nullable: true, description: 'Only this section.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid section id' }) sectionId?: string;
  @Field({ nullable: true, description: 'With `sectionId`: its subsections too.' }) @IsOptional() includeSubsections?: boolean;
  @Field({ nullable: true, description: 'Only published (true) or only drafts (false) — drafts I may see.' }) @IsOptional() published?: boolean;
  @Field(() => ID, { nullable: true, description: 'Only articles about this product.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid product id' }) productId?: string;
  @Field(() => ID, { nullable: true, description: 'Only articles about this competitor.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid counterparty id' }) competitorId?: string;
  @Field(() => ID, { nullable: true, description: 'Only articles by this author.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) authorId?: string;
  @Field({ nullable: true, description: 'Words the article must contain (full-text, Russian and English stemming).' }) @IsOptional() @MaxLength(500) search?: string;
  @Field({ defaultValue: false, description: 'True: only articles marked for deletion; false (default): only the others.' }) deletionMark: boolean = false;
}

@InputType({ description: 'A new knowledge-base section.' })
export class CreateKnowledgeSectionInput {
  @Field({ description: 'Name.' }) @Length(1, 200, { message: 'Enter a name of 1 to 200 characters' }) name: string;
  @Field(() => ID, { nullable: true, description: 'Parent section; top level when omitted.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid section id' }) parentId?: string;
}

@InputType({ description: 'Changes to a section.' })
export class UpdateKnowledgeSectionInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field({ nullable: true, description: 'Name.' }) @IsOptional() @Length(1, 200, { message: 'Enter a name of 1 to 200 characters' }) name?: string;
  @Field(() => ID, { nullable: true, description: 'Parent section; null moves it to the top level.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid section id' }) parentId?: string | null;
}
