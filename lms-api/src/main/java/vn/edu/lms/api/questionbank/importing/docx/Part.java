package vn.edu.lms.api.questionbank.importing.docx;

import org.jspecify.annotations.Nullable;

/**
 * A part of a test ("PHẦN II"): its numeral, null for a heading without one ("TỰ LUẬN"), and the
 * kind of its questions. Question numbers start again in each part of a 2025 test, so a key
 * table's entries belong to the part whose heading precedes them.
 */
record Part(@Nullable String numeral, Kind kind) {
}
