import { graphql } from '../../graphql';

graphql(`
  fragment ContactInfoKindFields on ContactInfoKind {
    id
    code
    name
    type
    position
    deletionMark
    version
  }
`);

graphql(`
  fragment ContactInfoFields on ContactInfo {
    id
    type
    kindId
    kind {
      ...ContactInfoKindFields
    }
    value
    normalized
    extension
    comment
    position
    parts {
      country
      postalCode
      region
      district
      city
      settlement
      street
      house
      building
      apartment
    }
  }
`);

export const ContactInfoKindsQuery = graphql(`
  query ContactInfoKinds {
    contactInfoKinds(includeMarkedForDeletion: true) {
      ...ContactInfoKindFields
    }
  }
`);

export const CreateContactInfoKindMutation = graphql(`
  mutation CreateContactInfoKind($input: CreateContactInfoKindInput!) {
    createContactInfoKind(input: $input) {
      ...ContactInfoKindFields
    }
  }
`);
