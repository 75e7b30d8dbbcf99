/** One run of a search snippet: plain text, or a stretch the search matched. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/**
 * Splits a snippet whose matches the server wrapped in `open`…`close` markers into runs. Everything stays text:
 * the parts are rendered as React text nodes (hits inside `<mark>`), never as HTML, so an article containing
 * markup cannot inject anything through its snippet. An unclosed marker highlights to the end; stray closing
 * markers are dropped.
 */
export function splitSnippet(snippet: string, open: string, close: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, hit: boolean) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += text;
    else parts.push({ text, hit });
  };
  let rest = snippet;
  while (rest) {
    const start = rest.indexOf(open);
    if (start < 0) {
      push(rest.split(close).join(''), false);
      break;
    }
    push(rest.slice(0, start).split(close).join(''), false);
    rest = rest.slice(start + open.length);
    const end = rest.indexOf(close);
    if (end < 0) {
      push(rest.split(open).join(''), true);
      break;
    }
    push(rest.slice(0, end).split(open).join(''), true);
    rest = rest.slice(end + close.length);
  }
  return parts;
}

/** Markers the server puts around each match in a snippet (Unicode private-use characters, never in real text). */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';
