package vn.edu.lms.content.library.item;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.mongodb.core.query.Criteria;

import vn.edu.lms.content.library.LibraryCaller;

/**
 * Who may see, change and appraise a library item: one set of rules, used both to check a single
 * item and (as a query) to list items, so that a list can never show what a fetch would refuse.
 */
public final class LibraryAccess {

    private LibraryAccess() {
    }

    /**
     * The owner always; a private item nobody else. A class item: its classes and the school's
     * admins. A school item: anyone at the school. A district item: anyone once approved, its school
     * before that, and the reviewers of its subject while it waits for them. District admins see
     * every shared item.
     */
    public static boolean maySee(LibraryCaller caller, LibraryItem item) {
        if (item.ownerId().equals(caller.accountId())) {
            return true;
        }
        if (item.deleted() || item.scope() == Scope.PRIVATE) {
            return false;
        }
        if (caller.districtAdmin() || caller.administers(item.schoolId())) {
            return true;
        }
        return switch (item.scope()) {
            case PRIVATE -> false;
            case CLASS -> item.classIds().stream().anyMatch(caller.classIds()::contains);
            case SCHOOL -> atSchool(caller, item);
            case DISTRICT -> item.appraisal().status() == LibraryItem.Appraisal.Status.APPROVED || atSchool(caller, item)
                || mayAppraise(caller, item);
        };
    }

    /** The owner, and the admins of the item's school. */
    public static boolean mayEdit(LibraryCaller caller, LibraryItem item) {
        return !item.deleted() && (item.ownerId().equals(caller.accountId()) || caller.administers(item.schoolId()));
    }

    /** A reviewer of the item's subject, while it waits for appraisal, and never of their own item. */
    public static boolean mayAppraise(LibraryCaller caller, LibraryItem item) {
        return item.appraisal().status() == LibraryItem.Appraisal.Status.SUBMITTED
            && caller.reviewedSubjects().contains(item.metadata().subjectCode())
            && !item.ownerId().equals(caller.accountId());
    }

    private static boolean atSchool(LibraryCaller caller, LibraryItem item) {
        return item.schoolId() != null && caller.schoolIds().contains(item.schoolId());
    }

    /** {@link #maySee} as a query over {@code library_items}. */
    public static Criteria visibleTo(LibraryCaller caller) {
        List<Criteria> any = new ArrayList<>();
        any.add(Criteria.where("ownerId").is(caller.accountId()));
        Criteria shared = Criteria.where("scope").ne(Scope.PRIVATE.name()).and("deleted").is(false);
        if (caller.districtAdmin()) {
            any.add(shared);
        } else {
            if (!caller.administeredSchools().isEmpty()) {
                any.add(Criteria.where("scope").ne(Scope.PRIVATE.name()).and("deleted").is(false)
                    .and("schoolId").in(caller.administeredSchools()));
            }
            any.add(Criteria.where("scope").is(Scope.CLASS.name()).and("deleted").is(false).and("classIds").in(caller.classIds()));
            any.add(Criteria.where("scope").in(Scope.SCHOOL.name(), Scope.DISTRICT.name()).and("deleted").is(false)
                .and("schoolId").in(caller.schoolIds()));
            any.add(Criteria.where("scope").is(Scope.DISTRICT.name()).and("deleted").is(false)
                .and("appraisal.status").is(LibraryItem.Appraisal.Status.APPROVED.name()));
            if (!caller.reviewedSubjects().isEmpty()) {
                any.add(Criteria.where("scope").is(Scope.DISTRICT.name()).and("deleted").is(false)
                    .and("appraisal.status").is(LibraryItem.Appraisal.Status.SUBMITTED.name())
                    .and("metadata.subjectCode").in(caller.reviewedSubjects()));
            }
        }
        return new Criteria().orOperator(any);
    }
}
