import type { ReactNode } from 'react';
import Paper from '@mui/material/Paper';

/**
 * The DataGrid needs a sized parent. It fills the window below the toolbar; on phones it keeps a usable
 * minimum and scrolls horizontally inside itself instead of widening the page.
 */
export function GridContainer({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Paper variant="outlined" data-testid={testId} sx={{ height: { xs: 'calc(100vh - 250px)', md: 'calc(100vh - 270px)' }, minHeight: 380, width: '100%', overflow: 'hidden' }}>
      {children}
    </Paper>
  );
}
