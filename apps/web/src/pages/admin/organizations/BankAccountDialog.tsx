import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { BankAccountFieldsFragment } from '../../../graphql/graphql';
import { omitKey, type FieldErrors } from '../../../lib/errors';
import { focusFirstError } from '../../../lib/focus-first-error';
import { SalesErrorAlert, isVersionConflict, splitSalesErrors } from '../../../sections/client-interests/lib/errors';
import { CreateBankAccountMutation, UpdateBankAccountMutation } from './organizations.graphql';

const FIELDS = ['bankName', 'bik', 'correspondentAccount', 'accountNumber', 'bankCity'] as const;
type Field = (typeof FIELDS)[number];
const KNOWN = new Set<string>([...FIELDS, 'isDefault', 'organizationId']);

/**
 * A bank account of our organization. The format is checked as you type; the control key of the account against
 * the BIK is the server's check (its reason is shown at the field).
 */
export function BankAccountDialog({ organizationId, account, onClose }: { organizationId: string; account: BankAccountFieldsFragment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>(
    () => Object.fromEntries(FIELDS.map((f) => [f, account?.[f] ?? ''])) as Record<Field, string>,
  );
  const [isDefault, setIsDefault] = useState(account?.isDefault ?? false);
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [create] = useMutation(CreateBankAccountMutation, { refetchQueries: ['Organizations'] });
  const [update] = useMutation(UpdateBankAccountMutation, { refetchQueries: ['Organizations'] });
  const set = (f: Field, v: string) => {
    setValues((x) => ({ ...x, [f]: v }));
    setServer((s) => omitKey(s, f));
  };

  const client: FieldErrors = {};
  if (submitted && !values.bankName.trim()) client.bankName = t('salesForm.required');
  const bik = values.bik.trim();
  if (!bik) {
    if (submitted) client.bik = t('salesForm.required');
  } else if (!/^04\d{7}$/.test(bik)) client.bik = t('salesReason.BIK_FORMAT');
  const acc = values.accountNumber.trim();
  if (!acc) {
    if (submitted) client.accountNumber = t('salesForm.required');
  } else if (!/^\d{20}$/.test(acc)) client.accountNumber = t('salesReason.ACCOUNT_FORMAT');
  const corr = values.correspondentAccount.trim();
  if (corr && !/^301\d{17}$/.test(corr)) client.correspondentAccount = t('salesReason.CORRESPONDENT_ACCOUNT_FORMAT');
  const errors = { ...client, ...server };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setSubmitted(true);
    if (!values.bankName.trim() || !bik || !acc || Object.keys(client).length > 0) {
      focusFirstError(form);
      return;
    }
    setSaving(true);
    setGeneral([]);
    try {
      const common = {
        bankName: values.bankName.trim(),
        bik,
        accountNumber: acc,
        correspondentAccount: corr || null,
        bankCity: values.bankCity.trim() || null,
      };
      if (account) {
        await update({ variables: { id: account.id, input: { version: account.version, ...common, isDefault: isDefault && !account.isDefault ? true : undefined } } });
      } else {
        await create({ variables: { input: { organizationId, ...common, isDefault } } });
      }
      onClose();
    } catch (error) {
      if (isVersionConflict(error)) {
        setGeneral([t('organizations.conflict')]);
        return;
      }
      const split = splitSalesErrors(t, error, (f) => KNOWN.has(f));
      setServer(split.fields);
      setGeneral(split.general);
      focusFirstError(form);
    } finally {
      setSaving(false);
    }
  }

  const field = (f: Field, md: number, required = false) => (
    <Grid size={{ xs: 12, md }}>
      <TextField
        fullWidth
        required={required}
        label={t(`organizations.account.${f}`)}
        value={values[f]}
        onChange={(e) => set(f, e.target.value)}
        error={Boolean(errors[f])}
        helperText={errors[f]}
        slotProps={{ htmlInput: { 'data-testid': `account-${f}`, inputMode: f === 'bankName' || f === 'bankCity' ? undefined : 'numeric' } }}
      />
    </Grid>
  );

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <Box component="form" onSubmit={submit} noValidate>
        <DialogTitle>{account ? t('organizations.account.editTitle') : t('organizations.account.new')}</DialogTitle>
        <DialogContent>
          <SalesErrorAlert messages={general} />
          <Grid container spacing={2} sx={{ pt: 1 }}>
            {field('bankName', 8, true)}
            {field('bankCity', 4)}
            {field('bik', 4, true)}
            {field('correspondentAccount', 8)}
            {field('accountNumber', 12, true)}
            <Grid size={12}>
              <FormControlLabel
                control={
                  <Switch
                    checked={isDefault}
                    disabled={account?.isDefault}
                    onChange={(e) => setIsDefault(e.target.checked)}
                    slotProps={{ input: { 'data-testid': 'account-is-default' } as object }}
                  />
                }
                label={t('organizations.account.isDefault')}
              />
            </Grid>
          </Grid>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={saving} data-testid="account-save">
            {account ? t('common.save') : t('common.create')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
