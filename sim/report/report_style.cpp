// SPDX-License-Identifier: MIT
#include "report/report_style.hpp"

namespace carepath::report {

std::string_view report_css() {
  return R"css(
:root { --ink: #1a1a1a; --muted: #555; --rule: #c8c8c8; --base: #0072b2; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: var(--ink); background: #fff; margin: 0 auto; max-width: 1100px; padding: 16px 20px 48px; }
h1 { font-size: 1.6em; margin: 0.2em 0; }
h2 { font-size: 1.25em; border-bottom: 2px solid var(--ink); padding-bottom: 2px; margin-top: 1.8em; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
p, li { max-width: 70em; }
.lede { color: var(--muted); margin-top: 0; }
.meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 4px 16px;
        margin: 10px 0; padding: 8px 12px; background: #f4f4f4; border-radius: 6px; }
.meta div { font-size: 0.92em; } .meta div.wide { grid-column: 1 / -1; } .meta b { display: block; font-weight: 600; color: var(--muted); font-size: 0.85em; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 0.92em; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { text-align: left; background: #f4f4f4; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.ci.parts { white-space: normal; }  /* Parts of a figure under it: they may wrap. */
.scroll { overflow-x: auto; }
.ci { display: block; color: var(--muted); font-size: 0.85em; }
.note { color: var(--muted); font-size: 0.92em; }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: 4px 12px 8px; margin: 10px 0;
        break-inside: avoid; page-break-inside: avoid; }
.card h3 { margin-top: 0.5em; }
.card td.verdict { white-space: nowrap; }
.absent { border-left: 4px solid #e69f00; padding: 4px 10px; background: #fff8e6; }
figure { margin: 10px 0 18px; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 0.9em; color: var(--muted); margin-bottom: 4px; }
svg.chart { display: block; width: 100%; max-width: 860px; height: auto; font-size: 12px; }
figure.graph svg.chart { width: 100%; max-width: 100%; }
.forests { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 0 24px; }
figure.forest { margin: 4px 0 10px; }
figure.forest svg.chart { width: auto; max-width: 100%; }
svg .grid { stroke: #e3e3e3; stroke-width: 1; }
svg .axis { stroke: #888; stroke-width: 1; }
svg .zero { stroke: var(--ink); stroke-width: 1.2; stroke-dasharray: 3 3; }
svg .tick, svg .legend, svg .value, svg .label { fill: #333; }
svg .axis-title { fill: var(--muted); font-style: italic; }
svg .band-outer { fill: #a6cee3; fill-opacity: 0.55; stroke: none; }
svg .band-inner { fill: #1f78b4; fill-opacity: 0.45; stroke: none; }
svg .median { fill: none; stroke: #08306b; stroke-width: 2.2; }
svg .mean { fill: none; stroke: #08306b; stroke-width: 1.4; stroke-dasharray: 5 3; }
svg .variant { fill: none; stroke-width: 2.2; }
svg .v1 { stroke: #e69f00; stroke-dasharray: 9 3; }
svg .v2 { stroke: #009e73; stroke-dasharray: 2 2; }
svg .v3 { stroke: #cc79a7; stroke-dasharray: 9 3 2 3; }
svg .v4 { stroke: #d55e00; stroke-dasharray: 14 4; }
svg .v5 { stroke: #56b4e9; stroke-dasharray: 4 4 1 4; }
svg .v6 { stroke: #000; stroke-dasharray: 1 3; }
svg .v7 { stroke: #b8860b; stroke-dasharray: 12 3 2 3 2 3; }
svg .v8 { stroke: #7b3294; stroke-dasharray: 6 2 6 6; }
svg .stripe { fill: #f6f6f6; }
svg .ci { stroke: var(--ink); stroke-width: 1.6; }
svg .estimate { fill: var(--base); stroke: var(--ink); stroke-width: 1; }
svg .edge { fill: none; stroke: #555; stroke-width: 1.3; }
svg .edge.back { stroke: #7a8fa6; }
svg .edge.per-type { stroke-dasharray: 6 3; }
svg .edge.divert { stroke-dasharray: 1.5 3; stroke-width: 1.6; }
svg .edge.renege { stroke-dasharray: 8 3 1.5 3; }
svg .arrow-head { fill: #555; }
svg .edge-label { fill: #222; font-size: 10.5px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg .node-source { fill: #e8f1f8; stroke: var(--base); stroke-width: 1.4; }
svg .node-service { fill: #fff; stroke: var(--ink); stroke-width: 1.4; }
svg .node-exit { fill: #eee; stroke: #777; stroke-width: 1.4; stroke-dasharray: 3 2; }
svg .node-name { font-weight: 600; fill: var(--ink); font-size: 12px; }
svg .node-detail { fill: var(--muted); }
.toggle { margin: 6px 0; }
.toggle button { font: inherit; padding: 3px 12px; border: 1px solid #888; background: #fff; border-radius: 4px; cursor: pointer; }
.toggle button[aria-pressed="true"] { background: var(--ink); color: #fff; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 0 24px; }
.print-only { display: none; }
details { margin: 4px 0; } summary { cursor: pointer; font-weight: 600; }
footer { margin-top: 3em; color: var(--muted); font-size: 0.85em; }
@media (max-width: 700px) { body { padding: 10px; } .charts { grid-template-columns: 1fr; } }
@page { size: A4; margin: 12mm; }  /* The paper of an NHS board pack. */
@media print {
  body { max-width: none; font-size: 10pt; padding: 0; }
  .toggle, .screen-only { display: none; }
  .print-only { display: block; }
  /* Two charts a row and the notes in two columns: about half the pages, and every chart kept. */
  .charts, .forests { grid-template-columns: 1fr 1fr; gap: 0 12px; }
  figure.forest svg.chart { width: 100%; }
  #notes ul, .variant-notes { columns: 2; column-gap: 20px; font-size: 8.5pt; }
  #notes li, .variant-notes li { break-inside: avoid; }
  .variant-notes h3 { margin-top: 0.4em; break-after: avoid; }
  table { font-size: 9pt; } th, td { padding: 2px 6px; }
  /* A card may run over a page; a row of it may not. Cards are set tight: they are the answer. */
  .card { break-inside: auto; page-break-inside: auto; padding: 4px 8px; margin: 4px 0; }
  .card p { margin: 2px 0; }
  .card table { font-size: 8pt; } .card th, .card td { padding: 1px 4px; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .meta, th { background: none; }
}
)css";
}

std::string_view report_script() {
  return R"js(
(function () {
  'use strict';
  var buttons = document.querySelectorAll('.toggle button[data-period]');
  Array.prototype.forEach.call(buttons, function (button) {
    button.addEventListener('click', function () {
      var period = button.getAttribute('data-period');
      Array.prototype.forEach.call(document.querySelectorAll('.period'), function (block) {
        block.hidden = !block.classList.contains('period-' + period);
      });
      Array.prototype.forEach.call(buttons, function (other) {
        other.setAttribute('aria-pressed', other === button ? 'true' : 'false');
      });
    });
  });
  // Printed, the notes folded into <details> would be lost: open them all first.
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
})();
)js";
}

}  // namespace carepath::report
