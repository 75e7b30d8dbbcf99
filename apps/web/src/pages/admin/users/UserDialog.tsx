import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { AdminUserFragment, Locale, Role } from '../../../graphql/graphql';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UserPicker, type PickedUser } from '../../../components/UserPicker';
import { evictList } from '../../../lib/cache';
import { omitKey, splitErrors, type FieldErrors } from '../../../lib/errors';
import { MIN_PASSWORD_LENGTH } from '../../../lib/validation';
import { CreateUserMutation, UpdateUserMutation } from './users.graphql';

export const ROLES: readonly Role[] = ['ADMINISTRATOR', 'SUPERVISOR', 'MANAGER', 'MARKETER', 'SERVICE_ENGINEER'];
const LOCALES: readonly Locale[] = ['ru', 'en'];
const FIELDS = new Set(['email', 'fullName', 'password', 'role', 'supervisorId', 'locale', 'active']);
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Props {
  /** The user to edit; omitted to create one. */
  user?: AdminUserFragment;
  onClose: () => void;
}

/** Create a user or change one's e-mail, name, role, supervisor, language and activity. Mounted per open. */
export function UserDialog({ user, onClose }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(user?.email ?? '');
  const [fullName, setFullName] = useState(user?.fullName ?? '');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>(user?.role ?? 'MANAGER');
  const [supervisor, setSupervisor] = useState<PickedUser | null>(user?.supervisor ?? null);
  const [locale, setLocale] = useState<Locale>(user?.locale ?? 'ru');
  const [active, setActive] = useState(user?.active ?? true);
  const [submitted, setSubmitted] = useState(false);
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [create, createState] = useMutation(CreateUserMutation, { update: evictList('users') });
  const [update, updateState] = useMutation(UpdateUserMutation);

  const clientErrors: FieldErrors = {};
  if (submitted && !fullName.trim()) clientErrors.fullName = t('admin.users.fullNameRequired');
  if ((submitted || email) && !EMAIL_RE.test(email.trim())) clientErrors.email = t('reason.EMAIL_INVALID');
  if (!user && (submitted || password) && password.length < MIN_PASSWORD_LENGTH) {
    clientErrors.password = t('changePassword.hint', { count: MIN_PASSWORD_LENGTH });
  }
  const errors = { ...clientErrors, ...serverFields };
  const clear = (field: string) => setServerFields((f) => omitKey(f, field));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    const invalid = !fullName.trim() || !EMAIL_RE.test(email.trim()) || (!user && password.length < MIN_PASSWORD_LENGTH);
    if (invalid) return;
    setGeneral([]);
    try {
      if (user) {
        await update({
          variables: {
            id: user.id,
            input: {
              version: user.version,
              email: email.trim(),
              fullName: fullName.trim(),
              role,
              supervisorId: supervisor?.id ?? null,
              locale,
              active,
            },
          },
        });
      } else {
        await create({
          variables: {
            input: { email: email.trim(), fullName: fullName.trim(), password, role, supervisorId: supervisor?.id, locale },
          },
        });
      }
      onClose();
    } catch (error) {
      const { fields, general: rest } = splitErrors(t, error, (f) => FIELDS.has(f));
      setServerFields(fields);
      setGeneral(rest);
    }
  }

  const saving = createState.loading || updateState.loading;

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{user ? t('admin.users.editTitle') : t('admin.users.createTitle')}</DialogTitle>
        <DialogContent>
          <ErrorAlert messages={general} />
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label={t('admin.users.fullName')}
              value={fullName}
              onChange={(e) => {
                setFullName(e.target.value);
                clear('fullName');
              }}
              error={Boolean(errors.fullName)}
              helperText={errors.fullName}
              required
              slotProps={{ htmlInput: { 'data-testid': 'user-full-name', maxLength: 150 } }}
            />
            <TextField
              label={t('admin.users.email')}
              type="email"
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                clear('email');
              }}
              error={Boolean(errors.email)}
              helperText={errors.email}
              required
              slotProps={{ htmlInput: { 'data-testid': 'user-email', autoComplete: 'off' } }}
            />
            {!user && (
              <TextField
                label={t('admin.users.password')}
                type="password"
                value={password}
                onChange={(e) => {
                  setPassword(e.target.value);
                  clear('password');
                }}
                error={Boolean(errors.password)}
                helperText={errors.password ?? t('changePassword.hint', { count: MIN_PASSWORD_LENGTH })}
                required
                slotProps={{ htmlInput: { 'data-testid': 'user-password', autoComplete: 'new-password' } }}
              />
            )}
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                select
                fullWidth
                label={t('admin.users.role')}
                value={role}
                onChange={(e) => {
                  setRole(e.target.value as Role);
                  clear('role');
                }}
                error={Boolean(errors.role)}
                helperText={errors.role}
                slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'user-role' } }}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </TextField>
              <TextField
                select
                fullWidth
                label={t('admin.users.locale')}
                value={locale}
                onChange={(e) => setLocale(e.target.value as Locale)}
                slotProps={{ select: { native: true } }}
              >
                {LOCALES.map((l) => (
                  <option key={l} value={l}>
                    {t(`language.${l}`)}
                  </option>
                ))}
              </TextField>
            </Stack>
            <UserPicker
              label={t('admin.users.supervisor')}
              value={supervisor}
              onChange={(u) => {
                setSupervisor(u);
                clear('supervisorId');
              }}
              error={errors.supervisorId}
              helperText={t('admin.users.supervisorHint')}
              testId="user-supervisor"
            />
            {user && (
              <FormControlLabel
                control={<Switch checked={active} onChange={(e) => setActive(e.target.checked)} />}
                label={active ? t('admin.users.active') : t('admin.users.inactive')}
              />
            )}
            {errors.active && <ErrorAlert messages={[errors.active]} />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={saving} data-testid="user-save">
            {user ? t('common.save') : t('common.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
