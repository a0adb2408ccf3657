/*
 * The test-taking page (docs/test-taking-api.md). The server keeps the clock and the answers; this
 * page keeps a copy of both in IndexedDB so that a student goes on answering through a dropped
 * network, a reload or a browser crash, and loses nothing:
 *
 *  - every change gets the next number of one counter per attempt (seq) and is written to
 *    IndexedDB (the pending queue) before it is sent;
 *  - the queue is sent oldest first, one PUT for one answer, one batch POST for several; an entry
 *    leaves the queue only once the server has acknowledged it (then it is durable there);
 *  - when a send fails for the network, the page says so calmly and retries; the 'online' event
 *    and a timer send the queue again;
 *  - the countdown runs from the server's remainingMs, refreshed by every answer and a ping.
 */
(function () {
  'use strict';
  var main = document.querySelector('main.take');
  if (!main) { return; }
  var T = document.getElementById('take-texts').dataset;
  var sessionId = main.dataset.session;
  var storeKey = 'lms-attempt:' + main.dataset.student + ':' + sessionId;
  var BATCH = 200;
  var RETRY_MS = 3000;
  var PING_MS = 20000;

  var state = null;          // what IndexedDB keeps: attempt id, device, seq, paper, answers, queue, flags, current
  var clock = { remaining: null, at: 0, paused: false };
  var flushing = false;
  var oneByOne = false;
  var offline = false;
  var retryTimer = null;
  var finished = false;
  var warned = false;
  var typing = {};

  var $ = function (id) { return document.getElementById(id); };

  var format = Lms.format;

  /** Resolves once IndexedDB holds the state; without IndexedDB (a private window) the page works on, without the copy. */
  function persist() {
    return idbKeyval.set(storeKey, state).then(null, function () { /* nothing to keep it in */ });
  }

  function headers() {
    return { 'X-Attempt-Device': state.device };
  }

  function attemptUrl(path) {
    return '/api/v1/attempts/' + encodeURIComponent(state.attemptId) + path;
  }

  function slug(problem) {
    return problem && problem.type ? String(problem.type).split('/').pop() : '';
  }

  // ---- the clock ---------------------------------------------------------------------------

  function setClock(view) {
    if (!view) { return; }
    clock.remaining = view.remainingMs;
    clock.at = performance.now();
    if (view.paused !== undefined) { clock.paused = view.paused; }
    if (view.state === 'SUBMITTED') { finishFromServer(); }
  }

  function left() {
    if (clock.remaining === null) { return null; }
    return clock.paused ? clock.remaining : clock.remaining - (performance.now() - clock.at);
  }

  function tick() {
    var ms = left();
    if (ms === null || finished) { return; }
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    var text = Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
    $('clock').textContent = clock.paused ? T.paused : text;
    $('clock').parentNode.classList.toggle('ending', seconds <= 300);
    if (seconds <= 300 && !warned) {
      warned = true;
      $('time-warning').textContent = T.fiveMinutes;
    }
    if (seconds === 0 && !clock.paused) {
      timeUp();
    }
  }

  // ---- network state -----------------------------------------------------------------------

  function setOffline(value) {
    if (offline === value) { return; }
    offline = value;
    $('offline-banner').hidden = !value;
    document.body.classList.toggle('is-offline', value);
    if (value) {
      state && (state.wentOffline = true);
    } else if (state && state.wentOffline) {
      state.wentOffline = false;
      report('OFFLINE');
      report('RECONNECTED');
    }
    showSaveState();
  }

  function showSaveState() {
    var pending = state ? state.queue.length : 0;
    var el = $('save-state');
    el.textContent = pending === 0 ? T.saved : offline ? format(T.kept, pending) : T.saving;
    el.className = 'save-state ' + (pending === 0 ? 'ok' : offline ? 'kept' : 'saving');
  }

  function scheduleRetry() {
    if (retryTimer) { return; }
    retryTimer = setTimeout(function () { retryTimer = null; flush(); }, RETRY_MS);
  }

  // ---- sending the queue -------------------------------------------------------------------

  function flush() {
    if (flushing || finished || !state || !state.attemptId) { return; }
    if (state.queue.length === 0) {
      if (state.submitRequested) { sendSubmit(); }
      return;
    }
    flushing = true;
    var batch = state.queue.slice(0, oneByOne ? 1 : BATCH);
    var request = batch.length === 1
      ? Lms.api('PUT', attemptUrl('/answers/' + batch[0].number), { seq: batch[0].seq, response: batch[0].response }, headers())
      : Lms.api('POST', attemptUrl('/answers'), { answers: batch }, headers());
    request.then(function (answer) {
      flushing = false;
      setOffline(false);
      if (answer.ok) {
        var saved = batch.length === 1 ? [answer.body] : answer.body.saved;
        acknowledge(saved);
        if (batch.length > 1 && answer.body.refused) {
          return refused(answer.body.refused);
        }
        return persist().then(function () { showSaveState(); flush(); });
      }
      if (answer.status === 409 || answer.status === 403) {
        return refused(slug(answer.body));
      }
      if (answer.status >= 400 && answer.status < 500 && answer.status !== 401 && answer.status !== 408 && answer.status !== 429) {
        // One save the server can never take (malformed) must not hold the others back: find it by
        // sending one at a time, drop it, go on.
        if (batch.length > 1) {
          oneByOne = true;
        } else {
          state.queue.splice(0, 1);
          oneByOne = false;
        }
        return persist().then(flush);
      }
      scheduleRetry();
    }, function () {
      flushing = false;
      setOffline(true);
      scheduleRetry();
    });
  }

  /** Drops exactly the acknowledged entries (same item and seq) from the queue. */
  function acknowledge(saved) {
    saved.forEach(function (reply) {
      var i = state.queue.findIndex(function (entry) { return entry.number === reply.number && entry.seq === reply.seq; });
      if (i >= 0) { state.queue.splice(i, 1); }
      if (typeof reply.remainingMs === 'number') { setClock({ remainingMs: reply.remainingMs }); }
    });
  }

  function refused(problem) {
    if (problem === 'attempt-paused') {
      clock.paused = true;
      persist();
      retryTimer = retryTimer || setTimeout(function () { retryTimer = null; ping().then(flush); }, 5000);
      return;
    }
    if (problem === 'attempt-taken-over') {
      return close(T.takenOver);
    }
    if (problem === 'attempt-time-up' || problem === 'attempt-submitted') {
      return finishFromServer();
    }
    scheduleRetry();
  }

  // ---- answering ---------------------------------------------------------------------------

  function record(number, response) {
    if (finished) { return; }
    state.seq += 1;
    var entry = { number: number, seq: state.seq, response: response };
    state.answers[number] = { seq: state.seq, response: response };
    state.queue.push(entry);
    markPalette();
    showSaveState();
    persist().then(flush);
  }

  function answered(response) {
    if (!response) { return false; }
    return (response.selected && response.selected.length > 0)
      || (response.entries && Object.keys(response.entries).some(function (k) { return String(response.entries[k]).trim() !== ''; }))
      || (typeof response.text === 'string' && response.text.trim() !== '');
  }

  function responseOf(number) {
    var saved = state.answers[number];
    return saved ? saved.response : null;
  }

  // ---- drawing a question ------------------------------------------------------------------

  var MATH = /(\\\(.*?\\\)|\\\[.*?\\\])/g;

  function rich(html, target) {
    return Lms.rich(html, target, function (asset) { return attemptUrl('/assets/' + encodeURIComponent(asset)); });
  }

  var math = Lms.math;

  function element(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined) { el.setAttribute(k, attrs[k]); } });
    if (text !== undefined) { el.textContent = text; }
    return el;
  }

  function choiceList(item, multiple, response) {
    var chosen = (response && response.selected) || [];
    var list = element('div', { 'class': 'choices', role: multiple ? 'group' : 'radiogroup', 'aria-labelledby': 'question-title' });
    item.options.forEach(function (option) {
      var id = 'q' + item.number + '-' + option.key;
      var label = element('label', { 'for': id, 'class': 'choice' });
      var input = element('input', { type: multiple ? 'checkbox' : 'radio', name: 'q' + item.number, id: id, value: option.key });
      input.checked = chosen.indexOf(option.key) >= 0;
      label.appendChild(input);
      label.appendChild(element('span', { 'class': 'key' }, option.key + '.'));
      rich(option.content, label.appendChild(element('span', { 'class': 'content' })));
      list.appendChild(label);
    });
    list.addEventListener('change', function () {
      var selected = Array.prototype.filter.call(list.querySelectorAll('input'), function (i) { return i.checked; })
        .map(function (i) { return i.value; });
      record(item.number, { selected: selected });
    });
    return list;
  }

  function trueFalse(item, response) {
    var entries = (response && response.entries) || {};
    var table = element('table', { 'class': 'true-false' });
    var head = table.appendChild(element('thead')).appendChild(element('tr'));
    head.appendChild(element('th', { scope: 'col' }, ''));
    head.appendChild(element('th', { scope: 'col' }, T['true']));
    head.appendChild(element('th', { scope: 'col' }, T['false']));
    var body = table.appendChild(element('tbody'));
    item.statements.forEach(function (statement) {
      var row = body.appendChild(element('tr'));
      var cell = row.appendChild(element('th', { scope: 'row', id: 'q' + item.number + '-s-' + statement.key }));
      cell.appendChild(element('span', { 'class': 'key' }, statement.key + ') '));
      rich(statement.content, cell);
      ['true', 'false'].forEach(function (value) {
        var td = row.appendChild(element('td', { 'class': 'pick' }));
        var input = element('input', { type: 'radio', name: 'q' + item.number + '-' + statement.key, value: value,
          'aria-label': statement.key + ': ' + T[value] });
        input.checked = entries[statement.key] === value;
        td.appendChild(input);
      });
    });
    table.addEventListener('change', function () {
      var picked = {};
      table.querySelectorAll('input:checked').forEach(function (i) { picked[i.name.split('-').pop()] = i.value; });
      record(item.number, { entries: picked });
    });
    var wrap = element('div', { 'class': 'table-wrap' });
    wrap.appendChild(table);
    return wrap;
  }

  function textAnswer(item, response, long) {
    var id = 'q' + item.number + '-text';
    var wrap = element('div', { 'class': 'text-answer' });
    wrap.appendChild(element('label', { 'for': id }, T.answer));
    var input = long ? element('textarea', { id: id, rows: 8, maxlength: 20000 })
      : element('input', { id: id, autocomplete: 'off', maxlength: 200, inputmode: item.type === 'SHORT_NUMBER' ? 'decimal' : null });
    input.value = (response && response.text) || '';
    wrap.appendChild(input);
    var save = function () {
      clearTimeout(typing[item.number]);
      var current = responseOf(item.number);
      if (!current || current.text !== input.value) { record(item.number, { text: input.value }); }
    };
    input.addEventListener('input', function () {
      clearTimeout(typing[item.number]);
      typing[item.number] = setTimeout(save, 700);
    });
    input.addEventListener('change', save);
    return wrap;
  }

  function matching(item, response) {
    var entries = (response && response.entries) || {};
    var wrap = element('div', { 'class': 'matching' });
    wrap.appendChild(element('p', { 'class': 'hint' }, T.matchHint));
    var list = wrap.appendChild(element('ol', { 'class': 'responses' }));
    item.responses.forEach(function (r) {
      var li = list.appendChild(element('li'));
      li.appendChild(element('span', { 'class': 'key' }, r.key + '. '));
      rich(r.content, li);
    });
    item.premises.forEach(function (premise) {
      var id = 'q' + item.number + '-p-' + premise.key;
      var row = wrap.appendChild(element('div', { 'class': 'premise' }));
      rich(premise.content, row.appendChild(element('label', { 'for': id })));
      var select = row.appendChild(element('select', { id: id, 'data-premise': premise.key }));
      select.appendChild(element('option', { value: '' }, T.choose));
      item.responses.forEach(function (r) {
        var option = select.appendChild(element('option', { value: r.key }, r.key));
        option.selected = entries[premise.key] === r.key;
      });
    });
    wrap.addEventListener('change', function () {
      var picked = {};
      wrap.querySelectorAll('select').forEach(function (s) { if (s.value) { picked[s.dataset.premise] = s.value; } });
      record(item.number, { entries: picked });
    });
    return wrap;
  }

  function ordering(item, response) {
    var order = (response && response.selected && response.selected.length === item.options.length) ? response.selected.slice()
      : item.options.map(function (o) { return o.key; });
    var byKey = {};
    item.options.forEach(function (o) { byKey[o.key] = o; });
    var wrap = element('div', { 'class': 'ordering' });
    wrap.appendChild(element('p', { 'class': 'hint' }, T.orderHint));
    var list = wrap.appendChild(element('ol'));
    function draw(focusKey, focusDirection) {
      list.replaceChildren();
      order.forEach(function (key, i) {
        var li = list.appendChild(element('li'));
        rich(byKey[key].content, li.appendChild(element('span', { 'class': 'content' })));
        var up = li.appendChild(element('button', { type: 'button', 'class': 'secondary small', 'aria-label': T.up + ': ' + key }, '↑'));
        var down = li.appendChild(element('button', { type: 'button', 'class': 'secondary small', 'aria-label': T.down + ': ' + key }, '↓'));
        up.disabled = i === 0;
        down.disabled = i === order.length - 1;
        up.addEventListener('click', function () { move(i, -1); });
        down.addEventListener('click', function () { move(i, 1); });
        if (key === focusKey) { (focusDirection < 0 ? up : down).focus(); }
      });
      math(list);
    }
    function move(i, by) {
      var key = order[i];
      order.splice(i, 1);
      order.splice(i + by, 0, key);
      draw(key, by);
      record(item.number, { selected: order.slice() });
    }
    draw();
    return wrap;
  }

  function cloze(item, response) {
    var entries = (response && response.entries) || {};
    var wrap = element('div', { 'class': 'cloze' });
    var gaps = item.gaps || [];
    // Gaps are {name} outside formulas; a formula's own braces are left alone.
    var html = String(item.clozeText || '').split(MATH).map(function (part, i) {
      return i % 2 === 1 ? part : part.replace(/\{([A-Za-z0-9]{1,8})\}/g, function (whole, name) {
        return gaps.indexOf(name) >= 0 ? '<span data-gap="' + name + '"></span>' : whole;
      });
    }).join('');
    rich(html, wrap);
    wrap.querySelectorAll('span[data-gap]').forEach(function (span) {
      var name = span.dataset.gap;
      var input = element('input', { 'class': 'gap', 'data-gap': name, 'aria-label': format(T.gap, name), autocomplete: 'off', maxlength: 200 });
      input.value = entries[name] || '';
      span.replaceWith(input);
    });
    var save = function () {
      var picked = {};
      wrap.querySelectorAll('input.gap').forEach(function (i) { if (i.value.trim() !== '') { picked[i.dataset.gap] = i.value; } });
      var current = responseOf(item.number);
      if (JSON.stringify((current && current.entries) || {}) !== JSON.stringify(picked)) { record(item.number, { entries: picked }); }
    };
    wrap.addEventListener('input', function () { clearTimeout(typing[item.number]); typing[item.number] = setTimeout(save, 700); });
    wrap.addEventListener('change', save);
    return wrap;
  }

  function show(number) {
    var item = state.paper.find(function (i) { return i.number === number; }) || state.paper[0];
    state.current = item.number;
    $('question-title').textContent = format(T.question, item.number);
    $('question-points').textContent = format(T.points, String(item.points).replace('.', ','));
    $('flag').checked = !!state.flags[item.number];
    var body = $('question-body');
    body.replaceChildren();
    rich(item.stem, body.appendChild(element('div', { 'class': 'stem' })));
    var response = responseOf(item.number);
    var type = item.type;
    if (type === 'SINGLE_CHOICE' || type === 'MULTIPLE_RESPONSE') {
      body.appendChild(choiceList(item, type === 'MULTIPLE_RESPONSE' || item.multiple, response));
    } else if (type === 'TRUE_FALSE_GROUP') {
      body.appendChild(trueFalse(item, response));
    } else if (type === 'MATCHING') {
      body.appendChild(matching(item, response));
    } else if (type === 'ORDERING') {
      body.appendChild(ordering(item, response));
    } else if (type === 'CLOZE') {
      body.appendChild(cloze(item, response));
    } else {
      body.appendChild(textAnswer(item, response, type === 'ESSAY'));
    }
    math(body);
    var index = state.paper.indexOf(item);
    $('prev').disabled = index === 0;
    $('next').disabled = index === state.paper.length - 1;
    markPalette();
    persist();
  }

  function markPalette() {
    var count = 0;
    $('palette').querySelectorAll('button').forEach(function (button) {
      var number = Number(button.dataset.number);
      var done = answered(responseOf(number));
      count += done ? 1 : 0;
      button.classList.toggle('answered', done);
      button.classList.toggle('flagged', !!state.flags[number]);
      button.setAttribute('aria-current', number === state.current ? 'step' : 'false');
      button.setAttribute('aria-label', format(T.question, number) + (done ? ' ✓' : '') + (state.flags[number] ? ' ⚑' : ''));
    });
    $('answered-count').textContent = count;
    $('item-count').textContent = state.paper.length;
    return count;
  }

  function drawAttempt() {
    $('start').hidden = true;
    $('attempt').hidden = false;
    var palette = $('palette');
    palette.replaceChildren();
    state.paper.forEach(function (item) {
      var li = palette.appendChild(element('li'));
      var button = li.appendChild(element('button', { type: 'button', 'data-number': item.number }, String(item.number)));
      button.addEventListener('click', function () { flushTyping(); show(item.number); $('question').focus(); });
    });
    show(state.current || state.paper[0].number);
    showSaveState();
  }

  function flushTyping() {
    var active = document.activeElement;
    if (active && (active.tagName === 'INPUT' || active.tagName === 'TEXTAREA')) {
      active.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  // ---- starting, resuming, finishing -------------------------------------------------------

  /** Takes the server's view of the attempt; local answers newer than the server's stay. */
  function adopt(view) {
    if (!state || state.attemptId !== view.id) {
      state = { attemptId: view.id, device: null, seq: 0, paper: [], answers: {}, queue: [], flags: {}, current: null };
    }
    state.device = view.device || state.device;
    state.paper = view.paper;
    state.seq = Math.max(state.seq, view.maxSeq || 0);
    Object.keys(view.answers || {}).forEach(function (number) {
      var server = view.answers[number];
      var local = state.answers[number];
      if (!local || local.seq <= server.seq) { state.answers[number] = { seq: server.seq, response: server.response }; }
    });
    setClock(view.clock);
    if (view.state === 'SUBMITTED') {
      return persist().then(function () { done(view); });
    }
    return persist().then(function () { drawAttempt(); flush(); });
  }

  function start(accessCode) {
    var form = $('start-form');
    Lms.clearProblems(form);
    var button = form.querySelector('button');
    button.disabled = true;
    return Lms.api('POST', '/api/v1/test-sessions/' + encodeURIComponent(sessionId) + '/attempt', accessCode ? { accessCode: accessCode } : {})
      .then(function (answer) {
        button.disabled = false;
        setOffline(false);
        if (answer.ok) { return adopt(answer.body); }
        if (state && state.paper && state.paper.length && answer.status >= 500) { drawAttempt(); scheduleRetry(); return; }
        $('start').hidden = false;
        Lms.showProblem(form, answer.body, answer.status);
      }, function () {
        button.disabled = false;
        setOffline(true);
        if (state && state.paper && state.paper.length) {
          drawAttempt();       // resumed from this computer's copy; the queue goes out when the network is back
          scheduleRetry();
        } else {
          $('start').hidden = false;
          Lms.showProblem(form, { title: Lms.text('offline') }, 0);
        }
      });
  }

  function ping() {
    if (!state || !state.attemptId || finished) { return Promise.resolve(); }
    return Lms.api('POST', attemptUrl('/ping'), null).then(function (answer) {
      setOffline(false);
      if (answer.ok) { setClock(answer.body); }
    }, function () { setOffline(true); });
  }

  function report(type) {
    if (!state || !state.attemptId || finished) { return; }
    Lms.api('POST', attemptUrl('/events'), { type: type }).then(null, function () { /* best effort */ });
  }

  function timeUp() {
    if (finished || state.timeUp) { return; }
    state.timeUp = true;
    flushTyping();
    requestSubmit();
  }

  function requestSubmit() {
    state.submitRequested = true;
    persist().then(flush);
  }

  function sendSubmit() {
    if (finished) { return; }
    Lms.api('POST', attemptUrl('/submit'), null, headers()).then(function (answer) {
      setOffline(false);
      if (answer.ok) { return done(answer.body); }
      if (answer.status === 409) { return refused(slug(answer.body)); }
      scheduleRetry();
    }, function () { setOffline(true); scheduleRetry(); });
  }

  function finishFromServer() {
    if (finished) { return; }
    Lms.api('GET', attemptUrl('')).then(function (answer) {
      if (answer.ok && answer.body.state === 'SUBMITTED') { done(answer.body); } else { scheduleRetry(); }
    }, function () { setOffline(true); scheduleRetry(); });
  }

  function done(view) {
    finished = true;
    state.queue = [];
    state.submitted = true;
    state.result = { answered: view.answered, items: view.items, submittedAt: view.submittedAt };
    persist();
    showDone(state.result);
  }

  function showDone(result) {
    finished = true;
    $('start').hidden = true;
    $('attempt').hidden = true;
    $('offline-banner').hidden = true;
    $('done').hidden = false;
    $('done-count').textContent = format(T.doneCount, result.answered, result.items);
    $('done-when').textContent = result.submittedAt ? format(T.doneWhen, new Date(result.submittedAt).toLocaleTimeString('vi-VN',
      { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' })) : '';
    $('clock').textContent = '0:00';
    $('save-state').textContent = '';
    $('done').focus();
  }

  function close(reason) {
    finished = true;
    $('attempt').hidden = true;
    $('start').hidden = true;
    $('closed').hidden = false;
    $('closed-reason').textContent = reason;
    $('closed').focus();
  }

  // ---- wiring ------------------------------------------------------------------------------

  function step(by) {
    flushTyping();
    var index = state.paper.findIndex(function (i) { return i.number === state.current; });
    var next = state.paper[Math.min(state.paper.length - 1, Math.max(0, index + by))];
    show(next.number);
    $('question').focus();
  }

  function confirmSubmit() {
    flushTyping();
    var count = markPalette();
    var missing = state.paper.filter(function (i) { return !answered(responseOf(i.number)); }).map(function (i) { return i.number; });
    $('confirm-count').textContent = format(T.count, count, state.paper.length);
    $('confirm-missing').textContent = missing.length ? format(T.missing, missing.join(', ')) : '';
    $('confirm-pending').hidden = state.queue.length === 0 || !offline;
    $('confirm').showModal();
  }

  $('start-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var code = $('access-code');
    start(code ? code.value.trim() : null);
  });
  $('prev').addEventListener('click', function () { step(-1); });
  $('next').addEventListener('click', function () { step(1); });
  $('flag').addEventListener('change', function () {
    state.flags[state.current] = $('flag').checked;
    markPalette();
    persist();
  });
  $('submit').addEventListener('click', confirmSubmit);
  $('confirm').addEventListener('close', function () {
    if ($('confirm').returnValue === 'submit') { requestSubmit(); }
  });
  window.addEventListener('online', function () { flush(); ping(); });
  window.addEventListener('offline', function () { setOffline(true); });
  document.addEventListener('visibilitychange', function () { report(document.hidden ? 'FOCUS_LOST' : 'FOCUS_BACK'); });
  window.addEventListener('pagehide', flushTyping);

  setInterval(tick, 250);
  setInterval(function () { ping(); if (state && state.queue.length) { flush(); } }, PING_MS);

  // A reload or a crashed browser comes back here: resume from this computer's copy and the server's.
  idbKeyval.get(storeKey).then(function (saved) {
    state = saved || null;
    if (state && state.submitted && state.result) { return showDone(state.result); }
    if (state && state.attemptId) { return start(null); }
    $('start').hidden = false;
  }, function () {
    $('start').hidden = false;   // no IndexedDB (a private window): the page still works, without the offline copy
  });
})();
