/**
 * What a finished test session tells the teacher: the score summary and distribution, the
 * classical item analysis that catches miskeyed or badly pitched questions, and the results sheet
 * as XLSX and CSV. Pure computation and file writing; the caller runs the writing off the event loop.
 */
@NullMarked
@NamedInterface("results")
package vn.edu.lms.api.assessment.results;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
