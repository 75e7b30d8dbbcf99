import { graphql } from '../../../graphql';

/** The Requests tab badge; a file of its own so the shell carries no more of the section than this. */
export const ClientRequestCountsQuery = graphql(`
  query ClientRequestCounts {
    clientRequestCounts {
      open
      mine
      critical
      breached
      aboutToBreach
    }
  }
`);
