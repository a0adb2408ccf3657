/**
 * How points earned on a test become the score written in the gradebook: the 10-point scale with
 * the rounding each school level's regulation prescribes. Pure arithmetic, no I/O.
 */
@NullMarked
@NamedInterface("grading")
package vn.edu.lms.api.assessment.grading;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
