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
table.matrix,table.glance{border-collapse:separate;border-spacing:0;border-left:1px solid #d0d7de;border-top:1px solid #d0d7de}
table.matrix :is(th,td),table.glance :is(th,td){border-width:0 1px 1px 0}
table.matrix td:nth-child(n+2),table.glance td{text-align:center;min-width:2.8em}
table.matrix thead th{position:sticky;top:0;z-index:2;background:#fff}
table.matrix thead th:first-child{z-index:3}
th.key,td.key{text-align:center;font-family:ui-monospace,Menlo,Consolas,monospace}
table.matrix tr>:first-child,table.glance tr>:first-child{position:sticky;left:0;z-index:1;background:#fff;box-shadow:1px 0 0 #d0d7de;max-width:35vw;overflow-wrap:break-word}
table.matrix tr.model>*{background:#f4f5f7;text-align:left}
table.glance tr.family th{background:#f4f5f7;text-align:left}
table.glance td.model{padding-left:1.5em;text-align:left}
details.family,details.fail-adapter{margin:.3em 0}details.fail-check{margin:.2em 0 .2em 1.5em}
details>summary{cursor:pointer}
[id]{scroll-margin-top:2.5em}
.toc{padding:.4em 0;border-bottom:1px solid #d0d7de}
.to-toc{position:fixed;right:1em;bottom:1em;z-index:4;background:#fff;border:1px solid #d0d7de;padding:2px 8px}
.toc a{margin-right:.8em;white-space:nowrap}
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
.filters{background:#fff;padding:.5em 0;border-bottom:1px solid #d0d7de}
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
      if (ok && el.classList.contains('check')) shown++;
    }
    // a fold, a model's rows or an adapter's failures with nothing left in them go too
    var groups = document.querySelectorAll('[data-group]');
    for (var j = 0; j < groups.length; j++) groups[j].classList.toggle('hidden', !groups[j].querySelector('[data-level]:not(.hidden)'));
    count.textContent = shown + ' checks shown';
  }
  // a link into a fold opens it (and every fold around it) before the browser scrolls there
  function openTo(id) {
    for (var el = document.getElementById(id); el; el = el.parentElement) if (el.tagName === 'DETAILS') el.open = true;
  }
  document.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('a[href^="#"]') : null;
    if (a) openTo(a.getAttribute('href').slice(1));
  });
  if (location.hash.length > 1) {
    openTo(location.hash.slice(1));
    var target = document.getElementById(location.hash.slice(1));
    if (target) target.scrollIntoView();
  }
  level.addEventListener('change', apply);
  status.addEventListener('change', apply);
  model.addEventListener('change', apply);
  apply();
})();
`;
