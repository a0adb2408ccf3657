/*
 * Handing in: each chosen file goes to the library's tus endpoint as a private upload (resumable,
 * with its progress shown), the page waits until the server has checked it, then the hand-in names
 * the finished uploads together with the typed text. A file the server is still checking when the
 * hand-in arrives (409) is waited for and the hand-in sent again.
 */
(function () {
  'use strict';
  var form = document.getElementById('hand-in');
  if (!form) { return; }
  var T = form.dataset;
  var input = document.getElementById('hand-in-files');
  var progress = document.getElementById('hand-in-progress');
  var ENDPOINT = '/api/v1/library/uploads';

  function wait(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function line(file) {
    var li = document.createElement('li');
    var name = document.createElement('span');
    name.className = 'file-name';
    name.textContent = file.name;
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', file.name);
    var state = document.createElement('span');
    state.className = 'state';
    state.textContent = T.uploading;
    li.append(name, bar, state);
    progress.appendChild(li);
    return { bar: bar, state: state, li: li };
  }

  /** Sends one file over tus; resolves with the upload's id once the server has checked it. */
  function upload(file) {
    var shown = line(file);
    return new Promise(function (resolve, reject) {
      var sending = new tus.Upload(file, {
        endpoint: ENDPOINT,
        metadata: { purpose: 'private', filename: file.name },
        headers: { 'X-XSRF-TOKEN': Lms.csrf() || '' },
        chunkSize: 5 * 1024 * 1024,
        retryDelays: [0, 1000, 3000, 5000, 10000],
        removeFingerprintOnSuccess: true,
        onProgress: function (sent, total) {
          shown.bar.value = total ? Math.floor(sent * 100 / total) : 0;
        },
        onError: function (error) {
          shown.li.classList.add('failed');
          var response = error && error.originalResponse;
          var detail = null;
          try { detail = response && JSON.parse(response.getBody()); } catch (ignored) { detail = null; }
          shown.state.textContent = (detail && (detail.detail || detail.title)) || T.refused;
          reject({ title: file.name, detail: shown.state.textContent });
        },
        onSuccess: function () {
          var id = sending.url.substring(sending.url.lastIndexOf('/') + 1);
          shown.bar.value = 100;
          shown.state.textContent = T.checking;
          checked(id, 0).then(function () {
            shown.state.textContent = T.uploaded;
            shown.li.classList.add('done');
            resolve(id);
          }, function (problem) {
            shown.li.classList.add('failed');
            shown.state.textContent = T.refused;
            reject(problem);
          });
        }
      });
      sending.findPreviousUploads().then(function (previous) {
        if (previous.length) { sending.resumeFromPreviousUpload(previous[0]); }
        sending.start();
      });
    });
  }

  /** Waits (up to about a minute) for the server's type check and virus scan of a finished upload. */
  function checked(id, round) {
    return Lms.api('GET', ENDPOINT + '/' + encodeURIComponent(id)).then(function (answer) {
      if (answer.ok && answer.body.state === 'COMPLETED') { return id; }
      if (answer.ok && answer.body.state === 'REFUSED') {
        return Promise.reject({ title: answer.body.fileName, detail: answer.body.failure || T.refused });
      }
      if (!answer.ok && answer.status !== 409 || round > 60) { return Promise.reject(answer.body || { title: T.refused }); }
      return wait(Math.min(250 * (round + 1), 2000)).then(function () { return checked(id, round + 1); });
    });
  }

  function handIn(body, round) {
    return Lms.api('POST', form.getAttribute('action'), body).then(function (answer) {
      var unfinished = answer.status === 409 && answer.body && /private-file-unfinished$/.test(answer.body.type || '');
      if (unfinished && round < 10) { return wait(1000).then(function () { return handIn(body, round + 1); }); }
      return answer;
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    Lms.clearProblems(form);
    var files = input ? Array.prototype.slice.call(input.files) : [];
    var text = form.elements.text.value.trim();
    if (!text && files.length === 0) { Lms.showProblem(form, { title: T.empty }, 400); return; }
    if (files.length > Number(T.maxFiles)) { Lms.showProblem(form, { title: T.tooMany }, 400); return; }
    var big = files.filter(function (f) { return f.size > Number(T.maxBytes); })[0];
    if (big) { Lms.showProblem(form, { title: big.name, detail: T.tooLarge }, 413); return; }
    var button = form.querySelector('button[type=submit]');
    button.disabled = true;
    if (progress) { progress.textContent = ''; }
    // One file after another: a slow rural link shares its bandwidth badly.
    var ids = [];
    var chain = Promise.resolve();
    files.forEach(function (file) {
      chain = chain.then(function () { return upload(file).then(function (id) { ids.push(id); }); });
    });
    chain.then(function () {
      return handIn({ text: text || null, uploadIds: ids }, 0);
    }).then(function (answer) {
      if (answer.ok) {
        var box = document.createElement('p');
        box.className = 'form-ok';
        box.setAttribute('role', 'status');
        box.textContent = Lms.format(T.done, answer.body.version);
        form.replaceWith(box);
        setTimeout(function () { location.reload(); }, 800);
        return;
      }
      Lms.showProblem(form, answer.body, answer.status);
    }).catch(function (problem) {
      Lms.showProblem(form, problem && problem.title ? problem : { title: Lms.text('offline', 'Không kết nối được tới máy chủ.') }, 0);
    }).finally(function () {
      button.disabled = false;
    });
  });
})();
