import type { TreeSection } from './SectionsTree';

/** The sections in tree order with their depth: for a flat select that still reads as a tree. */
export function sectionOptions(sections: readonly TreeSection[]): Array<TreeSection & { depth: number }> {
  const known = new Set(sections.map((s) => s.id));
  const byParent = new Map<string | null, TreeSection[]>();
  for (const s of sections) {
    const parent = s.parentId && known.has(s.parentId) ? s.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), s]);
  }
  const out: Array<TreeSection & { depth: number }> = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const s of [...(byParent.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
      if (seen.has(s.id)) continue; // a cycle in bad data must not hang the page
      seen.add(s.id);
      out.push({ ...s, depth });
      walk(s.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** «Parent / Child / Section»: where an article is filed. */
export function sectionPath(sections: readonly TreeSection[], id: string | null | undefined): string {
  const names: string[] = [];
  const seen = new Set<string>();
  let current = sections.find((s) => s.id === id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    const parentId = current.parentId;
    current = parentId ? sections.find((s) => s.id === parentId) : undefined;
  }
  return names.join(' / ');
}
