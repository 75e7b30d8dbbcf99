/** A node of a hierarchical catalogue (1C "группа справочника"): product groups, counterparty groups. */
export interface GroupNode {
  id: string;
  name: string;
  parentId?: string | null;
  deletionMark: boolean;
}

/** Groups as an indented tree in name order (the 1C catalogue hierarchy); guards against cycles in bad data. */
export function flattenGroups<G extends GroupNode>(groups: readonly G[]): Array<{ group: G; depth: number }> {
  const children = new Map<string | null, G[]>();
  const ids = new Set(groups.map((g) => g.id));
  for (const g of groups) {
    const parent = g.parentId && ids.has(g.parentId) ? g.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), g]);
  }
  const out: Array<{ group: G; depth: number }> = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const g of [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
      if (seen.has(g.id)) continue;
      seen.add(g.id);
      out.push({ group: g, depth });
      if (depth < 10) walk(g.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Ids of a group and all its subgroups: a group cannot move into one of them. */
export function descendantsOf(groups: readonly GroupNode[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of groups) {
      if (g.parentId && out.has(g.parentId) && !out.has(g.id)) {
        out.add(g.id);
        grew = true;
      }
    }
  }
  return out;
}
