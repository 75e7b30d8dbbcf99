import { registerEnumType } from 'type-graphql';

/** The result of a client interest. */
export enum InterestState {
  ACTIVE = 'ACTIVE',
  WON = 'WON',
  LOST = 'LOST',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(InterestState, {
  name: 'InterestState',
  description: 'Where a client interest stands: being worked on, won, lost, or put on hold.',
  valuesConfig: {
    ACTIVE: { description: 'Being worked on; it moves along the stages of its scenario.' },
    WON: { description: 'Won: it reached the success stage.' },
    LOST: { description: 'Lost, with a loss reason.' },
    SUSPENDED: { description: 'On hold: it stays at its stage and cannot be moved until resumed.' },
  },
});

/** What reaching a stage means. */
export enum StageSemantic {
  IN_PROGRESS = 'IN_PROGRESS',
  SUCCESS = 'SUCCESS',
  FAILURE = 'FAILURE',
}
registerEnumType(StageSemantic, {
  name: 'StageSemantic',
  description: 'The meaning of a sales stage (as P/S/F in Bitrix24).',
  valuesConfig: {
    IN_PROGRESS: { description: 'A working stage of the sale.' },
    SUCCESS: { description: 'The sale is won: an interest reaching it becomes WON.' },
    FAILURE: { description: 'The sale is lost: an interest gets here only through markClientInterestLost, with a reason.' },
  },
});

export const OPEN_STATES: readonly InterestState[] = [InterestState.ACTIVE, InterestState.SUSPENDED];
export const CLOSED_STATES: readonly InterestState[] = [InterestState.WON, InterestState.LOST];
