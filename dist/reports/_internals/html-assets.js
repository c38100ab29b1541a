/**
 * The HTML report's only style and script. They are constants, so the page's
 * Content-Security-Policy can allow them by hash and nothing else.
 */
export const REPORT_STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#1b1f24;background:#fff}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
pre{background:#f4f5f7;padding:.6em;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #d0d7de;padding:2px 6px;text-align:left}
table.matrix td:nth-child(n+3){text-align:center;min-width:4em}
.st-passed{background:#2da44e;color:#fff}
.st-failed{background:#cf222e;color:#fff}
.st-failed a{color:#fff;font-weight:bold}
.st-unsupported{background:#d0d7de;color:#1b1f24}
.st-known{background:#bf8700;color:#fff}.st-known a{color:#fff}
.headline{font-size:1.2em}
details.behaviours{margin:.3em 0}details.behaviours summary{cursor:pointer}
.st-observed{background:#54aeff;color:#fff}
.beh-0{background:#0969da;color:#fff}.beh-1{background:#8250df;color:#fff}.beh-2{background:#bf8700;color:#fff}.beh-3{background:#1b7c83;color:#fff}
.beh-4{background:#bc4c00;color:#fff}.beh-5{background:#6e7781;color:#fff}.beh-6{background:#4d2d00;color:#fff}.beh-7{background:#a40e26;color:#fff}
table.behaviours td{vertical-align:top}
.chip{display:inline-block;border-radius:3px;padding:0 4px;margin:1px 2px}
.banner{background:#fff8c5;border:1px solid #d4a72c;padding:.5em}
.failure{border-top:2px solid #cf222e;margin-top:1.5em;scroll-margin-top:3em}
.muted{color:#57606a}
.filters{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #d0d7de}
.filters label{margin-right:1em}
.hidden{display:none}
`;
export const FILTER_SCRIPT = `
(function () {
  var level = document.getElementById('f-level');
  var status = document.getElementById('f-status');
  var model = document.getElementById('f-model');
  var count = document.getElementById('f-count');
  function apply() {
    var shown = 0;
    var items = document.querySelectorAll('[data-level]');
    for (var i = 0; i < items.length; i++) {
      var el = items[i];
      var ok = (!level.value || el.getAttribute('data-level') === level.value)
        && (!status.value || el.getAttribute('data-statuses').split(' ').indexOf(status.value) >= 0)
        && (!model.value || el.getAttribute('data-model') === model.value);
      el.classList.toggle('hidden', !ok);
      if (ok && el.tagName === 'TR' && el.parentNode.parentNode.id === 'matrix') shown++;
    }
    count.textContent = shown + ' checks shown';
  }
  level.addEventListener('change', apply);
  status.addEventListener('change', apply);
  model.addEventListener('change', apply);
  apply();
})();
`;
//# sourceMappingURL=html-assets.js.map