/**
 * Moodle XML question files (the {@code <quiz>} export of Moodle's question bank) read into
 * {@link vn.edu.lms.api.questionbank.importing.ParsedFile}: categories name the topic, each Moodle
 * type becomes the closest question type of the bank, embedded images are decoded. The XML parser
 * refuses DOCTYPEs, so no entity of the file is ever resolved.
 */
@NullMarked
package vn.edu.lms.api.questionbank.importing.moodle;

import org.jspecify.annotations.NullMarked;
