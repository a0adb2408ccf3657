/*
 * The blueprint builder (ma trận đề): rows of cells, the bank's coverage of each cell recomputed as
 * the teacher edits (nothing stored until "Lưu"), then saved through the blueprint API.
 */
(function () {
  'use strict';
  var form = document.getElementById('blueprint');
  if (!form) { return; }
  var T = document.getElementById('blueprint-texts').dataset;
  var rows = form.querySelector('#cells tbody');
  var template = document.getElementById('cell-row');
  var school = form.dataset.school;
  var id = form.dataset.id;
  var revision = null;
  var timer = null;

  var format = Lms.format;

  function number(text) {
    return Number(String(text).trim().replace(',', '.'));
  }

  function addRow(cell) {
    var row = template.content.firstElementChild.cloneNode(true);
    if (cell) {
      row.querySelector('[name=topic]').value = cell.topic;
      row.querySelector('[name=level]').value = cell.level;
      row.querySelector('[name=type]').value = cell.type;
      row.querySelector('[name=count]').value = cell.count;
      row.querySelector('[name=points]').value = String(cell.points).replace('.', ',');
    }
    row.querySelector('.remove').addEventListener('click', function () { row.remove(); changed(); });
    rows.appendChild(row);
    return row;
  }

  function blueprint() {
    return {
      title: form.elements.title.value.trim(),
      subjectCode: form.elements.subjectCode.value,
      grade: Number(form.elements.grade.value),
      cells: Array.prototype.map.call(rows.querySelectorAll('tr'), function (row) {
        return { topic: row.querySelector('[name=topic]').value.trim(), level: row.querySelector('[name=level]').value,
          type: row.querySelector('[name=type]').value, count: Number(row.querySelector('[name=count]').value),
          points: number(row.querySelector('[name=points]').value) };
      })
    };
  }

  function totals() {
    var draft = blueprint();
    var count = 0;
    var points = 0;
    draft.cells.forEach(function (c) { count += c.count || 0; points += (c.count || 0) * (c.points || 0); });
    document.getElementById('total-count').textContent = count;
    document.getElementById('total-points').textContent = (Math.round(points * 100) / 100).toString().replace('.', ',');
  }

  function coverage() {
    var draft = blueprint();
    draft.title = draft.title || '…';
    if (draft.cells.some(function (c) { return !c.topic; })) { return; }
    Lms.api('POST', '/api/v1/schools/' + encodeURIComponent(school) + '/blueprints/coverage', draft).then(function (answer) {
      if (!answer.ok) { return; }
      var list = document.getElementById('bank-topics');
      list.replaceChildren();
      answer.body.topics.forEach(function (topic) {
        var option = document.createElement('option');
        option.value = topic;
        list.appendChild(option);
      });
      var cells = rows.querySelectorAll('tr');
      answer.body.cells.forEach(function (found, i) {
        var cell = cells[i] && cells[i].querySelector('.coverage');
        if (!cell) { return; }
        cell.textContent = format(T.available, found.available) + (found.missing > 0 ? ' · ' + format(T.missing, found.missing) : ' ✓');
        cell.className = 'coverage ' + (found.missing > 0 ? 'short' : 'enough');
      });
      var fillable = document.getElementById('fillable');
      fillable.textContent = answer.body.fillable ? T.fillable : format(T.missing, answer.body.missing);
      fillable.className = answer.body.fillable ? 'enough' : 'short';
    }, function () { /* offline: coverage comes back with the next change */ });
  }

  function changed() {
    totals();
    clearTimeout(timer);
    timer = setTimeout(coverage, 400);
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  document.getElementById('add-cell').addEventListener('click', function () {
    addRow().querySelector('[name=topic]').focus();
    changed();
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    Lms.save(form, blueprint(), '/api/v1/schools/' + encodeURIComponent(school) + '/blueprints',
      id ? '/api/v1/blueprints/' + encodeURIComponent(id) : null, revision,
      function (saved) { return '/tests/blueprints/' + encodeURIComponent(saved) + '?saved'; });
  });

  if (id) {
    Lms.api('GET', '/api/v1/blueprints/' + encodeURIComponent(id)).then(function (answer) {
      if (!answer.ok) { Lms.showProblem(form, answer.body, answer.status); return; }
      revision = answer.response.headers.get('ETag');
      var b = answer.body.blueprint;
      form.elements.title.value = b.title;
      form.elements.subjectCode.value = b.subjectCode;
      form.elements.grade.value = String(b.grade);
      b.cells.forEach(addRow);
      var note = Lms.saved(form, T.saved + ' ');
      if (note) {
        var link = document.createElement('a');
        link.href = '/tests/new?school=' + encodeURIComponent(school) + '&blueprint=' + encodeURIComponent(id);
        link.textContent = T.schedule;
        note.appendChild(link);
      }
      changed();
    });
  } else {
    addRow();
    changed();
  }
})();
