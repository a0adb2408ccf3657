package vn.edu.lms.content.database;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Pattern;

/**
 * Where the database is. Without a URI the embedded server starts.
 *
 * @param uri a MongoDB connection string naming the database, e.g.
 *            {@code mongodb://lms:secret@mongo:27017/lms?replicaSet=rs0&authSource=admin}
 */
@ConfigurationProperties("lms.database")
@Validated
public record DatabaseProperties(
    @Nullable @Pattern(regexp = "^$|^(mongodb|mongodb\\+srv)://[^/]+/[^/?]+.*$",
        message = "must be a MongoDB connection string that names the database, e.g. mongodb://host:27017/lms")
    String uri) {

    /** The database the embedded server holds. */
    public static final String EMBEDDED_DATABASE = "lms";
}
