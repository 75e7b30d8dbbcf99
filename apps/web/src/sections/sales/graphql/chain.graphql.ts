import { graphql } from '../../../graphql';

graphql(`
  fragment SalesChainFields on DocumentChain {
    interests {
      id
      number
      date
      state
      plannedAmount
    }
    offers {
      id
      number
      date
      effectiveState
      total
    }
    invoices {
      id
      number
      date
      posted
      paymentState
      overdue
      total
      paidAmount
      amountDue
    }
    payments {
      id
      number
      date
      amount
      cancelled
    }
    shipments {
      id
      number
      date
      posted
      total
    }
    events {
      id
      number
      subject
      start
      state
    }
  }
`);

/** The chain of whichever document a card shows: one query, the document's type picks the field. */
export const SalesChainQuery = graphql(`
  query SalesChain($id: ID!, $interest: Boolean!, $offer: Boolean!, $invoice: Boolean!, $payment: Boolean!, $shipment: Boolean!) {
    clientInterest(id: $id) @include(if: $interest) {
      id
      chain {
        ...SalesChainFields
      }
    }
    commercialOffer(id: $id) @include(if: $offer) {
      id
      chain {
        ...SalesChainFields
      }
    }
    invoice(id: $id) @include(if: $invoice) {
      id
      chain {
        ...SalesChainFields
      }
    }
    payment(id: $id) @include(if: $payment) {
      id
      chain {
        ...SalesChainFields
      }
    }
    shipment(id: $id) @include(if: $shipment) {
      id
      chain {
        ...SalesChainFields
      }
    }
  }
`);
