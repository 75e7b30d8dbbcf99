import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon';

export default function MarketingPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('sections.marketing')} />;
}
