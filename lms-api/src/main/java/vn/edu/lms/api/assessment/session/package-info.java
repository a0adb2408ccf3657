/**
 * Test sessions (ca kiểm tra): a blueprint given to classes or students in a window, with its
 * duration, rooms and their access codes, allowed networks, late-start policy and extra time; the
 * pool of question versions its papers are drawn from is fixed when the session is scheduled.
 */
@NullMarked
@NamedInterface("session")
package vn.edu.lms.api.assessment.session;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
