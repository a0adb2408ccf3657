/**
 * The gradebook's rules. Lower secondary (Thông tư 22/2021/TT-BGDĐT): subject averages per term
 * and year, how many regular assessments a subject needs, the learning result of Điều 9 with its
 * one-subject adjustment, the year titles. Primary (Thông tư 27/2020/TT-BGDĐT): the year result. Exact decimal arithmetic, one decimal, rounded half up. Pure
 * functions, no I/O: the gradebook feature stores the scores and calls these.
 */
@NullMarked
package vn.edu.lms.api.gradebook.rules;

import org.jspecify.annotations.NullMarked;
