import { useMemo, useState, type ReactNode } from 'react';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ChevronRight from '@mui/icons-material/ChevronRight';
import ExpandMore from '@mui/icons-material/ExpandMore';
import FolderOutlined from '@mui/icons-material/FolderOutlined';
import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined';
import LibraryBooksOutlined from '@mui/icons-material/LibraryBooksOutlined';
import { useTranslation } from 'react-i18next';

export interface TreeSection {
  id: string;
  name: string;
  parentId?: string | null;
}

interface Props {
  sections: readonly TreeSection[];
  /** The chosen section, or null for the whole knowledge base. */
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

/** The knowledge base's folders as a tree; the branch of the chosen section starts open. */
export function SectionsTree({ sections, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const children = useMemo(() => {
    const byParent = new Map<string | null, TreeSection[]>();
    const known = new Set(sections.map((s) => s.id));
    for (const s of sections) {
      // A section whose parent is not visible to us is shown at the top rather than lost.
      const parent = s.parentId && known.has(s.parentId) ? s.parentId : null;
      byParent.set(parent, [...(byParent.get(parent) ?? []), s]);
    }
    for (const list of byParent.values()) list.sort((a, b) => a.name.localeCompare(b.name));
    return byParent;
  }, [sections]);
  const [open, setOpen] = useState<Set<string>>(() => {
    const opened = new Set<string>();
    let current = sections.find((s) => s.id === selectedId);
    while (current?.parentId) {
      opened.add(current.parentId);
      const parentId: string = current.parentId;
      current = sections.find((s) => s.id === parentId);
    }
    return opened;
  });
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const branch = (parent: string | null, depth: number): ReactNode =>
    (children.get(parent) ?? []).map((s) => {
      const hasChildren = (children.get(s.id)?.length ?? 0) > 0;
      const expanded = open.has(s.id);
      return (
        <li key={s.id}>
          <ListItemButton
            selected={selectedId === s.id}
            onClick={() => onSelect(s.id)}
            sx={{ pl: 1 + depth * 2, py: 0.25 }}
            data-testid="kb-section"
          >
            <IconButton
              size="small"
              edge="start"
              aria-label={expanded ? t('knowledge.collapse') : t('knowledge.expand')}
              onClick={(e) => {
                e.stopPropagation();
                toggle(s.id);
              }}
              sx={{ visibility: hasChildren ? 'visible' : 'hidden', mr: 0.5 }}
            >
              {expanded ? <ExpandMore fontSize="small" /> : <ChevronRight fontSize="small" />}
            </IconButton>
            <ListItemIcon sx={{ minWidth: 30 }}>
              {expanded || selectedId === s.id ? <FolderOpenOutlined fontSize="small" /> : <FolderOutlined fontSize="small" />}
            </ListItemIcon>
            <ListItemText primary={s.name} slotProps={{ primary: { noWrap: true, variant: 'body2' } }} />
          </ListItemButton>
          {hasChildren && expanded && <List disablePadding>{branch(s.id, depth + 1)}</List>}
        </li>
      );
    });

  return (
    <List dense disablePadding aria-label={t('knowledge.sections')} data-testid="kb-sections">
      <li>
        <ListItemButton selected={selectedId === null} onClick={() => onSelect(null)} sx={{ py: 0.5 }}>
          <ListItemIcon sx={{ minWidth: 30 }}>
            <LibraryBooksOutlined fontSize="small" />
          </ListItemIcon>
          <ListItemText primary={t('knowledge.allSections')} slotProps={{ primary: { variant: 'body2', sx: { fontWeight: 500 } } }} />
        </ListItemButton>
      </li>
      {branch(null, 0)}
    </List>
  );
}
