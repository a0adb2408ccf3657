/**
 * Authentication and authorization in one place: the security chain, the roles and their scopes,
 * the rules each feature contributes for its endpoints, and the record-level checks features call.
 */
@NullMarked
package vn.edu.lms.api.security;

import org.jspecify.annotations.NullMarked;
