"""The HTML report's stylesheet and scripts (`render/html.py` writes them inline).

Plain constants, no logic: the CSS of the report, its filter script, and the style and
script of a big report's folded stretches. `html.script_hash()` names the scripts for the
Content-Security-Policy of a page that frames the report.
"""

from __future__ import annotations

_CSS = """
:root{--ink:#1c2128;--muted:#57606a;--faint:#8c959f;--rule:#d8dee4;--panel:#f6f8fa;--accent:#1f3a5f;
--ins:#116329;--ins-bg:#dafbe1;--del:#a40e26;--del-bg:#ffebe9;--high:#a40e26;--medium:#8a4b00;--low:#0a5496;
--serif:Georgia,"Times New Roman",Times,serif;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;color:var(--ink);background:#fff;font:15px/1.5 var(--sans)}
.page{max-width:76rem;margin:0 auto;padding:2rem 1.5rem 3rem}
body[data-view=sbs] .page{max-width:100rem}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.4rem .6rem;z-index:9}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
h1{font:600 1.45rem/1.3 var(--serif);margin:.2rem 0 .8rem;max-width:60rem}
h2{font-size:1.1rem;margin:2rem 0 .75rem;padding-bottom:.3rem;border-bottom:2px solid var(--accent);
color:var(--accent)}
.eyebrow{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:.75rem;font-weight:600;
color:var(--muted)}
.sources{display:grid;grid-template-columns:auto 1fr;gap:.15rem .8rem;margin:0;font-size:.85rem;
color:var(--muted)}
.sources dt{font-weight:600;color:var(--ink)}.sources dd{margin:0;overflow-wrap:anywhere}
.sha{font-size:.78rem}
.path{color:var(--ink)}
.panels{display:grid;grid-template-columns:3fr 2fr;gap:1rem;align-items:start}
.panel{border:1px solid var(--rule);border-radius:6px;padding:.8rem 1rem;background:var(--panel)}
.panel h3{margin:0 0 .6rem;font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(7.2rem,1fr));gap:.5rem;margin:0}
.tile{background:#fff;border:1px solid var(--rule);border-radius:4px;padding:.4rem .6rem}
.tile dt{font-size:.78rem;color:var(--muted)}
.tile dd{margin:0;font-size:1.35rem;font-weight:600;font-variant-numeric:tabular-nums}
.tile.t-added{border-left:4px solid var(--ins)}.tile.t-deleted{border-left:4px solid var(--del)}
.tile.t-modified{border-left:4px solid var(--accent)}
.tile.t-split,.tile.t-merged{border-left:4px solid #6e40c9}
.tile.t-moved,.tile.t-renumbered{border-left:4px solid var(--medium)}
.tile.sev-high{border-left:4px solid var(--high)}.tile.sev-medium{border-left:4px solid var(--medium)}
.tile.sev-low{border-left:4px solid var(--low)}
.cats{width:100%;border-collapse:collapse;margin-top:.8rem;font-size:.85rem;background:#fff}
.cats caption{text-align:left;font-weight:600;font-size:.8rem;color:var(--muted);padding-bottom:.3rem}
.cats th,.cats td{border:1px solid var(--rule);padding:.2rem .5rem;text-align:right}
.cats th[scope=row],.cats thead th:first-child{text-align:left}
.notes{margin:.8rem 0 0;padding-left:1.2rem;color:var(--muted);font-size:.88rem}
.empty{color:var(--muted)}
.sev{display:inline-block;min-width:4.2rem;text-align:center;font-size:.72rem;font-weight:700;
text-transform:uppercase;letter-spacing:.04em;border:1px solid;border-radius:3px;padding:0 .35rem;
margin-right:.2rem}
.sev-high .sev,.sev.sev-high{color:var(--high)}
.sev.sev-medium{color:var(--medium)}
.sev.sev-low{color:var(--low)}
.cat{font-weight:600;margin-right:.3rem}
.cat::after{content:":"}
.evidence{margin-left:.6rem;font-family:var(--serif)}
.flagtable .evidence{display:block;margin:0}
.flagtable{width:100%;border-collapse:collapse;font-size:.9rem}
.flagtable th{text-align:left;font-size:.78rem;color:var(--muted);border-bottom:1px solid var(--rule);
padding:.3rem .5rem}
.flagtable td{border-bottom:1px solid var(--rule);padding:.35rem .5rem;vertical-align:top}
.flagtable td:nth-child(2){white-space:nowrap}
.legend{font-size:.85rem;color:var(--muted)}
.controls{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center;
background:#fff;border:1px solid var(--rule);border-radius:6px;padding:.45rem .8rem;margin:0 0 1rem;
font-size:.85rem;box-shadow:0 2px 6px rgba(0,0,0,.05)}
.controls fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem .7rem;
align-items:center}
.controls legend{float:left;font-weight:600;margin-right:.5rem;color:var(--muted)}
.controls label{white-space:nowrap;cursor:pointer}
.shown{margin:0 0 0 auto;color:var(--muted)}
.n{color:var(--muted);font-weight:400}
.colhead{display:none}
body[data-view=sbs] .colhead{display:grid;grid-template-columns:15rem 1fr 1fr;gap:1.25rem;font-weight:600;
font-size:.85rem;color:var(--muted);border-bottom:1px solid var(--rule);padding:.3rem 0;
overflow-wrap:anywhere}
.prov{scroll-margin-top:6rem;display:grid;grid-template-columns:15rem 1fr;gap:0 1.25rem;
padding:.35rem 0 .35rem 0;border-left:4px solid transparent}
.prov.chg{border-left-color:var(--accent);background:#fbfcfd;border-top:1px solid var(--rule);
border-bottom:1px solid var(--rule);margin:.35rem 0}
.prov.chg.k-added{border-left-color:var(--ins)}.prov.chg.k-deleted{border-left-color:var(--del)}
.prov.chg.k-split,.prov.chg.k-merged{border-left-color:#6e40c9}
.prov.chg.k-unchanged{border-left-color:var(--medium)}
.meta{padding-left:.6rem;font-size:.8rem;line-height:1.45}
.cite{display:block;color:var(--ink);text-decoration:none;font-weight:600;unicode-bidi:isolate}
.cite:hover{text-decoration:underline}
.same .cite{color:var(--faint);font-weight:400}
.arrow{color:var(--muted)}
.badges{display:flex;flex-wrap:wrap;gap:.2rem;margin-top:.2rem}
.badge{display:inline-block;font-size:.68rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;
border:1px solid currentColor;border-radius:3px;padding:0 .3rem;line-height:1.5;font-family:var(--sans)}
.badge.k-modified{color:var(--accent)}.badge.k-added{color:var(--ins)}.badge.k-deleted{color:var(--del)}
.badge.k-split,.badge.k-merged{color:#6e40c9}.badge.k-unchanged{color:var(--muted)}
.badge.b-moved,.badge.b-renumbered{color:var(--medium)}.badge.b-heading,.badge.b-refs{color:var(--muted)}
.badge.b-rewritten,.badge.b-pinned,.badge.b-replaced{color:var(--muted)}.badge.b-review{color:var(--medium)}
.prov.review{outline:2px dashed var(--medium);outline-offset:2px}
.body{font-family:var(--serif);font-size:1rem;line-height:1.6;min-width:0}
.d1 .rl,.d1 .col{padding-left:1.5rem}
.d2 .rl,.d2 .col{padding-left:3rem}
.d3 .rl,.d3 .col{padding-left:4.5rem}
.d4 .rl,.d4 .col{padding-left:6rem}.d5 .rl,.d5 .col{padding-left:7.5rem}.d6 .rl,.d6 .col{padding-left:9rem}
.txt,.hd{margin:0;unicode-bidi:plaintext;overflow-wrap:anywhere}
.hd .num{margin-right:0}
.hd{font-family:var(--serif);font-size:1.05rem;font-weight:700;margin-top:.5rem}
h3.hd{font-size:1.12rem}
.hd+.txt{margin-top:.2rem}
.num{font-weight:600;margin-right:.25rem}
.ph{font-style:italic}
.same .body{color:#6e7781}
.same .hd{color:#3d444d}
ins{color:var(--ins);background:var(--ins-bg);text-decoration:underline;text-decoration-thickness:1px;
text-underline-offset:2px}
del{color:var(--del);background:var(--del-bg);text-decoration:line-through}
/* screen readers announce neither element: say it in hidden text (not copied with the text) */
ins::before,ins::after,del::before,del::after{position:absolute;width:1px;height:1px;overflow:hidden;
clip-path:inset(100%);white-space:nowrap}
ins::before{content:" [inserted: "}ins::after{content:" :end inserted] "}
del::before{content:" [deleted: "}del::after{content:" :end deleted] "}
.pb{font-weight:700}
del+ins,ins+del{margin-left:.2em}
.part{display:inline-block;font:600 .68rem/1.5 var(--sans);text-transform:uppercase;letter-spacing:.03em;
color:#6e40c9;border:1px dashed #6e40c9;border-radius:3px;padding:0 .3rem;margin:.1rem .2rem .1rem 0}
.sbs{display:none}
body[data-view=sbs] .rl{display:none}
body[data-view=sbs] .sbs{display:grid;grid-template-columns:1fr 1fr;gap:1.25rem}
.col.old{border-right:1px dotted var(--rule);padding-right:1rem}
.absent{margin:0;color:var(--faint);font-style:italic;font-family:var(--sans);font-size:.85rem}
.col .txt+.hd,.col .txt+.txt{margin-top:.4rem}
.pflags{list-style:none;margin:.4rem 0 .1rem;padding:0;font-family:var(--sans);font-size:.85rem}
.pflags li{margin:.15rem 0}
details.run{margin:0}
details.run>summary{cursor:pointer;font-size:.78rem;color:var(--faint);padding:.1rem 0 .1rem .6rem;
list-style-position:inside}
details.run>summary:hover{color:var(--muted)}
.foot{margin-top:2.5rem;padding-top:.6rem;border-top:1px solid var(--rule);font-size:.78rem;
color:var(--faint)}
a{color:var(--accent)}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
@media (max-width:50rem){.panels{grid-template-columns:1fr}.prov{grid-template-columns:1fr}
.meta{padding-bottom:.2rem}body[data-view=sbs] .colhead{display:none}}
@media print{
@page{margin:1.6cm 1.4cm}
body{font-size:10pt;color:#000}
.page{max-width:none;padding:0}
.controls,.skip{display:none!important}
h2{color:#000;border-bottom-color:#000;break-after:avoid}
.panel,.tile,.cats th,.cats td{background:#fff!important;border-color:#888!important}
.tile{border-left-width:1px!important}
ins{color:#000;background:none;text-decoration:underline;text-decoration-thickness:1.5px}
del{color:#000;background:none;text-decoration:line-through}
.badge,.sev,.part{color:#000!important;border-color:#000!important;background:none!important}
.prov{break-inside:avoid;grid-template-columns:10rem 1fr}
.prov.chg{background:none;border-left-color:#000!important;border-top-color:#bbb;border-bottom-color:#bbb}
.same .body,.same .cite,.same .hd,details.run>summary{color:#555}
a{color:#000;text-decoration:none}
.sources,.notes,.meta,.foot{color:#000}
body[data-view=sbs] .colhead{color:#000;border-bottom-color:#000}
}
"""

