import Box from '@mui/material/Box';
import { alpha } from '@mui/material/styles';
import { HIGHLIGHT_END, HIGHLIGHT_START, splitSnippet } from './highlight';

interface Props {
  /** The server's snippet with its matches between the markers. */
  text: string;
  open?: string;
  close?: string;
}

/** A search snippet with the matched words highlighted; rendered as text nodes only (see `splitSnippet`). */
export function Snippet({ text, open = HIGHLIGHT_START, close = HIGHLIGHT_END }: Props) {
  return (
    <>
      {splitSnippet(text, open, close).map((part, i) =>
        part.hit ? (
          <Box component="mark" key={i} sx={{ bgcolor: (theme) => alpha(theme.palette.warning.main, 0.3), color: 'inherit', fontWeight: 500, px: 0.25, borderRadius: 0.5 }}>
            {part.text}
          </Box>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
