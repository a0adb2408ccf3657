/*
 * The assignment form: who it is for, the rubric's rows, the file types, then one call to the
 * assignment API (create, or edit with If-Match) and, for "save and publish", a second to publish.
 * The instructions are typed as plain text and sent as paragraphs of HTML, which the API sanitises.
 */
(function () {
  'use strict';
  var form = document.getElementById('assignment-form');
  if (!form) { return; }
  var rubric = document.getElementById('rubric');
  var rows = document.getElementById('rubric-rows');
  var students = document.getElementById('a-students');

  function checked(name) {
    var found = form.querySelector('input[name="' + name + '"]:checked');
    return found ? found.value : null;
  }

  function show() {
    rubric.hidden = checked('gradingMode') !== 'RUBRIC';
    students.hidden = checked('who') !== 'chosen';
  }

  function addRow() {
    var row = document.getElementById('criterion-row').content.firstElementChild.cloneNode(true);
    rows.appendChild(row);
    row.querySelector('input').focus();
  }

  function escape(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  /** Plain text as HTML paragraphs: a blank line between paragraphs, a line break inside one. */
  function paragraphs(text) {
    return text.split(/\n\s*\n/).map(function (p) { return p.trim(); }).filter(Boolean)
      .map(function (p) { return '<p>' + escape(p).replace(/\n/g, '<br>') + '</p>'; }).join('');
  }

  function number(value) {
    var trimmed = String(value || '').trim().replace(',', '.');
    return trimmed === '' ? null : Number(trimmed);
  }

  function instant(value) {
    return value ? new Date(value + '+07:00').toISOString() : null;
  }

  function body() {
    var mode = checked('gradingMode');
    var types = [];
    form.querySelectorAll('input[name="acceptedTypes"]:checked').forEach(function (box) { types = types.concat(box.value.split(' ')); });
    return {
      subjectCode: form.elements.subjectCode.value,
      title: form.elements.title.value.trim(),
      instructions: paragraphs(form.elements.instructions.value),
      attachmentIds: form.elements.attachmentIds.value.split(/[\s,]+/).filter(Boolean),
      studentIds: checked('who') === 'chosen'
        ? Array.prototype.map.call(students.querySelectorAll('input:checked'), function (box) { return box.value; }) : [],
      opensAt: instant(form.elements.opensAt.value),
      dueAt: instant(form.elements.dueAt.value),
      cutOffAt: instant(form.elements.cutOffAt.value),
      latePenaltyPercent: number(form.elements.latePenaltyPercent.value) || 0,
      grading: mode === 'COMMENT' ? 'COMMENT' : 'SCORE',
      rubric: mode !== 'RUBRIC' ? [] : Array.prototype.map.call(rows.querySelectorAll('tr'), function (row) {
        return { name: row.querySelector('[name=criterionName]').value.trim(), maxPoints: number(row.querySelector('[name=criterionPoints]').value) };
      }).filter(function (c) { return c.name || c.maxPoints !== null; }),
      maxFiles: number(form.elements.maxFiles.value) || 0,
      maxFileMegabytes: number(form.elements.maxFileMegabytes.value) || 20,
      acceptedTypes: types
    };
  }

  /** The API's problem, with each of its listed problems (an invalid assignment names them all). */
  function problem(answer) {
    Lms.showProblem(form, answer.body, answer.status);
    var listed = answer.body && answer.body.problems;
    if (listed && listed.length) {
      var list = document.createElement('ul');
      listed.forEach(function (p) { var li = document.createElement('li'); li.textContent = p.message; list.appendChild(li); });
      form.querySelector('.form-error').appendChild(list);
    }
  }

  form.addEventListener('change', show);
  document.getElementById('add-criterion').addEventListener('click', addRow);
  rows.addEventListener('click', function (event) {
    if (event.target.classList.contains('remove')) { event.target.closest('tr').remove(); }
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    Lms.clearProblems(form);
    var draft = body();
    if (draft.maxFiles > 0 && draft.acceptedTypes.length === 0) {
      Lms.showProblem(form, { title: form.dataset.noTypes }, 400);
      return;
    }
    var publish = event.submitter && event.submitter.value === 'publish';
    var id = form.dataset.id;
    var buttons = form.querySelectorAll('button[type=submit]');
    buttons.forEach(function (b) { b.disabled = true; });
    var saved = id
      ? Lms.api('PUT', form.getAttribute('action'), draft, { 'If-Match': '"' + form.dataset.version + '"' })
      : Lms.api('POST', form.getAttribute('action'), draft);
    saved.then(function (answer) {
      if (!answer.ok) { problem(answer); return null; }
      var savedId = answer.body.id;
      if (!publish) { return location.assign('/assignments/' + encodeURIComponent(savedId)); }
      return Lms.api('POST', '/api/v1/assignments/' + encodeURIComponent(savedId) + '/publish').then(function (published) {
        if (!published.ok) {
          // Saved as a draft: edit it from here on, so that a second try does not make a second one.
          form.dataset.id = savedId;
          form.dataset.version = answer.body.version;
          form.setAttribute('action', '/api/v1/assignments/' + encodeURIComponent(savedId));
          problem(published);
          return null;
        }
        location.assign('/assignments/' + encodeURIComponent(savedId));
      });
    }, function () {
      Lms.showProblem(form, { title: Lms.text('offline', 'Không kết nối được tới máy chủ.') }, 0);
    }).finally(function () {
      buttons.forEach(function (b) { b.disabled = false; });
    });
  });

  show();
})();
