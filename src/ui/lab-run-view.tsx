/**
 * The live lab run in a TTY: finished commands scroll up (<Static>), the running one shows a
 * spinner, its elapsed time and the tail of its output. Only rendering here; lab-run.ts runs.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Box, Static, Text } from 'ink';
import { formatDuration } from '../core/lab.js';
import { visibleTail, type RunState, type StepView, type Store } from './lab-run-state.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

const MARK: Record<string, { sym: string; color: string }> = {
  passed: { sym: '✓', color: 'green' }, failed: { sym: '✗', color: 'red' }, timed_out: { sym: '✗', color: 'red' },
  interrupted: { sym: '!', color: 'yellow' }, skipped: { sym: '-', color: 'gray' },
};

function DoneLine({ step }: { step: StepView }) {
  const m = MARK[step.status] ?? { sym: '·', color: 'gray' };
  const exit = step.status === 'failed' && step.exitCode !== undefined && step.exitCode !== null ? ` exit ${step.exitCode}` : '';
  return (
    <Text>
      <Text color={m.color}>{m.sym}</Text> {step.label}
      <Text dimColor>{`  ${step.status.replace('_', ' ')}${exit}${step.durationMs !== undefined ? `  ${formatDuration(step.durationMs)}` : ''}${step.note ? `  ${step.note}` : ''}${step.log && step.status !== 'passed' ? `  log: ${step.log}` : ''}`}</Text>
    </Text>
  );
}

/** One frame, from state and the current time: what tests render. */
export function LabRunFrame({ state, now, title }: { state: RunState; now: number; title: string }) {
  const finished = state.steps.map((s, i) => ({ s, i })).filter(({ s }) => s.status !== 'pending' && s.status !== 'running');
  const cur = state.current === null ? undefined : state.steps[state.current];
  const pending = state.steps.filter((s) => s.status === 'pending').length;
  return (
    <Box flexDirection="column">
      <Static items={[{ key: 'title', title }, ...finished.map(({ s, i }) => ({ key: `${i}-${s.status}`, step: s }))]}>
        {(item) => ('step' in item ? <DoneLine key={item.key} step={item.step} /> : <Text key={item.key} bold>{item.title}</Text>)}
      </Static>
      {cur && (
        <Box flexDirection="column">
          <Text>
            <Text color="cyan">{FRAMES[Math.floor(now / 80) % FRAMES.length]}</Text> {cur.label}
            <Text dimColor>{`  ${formatDuration(Math.max(0, now - (cur.startedAt ?? now)))}`}</Text>
          </Text>
          {visibleTail(state).map((l, k) => <Text key={k} dimColor wrap="truncate-end">{`  │ ${l}`}</Text>)}
        </Box>
      )}
      {pending > 0 && <Text dimColor>{`  ${pending} more command${pending > 1 ? 's' : ''} to run`}</Text>}
    </Box>
  );
}

function useNow(ms: number): number {
  const [t, setT] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setT(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return t;
}

export function LabRunView({ store, title }: { store: Store; title: string }) {
  const state = useSyncExternalStore(store.subscribe, store.get);
  const now = useNow(100);
  return <LabRunFrame state={state} now={now} title={title} />;
}
