// draftkit serve: send the drafts of one page (a pair, the rounds, or base and two
// counter-proposals), show the report in a sandboxed frame, offer downloads.
// No draft text is ever put into this page's DOM as HTML: the report goes into the frame's
// srcdoc (sandboxed: its script runs, but not in this origin), names and messages as text.
// Each page declares what it sends: the form's data-api (the endpoint), data-needs (how many
// drafts), and data-field on each file input (a `multiple` one sends round1, round2, …).
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var form = $("upload"), api = form.getAttribute("data-api");
  var needs = Number(form.getAttribute("data-needs")), most = Number(form.getAttribute("data-most") || needs);
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input[type=file][data-field]"));
  var taxonomy = $("taxonomy");
  var busy = false, timer = null;

  // Natural order of file names: round-2 before round-10, as `draftkit history FOLDER` sorts.
  function natural(a, b) {
    var x = a.name.toLowerCase().match(/\d+|\D+/g) || [], y = b.name.toLowerCase().match(/\d+|\D+/g) || [];
    for (var i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] === y[i]) { continue; }
      var nx = /^\d/.test(x[i]), ny = /^\d/.test(y[i]);
      if (nx && ny) { return Number(x[i]) - Number(y[i]) || (x[i] < y[i] ? -1 : 1); }
      return x[i] < y[i] ? -1 : 1;
    }
    return x.length - y.length;
  }

  // The rounds in the order the user set with the arrows, or null: natural name order (names
  // need not sort as the rounds came: "draft-final", "draft-v1", "draft-v2").
  var ordered = null;

  // The drafts to send, as [field, file] in order.
  function chosen() {
    var out = [];
    inputs.forEach(function (input) {
      var field = input.getAttribute("data-field");
      if (input.multiple) {
        (ordered || Array.prototype.slice.call(input.files).sort(natural)).forEach(function (file, i) {
          out.push([field + (i + 1), file]);
        });
      } else if (input.files.length) {
        out.push([field, input.files[0]]);
      }
    });
    return out;
  }

  function setBusy(on, text) {
    busy = on;
    Array.prototype.forEach.call(document.querySelectorAll("button"), function (b) { b.disabled = on; });
    $("progress").hidden = !on;
    document.body.setAttribute("aria-busy", on ? "true" : "false");
    if (timer) { clearInterval(timer); timer = null; }
    if (on) {
      var started = Date.now(), base = text;
      $("status").textContent = base + "…";
      timer = setInterval(function () {
        $("status").textContent = base + "… " + Math.round((Date.now() - started) / 1000) + " s";
      }, 1000);
    }
  }

  // What the readers guessed (numbering gaps, unnumbered paragraphs …), one line each, from
  // the answer's X-Draftkit-Warnings header: shown beside the report, as the CLI prints them.
  function showWarnings(xhr) {
    var list = $("warnings"), lines = [];
    try { lines = JSON.parse(xhr.getResponseHeader("X-Draftkit-Warnings") || "[]"); } catch (e) { lines = []; }
    list.textContent = "";
    lines.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
    $("warned").hidden = !lines.length;
  }

  function showError(text) {
    $("error").textContent = text;
    $("error").hidden = !text;
  }

  // The order the rounds will be read in, shown before they are sent; each may be moved a
  // round earlier or later.
  function showOrder() {
    var list = $("order");
    if (!list) { return; }
    list.textContent = "";
    var files = chosen().map(function (pair) { return pair[1]; });
    files.forEach(function (file, i) {
      var item = document.createElement("li");
      var name = document.createElement("span");
      name.textContent = file.name;
      item.appendChild(name);
      [["↑", "earlier", -1], ["↓", "later", 1]].forEach(function (move) {
        var to = i + move[2];
        if (to < 0 || to >= files.length) { return; }
        var button = document.createElement("button");
        button.type = "button";
        button.className = "move";
        button.textContent = move[0];
        button.setAttribute("aria-label", "Read " + file.name + " one round " + move[1]);
        button.addEventListener("click", function () {
          var next = files.slice();
          next[i] = files[to];
          next[to] = file;
          ordered = next;
          forget();
          showOrder();
        });
        item.appendChild(button);
      });
      list.appendChild(item);
    });
  }

  function formData() {
    var data = new FormData();
    chosen().forEach(function (pair) { data.append(pair[0], pair[1]); });
    if (taxonomy && taxonomy.files.length) { data.append("taxonomy", taxonomy.files[0]); }
    return data;
  }

  function query(format) {
    var params = ["format=" + format];
    Array.prototype.forEach.call(form.querySelectorAll("[data-param]"), function (el) {
      var value = el.type === "checkbox" ? (el.checked ? "1" : "0") : el.value;
      params.push(el.getAttribute("data-param") + "=" + encodeURIComponent(value));
    });
    return api + "?" + params.join("&");
  }

  // One request: upload progress while the files go up, then "comparing" until the answer.
  function send(url, label, done) {
    var xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "blob";
    xhr.upload.onprogress = function (event) {
      if (event.lengthComputable) {
        $("bar").max = event.total;
        $("bar").value = event.loaded;
        $("status").textContent = "Uploading " + Math.round(100 * event.loaded / event.total) + " %";
      }
    };
    xhr.upload.onload = function () {
      $("bar").removeAttribute("value");
      setBusy(true, label);
    };
    xhr.onload = function () {
      setBusy(false);
      if (xhr.status === 200) { showError(""); showWarnings(xhr); done(xhr.response, xhr); return; }
      xhr.response.text().then(function (text) {
        var message = "The server answered " + xhr.status;
        try { message = JSON.parse(text).error || message; } catch (e) { /* not JSON */ }
        showError(message + " (HTTP " + xhr.status + ")");
      });
    };
    xhr.onerror = function () { setBusy(false); showError("The server cannot be reached: is draftkit serve still running?"); };
    setBusy(true, "Uploading");
    xhr.send(formData());
  }

  function ready() {
    var count = chosen().length;
    if (count < needs || count > most || (!inputs[0].multiple && count !== inputs.length)) {
      showError(form.getAttribute("data-needs-text"));
      return false;
    }
    return true;
  }

  // The report shown no longer matches the chosen files (others chosen, or a new comparison
  // sent): hide it and its warnings, so a refusal is not read beside the last pair's report
  // and a download button never sends files other than the ones the report shows.
  function forget() {
    $("result").hidden = true;
    $("report").removeAttribute("srcdoc");
    $("warnings").textContent = "";
    $("warned").hidden = true;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (busy || !ready()) { return; }
    forget();
    var names = chosen().map(function (pair) { return pair[1].name; }).join(" → ");
    send(query("html"), "Comparing " + names, function (blob) {
      blob.text().then(function (html) {
        $("report").srcdoc = html;
        $("result").hidden = false;
        $("status").textContent = "";
      });
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll("#downloads button"), function (button) {
    button.addEventListener("click", function () {
      if (busy || !ready()) { return; }
      var format = button.getAttribute("data-format");
      send(query(format), "Making the " + format.toUpperCase() + " file", function (blob, xhr) {
        var match = /filename="([^"]+)"/.exec(xhr.getResponseHeader("Content-Disposition") || "");
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = match ? match[1] : "report." + format;
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      });
    });
  });

  inputs.forEach(function (input) {
    input.addEventListener("change", function () { ordered = null; forget(); showOrder(); });
  });
  // Another taxonomy or reading (lens) makes another report; the Word-only options do not.
  Array.prototype.forEach.call(form.querySelectorAll("#taxonomy, select[data-param]"), function (el) {
    el.addEventListener("change", forget);
  });

  // Files dropped at once: in natural name order, the earliest round first (a pair: old, new).
  var drop = $("drop");
  if (!drop) { return; }
  drop.addEventListener("dragover", function (event) { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    drop.classList.remove("over");
    var files = Array.prototype.slice.call(event.dataTransfer.files).sort(natural);
    if (inputs.length === 1 && inputs[0].multiple) {
      if (files.length < needs || files.length > most) { showError(form.getAttribute("data-needs-text")); return; }
      var all = new DataTransfer();
      files.forEach(function (file) { all.items.add(file); });
      inputs[0].files = all.files;
      ordered = null;
    } else {
      if (files.length !== inputs.length) { showError(form.getAttribute("data-needs-text")); return; }
      inputs.forEach(function (input, i) {
        var one = new DataTransfer();
        one.items.add(files[i]);
        input.files = one.files;
      });
    }
    forget();
    showOrder();
    showError("");
  });
}());
