import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { omitKey, type FieldErrors } from '../../../lib/errors';
import { MarkClientInterestLostMutation, SalesReferenceQuery } from '../graphql/interest.graphql';
import { SalesErrorAlert, splitSalesErrors } from '../lib/errors';

interface Props {
  /** The interest to mark lost; null keeps the dialog closed. */
  interest: { id: string; number: string; version?: number } | null;
  onClose: () => void;
  /** After the server accepted the loss. */
  onDone?: () => void;
}

/** «Mark lost»: a loss is only recorded with its reason (the funnel report counts them), plus an optional comment. */
export function MarkLostDialog({ interest, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { data } = useQuery(SalesReferenceQuery);
  const reasons = (data?.lossReasons ?? []).filter((r) => r.active);
  const [reasonId, setReasonId] = useState('');
  const [comment, setComment] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [fields, setFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [markLost, { loading }] = useMutation(MarkClientInterestLostMutation, {
    refetchQueries: ['ClientInterestBoard', 'ClientInterests', 'StalledClientInterests', 'CounterpartyInterests', 'ClientInterestStageHistory'],
  });

  const reset = () => {
    setReasonId('');
    setComment('');
    setSubmitted(false);
    setFields({});
    setGeneral([]);
  };
  const close = () => {
    reset();
    onClose();
  };

  const reasonError = fields.lossReasonId ?? (submitted && !reasonId ? t('interests.lost.reasonRequired') : undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!interest || !reasonId) return;
    setGeneral([]);
    try {
      await markLost({
        variables: { id: interest.id, input: { lossReasonId: reasonId, comment: comment.trim() || null, version: interest.version } },
      });
      reset();
      onDone?.();
      onClose();
    } catch (error) {
      const split = splitSalesErrors(t, error, (f) => f === 'lossReasonId' || f === 'comment');
      setFields(split.fields);
      setGeneral(split.general);
    }
  }

  return (
    <Dialog open={interest !== null} onClose={close} maxWidth="xs" fullWidth data-testid="loss-dialog">
      <Box component="form" onSubmit={submit} noValidate>
        <DialogTitle>{t('interests.lost.title', { number: interest?.number ?? '' })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('interests.lost.text')}</DialogContentText>
          <SalesErrorAlert messages={general} />
          <Stack spacing={2}>
            <TextField
              select
              fullWidth
              required
              autoFocus
              label={t('interests.lossReason')}
              value={reasonId}
              onChange={(e) => {
                setReasonId(e.target.value);
                setFields((f) => omitKey(f, 'lossReasonId'));
              }}
              error={Boolean(reasonError)}
              helperText={reasonError}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'loss-reason' } }}
            >
              <option value="" />
              {reasons.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </TextField>
            <TextField
              fullWidth
              multiline
              minRows={2}
              label={t('interests.lossComment')}
              value={comment}
              onChange={(e) => {
                setComment(e.target.value);
                setFields((f) => omitKey(f, 'comment'));
              }}
              error={Boolean(fields.comment)}
              helperText={fields.comment}
              slotProps={{ htmlInput: { 'data-testid': 'loss-comment', maxLength: 2000 } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" color="error" disabled={loading} data-testid="loss-save">
            {t('interests.lost.save')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
