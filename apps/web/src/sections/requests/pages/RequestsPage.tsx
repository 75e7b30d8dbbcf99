import { Link as RouterLink, useSearchParams } from 'react-router';
import Button from '@mui/material/Button';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import AddIcon from '@mui/icons-material/Add';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import LibraryBooksOutlined from '@mui/icons-material/LibraryBooksOutlined';
import TableRowsOutlined from '@mui/icons-material/TableRowsOutlined';
import ViewKanbanOutlined from '@mui/icons-material/ViewKanbanOutlined';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { RequestsBoard } from '../components/RequestsBoard';
import { RequestFilters, RequestsList } from '../components/RequestsList';
import { RequestsOverview } from '../components/RequestsOverview';

const VIEWS = ['overview', 'list', 'board'] as const;
type View = (typeof VIEWS)[number];

/**
 * «Обращения»: the control view (mine, critical, breached, about to breach), the full list and the board by
 * state. The view and the filters are in the URL.
 */
export default function RequestsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((v) => v === params.get('view')) ?? 'overview';
  const setView = (next: View) =>
    setParams(
      (prev) => {
        // Filters carry over between list and board; the control view has none.
        const kept = next === 'overview' ? new URLSearchParams() : new URLSearchParams(prev);
        if (next === 'overview') kept.delete('view');
        else kept.set('view', next);
        if (next === 'board') kept.delete('state');
        return kept;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t('requests.title')}
        actions={
          <>
            <ToggleButtonGroup size="small" exclusive value={view} onChange={(_e, v: View | null) => v && setView(v)} aria-label={t('requests.view')}>
              <ToggleButton value="overview" data-testid="requests-view-overview" sx={{ gap: 0.5 }}>
                <DashboardOutlined fontSize="small" />
                {t('requests.viewOverview')}
              </ToggleButton>
              <ToggleButton value="list" data-testid="requests-view-list" sx={{ gap: 0.5 }}>
                <TableRowsOutlined fontSize="small" />
                {t('requests.viewList')}
              </ToggleButton>
              <ToggleButton value="board" data-testid="requests-view-board" sx={{ gap: 0.5 }}>
                <ViewKanbanOutlined fontSize="small" />
                {t('requests.viewBoard')}
              </ToggleButton>
            </ToggleButtonGroup>
            <Button component={RouterLink} to="/knowledge" startIcon={<LibraryBooksOutlined />} data-testid="requests-knowledge">
              {t('knowledge.title')}
            </Button>
            <Button component={RouterLink} to="/requests/new" variant="contained" startIcon={<AddIcon />} data-testid="request-new">
              {t('requests.new')}
            </Button>
          </>
        }
      />
      {view === 'overview' && <RequestsOverview />}
      {view === 'list' && <RequestsList />}
      {view === 'board' && (
        <>
          <RequestFilters withState={false} />
          <RequestsBoard />
        </>
      )}
    </>
  );
}
