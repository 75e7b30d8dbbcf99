import TextField from '@mui/material/TextField';

interface Props {
  label: string;
  /** The input's own value, "2026-12-01T10:00" (wall-clock time in the user's zone). */
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  error?: string;
  helperText?: string;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  /** "date" for a day only (list filters). */
  type?: 'datetime-local' | 'date';
  fullWidth?: boolean;
}

/**
 * A native date-time input: the phone's own picker on mobile, typing on desktop, and `fill('2026-12-01T10:00')`
 * in browser tests. Converting to and from UTC is the caller's job (lib/date-input), in the user's time zone.
 */
export function DateTimeField({ label, value, onChange, testId, error, helperText, required, disabled, autoFocus, type = 'datetime-local', fullWidth = true }: Props) {
  return (
    <TextField
      type={type}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required={required}
      disabled={disabled}
      autoFocus={autoFocus}
      fullWidth={fullWidth}
      error={Boolean(error)}
      helperText={error ?? helperText}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': testId, step: type === 'date' ? undefined : 60 } }}
    />
  );
}
