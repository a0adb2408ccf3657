/*
 * The gradebook grid, edited in place. Thông tư 22: each cell is sent on its own when it changes
 * (PUT /api/v1/gradebooks/{id}/cells/{student}/{column}); the answer is the whole book, whose
 * averages the rules computed, so the student's ĐTBmhk (and ĐTBmcn) are redrawn from it. Thông tư
 * 27: a student's rating, score and comment for one periodic assessment are sent together when the
 * focus leaves them. Changing a value already recorded asks for the reason, which the book keeps.
 * Saves go one at a time, in the order they were made. A Thông tư 22 cell is sent with the tag it
 * had when drawn (If-Match): a value someone else changed meanwhile is shown, not overwritten.
 */
(function () {
  'use strict';
  var grid = document.getElementById('book');
  var primary = document.getElementById('primary-book');
  var table = grid || primary;
  if (!table || table.dataset.locked === 'true') { return; }
  var T = table.dataset;
  var status = document.getElementById('book-status');
  var dialog = document.getElementById('reason-dialog');
  var queue = Promise.resolve();
  var english = document.documentElement.lang === 'en';

  function decimal(value) {
    if (value === null || value === undefined) { return ''; }
    var text = Number(value).toFixed(grid ? 1 : 0);
    return english ? text : text.replace('.', ',');
  }

  function say(text, bad) {
    status.textContent = text;
    status.classList.toggle('bad', !!bad);
  }

  /** Asks why a recorded value changes; resolves with the reason, or null when the teacher cancels. */
  function reason(what) {
    return new Promise(function (resolve) {
      var text = document.getElementById('reason-text');
      document.getElementById('reason-what').textContent = what;
      text.value = '';
      dialog.addEventListener('close', function closed() {
        dialog.removeEventListener('close', closed);
        resolve(dialog.returnValue === 'ok' && text.value.trim() ? text.value.trim() : null);
      });
      dialog.returnValue = '';
      dialog.showModal();
      text.focus();
    });
  }

  function later(task) {
    queue = queue.then(task, task);
    return queue;
  }

  function problem(answer) {
    var body = answer && answer.body;
    return body && (body.detail || body.title) ? [body.title, body.detail].filter(Boolean).join(': ')
      : Lms.text('failed', 'Không lưu được') + ' (' + (answer ? answer.status : 0) + ')';
  }

  // ---- Thông tư 22

  function scoreOf(text) {
    var trimmed = text.trim().replace(',', '.');
    if (trimmed === '') { return { empty: true }; }
    if (!/^\d{1,2}(\.\d)?$/.test(trimmed) || Number(trimmed) > 10) { return null; }
    return { value: Number(trimmed) };
  }

  /** The row's averages as the book computed them. */
  function redraw(book) {
    book.rows.forEach(function (row) {
      var tr = grid.querySelector('tr[data-student="' + CSS.escape(row.studentId) + '"]');
      if (!tr) { return; }
      var average = tr.querySelector('.average');
      var year = tr.querySelector('.year-average');
      if (book.commentOnly) {
        average.textContent = row.achieved === null ? '' : row.achieved ? T.achieved : T.notAchieved;
        if (year) { year.textContent = row.yearAchieved === null ? '' : row.yearAchieved ? T.achieved : T.notAchieved; }
      } else {
        average.textContent = decimal(row.average);
        if (year) { year.textContent = decimal(row.yearAverage); }
      }
    });
  }

  /** The students' learning results over every subject, read again a moment after the last save. */
  var levelsTimer = null;
  function refreshLevels() {
    clearTimeout(levelsTimer);
    levelsTimer = setTimeout(function () {
      var names = {};
      document.getElementById('level-names').content.querySelectorAll('[data-level]').forEach(function (n) { names[n.dataset.level] = n.textContent; });
      Lms.api('GET', T.results).then(function (answer) {
        if (!answer.ok) { return; }
        answer.body.students.forEach(function (student) {
          var cell = grid.querySelector('tr[data-student="' + CSS.escape(student.studentId) + '"] td.level');
          if (cell) { cell.textContent = student.level ? names[student.level] || student.level : ''; }
        });
      });
    }, 800);
  }

  function saveCell(field) {
    var tr = field.closest('tr');
    var column = field.dataset.column;
    var old = field.dataset.old;
    var body = {};
    var same;
    if (field.tagName === 'SELECT') {
      if (field.value !== '') { body.achieved = field.value === 'true'; }
      same = field.value === old;
    } else {
      var score = scoreOf(field.value);
      if (!score) {
        field.setAttribute('aria-invalid', 'true');
        say(T.badScore, true);
        return;
      }
      if (!score.empty) { body.score = score.value; }
      var before = scoreOf(old);
      same = score.empty ? old === '' : !!before && !before.empty && before.value === score.value;
    }
    if (same) { field.removeAttribute('aria-invalid'); return; }
    var who = tr.querySelector('th.name').textContent.trim() + ' · ' + column + ': ' + (old || '—') + ' → ' + (field.value.trim() || '—');
    later(function () {
      var asked = old === '' ? Promise.resolve(undefined) : reason(who);
      return asked.then(function (why) {
        if (why === null) { field.value = old; field.removeAttribute('aria-invalid'); field.focus(); return; }
        if (why) { body.reason = why; }
        field.classList.add('saving');
        say(T.saving);
        return Lms.api('PUT', '/api/v1/gradebooks/' + encodeURIComponent(T.book) + '/cells/' + encodeURIComponent(tr.dataset.student) + '/'
            + encodeURIComponent(column), body, { 'If-Match': field.dataset.tag }).then(function (answer) {
          field.classList.remove('saving');
          if (answer.status === 412 && answer.body && answer.body.type === '/problems/gradebook-cell-changed') {
            showChanged(field, answer.body);
            say(problem(answer), true);
            return;
          }
          if (!answer.ok) {
            field.setAttribute('aria-invalid', 'true');
            say(problem(answer), true);
            return;
          }
          field.removeAttribute('aria-invalid');
          if (field.tagName === 'INPUT') { field.value = body.score === undefined ? '' : decimal(body.score); }
          field.dataset.old = field.value;
          answer.body.rows.forEach(function (row) {
            if (row.studentId === tr.dataset.student) { field.dataset.tag = row.tags[column]; }
          });
          field.closest('td').classList.remove('from-source');
          field.classList.add('saved');
          setTimeout(function () { field.classList.remove('saved'); }, 1500);
          redraw(answer.body);
          refreshLevels();
          say(T.saved);
        }, function () {
          field.classList.remove('saving');
          field.setAttribute('aria-invalid', 'true');
          say(Lms.text('offline', 'Không kết nối được tới máy chủ.'), true);
        });
      });
    });
  }

  /** Someone changed the cell since the page was drawn: shows what it holds now, and the averages as they are now. */
  function showChanged(field, changed) {
    var now = changed.cell;
    if (field.tagName === 'INPUT') {
      field.value = now && now.score != null ? decimal(now.score) : '';
    } else {
      field.value = now && now.achieved != null ? String(now.achieved) : '';
    }
    field.dataset.old = field.value;
    field.dataset.tag = changed.tag;
    field.removeAttribute('aria-invalid');
    field.closest('td').classList.toggle('from-source', !!now && now.origin !== 'MANUAL');
    Lms.api('GET', T.view).then(function (answer) { if (answer.ok) { redraw(answer.body); refreshLevels(); } });
    field.focus();
  }

  /** The same column of the row above or below, like a spreadsheet. */
  function move(field, step) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var index = rows.indexOf(field.closest('tr')) + step;
    if (index < 0 || index >= rows.length) { return; }
    var selector = field.dataset.column ? '[data-column="' + field.dataset.column + '"]'
      : 'td[data-period="' + field.closest('td').dataset.period + '"] [name="' + field.name + '"]';
    var next = rows[index].querySelector(selector);
    if (next) { next.focus(); if (next.select) { next.select(); } }
  }

  if (grid) {
    // What the book holds, to tell a first entry from a correction.
    grid.querySelectorAll('input.score').forEach(function (input) { input.dataset.old = input.value; });
    grid.addEventListener('change', function (event) {
      if (event.target.matches('input.score, select.rating')) { saveCell(event.target); }
    });
  }

  table.addEventListener('keydown', function (event) {
    var field = event.target;
    if (!field.matches('input, select')) { return; }
    if (event.key === 'Enter') {
      event.preventDefault();
      if (primary) { savePeriod(field.closest('td')); }
      field.blur();
      move(field, event.shiftKey ? -1 : 1);
    } else if (event.key === 'ArrowDown' && field.tagName === 'INPUT') {
      event.preventDefault();
      move(field, 1);
    } else if (event.key === 'ArrowUp' && field.tagName === 'INPUT') {
      event.preventDefault();
      move(field, -1);
    } else if (event.key === 'Escape' && field.dataset.old !== undefined) {
      field.value = field.dataset.old;
      field.removeAttribute('aria-invalid');
    }
  });

  // ---- Thông tư 27

  function entryOf(td) {
    var rating = td.querySelector('[name=rating]').value;
    var score = td.querySelector('[name=score]');
    var comment = td.querySelector('[name=comment]').value.trim();
    return { rating: rating || null, comment: comment || null, score: score && score.value.trim() ? score.value.trim() : null };
  }

  function snapshot(td) {
    return JSON.stringify(entryOf(td));
  }

  function savePeriod(td) {
    if (!td || td.dataset.saved === snapshot(td) || td.dataset.pending === snapshot(td)) { return; }
    var entry = entryOf(td);
    var scoreField = td.querySelector('[name=score]');
    if (entry.score !== null && !/^(10|[1-9])$/.test(entry.score)) {
      scoreField.setAttribute('aria-invalid', 'true');
      say(T.badScore, true);
      return;
    }
    var sent = snapshot(td);
    td.dataset.pending = sent;
    var tr = td.closest('tr');
    var body = { rating: entry.rating, comment: entry.comment, score: entry.score === null ? null : Number(entry.score) };
    var label = table.tHead.rows[0].cells[td.cellIndex].textContent.trim();
    // Filling in what was left empty changes nothing recorded: the book still wants a reason, and gets "added to".
    var before = JSON.parse(td.dataset.saved);
    var corrects = ['rating', 'comment', 'score'].some(function (field) { return before[field] !== null && before[field] !== entry[field]; });
    later(function () {
      var asked = td.dataset.hasEntry !== 'true' ? Promise.resolve(undefined)
        : corrects ? reason(tr.querySelector('th.name').textContent.trim() + ' · ' + label) : Promise.resolve(T.addition);
      return asked.then(function (why) {
        if (why === null) { delete td.dataset.pending; restore(td); return; }
        if (why) { body.reason = why; }
        td.classList.add('saving');
        say(T.saving);
        return Lms.api('PUT', '/api/v1/primary-books/' + encodeURIComponent(T.book) + '/entries/' + encodeURIComponent(tr.dataset.student) + '/'
            + encodeURIComponent(td.dataset.period), body).then(function (answer) {
          delete td.dataset.pending;
          td.classList.remove('saving');
          if (!answer.ok) { td.classList.add('failed'); say(problem(answer), true); return; }
          td.classList.remove('failed');
          if (scoreField) { scoreField.removeAttribute('aria-invalid'); }
          td.dataset.saved = sent;
          td.dataset.hasEntry = String(entry.rating !== null || entry.comment !== null || entry.score !== null);
          td.classList.add('saved');
          setTimeout(function () { td.classList.remove('saved'); }, 1500);
          say(T.saved);
        }, function () {
          delete td.dataset.pending;
          td.classList.remove('saving');
          td.classList.add('failed');
          say(Lms.text('offline', 'Không kết nối được tới máy chủ.'), true);
        });
      });
    });
  }

  /** Back to what the book holds (the teacher cancelled the correction). */
  function restore(td) {
    var saved = JSON.parse(td.dataset.saved);
    td.querySelector('[name=rating]').value = saved.rating || '';
    td.querySelector('[name=comment]').value = saved.comment || '';
    var score = td.querySelector('[name=score]');
    if (score) { score.value = saved.score || ''; }
  }

  if (primary) {
    primary.querySelectorAll('td.entry').forEach(function (td) { td.dataset.saved = snapshot(td); });
    // A period's fields are one entry: it is sent when the focus leaves them.
    primary.addEventListener('focusout', function (event) {
      var td = event.target.closest('td.entry');
      if (td && !(event.relatedTarget && td.contains(event.relatedTarget)) && !dialog.open) { savePeriod(td); }
    });
  }
})();
