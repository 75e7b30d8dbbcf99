import Box from '@mui/material/Box';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { InterestState, StageSemantic } from '../../../graphql/graphql';

interface Stage {
  id: string;
  name: string;
  probability: number;
  semantic: StageSemantic;
  sort: number;
}

/**
 * Where the interest is in its scenario: the working stages in order, then the result — won (every step done),
 * or lost (the failure stage marked, the working steps not claimed as done). Phones scroll the steps sideways.
 */
export function StageStepper({ stages, currentId, state }: { stages: readonly Stage[]; currentId: string; state: InterestState }) {
  const { t } = useTranslation();
  const ordered = [...stages].sort((a, b) => a.sort - b.sort);
  const working = ordered.filter((s) => s.semantic === 'IN_PROGRESS');
  const success = ordered.find((s) => s.semantic === 'SUCCESS');
  const failure = ordered.find((s) => s.semantic === 'FAILURE');
  const final = state === 'LOST' ? failure : success;
  const steps = [...working, ...(final ? [final] : [])];
  const current = steps.findIndex((s) => s.id === currentId);
  return (
    <Box sx={{ overflowX: 'auto', pb: 1 }} data-testid="interest-stepper">
      <Stepper activeStep={state === 'WON' ? steps.length : current} alternativeLabel sx={{ minWidth: steps.length * 110 }}>
        {steps.map((s, i) => (
          <Step key={s.id} completed={state === 'WON' || (state !== 'LOST' && i < current)} data-stage-id={s.id} data-current={s.id === currentId ? 'true' : 'false'}>
            <StepLabel
              error={s.semantic === 'FAILURE'}
              optional={
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block', textAlign: 'center' }}>
                  {s.semantic === 'IN_PROGRESS' ? `${s.probability}%` : t(`stageSemantic.${s.semantic}`)}
                </Typography>
              }
              slotProps={{ label: { sx: { fontWeight: s.id === currentId ? 700 : undefined } } }}
            >
              {s.name}
            </StepLabel>
          </Step>
        ))}
      </Stepper>
    </Box>
  );
}
