package vn.edu.lms.api.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is asking: the account, its roles with their scopes, and where the request comes from.
 * The principal of every authenticated request.
 *
 * @param accountId           the account's id (never its name: ids are safe to log)
 * @param grants              its roles and their scopes
 * @param mustChangePassword  true after an admin reset: only the password change is allowed
 */
public record CurrentUser(String accountId, List<Grant> grants, boolean mustChangePassword) {

    public CurrentUser {
        grants = List.copyOf(grants);
    }

    public boolean has(Role role) {
        return grants.stream().anyMatch(grant -> grant.role() == role);
    }

    /** Whether the account holds {@code role} at {@code schoolId} (a district admin holds every school). */
    public boolean hasAt(Role role, String schoolId) {
        return grants.stream().anyMatch(grant -> grant.role() == role && schoolId.equals(grant.schoolId()));
    }

    public boolean administers(String schoolId) {
        return has(Role.DISTRICT_ADMIN) || hasAt(Role.SCHOOL_ADMIN, schoolId);
    }

    public Set<String> schoolIds() {
        return grants.stream().map(Grant::schoolId).filter(id -> id != null).collect(Collectors.toSet());
    }
}
