/*
 * The PDF preview of a library item: PDF.js (a module, loaded only on pages that show a PDF) draws
 * one page at a time on a canvas, as wide as the page allows; Previous and Next turn the pages. It
 * reads the file by ranges where the server allows, so a long document starts to show before it has
 * all arrived. Scripts in the document never run (no eval, no scripting).
 */
const box = document.getElementById('library-pdf');

async function preview() {
  const status = box.querySelector('.pdf-status');
  const canvas = box.querySelector('canvas');
  const controls = box.querySelector('.pdf-controls');
  const pageText = box.querySelector('.pdf-page');
  try {
    const module = await import(box.dataset.pdfjs);
    const pdfjs = module.getDocument ? module : globalThis.pdfjsLib;
    pdfjs.GlobalWorkerOptions.workerSrc = box.dataset.worker;
    const pdf = await pdfjs.getDocument({
      url: box.dataset.src,
      isEvalSupported: false,
      enableScripting: false,
      cMapUrl: box.dataset.cmaps,
      cMapPacked: true,
      standardFontDataUrl: box.dataset.fonts,
      wasmUrl: box.dataset.wasm
    }).promise;
    let current = 1;
    let rendering = null;

    const show = async (number) => {
      if (rendering) { rendering.cancel(); }
      current = Math.min(Math.max(1, number), pdf.numPages);
      const page = await pdf.getPage(current);
      const width = Math.max(240, box.clientWidth);
      const scale = width / page.getViewport({ scale: 1 }).width;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: scale * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      // Its size on screen: the page's width in CSS pixels, never wider than the box (the height follows).
      canvas.style.width = Math.floor(viewport.width / ratio) + 'px';
      rendering = page.render({ canvas: canvas, canvasContext: canvas.getContext('2d'), viewport: viewport });
      try {
        await rendering.promise;
      } catch (cancelled) {
        return;
      }
      rendering = null;
      box.dataset.rendered = String(current);
      pageText.textContent = box.dataset.textPage.replace('{0}', current).replace('{1}', pdf.numPages);
      controls.querySelector('[data-page="-1"]').disabled = current === 1;
      controls.querySelector('[data-page="1"]').disabled = current === pdf.numPages;
    };

    controls.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-page]');
      if (button) { show(current + Number(button.dataset.page)); }
    });
    box.dataset.pages = String(pdf.numPages);
    status.hidden = true;
    controls.hidden = false;
    await show(1);
  } catch (failure) {
    status.textContent = box.dataset.textFailed;
    status.hidden = false;
    canvas.hidden = true;
    box.dataset.failed = 'true';
  }
}

// On a link the browser knows to be slow, or with data saving on, PDF.js (some 420 KB the first time)
// waits to be asked for.
const connection = navigator.connection;
const sparing = connection && (connection.saveData || /(^|-)2g$/.test(connection.effectiveType || ''));
if (box && sparing) {
  const ask = box.querySelector('.pdf-load');
  box.querySelector('.pdf-status').hidden = true;
  ask.hidden = false;
  ask.addEventListener('click', () => {
    ask.hidden = true;
    box.querySelector('.pdf-status').hidden = false;
    preview();
  }, { once: true });
} else if (box) {
  preview();
}
