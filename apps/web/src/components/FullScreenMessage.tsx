import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';

interface Props {
  text: string;
  loading?: boolean;
  actionLabel?: string;
  onAction?: () => void;
}

/** Whole-window state before the shell exists: checking the session, or the server unreachable. */
export function FullScreenMessage({ text, loading, actionLabel, onAction }: Props) {
  return (
    <Box
      role={loading ? 'progressbar' : 'alert'}
      sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 2, p: 2 }}
    >
      {loading && <CircularProgress aria-hidden />}
      <Typography color="text.secondary">{text}</Typography>
      {actionLabel && onAction && (
        <Button variant="outlined" onClick={onAction}>
          {actionLabel}
        </Button>
      )}
    </Box>
  );
}
