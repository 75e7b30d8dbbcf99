import { graphql } from '../../../graphql';

graphql(`
  fragment AdminStage on SalesStage {
    id
    name
    probability
    semantic
    sort
    version
  }
`);

graphql(`
  fragment AdminScenario on SalesScenario {
    id
    name
    isDefault
    deletionMark
    version
    stages {
      ...AdminStage
    }
  }
`);

export const SalesSettingsQuery = graphql(`
  query SalesSettings {
    salesScenarios(includeDeleted: true) {
      ...AdminScenario
    }
    lossReasons(includeInactive: true) {
      id
      name
      sort
      active
      version
    }
    informationSources(includeInactive: true) {
      id
      name
      sort
      active
      version
    }
  }
`);

export const CreateSalesScenarioMutation = graphql(`
  mutation CreateSalesScenario($input: CreateSalesScenarioInput!) {
    createSalesScenario(input: $input) {
      ...AdminScenario
    }
  }
`);

export const UpdateSalesScenarioMutation = graphql(`
  mutation UpdateSalesScenario($id: ID!, $input: UpdateSalesScenarioInput!) {
    updateSalesScenario(id: $id, input: $input) {
      ...AdminScenario
    }
  }
`);

export const SetSalesScenarioDeletionMarkMutation = graphql(`
  mutation SetSalesScenarioDeletionMark($id: ID!, $deletionMark: Boolean!) {
    setSalesScenarioDeletionMark(id: $id, deletionMark: $deletionMark) {
      ...AdminScenario
    }
  }
`);

export const CreateSalesStageMutation = graphql(`
  mutation CreateSalesStage($input: CreateSalesStageInput!) {
    createSalesStage(input: $input) {
      ...AdminStage
    }
  }
`);

export const UpdateSalesStageMutation = graphql(`
  mutation UpdateSalesStage($id: ID!, $input: UpdateSalesStageInput!) {
    updateSalesStage(id: $id, input: $input) {
      ...AdminStage
    }
  }
`);

export const DeleteSalesStageMutation = graphql(`
  mutation DeleteSalesStage($id: ID!) {
    deleteSalesStage(id: $id)
  }
`);

export const CreateLossReasonMutation = graphql(`
  mutation CreateLossReason($input: CreateReferenceItemInput!) {
    createLossReason(input: $input) {
      id
    }
  }
`);

export const UpdateLossReasonMutation = graphql(`
  mutation UpdateLossReason($id: ID!, $input: UpdateReferenceItemInput!) {
    updateLossReason(id: $id, input: $input) {
      id
      name
      sort
      active
      version
    }
  }
`);

export const CreateInformationSourceMutation = graphql(`
  mutation CreateInformationSource($input: CreateReferenceItemInput!) {
    createInformationSource(input: $input) {
      id
    }
  }
`);

export const UpdateInformationSourceMutation = graphql(`
  mutation UpdateInformationSource($id: ID!, $input: UpdateReferenceItemInput!) {
    updateInformationSource(id: $id, input: $input) {
      id
      name
      sort
      active
      version
    }
  }
`);
