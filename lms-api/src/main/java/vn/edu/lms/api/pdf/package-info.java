/**
 * What the features that write PDFs with PDFBox (credential sheets, printed test versions) share:
 * the Liberation fonts on the classpath, which have every Vietnamese letter, and text made
 * printable with them.
 */
@NullMarked
package vn.edu.lms.api.pdf;

import org.jspecify.annotations.NullMarked;
