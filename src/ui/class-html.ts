/**
 * `lynx class --html FILE`: one self-contained page — inline CSS, no scripts, no network — with the
 * class table, a progress strip per learner and each learner's phase timeline (issue 17). Every
 * text is escaped: learner names and phase titles come from files a learner can edit.
 */
import type { ClassReport, ClassRow } from '../core/class-view.js';
import type { PhaseStatus } from '../core/status.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const nn = (n: number): string => String(n).padStart(2, '0');
const CLASS: Record<string, PhaseStatus> = {
  '#': 'done',
  '>': 'in_progress',
  '+': 'planned',
  '.': 'not_started',
  '!': 'invalid',
};

const CSS = `body{font:14px system-ui,sans-serif;margin:24px;color:#222}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:6px 8px;text-align:left}
th{background:#f4f4f4}.strip{display:flex;gap:1px}.strip span{width:9px;height:16px;background:#e5e5e5}
.done{background:#2e9d4f!important}.in_progress{background:#e0a100!important}.planned{background:#7fb3e6!important}.invalid{background:#d33!important}
.tl{margin:4px 0 16px;font-size:12px;color:#555}.tl li{display:inline-block;margin-right:10px}`;

function strip(r: ClassRow): string {
  return (
    `<div class="strip" title="${esc(r.strip)}">` +
    `${[...r.strip].map((c, i) => `<span class="${CLASS[c] ?? 'not_started'}" title="phase ${nn(i)}"></span>`).join('')}` +
    `</div>`
  );
}

function row(r: ClassRow): string {
  const cur = r.current_phase === null ? '—' : `${nn(r.current_phase)} ${esc(r.current_status ?? '')}`;
  const quiz = r.last_quiz === null ? '—' : `${Math.round(r.last_quiz * 100)}%`;
  return (
    `<tr class="learner" data-learner="${esc(r.learner)}"><td>${esc(r.learner)}</td><td>${cur}</td><td>` +
    `${r.phases_closed}</td><td>${quiz}</td><td>${r.reviews_due}</td><td>${r.waivers}</td><td>${r.attestations}` +
    `</td><td>${esc(r.last_activity?.slice(0, 10) ?? '—')}</td><td>${strip(r)}</td></tr>`
  );
}

function timeline(r: ClassRow): string {
  const items = r.timeline.map(
    (t) =>
      `<li><b>${nn(t.phase)}</b> ${esc(t.status)} ${esc(t.opened?.slice(0, 10) ?? '')}` +
      `${t.closed ? ` → ${esc(t.closed.slice(0, 10))}` : ''}</li>`,
  );
  return `<h3>${esc(r.learner)}</h3><ul class="tl">${items.join('') || '<li>nothing started</li>'}</ul>`;
}

export function classHtml(r: ClassReport, title: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head>
<body><h1>${esc(title)}</h1><p>${r.learners.length} learner(s), ${r.phases} phases.</p>
<table><thead><tr><th>learner</th><th>current</th><th>closed</th><th>last quiz</th><th>reviews due</th><th>waivers</th><th>attestations</th><th>last activity</th><th>progress</th></tr></thead>
<tbody>${r.learners.map(row).join('\n')}</tbody></table>
<h2>Timelines</h2>${r.learners.map(timeline).join('\n')}
</body></html>
`;
}
