package vn.edu.lms.api.questionbank;

/** The question types of the bank; a blueprint counts questions per type. */
public enum QuestionType {
    SINGLE_CHOICE, MULTIPLE_RESPONSE, TRUE_FALSE_GROUP, SHORT_NUMBER, SHORT_TEXT, MATCHING, ORDERING, CLOZE, ESSAY;

    /** Whether the order of its options may be shuffled on a paper (ordering shows its items shuffled anyway). */
    public boolean objective() {
        return this != ESSAY;
    }
}