_JS = """
(function () {
  "use strict";
  var form = document.getElementById("controls");
  if (!form) { return; }
  form.hidden = false;
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));
  var provisions = items.filter(function (el) {
    return el.classList.contains("prov") && !el.classList.contains("front");
  });
  var changes = provisions.filter(function (el) {
    return el.getAttribute("data-change") === "1";
  });
  var shown = document.getElementById("shown");
  function values(name) {
    var out = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name='" + name + "']"), function (input) {
      if (input.checked) { out[input.value] = true; }
    });
    return out;
  }
  function apply() {
    var sev = values("sev");
    var cat = values("cat");
    var hasCats = form.querySelector("input[name='cat']") !== null;
    var unflagged = form.querySelector("#unflagged").checked;
    var changesOnly = form.querySelector("#changes-only").checked;
    var view = form.querySelector("input[name='view']:checked");
    document.body.setAttribute("data-view", view ? view.value : "redline");
    items.forEach(function (el) {
      var flags = (el.getAttribute("data-flags") || "").split(" ").filter(Boolean);
      var show;
      if (flags.length > 0) {
        show = flags.some(function (token) {
          var parts = token.split(":");
          return sev[parts[0]] === true && (!hasCats || cat[parts[1]] === true);
        });
      } else if (el.getAttribute("data-change") === "1") {
        show = unflagged;
      } else {
        show = !changesOnly;
      }
      el.hidden = !show;
    });
    var visible = changes.filter(function (el) { return !el.hidden; }).length;
    shown.textContent = "Showing " + visible + " of " + changes.length + " changed provisions";
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
}());
"""


