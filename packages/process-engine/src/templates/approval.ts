import type { Expression, RouteMap } from '../types';

const RESULTS = ['APPROVED', 'APPROVED_WITH_REMARKS', 'REJECTED'];

/** Tallies one approver's answer into the round's flags (`lastResult` is that answer). */
const TALLY: Record<string, Expression> = {
  rejected: { or: [{ var: ['vars.rejected', false] }, { '==': [{ var: 'lastResult' }, 'REJECTED'] }] },
  withRemarks: { or: [{ var: ['vars.withRemarks', false] }, { '==': [{ var: 'lastResult' }, 'APPROVED_WITH_REMARKS'] }] },
};

/** Starts a round of approval: first approver, no answers yet, the round counted. */
const NEW_ROUND: Record<string, Expression> = {
  i: 0,
  rejected: false,
  withRemarks: false,
  iteration: { '+': [{ var: ['vars.iteration', 0] }, 1] },
};

/**
 * «Согласование» (domain.md §2.3): approvers one after another (each sees the previous answers; a rejection stops
 * the round) or all at once (one branch per approver, the merge waits for every answer). Any rejection sends the
 * subject back to the initiator, who resubmits (a new round) or withdraws. Generic over the subject document.
 */
export const APPROVAL_TEMPLATE: RouteMap = {
  code: 'APPROVAL',
  name: 'Approval',
  description: 'Sequential or parallel approval of a document, with a rework loop to the initiator.',
  parameters: [
    {
      name: 'approvers',
      type: 'list',
      required: true,
      description: 'Who approves, in order: user ids, or assignees such as {"kind":"ROLE","role":"LAWYER","ofUserId":null}',
    },
    { name: 'mode', type: 'string', default: 'SEQUENTIAL', description: 'SEQUENTIAL or PARALLEL' },
    { name: 'initiatorId', type: 'string', required: true, description: 'Who reworks the document after a rejection' },
    { name: 'deadlinePerApprover', type: 'number', default: 1, description: 'Working days each approver has' },
    { name: 'escalateAfterDays', type: 'number', default: 2, description: 'Working days after which an open approval task is escalated' },
  ],
  points: [
    { id: 'START', type: 'START', name: 'Start', position: { x: 0, y: 240 } },
    {
      id: 'SW_MODE',
      type: 'SWITCH',
      name: 'Mode',
      expression: { var: 'parameters.mode' },
      options: ['SEQUENTIAL', 'PARALLEL'],
      position: { x: 220, y: 240 },
    },
    {
      id: 'A_APPROVE',
      type: 'ACTION',
      name: 'Approve {{subject.title}}',
      description: 'Round {{vars.iteration}}: approve, approve with remarks, or reject.',
      performer: { parameter: 'approvers', index: { var: 'vars.i' } },
      results: RESULTS,
      deadlineDays: { var: 'parameters.deadlinePerApprover' },
      escalateAfterDays: { var: 'parameters.escalateAfterDays' },
      allowRedirect: true,
      position: { x: 440, y: 120 },
    },
    {
      id: 'C_SEQUENCE_DONE',
      type: 'CONDITION',
      name: 'Rejected or last approver?',
      condition: { or: [{ var: 'vars.rejected' }, { '>=': [{ var: 'vars.i' }, { var: 'parameters.approvers.length' }] }] },
      position: { x: 660, y: 120 },
    },
    {
      id: 'SP_APPROVERS',
      type: 'SPLIT',
      name: 'To every approver',
      forEach: { var: 'parameters.approvers' },
      position: { x: 440, y: 360 },
    },
    {
      id: 'A_APPROVE_PARALLEL',
      type: 'ACTION',
      name: 'Approve {{subject.title}}',
      description: 'Round {{vars.iteration}}: approve, approve with remarks, or reject.',
      performer: { parameter: 'approvers' },
      results: RESULTS,
      deadlineDays: { var: 'parameters.deadlinePerApprover' },
      escalateAfterDays: { var: 'parameters.escalateAfterDays' },
      allowRedirect: true,
      position: { x: 660, y: 360 },
    },
    { id: 'M_APPROVERS', type: 'MERGE', name: 'All answered', splitId: 'SP_APPROVERS', position: { x: 880, y: 360 } },
    {
      id: 'C_APPROVED',
      type: 'CONDITION',
      name: 'Approved by all?',
      condition: { '!': { var: 'vars.rejected' } },
      position: { x: 1100, y: 240 },
    },
    {
      id: 'A_REWORK',
      type: 'ACTION',
      name: 'Rework {{subject.title}}',
      description: 'The document was rejected: rework it and resubmit, or withdraw it.',
      performer: { parameter: 'initiatorId' },
      results: ['RESUBMIT', 'WITHDRAW'],
      deadlineDays: 2,
      position: { x: 1100, y: 480 },
    },
    {
      id: 'E_APPROVED',
      type: 'END',
      name: 'Approved',
      result: 'APPROVED',
      output: { withRemarks: { var: 'vars.withRemarks' }, iterations: { var: 'vars.iteration' } },
      position: { x: 1320, y: 240 },
    },
    {
      id: 'E_REJECTED',
      type: 'END',
      name: 'Rejected',
      result: 'REJECTED',
      output: { iterations: { var: 'vars.iteration' } },
      position: { x: 1320, y: 480 },
    },
  ],
  edges: [
    { from: 'START', to: 'SW_MODE', set: NEW_ROUND },
    { from: 'SW_MODE', to: 'A_APPROVE', exit: 'SEQUENTIAL', label: 'one by one' },
    { from: 'SW_MODE', to: 'SP_APPROVERS', exit: 'PARALLEL', label: 'all at once' },
    { from: 'SW_MODE', to: 'A_APPROVE', exit: 'default' },
    { from: 'A_APPROVE', to: 'C_SEQUENCE_DONE', set: { ...TALLY, i: { '+': [{ var: 'vars.i' }, 1] } } },
    { from: 'C_SEQUENCE_DONE', to: 'C_APPROVED', exit: 'then' },
    { from: 'C_SEQUENCE_DONE', to: 'A_APPROVE', exit: 'else', label: 'next approver' },
    { from: 'SP_APPROVERS', to: 'A_APPROVE_PARALLEL' },
    { from: 'A_APPROVE_PARALLEL', to: 'M_APPROVERS', set: TALLY },
    { from: 'M_APPROVERS', to: 'C_APPROVED' },
    { from: 'C_APPROVED', to: 'E_APPROVED', exit: 'then' },
    { from: 'C_APPROVED', to: 'A_REWORK', exit: 'else', label: 'rejected' },
    { from: 'A_REWORK', to: 'SW_MODE', exit: 'RESUBMIT', label: 'new round', set: NEW_ROUND },
    { from: 'A_REWORK', to: 'E_REJECTED', exit: 'WITHDRAW' },
  ],
};
