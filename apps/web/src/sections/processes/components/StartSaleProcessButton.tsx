import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import PlayCircleOutline from '@mui/icons-material/PlayCircleOutlineOutlined';
import { useTranslation } from 'react-i18next';
import { InterestProcessesQuery, StartSaleProcessMutation } from '../graphql/processes.graphql';
import { processErrorMessages } from '../lib/process-errors';

/**
 * On a client interest card: starts the Sale business process on it, or opens the one already running. The first
 * task goes to the manager (pushed live); the new process's page opens.
 */
export function StartSaleProcessButton({ interestId, disabled }: { interestId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const { data } = useQuery(InterestProcessesQuery, { variables: { subjectId: interestId }, fetchPolicy: 'cache-and-network' });
  const [start, { loading }] = useMutation(StartSaleProcessMutation);
  const running = data?.processInstances.edges.map((e) => e.node).find((p) => p.templateCode === 'SALE');

  if (running) {
    return (
      <Button component={RouterLink} to={`/processes/${running.id}`} startIcon={<AccountTreeOutlined />} data-testid="open-sale-process">
        {t('processes.openSale')}
      </Button>
    );
  }

  const onStart = async () => {
    setError(null);
    try {
      const result = await start({ variables: { interestId }, refetchQueries: ['InterestProcesses', 'MyProcessTasks', 'ProcessInstances'] });
      const id = result.data?.startSaleProcess.id;
      if (id) void navigate(`/processes/${id}`);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <Button startIcon={<PlayCircleOutline />} disabled={disabled || loading} onClick={() => void onStart()} data-testid="start-sale-process">
        {t('processes.startSale')}
      </Button>
      <Snackbar open={Boolean(error)} onClose={() => setError(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Alert severity="error" onClose={() => setError(null)} data-testid="start-sale-process-error">
          {processErrorMessages(t, error).join(' ')}
        </Alert>
      </Snackbar>
    </>
  );
}
