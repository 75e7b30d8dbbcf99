import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { ProductDetailsFragment, ProductKind, VatRate } from '../../../graphql/graphql';
import { FormSection } from '../../../components/FormSection';
import { omitKey, type FieldErrors } from '../../../lib/errors';
import { focusFirstError } from '../../../lib/focus-first-error';
import { DecimalField, useDecimalProblem } from '../../client-interests/components/DecimalField';
import { SalesErrorAlert, isVersionConflict, splitSalesErrors } from '../../client-interests/lib/errors';
import { toApiDecimal } from '../../client-interests/lib/money';
import { VatRatesQuery } from '../graphql/catalog.graphql';
import { PRODUCT_KINDS, UNIT_SUGGESTIONS } from './catalog-meta';
import { ProductGroupSelect } from './ProductGroupSelect';
import { VatRateSelect } from './VatRateSelect';

/** Trimmed values; empty optional texts are empty strings (the page decides omit vs. clear). */
export interface ProductFormOutput {
  name: string;
  article: string;
  kind: ProductKind;
  unit: string;
  groupId: string | null;
  vatRate: VatRate;
  price: string;
  costPrice: string | null;
  trackSerials: boolean;
  warrantyMonths: number | null;
  description: string;
}

interface Props {
  initial?: ProductDetailsFragment;
  /** A new product may start in a group (from the list filtered by it). */
  initialGroupId?: string | null;
  submitLabel: string;
  onSubmit: (output: ProductFormOutput) => Promise<void>;
  onCancel: () => void;
  onConflict?: () => void;
}

const FIELDS = new Set(['name', 'article', 'kind', 'unit', 'groupId', 'vatRate', 'price', 'costPrice', 'trackSerials', 'warrantyMonths', 'description']);

