import BusinessOutlined from '@mui/icons-material/BusinessOutlined';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import PersonOutlined from '@mui/icons-material/PersonOutlined';
import type { SvgIconProps } from '@mui/material/SvgIcon';

/** One icon per object type, the same in search, recent objects and history. */
export function EntityIcon({ entityType, ...props }: { entityType: string } & SvgIconProps) {
  if (entityType === 'Counterparty') return <BusinessOutlined {...props} />;
  if (entityType === 'ContactPerson') return <PersonOutlined {...props} />;
  return <DescriptionOutlined {...props} />;
}
