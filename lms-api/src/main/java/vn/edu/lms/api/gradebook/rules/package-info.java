/**
 * The gradebook's rules for lower secondary (Thông tư 22/2021/TT-BGDĐT): subject averages per term
 * and year, how many regular assessments a subject needs, and the learning result of Điều 9 with
 * its one-subject adjustment. Exact decimal arithmetic, one decimal, rounded half up. Pure
 * functions, no I/O: the gradebook feature stores the scores and calls these.
 */
@NullMarked
package vn.edu.lms.api.gradebook.rules;

import org.jspecify.annotations.NullMarked;
