/**
 * A graph node's short texts in the page's language. The layout (graph/, pure) writes them
 * in English and sizes nodes by them; these give the same facts, from the tree's numbers,
 * in the chosen language. English nodes are returned as they are (the same objects).
 */
import type { LayoutNode } from '../../graph/layout';
import type { GraphItem } from '../../graph/tree';
import type { Translate } from '../i18n/i18n';

export function localNode(node: LayoutNode, item: GraphItem | undefined, t: Translate): LayoutNode {
  if (t.lang === 'en' || !item) return node;
  const layer = item.type === 'layer';
  const params = layer ? item.params : item.totals.params;
  const detail = item.type === 'layer' ? t(`graph.tag.${item.layerKind}`) : t('graph.layers', { count: item.totals.layers });
  let badge: string | null = null;
  if (item.type !== 'layer' && item.kind === 'stage') badge = t('graph.blocks', { count: item.totals.blocks });
  else if (item.type !== 'layer' && item.kind === 'block' && item.blockType) badge = t(`graph.badge.${item.blockType}`);
  return { ...node, paramsText: t('graph.params', { count: params }), detailText: detail, badgeText: badge };
}

/** What a screen reader says a node is, before its settings: "Convolution layer.", "Identity block.". */
export function spokenKind(node: Pick<LayoutNode, 'layerKind' | 'blockType'>, t: Translate): string | null {
  if (node.layerKind) return t(`graph.kind.${node.layerKind}`);
  if (node.blockType) return t(`graph.block.${node.blockType}`);
  return null;
}

/** Roughly how wide a short label is in the node's small type: CJK characters take about two Latin ones. */
export function labelWidth(text: string): number {
  let units = 0;
  for (const ch of text) units += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return units * 6.2;
}
