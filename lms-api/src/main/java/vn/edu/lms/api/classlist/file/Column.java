package vn.edu.lms.api.classlist.file;

/** The columns of a class list this application understands; every other column is ignored. */
public enum Column {
    NAME, FAMILY_AND_MIDDLE, GIVEN_NAME, DATE_OF_BIRTH, GENDER, CLASS, IDENTIFIER
}
