import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import type { ContactInfoType } from '../../graphql/graphql';
import { AddKindDialog } from './AddKindDialog';
import { ContactInfoRowEditor } from './ContactInfoRowEditor';
import { defaultKindId, useContactInfoKinds } from './kinds';
import { isBlank, newRow, validateRow, type ContactInfoRow, type RowErrors } from './rows';

interface Props {
  rows: ContactInfoRow[];
  onChange: (rows: ContactInfoRow[]) => void;
  /** Server errors per row key (already translated); cleared by the form when a row changes. */
  serverErrors: Record<string, RowErrors>;
  /** After a save attempt every line shows its problems, not only the ones being typed in. */
  showAllErrors: boolean;
}

/**
 * The list of contact information of a counterparty or person: several phones, addresses and so on,
 * each with a kind (Legal address, Mobile phone, …) that the user may extend on the spot.
 */
export function ContactInfoEditor({ rows, onChange, serverErrors, showAllErrors }: Props) {
  const { t } = useTranslation();
  const { kinds, error: kindsError } = useContactInfoKinds();
  const [addKindFor, setAddKindFor] = useState<{ key: string; type: ContactInfoType } | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());

  // Lines added before the kinds arrived get the default kind of their type once they do.
  useEffect(() => {
    const fillable = rows.some((r) => !r.kindId && defaultKindId(kinds, r.type));
    if (!fillable) return; // also stops the loop when a type has no kinds at all
    onChange(rows.map((r) => (r.kindId ? r : { ...r, kindId: defaultKindId(kinds, r.type) })));
  }, [kinds, rows, onChange]);

  const update = (key: string, patch: Partial<ContactInfoRow>) => {
    setTouched((prev) => new Set(prev).add(key));
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };

  const errorsOf = (row: ContactInfoRow): RowErrors => {
    const server = serverErrors[row.key] ?? {};
    const show = showAllErrors || (touched.has(row.key) && !isBlank(row));
    const client = show ? validateRow(row) : {};
    const text = (code?: string) => (code ? t(code === 'KIND_REQUIRED' ? 'contactInfo.chooseKind' : `reason.${code}`) : undefined);
    return {
      type: server.type,
      kindId: server.kindId ?? text(client.kindId),
      value: server.value ?? text(client.value),
      comment: server.comment,
    };
  };

  return (
    <Box>
      {kindsError && <Alert severity="warning">{t('contactInfo.kindsUnavailable')}</Alert>}
      {rows.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
          {t('contactInfo.none')}
        </Typography>
      )}
      {rows.map((row, index) => (
        <ContactInfoRowEditor
          key={row.key}
          index={index}
          row={row}
          kinds={kinds}
          errors={errorsOf(row)}
          onChange={(patch) => update(row.key, patch)}
          onTypeChange={(type) =>
            update(row.key, { type, kindId: defaultKindId(kinds, type), structured: type === 'ADDRESS' && row.structured })
          }
          onRemove={() => onChange(rows.filter((r) => r.key !== row.key))}
          onAddKind={() => setAddKindFor({ key: row.key, type: row.type })}
        />
      ))}
      <Button
        startIcon={<AddIcon />}
        onClick={() => onChange([...rows, newRow('PHONE', defaultKindId(kinds, 'PHONE'))])}
        data-testid="ci-add"
        sx={{ mt: 1 }}
      >
        {t('contactInfo.add')}
      </Button>
      <AddKindDialog
        type={addKindFor?.type ?? null}
        onClose={() => setAddKindFor(null)}
        onCreated={(kindId) => {
          if (addKindFor) update(addKindFor.key, { kindId });
          setAddKindFor(null);
        }}
      />
    </Box>
  );
}
