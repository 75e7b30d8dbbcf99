import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import RequestQuoteOutlined from '@mui/icons-material/RequestQuoteOutlined';
import { useTranslation } from 'react-i18next';
import { salesPaths } from '../lib/paths';
import { ChainPanel } from './ChainPanel';

export interface InterestDocumentsProps {
  interest: {
    id: string;
    counterpartyId: string | null;
    contactPersonId: string | null;
    /** May the viewer enter documents based on it (offer, invoice)? */
    canCreateDocuments: boolean;
  };
}

/**
 * The sales documents of a client interest, on its card: its chain (offers → invoices → payments and shipments →
 * events) and «create offer / create invoice» based on it.
 */
export function InterestDocuments({ interest }: InterestDocumentsProps) {
  const { t } = useTranslation();
  return (
    <Box data-testid="interest-documents" data-interest-id={interest.id}>
      <ChainPanel
        type="CLIENT_INTEREST"
        id={interest.id}
        parties={{ counterpartyId: interest.counterpartyId, contactPersonId: interest.contactPersonId }}
        title={t('sales.interest.documents')}
        withNewEvent={false}
        actions={
          interest.canCreateDocuments ? (
            <>
              <Button size="small" variant="contained" component={RouterLink} to={salesPaths.newOffer(interest.id)} startIcon={<RequestQuoteOutlined />} data-testid="offer-create">
                {t('sales.interest.createOffer')}
              </Button>
              <Button size="small" variant="outlined" component={RouterLink} to={salesPaths.newInvoice({ interestId: interest.id })} startIcon={<ReceiptLongOutlined />} data-testid="invoice-create">
                {t('sales.interest.createInvoice')}
              </Button>
            </>
          ) : undefined
        }
      />
    </Box>
  );
}
