/*
 * Question import: the file is read and checked first (nothing stored), each question shown with its
 * problems; "Thêm tất cả" sends the same file again to add them all, or none when any has a problem.
 */
(function () {
  'use strict';
  var form = document.getElementById('question-import');
  var report = document.getElementById('import-report');
  if (!form || !report) { return; }
  var T = document.getElementById('import-texts').dataset;
  var addAll = document.getElementById('import-all');
  var done = document.getElementById('import-done');
  var levels = {};
  var types = {};
  form.elements.level.querySelectorAll('option').forEach(function (o) { levels[o.value] = o.textContent; });
  document.querySelectorAll('#import-texts option[data-type]').forEach(function (o) { types[o.dataset.type] = o.textContent; });

  var format = Lms.format;

  function query() {
    var fields = ['format', 'schoolId', 'subjectCode', 'grade', 'topic', 'level'];
    return fields.map(function (name) { return name + '=' + encodeURIComponent(form.elements[name].value.trim()); }).join('&');
  }

  function body() {
    var data = new FormData();
    data.append('file', form.elements.file.files[0]);
    return data;
  }

  function show(view, added) {
    report.hidden = false;
    report.querySelector('.summary').textContent = added ? format(T.added, view.added, view.alreadyThere)
      : view.clean ? format(T.clean, view.questions) : format(T.dirty, view.questions);
    var problems = report.querySelector('.file-problems');
    problems.replaceChildren();
    (view.fileProblems || []).forEach(function (p) {
      var li = document.createElement('li');
      li.className = 'field-error';
      li.textContent = p.message;
      problems.appendChild(li);
    });
    var rows = report.querySelector('tbody');
    rows.replaceChildren();
    (view.rows || []).forEach(function (row) {
      var tr = document.createElement('tr');
      var number = tr.appendChild(document.createElement('th'));
      number.scope = 'row';
      number.textContent = row.number;
      tr.appendChild(question(row));
      [types[row.type] || row.type, row.topic, row.level ? (levels[row.level] || row.level) : ''].forEach(function (value) {
        tr.appendChild(document.createElement('td')).textContent = value === null || value === undefined ? '' : String(value);
      });
      var status = document.createElement('td');
      if (row.problems && row.problems.length) {
        status.className = 'field-error';
        status.textContent = row.problems.map(function (p) { return p.message; }).join(' ');
        tr.classList.add('has-problem');
      } else {
        status.textContent = row.alreadyThere ? T.there : T.ok;
      }
      tr.appendChild(status);
      rows.appendChild(tr);
    });
    Lms.math(rows);
    addAll.hidden = added || !view.clean;
    done.hidden = !added;
  }

  /** The question as it would be stored: its stem, and its options with the right ones marked. */
  function question(row) {
    var cell = document.createElement('td');
    var c = row.content;
    if (!c) {
      cell.textContent = row.label;
      return cell;
    }
    Lms.rich(c.stem, cell.appendChild(document.createElement('div'))).className = 'stem';
    var list = cell.appendChild(document.createElement('ol'));
    list.className = 'preview-options';
    (c.options || c.items || c.statements || []).forEach(function (o) {
      var li = list.appendChild(document.createElement('li'));
      li.appendChild(document.createElement('strong')).textContent = o.key + '. ';
      Lms.rich(o.content, li);
      var right = o.correct === true || (Array.isArray(c.correct) ? c.correct.indexOf(o.key) >= 0 : c.correct === o.key);
      if (right) { li.classList.add('correct'); }
    });
    return cell;
  }

  function send(url, added) {
    Lms.clearProblems(form);
    var buttons = [form.querySelector('button[type=submit]'), addAll];
    buttons.forEach(function (b) { b.disabled = true; });
    return Lms.api('POST', url + '?' + query(), body()).then(function (answer) {
      if (answer.ok) { show(answer.body, added); return; }
      if (answer.body && answer.body.report) { show(answer.body.report, false); }
      Lms.showProblem(form, answer.body, answer.status);
    }, function () { Lms.showProblem(form, { title: Lms.text('offline') }, 0); })
      .finally(function () { buttons.forEach(function (b) { b.disabled = false; }); });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    send('/api/v1/question-imports/preview', false);
  });
  addAll.addEventListener('click', function () { send('/api/v1/question-imports', true); });
})();
