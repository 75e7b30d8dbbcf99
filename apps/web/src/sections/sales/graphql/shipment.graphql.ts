import { graphql } from '../../../graphql';

graphql(`
  fragment ShipmentListItem on Shipment {
    id
    number
    date
    posted
    total
    invoiceId
    invoice {
      id
      number
    }
    counterpartyId
    counterparty {
      id
      name
    }
    responsible {
      id
      fullName
    }
    createdAt
  }
`);

graphql(`
  fragment ShipmentDetails on Shipment {
    ...ShipmentListItem
    vatMode
    amount
    vat
    comment
    postedAt
    interestId
    organization {
      id
      name
    }
    version
    lines {
      id
      lineNo
      productId
      product {
        id
        name
        unit
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
    viewerCan {
      post
      unpost
    }
  }
`);

export const ShipmentsQuery = graphql(`
  query SalesShipments($first: Int!, $after: String, $filter: ShipmentFilter) {
    shipments(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        cursor
        node {
          ...ShipmentListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ShipmentQuery = graphql(`
  query SalesShipment($id: ID!) {
    shipment(id: $id) {
      ...ShipmentDetails
    }
  }
`);

export const CreateShipmentMutation = graphql(`
  mutation SalesCreateShipment($input: CreateShipmentInput!) {
    createShipment(input: $input) {
      ...ShipmentDetails
    }
  }
`);

export const PostShipmentMutation = graphql(`
  mutation SalesPostShipment($id: ID!) {
    postShipment(id: $id) {
      ...ShipmentDetails
    }
  }
`);

export const UnpostShipmentMutation = graphql(`
  mutation SalesUnpostShipment($id: ID!) {
    unpostShipment(id: $id) {
      ...ShipmentDetails
    }
  }
`);

/** What is left to ship of an invoice, line by line. */
export const ShipmentPrefillQuery = graphql(`
  query SalesShipmentPrefill($invoiceId: ID!) {
    invoice(id: $invoiceId) {
      id
      number
      date
      posted
      counterparty {
        id
        name
      }
      lines {
        id
        lineNo
        product {
          id
          name
          unit
        }
        quantity
        total
      }
    }
    shipments(first: 500, filter: { invoiceId: $invoiceId }) {
      edges {
        node {
          id
          lines {
            invoiceLineId
            quantity
          }
        }
      }
    }
  }
`);
