import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

interface Props {
  title: string;
  description?: string;
  icon?: ReactNode;
  action?: ReactNode;
}

export function EmptyState({ title, description, icon, action }: Props) {
  return (
    <Box sx={{ py: { xs: 6, sm: 10 }, px: 2, textAlign: 'center', color: 'text.secondary' }}>
      {icon && <Box sx={{ fontSize: 56, mb: 1, '& svg': { fontSize: 'inherit' }, color: 'action.disabled' }}>{icon}</Box>}
      <Typography variant="h6" component="h2" color="text.primary" gutterBottom>
        {title}
      </Typography>
      {description && <Typography sx={{ maxWidth: 520, mx: 'auto' }}>{description}</Typography>}
      {action && <Box sx={{ mt: 3 }}>{action}</Box>}
    </Box>
  );
}
