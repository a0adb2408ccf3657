/**
 * Moodle GIFT files: plain text, one question per paragraph, the answers between braces
 * ({@code {=right ~wrong}}). {@link vn.edu.lms.api.questionbank.importing.gift.GiftFormat} reads
 * them into drafts; a question it cannot understand is reported and the others are still read.
 */
@NullMarked
package vn.edu.lms.api.questionbank.importing.gift;

import org.jspecify.annotations.NullMarked;
