import { graphql } from '../../../graphql';

graphql(`
  fragment BankAccountFields on BankAccount {
    id
    organizationId
    bankName
    bik
    correspondentAccount
    accountNumber
    bankCity
    isDefault
    deletionMark
    version
  }
`);

graphql(`
  fragment OrganizationFields on Organization {
    id
    name
    fullName
    inn
    kpp
    ogrn
    legalAddress
    postalAddress
    phone
    email
    directorName
    directorTitle
    chiefAccountantName
    vatPayer
    isDefault
    deletionMark
    version
    viewerCan {
      update
      delete
    }
    bankAccounts {
      ...BankAccountFields
    }
  }
`);

export const OrganizationsQuery = graphql(`
  query Organizations($includeDeleted: Boolean!) {
    organizations(includeDeleted: $includeDeleted) {
      ...OrganizationFields
    }
  }
`);

export const CreateOrganizationMutation = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      ...OrganizationFields
    }
  }
`);

export const UpdateOrganizationMutation = graphql(`
  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {
    updateOrganization(id: $id, input: $input) {
      ...OrganizationFields
    }
  }
`);

export const SetOrganizationDeletionMarkMutation = graphql(`
  mutation SetOrganizationDeletionMark($id: ID!, $deletionMark: Boolean!) {
    setOrganizationDeletionMark(id: $id, deletionMark: $deletionMark) {
      ...OrganizationFields
    }
  }
`);

export const CreateBankAccountMutation = graphql(`
  mutation CreateBankAccount($input: CreateBankAccountInput!) {
    createBankAccount(input: $input) {
      ...BankAccountFields
    }
  }
`);

export const UpdateBankAccountMutation = graphql(`
  mutation UpdateBankAccount($id: ID!, $input: UpdateBankAccountInput!) {
    updateBankAccount(id: $id, input: $input) {
      ...BankAccountFields
    }
  }
`);

export const SetBankAccountDeletionMarkMutation = graphql(`
  mutation SetBankAccountDeletionMark($id: ID!, $deletionMark: Boolean!) {
    setBankAccountDeletionMark(id: $id, deletionMark: $deletionMark) {
      ...BankAccountFields
    }
  }
`);
