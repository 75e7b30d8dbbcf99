import { graphql } from '../../../graphql';

graphql(`
  fragment PaymentListItem on Payment {
    id
    number
    date
    amount
    comment
    cancelled
    counterpartyId
    counterparty {
      id
      name
    }
    createdAt
  }
`);

graphql(`
  fragment PaymentDetails on Payment {
    ...PaymentListItem
    cancelledAt
    cancelReason
    version
    updatedAt
    createdBy {
      id
      fullName
    }
    allocations {
      id
      amount
      invoiceId
      invoice {
        id
        number
        date
        total
        paymentState
        overdue
        paidAmount
        amountDue
      }
    }
    viewerCan {
      cancel
    }
  }
`);

export const PaymentsQuery = graphql(`
  query SalesPayments($first: Int!, $after: String, $filter: PaymentFilter) {
    payments(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        cursor
        node {
          ...PaymentListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const PaymentQuery = graphql(`
  query SalesPayment($id: ID!) {
    payment(id: $id) {
      ...PaymentDetails
    }
  }
`);

export const CreatePaymentMutation = graphql(`
  mutation SalesCreatePayment($input: CreatePaymentInput!) {
    createPayment(input: $input) {
      ...PaymentDetails
    }
  }
`);

export const CancelPaymentMutation = graphql(`
  mutation SalesCancelPayment($id: ID!, $input: CancelPaymentInput!) {
    cancelPayment(id: $id, input: $input) {
      ...PaymentDetails
    }
  }
`);

/** The counterparty's posted invoices that still wait for money: what a payment can be allocated to. */
export const OpenInvoicesQuery = graphql(`
  query SalesOpenInvoices($counterpartyId: ID!) {
    invoices(first: 200, filter: { counterpartyId: $counterpartyId, posted: true }) {
      totalCount
      edges {
        node {
          id
          number
          date
          paymentDueDate
          total
          paidAmount
          amountDue
          paymentState
          overdue
        }
      }
    }
  }
`);

/** A payment registered from an invoice card starts from that invoice: its buyer and what remains to be paid. */
export const PaymentPrefillQuery = graphql(`
  query SalesPaymentPrefill($invoiceId: ID!, $withInvoice: Boolean!, $counterpartyId: ID!, $withCounterparty: Boolean!) {
    invoice(id: $invoiceId) @include(if: $withInvoice) {
      id
      number
      amountDue
      counterparty {
        id
        name
      }
    }
    counterparty(id: $counterpartyId) @include(if: $withCounterparty) {
      id
      name
    }
  }
`);
