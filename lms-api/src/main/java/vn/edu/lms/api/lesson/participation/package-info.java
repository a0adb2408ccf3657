/**
 * The participation record schools keep for online teaching: per student and lesson, when it was
 * opened, how much of each video was watched, which documents were opened, the practice quiz's
 * score and the live class's attendance. Every update is one atomic, idempotent update of the
 * student's record for the lesson.
 */
@NullMarked
@NamedInterface("participation")
package vn.edu.lms.api.lesson.participation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
