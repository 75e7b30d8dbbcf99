import { ProcessEngineError, start } from '../engine';
import { Orchestrator, role, user } from '../test-support/orchestrator';
import type { JsonObject } from '../types';
import { validateMap } from '../validate';
import { APPROVAL_TEMPLATE, BUILT_IN_TEMPLATES, CONTRACT_TEMPLATE, SALE_TEMPLATE } from './index';

const INTEREST: JsonObject = {
  id: 'interest-1',
  title: 'Interest #1',
  responsibleId: 'manager-1',
  counterpartyId: 'client-1',
  amount: '250000.00',
  maxDiscountPct: '15',
  nonStandardTerms: false,
  hasActiveContract: false,
  offerId: 'offer-1',
};

const SALE_PARAMS: JsonObject = { interestId: 'interest-1', managerId: 'manager-1', discountLimitPct: '10' };

/** The server's automatic actions: a contract draft gets an id, everything else just succeeds. */
function orchestrator(): Orchestrator {
  return new Orchestrator(BUILT_IN_TEMPLATES, (action) => (action === 'createContractDraft' ? { output: { contractId: 'contract-1' } } : {}));
}

function stagesMoved(o: Orchestrator): number[] {
  return o.processingLog.filter((p) => p.action === 'setInterestStage').map((p) => p.args.stageOrder as number);
}

describe('built-in templates', () => {
  it.each(Object.entries(BUILT_IN_TEMPLATES))('%s passes validateMap', (code, map) => {
    expect(map.code).toBe(code);
    expect(validateMap(map)).toEqual([]);
  });
});

