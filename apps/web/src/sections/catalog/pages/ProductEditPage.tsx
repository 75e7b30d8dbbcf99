import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConflictDialog } from '../../../components/ConflictDialog';
import { EmptyState } from '../../../components/EmptyState';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { hasErrorCode } from '../../../lib/errors';
import { SalesErrorAlert } from '../../client-interests/lib/errors';
import { ProductForm } from '../components/ProductForm';
import { ProductQuery, UpdateProductMutation } from '../graphql/catalog.graphql';
import { toUpdateProductInput } from './product-input';

export default function ProductEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [conflict, setConflict] = useState(false);
  // The current version, so the save is checked against what the user saw.
  const { data, loading, error, refetch } = useQuery(ProductQuery, { variables: { id }, fetchPolicy: 'network-only' });
  const [update] = useMutation(UpdateProductMutation);
  const product = data?.product;

  if (loading && !product) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('catalog.product.notFound')} />;
  if (!product) return <SalesErrorAlert error={error} />;
  if (!product.viewerCan.update) return <EmptyState title={t('errors.FORBIDDEN')} description={t('catalog.editorsOnly')} />;

  return (
    <>
      <PageHeader title={t('catalog.product.editTitle', { name: product.name })} />
      <ProductForm
        key={product.version}
        initial={product}
        submitLabel={t('common.save')}
        onCancel={() => void navigate(`/catalog/products/${id}`)}
        onConflict={() => setConflict(true)}
        onSubmit={async (output) => {
          await update({ variables: { id, input: toUpdateProductInput(output, product.version) } });
          void navigate(`/catalog/products/${id}`);
        }}
      />
      <ConflictDialog
        open={conflict}
        what={t('catalog.product.conflictWhat')}
        onClose={() => setConflict(false)}
        onReload={() => {
          setConflict(false);
          void refetch();
        }}
      />
    </>
  );
}
