import ConstructionOutlined from '@mui/icons-material/ConstructionOutlined';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';
import { PageHeader } from './PageHeader';

/** Placeholder for a desktop tab that a later release fills; keeps the 1C tab order recognisable meanwhile. */
export function ComingSoon({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} />
      <EmptyState icon={<ConstructionOutlined />} title={t('comingSoon.title')} description={t('comingSoon.description')} />
    </>
  );
}
