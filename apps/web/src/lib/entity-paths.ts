/** Where the card of an object lives, by the GraphQL type name the API reports (search hits, audit, recents). */
export function entityPath(entityType: string, id: string): string | null {
  switch (entityType) {
    case 'Counterparty':
      return `/counterparties/${id}`;
    case 'ContactPerson':
      return `/contact-persons/${id}`;
    default:
      return null; // types whose cards arrive in later releases
  }
}
