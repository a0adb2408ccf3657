/**
 * Assignments (bài tập): instructions with library attachments for a class or chosen students,
 * open and due times with a late policy, submissions of text and private files (every version
 * kept), grading by score, rubric or comment-only rating, feedback returned to the student, and a
 * class's submissions as one streamed zip.
 */
@NullMarked
package vn.edu.lms.api.assignment;

import org.jspecify.annotations.NullMarked;
