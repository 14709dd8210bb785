/**
 * "The assignment's code" beside the graph: closed until asked for, then the listing is
 * loaded (its own chunk, with the highlighter) and follows the open layer.
 */
import { lazy, memo, Suspense, useId, useMemo, useState } from 'react';
import { assignmentCode, type LayerInfo, type LayerSummary, type ResNetConfig } from '../../model/pure';
import { useT } from '../i18n/I18n';

const CodeView = lazy(() => import('./CodeView').then((m) => ({ default: m.CodeView })));

export interface AssignmentCodePanelProps {
  readonly config: ResNetConfig;
  readonly open: LayerInfo | null;
  readonly layers: readonly LayerSummary[];
  readonly onLayer: (name: string) => void;
}

export const AssignmentCodePanel = memo(function AssignmentCodePanel({ config, open, layers, onLayer }: AssignmentCodePanelProps) {
  const t = useT();
  const [shown, setShown] = useState(false);
  const bodyId = useId();
  const code = useMemo(() => assignmentCode(config), [config]);
  return (
    <section className="code-panel" aria-labelledby={`${bodyId}-title`}>
      <h2 className="code-panel-title" id={`${bodyId}-title`}>
        <button type="button" className="code-toggle" aria-expanded={shown} aria-controls={bodyId} onClick={() => setShown((s) => !s)}>
          {t('code.title')}
        </button>
      </h2>
      <div id={bodyId} hidden={!shown}>
        {shown && (
          <Suspense fallback={<p className="code-loading" role="status">{t('code.loading')}</p>}>
            <CodeView code={code} open={open} layers={layers} onLayer={onLayer} />
          </Suspense>
        )}
      </div>
    </section>
  );
});
