import type { EntityManager } from 'typeorm';
import type { JsonObject, JsonValue, RouteMap } from '@crm/process-engine';
import type { Actor } from '../auth/user.entity';
import type { ClientInterestService } from '../sales/interests/client-interest.service';
import { conflict } from '../../core/errors';

/**
 * The automatic steps (PROCESSING points) the server performs, synchronously, inside the transaction of the step
 * that reached them. Each answers with an output the engine stores as `results.<pointId>.output`.
 *
 * Moving the client interest is real (through the interests service's in-transaction hook). Creating documents is
 * not automated yet: the sales documents' services open their own transactions, so an invoice cannot be created
 * atomically with the step, and there is no contract document in the CRM yet. Those actions answer
 * `{performed: false}` (and `contractId: null`); the following task tells the manager to create the document.
 */
export const PROCESSING_ACTIONS = [
  'setInterestStage',
  'markInterestWon',
  'markInterestLost',
  'createOffer',
  'createInvoice',
  'createContractDraft',
  'activateContract',
] as const;
export type ProcessingAction = (typeof PROCESSING_ACTIONS)[number];

const NOT_AUTOMATED = { performed: false, reason: 'NOT_AUTOMATED' };

/** Why a Sale lost its interest, for the interest's loss comment (the loss reason itself is the generic «Другое»). */
const LOSS_TEXT: Record<string, string> = {
  NEED_NOT_CONFIRMED: 'потребность не подтверждена',
  APPROVAL_REJECTED: 'КП не согласовано',
  OFFER_REJECTED: 'клиент отклонил КП',
  NO_RESPONSE: 'клиент не отвечает',
  CONTRACT_NOT_SIGNED: 'договор не подписан',
};

export function lossComment(reason: JsonValue): string {
  const code = typeof reason === 'string' ? reason : 'UNKNOWN';
  return `Бизнес-процесс «Продажа»: ${LOSS_TEXT[code] ?? code} (${code})`;
}

/** Problems a route map has for this server beyond the engine's validation: unknown automatic actions. */
export function actionProblems(map: RouteMap): Array<{ code: string; pointId: string; message: string; field: string }> {
  const problems: Array<{ code: string; pointId: string; message: string; field: string }> = [];
  for (const p of Array.isArray(map?.points) ? map.points : []) {
    if (p?.type !== 'PROCESSING') continue;
    if (!(PROCESSING_ACTIONS as readonly string[]).includes(p.action)) {
      problems.push({ code: 'UNKNOWN_ACTION', pointId: p.id, field: 'action', message: `Unknown automatic action «${p.action}»; known: ${PROCESSING_ACTIONS.join(', ')}` });
    } else if (p.results?.length) {
      problems.push({ code: 'ACTION_HAS_NO_RESULTS', pointId: p.id, field: 'results', message: `The action ${p.action} reports no results: remove the point's results` });
    }
  }
  return problems;
}

const text = (v: JsonValue | undefined) => (typeof v === 'string' ? v : null);

export class ProcessActions {
  constructor(private readonly interests: ClientInterestService) {}

  /** Performs one automatic step in the caller's transaction; `actor` is whoever caused the step (null: the system). */
  async run(tx: EntityManager, actor: Actor | null, action: string, args: JsonObject): Promise<{ output: JsonObject }> {
    switch (action as ProcessingAction) {
      case 'setInterestStage': {
        const id = text(args.interestId);
        const order = Number(args.stageOrder);
        if (id && Number.isFinite(order)) await this.interests.followProcess(tx, actor, id, { stageOrder: order });
        return { output: {} };
      }
      case 'markInterestWon': {
        const id = text(args.interestId);
        if (id) await this.interests.followProcess(tx, actor, id, { outcome: 'WON' });
        return { output: {} };
      }
      case 'markInterestLost': {
        const id = text(args.interestId);
        if (id) await this.interests.followProcess(tx, actor, id, { outcome: 'LOST', comment: lossComment(args.lossReason ?? null) });
        return { output: {} };
      }
      case 'createContractDraft':
        return { output: { ...NOT_AUTOMATED, contractId: null } };
      case 'createOffer':
      case 'createInvoice':
      case 'activateContract':
        return { output: { ...NOT_AUTOMATED } };
      default:
        throw conflict(`The route map asks for an unknown automatic action «${action}»`, { reason: 'UNKNOWN_ACTION' });
    }
  }
}
