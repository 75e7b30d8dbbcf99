import { graphql } from '../../../graphql';

export const SalesDeskQuery = graphql(`
  query SalesDesk {
    salesDesk {
      interestsByStage {
        stage {
          id
          name
          probability
        }
        count
        amount
        weightedAmount
      }
      offersAwaitingAnswer {
        id
        number
        date
        validUntil
        effectiveState
        total
        counterparty {
          id
          name
        }
      }
      invoiceAgeing {
        notDue {
          count
          amount
        }
        d0_7 {
          count
          amount
        }
        d8_30 {
          count
          amount
        }
        d31_60 {
          count
          amount
        }
        over60 {
          count
          amount
        }
        overdue {
          count
          amount
        }
        total {
          count
          amount
        }
      }
      recentPayments {
        id
        number
        date
        amount
        cancelled
        counterparty {
          id
          name
        }
      }
      recentShipments {
        id
        number
        date
        total
        posted
        counterparty {
          id
          name
        }
      }
    }
  }
`);
