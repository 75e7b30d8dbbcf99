import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ProcessStatus, ProcessTaskState } from '../../../graphql/graphql';

/**
 * Results, point names and template names come from route maps as English data. Known ones are translated
 * (the built-in templates' ids are stable); anything else — an administrator's own map — is shown as written.
 */
export function resultLabel(t: TFunction, result: string | null | undefined): string {
  if (!result) return '';
  return t(`processes.outcomes.${result}`, { defaultValue: t(`processes.results.${result}`, { defaultValue: result }) });
}

/** The text of a result button: a verb where one reads better ("Approve" rather than "Approved"). */
export function resultActionLabel(t: TFunction, result: string): string {
  return t(`processes.results.${result}`, { defaultValue: result });
}

/** The name of a point: the translation of a built-in point id, else the map's own name. */
export function pointLabel(t: TFunction, pointId: string, name: string): string {
  // A map's own name may be a task-title template ("Approve {{subject.title}}"): the placeholders mean nothing here.
  const plain = name.replace(/\{\{[^}]*\}\}/g, '').replace(/[\s:·-]+$/, '').trim() || pointId;
  return t(`processes.points.${pointId}`, { defaultValue: plain });
}

export function templateLabel(t: TFunction, code: string | null | undefined, name: string): string {
  if (!code) return name;
  return t(`processes.templates.${code}`, { defaultValue: name });
}

/** Buttons for results that end a matter badly read red, good ones green, the rest neutral. */
export function resultColor(result: string): 'success' | 'error' | 'primary' {
  if (/^(APPROVED|ACCEPTED|CONFIRMED|SIGNED|PAID|DONE|READY|SENT|SHIPPED|REGISTERED|RESUBMIT)/.test(result)) return 'success';
  if (/^(REJECTED|NOT_|REFUSED|WITHDRAW)/.test(result)) return 'error';
  return 'primary';
}

const TASK_STATE_COLOR: Record<ProcessTaskState, 'default' | 'info' | 'success' | 'warning'> = {
  OPEN: 'info',
  ACCEPTED: 'warning',
  DONE: 'success',
  CANCELLED: 'default',
};

export function TaskStateChip({ state }: { state: ProcessTaskState }) {
  const { t } = useTranslation();
  return <Chip size="small" variant="outlined" color={TASK_STATE_COLOR[state]} label={t(`processes.taskState.${state}`)} data-state={state} />;
}

const STATUS_COLOR: Record<ProcessStatus, 'info' | 'success' | 'default'> = {
  RUNNING: 'info',
  FINISHED: 'success',
  CANCELLED: 'default',
};

export function ProcessStatusChip({ status, result }: { status: ProcessStatus; result?: string | null }) {
  const { t } = useTranslation();
  const label = status === 'FINISHED' && result ? `${t(`processes.status.${status}`)}: ${resultLabel(t, result)}` : t(`processes.status.${status}`);
  return <Chip size="small" color={STATUS_COLOR[status]} label={label} data-status={status} />;
}
