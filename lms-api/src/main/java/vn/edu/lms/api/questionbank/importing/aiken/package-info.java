/**
 * Aiken files: plain text single-choice questions, a question, its options {@code A.} to
 * {@code Z.} and an {@code ANSWER:} line. {@link vn.edu.lms.api.questionbank.importing.aiken.AikenFormat}
 * reads them into drafts; a question it cannot understand is reported and the others are still read.
 */
@NullMarked
package vn.edu.lms.api.questionbank.importing.aiken;

import org.jspecify.annotations.NullMarked;
