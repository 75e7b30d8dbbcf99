import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../lib/errors';
import { ProductPicker, type PickedProduct } from '../../catalog/components/ProductPicker';
import { lineAmount, formatMoney, sumMoney, toApiDecimal, decimalInputProblem } from '../lib/money';
import { DecimalField } from './DecimalField';

/** A line as edited: texts as typed, so a half-typed «2,» is not lost. */
export interface LineDraft {
  key: string;
  product: PickedProduct | null;
  quantity: string;
  price: string;
}

let seq = 0;
export const newLine = (): LineDraft => ({ key: `l${++seq}`, product: null, quantity: '1', price: '' });

/** The preview of a line's amount, or null while its quantity or price is not a number yet. */
export function draftAmount(line: LineDraft): string | null {
  if (decimalInputProblem(line.quantity, 3) || decimalInputProblem(line.price, 2)) return null;
  return lineAmount(toApiDecimal(line.quantity), toApiDecimal(line.price));
}

export function draftsTotal(lines: readonly LineDraft[]): string {
  return sumMoney(lines.map(draftAmount));
}

interface Props {
  lines: readonly LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  /** Field errors keyed `lines.<index>.<field>` (client checks and the server's). */
  errors: FieldErrors;
  showRequired: boolean;
  onEdited: (field: string) => void;
}

/**
 * The products of a deal: product, quantity, price (the product's price when chosen) and the line's amount, with
 * the total under them. On phones each line stacks its fields.
 */
export function InterestLinesEditor({ lines, onChange, errors, showRequired, onEdited }: Props) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<LineDraft>) => onChange(lines.map((l, i) => (i === index ? { ...l, ...patch } : l)));

  return (
    <Box data-testid="interest-lines">
      {lines.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('interests.form.noLines')}
        </Typography>
      )}
      <Stack spacing={1.5}>
        {lines.map((line, index) => {
          const amount = draftAmount(line);
          return (
            <Box
              key={line.key}
              data-testid="interest-line"
              sx={{
                display: 'grid',
                gap: 1,
                alignItems: 'start',
                gridTemplateColumns: { xs: '1fr 1fr', md: 'minmax(220px, 3fr) minmax(90px, 1fr) minmax(110px, 1.2fr) minmax(110px, 1.2fr) auto' },
                pb: { xs: 1.5, md: 0 },
                borderBottom: { xs: 1, md: 0 },
                borderColor: 'divider',
              }}
            >
              <Box sx={{ gridColumn: { xs: '1 / -1', md: 'auto' } }}>
                <ProductPicker
                  size="small"
                  value={line.product}
                  onChange={(product) => {
                    // Choosing a product fills its price; the manager may still change it for this deal.
                    update(index, { product, price: product ? product.price : line.price });
                    onEdited(`lines.${index}.productId`);
                    onEdited(`lines.${index}.price`);
                  }}
                  label={t('interests.form.lineProduct', { n: index + 1 })}
                  error={errors[`lines.${index}.productId`] ?? (showRequired && !line.product ? t('interests.form.chooseProduct') : undefined)}
                  testId="interest-line-product"
                />
              </Box>
              <DecimalField
                size="small"
                label={line.product ? t('interests.form.quantityUnit', { unit: line.product.unit }) : t('interests.form.quantity')}
                value={line.quantity}
                onChange={(quantity) => {
                  update(index, { quantity });
                  onEdited(`lines.${index}.quantity`);
                }}
                scale={3}
                required
                showRequired={showRequired}
                error={errors[`lines.${index}.quantity`]}
                testId="interest-line-quantity"
              />
              <DecimalField
                size="small"
                label={t('interests.form.price')}
                value={line.price}
                onChange={(price) => {
                  update(index, { price });
                  onEdited(`lines.${index}.price`);
                }}
                scale={2}
                required
                showRequired={showRequired}
                error={errors[`lines.${index}.price`]}
                testId="interest-line-price"
              />
              <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', justifyContent: 'space-between', gridColumn: { xs: '1 / -1', md: 'auto / span 2' }, minHeight: 40 }}>
                <Box>
                  <Typography variant="caption" color="text.secondary" component="div">
                    {t('interests.form.amount')}
                  </Typography>
                  <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 500 }} data-testid="interest-line-amount">
                    {amount === null ? '—' : formatMoney(amount)}
                  </Typography>
                </Box>
                <Tooltip title={t('interests.form.removeLine')}>
                  <IconButton
                    onClick={() => onChange(lines.filter((_, i) => i !== index))}
                    aria-label={t('interests.form.removeLineN', { n: index + 1 })}
                    data-testid="interest-line-remove"
                  >
                    <DeleteOutlined fontSize="small" />
                  </IconButton>
                </Tooltip>
              </Stack>
            </Box>
          );
        })}
      </Stack>
      <Stack direction="row" sx={{ mt: 1.5, alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}>
        <Button startIcon={<AddIcon />} onClick={() => onChange([...lines, newLine()])} data-testid="interest-line-add">
          {t('interests.form.addLine')}
        </Button>
        {lines.length > 0 && (
          <Typography sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }} data-testid="interest-lines-total">
            {t('interests.form.linesTotal')}: {formatMoney(draftsTotal(lines))}
          </Typography>
        )}
      </Stack>
    </Box>
  );
}
