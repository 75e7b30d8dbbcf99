import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../app/useLanguage';

/** A one-click toggle between Russian and English; shows the language it switches to. */
export function LanguageSwitch({ color = 'inherit' }: { color?: 'inherit' | 'primary' }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const next = language === 'ru' ? 'en' : 'ru';
  return (
    <Button
      color={color}
      data-testid="lang-switch"
      onClick={() => setLanguage(next)}
      aria-label={t('shell.switchLanguage')}
      title={t('shell.switchLanguage')}
      sx={{ minWidth: 44, fontWeight: 600 }}
    >
      {next.toUpperCase()}
    </Button>
  );
}
