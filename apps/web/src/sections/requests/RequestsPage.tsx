import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon';

export default function RequestsPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('sections.requests')} />;
}
