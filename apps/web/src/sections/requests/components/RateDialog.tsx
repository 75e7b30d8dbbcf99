import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Rating from '@mui/material/Rating';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RateClientRequestMutation } from '../graphql/requests.graphql';
import { requestErrorTexts } from './request-errors';

interface Target {
  id: string;
  subject: string;
  satisfaction?: number | null;
}

export function RateDialog({ request, onClose, onDone }: { request: Target | null; onClose: () => void; onDone: () => void }) {
  return (
    <Dialog open={Boolean(request)} onClose={onClose} maxWidth="xs" fullWidth>
      {request && <RateForm request={request} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

/** The client's satisfaction with the solution, 1 to 5 stars. */
function RateForm({ request, onClose, onDone }: { request: Target; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | null>(request.satisfaction ?? null);
  const [hover, setHover] = useState(-1);
  const [errors, setErrors] = useState<string[]>([]);
  const [rate, { loading }] = useMutation(RateClientRequestMutation);
  const shown = hover > 0 ? hover : value;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!value) {
      setErrors([t('request.rateRequired')]);
      return;
    }
    try {
      await rate({ variables: { id: request.id, satisfaction: value } });
      onDone();
    } catch (error) {
      setErrors(requestErrorTexts(t, error));
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="rate-form">
      <DialogTitle>{t('request.rateTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1.5} sx={{ pt: 0.5, alignItems: 'flex-start' }}>
          <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
            {request.subject}
          </Typography>
          <ErrorAlert messages={errors} />
          <Rating
            name="satisfaction"
            size="large"
            value={value}
            onChange={(_e, v) => {
              setValue(v);
              setErrors([]);
            }}
            onChangeActive={(_e, v) => setHover(v)}
            getLabelText={(v) => t(`satisfaction.${v}`)}
            data-testid="request-rating"
          />
          <Typography variant="body2" sx={{ minHeight: 20 }}>
            {shown ? t(`satisfaction.${shown}`) : ''}
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={loading} data-testid="rate-save">
          {loading ? t('common.saving') : t('common.save')}
        </Button>
      </DialogActions>
    </form>
  );
}
