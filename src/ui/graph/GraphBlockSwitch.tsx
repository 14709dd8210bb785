/**
 * A residual block's on/off switch, drawn on its node. It is the node's sibling, not its
 * child (a button's contents are not separately reachable), named "Switch res2a off" (or
 * "on"), so it never shares a name with the node button "res2a". It takes the Tab stop
 * right after its node when that node holds the graph's roving focus.
 */
import { memo, type KeyboardEvent } from 'react';
import type { LayoutNode } from '../../graph/layout';
import { useT } from '../i18n/I18n';

/** The switch's size and where it sits on a block node (closed: bottom right; open: in the header). */
export const SWITCH_SIZE = { width: 44, height: 16 };

export function switchOrigin(node: LayoutNode): { x: number; y: number } {
  const x = node.x + node.width - 10 - SWITCH_SIZE.width;
  return node.expanded ? { x, y: node.y + (node.headerHeight - SWITCH_SIZE.height) / 2 } : { x, y: node.y + node.height - SWITCH_SIZE.height - 3 };
}

interface Props {
  readonly node: LayoutNode;
  readonly off: boolean;
  /** Its node holds the graph's roving focus: the switch is the next Tab stop. */
  readonly reachable: boolean;
  readonly onToggle: (block: string) => void;
}

export const GraphBlockSwitch = memo(function GraphBlockSwitch({ node, off, reachable, onToggle }: Props) {
  const { x, y } = switchOrigin(node);
  const { width, height } = SWITCH_SIZE;
  const t = useT();
  const name = t('graph.switch', { block: node.id, off: off ? 'yes' : 'no' });
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    e.stopPropagation();
    onToggle(node.id);
  };
  return (
    <g
      className={`gswitch${off ? ' is-off' : ''}`}
      transform={`translate(${x},${y})`}
      role="switch"
      aria-checked={!off}
      aria-label={name}
      tabIndex={reachable ? 0 : -1}
      onClick={(e) => { e.stopPropagation(); onToggle(node.id); }}
      onKeyDown={onKeyDown}
    >
      <title>{`${name} (${t('graph.switchWhy', { off: off ? 'yes' : 'no' })})`}</title>
      <rect className="gswitch-track" width={width} height={height} rx={height / 2} />
      <circle className="gswitch-knob" cx={off ? height / 2 : width - height / 2} cy={height / 2} r={height / 2 - 2.5} />
      <text className="gswitch-text" x={off ? width - 7 : 7} y={height / 2 + 3.5} textAnchor={off ? 'end' : 'start'}>{t(off ? 'graph.switchOff' : 'graph.switchOn')}</text>
    </g>
  );
});
