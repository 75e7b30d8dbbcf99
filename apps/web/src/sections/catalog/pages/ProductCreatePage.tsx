import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { evictList } from '../../../lib/cache';
import { useCanEditCatalog } from '../components/catalog-meta';
import { ProductForm } from '../components/ProductForm';
import { CreateProductMutation } from '../graphql/catalog.graphql';
import { toCreateProductInput } from './product-input';

export default function ProductCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const canEdit = useCanEditCatalog();
  const [create] = useMutation(CreateProductMutation, { update: evictList('products') });
  if (!canEdit) return <EmptyState title={t('errors.FORBIDDEN')} description={t('catalog.editorsOnly')} />;
  return (
    <>
      <PageHeader title={t('catalog.product.newTitle')} />
      <ProductForm
        initialGroupId={params.get('groupId')}
        submitLabel={t('common.create')}
        onCancel={() => void navigate(-1)}
        onSubmit={async (output) => {
          const result = await create({ variables: { input: toCreateProductInput(output) } });
          const id = result.data?.createProduct.id;
          if (id) void navigate(`/catalog/products/${id}`, { replace: true });
        }}
      />
    </>
  );
}
