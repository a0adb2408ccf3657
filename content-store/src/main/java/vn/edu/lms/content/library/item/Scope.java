package vn.edu.lms.content.library.item;

/** How far an item is shared: class → school → district; the district only after appraisal. */
public enum Scope {
    /** The owner only. */
    PRIVATE,
    /** The chosen classes: their students, teachers and parents. */
    CLASS,
    /** Everyone at the item's school. */
    SCHOOL,
    /** Every school of the district, once approved; its own school meanwhile. */
    DISTRICT
}
