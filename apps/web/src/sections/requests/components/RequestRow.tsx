import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ClientRequestListItemFragment } from '../../../graphql/graphql';
import { ListDeadline, slaTone } from './ListDeadline';
import { CriticalChip, PriorityChip, RequestKindIcon, RequestStateChip } from './request-meta';

/** One request in the control lists: the deadline that runs now first, then what, whose, where it is. */
export function RequestRow({ request: r, showResponsible }: { request: ClientRequestListItemFragment; showResponsible: boolean }) {
  const tone = slaTone(r);
  const party = [r.counterparty?.name, r.contactPerson?.fullName].filter(Boolean).join(' · ');
  return (
    <ListItem
      divider
      data-testid="request-row"
      data-request-id={r.id}
      data-sla={tone}
      sx={{
        gap: { xs: 1, sm: 2 },
        alignItems: 'center',
        py: 1,
        flexWrap: { xs: 'wrap', sm: 'nowrap' },
        borderLeft: 3,
        borderLeftColor: tone === 'breached' ? 'error.main' : tone === 'soon' ? 'warning.main' : 'transparent',
      }}
    >
      <Box sx={{ width: { xs: 'auto', sm: 215 }, flexShrink: 0 }}>
        <ListDeadline request={r} />
      </Box>
      <RequestKindIcon kind={r.kind} fontSize="small" color={r.critical ? 'error' : 'action'} />
      <Box sx={{ flex: 1, minWidth: { xs: 'calc(100% - 60px)', sm: 0 } }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Link component={RouterLink} to={`/requests/${r.id}`} underline="hover" sx={{ fontWeight: 500, wordBreak: 'break-word' }} data-testid="request-row-subject">
            {r.subject}
          </Link>
          <CriticalChip critical={r.critical} />
          <PriorityChip priority={r.priority} />
        </Stack>
        <Typography variant="body2" color="text.secondary" noWrap>
          {[r.number, party, showResponsible ? r.responsible?.fullName : null].filter(Boolean).join(' · ')}
        </Typography>
      </Box>
      <Box sx={{ flexShrink: 0 }}>
        <RequestStateChip state={r.state} />
      </Box>
    </ListItem>
  );
}
