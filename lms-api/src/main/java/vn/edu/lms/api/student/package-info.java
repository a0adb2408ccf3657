/**
 * Students and their place in the school: personal records, enrolment in classes with its history
 * (moves, leaving, promotion at roll-over), parents linked to their children, and class lists.
 */
@NullMarked
package vn.edu.lms.api.student;

import org.jspecify.annotations.NullMarked;