describe('SALE', () => {
  it('is won through an approval (rejected once, reworked, approved) and a contract, with payment and delivery in parallel', () => {
    const o = orchestrator();
    const sale = o.start('SALE', SALE_PARAMS, INTEREST);

    const qualify = o.open('A_QUALIFY');
    expect(qualify).toHaveLength(1);
    expect(qualify[0].assignee).toEqual(user('manager-1'));
    expect(qualify[0].title).toBe('Qualify the need: Interest #1');
    expect(qualify[0].deadlineDays).toBe(1);
    o.complete('A_QUALIFY', 'CONFIRMED', { by: 'manager-1' });
    o.complete('A_PREPARE_OFFER', 'READY');

    // 15 % > the manager's 10 %: the nested approval runs, addressed to the head of sales of the manager.
    const [approval] = o.byCode('APPROVAL');
    expect(approval.parent).toEqual({ instanceId: sale.id, tokenId: expect.any(String) });
    expect(approval.state.parameters.approvers).toEqual([role('HEAD_OF_SALES', 'manager-1')]);
    expect(approval.state.subject).toMatchObject({ type: 'COMMERCIAL_OFFER', id: 'offer-1' });
    expect(o.open('A_APPROVE')[0].assignee).toEqual(role('HEAD_OF_SALES', 'manager-1'));
    expect(o.open('A_APPROVE')[0].allowRedirect).toBe(true);
    expect(o.open('A_APPROVE')[0].escalateAfterDays).toBe(2);

    o.complete('A_APPROVE', 'REJECTED', { comment: 'Too generous' });
    expect(o.open('A_SEND_OFFER')).toHaveLength(0);
    expect(o.open('A_REWORK')[0].assignee).toEqual(user('manager-1'));
    o.complete('A_REWORK', 'RESUBMIT');
    expect(o.open('A_APPROVE')[0].description).toContain('Round 2');
    o.complete('A_APPROVE', 'APPROVED');
    expect(approval.state.status).toBe('FINISHED');
    expect(approval.state.output).toEqual({ withRemarks: false, iterations: 2 });

    o.complete('A_SEND_OFFER', 'ACCEPTED');

    // No active contract: the nested contract conclusion runs, with its own nested approval by the lawyer.
    const [contract] = o.byCode('CONTRACT');
    expect(contract.parent?.instanceId).toBe(sale.id);
    expect(contract.state.parameters).toMatchObject({ managerId: 'manager-1', amount: '250000.00', interestId: 'interest-1' });
    o.complete('A_DRAFT', 'READY');
    const lawyerApproval = o.byCode('APPROVAL')[1];
    expect(lawyerApproval.parent?.instanceId).toBe(contract.id);
    expect(lawyerApproval.state.subject).toMatchObject({ type: 'CONTRACT', id: 'contract-1' });
    expect(o.open('A_APPROVE')[0].assignee).toEqual(role('LAWYER'));
    o.complete('A_APPROVE', 'APPROVED_WITH_REMARKS');
    expect(lawyerApproval.state.output).toEqual({ withRemarks: true, iterations: 1 });
    o.complete('A_SEND_FOR_SIGNATURE', 'SIGNED');
    expect(o.open('A_REGISTER')[0].assignee).toEqual(role('LAWYER'));
    o.complete('A_REGISTER', 'REGISTERED');
    expect(contract.state.result).toBe('SIGNED');
    expect(o.processingLog.find((p) => p.action === 'activateContract')?.args).toEqual({ contractId: 'contract-1' });

    // Invoice, then payment control ‖ delivery.
    expect(o.processingLog.find((p) => p.action === 'createInvoice')?.args).toEqual({ interestId: 'interest-1', offerId: 'offer-1' });
    o.complete('A_SEND_INVOICE', 'SENT');
    expect(o.open('A_PAYMENT')[0].assignee).toEqual(role('ACCOUNTANT'));
    expect(o.open('A_DELIVERY')[0].assignee).toEqual(role('WAREHOUSE'));
    o.complete('A_DELIVERY', 'READY');
    expect(o.open('A_SHIPMENT')).toHaveLength(0);
    o.complete('A_PAYMENT', 'NOT_PAID');
    o.complete('A_PAYMENT_REMINDER', 'DONE');
    expect(o.open('A_SHIPMENT')).toHaveLength(0);
    o.complete('A_PAYMENT', 'PAID');
    expect(o.open('A_SHIPMENT')).toHaveLength(1);
    o.complete('A_SHIPMENT', 'SHIPPED');
    o.complete('A_CLOSING_DOCUMENTS', 'SENT');

    expect(sale.state.status).toBe('FINISHED');
    expect(sale.state.result).toBe('WON');
    expect(stagesMoved(o)).toEqual([2, 3, 4, 5, 6]);
    expect(o.processingLog.map((p) => p.action)).toContain('markInterestWon');
    expect(o.processingLog.map((p) => p.action)).not.toContain('markInterestLost');
    expect(o.tasks).toEqual([]);
    expect(sale.state.history.filter((h) => h.type === 'MERGE')).toHaveLength(1);
    expect(sale.state.history.find((h) => h.pointId === 'A_QUALIFY')).toMatchObject({ result: 'CONFIRMED', by: 'manager-1' });
  });

  it('is lost with a reason when the client rejects the offer', () => {
    const o = orchestrator();
    const sale = o.start('SALE', SALE_PARAMS, { ...INTEREST, maxDiscountPct: '5' });
    o.complete('A_QUALIFY', 'CONFIRMED');
    o.complete('A_PREPARE_OFFER', 'READY');
    expect(o.byCode('APPROVAL')).toHaveLength(0); // within the limit
    o.complete('A_SEND_OFFER', 'REJECTED', { comment: 'Too expensive' });
    expect(sale.state.result).toBe('LOST');
    expect(sale.state.output).toEqual({ lossReason: 'OFFER_REJECTED' });
    expect(o.processingLog.find((p) => p.action === 'markInterestLost')?.args).toEqual({
      interestId: 'interest-1',
      lossReason: 'OFFER_REJECTED',
    });
    expect(o.tasks).toEqual([]);
  });

  it('is lost when the need is not confirmed', () => {
    const o = orchestrator();
    const sale = o.start('SALE', SALE_PARAMS, INTEREST);
    o.complete('A_QUALIFY', 'NOT_CONFIRMED');
    expect(sale.state).toMatchObject({ status: 'FINISHED', result: 'LOST', output: { lossReason: 'NEED_NOT_CONFIRMED' } });
  });

  it('goes back to the offer when the client asks for changes, and skips the contract when one is active', () => {
    const o = orchestrator();
    const sale = o.start('SALE', SALE_PARAMS, { ...INTEREST, maxDiscountPct: '10', hasActiveContract: true });
    o.complete('A_QUALIFY', 'CONFIRMED');
    const first = o.complete('A_PREPARE_OFFER', 'READY');
    o.complete('A_SEND_OFFER', 'CHANGES_REQUESTED');
    const again = o.open('A_PREPARE_OFFER');
    expect(again).toHaveLength(1);
    expect(again[0].tokenId).not.toBe(first.tokenId);
    // The client now wants a bigger discount: the snapshot passed with the event is what the condition reads.
    o.complete('A_PREPARE_OFFER', 'READY', { subject: { ...INTEREST, maxDiscountPct: '12.5', hasActiveContract: true } });
    expect(o.byCode('APPROVAL')).toHaveLength(1);
    o.complete('A_APPROVE', 'APPROVED');
    o.complete('A_SEND_OFFER', 'ACCEPTED');
    expect(o.byCode('CONTRACT')).toHaveLength(0);
    expect(o.open('A_SEND_INVOICE')).toHaveLength(1);
    expect(sale.state.history.filter((h) => h.pointId === 'A_PREPARE_OFFER')).toHaveLength(2);
  });

  it('follows up when there is no answer and is lost after the last follow-up', () => {
    const o = orchestrator();
    const sale = o.start('SALE', { ...SALE_PARAMS, maxFollowUps: 2 }, { ...INTEREST, maxDiscountPct: '0' });
    o.complete('A_QUALIFY', 'CONFIRMED');
    o.complete('A_PREPARE_OFFER', 'READY');
    o.complete('A_SEND_OFFER', 'NO_ANSWER');
    expect(o.open('A_FOLLOW_UP')[0].description).toContain('follow-up 1');
    o.complete('A_FOLLOW_UP', 'NO_ANSWER');
    expect(o.open('A_FOLLOW_UP')[0].description).toContain('follow-up 2');
    o.complete('A_FOLLOW_UP', 'NO_ANSWER');
    expect(sale.state).toMatchObject({ result: 'LOST', output: { lossReason: 'NO_RESPONSE' } });
  });

  it('continues after a follow-up that gets an acceptance', () => {
    const o = orchestrator();
    const sale = o.start('SALE', SALE_PARAMS, { ...INTEREST, maxDiscountPct: '0', hasActiveContract: true });
    o.complete('A_QUALIFY', 'CONFIRMED');
    o.complete('A_PREPARE_OFFER', 'READY');
    o.complete('A_SEND_OFFER', 'NO_ANSWER');
    o.complete('A_FOLLOW_UP', 'ACCEPTED');
    expect(o.open('A_SEND_INVOICE')).toHaveLength(1);
    expect(sale.state.vars.followUps).toBe(1);
  });

  it('is lost when the nested contract is refused (the child result is mapped to NOT_SIGNED)', () => {
    const o = orchestrator();
    const sale = o.start('SALE', SALE_PARAMS, { ...INTEREST, maxDiscountPct: '0' });
    o.complete('A_QUALIFY', 'CONFIRMED');
    o.complete('A_PREPARE_OFFER', 'READY');
    o.complete('A_SEND_OFFER', 'ACCEPTED');
    o.complete('A_DRAFT', 'READY');
    o.complete('A_APPROVE', 'APPROVED');
    o.complete('A_SEND_FOR_SIGNATURE', 'REFUSED');
    expect(o.byCode('CONTRACT')[0].state.result).toBe('REFUSED');
    expect(sale.state.results.N_CONTRACT).toMatchObject({ result: 'NOT_SIGNED', output: { contractId: 'contract-1' } });
    expect(sale.state).toMatchObject({ result: 'LOST', output: { lossReason: 'CONTRACT_NOT_SIGNED' } });
  });

  it('is lost when the approval is withdrawn after a rejection', () => {
    const o = orchestrator();
    const sale = o.start('SALE', SALE_PARAMS, INTEREST);
    o.complete('A_QUALIFY', 'CONFIRMED');
    o.complete('A_PREPARE_OFFER', 'READY');
    o.complete('A_APPROVE', 'REJECTED');
    o.complete('A_REWORK', 'WITHDRAW');
    expect(sale.state).toMatchObject({ result: 'LOST', output: { lossReason: 'APPROVAL_REJECTED' } });
  });

  it('requires the interest and the manager', () => {
    const error = (() => {
      try {
        start(SALE_TEMPLATE, { discountLimitPct: 'ten' });
      } catch (e) {
        return e as ProcessEngineError;
      }
      throw new Error('start did not fail');
    })();
    expect(error.code).toBe('INVALID_PARAMETERS');
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'MISSING_PARAMETER', parameter: 'interestId' }),
        expect.objectContaining({ code: 'MISSING_PARAMETER', parameter: 'managerId' }),
        expect.objectContaining({ code: 'INVALID_PARAMETER_TYPE', parameter: 'discountLimitPct' }),
      ]),
    );
  });
});

