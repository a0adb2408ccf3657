/**
 * QTI (IMS Question & Test Interoperability) 2.1, 2.2 and 3.0: single item files and content packages
 * (.zip with {@code imsmanifest.xml}) read into drafts, and the bank's questions written as a package.
 * Packages come from outside, so their paths, references and sizes are checked before anything is read.
 */
@NullMarked
package vn.edu.lms.api.questionbank.importing.qti;

import org.jspecify.annotations.NullMarked;
