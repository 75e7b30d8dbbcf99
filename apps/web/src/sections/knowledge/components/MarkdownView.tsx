import type { ComponentProps } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Markdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';

/**
 * An article body written in markdown. Bodies are typed by colleagues and may be pasted from anywhere, so nothing
 * in them may run: react-markdown renders HTML found in the text as text (we add no rehype-raw), drops
 * `javascript:` links, and rehype-sanitize (GitHub's allow-list) strips whatever else a plugin might let through.
 */
export function MarkdownView({ source, testId }: { source: string; testId?: string }) {
  return (
    <Box
      data-testid={testId}
      sx={{
        typography: 'body1',
        wordBreak: 'break-word',
        '& h1, & h2, & h3, & h4': { mt: 2.5, mb: 1, lineHeight: 1.3 },
        '& h1': { typography: 'h5' },
        '& h2': { typography: 'h6' },
        '& h3, & h4': { typography: 'subtitle1', fontWeight: 600 },
        '& p': { my: 1 },
        '& ul, & ol': { pl: 3, my: 1 },
        '& blockquote': { m: 0, my: 1.5, pl: 2, borderLeft: 4, borderColor: 'divider', color: 'text.secondary' },
        '& code': { fontFamily: 'monospace', fontSize: '0.9em', bgcolor: 'action.hover', px: 0.5, borderRadius: 0.5 },
        '& pre': { bgcolor: 'action.hover', p: 1.5, borderRadius: 1, overflowX: 'auto' },
        '& pre code': { bgcolor: 'transparent', p: 0 },
        '& img': { maxWidth: '100%' },
        '& table': { borderCollapse: 'collapse' },
        '& th, & td': { border: 1, borderColor: 'divider', px: 1, py: 0.5 },
        '& > :first-of-type': { mt: 0 },
      }}
    >
      <Markdown rehypePlugins={[rehypeSanitize]} components={{ a: MarkdownLink }}>
        {source}
      </Markdown>
    </Box>
  );
}

/** Links inside the CRM stay in the app; others open in a new tab without handing it this window. */
function MarkdownLink({ href, children }: ComponentProps<'a'>) {
  if (href && href.startsWith('/') && !href.startsWith('//')) {
    return (
      <Link component={RouterLink} to={href}>
        {children}
      </Link>
    );
  }
  return (
    <Link href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </Link>
  );
}
