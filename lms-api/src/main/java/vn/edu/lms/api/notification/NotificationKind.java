package vn.edu.lms.api.notification;

/** What happened; each kind has its worded text {@code notification.<KIND>} in the message bundles. */
public enum NotificationKind {
    ASSIGNMENT_NEW, WORK_GRADED, LESSON_NEW, TEST_SCHEDULED, RESULT_RELEASED
}
