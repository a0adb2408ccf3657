/**
 * The audit trail: who read or changed personal data, when and from where, without the data
 * itself; append-only; readable by school and district admins.
 */
@NullMarked
package vn.edu.lms.api.audit;

import org.jspecify.annotations.NullMarked;
