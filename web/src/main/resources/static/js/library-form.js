/*
 * The library's item form: a new item (the Dublin Core form, then its file), a new version of an
 * item (the file only), or an item's details (PUT with If-Match, so a stale edit is refused). Files go
 * over tus (tus-js-client) in parts of 8 MiB, the server's part size: Pause stops sending, Resume
 * asks the server how far it got and goes on from there, a dropped connection is retried, and a
 * file left half-sent (the page closed, the power cut) can be continued after choosing it again.
 * Then the page follows the version's processing until it is ready.
 */
(function () {
  'use strict';
  var form = document.getElementById('library-item-form');
  if (!form) { return; }
  var mode = form.dataset.mode;
  var section = document.getElementById('library-upload');
  var fileInput = document.getElementById('library-file');
  var scope = form.elements.scope;
  var classes = document.getElementById('f-classes');
  var CHUNK = 8 * 1024 * 1024;
  var ENDPOINT = '/api/v1/library/uploads';

  function text(key) { return section ? section.dataset['text' + key.charAt(0).toUpperCase() + key.slice(1)] || key : key; }

  function fill(template, values) {
    return template.replace(/\{(\d)\}/g, function (all, i) { return values[Number(i)]; });
  }

  function bytes(n) {
    var units = ['B', 'KB', 'MB', 'GB'];
    var unit = 0;
    while (n >= 1024 && unit < units.length - 1) { n /= 1024; unit++; }
    var digits = unit === 0 || n >= 10 ? 0 : 1;
    return new Intl.NumberFormat(document.documentElement.lang || 'vi', { maximumFractionDigits: digits }).format(n) + ' ' + units[unit];
  }

  /** The form as the item API takes it: grades as numbers, tags from a comma-separated line, classes only for class sharing. */
  function itemJson() {
    var json = Lms.formJson(form);
    var metadata = json.metadata || {};
    metadata.grades = (metadata.grades || []).map(Number);
    metadata.tags = metadata.tags ? metadata.tags.split(',').map(function (t) { return t.trim(); }).filter(Boolean) : [];
    json.metadata = metadata;
    json.classIds = json.scope === 'CLASS' ? (json.classIds || []) : [];
    return json;
  }

  function showScope() {
    if (scope && classes) { classes.hidden = scope.value !== 'CLASS'; }
  }
  if (scope) { scope.addEventListener('change', showScope); showScope(); }

  function offline() { Lms.showProblem(form, { title: Lms.text('offline') }, 0); }

  if (mode === 'edit') {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      Lms.clearProblems(form);
      var button = form.querySelector('button[type=submit]');
      button.disabled = true;
      var id = form.dataset.item;
      Lms.api('PUT', '/api/v1/library/items/' + encodeURIComponent(id), itemJson(), { 'If-Match': '"' + form.dataset.version + '"' })
        .then(function (answer) {
          if (answer.ok) { location.assign('/library/items/' + encodeURIComponent(id)); return; }
          Lms.showProblem(form, answer.body, answer.status);
        }, offline).finally(function () { button.disabled = false; });
    });
    return;
  }

  if (!section || !fileInput || !window.tus) { return; }
  var progress = document.getElementById('library-upload-progress');
  var percent = document.getElementById('library-upload-percent');
  var sentBytes = document.getElementById('library-upload-bytes');
  var status = document.getElementById('library-upload-status');
  var pause = document.getElementById('library-pause');
  var resume = document.getElementById('library-resume');
  var processing = document.getElementById('library-processing');
  var processingProgress = document.getElementById('library-processing-progress');
  var processingStatus = document.getElementById('library-processing-status');
  var done = document.getElementById('library-upload-done');
  var previousBox = document.getElementById('library-previous');
  var upload = null;
  var previous = null;
  var sending = false;

  function state(name, message) {
    section.dataset.state = name;
    if (message !== undefined) { status.textContent = message; }
  }

  window.addEventListener('beforeunload', function (event) {
    if (sending) { event.preventDefault(); event.returnValue = text('leave'); }
  });

  /** The problem detail the server answered a tus request with, if it sent one. */
  function problemOf(error) {
    var response = error && error.originalResponse;
    if (!response) { return { status: 0, body: null }; }
    var body = null;
    try { body = JSON.parse(response.getBody()); } catch (e) { body = null; }
    return { status: response.getStatus(), body: body };
  }

  function options(itemId) {
    return {
      endpoint: ENDPOINT,
      chunkSize: CHUNK,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000, 30000],
      metadata: { itemId: itemId, filename: fileInput.files[0].name, filetype: fileInput.files[0].type || 'application/octet-stream' },
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onBeforeRequest: function (request) {
        var token = Lms.csrf();
        if (token) { request.setHeader('X-XSRF-TOKEN', token); }
        request.setHeader('Accept-Language', document.documentElement.lang || 'vi');
      },
      onUploadUrlAvailable: function () { section.dataset.upload = upload.url; },
      onShouldRetry: function (error) {
        var answer = problemOf(error).status;
        var retrying = answer === 0 || answer === 409 || answer === 423 || answer === 429 || answer >= 500;
        if (retrying) { state('retrying', text('retrying')); }
        return retrying;
      },
      onProgress: function (sent, total) {
        var p = total > 0 ? Math.floor(sent * 100 / total) : 0;
        progress.value = p;
        percent.textContent = p + ' %';
        sentBytes.textContent = fill(text('sent'), [bytes(sent), bytes(total)]);
        if (section.dataset.state === 'retrying') { state('uploading', text('uploading')); }
      },
      onSuccess: function () {
        sending = false;
        progress.value = 100;
        percent.textContent = '100 %';
        pause.hidden = true;
        resume.hidden = true;
        state('processing', text('uploaded'));
        follow(itemId, upload.url.substring(upload.url.lastIndexOf('/') + 1));
      },
      onError: function (error) {
        sending = false;
        var answer = problemOf(error);
        if (answer.status >= 400 && answer.status < 500) {
          // Refused (type, size, a finished or expired upload): choosing another file is the way on.
          section.hidden = true;
          form.hidden = false;
          Lms.showProblem(form, answer.body || { title: text('failed') }, answer.status);
          return;
        }
        state('failed', text('failed') + (answer.body && answer.body.title ? ': ' + answer.body.title : ''));
        pause.hidden = true;
        resume.hidden = false;
        resume.focus();
      }
    };
  }

  function start(file, itemId, from) {
    upload = new tus.Upload(file, options(itemId));
    if (from) { upload.resumeFromPreviousUpload(from); }
    form.hidden = true;
    section.hidden = false;
    section.querySelector('.file-name').textContent = file.name;
    pause.hidden = false;
    resume.hidden = true;
    sending = true;
    state('uploading', text('uploading'));
    upload.start();
    var heading = section.querySelector('h2');
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }

  pause.addEventListener('click', function () {
    if (!upload) { return; }
    sending = false;
    upload.abort().then(function () {
      state('paused', text('paused'));
      pause.hidden = true;
      resume.hidden = false;
      resume.focus();
    });
  });

  resume.addEventListener('click', function () {
    if (!upload) { return; }
    sending = true;
    pause.hidden = false;
    resume.hidden = true;
    pause.focus();
    state('uploading', text('uploading'));
    upload.start();
  });

  /** Follows the new version until processing ends: progress, then a link to the item or the reason it failed. */
  function follow(itemId, uploadId) {
    processing.hidden = false;
    processingStatus.textContent = text('processing');
    var url = '/api/v1/library/items/' + encodeURIComponent(itemId);
    function poll() {
      Lms.api('GET', url).then(function (answer) {
        var version = answer.ok && (answer.body.files || []).filter(function (f) { return f.uploadId === uploadId; })[0];
        if (!version || version.state === 'PROCESSING') {
          if (version) { processingProgress.value = version.progress; }
          setTimeout(poll, 1500);
          return;
        }
        processingProgress.value = 100;
        done.href = '/library/items/' + encodeURIComponent(itemId);
        done.hidden = false;
        // The upload's own line keeps saying it arrived; the processing line says how it ended.
        if (version.state === 'READY') {
          state('ready');
          processingStatus.textContent = text('ready');
        } else {
          state('failed');
          processingStatus.textContent = failure(version.failure || '');
        }
        done.focus();
      }, function () { setTimeout(poll, 5000); });
    }
    poll();
  }

  function failure(reason) {
    var key = reason === 'extraction-encrypted' ? 'failureExtractionEncrypted'
      : reason.indexOf('extraction-') === 0 ? 'failureExtraction' : reason.indexOf('media-') === 0 ? 'failureMedia' : 'failureProcessing';
    return text(key);
  }

  /** A half-sent upload of the same file (same name, size, date and type) that the server still keeps. */
  function findPrevious(file) {
    previous = null;
    previousBox.hidden = true;
    new tus.Upload(file, { endpoint: ENDPOINT }).findPreviousUploads().then(function (found) {
      var mine = found.filter(function (p) { return p.metadata && p.metadata.itemId && (mode !== 'version' || p.metadata.itemId === form.dataset.item); })
        .sort(function (a, b) { return new Date(b.creationTime) - new Date(a.creationTime); });
      if (mine.length === 0) { return; }
      var candidate = mine[0];
      var id = candidate.uploadUrl.substring(candidate.uploadUrl.lastIndexOf('/') + 1);
      Lms.api('GET', ENDPOINT + '/' + encodeURIComponent(id)).then(function (answer) {
        if (!answer.ok || answer.body.state !== 'RECEIVING') {
          tus.defaultOptions.urlStorage.removeUpload(candidate.urlStorageKey);
          return;
        }
        previous = candidate;
        previousBox.querySelector('.text').textContent = fill(text('previous'),
          [answer.body.percent + ' %', new Date(candidate.creationTime).toLocaleString(document.documentElement.lang || 'vi',
            { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' })]);
        previousBox.hidden = false;
      });
    });
  }

  fileInput.addEventListener('change', function () {
    var file = fileInput.files[0];
    if (!file) { return; }
    var title = form.elements['metadata.title'];
    if (title && !title.value.trim()) { title.value = file.name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim(); }
    var kind = form.elements['metadata.kind'];
    if (kind && !kind.value) {
      kind.value = file.type.indexOf('video/') === 0 ? 'VIDEO_LECTURE' : file.type.indexOf('audio/') === 0 ? 'AUDIO'
        : file.type.indexOf('image/') === 0 ? 'IMAGE' : '';
    }
    findPrevious(file);
  });

  document.getElementById('library-continue').addEventListener('click', function () {
    if (previous) { start(fileInput.files[0], previous.metadata.itemId, previous); }
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    Lms.clearProblems(form);
    var file = fileInput.files[0];
    if (!file) { fileInput.focus(); return; }
    if (form.dataset.item) { start(file, form.dataset.item, null); return; }
    var button = form.querySelector('button[type=submit]');
    button.disabled = true;
    Lms.api('POST', '/api/v1/library/items', itemJson()).then(function (answer) {
      if (!answer.ok) { Lms.showProblem(form, answer.body, answer.status); return; }
      // Kept, so that a second try (after a refused file) adds to this item instead of making another.
      form.dataset.item = answer.body.id;
      start(file, answer.body.id, null);
    }, offline).finally(function () { button.disabled = false; });
  });
})();
