/*
 * A library item's page: the video or audio player (hls.js over the HLS ladder, choosing the
 * rendition from the measured bandwidth, or Safari's own HLS, or the file itself), the text preview
 * (the first 64 KiB of the extracted text, asked for by range so a slow link does not fetch it all),
 * and, while the version is processing, a watch that reloads the page once it is done.
 */
(function () {
  'use strict';

  function player() {
    var media = document.getElementById('library-video') || document.getElementById('library-audio');
    if (!media) { return; }
    var source = media.dataset.hls;
    var quality = document.getElementById('library-quality');
    var playing = document.getElementById('library-playing');
    if (source && window.Hls && Hls.isSupported()) {
      // Only the playlists until the viewer presses play: a slow link does not fetch video nobody watches.
      var hls = new Hls({ capLevelToPlayerSize: true, startLevel: -1, autoStartLoad: false });
      hls.loadSource(source);
      hls.attachMedia(media);
      media.addEventListener('play', function () { hls.startLoad(); }, { once: true });
      media.dataset.player = 'hls.js';
      hls.on(Hls.Events.LEVEL_SWITCHED, function (event, data) {
        var level = hls.levels[data.level];
        media.dataset.level = String(data.level);
        if (playing && level) { playing.textContent = playing.dataset.text.replace('{0}', level.height ? level.height + 'p' : level.name || ''); }
      });
      hls.on(Hls.Events.ERROR, function (event, data) {
        if (!data.fatal) { return; }
        if (data.type === Hls.ErrorTypes.NETWORK_ERROR) { hls.startLoad(); }
        else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) { hls.recoverMediaError(); }
        else { hls.destroy(); media.src = media.dataset.file; media.dataset.player = 'file'; }
      });
      if (quality) {
        // hls.js orders the renditions by bitrate: the choices are its levels, "automatic" first.
        hls.on(Hls.Events.MANIFEST_PARSED, function (event, data) {
          data.levels.forEach(function (level, i) {
            var option = document.createElement('option');
            option.value = String(i);
            option.textContent = level.height ? level.height + 'p' : level.name || String(i + 1);
            quality.appendChild(option);
          });
        });
        quality.addEventListener('change', function () { hls.currentLevel = Number(quality.value); });
      }
    } else if (source && media.canPlayType('application/vnd.apple.mpegurl')) {
      media.src = source;
      media.dataset.player = 'native';
      if (quality) { quality.parentElement.hidden = true; }
    } else {
      media.src = media.dataset.file;
      media.dataset.player = 'file';
      if (quality) { quality.parentElement.hidden = true; }
    }
  }

  function textPreview() {
    var box = document.getElementById('library-text');
    if (!box) { return; }
    var pre = box.querySelector('pre');
    fetch(box.dataset.src, { credentials: 'same-origin', headers: { Range: 'bytes=0-65535' } }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      var range = response.headers.get('Content-Range');
      var partial = response.status === 206 && range && Number(range.split('/')[1]) > 65536;
      return response.arrayBuffer().then(function (buffer) {
        // A cut may fall inside a character: the decoder marks it, and it is dropped.
        var decoded = new TextDecoder('utf-8').decode(buffer);
        pre.textContent = partial ? decoded.replace(/\uFFFD+$/, '') + ' …' : decoded;
        box.querySelector('.more').hidden = !partial;
      });
    }).catch(function () {
      pre.textContent = box.dataset.textFailed;
    });
  }

  function watchProcessing() {
    var box = document.getElementById('library-processing');
    if (!box) { return; }
    var url = '/api/v1/library/items/' + encodeURIComponent(box.dataset.item);
    var number = Number(box.dataset.version);
    function poll() {
      Lms.api('GET', url).then(function (answer) {
        var version = answer.ok && (answer.body.files || []).filter(function (f) { return f.number === number; })[0];
        if (version && version.state !== 'PROCESSING') { location.reload(); return; }
        if (version) { box.querySelector('progress').value = version.progress; }
        setTimeout(poll, 3000);
      }, function () { setTimeout(poll, 10000); });
    }
    setTimeout(poll, 3000);
  }

  player();
  textPreview();
  watchProcessing();
})();
