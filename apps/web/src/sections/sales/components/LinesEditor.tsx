import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../lib/errors';
import { isDecimal, lineFigures, toScaled, type VatMode } from '../lib/money';
import { Money } from './Money';

export interface VatRateOption {
  code: string;
  /** Null for "without VAT". */
  percent: string | null;
  name: string;
}

export interface PickedProduct {
  id: string;
  name: string;
  unit?: string | null;
  price?: string | null;
  vatRate?: string | null;
}

/** A line as typed: strings as in the inputs, normalised only when sent. */
export interface EditableLine {
  /** Stable React key; not sent. */
  key: string;
  product: PickedProduct | null;
  quantity: string;
  price: string;
  discountPercent: string;
  vatRate: string;
}

let nextKey = 0;
export const newLineKey = () => `l${++nextKey}`;

export function emptyLine(defaultVatRate: string): EditableLine {
  return { key: newLineKey(), product: null, quantity: '1', price: '', discountPercent: '', vatRate: defaultVatRate };
}

export function vatPercentOf(rates: readonly VatRateOption[], code: string): string | null {
  return rates.find((r) => r.code === code)?.percent ?? null;
}

/** Mistakes a line can have before it is sent, with the same limits the server applies. */
export function lineErrors(t: (key: string) => string, lines: readonly EditableLine[], submitted: boolean): FieldErrors {
  const errors: FieldErrors = {};
  lines.forEach((l, i) => {
    if (submitted && !l.product) errors[`lines.${i}.productId`] = t('sales.lines.productRequired');
    const q = toScaled(l.quantity, 3);
    if (l.quantity.trim() === '' ? submitted : !isDecimal(l.quantity) || q === null || q <= 0n) {
      errors[`lines.${i}.quantity`] = t('sales.lines.quantityPositive');
    }
    const p = toScaled(l.price, 2);
    if (l.price.trim() === '' ? submitted : !isDecimal(l.price) || p === null || p < 0n) errors[`lines.${i}.price`] = t('sales.lines.priceInvalid');
    if (l.discountPercent.trim() !== '') {
      const d = toScaled(l.discountPercent, 2);
      if (d === null || d < 0n || d > 10000n) errors[`lines.${i}.discountPercent`] = t('sales.lines.discountRange');
    }
  });
  if (submitted && lines.length === 0) errors.lines = t('sales.lines.atLeastOne');
  return errors;
}

interface Props {
  lines: readonly EditableLine[];
  onChange: (lines: EditableLine[]) => void;
  vatRates: readonly VatRateOption[];
  vatMode: VatMode;
  errors: FieldErrors;
  /** The product cell: an autocomplete over the catalog that calls `onPick`. */
  renderProductPicker: (props: { value: PickedProduct | null; onPick: (p: PickedProduct | null) => void; error?: string; index: number }) => ReactNode;
  /** Called when the user edits a field, so the server's error on it is cleared. */
  onEdited?: (field: string) => void;
  testIdPrefix: string;
}

/**
 * The table of products of an offer or invoice: product, quantity, price, discount %, VAT rate, and the line's
 * amount and VAT recomputed as one types (a preview: the server's figures are the ones kept).
 */
