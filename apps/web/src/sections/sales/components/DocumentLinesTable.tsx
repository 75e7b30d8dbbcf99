import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import { formatPercent, formatQuantity, toScaled } from '../lib/money';
import { Money } from './Money';

export interface ShownLine {
  id: string;
  lineNo: number;
  product?: { name: string; unit?: string | null } | null;
  quantity: string;
  price: string;
  discountPercent: string;
  vatPercent?: string | null;
  amount: string;
  vat: string;
  total: string;
}

/** The saved lines of a document as the server computed them (the figures that are printed). */
export function DocumentLinesTable({ lines, testId }: { lines: readonly ShownLine[]; testId?: string }) {
  const { t } = useTranslation();
  const anyDiscount = lines.some((l) => (toScaled(l.discountPercent, 2) ?? 0n) !== 0n);
  return (
    <TableContainer sx={{ overflowX: 'auto' }} data-testid={testId}>
      <Table size="small" sx={{ minWidth: 720 }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 32 }}>№</TableCell>
            <TableCell>{t('sales.lines.product')}</TableCell>
            <TableCell align="right">{t('sales.lines.quantity')}</TableCell>
            <TableCell align="right">{t('sales.lines.price')}</TableCell>
            {anyDiscount && <TableCell align="right">{t('sales.lines.discount')}</TableCell>}
            <TableCell align="right">{t('sales.lines.vatRate')}</TableCell>
            <TableCell align="right">{t('sales.lines.vat')}</TableCell>
            <TableCell align="right">{t('sales.lines.amount')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((l) => (
            <TableRow key={l.id} data-testid="document-line">
              <TableCell>{l.lineNo}</TableCell>
              <TableCell>{l.product?.name ?? '—'}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {formatQuantity(l.quantity)} {l.product?.unit ?? ''}
              </TableCell>
              <TableCell align="right">
                <Money value={l.price} />
              </TableCell>
              {anyDiscount && <TableCell align="right">{formatPercent(l.discountPercent)}</TableCell>}
              <TableCell align="right">{l.vatPercent == null ? t('sales.lines.noVat') : formatPercent(l.vatPercent)}</TableCell>
              <TableCell align="right">
                <Money value={l.vat} />
              </TableCell>
              <TableCell align="right">
                <Money value={l.total} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
