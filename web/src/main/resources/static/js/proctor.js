/*
 * The live proctor view: each student's state, answered count, last seen and time left, pushed by the
 * server as server-sent events (EventSource reconnects by itself); the event log polled every 5 s,
 * whose latest event of each student is also shown on their row; pause, resume and extra time
 * through the proctor API.
 */
(function () {
  'use strict';
  var root = document.getElementById('proctor');
  if (!root) { return; }
  var T = document.getElementById('proctor-texts').dataset;
  var session = root.dataset.session;
  var base = '/api/v1/test-sessions/' + encodeURIComponent(session);
  var body = root.querySelector('#progress tbody');
  var names = {};
  var extraFor = null;

  var format = Lms.format;

  function camel(prefix, value) {
    return prefix + String(value).toLowerCase().split('_').map(function (w) { return w.charAt(0).toUpperCase() + w.slice(1); }).join('');
  }

  function ago(iso) {
    if (!iso) { return T.never; }
    var seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    return format(T.ago, seconds < 60 ? seconds + ' s' : Math.round(seconds / 60) + ' ph');
  }

  function clock(ms) {
    if (ms === null || ms === undefined) { return '—'; }
    var s = Math.max(0, Math.round(ms / 1000));
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }

  function button(label, action, student) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary small';
    b.textContent = label;
    b.dataset.action = action;
    b.dataset.student = student;
    return b;
  }

  function draw(lines) {
    var counts = { RUNNING: 0, SUBMITTED: 0, NOT_STARTED: 0, PAUSED: 0 };
    body.replaceChildren();
    lines.forEach(function (line) {
      names[line.studentId] = line.fullName;
      counts[line.standing] = (counts[line.standing] || 0) + 1;
      var tr = document.createElement('tr');
      tr.dataset.student = line.studentId;
      tr.className = 'standing-' + line.standing.toLowerCase();
      var latest = latestEvent[line.studentId];
      var cells = [line.fullName, line.className, T[camel('standing', line.standing)], line.answered + '/' + line.items,
        ago(line.lastSeenAt), latest ? eventText(latest, false) : '—', clock(line.remainingMs)];
      cells.forEach(function (text, i) {
        var td = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) { td.scope = 'row'; }
        if (i === 3 || i === 6) { td.className = 'number'; }
        if (i === 5) { td.className = 'last-event' + (latest ? ' event-' + latest.type.toLowerCase() : ''); }
        td.textContent = text;
        tr.appendChild(td);
      });
      var actions = document.createElement('td');
      if (line.standing === 'RUNNING') { actions.appendChild(button(T.pause, 'pause', line.studentId)); }
      if (line.standing === 'PAUSED') { actions.appendChild(button(T.resume, 'resume', line.studentId)); }
      if (line.standing !== 'SUBMITTED') { actions.appendChild(button(T.extra, 'extra', line.studentId)); }
      tr.appendChild(actions);
      body.appendChild(tr);
    });
    document.getElementById('summary').textContent = format(T.summary, counts.RUNNING + counts.PAUSED, counts.SUBMITTED, counts.NOT_STARTED,
      lines.length);
  }

  function live(on) {
    var state = document.getElementById('live-state');
    state.textContent = on ? T.live : T.lost;
    state.className = 'tag ' + (on ? 'done' : 'late');
  }

  var recent = [];
  var latestEvent = {};
  var lines = [];

  var source = new EventSource(base + '/progress/stream');
  source.addEventListener('progress', function (event) { live(true); lines = JSON.parse(event.data); draw(lines); drawEvents(); });
  source.addEventListener('error', function () { live(false); });

  /** "09:41:05 · Lê Hoàng Phúc · Rời khỏi trang làm bài", or on the student's own row without the name. */
  function eventText(e, withName) {
    var when = new Date(e.at).toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
    return when + ' · ' + (withName ? (names[e.studentId] || '…') + ' · ' : '') + (T[camel('event', e.type)] || e.type)
      + (e.detail ? ' (' + e.detail + ')' : '');
  }

  /** The log, newest first, each line with the student's name (known once the progress has come). */
  function drawEvents() {
    var list = document.getElementById('events');
    list.replaceChildren();
    recent.forEach(function (e) {
      var li = document.createElement('li');
      li.textContent = eventText(e, true);
      li.className = 'event-' + e.type.toLowerCase();
      list.appendChild(li);
    });
  }

  function events() {
    Lms.api('GET', base + '/events').then(function (answer) {
      if (!answer.ok) { return; }
      latestEvent = {};
      answer.body.forEach(function (e) { latestEvent[e.studentId] = e; });
      recent = answer.body.slice(-30).reverse();
      draw(lines);
      drawEvents();
    }, function () { /* shown by the live state */ });
  }
  events();
  setInterval(events, 5000);

  function act(path, body) {
    return Lms.api('POST', base + path, body).then(function (answer) {
      if (!answer.ok) { window.alert([answer.body && answer.body.title, answer.body && answer.body.detail].filter(Boolean).join(': ')); }
      events();
    });
  }

  root.addEventListener('click', function (event) {
    var target = event.target.closest('button[data-action]');
    if (!target) { return; }
    var student = target.dataset.student;
    switch (target.dataset.action) {
      case 'pause': act('/pause', { studentId: student }); break;
      case 'resume': act('/resume', { studentId: student }); break;
      case 'pause-all': act('/pause', {}); break;
      case 'resume-all': act('/resume', {}); break;
      case 'extra':
        extraFor = student;
        document.getElementById('extra-who').textContent = names[student] || '';
        document.getElementById('extra-dialog').showModal();
        break;
      default:
    }
  });
  document.getElementById('extra-dialog').addEventListener('close', function () {
    if (this.returnValue === 'ok' && extraFor) {
      act('/extra-time', { studentId: extraFor, minutes: Number(document.getElementById('extra-minutes').value) });
    }
    extraFor = null;
  });
})();
