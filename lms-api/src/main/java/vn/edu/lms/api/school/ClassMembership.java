package vn.edu.lms.api.school;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.security.CurrentUser;

/**
 * Whether someone belongs to a class as a student in it or as a parent of one. Enrolment knows
 * this and implements it, so that organisation does not depend on enrolment.
 */
public interface ClassMembership {

    Mono<Boolean> isMember(CurrentUser user, SchoolClass schoolClass);
}
