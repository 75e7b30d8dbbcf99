import type { FormEvent, ReactNode } from 'react';
import Button, { type ButtonProps } from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';

interface Props {
  /** data-testid of the form. */
  testId: string;
  title: string;
  /** The event's subject, shown under the title. */
  subject: string;
  /** Errors not tied to a field. */
  general: string[];
  onSubmit: (e: FormEvent) => void;
  onClose: () => void;
  closeLabel: string;
  submitLabel: string;
  submitColor?: ButtonProps['color'];
  submitTestId: string;
  loading: boolean;
  /** The action's own fields. */
  children: ReactNode;
}

/** The frame shared by the complete / reschedule / cancel dialogs: title, subject, errors, fields, close and submit. */
export function EventActionForm({
  testId,
  title,
  subject,
  general,
  onSubmit,
  onClose,
  closeLabel,
  submitLabel,
  submitColor,
  submitTestId,
  loading,
  children,
}: Props) {
  const { t } = useTranslation();
  return (
    <form onSubmit={onSubmit} noValidate data-testid={testId}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 0.5 }}>
          <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
            {subject}
          </Typography>
          <ErrorAlert messages={general} />
          {children}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{closeLabel}</Button>
        <Button type="submit" variant="contained" color={submitColor} disabled={loading} data-testid={submitTestId}>
          {loading ? t('common.saving') : submitLabel}
        </Button>
      </DialogActions>
    </form>
  );
}