_FOLD_CSS = """
.foldnote{margin:0;font-family:var(--sans);font-size:.8rem;color:var(--faint)}
.unfold{margin-left:.6rem;font:inherit;color:var(--accent);background:none;border:1px solid var(--rule);
border-radius:3px;padding:0 .4rem;cursor:pointer}
"""

# The fold script of a big report: a fold row's button (shown only when the script runs and
# the browser can gunzip) puts the stretch's HTML — made and escaped by this module, read
# from the island, never evaluated — in place of the row; a link to a provision inside a
# fold unfolds it first. The rows it puts back are unchanged and unflagged, so of the
# filters only "Changes only" hides them.
_FOLD_JS = """
(function () {
  "use strict";
  var island = document.getElementById("folded");
  if (!island || typeof DecompressionStream === "undefined") { return; }
  var form = document.getElementById("controls");
  var runs = null;
  function load() {
    if (runs === null) {
      var bin = atob(island.textContent);
      var bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      runs = new Response(stream).text().then(function (text) { return text.split(String.fromCharCode(0)); });
    }
    return runs;
  }
  function changesOnly() {
    var box = form && form.querySelector("#changes-only");
    return box ? box.checked : false;
  }
  function unfold(k) {
    return load().then(function (html) {
      var row = document.querySelector(".fold[data-fold='" + k + "']");
      if (!row) { return; }
      var holder = document.createElement("div");
      holder.innerHTML = html[k];
      var hide = changesOnly();
      Array.prototype.forEach.call(holder.querySelectorAll("[data-filter]"), function (el) {
        el.hidden = hide;
        el.setAttribute("data-unfolded", "");
      });
      row.replaceWith.apply(row, Array.prototype.slice.call(holder.childNodes));
    });
  }
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id)) { return; }
    load().then(function (html) {
      var needle = 'id="' + id + '"';
      for (var k = 0; k < html.length; k++) {
        if (html[k].indexOf(needle) >= 0) {
          return unfold(k).then(function () {
            var el = document.getElementById(id);
            if (el) { el.scrollIntoView(); }
          });
        }
      }
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("button.unfold"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { unfold(button.getAttribute("data-fold")); });
  });
  if (form) {
    form.addEventListener("change", function () {
      var hide = changesOnly();
      Array.prototype.forEach.call(document.querySelectorAll("[data-unfolded]"), function (el) {
        el.hidden = hide;
      });
    });
  }
  window.addEventListener("hashchange", reveal);
  reveal();
}());
"""
