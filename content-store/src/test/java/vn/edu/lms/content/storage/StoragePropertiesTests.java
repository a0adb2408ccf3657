package vn.edu.lms.content.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import vn.edu.lms.content.database.DatabaseProperties;

/** A wrong setting stops the start with a message that names it. */
class StoragePropertiesTests {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void anEndpointWithoutKeysIsRefused() {
        assertThat(messages(new StorageProperties(URI.create("http://minio:9000"), null, null, "us-east-1", "lms-content")))
            .anyMatch(message -> message.contains("lms.storage.access-key"));
    }

    @Test
    void anEndpointThatIsNotHttpIsRefused() {
        assertThat(messages(new StorageProperties(URI.create("ftp://minio"), "a", "secret-key", "us-east-1", "lms-content")))
            .anyMatch(message -> message.contains("http or https"));
    }

    @Test
    void anInvalidBucketNameIsRefused() {
        assertThat(messages(new StorageProperties(null, null, null, "us-east-1", "Học_Liệu"))).isNotEmpty();
    }

    @Test
    void noEndpointMeansTheEmbeddedStoreAndIsValid() {
        assertThat(messages(new StorageProperties(null, null, null, "us-east-1", "lms-content"))).isEmpty();
        assertThat(new StorageProperties(URI.create(""), null, null, "us-east-1", "lms-content").external()).isFalse();
    }

    @Test
    void aDatabaseUriMustNameTheDatabase() {
        assertThat(validator.validate(new DatabaseProperties("mongodb://mongo:27017"))).isNotEmpty();
        assertThat(validator.validate(new DatabaseProperties("mongodb://mongo:27017/lms?replicaSet=rs0"))).isEmpty();
        assertThat(validator.validate(new DatabaseProperties(null))).isEmpty();
    }

    private Set<String> messages(StorageProperties properties) {
        return validator.validate(properties).stream().map(ConstraintViolation::getMessage)
            .collect(java.util.stream.Collectors.toSet());
    }
}
