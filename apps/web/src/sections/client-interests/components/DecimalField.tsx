import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { decimalInputProblem } from '../lib/money';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** 2 for money, 3 for quantities. */
  scale: number;
  required?: boolean;
  /** Show "required" when empty (after a submit attempt). */
  showRequired?: boolean;
  /** A server (or caller) error; wins over the as-you-type check. */
  error?: string;
  helperText?: string;
  testId?: string;
  unit?: string;
  disabled?: boolean;
  size?: 'small' | 'medium';
  fullWidth?: boolean;
  autoFocus?: boolean;
}

/** The as-you-type text for a typed amount or quantity, or undefined when it is fine. */
export function useDecimalProblem() {
  const { t } = useTranslation();
  return (value: string, scale: number, required: boolean, showRequired: boolean): string | undefined => {
    if (value.trim() === '') return required && showRequired ? t('salesForm.required') : undefined;
    const problem = decimalInputProblem(value, scale);
    return problem ? t(`salesForm.decimal.${problem}`, { scale }) : undefined;
  };
}

/**
 * A money or quantity input: accepts a comma or a point, checks as you type with the server's rules, and hands
 * the text back unchanged (the caller converts with `toApiDecimal` when saving), so nothing passes through a float.
 */
export function DecimalField({ label, value, onChange, scale, required, showRequired, error, helperText, testId, unit, disabled, size, fullWidth = true, autoFocus }: Props) {
  const problem = useDecimalProblem()(value, scale, Boolean(required), Boolean(showRequired));
  const shown = error ?? problem;
  return (
    <TextField
      fullWidth={fullWidth}
      size={size}
      label={label}
      value={value}
      required={required}
      disabled={disabled}
      autoFocus={autoFocus}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(shown)}
      helperText={shown ?? helperText}
      slotProps={{
        input: unit ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } : undefined,
        htmlInput: { 'data-testid': testId, inputMode: 'decimal', autoComplete: 'off', style: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } },
      }}
    />
  );
}
