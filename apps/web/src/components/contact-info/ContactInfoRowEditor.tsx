import Box from '@mui/material/Box';
import Collapse from '@mui/material/Collapse';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import ListAltOutlined from '@mui/icons-material/ListAltOutlined';
import { useTranslation } from 'react-i18next';
import type { ContactInfoType } from '../../graphql/graphql';
import { AddressPartsEditor } from './AddressPartsEditor';
import { kindsFor, useKindLabel, type Kind } from './kinds';
import { addressPreview, CONTACT_INFO_TYPES, type AddressPartKey, type ContactInfoRow, type RowErrors } from './rows';

export const NEW_KIND = '__new__';

interface Props {
  index: number;
  row: ContactInfoRow;
  kinds: readonly Kind[];
  /** Texts to show under the inputs (already translated). */
  errors: RowErrors;
  onChange: (patch: Partial<ContactInfoRow>) => void;
  onTypeChange: (type: ContactInfoType) => void;
  onRemove: () => void;
  onAddKind: () => void;
}

const VALUE_INPUT: Partial<Record<ContactInfoType, { type: string; inputMode?: 'tel' | 'email' | 'url'; autoComplete?: string }>> = {
  PHONE: { type: 'tel', inputMode: 'tel', autoComplete: 'off' },
  FAX: { type: 'tel', inputMode: 'tel', autoComplete: 'off' },
  EMAIL: { type: 'email', inputMode: 'email', autoComplete: 'off' },
  WEB_PAGE: { type: 'url', inputMode: 'url', autoComplete: 'off' },
};

/**
 * One contact-information line. Native selects: they are reliable on phones and in browser tests
 * (`selectOption`), and the "add new kind…" entry is just one more option.
 */
export function ContactInfoRowEditor({ index, row, kinds, errors, onChange, onTypeChange, onRemove, onAddKind }: Props) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const options = kindsFor(kinds, row.type, row.kindId);
  const isAddress = row.type === 'ADDRESS';
  const preview = isAddress && row.structured && !row.value.trim() ? addressPreview(row) : '';
  const input = VALUE_INPUT[row.type];

  return (
    <Box
      data-testid={`ci-row-${index}`}
      sx={{ py: 1.5, borderBottom: 1, borderColor: 'divider', '&:last-of-type': { borderBottom: 0 } }}
    >
      <Grid container spacing={1} sx={{ alignItems: 'flex-start' }}>
        <Grid size={{ xs: 6, md: 2 }}>
          <TextField
            select
            fullWidth
            label={t('contactInfo.typeLabel')}
            value={row.type}
            onChange={(e) => onTypeChange(e.target.value as ContactInfoType)}
            error={Boolean(errors.type)}
            helperText={errors.type}
            slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'ci-type' }, inputLabel: { shrink: true } }}
          >
            {CONTACT_INFO_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`contactInfo.type.${type}`)}
              </option>
            ))}
          </TextField>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <TextField
            select
            fullWidth
            label={t('contactInfo.kindLabel')}
            value={row.kindId}
            onChange={(e) => (e.target.value === NEW_KIND ? onAddKind() : onChange({ kindId: e.target.value }))}
            error={Boolean(errors.kindId)}
            helperText={errors.kindId}
            slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'ci-kind' }, inputLabel: { shrink: true } }}
          >
            {!row.kindId && <option value="">{t('contactInfo.chooseKind')}</option>}
            {options.map((kind) => (
              <option key={kind.id} value={kind.id}>
                {kindLabel(kind)}
                {kind.deletionMark ? ` (${t('common.markedForDeletion')})` : ''}
              </option>
            ))}
            <option value={NEW_KIND}>{t('contactInfo.addKind')}</option>
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField
            fullWidth
            label={t('contactInfo.value')}
            value={row.value}
            placeholder={preview || t(`contactInfo.placeholder.${row.type}`)}
            onChange={(e) => onChange({ value: e.target.value })}
            error={Boolean(errors.value)}
            helperText={errors.value}
            multiline={isAddress}
            maxRows={isAddress ? 3 : undefined}
            slotProps={{
              htmlInput: { 'data-testid': 'ci-value', maxLength: 500, ...input },
              inputLabel: preview ? { shrink: true } : undefined,
            }}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
            <TextField
              fullWidth
              label={t('contactInfo.comment')}
              value={row.comment}
              onChange={(e) => onChange({ comment: e.target.value })}
              error={Boolean(errors.comment)}
              helperText={errors.comment}
              slotProps={{ htmlInput: { 'data-testid': 'ci-comment', maxLength: 500 } }}
            />
            {isAddress && (
              <Tooltip title={t(row.structured ? 'contactInfo.collapseParts' : 'contactInfo.expandParts')}>
                <IconButton
                  aria-label={t(row.structured ? 'contactInfo.collapseParts' : 'contactInfo.expandParts')}
                  aria-pressed={row.structured}
                  color={row.structured ? 'primary' : 'default'}
                  onClick={() => onChange({ structured: !row.structured })}
                  data-testid="ci-parts-toggle"
                >
                  <ListAltOutlined />
                </IconButton>
              </Tooltip>
            )}
            <Tooltip title={t('contactInfo.remove')}>
              <IconButton aria-label={t('contactInfo.remove')} onClick={onRemove} data-testid="ci-remove">
                <DeleteOutlined />
              </IconButton>
            </Tooltip>
          </Stack>
        </Grid>
      </Grid>
      {isAddress && (
        <Collapse in={row.structured} unmountOnExit>
          <Box sx={{ pt: 1.5 }}>
            <AddressPartsEditor
              parts={row.parts}
              onChange={(key: AddressPartKey, value: string) => onChange({ parts: { ...row.parts, [key]: value } })}
            />
          </Box>
        </Collapse>
      )}
    </Box>
  );
}
