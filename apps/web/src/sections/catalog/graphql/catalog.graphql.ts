import { graphql } from '../../../graphql';

graphql(`
  fragment ProductListItem on Product {
    id
    article
    name
    kind
    unit
    vatRate
    price
    deletionMark
    group {
      id
      name
    }
  }
`);

graphql(`
  fragment ProductDetails on Product {
    id
    groupId
    group {
      id
      name
    }
    kind
    article
    name
    unit
    vatRate
    vatPercent
    price
    costPrice
    trackSerials
    warrantyMonths
    description
    deletionMark
    version
    createdAt
    updatedAt
    viewerCan {
      update
      delete
    }
  }
`);

export const ProductsQuery = graphql(`
  query Products($first: Int!, $after: String, $filter: ProductFilter) {
    products(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        cursor
        node {
          ...ProductListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ProductQuery = graphql(`
  query Product($id: ID!) {
    product(id: $id) {
      ...ProductDetails
    }
  }
`);

/** Search as you type in the product picker of deals and documents: price and unit come along as defaults. */
export const ProductPickerQuery = graphql(`
  query ProductPicker($search: String) {
    products(first: 20, filter: { search: $search }) {
      edges {
        node {
          id
          article
          name
          unit
          price
          vatRate
          kind
        }
      }
    }
  }
`);

export const VatRatesQuery = graphql(`
  query VatRates {
    vatRates {
      code
      percent
      name
      sort
      active
    }
  }
`);

export const ProductGroupsQuery = graphql(`
  query ProductGroups($includeDeleted: Boolean! = false) {
    productGroups(includeDeleted: $includeDeleted) {
      id
      parentId
      name
      deletionMark
      version
    }
  }
`);

export const CreateProductMutation = graphql(`
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      ...ProductDetails
    }
  }
`);

export const UpdateProductMutation = graphql(`
  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) {
      ...ProductDetails
    }
  }
`);

export const SetProductDeletionMarkMutation = graphql(`
  mutation SetProductDeletionMark($id: ID!, $deletionMark: Boolean!) {
    setProductDeletionMark(id: $id, deletionMark: $deletionMark) {
      ...ProductDetails
    }
  }
`);

export const CreateProductGroupMutation = graphql(`
  mutation CreateProductGroup($input: CreateProductGroupInput!) {
    createProductGroup(input: $input) {
      id
      parentId
      name
      deletionMark
      version
    }
  }
`);

export const UpdateProductGroupMutation = graphql(`
  mutation UpdateProductGroup($id: ID!, $input: UpdateProductGroupInput!) {
    updateProductGroup(id: $id, input: $input) {
      id
      parentId
      name
      deletionMark
      version
    }
  }
`);

export const SetProductGroupDeletionMarkMutation = graphql(`
  mutation SetProductGroupDeletionMark($id: ID!, $deletionMark: Boolean!) {
    setProductGroupDeletionMark(id: $id, deletionMark: $deletionMark) {
      id
      deletionMark
      version
    }
  }
`);

export const DeleteProductGroupMutation = graphql(`
  mutation DeleteProductGroup($id: ID!) {
    deleteProductGroup(id: $id)
  }
`);
