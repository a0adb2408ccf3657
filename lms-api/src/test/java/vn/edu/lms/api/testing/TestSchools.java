package vn.edu.lms.api.testing;

import java.time.Duration;
import java.util.UUID;

import vn.edu.lms.api.school.School;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;

/** Schools, years and classes made for a test through the organisation's own service. */
public final class TestSchools {

    public static final int YEAR = 2026;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Schools schools;

    public TestSchools(Schools schools) {
        this.schools = schools;
    }

    /** A new school (unique id) with school year 2026–2027 open. */
    public String school(School.Level level) {
        String id = "thcs-" + UUID.randomUUID().toString().substring(0, 8);
        schools.create(id, "Trường thử nghiệm " + id, level).block(WAIT);
        schools.openYear(id, YEAR, null).block(WAIT);
        return id;
    }

    public SchoolClass schoolClass(String schoolId, String name) {
        return schools.openClass(schoolId, YEAR, name).block(WAIT);
    }
}
