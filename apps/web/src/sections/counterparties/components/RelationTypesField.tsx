import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import DoneIcon from '@mui/icons-material/Done';
import { useTranslation } from 'react-i18next';
import type { RelationType } from '../../../graphql/graphql';

export const RELATION_TYPES: readonly RelationType[] = [
  'CLIENT',
  'POTENTIAL_CLIENT',
  'SUPPLIER',
  'PARTNER',
  'COMPETITOR',
  'OTHER',
];

/** Toggle chips: a counterparty may be a client and a supplier at once, as in 1C. */
export function RelationTypesField({
  value,
  onChange,
  error,
}: {
  value: readonly RelationType[];
  onChange: (value: RelationType[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const toggle = (type: RelationType) =>
    onChange(value.includes(type) ? value.filter((v) => v !== type) : RELATION_TYPES.filter((r) => r === type || value.includes(r)));
  return (
    <FormControl error={Boolean(error)} component="fieldset" sx={{ width: '100%' }}>
      <FormLabel component="legend" sx={{ fontSize: 13, mb: 0.5 }}>
        {t('counterparty.relationTypes')}
      </FormLabel>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {RELATION_TYPES.map((type) => {
          const on = value.includes(type);
          return (
            <Chip
              key={type}
              label={t(`relationType.${type}`)}
              color={on ? 'primary' : 'default'}
              variant={on ? 'filled' : 'outlined'}
              icon={on ? <DoneIcon /> : undefined}
              onClick={() => toggle(type)}
              aria-pressed={on}
              data-testid={`cp-relation-${type}`}
            />
          );
        })}
      </Stack>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}
