import { Dec, money } from '../money';

const MONTHS_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/**
 * Money as Russian print forms write it: groups of three digits separated by a space, a comma before the
 * kopecks — «1 234 567,89». An ordinary space (not a no-break one) so that text extracted from the PDF can be
 * searched for plainly.
 */
export function formatMoneyRu(value: string | Dec): string {
  const [int, frac] = money(value).split('.');
  const negative = int.startsWith('-');
  const digits = negative ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${negative ? '-' : ''}${grouped},${frac}`;
}

/** A quantity without trailing zeros: «3», «2,5», «0,125». */
export function formatQuantityRu(value: string | Dec): string {
  const s = new Dec(value).toFixed();
  const [int, frac] = s.split('.');
  return frac ? `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${frac}` : int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** A percent as written in the VAT lines: «20», «7», «12,5». */
export function formatPercentRu(value: string | Dec): string {
  return new Dec(value).toFixed().replace('.', ',');
}

/** `2026-01-15` → «15 января 2026 г.» */
export function formatDateLongRu(localDate: string): string {
  const [y, m, d] = localDate.split('-').map(Number);
  return `${d} ${MONTHS_GENITIVE[m - 1]} ${y} г.`;
}

/** `2026-01-15` → «15.01.2026» */
export function formatDateRu(localDate: string): string {
  const [y, m, d] = localDate.split('-');
  return `${d}.${m}.${y}`;
}

/** «Иванов Иван Иванович» → «Иванов И. И.», as signature lines show a name. */
export function initials(fullName: string | null | undefined): string {
  const parts = (fullName ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts[0]} ${parts.slice(1).map((p) => `${p[0]}.`).join(' ')}`;
}
