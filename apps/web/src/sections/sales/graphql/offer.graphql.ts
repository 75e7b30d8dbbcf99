import { graphql } from '../../../graphql';

graphql(`
  fragment SalesLineFields on CommercialOfferLine {
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
  fragment OfferListItem on CommercialOffer {
    id
    number
    date
    state
    effectiveState
    validUntil
    vatMode
    amount
    vat
    total
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
    interestId
    createdAt
  }
`);

graphql(`
  fragment OfferDetails on CommercialOffer {
    ...OfferListItem
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
    interest {
      id
      number
    }
    paymentTerms
    deliveryTerms
    comment
    sentAt
    answeredAt
    pdfUrl
    version
    updatedAt
    lines {
      ...SalesLineFields
    }
    viewerCan {
      update
      send
      markSent
      accept
      reject
      createInvoice
    }
  }
`);

export const OffersQuery = graphql(`
  query SalesOffers($first: Int!, $after: String, $filter: CommercialOfferFilter) {
    commercialOffers(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        cursor
        node {
          ...OfferListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const OfferQuery = graphql(`
  query SalesOffer($id: ID!) {
    commercialOffer(id: $id) {
      ...OfferDetails
    }
  }
`);

export const CreateOfferMutation = graphql(`
  mutation SalesCreateOffer($input: CreateCommercialOfferInput!) {
    createCommercialOffer(input: $input) {
      ...OfferDetails
    }
  }
`);

export const UpdateOfferMutation = graphql(`
  mutation SalesUpdateOffer($id: ID!, $input: UpdateCommercialOfferInput!) {
    updateCommercialOffer(id: $id, input: $input) {
      ...OfferDetails
    }
  }
`);

export const MarkOfferSentMutation = graphql(`
  mutation SalesMarkOfferSent($id: ID!) {
    markCommercialOfferSent(id: $id) {
      ...OfferDetails
    }
  }
`);

export const AcceptOfferMutation = graphql(`
  mutation SalesAcceptOffer($id: ID!) {
    markCommercialOfferAccepted(id: $id) {
      ...OfferDetails
    }
  }
`);

export const RejectOfferMutation = graphql(`
  mutation SalesRejectOffer($id: ID!) {
    markCommercialOfferRejected(id: $id) {
      ...OfferDetails
    }
  }
`);

export const SendOfferMutation = graphql(`
  mutation SalesSendOffer($id: ID!, $input: SendDocumentInput!) {
    sendCommercialOffer(id: $id, input: $input) {
      emailed
      to
      event {
        id
      }
    }
  }
`);

/** What a new offer starts from: the interest's client and lines. */
export const OfferPrefillQuery = graphql(`
  query SalesOfferPrefill($interestId: ID!) {
    clientInterest(id: $interestId) {
      id
      number
      need
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
