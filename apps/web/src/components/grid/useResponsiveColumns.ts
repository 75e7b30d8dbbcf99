import { useState } from 'react';
import type { GridColumnVisibilityModel } from '@mui/x-data-grid';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';

function defaults(hidden: readonly string[]): GridColumnVisibilityModel {
  return Object.fromEntries(hidden.map((field) => [field, false]));
}

/**
 * Column visibility that collapses secondary columns on phones. The user may still show them from the
 * column menu; crossing the breakpoint starts over from the defaults of the new width.
 */
export function useResponsiveColumns(hiddenAlways: readonly string[], hiddenOnPhone: readonly string[]) {
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'));
  const [state, setState] = useState(() => ({
    phone,
    model: defaults(phone ? [...hiddenAlways, ...hiddenOnPhone] : hiddenAlways),
  }));
  // Adjusted while rendering rather than in an effect, so a resize never paints the wrong columns first.
  if (state.phone !== phone) {
    setState({ phone, model: defaults(phone ? [...hiddenAlways, ...hiddenOnPhone] : hiddenAlways) });
  }
  return {
    columnVisibilityModel: state.model,
    onColumnVisibilityModelChange: (model: GridColumnVisibilityModel) => setState({ phone, model }),
  };
}
