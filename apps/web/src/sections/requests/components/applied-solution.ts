/**
 * The knowledge-base article a person applied to a request before resolving it. The API records the article
 * with the resolution (that is when its use is counted), so until then the choice is kept in this browser, per
 * request, and offered in the resolve dialog — also after a reload or the next day.
 */
export interface AppliedSolution {
  id: string;
  title: string;
}

const key = (requestId: string) => `crm.appliedSolution.${requestId}`;

export function readAppliedSolution(requestId: string): AppliedSolution | null {
  try {
    const raw = window.localStorage.getItem(key(requestId));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<AppliedSolution>;
    return typeof value.id === 'string' && typeof value.title === 'string' ? { id: value.id, title: value.title } : null;
  } catch {
    return null;
  }
}

export function storeAppliedSolution(requestId: string, value: AppliedSolution | null): void {
  try {
    if (value) window.localStorage.setItem(key(requestId), JSON.stringify(value));
    else window.localStorage.removeItem(key(requestId));
  } catch {
    // Storage disabled: the choice lasts while the page is open.
  }
}
