import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth';
import { FormSection } from '../../../components/FormSection';
import { UserPicker, type PickedUser } from '../../../components/UserPicker';
import { omitKey, type FieldErrors } from '../../../lib/errors';
import { focusFirstError } from '../../../lib/focus-first-error';
import { CounterpartyPicker, type PickedCounterparty } from '../../contact-persons/components/CounterpartyPicker';
import { ContactPersonPicker, type PickedContactPerson } from '../../events/components/ContactPersonPicker';
import { SalesErrorAlert, isVersionConflict, splitSalesErrors } from '../lib/errors';
import { compareMoney, decimalInputProblem, formatMoney, toApiDecimal } from '../lib/money';
import { CompetitorsPicker } from './CompetitorsPicker';
import { DecimalField } from './DecimalField';
import { InterestLinesEditor, draftsTotal, newLine, type LineDraft } from './InterestLinesEditor';
import type { PickedProduct } from '../../catalog/components/ProductPicker';

export interface ScenarioOption {
  id: string;
  name: string;
  isDefault: boolean;
  deletionMark: boolean;
  stages: ReadonlyArray<{ id: string; name: string; probability: number; semantic: string }>;
}

export interface SourceOption {
  id: string;
  name: string;
  active: boolean;
}

/** What the form starts from: an existing interest (edit) or what the page knows (a counterparty card). */
export interface InterestFormInitial {
  counterparty?: PickedCounterparty | null;
  contactPerson?: PickedContactPerson | null;
  need?: string;
  lines?: ReadonlyArray<{ product: PickedProduct; quantity: string; price: string }>;
  plannedAmount?: string;
  plannedCloseDate?: string | null;
  probability?: number;
  scenarioId?: string;
  stageId?: string;
  stageName?: string;
  informationSourceId?: string | null;
  competitors?: PickedCounterparty[];
  responsible?: PickedUser | null;
}

export interface InterestFormOutput {
  counterpartyId: string;
  contactPersonId: string | null;
  need: string;
  lines: Array<{ productId: string; quantity: string; price: string }>;
  /** Null: let the server take the sum of the lines. */
  plannedAmount: string | null;
  plannedCloseDate: string | null;
  /** Null: the stage's default (create) / unchanged. */
  probability: number | null;
  scenarioId: string | null;
  stageId: string | null;
  informationSourceId: string | null;
  competitorIds: string[];
  responsibleId: string | null;
}

interface Props {
  mode: 'create' | 'edit';
  initial: InterestFormInitial;
  scenarios: readonly ScenarioOption[];
  sources: readonly SourceOption[];
  submitLabel: string;
  onSubmit: (output: InterestFormOutput) => Promise<void>;
  onCancel: () => void;
  onConflict?: () => void;
}

const FIELDS = /^(counterpartyId|contactPersonId|need|plannedAmount|plannedCloseDate|probability|scenarioId|stageId|informationSourceId|responsibleId|competitorIds(\.\d+)?|lines\.\d+\.(productId|quantity|price)|date)$/;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The client interest form: who (client, contact), what (need, products), how much and when (amount, close date,
 * probability), where in the pipeline (scenario and starting stage, on creation), and attribution (source,
 * competitors, responsible). Checks as you type with the server's rules, then places the server's field errors.
 */
