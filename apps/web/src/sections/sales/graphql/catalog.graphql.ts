import { graphql } from '../../../graphql';

export const SalesProductPickerQuery = graphql(`
  query SalesProductPicker($search: String) {
    products(first: 20, filter: { search: $search }) {
      edges {
        node {
          id
          name
          article
          unit
          price
          vatRate
        }
      }
    }
  }
`);

export const SalesDocReferenceQuery = graphql(`
  query SalesDocReference {
    vatRates {
      code
      percent
      name
      active
    }
    organizations {
      id
      name
      isDefault
      deletionMark
      vatPayer
      bankAccounts {
        id
        bankName
        accountNumber
        isDefault
        deletionMark
      }
    }
  }
`);