export function LinesEditor({ lines, onChange, vatRates, vatMode, errors, renderProductPicker, onEdited, testIdPrefix }: Props) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<EditableLine>, field: string) => {
    onChange(lines.map((l, i) => (i === index ? { ...l, ...patch } : l)));
    onEdited?.(`lines.${index}.${field}`);
  };
  const defaultRate = vatRates.find((r) => r.code === 'VAT_20')?.code ?? vatRates[0]?.code ?? '';

  return (
    <Box data-testid={`${testIdPrefix}-lines`}>
      <TableContainer sx={{ overflowX: 'auto' }}>
        <Table size="small" sx={{ minWidth: 920, '& td, & th': { px: 0.75 } }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 32 }}>№</TableCell>
              <TableCell>{t('sales.lines.product')}</TableCell>
              <TableCell sx={{ width: 100 }}>{t('sales.lines.quantity')}</TableCell>
              <TableCell sx={{ width: 130 }}>{t('sales.lines.price')}</TableCell>
              <TableCell sx={{ width: 90 }}>{t('sales.lines.discount')}</TableCell>
              <TableCell sx={{ width: 130 }}>{t('sales.lines.vatRate')}</TableCell>
              <TableCell align="right" sx={{ width: 120 }}>
                {t('sales.lines.amount')}
              </TableCell>
              <TableCell align="right" sx={{ width: 100 }}>
                {t('sales.lines.vat')}
              </TableCell>
              <TableCell sx={{ width: 40 }} />
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((line, i) => {
              const figures = lineFigures(
                { quantity: line.quantity, price: line.price, discountPercent: line.discountPercent || null, vatPercent: vatPercentOf(vatRates, line.vatRate) },
                vatMode,
              );
              const err = (f: string) => errors[`lines.${i}.${f}`];
              return (
                <TableRow key={line.key} data-testid={`${testIdPrefix}-line`} sx={{ verticalAlign: 'top' }}>
                  <TableCell sx={{ pt: 2 }}>{i + 1}</TableCell>
                  <TableCell>
                    {renderProductPicker({
                      value: line.product,
                      index: i,
                      error: err('productId'),
                      onPick: (p) =>
                        update(
                          i,
                          p
                            ? {
                                product: p,
                                price: line.product?.id === p.id && line.price ? line.price : (p.price ?? line.price),
                                vatRate: p.vatRate ?? line.vatRate,
                              }
                            : { product: null },
                          'productId',
                        ),
                    })}
                  </TableCell>
                  <TableCell>
                    <NumberCell
                      value={line.quantity}
                      onChange={(v) => update(i, { quantity: v }, 'quantity')}
                      error={err('quantity')}
                      testId={`${testIdPrefix}-line-quantity`}
                      label={t('sales.lines.quantity')}
                      suffix={line.product?.unit ?? undefined}
                    />
                  </TableCell>
                  <TableCell>
                    <NumberCell value={line.price} onChange={(v) => update(i, { price: v }, 'price')} error={err('price')} testId={`${testIdPrefix}-line-price`} label={t('sales.lines.price')} />
                  </TableCell>
                  <TableCell>
                    <NumberCell
                      value={line.discountPercent}
                      onChange={(v) => update(i, { discountPercent: v }, 'discountPercent')}
                      error={err('discountPercent')}
                      testId={`${testIdPrefix}-line-discount`}
                      label={t('sales.lines.discount')}
                      placeholder="0"
                    />
                  </TableCell>
                  <TableCell>
                    <TextField
                      select
                      fullWidth
                      size="small"
                      value={line.vatRate || defaultRate}
                      onChange={(e) => update(i, { vatRate: e.target.value }, 'vatRate')}
                      error={Boolean(err('vatRate'))}
                      helperText={err('vatRate')}
                      slotProps={{ select: { native: true }, htmlInput: { 'data-testid': `${testIdPrefix}-line-vat`, 'aria-label': t('sales.lines.vatRate') } }}
                    >
                      {vatRates.map((r) => (
                        <option key={r.code} value={r.code}>
                          {r.name}
                        </option>
                      ))}
                    </TextField>
                  </TableCell>
                  <TableCell align="right" sx={{ pt: 2 }} data-testid={`${testIdPrefix}-line-amount`}>
                    {figures ? <Money value={vatMode === 'ADDED' ? figures.total : figures.amount} /> : '—'}
                  </TableCell>
                  <TableCell align="right" sx={{ pt: 2, color: 'text.secondary' }}>
                    {figures ? <Money value={figures.vatAmount} /> : '—'}
                  </TableCell>
                  <TableCell>
                    <Tooltip title={t('sales.lines.remove')}>
                      <IconButton
                        size="small"
                        aria-label={t('sales.lines.remove')}
                        onClick={() => {
                          onChange(lines.filter((_l, j) => j !== i));
                          onEdited?.('lines');
                        }}
                        data-testid={`${testIdPrefix}-line-remove`}
                      >
                        <DeleteOutlineIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {errors.lines && (
        <Typography variant="body2" color="error" role="alert" sx={{ mt: 1 }}>
          {errors.lines}
        </Typography>
      )}
      <Button
        startIcon={<AddIcon />}
        onClick={() => {
          onChange([...lines, emptyLine(defaultRate)]);
          onEdited?.('lines');
        }}
        sx={{ mt: 1 }}
        data-testid={`${testIdPrefix}-add-line`}
      >
        {t('sales.lines.add')}
      </Button>
    </Box>
  );
}

function NumberCell({
  value,
  onChange,
  error,
  testId,
  label,
  suffix,
  placeholder,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
  testId: string;
  label: string;
  suffix?: string;
  placeholder?: string;
}) {
  return (
    <TextField
      fullWidth
      size="small"
      value={value}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(error)}
      helperText={error ?? suffix}
      slotProps={{ htmlInput: { 'data-testid': testId, inputMode: 'decimal', 'aria-label': label, style: { textAlign: 'right' } } }}
    />
  );
}
