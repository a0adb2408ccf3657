/**
 * Papers as students see them and as they are printed: a paper item without anything that gives its
 * answer away ({@link vn.edu.lms.api.assessment.paper.ShownItem}), the right answer in the shape a
 * student answers in ({@link vn.edu.lms.api.assessment.paper.AnswerKey}), and the lettered versions of a
 * test (mã đề) printed as one PDF with their answer keys
 * ({@link vn.edu.lms.api.assessment.paper.PrintedVersions}).
 */
@NullMarked
@NamedInterface("paper")
package vn.edu.lms.api.assessment.paper;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
