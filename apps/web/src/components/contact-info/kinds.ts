import { useCallback, useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { ContactInfoKindFieldsFragment, ContactInfoType } from '../../graphql/graphql';
import { ContactInfoKindsQuery } from './contact-info.graphql';

export type Kind = ContactInfoKindFieldsFragment;

/** Predefined kinds are translated by code; kinds people added keep the name they typed. */
export function useKindLabel(): (kind: Pick<Kind, 'code' | 'name'>) => string {
  const { t } = useTranslation();
  return useCallback((kind) => (kind.code ? t(`kind.${kind.code}`, { defaultValue: kind.name }) : kind.name), [t]);
}

/** All kinds (marked ones too: existing records may still use them), in picker order. */
export function useContactInfoKinds() {
  const { data, loading, error } = useQuery(ContactInfoKindsQuery);
  const kinds = useMemo(
    () => [...(data?.contactInfoKinds ?? [])].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name)),
    [data],
  );
  return { kinds, loading, error };
}

/** Kinds offered for a record of a type: the active ones, plus the record's own kind even if since marked. */
export function kindsFor(kinds: readonly Kind[], type: ContactInfoType, currentKindId?: string): Kind[] {
  return kinds.filter((k) => k.type === type && (!k.deletionMark || k.id === currentKindId));
}

export function defaultKindId(kinds: readonly Kind[], type: ContactInfoType): string {
  return kinds.find((k) => k.type === type && !k.deletionMark)?.id ?? '';
}
