import { useEffect, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

interface Props {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Buttons on the right; they wrap under the title on narrow screens. */
  actions?: ReactNode;
  /** Marks the title for browser tests on cards (`card-title`). */
  titleTestId?: string;
  before?: ReactNode;
}

export function PageHeader({ title, subtitle, actions, titleTestId, before }: Props) {
  // Browser tabs and history entries name the page, which helps with several cards open at once.
  useEffect(() => {
    if (typeof title === 'string') document.title = `${title} — CRM`;
  }, [title]);
  return (
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      spacing={1}
      sx={{ alignItems: { xs: 'stretch', sm: 'center' }, justifyContent: 'space-between', mb: 2 }}
    >
      {/* The title keeps a readable width; a long row of actions wraps instead of squeezing it. */}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: { xs: 0, sm: 240 }, flex: '1 1 auto' }}>
        {before}
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="h5" component="h1" data-testid={titleTestId} sx={{ wordBreak: 'break-word' }}>
            {title}
          </Typography>
          {subtitle && (
            <Typography variant="body2" color="text.secondary" component="div">
              {subtitle}
            </Typography>
          )}
        </Box>
      </Stack>
      {actions && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', flex: '0 1 auto', justifyContent: { sm: 'flex-end' } }}>
          {actions}
        </Stack>
      )}
    </Stack>
  );
}