export function InterestForm({ mode, initial, scenarios, sources, submitLabel, onSubmit, onCancel, onConflict }: Props) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const creating = mode === 'create';
  const defaultScenario = scenarios.find((s) => s.isDefault && !s.deletionMark) ?? scenarios.find((s) => !s.deletionMark);
  const [counterparty, setCounterparty] = useState<PickedCounterparty | null>(initial.counterparty ?? null);
  const [contactPerson, setContactPerson] = useState<PickedContactPerson | null>(initial.contactPerson ?? null);
  const [need, setNeed] = useState(initial.need ?? '');
  const [lines, setLines] = useState<LineDraft[]>(() =>
    initial.lines?.length ? initial.lines.map((l) => ({ ...newLine(), product: l.product, quantity: l.quantity, price: l.price })) : creating ? [] : [],
  );
  const initialTotal = draftsTotal(lines);
  // The planned amount follows the lines until the manager types their own (an edited interest whose amount
  // differs from its lines already has one).
  const [amountTouched, setAmountTouched] = useState(() => Boolean(initial.plannedAmount && compareMoney(initial.plannedAmount, initialTotal) !== 0));
  const [plannedAmount, setPlannedAmount] = useState(initial.plannedAmount ?? '');
  const [closeDate, setCloseDate] = useState(initial.plannedCloseDate ?? '');
  const [scenarioId, setScenarioId] = useState(initial.scenarioId ?? defaultScenario?.id ?? '');
  const scenario = scenarios.find((s) => s.id === scenarioId);
  const startStages = (scenario?.stages ?? []).filter((s) => s.semantic === 'IN_PROGRESS');
  const [stageId, setStageId] = useState(initial.stageId ?? startStages[0]?.id ?? '');
  const stage = scenario?.stages.find((s) => s.id === stageId);
  const [probabilityTouched, setProbabilityTouched] = useState(!creating);
  const [probability, setProbability] = useState(String(initial.probability ?? stage?.probability ?? ''));
  const [sourceId, setSourceId] = useState(initial.informationSourceId ?? '');
  const [competitors, setCompetitors] = useState<PickedCounterparty[]>(initial.competitors ?? []);
  const [responsible, setResponsible] = useState<PickedUser | null>(
    initial.responsible ?? (creating ? { id: user.id, fullName: user.fullName } : null),
  );

  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const edited = (...fields: string[]) => setServerFields((f) => fields.reduce((acc, field) => omitKey(acc, field), f));

  const linesTotal = draftsTotal(lines);
  const shownAmount = amountTouched ? plannedAmount : linesTotal;

  // As-you-type checks with the server's rules.
  const clientErrors: FieldErrors = {};
  if (submitted && !counterparty) clientErrors.counterpartyId = t('interests.form.chooseCounterparty');
  if (submitted && !need.trim()) clientErrors.need = t('interests.form.needRequired');
  if (amountTouched) {
    if (plannedAmount.trim() === '') {
      if (submitted) clientErrors.plannedAmount = t('salesForm.required');
    } else {
      const problem = decimalInputProblem(plannedAmount, 2);
      if (problem) clientErrors.plannedAmount = t(`salesForm.decimal.${problem}`, { scale: 2 });
    }
  }
  if (closeDate && !DATE_RE.test(closeDate)) clientErrors.plannedCloseDate = t('reason.DATE_INVALID');
  const probabilityNumber = Number(probability);
  if (probability.trim() !== '' && (!Number.isInteger(probabilityNumber) || probabilityNumber < 0 || probabilityNumber > 100)) {
    clientErrors.probability = t('interests.form.probabilityRange');
  }
  if (submitted && probability.trim() === '' && probabilityTouched) clientErrors.probability = t('salesForm.required');
  lines.forEach((l, i) => {
    if (submitted && !l.product) clientErrors[`lines.${i}.productId`] = t('interests.form.chooseProduct');
    const q = l.quantity.trim() === '' ? (submitted ? 'REQUIRED' : null) : decimalInputProblem(l.quantity, 3);
    if (q) clientErrors[`lines.${i}.quantity`] = q === 'REQUIRED' ? t('salesForm.required') : t(`salesForm.decimal.${q}`, { scale: 3 });
    else if (l.quantity.trim() !== '' && !/[1-9]/.test(l.quantity)) clientErrors[`lines.${i}.quantity`] = t('interests.form.quantityPositive');
    const p = l.price.trim() === '' ? (submitted ? 'REQUIRED' : null) : decimalInputProblem(l.price, 2);
    if (p) clientErrors[`lines.${i}.price`] = p === 'REQUIRED' ? t('salesForm.required') : t(`salesForm.decimal.${p}`, { scale: 2 });
  });
  const errors: FieldErrors = { ...clientErrors, ...serverFields };
  const lineErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith('lines.')));

  const changeStage = (id: string) => {
    setStageId(id);
    edited('stageId');
    const next = scenario?.stages.find((s) => s.id === id);
    if (next && !probabilityTouched) setProbability(String(next.probability));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setSubmitted(true);
    const blocking =
      !counterparty ||
      !need.trim() ||
      Object.keys(clientErrors).length > 0 ||
      lines.some((l) => !l.product || l.quantity.trim() === '' || l.price.trim() === '') ||
      (amountTouched && plannedAmount.trim() === '');
    if (blocking) {
      focusFirstError(form);
      return;
    }
    setSaving(true);
    setGeneral([]);
    try {
      await onSubmit({
        counterpartyId: counterparty.id,
        contactPersonId: contactPerson?.id ?? null,
        need: need.trim(),
        lines: lines.map((l) => ({ productId: l.product!.id, quantity: toApiDecimal(l.quantity), price: toApiDecimal(l.price) })),
        plannedAmount: amountTouched ? toApiDecimal(plannedAmount) : null,
        plannedCloseDate: closeDate || null,
        probability: probabilityTouched && probability.trim() !== '' ? probabilityNumber : null,
        scenarioId: scenarioId || null,
        stageId: stageId || null,
        informationSourceId: sourceId || null,
        competitorIds: competitors.map((c) => c.id),
        responsibleId: responsible?.id ?? null,
      });
    } catch (error) {
      if (onConflict && isVersionConflict(error)) {
        onConflict();
        return;
      }
      const split = splitSalesErrors(t, error, (f) => FIELDS.test(f));
      // A competitor's error is shown at the competitors field.
      const fields = Object.fromEntries(Object.entries(split.fields).map(([k, v]) => [k.startsWith('competitorIds') ? 'competitorIds' : k, v]));
      setServerFields(fields);
      setGeneral(split.general);
      focusFirstError(form);
    } finally {
      setSaving(false);
    }
  }

  const activeSources = sources.filter((s) => s.active || s.id === sourceId);

  return (
    <form onSubmit={submit} noValidate data-testid="interest-form">
      <SalesErrorAlert messages={general} />
      <FormSection title={t('interests.form.sectionClient')}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <CounterpartyPicker
              label={t('interests.counterparty')}
              helperText=""
              value={counterparty}
              onChange={(v) => {
                setCounterparty(v);
                // A person of another counterparty no longer fits.
                if (contactPerson?.counterparty && contactPerson.counterparty.id !== v?.id) setContactPerson(null);
                edited('counterpartyId', 'contactPersonId');
              }}
              error={errors.counterpartyId}
              testId="interest-counterparty"
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <ContactPersonPicker
              value={contactPerson}
              counterpartyId={counterparty?.id}
              onChange={(v) => {
                setContactPerson(v);
                if (v?.counterparty && !counterparty) setCounterparty(v.counterparty);
                edited('contactPersonId');
              }}
              error={errors.contactPersonId}
              testId="interest-contact-person"
            />
          </Grid>
          <Grid size={12}>
            <TextField
              fullWidth
              required
              multiline
              minRows={2}
              autoFocus={creating && Boolean(initial.counterparty)}
              label={t('interests.need')}
              placeholder={t('interests.form.needPlaceholder')}
              value={need}
              onChange={(e) => {
                setNeed(e.target.value);
                edited('need');
              }}
              error={Boolean(errors.need)}
              helperText={errors.need}
              slotProps={{ htmlInput: { 'data-testid': 'interest-need', maxLength: 5000 } }}
            />
          </Grid>
        </Grid>
      </FormSection>

      <FormSection title={t('interests.form.sectionProducts')}>
        <InterestLinesEditor
          lines={lines}
          onChange={(next) => {
            // Removing a line shifts the indexes the server's errors were keyed by: drop them.
            if (next.length < lines.length) setServerFields((f) => Object.fromEntries(Object.entries(f).filter(([k]) => !k.startsWith('lines.'))));
            setLines(next);
          }}
          errors={lineErrors}
          showRequired={submitted}
          onEdited={(f) => edited(f)}
        />
      </FormSection>

      <FormSection title={t('interests.form.sectionDeal')}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <DecimalField
              label={t('interests.plannedAmount')}
              value={shownAmount}
              onChange={(v) => {
                setAmountTouched(true);
                setPlannedAmount(v);
                edited('plannedAmount');
              }}
              scale={2}
              error={errors.plannedAmount}
              helperText={amountTouched ? undefined : t('interests.form.amountFollowsLines')}
              unit="₽"
              testId="interest-planned-amount"
            />
            {amountTouched && lines.length > 0 && compareMoney(toApiDecimal(plannedAmount || '0'), linesTotal) !== 0 && (
              <Button
                size="small"
                onClick={() => {
                  setAmountTouched(false);
                  setPlannedAmount('');
                  edited('plannedAmount');
                }}
                data-testid="interest-amount-from-lines"
              >
                {t('interests.form.useLinesTotal', { total: formatMoney(linesTotal) })}
              </Button>
            )}
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <TextField
              fullWidth
              type="date"
              label={t('interests.plannedCloseDate')}
              value={closeDate}
              onChange={(e) => {
                setCloseDate(e.target.value);
                edited('plannedCloseDate');
              }}
              error={Boolean(errors.plannedCloseDate)}
              helperText={errors.plannedCloseDate}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'interest-close-date' } }}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <TextField
              fullWidth
              type="number"
              label={t('interests.probability')}
              value={probability}
              onChange={(e) => {
                setProbabilityTouched(true);
                setProbability(e.target.value);
                edited('probability');
              }}
              error={Boolean(errors.probability)}
              helperText={errors.probability ?? (!probabilityTouched ? t('interests.form.probabilityFromStage') : undefined)}
              slotProps={{
                input: { endAdornment: <InputAdornment position="end">%</InputAdornment> },
                htmlInput: { 'data-testid': 'interest-probability', min: 0, max: 100, step: 5, inputMode: 'numeric' },
              }}
            />
          </Grid>
          {creating ? (
            <>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField
                  select
                  fullWidth
                  label={t('interests.scenario')}
                  value={scenarioId}
                  onChange={(e) => {
                    const next = scenarios.find((s) => s.id === e.target.value);
                    setScenarioId(e.target.value);
                    const first = next?.stages.find((s) => s.semantic === 'IN_PROGRESS');
                    setStageId(first?.id ?? '');
                    if (first && !probabilityTouched) setProbability(String(first.probability));
                    edited('scenarioId', 'stageId');
                  }}
                  error={Boolean(errors.scenarioId)}
                  helperText={errors.scenarioId}
                  slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'interest-scenario' } }}
                >
                  {scenarios
                    .filter((s) => !s.deletionMark || s.id === scenarioId)
                    .map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                </TextField>
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField
                  select
                  fullWidth
                  label={t('interests.form.startStage')}
                  value={stageId}
                  onChange={(e) => changeStage(e.target.value)}
                  error={Boolean(errors.stageId)}
                  helperText={errors.stageId}
                  slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'interest-stage-select' } }}
                >
                  {startStages.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} ({s.probability}%)
                    </option>
                  ))}
                </TextField>
              </Grid>
            </>
          ) : (
            <Grid size={12}>
              <TextField
                fullWidth
                disabled
                label={t('interests.stage')}
                value={initial.stageName ?? ''}
                helperText={t('interests.form.stageChangesOnCard')}
              />
            </Grid>
          )}
        </Grid>
      </FormSection>

      <FormSection title={t('interests.form.sectionAttribution')}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              select
              fullWidth
              label={t('interests.informationSource')}
              value={sourceId}
              onChange={(e) => {
                setSourceId(e.target.value);
                edited('informationSourceId');
              }}
              error={Boolean(errors.informationSourceId)}
              helperText={errors.informationSourceId}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'interest-source' } }}
            >
              <option value="">{t('interests.form.noSource')}</option>
              {activeSources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <UserPicker
              label={t('interests.responsible')}
              value={responsible}
              onChange={(u) => {
                setResponsible(u);
                edited('responsibleId');
              }}
              error={errors.responsibleId}
              testId="interest-responsible"
            />
          </Grid>
          <Grid size={12}>
            <CompetitorsPicker
              value={competitors}
              onChange={(v) => {
                setCompetitors(v);
                edited('competitorIds');
              }}
              error={errors.competitorIds}
              testId="interest-competitors"
            />
          </Grid>
        </Grid>
      </FormSection>

      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={saving} data-testid="interest-save">
          {saving ? t('common.saving') : submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
