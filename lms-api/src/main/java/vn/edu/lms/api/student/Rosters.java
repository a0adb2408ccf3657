package vn.edu.lms.api.student;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.account.AccountDirectory;
import vn.edu.lms.api.account.Names;

/** Class lists: who is in a class now, with their names, in the order Vietnamese class lists use. */
@Component
public class Rosters {

    private final Students students;
    private final AccountDirectory accounts;

    Rosters(Students students, AccountDirectory accounts) {
        this.students = students;
        this.accounts = accounts;
    }

    /**
     * One line of a class list.
     *
     * @param number  số thứ tự (STT), from 1, in class-list order
     */
    public record Entry(int number, String studentId, String fullName, LocalDate dateOfBirth, Student.Gender gender,
            String identifier, String username, boolean mustChangePassword) {
        @Override
        public String toString() {
            return "Entry[studentId=" + studentId + "]";
        }
    }

    /** The class's students, sorted by given name, then the rest, with Vietnamese collation. */
    public Mono<List<Entry>> of(String classId) {
        return students.enrolledIn(classId).map(Enrolment::studentId).collectList()
            .flatMap(ids -> Mono.zip(
                students.students(ids).collectMap(Student::id, Function.identity()),
                accounts.people(ids).collectMap(AccountDirectory.Person::id, Function.identity())))
            .map(found -> sorted(found.getT1(), found.getT2()));
    }

    private static List<Entry> sorted(Map<String, Student> records, Map<String, AccountDirectory.Person> people) {
        List<AccountDirectory.Person> ordered = people.values().stream().filter(person -> records.containsKey(person.id()))
            .sorted(Comparator.comparing(AccountDirectory.Person::fullName, Names.CLASS_LIST_ORDER)
                .thenComparing(person -> records.get(person.id()).dateOfBirth()))
            .toList();
        return java.util.stream.IntStream.range(0, ordered.size()).mapToObj(i -> {
            AccountDirectory.Person person = ordered.get(i);
            Student record = records.get(person.id());
            return new Entry(i + 1, person.id(), person.fullName(), record.dateOfBirth(), record.gender(), record.identifier(),
                person.username(), person.mustChangePassword());
        }).collect(Collectors.toList());
    }
}
