import type { TestServer } from '../../../test/harness';
import { unique } from '../../../test/harness';
import type { User } from '../../auth/user.entity';
import { ProductKind, VatRate } from '../catalog/catalog.enums';
import type { CreateClientInterestInput } from './interests.inputs';
import { StageSemantic } from './interests.enums';

/** Test data of the sale, built through the services (setup only; what is tested goes over HTTP). */
export function salesFactories(t: TestServer) {
  const services = t.app.services;
  return {
    async product(input: { price?: string; vatRate?: VatRate; name?: string; kind?: ProductKind } = {}) {
      return services.products.create(await t.factories.admin(), { name: input.name ?? unique('Товар '), price: input.price ?? '100.00', vatRate: input.vatRate ?? VatRate.VAT_20, kind: input.kind });
    },
    async defaultScenario() {
      const scenario = (await services.salesScenarios.listScenarios()).find((s) => s.isDefault)!;
      const stages = await services.salesScenarios.stagesOf([scenario.id]);
      return {
        scenario,
        stages,
        working: stages.filter((s) => s.semantic === StageSemantic.IN_PROGRESS),
        success: stages.find((s) => s.semantic === StageSemantic.SUCCESS)!,
        failure: stages.find((s) => s.semantic === StageSemantic.FAILURE)!,
      };
    },
    /** A second scenario, to try moves across scenarios. */
    async otherScenario() {
      const scenario = await services.salesScenarios.createScenario(await t.factories.admin(), {
        name: unique('Сценарий '),
        stages: [
          { name: 'Начало', probability: 20, semantic: StageSemantic.IN_PROGRESS },
          { name: 'Выиграно', probability: 100, semantic: StageSemantic.SUCCESS },
          { name: 'Проиграно', probability: 0, semantic: StageSemantic.FAILURE },
        ],
      });
      return { scenario, stages: await services.salesScenarios.stagesOf([scenario.id]) };
    },
    /** An interest of `responsible` with their own new counterparty, created by them. */
    async interest(responsible: User, input: Partial<CreateClientInterestInput> = {}) {
      const counterpartyId = input.counterpartyId ?? (await t.factories.counterparty(responsible)).id;
      return services.interests.create(t.factories.actorOf(responsible), { counterpartyId, need: unique('Нужно '), ...input });
    },
    async lossReasonId() {
      return (await services.salesScenarios.lossReasons())[0].id;
    },
    historyOf(interestId: string): Promise<Array<{ from_stage_id: string | null; to_stage_id: string; from_state: string | null; to_state: string; amount: string; probability: number; user_id: string }>> {
      return t.app.db.query(`SELECT * FROM client_interest_stage_history WHERE interest_id = $1 ORDER BY id`, [interestId]);
    },
  };
}
