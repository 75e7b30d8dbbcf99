import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';

/** An article's history values in words: its kind and the published flag (the shared list knows neither). */
export function renderArticleValue(t: TFunction, field: string, value: unknown): ReactNode | undefined {
  if (field === 'kind' && typeof value === 'string') return t(`articleKind.${value}`, { defaultValue: value });
  if (field === 'published' && typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (field === 'keywords' && Array.isArray(value)) return value.join(', ');
  return undefined;
}
