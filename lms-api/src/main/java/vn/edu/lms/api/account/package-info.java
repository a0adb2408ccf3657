/**
 * Accounts and signing in: people's accounts with their roles and scopes, BCrypt passwords,
 * sessions and API tokens kept as hashes, resistance to guessing, the first district admin.
 */
@NullMarked
package vn.edu.lms.api.account;

import org.jspecify.annotations.NullMarked;
