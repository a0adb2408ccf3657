/**
 * Text, metadata and thumbnail extraction from uploaded files with Apache Tika, PDFBox and POI. A
 * hostile file must never take the server down, so every parser runs in a child JVM
 * ({@link vn.edu.lms.content.library.extraction.ExtractionChild}) with its own small heap, and the
 * server ({@link vn.edu.lms.content.library.extraction.Extractor}) only sends it file paths and
 * reads back results, killing and replacing a child that hangs or dies.
 */
@NullMarked
package vn.edu.lms.content.library.extraction;

import org.jspecify.annotations.NullMarked;
