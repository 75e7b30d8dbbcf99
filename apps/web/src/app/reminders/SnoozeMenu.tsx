import { useState } from 'react';
import Button, { type ButtonProps } from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import SnoozeOutlined from '@mui/icons-material/SnoozeOutlined';
import { useTranslation } from 'react-i18next';
import { SNOOZE_MINUTES } from './RemindersProvider';

interface Props {
  onSnooze: (minutes: number) => void;
  /** The button that opens the menu (`reminder-snooze` in the pop-up and the bell, `task-snooze` on the Tasks tab). */
  testId: string;
  /** An icon-only button (narrow rows). */
  compact?: boolean;
  disabled?: boolean;
  color?: ButtonProps['color'];
}

/** «Отложить»: 5 minutes, 15 minutes, 1 hour, 1 day, 1 week (menu items `snooze-<minutes>`). */
export function SnoozeMenu({ onSnooze, testId, compact, disabled, color = 'inherit' }: Props) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      {compact ? (
        <Tooltip title={t('reminders.snooze')}>
          <span>
            <IconButton
              size="small"
              onClick={(e) => setAnchor(e.currentTarget)}
              disabled={disabled}
              aria-label={t('reminders.snooze')}
              aria-haspopup="menu"
              data-testid={testId}
            >
              <SnoozeOutlined fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
      ) : (
        <Button
          size="small"
          color={color}
          startIcon={<SnoozeOutlined />}
          onClick={(e) => setAnchor(e.currentTarget)}
          disabled={disabled}
          aria-haspopup="menu"
          data-testid={testId}
        >
          {t('reminders.snooze')}
        </Button>
      )}
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {SNOOZE_MINUTES.map((m) => (
          <MenuItem
            key={m}
            data-testid={`snooze-${m}`}
            onClick={() => {
              setAnchor(null);
              onSnooze(m);
            }}
          >
            {t(`reminders.snoozeFor.${m}`)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
