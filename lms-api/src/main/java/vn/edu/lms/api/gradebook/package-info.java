/**
 * The gradebook (sổ theo dõi và đánh giá) of lower secondary classes under Thông tư 22: one book
 * per class, subject and term, whose cells are entered by the subject's teacher or flow in from
 * periodic tests, assignments and counted practice quizzes; every change recorded (who, when, old
 * and new, why); a term locked by the school's admin after it ends; the averages, ratings and
 * learning results computed by {@code rules}; the class's book as XLSX; students and parents read
 * only their own.
 */
@NullMarked
package vn.edu.lms.api.gradebook;

import org.jspecify.annotations.NullMarked;
