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
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import { validateInn, validateKpp } from '@crm/contact-info';
import type { OrganizationFieldsFragment } from '../../../graphql/graphql';
import { omitKey, type FieldErrors } from '../../../lib/errors';
import { focusFirstError } from '../../../lib/focus-first-error';
import { SalesErrorAlert, isVersionConflict, splitSalesErrors } from '../../../sections/client-interests/lib/errors';
import { CreateOrganizationMutation, UpdateOrganizationMutation } from './organizations.graphql';

const TEXT_FIELDS = [
  'name',
  'fullName',
  'inn',
  'kpp',
  'ogrn',
  'legalAddress',
  'postalAddress',
  'phone',
  'email',
  'directorName',
  'directorTitle',
  'chiefAccountantName',
] as const;
type OrgField = (typeof TEXT_FIELDS)[number];
const FIELDS = new Set<string>([...TEXT_FIELDS, 'vatPayer', 'isDefault']);

/** Create or edit one of our organizations: the seller's requisites and signatories printed on offers and invoices. */
export function OrganizationDialog({ organization, onClose }: { organization: OrganizationFieldsFragment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'));
  const [values, setValues] = useState<Record<OrgField, string>>(
    () => Object.fromEntries(TEXT_FIELDS.map((f) => [f, (organization?.[f] as string | null | undefined) ?? ''])) as Record<OrgField, string>,
  );
  const [vatPayer, setVatPayer] = useState(organization?.vatPayer ?? true);
  const [isDefault, setIsDefault] = useState(organization?.isDefault ?? false);
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [create] = useMutation(CreateOrganizationMutation, { refetchQueries: ['Organizations'] });
  const [update] = useMutation(UpdateOrganizationMutation, { refetchQueries: ['Organizations'] });

  const set = (field: OrgField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setServer((s) => omitKey(s, field));
  };

  const inn = values.inn.trim();
  const client: FieldErrors = {};
  if (submitted && !values.name.trim()) client.name = t('salesForm.required');
  if (!inn) {
    if (submitted) client.inn = t('salesForm.required');
  } else {
    const r = validateInn(inn);
    if (!r.ok) client.inn = t(`reason.${r.code}`);
  }
  if (values.kpp.trim()) {
    if (inn.length === 12) client.kpp = t('salesReason.KPP_NOT_APPLICABLE');
    else {
      const r = validateKpp(values.kpp);
      if (!r.ok) client.kpp = t(`reason.${r.code}`);
    }
  } else if (submitted && inn.length === 10) client.kpp = t('organizations.kppRequired');
  const ogrn = values.ogrn.trim();
  if (ogrn && !/^(\d{13}|\d{15})$/.test(ogrn)) client.ogrn = t('salesReason.OGRN_FORMAT');
  const errors = { ...client, ...server };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setSubmitted(true);
    if (!values.name.trim() || !inn || (inn.length === 10 && !values.kpp.trim()) || Object.keys(client).length > 0) {
      focusFirstError(form);
      return;
    }
    const clean = (f: OrgField) => values[f].trim() || null;
    setSaving(true);
    setGeneral([]);
    try {
      if (organization) {
        await update({
          variables: {
            id: organization.id,
            input: {
              version: organization.version,
              name: values.name.trim(),
              fullName: values.fullName.trim() || values.name.trim(),
              inn,
              kpp: clean('kpp'),
              ogrn: clean('ogrn'),
              legalAddress: clean('legalAddress'),
              postalAddress: clean('postalAddress'),
              phone: clean('phone'),
              email: clean('email'),
              directorName: clean('directorName'),
              directorTitle: clean('directorTitle'),
              chiefAccountantName: clean('chiefAccountantName'),
              vatPayer,
              isDefault: isDefault && !organization.isDefault ? true : undefined,
            },
          },
        });
      } else {
        await create({
          variables: {
            input: {
              name: values.name.trim(),
              fullName: values.fullName.trim() || undefined,
              inn,
              kpp: clean('kpp'),
              ogrn: clean('ogrn'),
              legalAddress: clean('legalAddress'),
              postalAddress: clean('postalAddress'),
              phone: clean('phone'),
              email: clean('email'),
              directorName: clean('directorName'),
              directorTitle: clean('directorTitle'),
              chiefAccountantName: clean('chiefAccountantName'),
              vatPayer,
              isDefault,
            },
          },
        });
      }
      onClose();
    } catch (error) {
      if (isVersionConflict(error)) {
        setGeneral([t('organizations.conflict')]);
        return;
      }
      const split = splitSalesErrors(t, error, (f) => FIELDS.has(f));
      setServer(split.fields);
      setGeneral(split.general);
      focusFirstError(form);
    } finally {
      setSaving(false);
    }
  }

  const field = (f: OrgField, props: { required?: boolean; md?: number; multiline?: boolean; helper?: string; inputMode?: 'numeric' | 'email' | 'tel' } = {}) => (
    <Grid size={{ xs: 12, md: props.md ?? 6 }}>
      <TextField
        fullWidth
        required={props.required}
        multiline={props.multiline}
        label={t(`organizations.field.${f}`)}
        value={values[f]}
        onChange={(e) => set(f, e.target.value)}
        error={Boolean(errors[f])}
        helperText={errors[f] ?? props.helper}
        slotProps={{ htmlInput: { 'data-testid': `org-${f}`, inputMode: props.inputMode } }}
      />
    </Grid>
  );

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth fullScreen={phone}>
      <Box component="form" onSubmit={submit} noValidate>
        <DialogTitle>{organization ? t('organizations.editTitle', { name: organization.name }) : t('organizations.new')}</DialogTitle>
        <DialogContent>
          <SalesErrorAlert messages={general} />
          <Grid container spacing={2} sx={{ pt: 1 }}>
            {field('name', { required: true })}
            {field('fullName', { helper: t('organizations.fullNameHint') })}
            {field('inn', { required: true, md: 4, inputMode: 'numeric' })}
            {field('kpp', { md: 4, inputMode: 'numeric' })}
            {field('ogrn', { md: 4, inputMode: 'numeric' })}
            {field('legalAddress', { md: 12 })}
            {field('postalAddress', { md: 12 })}
            {field('phone', { inputMode: 'tel' })}
            {field('email', { inputMode: 'email' })}
            <Grid size={12}>
              <Typography variant="subtitle2" sx={{ mt: 1 }}>
                {t('organizations.signatories')}
              </Typography>
            </Grid>
            {field('directorTitle', { md: 4 })}
            {field('directorName', { md: 4 })}
            {field('chiefAccountantName', { md: 4 })}
            <Grid size={{ xs: 12, md: 6 }}>
              <FormControlLabel
                control={<Switch checked={vatPayer} onChange={(e) => setVatPayer(e.target.checked)} slotProps={{ input: { 'data-testid': 'org-vat-payer' } as object }} />}
                label={t('organizations.field.vatPayer')}
              />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <FormControlLabel
                control={
                  <Switch
                    checked={isDefault}
                    disabled={organization?.isDefault}
                    onChange={(e) => setIsDefault(e.target.checked)}
                    slotProps={{ input: { 'data-testid': 'org-is-default' } as object }}
                  />
                }
                label={t('organizations.field.isDefault')}
              />
              {errors.isDefault && (
                <Typography variant="caption" color="error" component="div">
                  {errors.isDefault}
                </Typography>
              )}
            </Grid>
          </Grid>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={saving} data-testid="org-save">
            {organization ? t('common.save') : t('common.create')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
