/**
 * How the assignment's code and the layers find each other. A line in `ResNet50` makes one
 * layer or calls one block; a line inside `identity_block` or `convolutional_block` makes
 * the same part of every block of its type, so which block it means depends on the layer
 * that is open (its block, when the types match; else the first block of that type).
 */
import type { AssignmentCode, BlockPart, CodeLine } from '../../model/pure';
import { blockName, type LayerInfo, type LayerSummary } from '../../model/pure';

/** A block layer's part (`2b:relu`, `merge:add`); null outside the blocks. */
export function partOf(info: LayerInfo): BlockPart | null {
  if (info.stage === null || info.stage === 1 || info.block === null) return null;
  return `${info.branch ?? 'merge'}:${info.kind}`;
}

/** The block a layer sits in (`res3b`), or null for the stem, the head and the input. */
function blockOf(info: LayerInfo): string | null {
  if (info.stage === null || info.stage === 1 || info.block === null) return null;
  return blockName(info.stage, info.block);
}

/** The call line of a block, which also says its type. */
function blockLine(code: AssignmentCode, name: string): CodeLine | undefined {
  return code.lines.find((l) => l.link?.kind === 'block' && l.link.name === name);
}

/** The lines that made the open layer: its own line, its part in the block function, and its block's call. */
export function litLines(code: AssignmentCode, info: LayerInfo | null): number[] {
  if (!info) return [];
  const block = blockOf(info);
  const part = partOf(info);
  const call = block ? blockLine(code, block) : undefined;
  const type = call?.link?.kind === 'block' ? call.link.type : null;
  const lit: number[] = [];
  code.lines.forEach(({ link }, i) => {
    if (!link) return;
    if (link.kind === 'layer' && link.name === info.name) lit.push(i);
    else if (link.kind === 'block' && link.name === block) lit.push(i);
    else if (link.kind === 'part' && link.type === type && link.part === part) lit.push(i);
  });
  return lit;
}

/** The layer a line opens, read in the context of the open layer (see the file's comment). */
export function layerForLine(code: AssignmentCode, index: number, open: LayerInfo | null, layers: readonly LayerSummary[]): string | null {
  const link = code.lines[index]?.link;
  if (!link) return null;
  if (link.kind === 'layer') return layers.some((l) => l.name === link.name) ? link.name : null;
  const inBlock = (name: string) => layers.filter((l) => blockOf(l.info) === name);
  if (link.kind === 'block') return inBlock(link.name)[0]?.name ?? null;
  const here = open ? blockOf(open) : null;
  const hereLine = here ? blockLine(code, here) : undefined;
  const sameType = hereLine?.link?.kind === 'block' && hereLine.link.type === link.type;
  const first = code.lines.find((l) => l.link?.kind === 'block' && l.link.type === link.type)?.link;
  const block = sameType ? here : first?.kind === 'block' ? first.name : null;
  if (!block) return null;
  return inBlock(block).find((l) => partOf(l.info) === link.part)?.name ?? null;
}
