import { memo, useMemo } from 'react';
import { Background, Controls, Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { alpha, useTheme } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import { layoutPoints, type RouteMapShape } from './route-map';

/** What happened at a point, for its caption: the latest pass (who, when, result). */
export interface PointPass {
  by?: string | null;
  at?: string | null;
  result?: string | null;
}

interface PointData extends Record<string, unknown> {
  label: string;
  type: string;
  typeLabel: string;
  active: boolean;
  overdue: boolean;
  passed: boolean;
  caption: string | null;
}

type PointNode = Node<PointData, 'point'>;

const PointView = memo(function PointView({ id, data }: NodeProps<PointNode>) {
  const theme = useTheme();
  const round = data.type === 'START' || data.type === 'END';
  const diamond = data.type === 'CONDITION' || data.type === 'SWITCH';
  const color = data.active ? (data.overdue ? theme.palette.error.main : theme.palette.primary.main) : data.passed ? theme.palette.success.main : theme.palette.divider;
  return (
    <Box
      data-testid="process-point"
      data-point-id={id}
      data-active={data.active ? 'true' : 'false'}
      data-passed={data.passed ? 'true' : 'false'}
      data-type={data.type}
      title={data.caption ?? undefined}
      sx={{
        width: 170,
        px: 1,
        py: 0.75,
        borderRadius: round ? 999 : diamond ? 0.5 : 1.5,
        border: data.active ? 3 : 1.5,
        borderStyle: diamond ? 'dashed' : 'solid',
        borderColor: color,
        bgcolor: data.active ? alpha(color, 0.12) : data.passed ? alpha(theme.palette.success.main, 0.08) : 'background.paper',
        boxShadow: data.active ? `0 0 0 4px ${alpha(color, 0.2)}` : 'none',
        textAlign: 'center',
      }}
    >
      <Handle type="target" position={Position.Left} style={{ visibility: 'hidden' }} />
      <Typography variant="caption" color="text.secondary" component="div" sx={{ lineHeight: 1.2 }}>
        {data.typeLabel}
      </Typography>
      <Typography variant="body2" component="div" sx={{ fontWeight: data.active ? 700 : 500, lineHeight: 1.25, wordBreak: 'break-word' }}>
        {data.label}
      </Typography>
      {data.caption && (
        <Typography variant="caption" component="div" color={data.active && data.overdue ? 'error' : 'text.secondary'} sx={{ lineHeight: 1.2, mt: 0.25 }}>
          {data.caption}
        </Typography>
      )}
      <Handle type="source" position={Position.Right} style={{ visibility: 'hidden' }} />
    </Box>
  );
});

const nodeTypes = { point: PointView };

interface Props {
  map: RouteMapShape;
  /** Points where the process waits now (highlighted). */
  activePointIds: ReadonlySet<string>;
  /** Active points whose task is past its deadline (highlighted red). */
  overduePointIds?: ReadonlySet<string>;
  /** Points already passed, with their latest pass. */
  passed: ReadonlyMap<string, PointPass>;
  /** Edges the process went along (`from>to`), drawn solid and coloured. */
  passedEdges: ReadonlySet<string>;
  /** Text under an active point (who holds it, the deadline). */
  activeCaptions?: ReadonlyMap<string, string>;
  pointLabel: (pointId: string, name: string) => string;
  resultLabel: (result: string) => string;
  formatAt: (iso: string) => string;
}

/**
 * A route map drawn with React Flow: read-only, points where the process waits highlighted (red when overdue),
 * the passed points and edges in green with who/when/result under each point.
 */
export default function RouteMapDiagram({ map, activePointIds, overduePointIds, passed, passedEdges, activeCaptions, pointLabel, resultLabel, formatAt }: Props) {
  const { t } = useTranslation();
  const theme = useTheme();
  const { nodes, edges, fitNodes } = useMemo(() => {
    const positions = layoutPoints(map);
    const nodes: PointNode[] = map.points.map((p) => {
      const pass = passed.get(p.id);
      const active = activePointIds.has(p.id);
      const caption = active
        ? (activeCaptions?.get(p.id) ?? null)
        : pass
          ? [pass.result ? resultLabel(pass.result) : null, pass.by, pass.at ? formatAt(pass.at) : null].filter(Boolean).join(' · ') || null
          : null;
      return {
        id: p.id,
        type: 'point',
        position: positions.get(p.id) ?? { x: 0, y: 0 },
        draggable: false,
        connectable: false,
        data: {
          label: pointLabel(p.id, p.name),
          type: p.type,
          typeLabel: t(`processes.pointType.${p.type}`, { defaultValue: p.type }),
          active,
          overdue: overduePointIds?.has(p.id) ?? false,
          passed: Boolean(pass),
          caption,
        },
      };
    });
    const edges: Edge[] = map.edges.map((e, i) => {
      const went = passedEdges.has(`${e.from}>${e.to}`);
      const color = went ? theme.palette.success.main : theme.palette.text.disabled;
      const exit = e.label ?? e.exit;
      return {
        id: `e${i}-${e.from}-${e.to}`,
        source: e.from,
        target: e.to,
        label: exit ? resultLabel(exit) : undefined,
        animated: !went && activePointIds.has(e.to),
        style: { stroke: color, strokeWidth: went ? 2.5 : 1.2 },
        markerEnd: { type: MarkerType.ArrowClosed, color },
        labelStyle: { fontSize: 11 },
      };
    });
    // Open on where the process waits (and the points next to it) at a readable size; a whole Sale map fitted
    // into the box would be too small to read. A finished process shows the whole map.
    const focus = new Set(activePointIds);
    for (const e of map.edges) {
      if (activePointIds.has(e.to)) focus.add(e.from);
      if (activePointIds.has(e.from)) focus.add(e.to);
    }
    const fitNodes = focus.size > 0 ? [...focus].filter((id) => map.points.some((p) => p.id === id)).map((id) => ({ id })) : undefined;
    return { nodes, edges, fitNodes };
  }, [map, activePointIds, overduePointIds, passed, passedEdges, activeCaptions, pointLabel, resultLabel, formatAt, t, theme]);

  return (
    <Box data-testid="process-map" sx={{ height: { xs: 420, md: 560 }, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={{ nodes: fitNodes, maxZoom: 1, minZoom: 0.5, padding: 0.25 }}
        minZoom={0.2}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </Box>
  );
}
