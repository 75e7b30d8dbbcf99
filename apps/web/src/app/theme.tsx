import { useMemo, type ReactNode } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import { createTheme, ThemeProvider } from '@mui/material/styles';
import { enUS, ruRU } from '@mui/material/locale';
import { useTranslation } from 'react-i18next';

/** MUI's built-in texts (pagination, "No options", ...) follow the interface language. */
export function AppThemeProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const theme = useMemo(
    () =>
      createTheme(
        {
          palette: { primary: { main: '#1f5f99' }, secondary: { main: '#c2410c' }, background: { default: '#f4f6f8' } },
          shape: { borderRadius: 6 },
          components: {
            // Client-only app: read media queries on the first render, so wide screens never flash the phone layout.
            MuiUseMediaQuery: { defaultProps: { noSsr: true } },
            MuiTextField: { defaultProps: { size: 'small' } },
            MuiButton: { defaultProps: { disableElevation: true } },
          },
        },
        language === 'en' ? enUS : ruRU,
      ),
    [language],
  );
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {children}
    </ThemeProvider>
  );
}
