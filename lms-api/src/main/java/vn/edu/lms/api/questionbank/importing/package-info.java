/**
 * Question files in and out: Moodle XML, GIFT, Aiken, QTI 2.1/2.2/3.0 and Word (.docx) as Vietnamese
 * teachers write tests. Each format reads a file into {@link vn.edu.lms.api.questionbank.importing.ParsedFile}
 * (a draft or the problems of each question, and the images it holds) without storing anything; the
 * import then stores all of it or nothing.
 */
@NullMarked
package vn.edu.lms.api.questionbank.importing;

import org.jspecify.annotations.NullMarked;
