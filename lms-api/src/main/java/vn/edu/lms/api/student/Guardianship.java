package vn.edu.lms.api.student;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A parent (phụ huynh) linked to one of their children; a parent may have several. Id: {@code <parentId>><studentId>}. */
@Document("guardians")
record Guardianship(@Id String id, String parentId, String studentId, String schoolId, Instant createdAt) {
}
