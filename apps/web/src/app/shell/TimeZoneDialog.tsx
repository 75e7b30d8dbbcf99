import { useMemo, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../graphql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { splitErrors } from '../../lib/errors';
import { useAuth } from '../auth';

const SetMyTimeZoneMutation = graphql(`
  mutation SetMyTimeZone($timeZone: String!) {
    setMyTimeZone(timeZone: $timeZone) {
      id
      timeZone
      version
    }
  }
`);

interface ZoneOption {
  zone: string;
  offset: string;
  minutes: number;
}

/** "GMT+03:00" for a zone now (DST-aware), and the same in minutes for sorting. */
function offsetOf(zone: string, at: Date): { offset: string; minutes: number } {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
    if (!m) return { offset: 'UTC+00:00', minutes: 0 };
    const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
    return { offset: `UTC${m[1]}${m[2]}:${m[3]}`, minutes };
  } catch {
    return { offset: '', minutes: 0 };
  }
}

function zoneList(current: string, device: string): ZoneOption[] {
  const names = new Set<string>(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  names.add('UTC');
  names.add(current);
  names.add(device);
  const now = new Date();
  return [...names]
    .map((zone) => ({ zone, ...offsetOf(zone, now) }))
    .sort((a, b) => a.minutes - b.minutes || a.zone.localeCompare(b.zone));
}

const label = (o: ZoneOption) => `(${o.offset}) ${o.zone.replace(/_/g, ' ')}`;

/** The user's time zone (IANA): times everywhere are shown in it and typed in it. */
export default function TimeZoneDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const device = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const options = useMemo(() => zoneList(user.timeZone, device), [user.timeZone, device]);
  const [value, setValue] = useState<ZoneOption | null>(() => options.find((o) => o.zone === user.timeZone) ?? null);
  const [error, setError] = useState<string | undefined>();
  const [general, setGeneral] = useState<string[]>([]);
  const [save, { loading }] = useMutation(SetMyTimeZoneMutation);
  const deviceOption = options.find((o) => o.zone === device);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!value) return;
    setError(undefined);
    setGeneral([]);
    try {
      await save({ variables: { timeZone: value.zone } });
      onClose();
    } catch (err) {
      const split = splitErrors(t, err, (f) => f === 'timeZone');
      setError(split.fields.timeZone);
      setGeneral(split.general);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" data-testid="time-zone-dialog">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{t('timeZone.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{t('timeZone.text')}</DialogContentText>
            <ErrorAlert messages={general} />
            <Autocomplete<ZoneOption, false, false, false>
              options={options}
              value={value}
              onChange={(_e, v) => {
                setValue(v);
                setError(undefined);
              }}
              getOptionLabel={label}
              isOptionEqualToValue={(a, b) => a.zone === b.zone}
              noOptionsText={t('search.nothingFound')}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label={t('timeZone.label')}
                  error={Boolean(error)}
                  helperText={error}
                  autoFocus
                  slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'time-zone-input' } }}
                />
              )}
            />
            {deviceOption && deviceOption.zone !== value?.zone && (
              <Button sx={{ alignSelf: 'flex-start' }} onClick={() => setValue(deviceOption)} data-testid="time-zone-device">
                {t('timeZone.useDevice', { zone: label(deviceOption) })}
              </Button>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!value || loading || value.zone === user.timeZone} data-testid="time-zone-save">
            {loading ? t('common.saving') : t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
