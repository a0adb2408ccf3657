/*
 * The question editor: the fields of each question type, a live preview with the formulas drawn
 * by KaTeX and the images shown as the students will see them, images uploaded into the stem, and
 * saving through the question API (which sanitises the rich text and checks the question).
 */
(function () {
  'use strict';
  var form = document.getElementById('question-editor');
  if (!form) { return; }
  var T = document.getElementById('editor-texts').dataset;
  var id = form.dataset.id;
  var revision = null;
  var optionRows = form.querySelector('.option-rows');
  var statementRows = form.querySelector('.statement-rows');
  var preview = document.getElementById('preview');
  var timer = null;
  var LETTERS = 'ABCDEFGHIJKLMNOPQRST';

  function type() { return form.elements.type.value; }

  function showParts() {
    form.querySelectorAll('[data-for]').forEach(function (part) {
      part.hidden = part.dataset.for.split(' ').indexOf(type()) < 0;
    });
    optionRows.querySelectorAll('.correct').forEach(function (box) { box.hidden = type() === 'ORDERING'; });
  }

  function row(templateId, list, content, correct) {
    var li = document.getElementById(templateId).content.firstElementChild.cloneNode(true);
    li.querySelector('.content').value = content || '';
    li.querySelector('.correct').checked = !!correct;
    li.querySelector('.remove').addEventListener('click', function () { li.remove(); changed(); });
    list.appendChild(li);
    return li;
  }

  function rows(list) {
    return Array.prototype.map.call(list.querySelectorAll('li'), function (li, i) {
      return { content: li.querySelector('.content').value.trim(), correct: li.querySelector('.correct').checked, index: i };
    });
  }

  function decimal(text) { return String(text || '').trim().replace(',', '.'); }

  function content() {
    var stem = form.elements.stem.value.trim();
    var options = rows(optionRows).map(function (o) { return { key: LETTERS.charAt(o.index), content: o.content, correct: o.correct }; });
    switch (type()) {
      case 'SINGLE_CHOICE':
        var right = options.filter(function (o) { return o.correct; })[0];
        return { type: 'SINGLE_CHOICE', stem: stem, options: options.map(plain), correct: right ? right.key : '', fixedOrder: false };
      case 'MULTIPLE_RESPONSE':
        return { type: 'MULTIPLE_RESPONSE', stem: stem, options: options.map(plain),
          correct: options.filter(function (o) { return o.correct; }).map(function (o) { return o.key; }), fixedOrder: false };
      case 'ORDERING':
        return { type: 'ORDERING', stem: stem, items: options.map(plain) };
      case 'TRUE_FALSE_GROUP':
        return { type: 'TRUE_FALSE_GROUP', stem: stem, statements: rows(statementRows).map(function (s) {
          return { key: 'abcdefghij'.charAt(s.index), content: s.content, correct: s.correct };
        }) };
      case 'SHORT_NUMBER':
        return { type: 'SHORT_NUMBER', stem: stem, value: decimal(form.elements.value.value), tolerance: decimal(form.elements.tolerance.value) || '0' };
      case 'SHORT_TEXT':
        return { type: 'SHORT_TEXT', stem: stem, accepted: form.elements.accepted.value.split('\n').map(function (l) { return l.trim(); })
          .filter(Boolean), caseSensitive: false, diacriticsSensitive: true };
      case 'ESSAY':
        return { type: 'ESSAY', stem: stem, guidance: form.elements.guidance ? form.elements.guidance.value.trim() : null };
      default:
        var raw = {};
        try { raw = JSON.parse(document.getElementById('e-raw').value || '{}'); } catch (e) { raw = {}; }
        raw.type = type();
        raw.stem = stem;
        return raw;
    }
  }

  function plain(option) { return { key: option.key, content: option.content }; }

  function question() {
    return { schoolId: form.dataset.school, subjectCode: form.elements.subjectCode.value, grade: Number(form.elements.grade.value),
      topic: form.elements.topic.value.trim(), level: form.elements.level.value, tags: [], content: content() };
  }

  // ---- preview -----------------------------------------------------------------------------

  function rich(html, target) {
    return Lms.rich(html, target, function (asset) { return '/api/v1/question-assets/' + encodeURIComponent(asset); });
  }

  function draw() {
    var c = content();
    preview.replaceChildren();
    rich(c.stem, preview.appendChild(document.createElement('div'))).className = 'stem';
    var list = document.createElement('ol');
    list.className = 'preview-options';
    (c.options || c.items || []).forEach(function (o) {
      var li = list.appendChild(document.createElement('li'));
      li.appendChild(document.createElement('strong')).textContent = o.key + '. ';
      rich(o.content, li);
      var correct = Array.isArray(c.correct) ? c.correct.indexOf(o.key) >= 0 : c.correct === o.key;
      if (correct) { li.classList.add('correct'); }
    });
    (c.statements || []).forEach(function (s) {
      var li = list.appendChild(document.createElement('li'));
      rich(s.content, li);
      li.appendChild(document.createElement('em')).textContent = ' — ' + (s.correct ? T['true'] : T['false']);
    });
    preview.appendChild(list);
    Lms.math(preview);
  }

  function changed() {
    showParts();
    clearTimeout(timer);
    timer = setTimeout(draw, 150);
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  document.getElementById('add-option').addEventListener('click', function () { row('option-row', optionRows).querySelector('.content').focus(); changed(); });
  document.getElementById('add-statement').addEventListener('click', function () {
    row('statement-row', statementRows).querySelector('.content').focus();
    changed();
  });

  document.getElementById('e-image').addEventListener('change', function () {
    var file = this.files[0];
    if (!file) { return; }
    var data = new FormData();
    data.append('file', file);
    var input = this;
    Lms.api('POST', '/api/v1/question-assets', data).then(function (answer) {
      if (!answer.ok) { Lms.showProblem(form, answer.body, answer.status); return; }
      var stem = form.elements.stem;
      var at = stem.selectionStart || stem.value.length;
      stem.value = stem.value.slice(0, at) + '<img src="' + answer.body.src + '" alt="">' + stem.value.slice(at);
      input.value = '';
      changed();
    });
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    Lms.save(form, question(), '/api/v1/questions', id ? '/api/v1/questions/' + encodeURIComponent(id) : null, revision,
      function (saved) { return '/questions/' + encodeURIComponent(saved) + '?saved'; });
  });

  function load(q) {
    form.elements.subjectCode.value = q.subjectCode;
    form.elements.grade.value = String(q.grade);
    form.elements.topic.value = q.topic;
    form.elements.level.value = q.level;
    var c = q.content;
    form.elements.type.value = c.type;
    form.elements.stem.value = c.stem || '';
    (c.options || c.items || []).forEach(function (o) {
      row('option-row', optionRows, o.content, Array.isArray(c.correct) ? c.correct.indexOf(o.key) >= 0 : c.correct === o.key);
    });
    (c.statements || []).forEach(function (s) { row('statement-row', statementRows, s.content, s.correct); });
    if (c.value !== undefined) { form.elements.value.value = String(c.value).replace('.', ','); }
    if (c.tolerance !== undefined) { form.elements.tolerance.value = String(c.tolerance).replace('.', ','); }
    if (c.accepted) { form.elements.accepted.value = c.accepted.join('\n'); }
    if (c.guidance) { form.elements.guidance.value = c.guidance; }
    document.getElementById('e-raw').value = JSON.stringify(c, null, 2);
    Lms.saved(form, T.saved);
    changed();
  }

  if (id) {
    Lms.api('GET', '/api/v1/questions/' + encodeURIComponent(id)).then(function (answer) {
      if (!answer.ok) { Lms.showProblem(form, answer.body, answer.status); return; }
      revision = answer.response.headers.get('ETag');
      load(answer.body);
    });
  } else {
    for (var i = 0; i < 4; i++) { row('option-row', optionRows); }
    changed();
  }
})();
