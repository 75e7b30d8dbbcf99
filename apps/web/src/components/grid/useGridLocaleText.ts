import { useMemo } from 'react';
import type { GridLocaleText } from '@mui/x-data-grid';
import { enUS, ruRU } from '@mui/x-data-grid/locales';
import { useTranslation } from 'react-i18next';

/** The grid's own texts in the interface language; the Russian pack lacks "1–25 of N", so we supply it. */
export function useGridLocaleText(): Partial<GridLocaleText> {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return useMemo(() => {
    const base = (language === 'en' ? enUS : ruRU).components.MuiDataGrid.defaultProps.localeText;
    return {
      ...base,
      noRowsLabel: t('grid.noRows'),
      paginationDisplayedRows: ({ from, to, count }: { from: number; to: number; count: number }) =>
        t('grid.displayedRows', { from, to, count }),
    };
  }, [t, language]);
}