export function ProductForm({ initial, initialGroupId, submitLabel, onSubmit, onCancel, onConflict }: Props) {
  const { t } = useTranslation();
  const decimalProblem = useDecimalProblem();
  const rates = useQuery(VatRatesQuery).data?.vatRates;
  const [name, setName] = useState(initial?.name ?? '');
  const [article, setArticle] = useState(initial?.article ?? '');
  const [kind, setKind] = useState<ProductKind>(initial?.kind ?? 'GOODS');
  const [unit, setUnit] = useState(initial?.unit ?? 'шт');
  const [groupId, setGroupId] = useState(initial?.groupId ?? initialGroupId ?? '');
  const [vatRate, setVatRate] = useState<VatRate | ''>(initial?.vatRate ?? '');
  const [price, setPrice] = useState(initial?.price ?? '');
  const [costPrice, setCostPrice] = useState(initial?.costPrice ?? '');
  const [trackSerials, setTrackSerials] = useState(initial?.trackSerials ?? false);
  const [warranty, setWarranty] = useState(initial?.warrantyMonths == null ? '' : String(initial.warrantyMonths));
  const [description, setDescription] = useState(initial?.description ?? '');
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const edited = (field: string) => setServerFields((f) => omitKey(f, field));

  // A new product takes the first rate in use (the rates table's order puts the general rate first).
  const effectiveVat: VatRate | '' = vatRate || (rates?.find((r) => r.active)?.code ?? '');

  const clientErrors: FieldErrors = {};
  if (submitted && !name.trim()) clientErrors.name = t('salesForm.required');
  if (submitted && !unit.trim()) clientErrors.unit = t('salesForm.required');
  const priceProblem = decimalProblem(price, 2, true, submitted);
  if (priceProblem) clientErrors.price = priceProblem;
  const costProblem = decimalProblem(costPrice, 2, false, submitted);
  if (costProblem) clientErrors.costPrice = costProblem;
  const warrantyNumber = Number(warranty);
  if (warranty.trim() !== '' && (!Number.isInteger(warrantyNumber) || warrantyNumber < 0 || warrantyNumber > 600)) {
    clientErrors.warrantyMonths = t('catalog.product.warrantyRange');
  }
  const errors: FieldErrors = { ...clientErrors, ...serverFields };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setSubmitted(true);
    if (!name.trim() || !unit.trim() || price.trim() === '' || !effectiveVat || Object.keys(clientErrors).length > 0) {
      focusFirstError(form);
      return;
    }
    setSaving(true);
    setGeneral([]);
    try {
      await onSubmit({
        name: name.trim(),
        article: article.trim(),
        kind,
        unit: unit.trim(),
        groupId: groupId || null,
        vatRate: effectiveVat,
        price: toApiDecimal(price),
        costPrice: costPrice.trim() ? toApiDecimal(costPrice) : null,
        trackSerials: kind === 'GOODS' && trackSerials,
        warrantyMonths: warranty.trim() === '' ? null : warrantyNumber,
        description: description.trim(),
      });
    } catch (error) {
      if (onConflict && isVersionConflict(error)) {
        onConflict();
        return;
      }
      const split = splitSalesErrors(t, error, (f) => FIELDS.has(f));
      setServerFields(split.fields);
      setGeneral(split.general);
      focusFirstError(form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="product-form">
      <SalesErrorAlert messages={general} />
      <FormSection title={t('catalog.product.sectionMain')}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 8 }}>
            <TextField
              fullWidth
              required
              autoFocus={!initial}
              label={t('catalog.product.name')}
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                edited('name');
              }}
              error={Boolean(errors.name)}
              helperText={errors.name ?? t('catalog.product.nameHint')}
              slotProps={{ htmlInput: { 'data-testid': 'product-name', maxLength: 300 } }}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <TextField
              fullWidth
              label={t('catalog.product.article')}
              value={article}
              onChange={(e) => {
                setArticle(e.target.value);
                edited('article');
              }}
              error={Boolean(errors.article)}
              helperText={errors.article}
              slotProps={{ htmlInput: { 'data-testid': 'product-article', maxLength: 50 } }}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              select
              fullWidth
              label={t('catalog.product.kind')}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as ProductKind);
                edited('kind');
                edited('trackSerials');
              }}
              error={Boolean(errors.kind)}
              helperText={errors.kind}
              slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'product-kind' } }}
            >
              {PRODUCT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`productKind.${k}`)}
                </option>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              fullWidth
              required
              label={t('catalog.product.unit')}
              value={unit}
              onChange={(e) => {
                setUnit(e.target.value);
                edited('unit');
              }}
              error={Boolean(errors.unit)}
              helperText={errors.unit}
              slotProps={{ htmlInput: { 'data-testid': 'product-unit', maxLength: 20, list: 'product-unit-suggestions' } }}
            />
            <datalist id="product-unit-suggestions">
              {UNIT_SUGGESTIONS.map((u) => (
                <option key={u} value={u} />
              ))}
            </datalist>
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <ProductGroupSelect
              label={t('catalog.product.group')}
              emptyLabel={t('catalog.product.noGroup')}
              value={groupId}
              onChange={(v) => {
                setGroupId(v);
                edited('groupId');
              }}
              error={errors.groupId}
              testId="product-group"
            />
          </Grid>
        </Grid>
      </FormSection>

      <FormSection title={t('catalog.product.sectionPrice')}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 4 }}>
            <VatRateSelect
              value={effectiveVat}
              onChange={(v) => {
                setVatRate(v);
                edited('vatRate');
              }}
              error={errors.vatRate}
              testId="product-vat-rate"
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <DecimalField
              label={t('catalog.product.price')}
              value={price}
              onChange={(v) => {
                setPrice(v);
                edited('price');
              }}
              scale={2}
              required
              showRequired={submitted}
              error={serverFields.price}
              helperText={t('catalog.product.priceHint')}
              unit="₽"
              testId="product-price"
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <DecimalField
              label={t('catalog.product.costPrice')}
              value={costPrice}
              onChange={(v) => {
                setCostPrice(v);
                edited('costPrice');
              }}
              scale={2}
              error={serverFields.costPrice}
              unit="₽"
              testId="product-cost-price"
            />
          </Grid>
        </Grid>
      </FormSection>

      <FormSection title={t('catalog.product.sectionService')}>
        <Grid container spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Grid size={{ xs: 12, sm: 6 }}>
            <FormControlLabel
              control={
                <Switch
                  checked={kind === 'GOODS' && trackSerials}
                  disabled={kind !== 'GOODS'}
                  onChange={(e) => {
                    setTrackSerials(e.target.checked);
                    edited('trackSerials');
                  }}
                  slotProps={{ input: { 'data-testid': 'product-track-serials' } as object }}
                />
              }
              label={t('catalog.product.trackSerials')}
            />
            {(errors.trackSerials || kind !== 'GOODS') && (
              <FormHelperText error={Boolean(errors.trackSerials)}>{errors.trackSerials ?? t('catalog.product.serialsGoodsOnly')}</FormHelperText>
            )}
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              fullWidth
              type="number"
              label={t('catalog.product.warrantyMonths')}
              value={warranty}
              onChange={(e) => {
                setWarranty(e.target.value);
                edited('warrantyMonths');
              }}
              error={Boolean(errors.warrantyMonths)}
              helperText={errors.warrantyMonths ?? t('catalog.product.warrantyHint')}
              slotProps={{ htmlInput: { 'data-testid': 'product-warranty', min: 0, max: 600, step: 1, inputMode: 'numeric' } }}
            />
          </Grid>
          <Grid size={12}>
            <TextField
              fullWidth
              multiline
              minRows={2}
              label={t('catalog.product.description')}
              value={description}
              onChange={(e) => {
                setDescription(e.target.value);
                edited('description');
              }}
              error={Boolean(errors.description)}
              helperText={errors.description}
              slotProps={{ htmlInput: { 'data-testid': 'product-description', maxLength: 5000 } }}
            />
          </Grid>
        </Grid>
      </FormSection>

      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={saving} data-testid="product-save">
          {saving ? t('common.saving') : submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
