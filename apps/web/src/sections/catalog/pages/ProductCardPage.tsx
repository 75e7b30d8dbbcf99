import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import RestoreFromTrashOutlined from '@mui/icons-material/RestoreFromTrashOutlined';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DetailsList } from '../../../components/DetailsList';
import { EmptyState } from '../../../components/EmptyState';
import { FormSection } from '../../../components/FormSection';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { evictList } from '../../../lib/cache';
import { hasErrorCode } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { SalesErrorAlert } from '../../client-interests/lib/errors';
import { formatMoney } from '../../client-interests/lib/money';
import { vatRateLabel } from '../components/catalog-meta';
import { ProductQuery, SetProductDeletionMarkMutation } from '../graphql/catalog.graphql';

export default function ProductCardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [confirm, setConfirm] = useState<'mark' | 'restore' | null>(null);
  const { data, loading, error } = useQuery(ProductQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [setMark, markState] = useMutation(SetProductDeletionMarkMutation, { update: evictList('products') });
  const p = data?.product;

  if (loading && !p) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('catalog.product.notFound')} />;
  if (!p) return <SalesErrorAlert error={error} />;

  return (
    <>
      <PageHeader
        title={p.name}
        titleTestId="product-title"
        before={<Inventory2Outlined color="action" />}
        subtitle={
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
            <span>{t(`productKind.${p.kind}`)}</span>
            {p.article && <span>{t('catalog.product.articleShort', { article: p.article })}</span>}
            {p.deletionMark && <Chip size="small" color="warning" label={t('common.markedForDeletion')} data-testid="card-deletion-mark" />}
          </Stack>
        }
        actions={
          <>
            {p.viewerCan.update && !p.deletionMark && (
              <Button component={RouterLink} to="edit" variant="contained" startIcon={<EditOutlined />} data-testid="product-edit">
                {t('common.edit')}
              </Button>
            )}
            {p.viewerCan.delete && !p.deletionMark && (
              <Button color="warning" startIcon={<DeleteOutlined />} onClick={() => setConfirm('mark')} data-testid="card-mark-deletion">
                {t('common.markForDeletion')}
              </Button>
            )}
            {p.viewerCan.delete && p.deletionMark && (
              <Button startIcon={<RestoreFromTrashOutlined />} onClick={() => setConfirm('restore')} data-testid="card-restore">
                {t('common.restore')}
              </Button>
            )}
          </>
        }
      />
      <SalesErrorAlert error={markState.error} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <FormSection title={t('catalog.product.sectionMain')}>
            <DetailsList
              items={[
                { label: t('catalog.product.group'), value: p.group?.name },
                { label: t('catalog.product.unit'), value: p.unit },
                { label: t('catalog.product.description'), value: p.description },
                { label: t('common.createdAt'), value: formatDateTime(p.createdAt) },
                { label: t('common.updatedAt'), value: formatDateTime(p.updatedAt) },
              ]}
            />
          </FormSection>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <FormSection title={t('catalog.product.sectionPrice')}>
            <DetailsList
              items={[
                { label: t('catalog.product.price'), value: formatMoney(p.price), testId: 'product-price-value' },
                { label: t('catalog.product.vatRate'), value: vatRateLabel(t, p.vatRate) },
                { label: t('catalog.product.costPrice'), value: p.costPrice ? formatMoney(p.costPrice) : null },
                { label: t('catalog.product.trackSerials'), value: p.trackSerials ? t('common.yes') : t('common.no') },
                {
                  label: t('catalog.product.warrantyMonths'),
                  value: p.warrantyMonths != null ? t('catalog.product.months', { count: p.warrantyMonths }) : null,
                },
              ]}
            />
          </FormSection>
        </Grid>
      </Grid>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'mark' ? t('catalog.product.markTitle') : t('catalog.product.restoreTitle')}
        text={confirm === 'mark' ? t('catalog.product.markText', { name: p.name }) : undefined}
        confirmLabel={confirm === 'mark' ? t('common.markForDeletion') : t('common.restore')}
        danger={confirm === 'mark'}
        busy={markState.loading}
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          const deletionMark = confirm === 'mark';
          setConfirm(null);
          setMark({ variables: { id: p.id, deletionMark } }).catch(() => undefined);
        }}
      />
    </>
  );
}
