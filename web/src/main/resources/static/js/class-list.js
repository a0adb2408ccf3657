/*
 * Class-list import: the file is checked first (nothing written), the check is shown row by row,
 * and only "Nhập vào hệ thống" applies it, all or nothing.
 */
(function () {
  'use strict';
  var form = document.getElementById('class-list-upload');
  var preview = document.getElementById('class-list-preview');
  if (!form || !preview) { return; }
  var apply = document.getElementById('class-list-apply');
  var drop = document.getElementById('class-list-drop');
  var done = document.getElementById('class-list-done');
  var current = null;

  function say(kind, value) {
    return preview.dataset['texts' + kind.charAt(0).toUpperCase() + kind.slice(1) + value.charAt(0) + value.slice(1).toLowerCase()] || value;
  }

  function cell(row, value, header) {
    var el = document.createElement(header ? 'th' : 'td');
    if (header) { el.scope = 'row'; }
    el.textContent = value === null || value === undefined ? '' : String(value);
    row.appendChild(el);
    return el;
  }

  function fill(selector, rows, columns) {
    var body = preview.querySelector(selector + ' tbody');
    body.replaceChildren();
    rows.forEach(function (item) {
      var tr = document.createElement('tr');
      columns.forEach(function (column, i) {
        var td = cell(tr, column(item), i === 0);
        if (typeof column(item) === 'number' && i > 0) { td.className = 'number'; }
      });
      body.appendChild(tr);
    });
  }

  function show(view) {
    current = view;
    preview.hidden = false;
    preview.querySelector('.state').textContent = say('state', view.state) + ' ' + preview.dataset.textsRows.replace('{0}', view.rowCount);
    preview.querySelector('.state').dataset.state = view.state;
    var problems = view.problems || [];
    preview.querySelector('.problems').hidden = problems.length === 0;
    fill('.problems', problems, [function (p) { return p.row; }, function (p) { return p.column; }, function (p) { return p.reason; }]);
    var classes = Object.keys(view.classes || {}).sort().map(function (name) { return Object.assign({ name: name }, view.classes[name]); });
    fill('.classes', classes, [function (c) { return c.name; }, function (c) { return c.create; }, function (c) { return c.enrol; },
      function (c) { return c.unchanged; }]);
    fill('.rows', view.rows || [], [function (r) { return r.row; }, function (r) { return r.fullName; }, function (r) { return r.className; },
      function (r) { return r.username || ''; }, function (r) { return say('action', r.action); }]);
    apply.hidden = view.state !== 'PREVIEWED' && view.state !== 'UNDONE';
    drop.hidden = view.state !== 'PREVIEWED';
    done.hidden = view.state !== 'APPLIED';
    preview.querySelector('h2').focus();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    Lms.clearProblems(form);
    var year = form.elements.year.value;
    var url = '/api/v1/schools/' + encodeURIComponent(form.dataset.school) + '/years/' + encodeURIComponent(year) + '/class-list-imports';
    var data = new FormData();
    data.append('file', form.elements.file.files[0]);
    var button = form.querySelector('button[type=submit]');
    button.disabled = true;
    Lms.api('POST', url, data).then(function (answer) {
      if (answer.ok) { show(answer.body); } else { Lms.showProblem(form, answer.body, answer.status); }
    }, function () { Lms.showProblem(form, { title: Lms.text('offline') }, 0); })
      .finally(function () { button.disabled = false; });
  });

  function act(method, path) {
    apply.disabled = drop.disabled = true;
    Lms.api(method, '/api/v1/class-list-imports/' + encodeURIComponent(current.id) + path).then(function (answer) {
      if (answer.ok) { show(answer.body); } else { Lms.showProblem(form, answer.body, answer.status); }
    }, function () { Lms.showProblem(form, { title: Lms.text('offline') }, 0); })
      .finally(function () { apply.disabled = drop.disabled = false; });
  }

  preview.querySelector('h2').setAttribute('tabindex', '-1');
  apply.addEventListener('click', function () { act('POST', '/commit'); });
  drop.addEventListener('click', function () { act('DELETE', ''); });
})();
