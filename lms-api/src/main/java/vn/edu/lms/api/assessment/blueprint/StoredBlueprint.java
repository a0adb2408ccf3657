package vn.edu.lms.api.assessment.blueprint;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A school's blueprint as kept: the matrix, who wrote it, and its optimistic revision. */
@Document("blueprints")
public record StoredBlueprint(@Id String id, @Version @Nullable Long revision, String schoolId, String authorId, Blueprint blueprint,
        boolean archived, Instant createdAt, Instant updatedAt) {
}
