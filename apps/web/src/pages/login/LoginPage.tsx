import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../graphql';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { apiErrors, omitKey, splitErrors } from '../../lib/errors';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      user {
        ...CurrentUser
      }
    }
  }
`);

const FIELDS = new Set(['email', 'password']);

export function LoginPage({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [login, { loading }] = useMutation(LoginMutation);

  // Required-field hints appear after the first attempt, not while the page is still empty.
  const emailError = serverFields.email ?? (submitted && !email.trim() ? t('login.emailRequired') : undefined);
  const passwordError = serverFields.password ?? (submitted && !password ? t('login.passwordRequired') : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setServerFields({});
    setGeneral(null);
    if (!email.trim() || !password) return;
    try {
      await login({ variables: { input: { email: email.trim(), password } } });
      await onSignedIn();
    } catch (error) {
      const rateLimited = apiErrors(error).find((e) => e.code === 'RATE_LIMITED');
      if (rateLimited) {
        const minutes = rateLimited.retryAfterSeconds ? Math.ceil(rateLimited.retryAfterSeconds / 60) : 0;
        setGeneral(minutes ? t('login.rateLimitedFor', { count: minutes }) : t('login.rateLimited'));
        return;
      }
      const unauthenticated = apiErrors(error).find((e) => e.code === 'UNAUTHENTICATED');
      if (unauthenticated) {
        setGeneral(t('login.invalidCredentials'));
        return;
      }
      const { fields, general: rest } = splitErrors(t, error, (f) => FIELDS.has(f));
      setServerFields(fields);
      setGeneral(rest.length ? rest.join(' ') : null);
    }
  }

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', p: 2, bgcolor: 'background.default' }}>
      <Paper component="form" noValidate onSubmit={submit} sx={{ p: { xs: 3, sm: 4 }, width: '100%', maxWidth: 400 }}>
        <Stack spacing={2}>
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
            <Box>
              <Typography variant="h5" component="h1">
                {t('app.name')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('login.subtitle')}
              </Typography>
            </Box>
            <LanguageSwitch color="primary" />
          </Stack>
          {general && (
            <Alert severity="error" role="alert">
              {general}
            </Alert>
          )}
          <TextField
            label={t('login.email')}
            type="email"
            autoComplete="username"
            autoFocus
            required
            value={email}
            onChange={(e) => {
              setEmail(e.target.value);
              setServerFields((f) => omitKey(f, 'email'));
            }}
            error={Boolean(emailError)}
            helperText={emailError}
            slotProps={{ htmlInput: { 'data-testid': 'login-email' } }}
          />
          <TextField
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setServerFields((f) => omitKey(f, 'password'));
            }}
            error={Boolean(passwordError)}
            helperText={passwordError}
            slotProps={{ htmlInput: { 'data-testid': 'login-password' } }}
          />
          <Button type="submit" variant="contained" size="large" disabled={loading} data-testid="login-submit">
            {loading ? t('login.signingIn') : t('login.submit')}
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}

