import Chip from '@mui/material/Chip';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import ArticleOutlined from '@mui/icons-material/ArticleOutlined';
import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import MilitaryTechOutlined from '@mui/icons-material/MilitaryTechOutlined';
import TipsAndUpdatesOutlined from '@mui/icons-material/TipsAndUpdatesOutlined';
import { useTranslation } from 'react-i18next';
import type { KnowledgeArticleKind } from '../../../graphql/graphql';

export const ARTICLE_KINDS: readonly KnowledgeArticleKind[] = ['SOLUTION', 'PRODUCT', 'COMPETITOR', 'INSTRUCTION'];

export function isArticleKind(v: string | null | undefined): v is KnowledgeArticleKind {
  return (ARTICLE_KINDS as readonly string[]).includes(v ?? '');
}

export function ArticleKindIcon({ kind, ...props }: { kind: KnowledgeArticleKind } & SvgIconProps) {
  const { t } = useTranslation();
  const common = { titleAccess: t(`articleKind.${kind}`), ...props };
  switch (kind) {
    case 'SOLUTION':
      return <TipsAndUpdatesOutlined {...common} />;
    case 'PRODUCT':
      return <Inventory2Outlined {...common} />;
    case 'COMPETITOR':
      return <MilitaryTechOutlined {...common} />;
    default:
      return <ArticleOutlined {...common} />;
  }
}

export function ArticleKindChip({ kind }: { kind: KnowledgeArticleKind }) {
  const { t } = useTranslation();
  return <Chip size="small" variant="outlined" icon={<ArticleKindIcon kind={kind} fontSize="small" />} label={t(`articleKind.${kind}`)} />;
}

/** A draft is visible to its author and editors only: say so wherever it is listed. */
export function DraftChip({ published }: { published: boolean }) {
  const { t } = useTranslation();
  if (published) return null;
  return <Chip size="small" color="warning" variant="outlined" label={t('article.draft')} data-testid="kb-draft" />;
}
