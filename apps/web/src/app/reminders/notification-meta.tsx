import type { SvgIconProps } from '@mui/material/SvgIcon';
import AssignmentIndOutlined from '@mui/icons-material/AssignmentIndOutlined';
import GppMaybeOutlined from '@mui/icons-material/GppMaybeOutlined';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import TimerOffOutlined from '@mui/icons-material/TimerOffOutlined';
import WhatshotOutlined from '@mui/icons-material/WhatshotOutlined';
import type { NotificationKind } from '../../graphql/graphql';

/** How loud a notification of each kind is in the pop-up. */
export function notificationSeverity(kind: NotificationKind): 'error' | 'warning' | 'info' {
  if (kind === 'CLIENT_REQUEST_CRITICAL') return 'error';
  if (kind === 'CLIENT_REQUEST_ESCALATED') return 'warning';
  return 'info';
}

export function NotificationKindIcon({ kind, ...props }: { kind: NotificationKind } & SvgIconProps) {
  switch (kind) {
    case 'CLIENT_REQUEST_CRITICAL':
      return <WhatshotOutlined color="error" {...props} />;
    case 'CLIENT_REQUEST_ESCALATED':
      return <TimerOffOutlined color="warning" {...props} />;
    case 'CLIENT_REQUEST_CONFIRMATION_NEEDED':
      return <GppMaybeOutlined color="primary" {...props} />;
    case 'CLIENT_REQUEST_ASSIGNED':
      return <AssignmentIndOutlined color="primary" {...props} />;
    default:
      return <InfoOutlined color="action" {...props} />;
  }
}
