import { InterestDocuments } from '../../sales/components/InterestDocuments';

/** What the documents panel of an interest's card gets to work with. */
export interface InterestDocumentsSlotProps {
  interest: {
    id: string;
    number: string;
    state: string;
    counterpartyId: string | null;
    contactPersonId: string | null;
    /** May the viewer enter documents based on it (offer, invoice)? */
    canCreateDocuments: boolean;
  };
}

/**
 * The interest's document chain (offers → invoices → payments and shipments → events) and «create offer /
 * invoice», drawn by the Sales section (sections/sales/components/InterestDocuments).
 */
export function InterestDocumentsSlot({ interest }: InterestDocumentsSlotProps) {
  return <InterestDocuments interest={interest} />;
}