describe('APPROVAL', () => {
  const subject = { title: 'Offer 17' };

  it('in parallel waits for every approver; one rejection sends it to rework; the next round approves', () => {
    const o = orchestrator();
    const approvers = ['u1', 'u2', role('LAWYER')];
    const approval = o.start('APPROVAL', { approvers: approvers as never, mode: 'PARALLEL', initiatorId: 'init' }, subject);
    const tasks = o.open('A_APPROVE_PARALLEL');
    expect(tasks.map((t) => t.assignee)).toEqual([user('u1'), user('u2'), role('LAWYER')]);
    expect(new Set(tasks.map((t) => t.tokenId)).size).toBe(3);
    expect(tasks[0].title).toBe('Approve Offer 17');

    o.complete('A_APPROVE_PARALLEL', 'REJECTED', { which: (t) => t.assignee.kind === 'USER' && t.assignee.userId === 'u2' });
    o.complete('A_APPROVE_PARALLEL', 'APPROVED', { which: (t) => t.assignee.kind === 'USER' && t.assignee.userId === 'u1' });
    expect(o.open('A_REWORK')).toHaveLength(0); // the merge still waits for the lawyer
    o.complete('A_APPROVE_PARALLEL', 'APPROVED_WITH_REMARKS');
    expect(approval.state.history.filter((h) => h.type === 'MERGE')).toHaveLength(1);
    expect(o.open('A_REWORK')[0].assignee).toEqual(user('init'));

    o.complete('A_REWORK', 'RESUBMIT');
    expect(o.open('A_APPROVE_PARALLEL')).toHaveLength(3);
    for (let i = 0; i < 3; i += 1) o.complete('A_APPROVE_PARALLEL', 'APPROVED', { which: (t) => t === o.open('A_APPROVE_PARALLEL')[0] });
    expect(approval.state).toMatchObject({ status: 'FINISHED', result: 'APPROVED', output: { withRemarks: false, iterations: 2 } });
    expect(approval.state.history.filter((h) => h.type === 'MERGE')).toHaveLength(2);
  });

  it('sequentially asks one approver after another and stops at a rejection', () => {
    const o = orchestrator();
    const approval = o.start('APPROVAL', { approvers: ['u1', 'u2', 'u3'], initiatorId: 'init', deadlinePerApprover: 3 }, subject);
    expect(o.open('A_APPROVE').map((t) => [t.assignee, t.deadlineDays])).toEqual([[user('u1'), 3]]);
    o.complete('A_APPROVE', 'APPROVED');
    expect(o.open('A_APPROVE').map((t) => t.assignee)).toEqual([user('u2')]);
    o.complete('A_APPROVE', 'REJECTED');
    expect(o.open('A_APPROVE')).toHaveLength(0); // u3 is not asked
    o.complete('A_REWORK', 'WITHDRAW');
    expect(approval.state).toMatchObject({ result: 'REJECTED', output: { iterations: 1 } });
  });

  it('sequentially approves when everyone approves, starting again from the first approver after a rework', () => {
    const o = orchestrator();
    const approval = o.start('APPROVAL', { approvers: ['u1', 'u2'], initiatorId: 'init', mode: 'SEQUENTIAL' }, subject);
    o.complete('A_APPROVE', 'APPROVED');
    o.complete('A_APPROVE', 'REJECTED');
    o.complete('A_REWORK', 'RESUBMIT');
    expect(o.open('A_APPROVE').map((t) => t.assignee)).toEqual([user('u1')]);
    o.complete('A_APPROVE', 'APPROVED');
    o.complete('A_APPROVE', 'APPROVED_WITH_REMARKS');
    expect(approval.state).toMatchObject({ result: 'APPROVED', output: { withRemarks: true, iterations: 2 } });
  });

  it('treats an unknown mode as sequential', () => {
    const o = orchestrator();
    o.start('APPROVAL', { approvers: ['u1', 'u2'], initiatorId: 'init', mode: 'WHATEVER' }, subject);
    expect(o.open('A_APPROVE')).toHaveLength(1);
  });

  it('refuses to start without approvers', () => {
    expect(() => start(APPROVAL_TEMPLATE, { approvers: [], initiatorId: 'init' })).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETERS', details: [expect.objectContaining({ code: 'MISSING_PARAMETER', parameter: 'approvers' })] }),
    );
  });
});

