import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import { apiErrors, errorText } from '../lib/errors';

/** Errors that belong to no field (or a whole failed request), translated. */
export function ErrorAlert({ error, messages }: { error?: unknown; messages?: readonly string[] }) {
  const { t } = useTranslation();
  const texts = [...(messages ?? []), ...apiErrors(error).map((e) => errorText(t, e))];
  const unique = [...new Set(texts)];
  if (unique.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ mb: 2 }} role="alert">
      {unique.map((text) => (
        <Alert key={text} severity="error">
          {text}
        </Alert>
      ))}
    </Stack>
  );
}
