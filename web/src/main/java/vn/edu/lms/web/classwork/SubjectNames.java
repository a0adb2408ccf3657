package vn.edu.lms.web.classwork;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import vn.edu.lms.api.school.SchoolAccess;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.content.curriculum.Subject;
import vn.edu.lms.content.curriculum.SubjectCatalogue;

/**
 * Subjects as the classwork pages show them: by name in the page's language (templates call
 * {@code ${@subjectNames.name(code, #locale)}}), and the ones a person keeps in a class.
 */
@Component("subjectNames")
public class SubjectNames {

    private final SubjectCatalogue subjects;

    SubjectNames(SubjectCatalogue subjects) {
        this.subjects = subjects;
    }

    public String name(String code, Locale locale) {
        return subjects.name(code, locale);
    }

    /** The subjects of the class's grade that the person sets work in and keeps the book of (its teacher, homeroom teacher, admins). */
    List<Subject> kept(CurrentUser user, SchoolClass schoolClass) {
        return subjects.forGrade(schoolClass.grade()).stream().filter(subject -> SchoolAccess.teachesSubject(user, schoolClass, subject.code()))
            .toList();
    }

    List<Subject> forGrade(int grade) {
        return subjects.forGrade(grade);
    }
}
