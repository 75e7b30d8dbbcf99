import { graphql } from '../../../graphql';

graphql(`
  fragment InvoiceLineFields on InvoiceLine {
    id
    lineNo
    productId
    product {
      id
      name
      unit
      price
      vatRate
    }
    quantity
    price
    discountPercent
    vatRate
    vatPercent
    amount
    vat
    total
  }
`);

graphql(`
  fragment InvoiceListItem on Invoice {
    id
    number
    date
    posted
    paymentState
    overdue
    paymentDueDate
    total
    paidAmount
    amountDue
    counterpartyId
    counterparty {
      id
      name
    }
    responsibleId
    responsible {
      id
      fullName
    }
    createdAt
  }
`);

graphql(`
  fragment InvoiceDetails on Invoice {
    ...InvoiceListItem
    vatMode
    amount
    vat
    comment
    postedAt
    interestId
    interest {
      id
      number
    }
    offerId
    offer {
      id
      number
    }
    contactPersonId
    contactPerson {
      id
      fullName
    }
    organizationId
    organization {
      id
      name
    }
    bankAccountId
    bankAccount {
      id
      bankName
      accountNumber
    }
    pdfUrl
    version
    updatedAt
    lines {
      ...InvoiceLineFields
    }
    viewerCan {
      update
      post
      unpost
      send
      registerPayment
      createShipment
    }
    payments {
      id
      amount
      payment {
        id
        number
        date
        cancelled
      }
    }
  }
`);

export const InvoicesQuery = graphql(`
  query SalesInvoices($first: Int!, $after: String, $filter: InvoiceFilter) {
    invoices(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        cursor
        node {
          ...InvoiceListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const InvoiceQuery = graphql(`
  query SalesInvoice($id: ID!) {
    invoice(id: $id) {
      ...InvoiceDetails
    }
  }
`);

export const CreateInvoiceMutation = graphql(`
  mutation SalesCreateInvoice($input: CreateInvoiceInput!) {
    createInvoice(input: $input) {
      ...InvoiceDetails
    }
  }
`);

export const UpdateInvoiceMutation = graphql(`
  mutation SalesUpdateInvoice($id: ID!, $input: UpdateInvoiceInput!) {
    updateInvoice(id: $id, input: $input) {
      ...InvoiceDetails
    }
  }
`);

export const PostInvoiceMutation = graphql(`
  mutation SalesPostInvoice($id: ID!) {
    postInvoice(id: $id) {
      ...InvoiceDetails
    }
  }
`);

export const UnpostInvoiceMutation = graphql(`
  mutation SalesUnpostInvoice($id: ID!) {
    unpostInvoice(id: $id) {
      ...InvoiceDetails
    }
  }
`);

export const SendInvoiceMutation = graphql(`
  mutation SalesSendInvoice($id: ID!, $input: SendDocumentInput!) {
    sendInvoice(id: $id, input: $input) {
      emailed
      to
      event {
        id
      }
    }
  }
`);

/** A new invoice starts from an offer (its lines and terms) or an interest (its lines). */
export const InvoicePrefillQuery = graphql(`
  query SalesInvoicePrefill($offerId: ID!, $withOffer: Boolean!, $interestId: ID!, $withInterest: Boolean!) {
    commercialOffer(id: $offerId) @include(if: $withOffer) {
      id
      number
      date
      vatMode
      organizationId
      interestId
      counterparty {
        id
        name
      }
      contactPerson {
        id
        fullName
      }
      lines {
        ...SalesLineFields
      }
    }
    clientInterest(id: $interestId) @include(if: $withInterest) {
      id
      number
      counterparty {
        id
        name
      }
      contactPerson {
        id
        fullName
      }
      lines {
        id
        product {
          id
          name
          unit
          price
          vatRate
        }
        quantity
        price
      }
    }
  }
`);