describe('CONTRACT', () => {
  const params = { managerId: 'manager-1', interestId: 'interest-1', counterpartyId: 'client-1', amount: '1500000', directorThreshold: '1000000' };

  it('goes back to the draft after a protocol of disagreement, and the director approves above the threshold', () => {
    const o = orchestrator();
    const contract = o.start('CONTRACT', params, INTEREST);
    expect(o.processingLog[0]).toMatchObject({ action: 'createContractDraft', args: { interestId: 'interest-1', counterpartyId: 'client-1', amount: '1500000' } });
    o.complete('A_DRAFT', 'READY');
    const approval = o.byCode('APPROVAL')[0];
    expect(approval.state.parameters.approvers).toEqual([role('LAWYER'), role('DIRECTOR')]);
    o.complete('A_APPROVE', 'APPROVED');
    o.complete('A_APPROVE', 'APPROVED');
    o.complete('A_SEND_FOR_SIGNATURE', 'NO_ANSWER');
    o.complete('A_SEND_FOR_SIGNATURE', 'DISAGREEMENT_PROTOCOL');
    expect(o.open('A_DRAFT')).toHaveLength(1);
    o.complete('A_DRAFT', 'READY');
    expect(o.byCode('APPROVAL')).toHaveLength(2); // approved again after the changes
    o.complete('A_APPROVE', 'APPROVED');
    o.complete('A_APPROVE', 'APPROVED');
    o.complete('A_SEND_FOR_SIGNATURE', 'SIGNED');
    o.complete('A_REGISTER', 'REGISTERED');
    expect(contract.state).toMatchObject({ status: 'FINISHED', result: 'SIGNED', output: { contractId: 'contract-1' } });
  });

  it('asks only the lawyer below the threshold and ends refused when the client refuses', () => {
    const o = orchestrator();
    const contract = o.start('CONTRACT', { ...params, amount: '999999.99' }, INTEREST);
    o.complete('A_DRAFT', 'READY');
    expect(o.byCode('APPROVAL')[0].state.parameters.approvers).toEqual([role('LAWYER')]);
    o.complete('A_APPROVE', 'APPROVED');
    o.complete('A_SEND_FOR_SIGNATURE', 'REFUSED');
    expect(contract.state.result).toBe('REFUSED');
  });

  it('ends not approved when the approval is withdrawn', () => {
    const o = orchestrator();
    const contract = o.start('CONTRACT', { managerId: 'manager-1' }, INTEREST);
    o.complete('A_DRAFT', 'READY');
    o.complete('A_APPROVE', 'REJECTED');
    o.complete('A_REWORK', 'WITHDRAW');
    expect(contract.state.result).toBe('NOT_APPROVED');
    expect(CONTRACT_TEMPLATE.code).toBe('CONTRACT');
  });
});
