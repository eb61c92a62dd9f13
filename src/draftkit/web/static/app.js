// draftkit serve: send the two drafts, show the report in a sandboxed frame, offer downloads.
// No draft text is ever put into this page's DOM as HTML: the report goes into the frame's
// srcdoc (sandboxed: its script runs, but not in this origin), messages go in as text.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var form = $("pair"), oldInput = $("old"), newInput = $("new"), taxonomy = $("taxonomy");
  var busy = false, timer = null;

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

  function showError(text) {
    $("error").textContent = text;
    $("error").hidden = !text;
  }

  function formData() {
    var data = new FormData();
    data.append("old", oldInput.files[0]);
    data.append("new", newInput.files[0]);
    if (taxonomy.files.length) { data.append("taxonomy", taxonomy.files[0]); }
    return data;
  }

  function query(format) {
    return "/api/redline?format=" + format + "&moves=" + ($("moves").checked ? 1 : 0) +
      "&summary=" + ($("summary").checked ? 1 : 0);
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
      if (xhr.status === 200) { showError(""); done(xhr.response, xhr); return; }
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
    if (!oldInput.files.length || !newInput.files.length) {
      showError("Choose two drafts: the old one and the new one.");
      return false;
    }
    return true;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (busy || !ready()) { return; }
    var names = oldInput.files[0].name + " → " + newInput.files[0].name;
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

  // Two files dropped at once: the one whose name sorts first is the old round.
  var drop = $("drop");
  drop.addEventListener("dragover", function (event) { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    drop.classList.remove("over");
    var files = Array.prototype.slice.call(event.dataTransfer.files);
    if (files.length !== 2) { showError("Drop two files at once: the old draft and the new one."); return; }
    files.sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; });
    [oldInput, newInput].forEach(function (input, i) {
      var one = new DataTransfer();
      one.items.add(files[i]);
      input.files = one.files;
    });
    showError("");
  });
}());
