import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { ADDRESS_PART_KEYS, type AddressPartKey, type AddressPartsDraft } from './rows';

/** Wider inputs for the parts people type long names into. */
const WIDE: ReadonlySet<AddressPartKey> = new Set(['region', 'city', 'street', 'settlement', 'district', 'country']);

export function AddressPartsEditor({
  parts,
  onChange,
}: {
  parts: AddressPartsDraft;
  onChange: (key: AddressPartKey, value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Grid container spacing={1}>
      {ADDRESS_PART_KEYS.map((key) => (
        <Grid key={key} size={WIDE.has(key) ? { xs: 12, sm: 6, md: 4 } : { xs: 6, sm: 3, md: 2 }}>
          <TextField
            fullWidth
            label={t(`address.${key}`)}
            value={parts[key]}
            onChange={(e) => onChange(key, e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': `ci-part-${key}` } }}
          />
        </Grid>
      ))}
    </Grid>
  );
}
