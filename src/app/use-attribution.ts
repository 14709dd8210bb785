/** Attributions and effective receptive fields of the current image, through the model client. */
import type { Attribution, AttributionRequest, UnitField, UnitRequest } from '../client/types';
import type { ImageResult } from './classify-queue';
import { useResultRun, type ResultCall, type ResultRun } from './use-result-run';

const attribute: ResultCall<AttributionRequest, Attribution> = (client, id, request, options) => client.attribute(id, request, options);
const unitField: ResultCall<UnitRequest, UnitField> = (client, id, request, options) => client.unitField(id, request, options);

export function useAttribution(result: ImageResult | null): ResultRun<AttributionRequest, Attribution> {
  return useResultRun(result, attribute, 'run.attribution');
}

export function useUnitField(result: ImageResult | null): ResultRun<UnitRequest, UnitField> {
  return useResultRun(result, unitField, 'run.unitField');
}
