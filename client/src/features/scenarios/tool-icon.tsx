/** Small line icons of the scenario tools and actions (16 × 16, stroke in the current colour). */
import type { ScenarioTool } from './use-scenario-tools';
import './tool-icon.css';

type IconName = ScenarioTool | 'undo' | 'redo' | 'save' | 'copy' | 'rename' | 'delete' | 'back' | 'download';

const PATHS: Record<IconName, string[]> = {
  select: ['M3 2 L3 13 L6 10 L8.5 14.5 L10.5 13.5 L8 9 L12.5 9 Z'],
  brush: ['M13.5 2.5 L7 9', 'M7 9 C5 8 3 9.5 3 11.5 C3 12.8 2.4 13.5 1.8 14 C4.5 14.5 7.6 13.6 8 11 Z'],
  lasso: [
    'M8 2.5 C12.5 2.5 14.5 4.5 14.5 7 C14.5 9.5 11.5 11 8 11 C4.5 11 1.5 9.5 1.5 7 C1.5 4.5 3.5 2.5 8 2.5 Z',
    'M5.5 10.5 C5 12 5.8 13.5 4.5 14.5',
  ],
  redraw: ['M2.5 3.5 L11 2.5 L13.5 8 L9.5 13.5 L3 12 Z', 'M2.5 3.5 L2.5 3.5', 'M13.5 8 L13.5 8'],
  split: ['M2 3 L14 3 L14 13 L2 13 Z', 'M9.5 1.5 L6.5 14.5'],
  merge: ['M2 3.5 L7 3.5 L7 12.5 L2 12.5 Z', 'M9 3.5 L14 3.5 L14 12.5 L9 12.5 Z', 'M6 8 L10 8'],
  create: ['M2.5 2.5 L13.5 2.5 L13.5 13.5 L2.5 13.5 Z', 'M8 5 L8 11', 'M5 8 L11 8'],
  'place-facility': [
    'M8 14.5 C5 11 3.5 8.6 3.5 6.5 C3.5 4 5.5 2 8 2 C10.5 2 12.5 4 12.5 6.5 C12.5 8.6 11 11 8 14.5 Z',
    'M8 4.5 L8 8.5',
    'M6 6.5 L10 6.5',
  ],
  'edit-facility': [
    'M5 8 C5 6.3 6.3 5 8 5 C9.7 5 11 6.3 11 8 C11 9.7 9.7 11 8 11 C6.3 11 5 9.7 5 8 Z',
    'M8 1.5 L8 3.5',
    'M8 12.5 L8 14.5',
    'M1.5 8 L3.5 8',
    'M12.5 8 L14.5 8',
  ],
  'draw-path': ['M2 13.5 C5 13.5 5 9 8 8 C11 7 11 2.5 14 2.5', 'M2 13.5 L2 13.5', 'M14 2.5 L14 2.5'],
  'close-path': ['M1.5 8 L5 8', 'M11 8 L14.5 8', 'M5.5 4.5 L10.5 11.5', 'M10.5 4.5 L5.5 11.5'],
  undo: [
    'M5.5 3.5 L2.5 6.5 L5.5 9.5',
    'M2.5 6.5 L10 6.5 C12.3 6.5 13.5 8 13.5 10 C13.5 12 12.3 13 10 13 L7 13',
  ],
  redo: ['M10.5 3.5 L13.5 6.5 L10.5 9.5', 'M13.5 6.5 L6 6.5 C3.7 6.5 2.5 8 2.5 10 C2.5 12 3.7 13 6 13 L9 13'],
  save: [
    'M2.5 2.5 L11.5 2.5 L13.5 4.5 L13.5 13.5 L2.5 13.5 Z',
    'M5 2.5 L5 6 L10.5 6 L10.5 2.5',
    'M5 13.5 L5 9.5 L11 9.5 L11 13.5',
  ],
  copy: ['M5.5 5.5 L13.5 5.5 L13.5 13.5 L5.5 13.5 Z', 'M10.5 5.5 L10.5 2.5 L2.5 2.5 L2.5 10.5 L5.5 10.5'],
  rename: ['M2.5 13.5 L3.2 10.6 L10.8 3 L13 5.2 L5.4 12.8 Z', 'M9.3 4.5 L11.5 6.7'],
  delete: [
    'M2.5 4.5 L13.5 4.5',
    'M6 4.5 L6 2.5 L10 2.5 L10 4.5',
    'M4 4.5 L4.8 13.5 L11.2 13.5 L12 4.5',
    'M6.8 7 L6.8 11',
    'M9.2 7 L9.2 11',
  ],
  back: ['M7 3.5 L2.5 8 L7 12.5', 'M2.5 8 L13.5 8'],
  download: ['M8 2.5 L8 10.5', 'M4.5 7.5 L8 11 L11.5 7.5', 'M2.5 13.5 L13.5 13.5'],
};

export function ToolIcon({ name }: { name: IconName }) {
  return (
    <svg viewBox="0 0 16 16" className="tool-icon" aria-hidden="true">
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
