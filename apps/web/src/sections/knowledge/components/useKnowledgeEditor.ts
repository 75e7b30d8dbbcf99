import { useAuth } from '../../../app/auth';

/**
 * Whether I edit the knowledge base (sections, publishing): supervisors, service engineers and administrators,
 * as the server decides. Articles carry their own `viewerCan`; sections have no object to ask before one
 * exists, so only the section buttons follow this (the server refuses anyone else anyway).
 */
export function useKnowledgeEditor(): boolean {
  const { user } = useAuth();
  return user.role === 'ADMINISTRATOR' || user.role === 'SUPERVISOR' || user.role === 'SERVICE_ENGINEER';
}
